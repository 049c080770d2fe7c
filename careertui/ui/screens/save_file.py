"""Saving a file the person asked for: where, whether to replace, and where it went.

The dialog starts in the folder last saved to (kept in the settings, beside the
theme, not in the workbook), so exports land together without typing the folder
again, also after a restart."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual.app import App

from ...core.store import describe_os_error, display_path, export_file, export_folder
from .confirm import ChoiceDialog

LAST_FOLDER = "last_save_folder"
"""The settings key of the folder a file was last saved to."""


async def save_to_chosen_file(
    app: App[Any], default: Path, payload: bytes, what: str, warning: str = ""
) -> Path | None:
    """Ask where to save (a file or a folder), ask before replacing, then say where it went.
    `warning` ("it mentions 2 private items …") is said in the question, before anything
    is written, and again with where it went, as a copy says it.

    Must run in a worker: it waits on dialogs. Returns the path written, or None.
    """
    def write(target: str, overwrite: bool) -> Path:
        return export_file(target, payload, overwrite=overwrite, default_name=default.name)

    return await _save_where_chosen(
        app, default, "Save to this file (or type a folder, or another name):", what, write,
        warning=warning)


async def save_to_chosen_folder(
    app: App[Any], default: Path, files: Sequence[tuple[str, bytes]], what: str,
    replaces: Callable[[str], bool],
) -> Path | None:
    """As `save_to_chosen_file`, for a set of files that lives in a folder of its own
    (the progress packet): replacing it replaces the whole set (`export_folder`)."""
    def write(target: str, overwrite: bool) -> Path:
        return export_folder(target, files, overwrite=overwrite, default_name=default.name,
                             replaces=replaces)

    return await _save_where_chosen(
        app, default, "Save into this new folder (or type another):", what, write,
        replace_question="Replace the files in that folder?")


async def _save_where_chosen(
    app: App[Any], default: Path, prompt: str, what: str,
    write: Callable[[str, bool], Path], *, warning: str = "",
    replace_question: str = "Replace the file?",
) -> Path | None:
    settings = getattr(app, "settings", None)
    default = start_path(default, settings.get(LAST_FOLDER) if settings is not None else None)
    # Said before the person chooses: said only once written, a trial saved an agenda
    # quoting a private goal, and an email with a time no calendar could read, unwarned.
    question = f"Note: {warning}.\n\n{prompt}" if warning else prompt
    choice = await app.push_screen_wait(
        ChoiceDialog(
            f"Save {what}",
            question,
            [("save-as", "Save"), ("cancel", "Cancel")],
            ask_path=display_path(default),
            escape_choice=None,
        )
    )
    if not choice or not choice.startswith("save-as:"):
        return None
    target = choice.removeprefix("save-as:")  # a string: "exports/" names a folder
    overwrite = False
    while True:
        try:  # mkdir, write, fsync: never on the event loop
            written = await asyncio.to_thread(write, target, overwrite)
        except FileExistsError as error:
            existing = Path(error.filename or target).expanduser()
            answer = await app.push_screen_wait(
                ChoiceDialog(
                    replace_question,
                    f"{display_path(existing)} already exists.",
                    [("keep", "Keep it"), ("replace", "Replace it")],
                    escape_choice="keep",
                )
            )
            if answer != "replace":
                _tell(app, "Nothing was saved; what was there is unchanged.")
                return None
            overwrite = True
        except OSError as error:
            _tell(app, f"Could not save {what}: {describe_os_error(error, Path(target))}",
                  severity="error", timeout=10)
            return None
        else:
            note = f"\nNote: {warning}." if warning else ""
            if getattr(getattr(app, "workbook", None), "keys", None) is not None:
                note += "\nThis is not encrypted, unlike your workbook."
            _tell(app, f"Saved {what} to\n{display_path(written)}{note}", timeout=10,
                  severity="warning" if warning else "information")
            # The folder it went into: for a set of files, the folder that holds its folder.
            if settings is not None and settings.get(LAST_FOLDER) != str(written.parent):
                settings.remember(LAST_FOLDER, str(written.parent))
                await asyncio.to_thread(settings.write)  # a folder not remembered: no harm
            return written


def start_path(default: Path, last_folder: object) -> Path:
    """The default file name in the folder last saved to, while that folder exists."""
    if isinstance(last_folder, str) and last_folder and Path(last_folder).is_dir():
        return Path(last_folder) / default.name
    return default


def _tell(app: App[Any], message: str, **options: Any) -> None:
    """A notice that replaces the previous one from saving a file (careertui's app
    takes a key for that; any other app shows it as usual)."""
    from ..app import CareerApp

    if isinstance(app, CareerApp):
        app.notify(message, key="export", **options)
    else:
        app.notify(message, **options)
