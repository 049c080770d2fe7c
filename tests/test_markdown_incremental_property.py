"""Property: after any run of edits, the incremental preview equals a whole render.

Documents are built from a grammar of the blocks an agenda (or a careless
paste) holds, including the kinds of text that once split wrongly: link
definitions in odd places, empty quote lines, a tab after a list marker,
fences CommonMark closes or not, lines of no-break or ideographic spaces.
The edits are applied one after another through the same renderer, as
typing would.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careertui.core.markdown_render import IncrementalMarkdown, make_console, render_markdown

WORDS = st.sampled_from(
    ["plan", "[/]", "[b]x", "[foo]", "[Foo]", "[bar][foo]", "🚀", "目标", "مرحبا", "*em*",
     "**b**", "`c`", "x\\]", "![i](p.png)", "<b>", "~~s~~", "1.", "-", ">", "\t", "\u00a0",
     "\u3000", "[link=https://x.y]z[/link]"]
)
TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)

FENCE = st.sampled_from(["```", "~~~", "````", "``` a`b", "```python", "   ```", "    ```"])


@st.composite
def fenced(draw: st.DrawFn) -> str:
    opening = draw(FENCE)
    body = draw(st.lists(TEXT, max_size=3))
    closing = draw(st.sampled_from(["```", "~~~", "    ```", "  ```", "``", "````", ""]))
    return "\n".join([opening, *body, closing])


@st.composite
def listing(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["- ", "* ", "1. ", "-\t", "2) ", "+ "]))
    items = draw(st.lists(TEXT, min_size=1, max_size=3))
    spacing = draw(st.sampled_from(["\n", "\n\n"]))
    lines = [marker + item for item in items]
    if draw(st.booleans()):
        lines.append("  " + draw(st.sampled_from(["```", "continued", "[foo]: /in-list"])))
    return spacing.join(lines)


@st.composite
def quote(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(TEXT, st.just(""), st.just("[foo]: /quoted")),
                          min_size=1, max_size=3))
    return "\n".join(">" + (" " + line if line else "") for line in lines)


DEFINITION = st.sampled_from(
    ["[foo]: /url", "[Foo]: /other 'title'", "[foo\nbar]: /split", "[x\\]]: /escaped",
     "   [bar]: <a b>", "[foo]:\n/next-line", "[foo]: /url \"t\nitle\""]
)
BLANKISH = st.sampled_from(["", " ", "\t", "\u00a0", "\u3000", "\u00a0\u00a0"])

BLOCK = st.one_of(
    TEXT,
    TEXT.map(lambda t: "# " + t),
    TEXT.map(lambda t: t + "\n---"),
    st.just("***"),
    quote(),
    listing(),
    fenced(),
    DEFINITION,
    st.just("| a | b |\n|---|---|\n| 1 | 2 |"),
    TEXT.map(lambda t: "    " + t),
)


@st.composite
def document(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(BLOCK, min_size=1, max_size=7))
    parts = [blocks[0]]
    for block in blocks[1:]:
        parts.append(draw(st.sampled_from(["\n", "\n\n", "\n\n\n"])))
        parts.append(draw(st.one_of(st.just(""), BLANKISH.map(lambda b: b + "\n"))))
        parts.append(block)
    return "".join(parts)


EDIT = st.tuples(
    st.floats(min_value=0, max_value=1),
    st.sampled_from(["insert", "delete", "replace"]),
    st.one_of(st.sampled_from(["\n", ">", "-", "\t", " ", "`", "[", "]", ":", "\u00a0", "#",
                               "\n\n", "```", "a", "    "]), TEXT, BLOCK),
    st.integers(min_value=1, max_value=12),
)


def apply(text: str, edit: tuple[float, str, str, int]) -> str:
    where, kind, piece, length = edit
    at = int(where * len(text))
    if kind == "insert":
        return text[:at] + piece + text[at:]
    if kind == "delete":
        return text[:at] + text[at + length :]
    return text[:at] + piece + text[at + length :]


def whole(text: str, width: int) -> list:
    return render_markdown(text, make_console(width))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), st.lists(EDIT, max_size=8), st.sampled_from([30, 72]),
       st.sampled_from([1, 2, 5]))
def test_incremental_equals_whole_after_every_edit(text: str, edits, width: int,
                                                   window: int) -> None:
    """A small parse window makes short documents exercise where parsing stops."""
    renderer = IncrementalMarkdown(width, window=window)
    assert renderer.render(text) == whole(text, width)
    for edit in edits:
        text = apply(text, edit)
        assert renderer.render(text) == whole(text, width), repr(text)


@settings(max_examples=60, deadline=None)
@given(document(), st.integers(min_value=0, max_value=10_000), st.text(
    alphabet=st.sampled_from("ab >-*1.`~[]:\\\t\n\u00a0\u3000#|!(/)"), min_size=1, max_size=12))
def test_typing_one_key_at_a_time(text: str, where: int, typed: str) -> None:
    """Keys typed one by one at one place, each through the renderer."""
    renderer = IncrementalMarkdown(50, window=1)
    renderer.render(text)
    at = where % (len(text) + 1)
    for key in typed:
        text = text[:at] + key + text[at:]
        at += 1
        assert renderer.render(text) == whole(text, 50), repr(text)
