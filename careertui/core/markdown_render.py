"""Markdown to terminal lines, re-parsing and re-rendering only what an edit can change.

Rendering a whole 300-line agenda with Rich takes over 100 ms, far too slow to
follow typing. A keystroke changes one top-level block (a paragraph, a list, a
table, a fenced code block), so the text is cut where markdown-it-py itself
cuts it: its top-level block tokens and their line maps. An edit re-parses from
the last safe block start before it to the first block start after it where the
parse is known to meet the old one again; everything else keeps its tokens and
its rendered lines. Link labels are the one thing that crosses blocks: every
block remembers the labels it looked up, and is rendered again when one of
their definitions changes.

The result is the same as rendering the whole document at once with
`render_markdown` (the "whole render"); the tests hold it to that, including a
property test of random documents and random edits.

Only Rich and markdown-it-py are used here (no Textual), so this is tested
without an app.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from io import StringIO
from typing import Any, cast

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from rich.console import Console, ConsoleOptions, RenderableType
from rich.markdown import Markdown, UnknownElement
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme

Line = list[Segment]

_NEWLINES = re.compile(r"\r\n?")
"""What markdown-it's `normalize` rule turns into a newline before parsing."""

WINDOW = 24
"""Lines parsed past an edit before looking for where the parse meets the old one."""


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
        _hard_breaks(markdown.parsed)
    return console.render_lines(markdown, console.options, pad=False, new_lines=False)


def _hard_breaks(tokens: list[Token]) -> None:
    for token in tokens:
        for child in token.children or ():
            if child.type == "softbreak":
                child.type = "hardbreak"


def _normalize(text: str) -> str:
    """The text as markdown-it sees it (its `normalize` rule): one kind of newline, no NUL."""
    return _NEWLINES.sub("\n", text).replace("\0", "\ufffd")


def _blank(line: str) -> bool:
    """Blank as markdown-it means it: only spaces and tabs (a no-break space is text)."""
    return not line.strip(" \t")


def _parsers() -> tuple[MarkdownIt, MarkdownIt]:
    """Rich's `Markdown` parser cut in two: blocks (saying where link definitions are),
    then inline content. Parsers keep no state between calls, so all renderers share."""
    blocks = MarkdownIt(options_update={"inline_definitions": True})
    blocks.enable("strikethrough").enable("table")
    inline = MarkdownIt().enable("strikethrough").enable("table")
    inline.core.ruler.disable(["normalize", "block"])
    return blocks, inline


_PARSERS = _parsers()


# -- blocks -----------------------------------------------------------------------------


@dataclass
class _Block:
    """One top-level block as markdown-it parsed it: its lines and its block tokens."""

    start: int
    end: int
    tokens: list[Token]
    """Block tokens, with `definition` tokens for the link references inside."""
    key: tuple[Any, ...]
    """What its rendering depends on besides link definitions: its tokens' content."""
    definitions: list[tuple[str, tuple[str, str]]]
    """Link reference definitions in it, in order: (label, (href, title))."""
    row: int = 0
    rows: int = 0
    """Where its rendered lines start in the output, and how many."""


def _token_key(token: Token) -> tuple[Any, ...]:
    return (
        token.type, token.tag, token.nesting, token.info, token.markup, token.content,
        token.hidden, tuple(token.attrs.items()) if token.attrs else (),
    )


def _make_block(tokens: list[Token], offset: int) -> _Block:
    start, end = tokens[0].map or (0, 0)
    definitions = [
        (t.meta["id"], (t.meta["url"], t.meta["title"]))
        for t in tokens if t.type == "definition"
    ]
    key = tuple(_token_key(t) for t in tokens if t.type != "definition")
    return _Block(start + offset, end + offset, tokens, key, definitions)


def _top_level(tokens: list[Token], offset: int) -> list[_Block]:
    """Group a token stream into its top-level blocks (line numbers moved by `offset`)."""
    blocks: list[_Block] = []
    index = 0
    while index < len(tokens):
        last = index
        depth: int = tokens[index].nesting
        while depth > 0:
            last += 1
            depth += tokens[last].nesting
        blocks.append(_make_block(tokens[index : last + 1], offset))
        index = last + 1
    return blocks


# -- rendering blocks -----------------------------------------------------------------------

_START = Segment("")
_END = Segment("")
_BOUNDARY = Segment("")


class _Boundary(UnknownElement):
    """Put between blocks: renders nothing, and counts as an element closed."""


class _QuietBoundary(_Boundary):
    """A boundary that asks for no blank line after it."""

    new_line = False


class _Markdown(Markdown):
    """Rich's Markdown, knowing the boundary tokens put between blocks."""

    elements = {**Markdown.elements, "careertui_boundary": _Boundary,
                "careertui_quiet": _QuietBoundary}


