"""A text area that never shows its text wrapped for a width it no longer has."""

from __future__ import annotations

from textual.widgets import TextArea


class WrappingTextArea(TextArea):
    """Textual's text area, drawn afresh each time it is resized.

    On a resize Textual wraps the text again for the new width, but repaints only when
    that changes how many lines the text takes. When it does not, the lines wrapped
    for the old width stay on screen: at 80x24, once the page below the first answer
    filled in and narrowed it, a trial saw a word twice and a line running into the
    scrollbar, still there six seconds after launch.
    """

    def on_resize(self) -> None:
        self.refresh()  # drawn at the next frame, after Textual's own handler wrapped it
