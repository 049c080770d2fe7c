"""Saving a file the person asked for: where, whether to replace, and where it went."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.app import App

from ...core.store import describe_os_error, display_path, export_file
from .confirm import ChoiceDialog


async def save_to_chosen_file(
    app: App[Any], default: Path, payload: bytes, what: str
) -> Path | None:
    """Ask where to save (a file or a folder), ask before replacing, then say where it went.

    Must run in a worker: it waits on dialogs. Returns the path written, or None.
    """
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
                app.notify("Nothing was saved; the existing file is unchanged.")
                return None
            overwrite = True
        except OSError as error:
            app.notify(
                f"Could not save {what}: {describe_os_error(error, Path(target))}",
                severity="error",
                timeout=10,
            )
            return None
        else:
            app.notify(f"Saved {what} to {written}", timeout=10)
            return written
