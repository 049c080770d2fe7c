"""F1: every key in one place, read from the bindings themselves (see keys.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

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
        with Vertical(id="help-box", classes="dialog"):
            yield Static("Keys", classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "What it does")
            for key, meaning in help_rows():
                table.add_row(key, meaning)
            yield table
            yield Static(plain(f"Workbook: {self.workbook_path}"), classes="dialog-note")
            if self.lock_problem:
                yield Static(
                    plain(f"This workbook could not be locked ({self.lock_problem}), so "
                          "careertui cannot stop a second careertui from opening it too. "
                          "Saving works as usual; keep it open in one place at a time."),
                    id="help-lock-problem",
                    classes="dialog-note",
                )
            yield Static("escape closes this", classes="dialog-hint")
