"""Asking for an encrypted workbook's passphrase, before the workbook is opened.

A small app of its own: the workbook cannot be read, so nothing of it is shown. The
passphrase is masked; the key derivation (scrypt, seconds) runs in a separate
process while a progress bar moves; a wrong passphrase says so and asks again, and
after three the app ends without touching any file.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, ProgressBar, Static

from ..core.crypto import CryptoError, Keys, unlock_in_process
from ..core.store import display_path

TRIES = 3


class UnlockApp(App[Keys | None]):
    """Returns the unlocked keys, or None (three wrong tries, escape, or a damaged key file)."""

    CSS = """
    Screen { align: center middle; }
    #unlock { width: 70; height: auto; border: round $primary; padding: 1 2; }
    #unlock-title { text-style: bold; }
    #unlock-path, #unlock-help { color: $text-muted; }
    #unlock-message { color: $warning; height: auto; }
    #unlock-progress { display: none; }
    #unlock-progress.-busy { display: block; }
    """

    BINDINGS = [Binding("escape", "give_up", "Quit", id="unlock-quit"),
                Binding("ctrl+q", "give_up", "Quit", priority=True, show=False)]

    def __init__(self, workbook: Path, identity_file: bytes, *, theme: str | None = None,
                 tries: int = TRIES) -> None:
        super().__init__()
        self.workbook = workbook
        self.identity_file = identity_file
        self.tries_left = tries
        self.problem: str | None = None
        """Why it ended without keys, for the command line to repeat."""
        self._theme_name = theme

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock"):
            yield Static("This workbook is encrypted", id="unlock-title")
            yield Static(display_path(self.workbook), id="unlock-path", markup=False)
            yield Static("Type its passphrase and press enter (escape quits).",
                         id="unlock-help")
            yield Input(password=True, placeholder="Passphrase", id="unlock-passphrase")
            yield ProgressBar(total=None, show_eta=False, show_percentage=False,
                              id="unlock-progress")
            yield Static("", id="unlock-message", markup=False)

    def on_mount(self) -> None:
        from .themes import DEFAULT_THEME, load_themes

        for theme in load_themes().themes:
            self.register_theme(theme)
        wanted = self._theme_name or DEFAULT_THEME
        if wanted in self.available_themes:
            self.theme = wanted

    def action_give_up(self) -> None:
        self.problem = "no passphrase was given; the workbook was not touched"
        self.exit(None)

    @on(Input.Submitted, "#unlock-passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value:
            self._try(event.value)

    @work(exclusive=True, group="unlock")
    async def _try(self, passphrase: str) -> None:
        field = self.query_one("#unlock-passphrase", Input)
        progress = self.query_one("#unlock-progress", ProgressBar)
        message = self.query_one("#unlock-message", Static)
        field.disabled = True
        progress.add_class("-busy")
        message.update("Opening the key file (this takes a few seconds)…")
        try:
            keys = await unlock_in_process(self.identity_file, passphrase)
        except CryptoError as error:
            self.problem = f"the key file could not be used: {error}"
            self.exit(None)
            return
        finally:
            progress.remove_class("-busy")
        if keys is not None:
            self.exit(keys)
            return
        self.tries_left -= 1
        if self.tries_left <= 0:
            self.problem = "three wrong passphrases; the workbook was not touched"
            self.exit(None)
            return
        left = f"{self.tries_left} {'try' if self.tries_left == 1 else 'tries'} left"
        message.update(f"That passphrase does not open this workbook. {left}.")
        field.value = ""
        field.disabled = False
        field.focus()
