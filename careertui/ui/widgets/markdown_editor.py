"""A Markdown editor beside its live preview (stacked on narrow terminals)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import TextArea

from ..closing import unless_closing
from .markdown_preview import MarkdownPreview
from .wrapping import WrappingTextArea

NARROW_BELOW = 100


class MarkdownEditor(Horizontal):
    """Editor and preview kept in step; posts `Changed` for the stage to save."""

    DEFAULT_CSS = """
    MarkdownEditor {
        height: 1fr;
        min-height: 8;
    }

    MarkdownEditor > .markdown-source {
        width: 1fr;
        height: 1fr;
        border: round $panel;
        border-title-color: $text-muted;
    }

    MarkdownEditor > .markdown-source:focus {
        border: round $primary;
        border-title-color: $primary;
    }

    /* Under 100 columns the editor and preview stack, each tall enough to work in;
       the stage scrolls to show both. */
    MarkdownEditor.-narrow {
        layout: vertical;
        height: auto;
    }

    MarkdownEditor.-narrow > .markdown-source,
    MarkdownEditor.-narrow > MarkdownPreview {
        width: 1fr;
        height: 14;
    }

    /* Flipping (the agenda): under 100 columns one of the two at a time, f6 between. */
    MarkdownEditor.-narrow.-flip {
        height: 1fr;
    }

    MarkdownEditor.-narrow.-flip > .markdown-source,
    MarkdownEditor.-narrow.-flip > MarkdownPreview {
        height: 1fr;
    }

    MarkdownEditor.-narrow.-flip > MarkdownPreview,
    MarkdownEditor.-narrow.-flip.-show-preview > .markdown-source {
        display: none;
    }

    MarkdownEditor.-narrow.-flip.-show-preview > MarkdownPreview {
        display: block;
    }
    """

    BINDINGS = [
        # priority: the text area's own f6 (select the line) would take the key first
        Binding("f6", "show_preview", "Preview", id="show-preview", priority=True),
        Binding("f6", "show_editor", "Editor", id="show-editor", priority=True),
    ]

    class Changed(Message):
        def __init__(self, editor: MarkdownEditor, text: str) -> None:
            super().__init__()
            self.editor = editor
            self.text = text

        @property
        def control(self) -> MarkdownEditor:
            return self.editor

    def __init__(
        self,
        text: str = "",
        *,
        placeholder: str = "",
        breaks: bool = False,
        flip: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_class(flip, "-flip")
        """Under 100 columns show the editor or the preview, not both stacked."""
        self._initial = text
        self._placeholder = placeholder
        self._breaks = breaks

    def compose(self) -> ComposeResult:
        area = WrappingTextArea(
            self._initial,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=self._placeholder,
            classes="markdown-source",
        )
        area.border_title = "Markdown"
        yield area
        preview = MarkdownPreview(self._initial, breaks=self._breaks, classes="markdown-preview")
        preview.border_title = "Preview"
        yield preview

    def on_resize(self) -> None:
        """Under 100 columns the editor and the preview stack (set here, not on the
        screen, so a resize restyles this widget and not the whole app)."""
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self.refresh_bindings()

    @property
    def flipped(self) -> bool:
        """Only the preview shows (narrow, flipping)."""
        return self.has_class("-narrow", "-flip", "-show-preview")

    def _on_preview(self) -> bool:
        return self.flipped or (self.preview.has_focus and not self.has_class("-narrow", "-flip"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """f6 says "Preview" from the editor and "Editor" from the preview."""
        if action == "show_preview":
            return not self._on_preview()
        if action == "show_editor":
            return self._on_preview()
        return True

    def action_show_preview(self) -> None:
        """Narrow: the preview takes the editor's place, at the part being edited.
        Wide: the focus moves to the preview (to scroll it with the keys)."""
        self.preview.follow(self.text_area.cursor_location[0])
        self.preview.focus()
        self.add_class("-show-preview")
        self.refresh_bindings()

    def action_show_editor(self) -> None:
        """Back to the editor, its cursor where it was."""
        self.remove_class("-show-preview")
        self.text_area.focus()
        self.refresh_bindings()

    @on(TextArea.SelectionChanged, ".markdown-source")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        self.preview.follow(event.selection.end[0])

    @unless_closing
    def on_mount(self) -> None:
        self.on_resize()

    @property
    def text_area(self) -> TextArea:
        return self.query_one(".markdown-source", TextArea)

    @property
    def preview(self) -> MarkdownPreview:
        return self.query_one(MarkdownPreview)

    @property
    def text(self) -> str:
        return self.text_area.text

    def set_text(self, text: str) -> None:
        """Replace the text (a fresh draft); undo can bring the old text back."""
        area = self.text_area
        if area.text != text:
            area.replace(text, area.document.start, area.document.end)
            area.move_cursor((0, 0))  # a new draft is read from the top
            area.scroll_home(animate=False)
        self.preview.scroll_home(animate=False)

    @on(TextArea.Changed, ".markdown-source")
    def _source_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        self.preview.update(text)
        self.preview.follow(event.text_area.cursor_location[0])
        self.post_message(self.Changed(self, text))
