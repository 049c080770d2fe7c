"""Markdown to terminal lines, re-rendering only the blocks that changed.

Rendering a whole 300-line agenda with Rich takes well over 100 ms, far too
slow to follow typing. A keystroke changes one block (a paragraph, a list, a
table, a fenced code block), so the text is cut into top-level blocks and each
block's rendered lines are cached by its text and the width. The result is
the same as rendering the whole document at once; the tests hold it to that.

Only Rich is used here (no Textual), so this is tested without an app.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from io import StringIO

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme

Line = list[Segment]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_MARKER = re.compile(r"^ {0,3}([-+*]|\d{1,9}[.)])( |$)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")
_HTML_BLOCK = re.compile(r"^ {0,3}<")


@dataclass(frozen=True)
class Block:
    """A run of lines that Markdown treats as one top-level piece."""

    text: str


def split_blocks(text: str) -> list[Block] | None:
    """Cut text at blank lines where Markdown's top-level structure also breaks.

    A blank line only splits when what follows starts a new top-level block:
    lines inside a fenced code block, indented continuations and further items
    of a list stay with what came before. Merging too much is only slower;
    splitting wrongly would change the output, so when in doubt we merge.
    Returns None when the text uses something whose meaning crosses blocks
    (link reference definitions, raw HTML): then only a whole render is right.
    """
    blocks: list[list[str]] = []
    current: list[str] = []
    fence: str | None = None
    blank_before = False
    current_has_list = False

    for line in text.split("\n"):
        if fence is None and (_REFERENCE_DEFINITION.match(line) or _HTML_BLOCK.match(line)):
            return None
        if fence is not None:
            current.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if not line.strip():
            blank_before = True
            if current:
                current.append(line)
            continue
        starts_list = bool(_LIST_MARKER.match(line))
        indented = line.startswith((" ", "\t"))
        continues = indented or (starts_list and current_has_list)
        if blank_before and current and not continues:
            blocks.append(current)
            current = []
            current_has_list = False
        blank_before = False
        current.append(line)
        current_has_list = current_has_list or starts_list
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
    if current:
        blocks.append(current)
    return [Block("\n".join(lines).rstrip("\n ")) for lines in blocks]


def make_console(width: int, styles: Mapping[str, str | Style] | None = None) -> Console:
    """A console that renders off-screen, in true colour, with our Markdown styles."""
    return Console(
        width=width,
        file=StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        theme=Theme(dict(styles or {}), inherit=True),
        emoji=False,
    )


def render_markdown(
    text: str, console: Console, code_theme: str = "ansi_dark", *, breaks: bool = False
) -> list[Line]:
    """Render a whole document: the reference the incremental renderer must equal.

    With `breaks`, every newline is a line break, as in a plain-text email
    (Markdown would join "Thank you," and the name below it into one line).
    """
    markdown = Markdown(text, code_theme=code_theme, hyperlinks=True)
    if breaks:
        for token in markdown.parsed:
            for child in token.children or ():
                if child.type == "softbreak":
                    child.type = "hardbreak"
    return console.render_lines(markdown, console.options, pad=False, new_lines=False)


@dataclass
class RenderedBlock:
    lines: list[Line]
    gap_before: bool
    """Whether a blank line separates this block from a previous one."""
    gap_after: bool
    """Whether this block asks for a blank line before the next one."""


_PROBE = "x"


def _probe_gaps(text: str, lines: list[Line],
                render: Callable[[str], list[Line]]) -> tuple[bool, bool]:
    """Find the blank lines Rich puts around a block by rendering it between two words.

    Rich decides a gap from the element that came before and the elements
    inside a block (a list takes no gap before it, a rule none after it);
    asking Rich itself is simpler and surer than re-implementing its rules.
    """
    probed = render(f"{_PROBE}\n\n{text}\n\n{_PROBE}")
    count = len(lines)
    for before in (False, True):
        start = 1 + before
        if probed[start : start + count] == lines:
            rest = len(probed) - start - count
            return before, rest == 2
    return True, True


class IncrementalMarkdown:
    """Keeps rendered blocks between calls so that an edit costs one block."""

    def __init__(
        self,
        width: int,
        styles: Mapping[str, str | Style] | None = None,
        code_theme: str = "ansi_dark",
        cache_size: int = 2000,
        breaks: bool = False,
    ) -> None:
        self.width = max(1, width)
        self.code_theme = code_theme
        self.breaks = breaks
        self._console = make_console(self.width, styles)
        self._cache: OrderedDict[str, RenderedBlock] = OrderedDict()
        self._cache_size = cache_size
        self.rendered_blocks = 0
        """How many blocks were actually rendered (not cached): for tests and benchmarks."""

    def missing(self, text: str) -> list[Block] | None:
        """The blocks of `text` not rendered yet; None if only a whole render will do."""
        blocks = split_blocks(text)
        if blocks is None:
            return None
        return [block for block in blocks if block.text not in self._cache]

    def render_block(self, block: Block) -> RenderedBlock:
        lines = self._render_text(block.text)
        before, after = _probe_gaps(block.text, lines, self._render_text)
        self.rendered_blocks += 1
        return RenderedBlock(lines, gap_before=before, gap_after=after)

    def _render_text(self, text: str) -> list[Line]:
        return render_markdown(text, self._console, self.code_theme, breaks=self.breaks)

    def store(self, block: Block, rendered: RenderedBlock) -> None:
        self._cache[block.text] = rendered
        self._cache.move_to_end(block.text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def render(self, text: str) -> list[Line]:
        blocks = split_blocks(text)
        if blocks is None:
            return self._render_text(text)
        lines: list[Line] = []
        previous: RenderedBlock | None = None
        for block in blocks:
            rendered = self._cache.get(block.text)
            if rendered is None:
                rendered = self.render_block(block)
                self.store(block, rendered)
            if previous is not None and previous.gap_after and rendered.gap_before:
                lines.append([])
            lines.extend(rendered.lines)
            if rendered.lines:
                previous = rendered
        return lines


def plain_lines(lines: list[Line]) -> list[str]:
    """The text of rendered lines without styles, right-trimmed (for tests and search)."""
    return ["".join(segment.text for segment in line).rstrip() for line in lines]
