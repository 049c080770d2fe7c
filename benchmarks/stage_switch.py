"""Stage switch: ctrl+pagedown to the next stage shown with the cursor in its first field.

Runs the real app headless at 120x40 on the five-year sample and goes round the
eight stages several times. Each switch is timed from the key press to the
first frame drawn with the new stage showing and its first field focused. The
first lap includes building each stage (they are built on first visit).

    python benchmarks/stage_switch.py [--laps 4]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from common import five_year_sample, median, percentile
from textual.screen import Screen

from careertui.factory import create_app
from careertui.ui.stages import STAGE_IDS

VERBOSE = False


async def measure(laps: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp())
    app = create_app(five_year_sample(folder), config_dir=folder / "cfg", cursor_blink=False,
                     lock=False)
    shown: dict[str, float | None] = {"at": None}
    waiting_for: dict[str, str | None] = {"stage": None}
    original = Screen._compositor_refresh

    def compositor_refresh(self: Screen) -> None:  # type: ignore[type-arg]
        original(self)
        target = waiting_for["stage"]
        if target and app.active_stage_id == target:
            stage = app.stage(target)
            focused = app.focused
            if stage is not None and focused is not None and stage in focused.ancestors_with_self:
                shown["at"] = time.perf_counter()
                waiting_for["stage"] = None

    Screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign]
    first_visits, later = [], []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(2.0)  # the first stage finishes building
            for lap in range(laps):
                for index in range(len(STAGE_IDS)):
                    target = STAGE_IDS[(index + 1) % len(STAGE_IDS)]
                    shown["at"] = None
                    waiting_for["stage"] = target
                    start = time.perf_counter()
                    await pilot.press("ctrl+pagedown")
                    while shown["at"] is None and time.perf_counter() - start < 5:
                        await asyncio.sleep(0.001)
                    took = (shown["at"] or float("nan")) - start
                    is_first = lap == 0 and target != STAGE_IDS[0]
                    (first_visits if is_first else later).append(took * 1000)
                    if VERBOSE:
                        print(f"    lap {lap} {target:16} {took * 1000:7.1f} ms")
                    await pilot.pause(0.3)  # a person reads before moving on
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
        app.workbook.close()
    every = first_visits + later
    return {
        "p50": median(every), "p95": percentile(every, 0.95), "max": max(every),
        "first_max": max(first_visits), "first_median": median(first_visits),
        "later_p95": percentile(later, 0.95), "switches": len(every),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laps", type=int, default=4)
    parser.add_argument("--verbose", action="store_true", help="print every switch")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    r = asyncio.run(measure(args.laps))
    print(f"stage switch, {r['switches']:.0f} switches ({args.laps} laps), 120x40, "
          "five-year sample")
    print(f"  all          p50 {r['p50']:6.1f} ms   p95 {r['p95']:6.1f} ms"
          f"   max {r['max']:6.1f} ms")
    print(f"  first visit  median {r['first_median']:6.1f} ms   max {r['first_max']:6.1f} ms"
          "   (builds the stage)")
    print(f"  later visits p95 {r['later_p95']:6.1f} ms")


if __name__ == "__main__":
    main()
