"""The incremental preview must show exactly what a whole render shows."""

from __future__ import annotations

import random

import pytest

from careertui.core.markdown_render import (
    IncrementalMarkdown,
    make_console,
    plain_lines,
    render_markdown,
)

AGENDA = """\
# Career development conversation

Thank you for making time for this. I would like to talk about **where I am**,
where I *hope to go*, and how you see it.

## Current role review (8 min)

- Led the billing migration: cut month-end close from 3 days to 1
- Mentored two new joiners
  - weekly pairing sessions
- Ran the incident review rota

## Long-term interests (7 min)

1. Engineering manager (a step up)
2. Product analytics (a move across)

Some notes after the list.

---

## Development goals

| Goal | Measure | Date |
|------|---------|------|
| Lead a project | shipped on time | 2027-03-31 |
| Get certified | exam passed | 2027-06-30 |

> A quote from my last review,
> spanning two lines.

```text
code block

with a blank line inside
```

    indented code

    continues

See [the career framework](https://example.com/framework) and `inline code`.

- [ ] a task
- loose item

- second loose item

  with a continued paragraph

Setext heading
--------------

***

Last line with ~~strikethrough~~.
"""

EXTRA_CORPUS = [
    "",
    "one line",
    "# Only a heading",
    "Para\n- item\n\n- item2\n\nText\n***\nText2\n\n***\n\n# H\n",
    "Setext\n======\n\nx\n\n\n\n\n- [ ] task\n",
    "```\nunclosed fence\n\nstill code",
    "1. one\n\n3. three\n\n- bullet after ordered",
    "> quote\n\n> another quote\n\npara ![image](x.png) after",
    "\n\n\nleading blanks\n\n\n",
]


def assert_same(text: str, width: int = 72, renderer: IncrementalMarkdown | None = None) -> None:
    renderer = renderer or IncrementalMarkdown(width)
    expected = render_markdown(text, make_console(width))
    got = renderer.render(text)
    assert plain_lines(got) == plain_lines(expected)
    assert got == expected  # styles too


