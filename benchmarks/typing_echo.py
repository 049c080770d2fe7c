"""Typing in the first seconds after launch: keystroke to echo, in tmux.

careertui opens the five-year sample in tmux at 120x40 and, as soon as its first
full screen shows (the cursor in the first prompt), 200 keys are typed into
that prompt, one every 45 ms (a brisk typist), so all of them fall in the first
ten seconds, while the other stages are being built in the background. Each
key is timed from being sent to its character showing on screen (the screen's
text read every millisecond through a tmux control client, so the figure
includes tmux and the 1 ms poll). A key not echoed within 2 s is counted lost.

The floor is the same typing into a bare Textual text area (the minimal app
with `--typing`), measured in the same terminal in turn.

    python benchmarks/typing_echo.py [--keys 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import app_command, five_year_sample, percentile
from startup import MARKERS
from terminal import Terminal, kill, start

HERE = Path(__file__).resolve().parent
GAP = 0.045
POLL = 0.001
LOST = 2.0
CANDIDATES = "§¤µжQZX~"
VERBOSE = False


def type_and_time(term: Terminal, session: str, keys: int) -> list[float]:
    """Milliseconds from each key sent to its echo (nan: lost)."""
    screen = "\n".join(term.screen(session))
    char = next(c for c in CANDIDATES if c not in screen)
    times: list[float] = []
    next_key = time.perf_counter()
    for typed in range(1, keys + 1):
        time.sleep(max(0.0, next_key - time.perf_counter()))
        sent = term.send(session, f"-l '{char}'")
        next_key = sent + GAP
        while True:
            now = time.perf_counter()
            if "\n".join(term.screen(session)).count(char) >= typed:
                times.append((now - sent) * 1000)
                break
            if now - sent > LOST:
                times.append(math.nan)
                break
            time.sleep(POLL)
    return times


def run(term: Terminal, session: str, command: str, markers: tuple[str, ...],
        keys: int) -> tuple[list[float], float]:
    """Launch, wait for the first full screen, type; the echo times and when typing ended."""
    kill(session)
    began = time.perf_counter()
    start(session, command)
    try:
        while not all(marker in "\n".join(term.screen(session)) for marker in markers):
            if time.perf_counter() - began > 30:
                raise RuntimeError(f"no full screen after 30 s: {command}")
            time.sleep(POLL)
        typing_began = time.perf_counter() - began
        times = type_and_time(term, session, keys)
        if VERBOSE:
            slow = sorted(range(len(times)), key=lambda i: -times[i])[:8]
            print(f"    {session}: typing began {typing_began:.2f} s after launch; slowest keys: "
                  + ", ".join(f"#{i} {times[i]:.0f} ms" for i in sorted(slow)))
        return times, time.perf_counter() - began
    finally:
        kill(session)


def summary(times: list[float]) -> dict[str, float]:
    shown = [t for t in times if not math.isnan(t)]
    return {"p50": percentile(shown, 0.5), "p99": percentile(shown, 0.99),
            "max": max(shown), "lost": len(times) - len(shown), "keys": len(times)}


def measure(keys: int = 200, runs: int = 3) -> dict[str, dict[str, float]]:
    if not shutil.which("tmux"):
        sys.exit("tmux is needed to measure a real terminal")
    ours: list[float] = []
    theirs: list[float] = []
    spans: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, Terminal("bench-typing-control") as term:
        sample = five_year_sample(Path(tmp))
        minimal = f"{sys.executable} {HERE / 'minimal_app.py'} --typing"
        for index in range(runs):
            # A fresh copy each run: in the last run's copy the answer is 200 keys longer,
            # it wraps elsewhere, and what is typed can scroll out of the field's view.
            fresh = Path(tmp) / f"run-{index}.json"
            shutil.copyfile(sample, fresh)
            career = app_command(fresh)
            pair = [("careertui", career, MARKERS, ours),
                    ("minimal", minimal, ("palette",), theirs)]
            for name, command, markers, into in pair[::-1] if index % 2 else pair:
                times, span = run(term, f"bench-typing-{name}", command, markers, keys)
                into.extend(times)
                if name == "careertui":
                    spans.append(span)
    result = {"careertui": summary(ours), "minimal": summary(theirs)}
    result["careertui"]["last_key_s"] = max(spans)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="print the slowest keys")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    r = measure(args.keys, args.runs)
    ours, theirs = r["careertui"], r["minimal"]
    print(f"typing right after launch: tmux 120x40, five-year sample, {args.runs} run(s) of "
          f"{args.keys} keys, one every {GAP * 1000:.0f} ms")
    print(f"  keystroke to echo   careertui p50 {ours['p50']:5.1f}  p99 {ours['p99']:5.1f}  "
          f"max {ours['max']:5.1f} ms  lost {ours['lost']:.0f}")
    print(f"                      minimal   p50 {theirs['p50']:5.1f}  p99 {theirs['p99']:5.1f}  "
          f"max {theirs['max']:5.1f} ms  lost {theirs['lost']:.0f}")
    print(f"  the last key was typed {ours['last_key_s']:.1f} s after launch (slowest run)")


if __name__ == "__main__":
    main()