class _MarkingConsole:
    """Passes everything to a console, but brackets each element Rich's Markdown renders.

    Rich's Markdown puts a blank line before an element when the element closed
    before it asks for one. With the brackets, that blank line is told apart
    from the element's own lines, and each block's lines from the next one's,
    so one pass of Rich over many blocks gives each block's lines and the blank
    lines it takes around it.
    """

    def __init__(self, console: Console) -> None:
        self._console = console
        self.get_style = console.get_style  # asked for every styled word: no detour
        self.layout = True
        """Whether to render the elements; without, only the blank lines between show."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._console, name)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterator[Segment]:
        if isinstance(renderable, _Boundary):
            yield _BOUNDARY
            return
        yield _START
        if self.layout:
            yield from self._console.render(renderable, options)
        yield _END


def _boundary(quiet: bool = False) -> Token:
    return Token("careertui_quiet" if quiet else "careertui_boundary", "", 0)


@dataclass
class _Rendered:
    segments: list[Segment]
    lines: list[Line] | None
    """The segments cut into lines; None when they do not end a line (rare: the next
    block then continues on the same line, and the two are cut together)."""
    starts_blank: bool
    """A blank line comes before it after a block asking for one (most do)."""
    gap_after: bool
    """It asks for a blank line before the next block."""
    tokens: list[Token]
    """What Rich was given, to ask again if it starts blank after a block asking for none."""
    uses: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    """The link labels it looked up, and the definitions they had then."""
    own_blank: bool | None = None
    """Whether it starts blank after a block asking for none; None until asked."""
    chars: int = 0
    """The length of its source: what keeping it costs, roughly."""


class _LookupLog(dict[str, Any]):
    """The link definitions, noting every label the inline parser looks up."""

    def __init__(self, definitions: Mapping[str, Any]) -> None:
        super().__init__(definitions)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)


class IncrementalMarkdown:
    """Keeps parsed and rendered blocks between calls so that an edit costs one block."""

    def __init__(
        self,
        width: int,
        styles: Mapping[str, str | Style] | None = None,
        code_theme: str = "ansi_dark",
        cache_size: int = 2000,
        cache_chars: int = 200_000,
        breaks: bool = False,
        window: int = WINDOW,
    ) -> None:
        self.width = max(1, width)
        self.window = max(1, window)
        self.code_theme = code_theme
        self.breaks = breaks
        self._console = make_console(self.width, styles)
        self._marking = cast(Console, _MarkingConsole(self._console))
        self._markdown = _Markdown("", code_theme=code_theme, hyperlinks=True)
        self._block_parser, self._inline_parser = _PARSERS
        self._cache: OrderedDict[tuple[Any, ...], _Rendered] = OrderedDict()
        self._cache_size = cache_size
        self._cache_chars = cache_chars
        """Kept blocks' source, at most, beyond twice the text's own: a paragraph typed one
        key at a time left a rendering of every length it had (a 1 MB paste arriving as
        keys kept 877 MB). The count alone did not bound that."""
        self._cached_chars = 0
        self._lines: list[str] | None = None
        self._blocks: list[_Block] = []
        self._output: list[Line] = []
        self.rendered_blocks = 0
        """How many blocks were actually rendered (not cached): for tests and benchmarks."""
        self.parsed_lines = 0
        """How many source lines were parsed in all: for tests and benchmarks."""

    # -- what callers use ---------------------------------------------------------------

    def render(self, text: str) -> list[Line]:
        """The rendered lines of `text`, equal to `render_markdown` of it."""
        normalized = _normalize(text)
        lines = normalized.split("\n")
        if lines == self._lines:
            return self._output
        self._blocks = self._parse(lines)
        self._lines = lines
        self._output = self._assemble(len(normalized) + 1)
        return self._output

    @property
    def cached_chars(self) -> int:
        """The source length of the blocks kept rendered: for tests and benchmarks."""
        return self._cached_chars

    def pending_work(self, text: str) -> int:
        """About how many characters `render(text)` would parse and render (to decide
        whether to render in a thread)."""
        if self._lines is None:
            return len(text)
        lines = _normalize(text).split("\n")
        first, old_end, new_end = _changed(self._lines, lines)
        if first == new_end == old_end:
            return 0
        # The blocks holding the changed lines are rendered whole: a key typed in a
        # paragraph of 3,600 lines (a paste without blank lines) renders all of them.
        start, stop = first, old_end
        for block in self._blocks:
            if block.start > old_end:
                break
            if block.end >= first:
                start, stop = min(start, block.start), max(stop, block.end)
        stop = max(first, stop + new_end - old_end)
        return sum(len(line) for line in lines[start:stop]) + 1

    def rows_for_line(self, line: int) -> tuple[int, int]:
        """The rendered lines showing source line `line`: its block's, or the nearest
        block's before it when the line is blank. (0, 0) before any block."""
        found = (0, 0)
        for block in self._blocks:
            if block.start > line:
                break
            if block.rows:
                found = (block.row, block.row + block.rows)
        return found

    def block_lines(self, line: int) -> tuple[int, int] | None:
        """The source lines of the top-level block holding `line`, if any."""
        for block in self._blocks:
            if block.start <= line < block.end:
                return block.start, block.end
        return None

    # -- parsing ----------------------------------------------------------------------------

    def _parse_range(self, lines: list[str], start: int, stop: int) -> list[_Block]:
        tokens: list[Token] = []
        self._block_parser.block.parse("\n".join(lines[start:stop]), self._block_parser,
                                       {}, tokens)
        self.parsed_lines += stop - start
        return _top_level(tokens, start)

    def _parse(self, lines: list[str]) -> list[_Block]:
        """The new top-level blocks, parsing only what the change can have touched.

        Parsing restarts at the start of an old block that begins after a blank line
        and before the first changed line: no block rule looks back, and a block
        before a blank line is settled by the lines up to the next block's first,
        so everything before is as it was. It stops at a new block start after the
        changed lines, again after a blank line, where an old block started on the
        same text: from there on both parses see the same lines from the same state.
        """
        old = self._lines
        if old is None:
            return self._parse_range(lines, 0, len(lines))
        first, old_end, new_end = _changed(old, lines)
        delta = len(lines) - len(old)
        restart = 0
        kept = 0
        for index, block in enumerate(self._blocks):
            if block.start >= first:
                break
            if block.start == 0 or _blank(old[block.start - 1]):
                restart, kept = block.start, index
        old_starts = {block.start: index for index, block in enumerate(self._blocks)
                      if block.start >= old_end}
        stop = min(len(lines), new_end + self.window)
        while True:
            fresh = self._parse_range(lines, restart, stop)
            for index, block in enumerate(fresh):
                if block.start < new_end or (block.start and not _blank(lines[block.start - 1])):
                    continue
                meets = old_starts.get(block.start - delta)
                if meets is not None:
                    tail = self._blocks[meets:]
                    for moved in tail:
                        moved.start += delta
                        moved.end += delta
                    return self._blocks[:kept] + fresh[:index] + tail
            if stop >= len(lines):
                return self._blocks[:kept] + fresh
            stop = min(len(lines), stop + 2 * (stop - restart))

    # -- rendering --------------------------------------------------------------------------

    def _definitions(self) -> dict[str, tuple[str, str]]:
        """Every link label's definition: the first one in the document wins."""
        found: dict[str, tuple[str, str]] = {}
        for block in self._blocks:
            for label, target in block.definitions:
                found.setdefault(label, target)
        return found

    def _valid(self, block: _Block, definitions: dict[str, tuple[str, str]]) -> _Rendered | None:
        """The block's rendered lines from before, if its link labels still mean the same."""
        cached = self._cache.get(block.key)
        if cached is not None and all(
            definitions.get(label) == target for label, target in cached.uses.items()
        ):
            self._cache.move_to_end(block.key)
            return cached
        return None

    def _render_blocks(
        self, blocks: list[_Block], definitions: dict[str, tuple[str, str]]
    ) -> list[_Rendered]:
        """Render blocks in one pass of Rich, a boundary token between each two.

        Rich sees each block as it would in the whole document, except for the
        blank line before it, which depends on the block before: `_assemble` adds it.
        """
        references = {label: {"href": href, "title": title}
                      for label, (href, title) in definitions.items()}
        logs = [_LookupLog(references) for _ in blocks]
        token_lists = [self._inline(block.tokens, log) for block, log in zip(blocks, logs,
                                                                            strict=True)]
        pieces = self._pieces(token_lists)
        self.rendered_blocks += len(blocks)
        results = []
        for piece, log, tokens in zip(pieces, logs, token_lists, strict=True):
            # piece: [blank line] START ...the block... END [blank line]
            starts_blank = piece[0] is not _START
            gap_after = piece[-1] is not _END
            body = piece[starts_blank : len(piece) - gap_after]
            segments = [s for s in body if s is not _START and s is not _END]
            lines = None
            if not segments or segments[-1].text.endswith("\n"):
                lines = _split(segments, self.width)
            uses = {label: definitions.get(label) for label in log.asked}
            results.append(_Rendered(segments, lines, starts_blank, gap_after, tokens, uses))
        return results

    def _inline(self, block_tokens: list[Token], log: _LookupLog) -> list[Token]:
        """The block's tokens as Rich needs them: inline content parsed, no definitions."""
        tokens = [token for token in block_tokens if token.type != "definition"]
        for token in tokens:
            if token.type == "inline":
                token.children = []
        state = StateCore("", self._inline_parser, {"references": log})
        state.tokens = tokens
        self._inline_parser.core.process(state)
        if self.breaks:
            _hard_breaks(tokens)
        return tokens

    def _pieces(self, token_lists: list[list[Token]], quiet: bool = False) -> list[list[Segment]]:
        """Rich's output for each token list, all in one pass, a boundary between each two.

        After a boundary Rich puts a blank line before the next element if it would
        after most blocks; after a quiet one it puts none.
        """
        stream_tokens = [_boundary(quiet)]
        for tokens in token_lists:
            stream_tokens += [*tokens, _boundary(quiet)]
        self._markdown.parsed = stream_tokens
        stream = self._markdown.__rich_console__(self._marking, self._console.options)
        pieces: list[list[Segment]] = []
        piece: list[Segment] = []
        for segment in cast(Iterator[Segment], stream):
            if segment is _BOUNDARY:
                pieces.append(piece := [])
            else:
                piece.append(segment)
        return pieces[:-1]

    def _own_blank(self, rendered: _Rendered) -> bool:
        """Whether a block starts with a blank line even after a block asking for none.

        Rich puts a blank line before a block when the element closed before it asks
        for one; but before a list or a quote it puts one in any case (even at the
        top of a document). Only at the top and after a rule does it make a
        difference, so it is asked then: Rich goes over the block after a quiet
        boundary, laying nothing out, and says if a blank line comes first.
        """
        if rendered.own_blank is None:
            marking = cast(_MarkingConsole, self._marking)
            marking.layout = False
            try:
                piece = self._pieces([rendered.tokens], quiet=True)[0]
            finally:
                marking.layout = True
            rendered.own_blank = piece[0] is not _START
        return rendered.own_blank

    def _assemble(self, chars: int) -> list[Line]:
        """The output lines of the blocks parsed; `chars` is the text's length (the
        renderings kept may take twice that)."""
        definitions = self._definitions()
        shown = [block for block in self._blocks
                 if not all(token.type == "definition" for token in block.tokens)]
        # Rich never sees a link definition: no element, no blank line
        rendered: dict[int, _Rendered] = {}
        missing: list[_Block] = []
        for block in shown:
            found = self._valid(block, definitions)
            if found is None:
                missing.append(block)
            else:
                rendered[id(block)] = found
        for block, fresh in zip(missing, self._render_blocks(missing, definitions),
                                strict=True):
            rendered[id(block)] = fresh
            fresh.chars = sum(len(line) + 1 for line in (self._lines or [])[block.start:block.end])
            replaced = self._cache.pop(block.key, None)
            self._cached_chars += fresh.chars - (replaced.chars if replaced else 0)
            self._cache[block.key] = fresh
        # The blocks shown were used last, so they are the last to go.
        most = max(self._cache_chars, 2 * chars)
        while self._cache and (len(self._cache) > self._cache_size or self._cached_chars > most):
            _, dropped = self._cache.popitem(last=False)
            self._cached_chars -= dropped.chars
        output: list[Line] = []
        pending: list[Segment] | None = None
        asks_gap = False
        for block in self._blocks:
            block.row, block.rows = len(output), 0
            result = rendered.get(id(block))
            if result is None:
                continue
            gap = result.starts_blank and (asks_gap or self._own_blank(result))
            if pending is None and result.lines is not None:
                output.extend([[]] if gap else [])
                output.extend(result.lines)
            else:
                pending = [*(pending or []), *([Segment.line()] if gap else []),
                           *result.segments]
                if result.lines is not None:
                    output.extend(_split(pending, self.width))
                    pending = None
            block.rows = len(output) - block.row
            asks_gap = result.gap_after
        if pending:
            output.extend(_split(pending, self.width))
        return output


def _split(segments: list[Segment], width: int) -> list[Line]:
    """Cut segments into lines as `Console.render_lines` does (not padded)."""
    return list(Segment.split_and_crop_lines(segments, width, pad=False,
                                             include_new_lines=False))


def _changed(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """The first line that differs, and where the unchanged tail starts in old and new."""
    limit = min(len(old), len(new))
    first = 0
    while first < limit and old[first] == new[first]:
        first += 1
    tail = 0
    while tail < limit - first and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return first, len(old) - tail, len(new) - tail


def plain_lines(lines: list[Line]) -> list[str]:
    """The text of rendered lines without styles, right-trimmed (for tests and search)."""
    return ["".join(segment.text for segment in line).rstrip() for line in lines]
