"""The Journey view as a person sees it open, against a stage switch, in tmux.

careertui opens the five-year sample in tmux at 120x40 and moves to Check-ins
(ctrl+pageup from the first stage). Then, in turn, many times over: f8 opens the
Journey, escape closes it, and ctrl+pageup / ctrl+pagedown go to Follow-up and back
(later visits of two stages, the yardstick the issue names: "as fast as a stage
switch"). Each is timed as stage_switch_terminal.py times a switch: from the key to
the last change of the screen's text before 0.4 s of calm (the tab underline's row
left out), counted once the Journey's title (or the stage's) shows.

    python benchmarks/journey_terminal.py [--times 10] [--verbose]
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
from pathlib import Path

from common import app_command, five_year_sample, percentile
from stage_switch_terminal import launch, stage_shown, until_final
from startup import MARKERS
from terminal import Terminal, kill

JOURNEY_TITLE = "Your journey"


def until_shown(term: Terminal, session: str, since: float, underline: int,
                before: list[str], marker: str, present: bool) -> float:
    """Milliseconds from `since` to the screen's final state, with `marker` on it or not."""
    took = until_final(term, session, since, underline, before, None)
    screen = "\n".join(term.screen(session))
    if (marker in screen) != present:
        return math.nan
    return took * 1000


def measure(times: int) -> dict[str, list[float]]:
    if not shutil.which("tmux"):
        sys.exit("tmux is needed to measure a real terminal")
    timings: dict[str, list[float]] = {"open": [], "close": [], "switch": []}
    session = "bench-journey"
    with tempfile.TemporaryDirectory() as tmp, Terminal() as term:
        sample = five_year_sample(Path(tmp))
        try:
            underline = launch(term, session, app_command(sample),
                               MARKERS)
            sent = term.send(session, "C-PgUp")
            until_final(term, session, sent, underline, [], "Check-ins")
            for lap in range(times + 1):  # the first lap builds Follow-up and the Journey
                for key, kind, marker, present in (
                    ("F8", "open", JOURNEY_TITLE, True),
                    ("Escape", "close", JOURNEY_TITLE, False),
                    ("C-PgUp", "switch", "", True),
                    ("C-PgDn", "switch", "", True),
                ):
                    before = term.screen(session)
                    sent = term.send(session, key)
                    if kind == "switch":
                        target = "Follow-up" if key == "C-PgUp" else "Check-ins"
                        took = until_final(term, session, sent, underline, before,
                                           target) * 1000
                        if stage_shown(term.screen(session), underline) != target:
                            took = math.nan
                    else:
                        took = until_shown(term, session, sent, underline, before, marker,
                                           present)
                    if lap:
                        timings[kind].append(took)
                    if VERBOSE:
                        print(f"  lap {lap} {key:7} {kind:6} {took:6.0f} ms")
        finally:
            kill(session)
    return timings


def p95(values: list[float]) -> float:
    """p95 of the timings that settled (nan if none did)."""
    shown = [value for value in values if not math.isnan(value)]
    return percentile(shown, 0.95) if shown else math.nan


def report(timings: dict[str, list[float]]) -> list[str]:
    lines = ["Journey view in a terminal: tmux 120x40, five-year sample, from Check-ins",
             "  key to the last change of the screen's text before 0.4 s of calm", ""]
    for kind, name in (("open", "f8 opens the Journey"), ("close", "escape closes it"),
                       ("switch", "stage switch, later visit")):
        shown = [t for t in timings[kind] if not math.isnan(t)]
        missed = len(timings[kind]) - len(shown)
        if shown:
            lines.append(f"  {name:28} p50 {percentile(shown, 0.5):5.0f} ms   "
                         f"p95 {percentile(shown, 0.95):5.0f} ms   ({len(shown)} timed"
                         + (f", {missed} never settled)" if missed else ")"))
    lines.append(f"  open / switch, p95: {p95(timings['open']) / p95(timings['switch']):.2f}")
    return lines


VERBOSE = False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    print("\n".join(report(measure(args.times))))


if __name__ == "__main__":
    main()
