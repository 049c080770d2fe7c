"""F1: every key in one place, read from the bindings themselves (see keys.py)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import help_rows
from ..widgets.plain import plain


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close", id="close-help"),
    ]

    def __init__(self, workbook_path: str, *, lock_problem: str | None = None) -> None:
        super().__init__()
        self.workbook_path = workbook_path
        self.lock_problem = lock_problem
        """Why the workbook could not be locked: then nothing stops a second careertui."""

    def compose(self) -> ComposeResult:
        """The title and how to close sit in the border, so the one part that scrolls
        (the keys and the notes) gets all the height there is: at 80×24 the last rows
        are reached with the arrow keys or page down."""
        box = Vertical(id="help-box", classes="dialog")
        box.border_title = "Keys"
        box.border_subtitle = "escape closes this · ↑↓ scroll"
        with box, VerticalScroll(id="help-scroll"):
            yield Static(self._key_table(), id="help-keys")
            yield Static(plain(f"Workbook: {self.workbook_path}"), classes="dialog-note")
            if self.lock_problem:
                yield Static(
                    plain(f"This workbook could not be locked ({self.lock_problem}), so "
                          "careertui cannot stop a second careertui from opening it too. "
                          "Saving works as usual; keep it open in one place at a time."),
                    id="help-lock-problem",
                    classes="dialog-note",
                )

    @staticmethod
    def _key_table() -> Table:
        """Keys and what they do; the meanings wrap at any width."""
        table = Table(box=None, show_edge=False, pad_edge=False, expand=True,
                      header_style="bold")
        table.add_column("Key", no_wrap=True, style="bold")
        table.add_column("What it does", ratio=1)
        for key, meaning in help_rows():
            table.add_row(Text(key), Text(meaning))
        return table

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
