"""F1: every key in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..keys import KEYS
from ..widgets.plain import plain


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close"),
    ]

    def __init__(self, workbook_path: str) -> None:
        super().__init__()
        self.workbook_path = workbook_path

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static("Keys", classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "What it does")
            for key, meaning in KEYS:
                table.add_row(key, meaning)
            yield table
            yield Static(plain(f"Workbook: {self.workbook_path}"), classes="dialog-note")
            yield Static("escape closes this", classes="dialog-hint")