@pytest.mark.parametrize("text", [AGENDA, *EXTRA_CORPUS])
def test_matches_whole_render(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize("width", [20, 41, 100])
def test_matches_at_other_widths(width: int) -> None:
    assert_same(AGENDA, width)


def test_random_edits_in_the_middle_match_a_whole_render() -> None:
    """Type, delete and break lines anywhere; after every edit the output is exact."""
    rng = random.Random(7)
    text = AGENDA
    renderer = IncrementalMarkdown(72)
    alphabet = "abc *_`#-|>\n1."
    for _ in range(150):
        position = rng.randrange(len(text) + 1)
        if rng.random() < 0.7:
            text = text[:position] + rng.choice(alphabet) + text[position:]
        else:
            text = text[:position] + text[position + 1 :]
        assert_same(text, renderer=renderer)


def test_an_edit_renders_one_block_only() -> None:
    renderer = IncrementalMarkdown(72)
    renderer.render(AGENDA)
    before = renderer.rendered_blocks
    edited = AGENDA.replace("Mentored two new joiners", "Mentored three new joiners")
    renderer.render(edited)
    assert renderer.rendered_blocks == before + 1


def test_blocks_are_the_ones_markdown_it_parses() -> None:
    """A fence with a blank line inside, and a loose list, are each one block."""
    text = "a\n\n```\nx\n\ny\n```\n\n- 1\n\n- 2\n\n    more\n\nb"
    renderer = IncrementalMarkdown(72)
    renderer.render(text)
    assert renderer.block_lines(0) == (0, 1)
    assert renderer.block_lines(4) == (2, 7)
    assert renderer.block_lines(10) == (8, 14)
    assert renderer.block_lines(14) == (14, 15)


def test_a_changed_link_definition_renders_the_blocks_that_use_it_again() -> None:
    text = "See [the plan][plan].\n\nOther words.\n\n[plan]: https://example.com/plan"
    renderer = IncrementalMarkdown(72)
    assert_same(text, renderer=renderer)
    before = renderer.rendered_blocks
    assert_same(text.replace("/plan", "/new-plan"), renderer=renderer)
    assert renderer.rendered_blocks == before + 1  # the paragraph using [plan], not the other
    assert_same(text.replace("[plan]: ", "[plan-b]: "), renderer=renderer)
    assert "[the plan][plan]" in plain_lines(renderer.render(text.replace("[plan]: ", "[x]: ")))[0]


def test_email_mode_keeps_every_line_break() -> None:
    text = "Hi Priya,\n\nThank you,\nAna\n\n- one\n- two"
    renderer = IncrementalMarkdown(40, breaks=True)
    assert plain_lines(renderer.render(text))[2:4] == ["Thank you,", "Ana"]
    assert renderer.render(text) == render_markdown(text, make_console(40), breaks=True)
    assert plain_lines(IncrementalMarkdown(40).render(text))[2] == "Thank you, Ana"


def type_into(text: str, at: int, typed: str, renderer: IncrementalMarkdown) -> str:
    """Type `typed` key by key at `at`; after each key the output equals a whole render."""
    assert_same(text, renderer=renderer)
    for key in typed:
        text = text[:at] + key + text[at:]
        at += 1
        assert_same(text, renderer=renderer)
    return text


@pytest.mark.parametrize(
    ("text", "at", "typed"),
    [
        # (1) link definitions not at the start of a line
        ("[foo]\n\n", 7, "> [foo]: /url"),
        ("[foo]\n\n- x\n\n", 10, "[foo]: /in-a-list"),
        ("[foo bar]\n\n", 11, "[foo\nbar]: /split"),
        ("[a\\]b]\n\n", 8, "[a\\]b]: /escaped"),
        ("see [foo]\n\n> quote\n", 19, "\n> [foo]: /later"),
        # (2) an empty quote line between blocks
        ("a\n\n\n\nb", 2, ">"),
        ("a\n\n\n\nb", 3, ">"),
        # (3) a list marker followed by a tab
        ("- a\n\n", 5, "-\tb"),
        ("- a\n\nx", 5, "-\t"),
        # (4) fences as CommonMark closes them
        ("```\ncode\n\nmore\n", 10, "    ```"),
        ("- ```\n  code\n\nafter\n", 13, "  ```"),
        ("code\n```\n\nx\n", 0, "``` a`b\n"),
        ("~~~\nx\n", 6, "```\n~~~~\n"),
        # (5) lines of no-break or ideographic spaces are not blank
        ("a\n\nb", 2, "\u00a0"),
        ("a\n\nb", 2, "\u3000\u3000"),
        ("- a\n\n- b", 4, "\u00a0"),
    ],
)
def test_the_five_kinds_that_once_split_wrongly(text: str, at: int, typed: str) -> None:
    type_into(text, at, typed, IncrementalMarkdown(72))


def test_parsing_stops_only_after_a_blank_line() -> None:
    """A definition's title may run onto later lines: where a short parse would cut it,
    the parse goes on until the old and the new agree after a blank line."""
    renderer = IncrementalMarkdown(72, window=1)
    text = '# x\n"title\nmore"\n\nafter'
    assert_same(text, renderer=renderer)
    assert_same(text.replace("# x", "[foo]: /url"), renderer=renderer)


def test_a_line_typed_far_down_parses_a_few_lines_only() -> None:
    text = "\n\n".join(f"Paragraph {n} with some words." for n in range(200))
    renderer = IncrementalMarkdown(72)
    renderer.render(text)
    parsed = renderer.parsed_lines
    assert_same(text.replace("Paragraph 150 with", "Paragraph 150 now with"), renderer=renderer)
    assert renderer.parsed_lines - parsed < 40


def test_whatever_is_typed_shows_literally() -> None:
    text = "[/] [b]x [link=https://x.y]z[/link] 🚀 目标 مرحبا"
    shown = plain_lines(IncrementalMarkdown(80).render(text))
    assert shown == [text]


def test_a_paragraph_typed_key_by_key_keeps_few_of_its_past_renderings() -> None:
    """Each length a paragraph had while typed is a block of its own: all of them were
    kept (2,000 blocks), and a 1 MB paste arriving as keys held 877 MB of renderings."""
    renderer = IncrementalMarkdown(40, cache_chars=2_000)
    words = "a long paragraph [b]x typed 目标 one key at a time "
    text = "# Notes\n\nKept as it is.\n\n"
    for index in range(1_200):
        text += words[index % len(words)]
        renderer.render(text)
        assert renderer.cached_chars <= max(2_000, 2 * (len(text) + 1))
    assert renderer.cached_chars > len(text)  # the blocks shown are still kept
    before = renderer.rendered_blocks
    renderer.render(text.replace("Kept as it is.", "Changed."))
    assert renderer.rendered_blocks == before + 1  # the heading and the paragraph came back
    assert_same(text, width=40, renderer=renderer)


def test_the_work_of_an_edit_counts_the_whole_paragraph_it_is_in() -> None:
    """A key typed in a long paragraph renders all of it: counted as one line's worth,
    it was rendered on the event loop, and each key of a pasted 200 KB text without blank
    lines took a second to show."""
    line = "A line of pasted text, 目标 [b]x."
    text = "# Agenda\n\n" + "\n".join([line] * 2_000) + "\n\nA short paragraph.\n"
    renderer = IncrementalMarkdown(72)
    renderer.render(text)
    in_long = text.replace(line, line + "!", 1)
    assert renderer.pending_work(in_long) > 2_000 * len(line)
    in_short = text.replace("A short paragraph.", "A short paragraph!")
    assert renderer.pending_work(in_short) < 100
    assert renderer.pending_work(text) == 0
