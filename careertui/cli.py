"""Command line: arguments in, an app (or a clear refusal) out.

`careertui` opens the workbook; `careertui sample PATH` writes a fictional one;
`careertui export` prints a workbook as Markdown. The two commands that do not
start the app never import Textual, so they are quick in scripts.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import __version__
from .core.store import ENV_WORKBOOK, WorkbookError, default_workbook_path, resolve_workbook_path

DEMO_YEARS = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careertui",
        description=(
            "A private, offline workbook for your career development conversation: "
            "prepare it, hold it, follow it up, and check progress at each one-on-one."
        ),
        epilog=(
            f"The workbook is {default_workbook_path()} "
            f"unless --db or ${ENV_WORKBOOK} says otherwise. "
            "Run 'careertui sample -h' or 'careertui export -h' for the other commands."
        ),
    )
    parser.add_argument(
        "--db", metavar="PATH", help=f"workbook file to open (also ${ENV_WORKBOOK})"
    )
    parser.add_argument("--theme", metavar="NAME", help="theme for this run, e.g. careertui-light")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="try careertui on a temporary copy of a one-year sample workbook "
        "(your own workbook is not opened)",
    )
    parser.add_argument("--version", action="version", version=f"careertui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="{sample,export}")

    sample = commands.add_parser(
        "sample",
        help="write a fictional sample workbook",
        description="Write a realistic, fictional workbook dated up to today. The same seed "
        "on the same day gives the same file. An existing file is never replaced.",
    )
    sample.add_argument("path", metavar="PATH", help="the new workbook file")
    sample.add_argument("--years", type=_positive, default=1, metavar="N",
                        help="how many years of history (default 1)")
    sample.add_argument("--seed", type=int, default=1, metavar="S",
                        help="random seed (default 1)")

    export = commands.add_parser(
        "export",
        help="print the whole workbook as Markdown",
        description="The whole workbook as one Markdown document, a section per stage, "
        "check-ins newest first.",
    )
    export.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help=f"workbook to export (default: yours, or ${ENV_WORKBOOK})")
    export.add_argument("--out", metavar="FILE",
                        help="write to FILE (refuses to replace one) instead of printing")
    export.add_argument("--shareable-only", action="store_true",
                        help="leave out every item not marked shareable")
    export.add_argument("--packet", action="store_true",
                        help="the progress packet instead: each shareable goal with its "
                        "evidence, status over time and requests (shareable items only)")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "sample":
        return _write_sample(Path(args.path).expanduser(), args.years, args.seed)
    if args.command == "export":
        return _export(args.db, args.out, args.shareable_only, packet=args.packet)
    if args.demo:
        if args.db:
            print("careertui: --demo opens a sample workbook; leave out --db", file=sys.stderr)
            return 2
        return _run_demo(args.theme)
    return _run(args.db, args.theme)


def _write_sample(path: Path, years: int, seed: int) -> int:
    from .core.sample import write_sample
    from .core.store import describe_os_error

    try:
        sample = write_sample(path, years=years, seed=seed)
    except FileExistsError:
        print(f"careertui: {path} already exists; choose a new file name", file=sys.stderr)
        return 1
    except (OSError, WorkbookError) as error:
        reason = describe_os_error(error, path) if isinstance(error, OSError) else error
        print(f"careertui: could not write {path}: {reason}", file=sys.stderr)
        return 1
    print(f"Wrote {path}: {sample.summary()}.\nOpen it with: careertui --db {path}")
    return 0


def _export(db: str | None, out: str | None, shareable_only: bool, *,
            packet: bool = False) -> int:
    from .core.drafting.packet import packet_file_name, render_packet
    from .core.drafting.workbook_export import WorkbookContents, export_file_name, render_workbook
    from .core.store import Workbook, describe_os_error, export_file

    path = resolve_workbook_path(db)
    try:  # read only: an open careertui may hold the lock, and nothing is written
        book = Workbook.read(path)
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    contents = WorkbookContents.of(book)
    if packet:
        text = render_packet(contents.profile, contents.goals, contents.achievements,
                             contents.requests, contents.checkins, date.today())
        name = packet_file_name(date.today())
    else:
        text = render_workbook(contents, today=date.today(), shareable_only=shareable_only)
        name = export_file_name(date.today(), shareable_only)
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        written = export_file(out, text.encode("utf-8"), default_name=name)
    except FileExistsError:
        print(f"careertui: {out} already exists; choose a new file name", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"careertui: could not write {out}: {describe_os_error(error, Path(out))}",
              file=sys.stderr)
        return 1
    print(f"Wrote {written}", file=sys.stderr)
    return 0


def _run_demo(theme: str | None) -> int:
    """A fresh sample in a temporary folder, removed afterwards: the user's file is never read."""
    from .core.sample import write_sample

    folder = Path(tempfile.mkdtemp(prefix="careertui-demo-"))
    try:
        path = folder / "demo-workbook.json"
        write_sample(path, years=DEMO_YEARS)
        return _run(str(path), theme, demo=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(db: str | None, theme: str | None, *, demo: bool = False) -> int:
    from .factory import create_app

    try:
        app = create_app(db, theme=theme, demo=demo)
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
