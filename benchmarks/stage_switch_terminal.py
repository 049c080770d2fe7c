"""Stage switch as a person sees it: ctrl+pagedown to the next stage, final on screen, in tmux.

careertui opens the five-year sample in tmux at 120x40; the yardstick is the
minimal app (eight tabs, each showing only its name) in the same terminal,
switched by the same key. Each tour launches both in turn (the order swaps
every tour, so drift on a noisy machine hits both alike) and, once the first
full screen has been quiet for a moment, presses ctrl+pagedown round all eight
stages (first visits, the last press back to the first stage counts as a later
visit) and round again (later visits).

A switch is timed from the key being sent to the last change of the screen's
text before it stays unchanged for 0.4 s, counted only once the new stage's
title shows. The screen is read every 5 ms; the tab underline's row is left
out (its slide is an animation, not the stage arriving); colours are not
compared, only text. Figures are rounded to the millisecond, and the 5 ms poll
makes anything under 10 ms a tie.

A second launch per tour measures a quick double press: ctrl+pagedown twice,
0.1 s apart, timed from the second key to the stage after next, final; once
round while the stages are built on first visit, once round again. If the
second key waits behind the first stage being built, this shows it.

A switch that never settles on its stage (the screen stays 5 s on another
stage: a key lost; or it keeps changing for 10 s, e.g. flipping between two
stages) is left out of the percentiles and counted on its own; --verbose
prints the stages it showed.

With --read SECONDS the first key waits that long after launch, as a person
reading the first stage would: the stages are then built ahead of time.

    python benchmarks/stage_switch_terminal.py [--tours 3] [--verbose] [--read 0]
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from common import app_command, five_year_sample, percentile
from minimal_app import LABELS
from startup import MARKERS, MINIMAL_MARKERS
from terminal import Terminal, kill, start

HERE = Path(__file__).resolve().parent
KEY = "C-PgDn"
POLL = 0.005
QUIET = 0.4
GIVE_UP = 5.0
TIMEOUT = 10.0
DOUBLE_GAP = 0.1
VERBOSE = False
READ = 0.0
"""Seconds spent reading the first stage after launch, before the first key (--read)."""


@dataclass
class Switches:
    """Milliseconds from key to final screen (nan: never settled), by kind of visit."""

    first: list[float] = field(default_factory=list)
    later: list[float] = field(default_factory=list)
    double_first: list[float] = field(default_factory=list)
    double_later: list[float] = field(default_factory=list)
    by_stage: dict[tuple[str, str], list[float]] = field(
        default_factory=lambda: defaultdict(list))


def underline_row(screen: list[str]) -> int:
    """The row under the tab labels, where the underline slides."""
    for index, row in enumerate(screen):
        if all(label in row for label in LABELS):
            return index + 1
    raise RuntimeError("no tab bar on screen:\n" + "\n".join(screen))


def stage_shown(screen: list[str], underline: int) -> str | None:
    """The stage whose title is the first words under the tab bar; else (a stage that
    opens scrolled down to its first field, its title out of view) the tab the
    underline marks, once the rest of the screen has changed too."""
    for row in screen[underline + 1:underline + 4]:
        if row.strip() in LABELS:
            return row.strip()
    return active_tab(screen, underline)


def active_tab(screen: list[str], underline: int) -> str | None:
    """The label above the bright part of the underline: it lies between a `╸` (or the
    row's start) and a `╺` (or the row's end), drawn in a dimmer `━` around it."""
    line, labels = screen[underline], screen[underline - 1] + " "  # trailing blanks cut
    start = line.find("╸") + 1
    end = line.find("╺", start)
    end = len(line) if end < 0 else end
    if start <= 0 and end == len(line):
        return None  # no ends drawn: not a tab underline, or it is sliding
    for label in LABELS:
        column = labels.find(f" {label} ") + 1
        if column > 0 and start <= column and column + len(label) <= end:
            return label
    return None


def masked(screen: list[str], underline: int) -> list[str]:
    return screen[:underline] + screen[underline + 1:]


def until_final(term: Terminal, session: str, since: float, underline: int,
                before: list[str], expect: str | None) -> float:
    """Seconds from `since` to the last change before QUIET seconds of calm; nan if never shown.

    Calm counts only once the screen shows the `expect`ed stage's title: a
    stage that takes a second to show anything is not final while the old one
    is still up. A screen calm for GIVE_UP seconds on another stage means the
    key was lost.
    """
    last = masked(before, underline)
    last_change: float | None = None
    seen: list[str] = []  # for --verbose
    tick = since
    while True:
        tick += POLL
        time.sleep(max(0.0, tick - time.perf_counter()))
        now = time.perf_counter()
        screen = term.screen(session)
        text = masked(screen, underline)
        if text != last:
            last, last_change = text, now
            if VERBOSE:
                seen.append(f"{(now - since) * 1000:.0f} ms {stage_shown(screen, underline)}")
        calm = now - (last_change or since)
        if (last_change is not None and calm >= QUIET
                and (expect is None or stage_shown(screen, underline) == expect)):
            return last_change - since
        if calm >= GIVE_UP or now - since > TIMEOUT:
            if VERBOSE:
                print(f"    never final, waiting for {expect}; stages seen: " + ", ".join(seen))
            return math.nan
        tick = max(tick, now)


def launch(term: Terminal, session: str, command: str, markers: tuple[str, ...]) -> int:
    """Start the program and wait until its first full screen is calm; the underline row."""
    kill(session)
    began = time.perf_counter()
    start(session, command)
    while not all(marker in "\n".join(screen := term.screen(session)) for marker in markers):
        if time.perf_counter() - began > 30:
            raise RuntimeError(f"no full screen after 30 s: {command}\n" + "\n".join(screen))
        time.sleep(POLL)
    underline = underline_row(screen)
    until_final(term, session, time.perf_counter(), underline, [], None)
    return underline


def tour(term: Terminal, name: str, command: str, markers: tuple[str, ...],
         into: Switches) -> None:
    """One launch round the stages twice, one press at a time; a second launch double-pressing."""
    session = f"bench-switch-{name}"
    try:
        underline = launch(term, session, command, markers)
        time.sleep(READ)
        current = 0
        for lap in range(2):
            for _ in LABELS:
                target = (current + 1) % len(LABELS)
                before = term.screen(session)
                sent = term.send(session, KEY)
                took = until_final(term, session, sent, underline, before, LABELS[target]) * 1000
                kind = "first" if lap == 0 and target != 0 else "later"
                (into.first if kind == "first" else into.later).append(took)
                into.by_stage[(kind, LABELS[target])].append(took)
                current = resync(term, session, underline, target, took)
                if VERBOSE:
                    print(f"    {name:9} {kind:5} {LABELS[target]:16} {took:7.0f} ms"
                          + ("" if current == target else f", stayed on {LABELS[current]}"))
        underline = launch(term, session, command, markers)
        time.sleep(READ)
        current = 0
        for lap in range(2):
            for _ in range(len(LABELS) // 2):
                target = (current + 2) % len(LABELS)
                before = term.screen(session)
                term.send(session, KEY)
                time.sleep(DOUBLE_GAP)
                sent = term.send(session, KEY)
                took = until_final(term, session, sent, underline, before, LABELS[target]) * 1000
                (into.double_first if lap == 0 else into.double_later).append(took)
                current = resync(term, session, underline, target, took)
                if VERBOSE:
                    print(f"    {name:9} twice {LABELS[target]:16} {took:7.0f} ms from the 2nd key"
                          + ("" if current == target else f", stayed on {LABELS[current]}"))
    finally:
        kill(session)


def resync(term: Terminal, session: str, underline: int, target: int, took: float) -> int:
    """The stage on screen now: the target, or (it never settled) whichever stage shows."""
    if not math.isnan(took):
        return target
    shown = stage_shown(term.screen(session), underline)
    return LABELS.index(shown) if shown else target


@dataclass
class Figures:
    """One kind of switch, both apps: p50/p95 in ms of those that settled, and how many did not."""

    n: int
    careertui_p50: float
    careertui_p95: float
    careertui_unsettled: int
    minimal_p50: float
    minimal_p95: float
    minimal_unsettled: int

    @property
    def ratio(self) -> float:
        return self.careertui_p95 / self.minimal_p95


@dataclass
class Result:
    tours: int
    kinds: dict[str, Figures]
    # stage -> kind ("first"/"later") -> (careertui median, minimal median, ratio)
    stages: dict[str, dict[str, tuple[float, float, float]]]

    def slowest(self, kind: str) -> str:
        """The stage with the slowest median switch of this kind, e.g. 'Goals 820 ms'."""
        timed = [(row[kind][0], label) for label, row in self.stages.items() if kind in row]
        if not timed:
            return "none shown"
        took, label = max(timed)
        return f"{label} {took:.0f} ms"


def summary(values: list[float]) -> tuple[float, float, int]:
    """p50 and p95 of the switches that showed, and how many never did."""
    shown = [v for v in values if not math.isnan(v)]
    if not shown:
        return math.nan, math.nan, len(values)
    return percentile(shown, 0.5), percentile(shown, 0.95), len(values) - len(shown)


KINDS = {"first": "first visits", "later": "later visits",
         "double_first": "2nd key during a first visit",
         "double_later": "2nd key during a later visit"}


def measure(tours: int, read: float | None = None) -> Result:
    """Every switch of `tours` tours; `read`: seconds before the first key (else --read)."""
    global READ
    if read is not None:
        READ = read
    if not shutil.which("tmux"):
        sys.exit("tmux is needed to measure a real terminal")
    ours, theirs = Switches(), Switches()
    with tempfile.TemporaryDirectory() as tmp, Terminal() as term:
        sample = five_year_sample(Path(tmp))
        career = app_command(sample)
        minimal = f"{sys.executable} {HERE / 'minimal_app.py'} --labelled"
        for index in range(tours):
            runs = [("careertui", career, MARKERS, ours),
                    ("minimal", minimal, MINIMAL_MARKERS, theirs)]
            for name, command, markers, into in runs[::-1] if index % 2 else runs:
                tour(term, name, command, markers, into)
    kinds = {}
    for kind in KINDS:
        mine: list[float] = getattr(ours, kind)
        kinds[kind] = Figures(len(mine), *summary(mine), *summary(getattr(theirs, kind)))
    stages: dict[str, dict[str, tuple[float, float, float]]] = {}
    for label in LABELS:
        row = {}
        for kind in ("first", "later"):
            a = summary(ours.by_stage.get((kind, label), []))[0]
            b = summary(theirs.by_stage.get((kind, label), []))[0]
            if not (math.isnan(a) or math.isnan(b)):
                row[kind] = (a, b, a / b)
        stages[label] = row
    return Result(tours, kinds, stages)


def report(result: Result) -> list[str]:
    lines = [
        f"stage switch in a terminal: tmux 120x40, five-year sample, {result.tours} tour(s), "
        "each launching careertui and the minimal app in turn"
        + (f", the first stage read for {READ:g} s before the first key" if READ else ""),
        "  key to the last change of the screen's text before 0.4 s of calm (underline left out)",
        "",
        f"  {'':33}careertui p50 / p95   minimal p50 / p95   ratio p95   never settled",
    ]
    for kind, name in KINDS.items():
        r = result.kinds[kind]
        title = f"{name} ({r.n})"
        lines.append(
            f"  {title:33}{r.careertui_p50:9.0f} / {r.careertui_p95:5.0f} ms"
            f"{r.minimal_p50:9.0f} / {r.minimal_p95:4.0f} ms{r.ratio:12.2f}"
            f"   {r.careertui_unsettled} / {r.minimal_unsettled}")
    lines += ["", "  median by stage reached      first visit: careertui  minimal  ratio"
              "     later visit: careertui  minimal  ratio"]
    for label, row in result.stages.items():
        cells = []
        for kind in ("first", "later"):
            if kind in row:
                a, b, ratio = row[kind]
                cells.append(f"{a:9.0f} ms {b:5.0f} ms {ratio:6.1f}")
            else:
                cells.append(f"{'-':>9}    {'-':>5}    {'-':>6}")
        lines.append(f"    {label:40}{cells[0]}{'':23}{cells[1]}")
    lines += [
        "",
        "  A switch that never settled on its stage (the key lost, or the screen flipping",
        "  between stages for 10 s) is left out of the percentiles and counted under",
        "  'never settled' (careertui / minimal).",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tours", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="print every switch")
    parser.add_argument("--read", type=float, default=0.0, metavar="SECONDS",
                        help="wait this long after launch before the first key, as a person "
                        "reading the first stage does (stages are built ahead meanwhile)")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    print("\n".join(report(measure(args.tours, args.read))))


if __name__ == "__main__":
    main()
