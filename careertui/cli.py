"""Command line: arguments in, an app (or a clear refusal) out.

`careertui` opens the workbook; `careertui sample PATH` writes a fictional one;
`careertui export` prints a workbook as Markdown; `careertui status` says in one line
what is due. The commands that do not start the app never import Textual, so they
are quick in scripts (and `status` in a shell prompt).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .core.store import (
    ENV_WORKBOOK,
    Workbook,
    WorkbookError,
    default_workbook_path,
    resolve_workbook_path,
)

if TYPE_CHECKING:
    from .core.drafting.packet import PacketDocument

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
    parser.add_argument(
        "--share-safe",
        action="store_true",
        help="start with private items hidden, for sharing your screen (remembered until "
        "you turn it off with ctrl+l)",
    )
    parser.add_argument("--version", action="version", version=f"careertui {__version__}")
    commands = parser.add_subparsers(dest="command",
                                     metavar="{sample,export,status,encrypt,decrypt}")

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
    _db_option(export, "export")
    export.add_argument("--out", metavar="PATH",
                        help="write to the file PATH (refuses to replace one) instead of "
                        "printing; with --packet, to the folder PATH")
    export.add_argument("--shareable-only", action="store_true",
                        help="leave out every item not marked shareable")
    export.add_argument("--packet", action="store_true",
                        help="the progress packet instead: an index and a Markdown document "
                        "per shareable goal, with its evidence, status over time and "
                        "requests (shareable items only)")

    status = commands.add_parser(
        "status",
        help="one line saying what is due, for a shell prompt or a cron job",
        description="One line: the next one-on-one, action items overdue, requests "
        "waiting and the thank-you clock, as counts and days only (no private text). "
        "Reads the workbook without changing it. Exit status 0, 1 when something is "
        "overdue, 2 when the workbook cannot be read.",
    )
    _db_option(status, "read")
    status.add_argument("--json", action="store_true",
                        help="the same as JSON fields instead of a line")

    encrypt = commands.add_parser(
        "encrypt",
        help="encrypt a workbook with a passphrase (age format)",
        description="Encrypt the workbook (age format, opens with `age -d` too). Asks for a "
        "passphrase twice; from then on careertui asks for it once per launch. The key file "
        f"beside the workbook must stay with it. A forgotten passphrase cannot be recovered. "
        f"For scripts, ${crypto_env()} names a file holding the passphrase.",
    )
    _db_option(encrypt, "encrypt")
    decrypt = commands.add_parser(
        "decrypt",
        help="turn an encrypted workbook back into a plain one",
        description="Asks for the passphrase, then writes the workbook as plain JSON again "
        "and removes its key file.",
    )
    _db_option(decrypt, "decrypt")
    return parser


def _db_option(command: argparse.ArgumentParser, verb: str) -> None:
    """`--db` for a subcommand; left unset when not given, so the main `--db` (before
    the subcommand) still counts."""
    command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                         help=f"workbook to {verb} (default: yours, or ${ENV_WORKBOOK})")


def crypto_env() -> str:
    from .core.crypto import ENV_PASSPHRASE_FILE

    return ENV_PASSPHRASE_FILE


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
    if args.command == "status":
        return status_command(getattr(args, "db", None), as_json=args.json)
    if args.command == "encrypt":
        return _encrypt(getattr(args, "db", None))
    if args.command == "decrypt":
        return _decrypt(getattr(args, "db", None))
    if args.demo:
        if args.db:
            print("careertui: --demo opens a sample workbook; leave out --db", file=sys.stderr)
            return 2
        return _run_demo(args.theme, args.share_safe)
    return _run(args.db, args.theme, share_safe=args.share_safe)


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
    from .core.drafting.packet import packet_documents, render_packet
    from .core.drafting.workbook_export import WorkbookContents, export_file_name, render_workbook
    from .core.store import Workbook, describe_os_error, export_file

    path = resolve_workbook_path(db)
    try:  # read only: an open careertui may hold the lock, and nothing is written
        book = Workbook.read(path, keys=_keys_on_terminal(path))
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    contents = WorkbookContents.of(book)
    if packet:
        documents = packet_documents(contents.profile, contents.goals, contents.achievements,
                                     contents.requests, contents.checkins, date.today())
        if out is None:
            sys.stdout.write(render_packet(documents))
            return 0
        return _write_packet(out, documents, encrypted=book.keys is not None)
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
    sealed = " (not encrypted, unlike the workbook)" if book.keys is not None else ""
    print(f"Wrote {written}{sealed}", file=sys.stderr)
    return 0


def _write_packet(out: str, documents: Sequence[PacketDocument], *, encrypted: bool) -> int:
    from .core.drafting.packet import is_packet_file, packet_folder_name
    from .core.store import describe_os_error, display_path, export_folder

    files = [(document.name, document.text.encode("utf-8")) for document in documents]
    try:
        folder = export_folder(out, files, default_name=packet_folder_name(date.today()),
                               replaces=is_packet_file)
    except FileExistsError as error:
        where = Path(error.filename).parent if error.filename else Path(out)
        print(f"careertui: {display_path(where)} already holds a progress packet; "
              "choose a new folder", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"careertui: could not write {out}: {describe_os_error(error, Path(out))}",
              file=sys.stderr)
        return 1
    sealed = " (not encrypted, unlike the workbook)" if encrypted else ""
    count = len(documents) - 1
    print(f"Wrote the progress packet to {display_path(folder)}: an index and "
          f"{count} goal document{'s' if count != 1 else ''}{sealed}", file=sys.stderr)
    return 0


STATUS_UNREADABLE = 2
"""`careertui status` when the workbook cannot be read (1 means something is overdue)."""


def status_command(db: str | None, *, as_json: bool = False,
                   clock: Callable[[], datetime] | None = None) -> int:
    """Print what is due; 0, 1 when something is overdue, 2 when the workbook cannot be
    read. Read only: nothing is moved, locked, backed up or written."""
    from .core.model import system_clock
    from .core.status import workbook_status

    path = resolve_workbook_path(db)
    try:
        book = Workbook.read(path, keys=_keys_on_terminal(path, quiet=True))
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return STATUS_UNREADABLE
    status = workbook_status(book, (clock or system_clock)())
    if as_json:
        import json

        print(json.dumps(status.to_json()))
    else:
        print(status.line())
    return 1 if status.overdue else 0


def _ask_passphrase(prompt: str, *, twice: bool = False) -> str:
    """From `$CAREERTUI_PASSPHRASE_FILE`, else typed (masked) on the terminal.
    Raises WorkbookError when there is no way to ask."""
    import getpass

    from .core.crypto import CryptoError, passphrase_from_environment

    try:
        given = passphrase_from_environment()
    except CryptoError as error:
        raise WorkbookError(str(error)) from None
    if given is not None:
        if not given:
            raise WorkbookError(f"the file ${crypto_env()} names holds no passphrase")
        return given
    if not sys.stdin.isatty():
        raise WorkbookError(f"there is no terminal to ask for the passphrase on; set "
                            f"${crypto_env()} to a file holding it")
    typed = getpass.getpass(prompt)
    if not typed:
        raise WorkbookError("no passphrase was typed; nothing was changed")
    if twice and getpass.getpass("The same passphrase again: ") != typed:
        raise WorkbookError("the two passphrases differ; nothing was changed")
    return typed


def _identity_file(path: Path) -> bytes | None:
    """The passphrase-protected key file beside an encrypted workbook; None for a plain
    workbook. Raises WorkbookError when an encrypted one's key file cannot be read."""
    from .core.crypto import identity_path, is_encrypted

    if not is_encrypted(path):
        return None
    try:
        return identity_path(path).read_bytes()
    except OSError as error:
        raise WorkbookError(f"{path} is encrypted, and its key file {identity_path(path)} "
                            f"cannot be read ({error.strerror or error})") from None


