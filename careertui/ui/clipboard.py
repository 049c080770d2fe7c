"""The one way careertui copies text, and tells the person where it went.

1. `pyperclip` reaches the desktop clipboard when there is one (xclip, xsel,
   wl-copy, pbcopy, clip.exe).
2. The terminal is always asked too (OSC 52 through `App.copy_to_clipboard`):
   that works over SSH, in tmux with `set-clipboard on` and in most modern
   terminals, but nothing confirms it arrived.
3. So whenever the desktop clipboard was not confirmed, the text is also
   written to `last-copied.txt` in the data folder, and the notice names it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import pyperclip
from textual.app import App

from ..core.store import LAST_COPIED_NAME as LAST_COPIED
from ..core.store import data_dir, describe_os_error, display_path, write_private_text

PYPERCLIP_TIMEOUT = 3.0


@dataclass(frozen=True)
class CopyResult:
    system_clipboard: bool
    """True when the desktop clipboard took the text (pyperclip succeeded)."""
    file: Path | None
    """Where the text was also written, when the clipboard was not confirmed."""
    problem: str | None = None
    """Why neither the clipboard nor the file could be confirmed."""
    encrypted: bool = False
    """The workbook is encrypted, so no plain copy was written to a file."""

    def notice(self, what: str) -> str:
        """Short, with the file (if any) on a line of its own."""
        if self.system_clipboard:
            return f"{what} copied to the clipboard."
        if self.encrypted:
            return (f"{what} sent to the terminal's clipboard (OSC 52). No desktop clipboard "
                    "here, and your workbook is encrypted, so no plain copy is kept in a file.")
        if self.file:
            return (f"{what} sent to the terminal's clipboard (OSC 52). "
                    f"No desktop clipboard here; it is also in\n{display_path(self.file)}")
        return (f"{what} sent to the terminal's clipboard (OSC 52). No desktop clipboard "
                f"here, and it could not be saved to a file either: {self.problem}.")


def _pyperclip_copy(text: str) -> None:
    pyperclip.copy(text)


async def copy_text(app: App, text: str, *, folder: Path | None = None) -> CopyResult:
    """Copy `text` every way that might reach the person; never raises."""
    app.copy_to_clipboard(text)
    try:
        await asyncio.wait_for(asyncio.to_thread(_pyperclip_copy, text), PYPERCLIP_TIMEOUT)
    except (pyperclip.PyperclipException, OSError, TimeoutError):
        pass
    else:
        return CopyResult(system_clipboard=True, file=None)
    if getattr(getattr(app, "workbook", None), "keys", None) is not None:
        return CopyResult(False, None, encrypted=True)  # never a plain copy on disk
    target = (folder or data_dir()) / LAST_COPIED
    try:
        await asyncio.to_thread(write_private_text, target, text)
    except OSError as error:
        return CopyResult(False, None, describe_os_error(error, target))
    return CopyResult(False, target)
