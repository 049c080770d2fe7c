"""Dialogs that ask the person to choose."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..widgets.plain import plain


class ChoiceDialog(ModalScreen[str | None]):
    """A message with buttons; dismisses with the chosen key (None on escape).

    With `ask_path`, an input is shown and the choice `"save-as"` dismisses
    with `"save-as:<path>"`.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="close-dialog")]

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[tuple[str, str]],
        *,
        ask_path: str | None = None,
        escape_choice: str | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.choices = choices
        self.ask_path = ask_path
        self.escape_choice = escape_choice

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Both quote what the person wrote (a record, a file path): never markup.
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-message")
            if self.ask_path is not None:
                yield Input(self.ask_path, placeholder="Another file path", id="dialog-path")
            with Horizontal(classes="dialog-buttons"):
                for index, (key, label) in enumerate(self.choices):
                    yield Button(
                        label, id=f"choice-{key}", variant="primary" if index == 0 else "default"
                    )

    def on_mount(self) -> None:
        if self.ask_path is not None and self.choices[0][0] == "save-as":
            self.query_one("#dialog-path", Input).focus()  # the path is the question
        else:
            self.query(Button).first().focus()

    @on(Input.Submitted, "#dialog-path")
    def _path_submitted(self) -> None:
        self.query_one("#choice-save-as", Button).press()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        key = (event.button.id or "").removeprefix("choice-")
        if key == "save-as" and self.ask_path is not None:
            path = self.query_one("#dialog-path", Input).value.strip()
            if not path:
                self.notify("Type a file path first.", severity="warning")
                return
            key = f"save-as:{path}"
        self.dismiss(key)

    def action_cancel(self) -> None:
        self.dismiss(self.escape_choice)


class MessageDialog(ChoiceDialog):
    """Something the person must read before going on."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(title, message, [("ok", "OK")], escape_choice="ok")
