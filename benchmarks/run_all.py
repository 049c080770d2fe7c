"""Every benchmark on the five-year sample, as one table against the budgets.

    python benchmarks/run_all.py [--runs 11]

Each figure is a median (or a percentile) over several runs; see the script
named in each row for how it is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import tempfile
from datetime import date
from pathlib import Path

import agenda_preview
import autosave
import journey_terminal
import stage_switch
import stage_switch_terminal
import startup
import typing_echo
from common import five_year_sample

READ_FIRST = 6.0
"""Seconds a person reads the first stage before touring, in the second stage-switch run."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="interleaved launches")
    parser.add_argument("--tours", type=int, default=3,
                        help="tours of the stages in a terminal, interleaved")
    args = parser.parse_args()
    launch = startup.measure(args.runs)
    terminal = stage_switch_terminal.measure(args.tours, read=0)
    after_reading = stage_switch_terminal.measure(args.tours, read=READ_FIRST)
    read_first, read_twice = after_reading.kinds["first"], after_reading.kinds["double_first"]
    first, later = terminal.kinds["first"], terminal.kinds["later"]
    twice_first, twice_later = terminal.kinds["double_first"], terminal.kinds["double_later"]
    unsettled = sum(r.careertui_unsettled for r in terminal.kinds.values())
    keys = sum(r.n for r in terminal.kinds.values())
    echo = typing_echo.measure(200, 3)
    journey = journey_terminal.measure(10)
    opened = journey_terminal.p95(journey["open"])
    switched = journey_terminal.p95(journey["switch"])
    ours, floor = echo["careertui"], echo["minimal"]
    preview = asyncio.run(agenda_preview.measure(None, 60))
    switch = asyncio.run(stage_switch.measure(4))
    with tempfile.TemporaryDirectory() as tmp:
        path = five_year_sample(Path(tmp))
        cold = autosave.cold_saves(path, 20)
        typing = asyncio.run(autosave.typing_with_autosave(path, 100))
        secret = autosave.new_keys()
        sealed = autosave.encrypted_copy(path, secret)
        cold_sealed = autosave.cold_saves(sealed, 20, secret)
        typing_sealed = asyncio.run(autosave.typing_with_autosave(sealed, 100, secret))
    rows = [
        ("launch to first full screen, ratio to minimal (startup.py)",
         f"{launch['ratio']:.2f} ({launch['careertui_ms']:.0f} vs {launch['minimal_ms']:.0f} ms)",
         "<= 1.15", launch["ratio"] <= 1.15),
        ("stage switch in a terminal, first visits p95, ratio to minimal "
         "(stage_switch_terminal.py)",
         f"{first.ratio:.2f} ({first.careertui_p95:.0f} vs {first.minimal_p95:.0f} ms)",
         "<= 1.5", first.ratio <= 1.5),
        ("  later visits p95, ratio to minimal",
         f"{later.ratio:.2f} ({later.careertui_p95:.0f} vs {later.minimal_p95:.0f} ms)",
         "<= 1.5", later.ratio <= 1.5),
        ("  2nd key during a switch, to the stage after next, p95 ratio "
         "(first / later visits)",
         f"{twice_first.ratio:.2f} / {twice_later.ratio:.2f}", "<= 1.5",
         all(r.ratio <= 1.5 for r in (twice_first, twice_later))),
        ("  switches that never settled on their stage (a key lost, or flipping)",
         f"{unsettled} of {keys}", "none", unsettled == 0),
        (f"  first visits after reading the first stage for {READ_FIRST:g} s (stages built "
         "ahead meanwhile), p50 / p95, and p95 ratio",
         f"{read_first.careertui_p50:.0f} / {read_first.careertui_p95:.0f} ms, "
         f"{read_first.ratio:.2f}", "<= 1.5", read_first.ratio <= 1.5),
        ("    a 2nd key during such a first visit, p50 / p95, and p95 ratio",
         f"{read_twice.careertui_p50:.0f} / {read_twice.careertui_p95:.0f} ms, "
         f"{read_twice.ratio:.2f}", "<= 1.5", read_twice.ratio <= 1.5),
        ("  slowest stage, median first / later visit",
         f"{terminal.slowest('first')} / {terminal.slowest('later')}", "", None),
        ("Journey view opened (f8) against a later stage switch in the same run, p95 "
         "(journey_terminal.py)", f"{opened:.0f} vs {switched:.0f} ms",
         "no slower", opened <= switched),
        ("typing in the first 10 s after launch, keystroke to echo p99 / max "
         "(typing_echo.py)",
         f"{ours['p99']:.1f} / {ours['max']:.1f} ms (minimal app {floor['p99']:.1f} / "
         f"{floor['max']:.1f})", "<= 16 / 50 ms", ours["p99"] <= 16 and ours["max"] <= 50),
        ("  keys lost (never echoed within 2 s)", f"{ours['lost']:.0f} of {ours['keys']:.0f}",
         "none", ours["lost"] == 0),
        ("keystroke to visible in agenda preview, p95 (agenda_preview.py)",
         f"{preview['p95']:.1f} ms (p50 {preview['p50']:.1f})", "<= 50 ms",
         preview["p95"] <= 50),
        ("stage switch p95, every switch (stage_switch.py)",
         f"{switch['p95']:.0f} ms (p50 {switch['p50']:.0f})", "<= 50 ms", switch["p95"] <= 50),
        ("  of which: visits to a stage already built, p95",
         f"{switch['later_p95']:.0f} ms", "<= 50 ms", switch["later_p95"] <= 50),
        ("  of which: first visits (stage built), median / max",
         f"{switch['first_median']:.0f} / {switch['first_max']:.0f} ms", "", None),
        ("autosave of the whole workbook, from cold (autosave.py)",
         f"{cold['total']:.1f} ms", "<= 15 ms", cold["total"] <= 15),
        ("  autosave while typing: event loop held, median / max",
         f"{typing['loop_median']:.2f} / {typing['loop_max']:.1f} ms", "", None),
        ("  keystrokes that waited on an autosave",
         f"{typing['waited']} of {typing['keys']:.0f}", "none", typing["waited"] == 0),
        ("autosave of an encrypted workbook (age), from cold (autosave.py)",
         f"{cold_sealed['total']:.1f} ms", "<= 15 ms", cold_sealed["total"] <= 15),
        ("  encrypted, while typing: event loop held, median / max",
         f"{typing_sealed['loop_median']:.2f} / {typing_sealed['loop_max']:.1f} ms", "", None),
        ("  keystrokes that waited on an encrypted autosave",
         f"{typing_sealed['waited']} of {typing_sealed['keys']:.0f}", "none",
         typing_sealed["waited"] == 0),
        ("peak RSS, ratio to minimal (startup.py)",
         f"{launch['rss_ratio']:.2f} ({launch['careertui_rss_mb']:.1f} vs "
         f"{launch['minimal_rss_mb']:.1f} MB)", "<= 1.3", launch["rss_ratio"] <= 1.3),
        ("  a second later (first page filled in, other stages being built)",
         f"{launch['settled_rss_ratio']:.2f}", "", None),
        ("  peak RSS after visiting all eight stages, ratio to minimal",
         f"{launch['every_stage_rss_mb'] / launch['minimal_rss_mb']:.2f} "
         f"({launch['every_stage_rss_mb']:.1f} MB)", "<= 2",
         launch["every_stage_rss_mb"] / launch["minimal_rss_mb"] <= 2),
    ]
    print(f"careertui benchmarks, {date.today()}, five-year sample, {platform.machine()}, "
          f"Python {platform.python_version()}, {platform.system()}")
    print()
    print("| measure | careertui | budget | met |")
    print("|---|---|---|---|")
    for name, value, budget, met in rows:
        verdict = "" if met is None else ("yes" if met else "**no**")
        print(f"| {name} | {value} | {budget} | {verdict} |")


if __name__ == "__main__":
    main()
