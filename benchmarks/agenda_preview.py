"""Keystroke to visible in the agenda preview, and how long the event loop was blocked.

Runs the real app headless at 120x40 on the five-year sample, with its own
agenda and then with a 300-line one,
types in the middle of the text, and for each key measures the time from the
key being sent to the preview painting a line of the new text. A watchdog task
wakes every millisecond and records how late it was: the longest lateness is
the longest time the event loop (so typing) was blocked.

    python benchmarks/agenda_preview.py [--keys 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from common import five_year_sample

from careertui.core.meetings import agenda_text, set_agenda
from careertui.factory import create_app
from careertui.ui.widgets.markdown_editor import MarkdownEditor
from careertui.ui.widgets.markdown_preview import MarkdownPreview


def make_agenda(lines: int) -> str:
    """A varied agenda of about `lines` lines: headings, paragraphs, lists, a table."""
    out = ["# Career development conversation", "", "*30 minutes*", ""]
    section = 0
    while len(out) < lines:
        section += 1
        out += [f"## {section}. Topic number {section} (5 min)", ""]
        out += [f"Some words about topic {section}, with *emphasis* and `code` in it.", ""]
        out += [f"- point {section}.{i}: **bold** and a [link](https://example.com/{i})"
                for i in range(1, 6)]
        row = f"| thing {section} | 2026-12-0{section % 9 + 1} |"
        out += ["", "| What | When |", "|---|---|", row, ""]
    return "\n".join(out[:lines])


async def measure(lines: int | None, keys: int) -> dict[str, float]:
    """`lines=None`: the five-year sample's own agenda; else a synthetic one that long."""
    folder = Path(tempfile.mkdtemp())
    app = create_app(five_year_sample(folder), config_dir=folder / "cfg", cursor_blink=False,
                     lock=False)
    synthetic = lines
    if lines is not None:
        set_agenda(app.workbook, make_agenda(lines))
    lines = len(agenda_text(app.workbook).splitlines())
    painted: list[float] = []
    pending: dict[str, float | None] = {"since": None}
    original = MarkdownPreview.render_line

    def render_line(self: MarkdownPreview, y: int):  # type: ignore[no-untyped-def]
        strip = original(self, y)
        if pending["since"] is not None and "Z" * pending["count"] in strip.text:
            painted.append(time.perf_counter() - pending["since"])
            pending["since"] = None
        return strip

    MarkdownPreview.render_line = render_line  # type: ignore[method-assign]
    lateness: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.enter_stage("agenda")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        editor = app.query_one(MarkdownEditor)
        area = editor.text_area
        # a line the preview shows without scrolling: after the sample's opening
        # paragraph, or in the middle of the synthetic agenda
        target_line = 6 if synthetic is None else min(lines // 2, 20)
        area.move_cursor((target_line, 0))
        area.insert("\nZ\n\n")  # a paragraph of its own to type into
        area.move_cursor((target_line + 1, 1))
        await pilot.pause(0.3)

        running = True

        async def watchdog() -> None:
            while running:
                start = time.perf_counter()
                await asyncio.sleep(0.001)
                lateness.append(time.perf_counter() - start - 0.001)

        dog = asyncio.create_task(watchdog())
        for index in range(keys):
            count = index % 30 + 2
            if count == 2 and index:
                await pilot.press("enter", "Z")  # a fresh line: the Zs never wrap
            pending["count"] = count
            pending["since"] = time.perf_counter()
            await pilot.press("Z")
            deadline = time.perf_counter() + 1
            while pending["since"] is not None and time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
            if pending["since"] is not None:
                painted.append(float("nan"))
        running = False
        await dog
    MarkdownPreview.render_line = original  # type: ignore[method-assign]
    app.workbook.close()
    good = sorted(x for x in painted if x == x)
    return {
        "p50": statistics.median(good) * 1000,
        "p95": good[int(len(good) * 0.95) - 1] * 1000,
        "max_blocked": max(lateness) * 1000,
        "p99_blocked": sorted(lateness)[int(len(lateness) * 0.99)] * 1000,
        "over_50": sum(1 for x in lateness if x > 0.05),
        "missed": sum(1 for x in painted if x != x),
        "lines": lines,
    }


def first_render(lines: int, repeat: int = 9) -> tuple[float, float]:
    """Median CPU ms of a whole render and of the incremental renderer's first render
    of the same synthetic agenda (the first must cost no more than the whole)."""
    from careertui.core.markdown_render import IncrementalMarkdown, make_console, render_markdown

    text = make_agenda(lines)
    console = make_console(100)
    whole, first = [], []
    for _ in range(repeat):
        start = time.process_time()
        render_markdown(text, console)
        whole.append(time.process_time() - start)
        start = time.process_time()
        IncrementalMarkdown(100).render(text)
        first.append(time.process_time() - start)
    return statistics.median(whole) * 1000, statistics.median(first) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    whole, first = first_render(300)
    print(f"300-line agenda: whole render {whole:.1f} ms, first incremental render "
          f"{first:.1f} ms (CPU time)")
    print(f"{'agenda':>10} {'p50 ms':>8} {'p95 ms':>8} {'blocked max ms':>15} "
          f"{'blocked p99 ms':>15} {'blocks >50ms':>13} {'missed':>7}")
    for lines in (None, 300):
        result = asyncio.run(measure(lines, args.keys))
        print(f"{result['lines']:>5} lines {result['p50']:8.1f} {result['p95']:8.1f} "
              f"{result['max_blocked']:15.1f} {result['p99_blocked']:15.1f} "
              f"{result['over_50']:13d} {result['missed']:7d}")


if __name__ == "__main__":
    main()
