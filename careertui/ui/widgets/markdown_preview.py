"""A live Markdown preview fast enough to follow typing.

Textual's own `Markdown` widget builds widgets per list item and takes
seconds on a long agenda; here only the blocks that changed are rendered
(`markdown_render.IncrementalMarkdown`) and only the visible lines are painted.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.markdown_render import IncrementalMarkdown, Line

THREAD_THRESHOLD = 4000
"""Characters of not-yet-rendered text above which rendering moves to a thread."""


def rich_colour(colour: Color) -> str:
    """A theme colour as Rich reads it in a style. Textual names the terminal's own
    colours "ansi_blue", which Rich does not know: with the ansi-dark or ansi-light
    theme chosen, every preview crashed the app (and, the choice being remembered,
    every launch after it)."""
    return colour.rich_color.name


class RenderedFor(NamedTuple):
    """What a preview's lines were rendered for: nothing else changes them."""

    width: int
    theme: str
    text: str


class MarkdownPreview(ScrollView, can_focus=True):
    """Shows Markdown text as it will read, scrolling with the keyboard."""

    DEFAULT_CSS = """
    MarkdownPreview {
        width: 1fr;
        height: 1fr;
        border: round $panel;
        border-title-color: $text-muted;
        background: $surface;
        padding: 0 1;
        scrollbar-gutter: stable;
    }

    MarkdownPreview:focus {
        border: round $primary;
        border-title-color: $primary;
    }
    """

    BINDINGS = [
        # Not in the footer: arrows scroll everywhere, and the room goes to f6 (back to
        # the editor) and the stage's keys, which did not fit beside them at 80 columns.
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
    ]

    highlights: reactive[tuple[str, ...]] = reactive((), init=False)
    """Words to mark in the preview (unfilled placeholders), in the warning colour."""

    def __init__(
        self,
        text: str = "",
        *,
        breaks: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.breaks = breaks
        """Show every newline as a line break (emails) rather than joining lines (Markdown)."""
        self._lines: list[Strip] = []
        self._renderer: IncrementalMarkdown | None = None
        self._renderer_key: tuple[int, str] | None = None
        self._rendering = False
        self._highlighted: dict[int, Strip] = {}
        self._follow: int | None = None
        """The source line to keep in view; None until an editor says."""
        self._shown_for: RenderedFor | None = None
        """The width, theme and text the lines shown were rendered for."""

    # -- what the owner calls --------------------------------------------------

    def update(self, text: str) -> None:
        """Show new text; renders what changed now, or in a thread if that is a lot."""
        self.text = text
        self._refresh_lines()

    def follow(self, line: int) -> None:
        """Keep the block holding source line `line` in view (the line being edited)."""
        self._follow = line
        self._scroll_to_followed()

    def _scroll_to_followed(self) -> None:
        renderer = self._renderer
        line = self._follow
        height = self.scrollable_content_region.height
        if renderer is None or line is None or height <= 0 or self._rendering:
            return
        first, last = renderer.rows_for_line(line)
        if last <= first:
            return
        top = round(self.scroll_y)
        if last - first > height:
            # a long block: the rows about where the line is in it
            block = renderer.block_lines(line)
            if block is not None:
                start, end = block
                row = first + (line - start) * (last - first) // max(1, end - start)
                first, last = max(first, row - height // 3), min(last, row - height // 3 + height)
        if first >= top and last <= top + height:
            return
        target = first if first < top or last - first >= height else last - height
        # forced: just shown, its scrollbars are not worked out yet
        self.scroll_to(y=target, animate=False, immediate=True, force=True)

    @property
    def plain_text(self) -> str:
        """The preview as plain text, right-trimmed (what a reader sees)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    # -- rendering -------------------------------------------------------------

    def on_resize(self) -> None:
        # Also sent each time the preview is shown again (a stage switch), at the same
        # size: rendering every line afresh then cost a repaint of its own after the
        # stage's. Only a new width changes the lines; a new height only the view.
        if self._shown_for == self._show_key():
            self._scroll_to_followed()
        else:
            self._refresh_lines()

    def _on_theme_changed(self) -> None:
        self._renderer = None
        self._refresh_lines()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._on_theme_changed(), init=False)

    def _render_width(self) -> int:
        return self.scrollable_content_region.width

    def _current_renderer(self, width: int) -> IncrementalMarkdown:
        key = (width, self.app.theme)
        if self._renderer is None or self._renderer_key != key:
            self._renderer = IncrementalMarkdown(
                width, self._markdown_styles(), code_theme=self._code_theme(), breaks=self.breaks
            )
            self._renderer_key = key
        return self._renderer

    def _code_theme(self) -> str:
        return "ansi_dark" if self.app.current_theme.dark else "ansi_light"

    def _markdown_styles(self) -> dict[str, str]:
        """Rich's Markdown styles, taken from the Textual theme so every theme works."""
        theme = self.app.theme_variables
        foreground, background = Color.parse(theme["foreground"]), Color.parse(theme["background"])
        muted = ("dim" if foreground.ansi is not None or background.ansi is not None
                 else foreground.blend(background, 0.4).hex)  # ANSI colours have no shades
        primary, secondary, accent, surface = (
            rich_colour(Color.parse(theme[name]))
            for name in ("text-primary", "text-secondary", "text-accent", "surface"))
        return {
            "markdown.h1": f"bold {primary}",
            "markdown.h2": f"bold underline {primary}",
            "markdown.h3": f"bold {secondary}",
            "markdown.h4": f"bold italic {secondary}",
            "markdown.h5": "italic",
            "markdown.h6": f"italic {muted}",
            "markdown.code": f"{accent} on {surface}",
            "markdown.code_block": f"on {surface}",
            "markdown.block_quote": f"italic {muted}",
            "markdown.hr": muted,
            "markdown.item.bullet": f"bold {primary}",
            "markdown.item.number": f"bold {primary}",
            "markdown.link": f"underline {accent}",
            "markdown.link_url": f"underline {accent}",
            "markdown.table.border": muted,
            "markdown.table.header": "bold",
        }

    def _show_key(self) -> RenderedFor:
        """What the lines shown depend on: the width, the theme and the text."""
        return RenderedFor(self._render_width(), self.app.theme, self.text)

    def _refresh_lines(self) -> None:
        if not self.is_mounted:
            return
        key = self._show_key()
        if key.width <= 0:
            return
        if self._rendering:
            return  # the thread picks up the newest text when it finishes
        renderer = self._current_renderer(key.width)
        if renderer.pending_work(key.text) > THREAD_THRESHOLD:
            self._rendering = True
            self.run_worker(
                lambda: self._render_in_thread(renderer, key),
                thread=True,
                group="markdown-preview",
            )
        else:
            self._show(_strips(renderer.render(key.text)), key)

    def _render_in_thread(self, renderer: IncrementalMarkdown,
                          key: RenderedFor) -> None:
        # The strips too: for a long text, making them cost the event loop 75 ms a render.
        strips = _strips(renderer.render(key.text))
        self.app.call_from_thread(self._thread_done, key, strips)

    def _thread_done(self, key: RenderedFor, strips: list[Strip]) -> None:
        self._rendering = False
        if key.text == self.text:
            self._show(strips, key)
        else:
            self._refresh_lines()

    def _show(self, strips: list[Strip], key: RenderedFor) -> None:
        self._shown_for = key
        self._lines = strips
        self._highlighted.clear()
        width = max((strip.cell_length for strip in self._lines), default=0)
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()
        self._scroll_to_followed()

    def watch_highlights(self) -> None:
        self._highlighted.clear()
        self.refresh()

    def _with_highlights(self, index: int) -> Strip:
        strip = self._lines[index]
        if not self.highlights:
            return strip
        cached = self._highlighted.get(index)
        if cached is None:
            words = [word for word in self.highlights if word in strip.text]
            if words:
                text = Text()
                for segment in strip:
                    text.append(segment.text, segment.style)
                warning = Color.parse(self.app.theme_variables["text-warning"])
                style = Style.parse(f"bold {rich_colour(warning)}")
                text.highlight_words(words, style)
                strip = Strip(_segments(text))
            cached = self._highlighted[index] = strip
        return cached

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._with_highlights(index)
        return strip.crop_extend(scroll_x, scroll_x + width, None).apply_style(base)


def _strips(lines: list[Line]) -> list[Strip]:
    return [Strip(line) for line in lines]


def _segments(text: Text) -> list[Segment]:
    return list(text.render(_CONSOLE, end=""))


_CONSOLE = Console(
    width=10_000, color_system="truecolor", force_terminal=True, legacy_windows=False
)
