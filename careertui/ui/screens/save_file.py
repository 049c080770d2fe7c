"""Saving a file the person asked for: where, whether to replace, and where it went.

The dialog starts in the folder last saved to (kept in the settings, beside the
theme, not in the workbook), so exports land together without typing the folder
again, also after a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.app import App

from ...core.store import describe_os_error, display_path, export_file
from .confirm import ChoiceDialog

LAST_FOLDER = "last_save_folder"
"""The settings key of the folder a file was last saved to."""


async def save_to_chosen_file(
    app: App[Any], default: Path, payload: bytes, what: str, warning: str = ""
) -> Path | None:
    """Ask where to save (a file or a folder), ask before replacing, then say where it went,
    with `warning` as a note ("it mentions 2 private items …"), as a copy says it.

    Must run in a worker: it waits on dialogs. Returns the path written, or None.
    """
    settings = getattr(app, "settings", None)
    default = start_path(default, settings.get(LAST_FOLDER) if settings is not None else None)
    choice = await app.push_screen_wait(
        ChoiceDialog(
            f"Save {what}",
            "Save to this file (or type a folder, or another name):",
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
        try:
            written = await asyncio.to_thread(  # mkdir, write, fsync: never on the event loop
                export_file, target, payload, overwrite=overwrite, default_name=default.name
            )
        except FileExistsError:
            answer = await app.push_screen_wait(
                ChoiceDialog(
                    "Replace the file?",
                    f"{display_path(Path(target).expanduser())} already exists.",
                    [("keep", "Keep it"), ("replace", "Replace it")],
                    escape_choice="keep",
                )
            )
            if answer != "replace":
                _tell(app, "Nothing was saved; the existing file is unchanged.")
                return None
            overwrite = True
        except OSError as error:
            _tell(app, f"Could not save {what}: {describe_os_error(error, Path(target))}",
                  severity="error", timeout=10)
            return None
        else:
            note = f"\nNote: {warning}." if warning else ""
            if getattr(getattr(app, "workbook", None), "keys", None) is not None:
                note += "\nThis file is not encrypted, unlike your workbook."
            _tell(app, f"Saved {what} to\n{display_path(written)}{note}", timeout=10,
                  severity="warning" if warning else "information")
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