def _keys_on_terminal(path: Path, *, quiet: bool = False):  # noqa: ANN202 - Keys | None
    """The keys of an encrypted workbook (asking for its passphrase); None for a plain one.
    `quiet` leaves out the progress line (a shell prompt has no room for it)."""
    from .core.crypto import CryptoError, unlock

    identity = _identity_file(path)
    if identity is None:
        return None
    passphrase = _ask_passphrase(f"Passphrase for {path}: ")
    if not quiet:
        print("Opening the key file (a few seconds)…", file=sys.stderr)
    try:
        return unlock(identity, passphrase)
    except CryptoError as error:
        raise WorkbookError(f"{path} is encrypted, and {error}") from None


def _encrypt(db: str | None) -> int:
    from .core import crypto
    from .core.store import LAST_COPIED_NAME, Workbook, atomic_write, data_dir

    path = resolve_workbook_path(db)
    try:
        if crypto.is_encrypted(path):
            raise WorkbookError(f"{path} is already encrypted")
        Workbook.read(path).close()  # readable, or say why before asking anything
        book = Workbook.open(path)  # and no careertui has it open
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    try:
        passphrase = _ask_passphrase("New passphrase: ", twice=True)
        keys = crypto.new_keys()
        print("Encrypting (a few seconds)…", file=sys.stderr)
        atomic_write(crypto.identity_path(path), crypto.lock_identity(keys, passphrase))
        book.keys = keys
        book.save()
    except (WorkbookError, OSError) as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    finally:
        book.close()
    removed = [p for p in (*path.parent.glob(f"{path.name}.v*-backup"),
                           data_dir() / LAST_COPIED_NAME) if p.is_file()]
    for leftover in removed:  # careertui's own plain copies: none is kept beside it
        leftover.unlink()
    print(f"Encrypted {path}.\nIts key file is {crypto.identity_path(path)}: keep it beside "
          "the workbook. A forgotten passphrase cannot be recovered.")
    if removed:
        print("Removed careertui's plain copies: " + ", ".join(str(p) for p in removed))
    return 0


