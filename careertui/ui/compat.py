"""Every private Textual name careertui relies on, in one place.

Each has a reason, and tests/test_compat.py fails loudly, naming it, when a new
Textual moves it, rather than the app misbehaving quietly.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

PRIVATE_NAMES: dict[type, tuple[str, ...]] = {
    App: ("_refresh_truecolor_filter",),
}
"""What this module touches, for the test that checks it still exists."""


def apply_ansi_theme(app: App[Any]) -> None:
    """Point the ANSI-to-truecolor filter at the current theme, as Textual's theme
    watcher does. The app sets its start-up theme without the watcher, which would
    parse every stylesheet a second time; there is no public way to do this part."""
    app._refresh_truecolor_filter(app.ansi_theme)

