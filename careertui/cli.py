"""Command line: arguments in, an app (or a clear refusal) out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .store import ENV_WORKBOOK, WorkbookError, default_workbook_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careertui",
        description=(
            "A private, offline workbook for your career development conversation: "
            "prepare it, hold it, follow it up, and check progress at each one-on-one."
        ),
        epilog=(
            f"The workbook is {default_workbook_path()} "
            f"unless --db or ${ENV_WORKBOOK} says otherwise."
        ),
    )
    parser.add_argument(
        "--db", metavar="PATH", help=f"workbook file to open (also ${ENV_WORKBOOK})"
    )
    parser.add_argument("--theme", metavar="NAME", help="theme for this run, e.g. careertui-light")
    parser.add_argument("--version", action="version", version=f"careertui {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .factory import create_app

    try:
        app = create_app(args.db, theme=args.theme)
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    try:
        app.run()
    finally:
        if app.workbook.dirty and app.save_error is None:
            try:  # the app stopped without its own save (a crash): one last try
                app.workbook.save()
            except WorkbookError as error:
                print(f"careertui: your last changes could not be saved: {error}", file=sys.stderr)
        app.workbook.close()
    if app.return_code:
        return app.return_code
    return 0
