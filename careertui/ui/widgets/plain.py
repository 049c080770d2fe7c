"""The one way a person's text reaches the screen: as typed, never read as markup.

Textual reads a `str` given to a `Static`, `Label`, `OptionList` or `SelectionList`
option, or `DataTable` cell as Rich/Textual markup, so `[/]` typed in a title
crashed the app and `[bold]x[/bold]` showed as bold. People type brackets
(`[WIP]`, `[1]`, links), so everything a person wrote is wrapped by `plain()`
before a widget sees it; markup is only ever written by us, in our own strings.

`plain()` gives a Rich `Text` rather than a Textual `Content`: every widget
above accepts it (Textual turns it into `Content` itself), `DataTable` can
measure it for its column widths (it cannot measure `Content`), and a
`ChoiceField` finds an option by the first letter of its label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from textual.visual import VisualType
    from textual.widgets import Static


def plain(text: object) -> Text:
    """`text` shown exactly as written: brackets, emoji and all (None shows as nothing)."""
    return Text("" if text is None else str(text), end="")


def plain_cell(value: str | int) -> Text | int:
    """A table cell: text as written; numbers stay numbers so their column sorts by size."""
    return value if isinstance(value, int) else plain(value)


def sort_key(value: object) -> object:
    """What a table cell sorts by: its text, or its number (a `Text` cannot be compared)."""
    return value.plain if isinstance(value, Text) else value


def show_text(static: Static, content: VisualType) -> None:
    """Put `content` in `static` unless it is there already: `Static.update` lays the
    whole screen out again even for the same words, and status lines are refreshed
    on every key typed."""
    if static.content != content:
        static.update(content)
