"""A fresh draft shown beside the person's own text, so they can take parts of it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ..widgets.markdown_preview import MarkdownPreview
from ..widgets.plain import plain
from ..widgets.wrapping import WrappingTextArea


class DraftBesideScreen(ModalScreen[str | None]):
    """Dismisses with "replace" to take the new draft, None to keep one's own."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Keep mine", id="close-dialog")]

    def __init__(self, title: str, draft: str) -> None:
        super().__init__()
        self.title_text = title
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(
                "Your text is unchanged. Select lines on the left and press ctrl+c to copy "
                "them, then paste them into your agenda.",
                classes="dialog-hint",
            )
            with Horizontal(classes="beside-panes"):
                source = WrappingTextArea(self.draft, read_only=True, soft_wrap=True,
                                          id="beside-source")
                source.border_title = "New draft (read-only)"
                yield source
                preview = MarkdownPreview(self.draft, id="beside-preview")
                preview.border_title = "Preview"
                yield preview
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine", id="beside-keep", variant="primary")
                yield Button("Use the new draft", id="beside-replace")

    def on_mount(self) -> None:
        self.query_one("#beside-source", TextArea).focus()

    @on(Button.Pressed, "#beside-keep")
    def _keep(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#beside-replace")
    def _replace(self) -> None:
        self.dismiss("replace")
