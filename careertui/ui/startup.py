"""What happens once, as the app starts: stylesheets, the theme before the first
style pass, and what to tell the person about their files."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from textual.app import App
from textual.theme import Theme

from . import compat
from .themes import DEFAULT_THEME

if TYPE_CHECKING:
    from .app import CareerApp

PACKAGE_DIR = Path(__file__).resolve().parent


def stylesheets() -> list[str | PurePath]:
    """Every .tcss file in the package, app first: styles sit next to what they style."""
    return [PACKAGE_DIR / "app.tcss", *sorted(PACKAGE_DIR.glob("*/*.tcss"))]


def apply_theme(app: CareerApp, themes: list[Theme], requested: str | None) -> list[str]:
    """Register the themes and set the chosen one before the first style pass, so the
    stylesheets are parsed once, with it. Returns what to tell the person."""
    for theme in themes:
        app.register_theme(theme)
    notices: list[str] = []
    wanted = requested or app.settings.get("theme") or DEFAULT_THEME
    if wanted not in app.available_themes:
        if requested:
            names = ", ".join(t.name for t in themes) or "none"
            notices.append(
                f"There is no theme called {wanted!r}; using {DEFAULT_THEME}. "
                f"Themes: {names}."
            )
        wanted = DEFAULT_THEME if DEFAULT_THEME in app.available_themes else "textual-dark"
    # Set without the watcher: it would parse and apply every stylesheet a second
    # time at start-up, when the first parse (still to come) can use this theme.
    app.set_reactive(App.theme, wanted)
    dark = app.current_theme.dark
    app.set_class(True, f"-theme-{wanted}", update=False)
    app.set_class(dark, "-dark-mode", update=False)
    app.set_class(not dark, "-light-mode", update=False)
    compat.apply_ansi_theme(app)  # as the watcher would
    app.stylesheet.set_variables(app.get_css_variables())  # parsed once, with these
    return notices


def show_startup_messages(app: CareerApp, theme_notices: list[str]) -> None:
    """Theme and settings problems as notices; a workbook that could not be read or
    opened explained in a dialog; an upgraded one mentioned."""
    from .screens.confirm import MessageDialog

    for problem in theme_notices:
        app.notify(problem, title="Theme", severity="warning", timeout=10)
    if app.settings.error:
        app.notify(app.settings.error, severity="warning", timeout=10)
    book = app.workbook
    explained: tuple[str, str] | None = None
    if book.moved_aside is not None:
        explained = "The workbook could not be read", (
            f"{book.path} is not a workbook careertui can read, so it was moved, "
            f"unchanged, to\n\n  {book.moved_aside}\n\n"
            "You are starting with a fresh workbook. Nothing in the old file was deleted."
        )
    elif book.read_error is not None:
        explained = "The workbook could not be opened", (
            f"{book.read_error}.\n\nYou can work as usual, but careertui will not write "
            "over that file. When you quit you can save your work to another file."
        )
    if explained is not None:
        app.push_screen(MessageDialog(*explained),
                        callback=lambda _: app.main.focus_active_stage())
    if book.migrated_from is not None:
        app.notify(
            f"Your workbook was upgraded from format {book.migrated_from}; "
            "a copy of the old file was kept beside it.",
        )
