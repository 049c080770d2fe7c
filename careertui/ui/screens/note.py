"""A prepared note, shown as it will read, with copy and export at hand."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..widgets.markdown_preview import MarkdownPreview
from ..widgets.plain import plain


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with "copy", "export" or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="close-dialog"),
        Binding("f3", "dismiss('copy')", "Copy", id="copy-draft"),
        Binding("f4", "dismiss('export')", "Export", id="export-draft"),
    ]

    def __init__(self, title: str, note: str, warning: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.warning = warning
        """"it mentions 1 private item (…)", said in place of "shareable records only"."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            if self.warning:
                yield Static(plain(f"⚠ Not ready to share: {self.warning}."),
                             id="note-warning", classes="dialog-hint -warning")
            else:
                yield Static("Built from shareable records only.", classes="dialog-hint")
            preview = MarkdownPreview(self.note, id="note-preview")
            preview.border_title = "As your manager will read it"
            yield preview
            with Horizontal(classes="dialog-buttons"):
                yield Button("Copy  f3", id="note-copy", variant="primary")
                yield Button("Export  f4", id="note-export")
                yield Button("Close", id="note-close")

    def on_mount(self) -> None:
        self.query_one("#note-copy", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("note-")
        self.dismiss(None if choice == "close" else choice)