def _decrypt(db: str | None) -> int:
    from .core import crypto
    from .core.store import Workbook

    path = resolve_workbook_path(db)
    try:
        if not crypto.is_encrypted(path):
            raise WorkbookError(f"{path} is not encrypted")
        book = Workbook.open(path, keys=_keys_on_terminal(path))
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    try:
        if book.read_error:
            print(f"careertui: {book.read_error}", file=sys.stderr)
            return 1
        book.keys = None
        book.save()
    except WorkbookError as error:
        print(f"careertui: {error}", file=sys.stderr)
        return 1
    finally:
        book.close()
    crypto.identity_path(path).unlink(missing_ok=True)
    print(f"Decrypted {path}: it is plain JSON again, and its key file is removed.")
    return 0


def _run_demo(theme: str | None, share_safe: bool = False) -> int:
    """A fresh sample in a temporary folder, removed afterwards: the user's file is never read."""
    from .core.sample import write_sample

    folder = Path(tempfile.mkdtemp(prefix="careertui-demo-"))
    try:
        path = folder / "demo-workbook.json"
        write_sample(path, years=DEMO_YEARS)
        return _run(str(path), theme, demo=True, share_safe=share_safe)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unlock_in_app(path: Path, theme: str | None):  # noqa: ANN202 - Keys | None | False
    """An encrypted workbook's keys, asked for in a small app of its own before the
    workbook is opened; None for a plain workbook, False when it could not be unlocked."""
    identity = _identity_file(path)
    if identity is None:
        return None
    from .ui.unlock import UnlockApp

    unlocking = UnlockApp(path, identity, theme=theme)
    keys = unlocking.run()
    if keys is None:
        print(f"careertui: {unlocking.problem or 'the workbook stays locked'}", file=sys.stderr)
        return False
    return keys


def _run(db: str | None, theme: str | None, *, demo: bool = False,
         share_safe: bool = False) -> int:
    from .factory import create_app

    try:
        keys = _unlock_in_app(resolve_workbook_path(db), theme)
        if keys is False:
            return 1
        app = create_app(db, theme=theme, demo=demo, share_safe=share_safe, keys=keys or None)
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
