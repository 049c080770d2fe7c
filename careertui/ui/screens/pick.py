"""Pick one line from a bank of suggestions (interview questions, meeting questions)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ..widgets.plain import plain


class PickScreen(ModalScreen[str | None]):
    """Dismisses with the chosen text, or None on escape."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="close-dialog")]

    def __init__(self, title: str, options: tuple[str, ...]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield OptionList(*map(plain, self.options), id="pick-options")
            yield Static("enter inserts · escape cancels", classes="dialog-hint")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[event.option_index])
