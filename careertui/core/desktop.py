"""Handing a link to the desktop (the mail app), without ever taking over the terminal.

`webbrowser.open` falls back to a console browser (lynx, w3m) when there is no
desktop, and that browser then owns the terminal careertui is drawn in. Here a
link is only handed on where a desktop is present, to the desktop's own opener
(`xdg-open`, `open`, the Windows shell), started detached: in its own session,
reading and writing nothing of ours.

Nothing here imports Textual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

NO_DESKTOP = "there is no desktop here, only this terminal"


def has_desktop(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> bool:
    """True where a graphical desktop can open links: macOS and Windows always; Linux
    and the other Unixes only with an X11 (DISPLAY) or Wayland (WAYLAND_DISPLAY) session."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform == "darwin" or platform.startswith(("win", "cygwin")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def opener_command(url: str, platform: str | None = None) -> list[str] | None:
    """The command that hands `url` to the desktop, or None if there is none to run."""
    platform = sys.platform if platform is None else platform
    if platform == "darwin":
        return ["open", url]
    if platform.startswith(("win", "cygwin")):
        return None  # os.startfile, not a command line: cmd would split a URL at '&'
    opener = shutil.which("xdg-open")
    return [opener, url] if opener else None


def open_detached(
    url: str,
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    popen: Callable[..., Any] | None = None,
) -> str | None:
    """Ask the desktop to open `url`; returns None if asked, or why it could not be.

    The opener runs in a new session with no access to the terminal, so
    whatever it starts can never draw over careertui or read its keys.
    """
    platform = sys.platform if platform is None else platform
    if not has_desktop(environ, platform):
        return NO_DESKTOP
    if platform.startswith("win"):
        try:
            os.startfile(url)  # type: ignore[attr-defined]  # Windows only
        except OSError as error:
            return error.strerror or str(error)
        return None
    popen = subprocess.Popen if popen is None else popen
    command = opener_command(url, platform)
    if command is None:
        return "no program to open links was found (xdg-open is not installed)"
    try:
        popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError as error:
        return error.strerror or str(error)
    return None
