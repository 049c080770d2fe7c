"""Launch to first full screen, and peak memory: careertui against a minimal Textual app.

Both run in a real terminal (tmux, 120x40), interleaved so that drift on a
noisy machine hits both alike. careertui opens the five-year sample; the
yardstick is a bare app with a header, eight empty tabs and a footer. The
screen is polled until it is whole: for careertui, the last tab label, the first
prompt and the stage's own key (f2 Examples) in the footer, so the cursor is in
a field and typing can start; for the yardstick, its tabs and its footer. Peak
memory (VmHWM) is read then, at the first full screen, and again a second later
(careertui by then has filled in its first page and started building the other
stages ahead of time).

    python benchmarks/startup.py [--runs 11]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import app_command, five_year_sample, median
from terminal import kill, peak_rss_mb, start
from terminal import tmux as _tmux

HERE = Path(__file__).resolve().parent
MARKERS = ("Examples", "come to you for", "Check-ins")
MINIMAL_MARKERS = ("palette", "Check-ins")
SETTLE = 1.0


def launch(command: str, session: str,
           markers: tuple[str, ...]) -> tuple[float, float, float]:
    """Seconds to the first full screen, and the process's peak RSS in MB then and a
    second later."""
    kill(session)
    began = time.perf_counter()
    start(session, command)
    try:
        while True:
            screen = _tmux("capture-pane", "-t", session, "-p")
            if all(marker in screen for marker in markers):
                shown = time.perf_counter() - began
                at_first_screen = peak_rss_mb(session)
                break
            if time.perf_counter() - began > 20:
                raise RuntimeError(f"no full screen after 20 s: {command}\n{screen}")
            time.sleep(0.003)
        time.sleep(SETTLE)
        return shown, at_first_screen, peak_rss_mb(session)
    finally:
        kill(session)


def rss_after_every_stage(command: str, session: str) -> float:
    """Peak RSS (MB) once every stage has been visited, so built."""
    launch(command, session, MARKERS)  # warm
    kill(session)
    start(session, command)
    try:
        time.sleep(3)
        for _ in range(8):
            _tmux("send-keys", "-t", session, "C-PgDn")
            time.sleep(1.5)
        return peak_rss_mb(session)
    finally:
        kill(session)


def measure(runs: int) -> dict[str, float]:
    if not shutil.which("tmux"):
        sys.exit("tmux is needed to measure a real terminal")
    with tempfile.TemporaryDirectory() as tmp:
        sample = five_year_sample(Path(tmp))
        career = app_command(sample)
        minimal = f"{sys.executable} {HERE / 'minimal_app.py'}"
        launch(career, "bench-career", MARKERS)  # warm the file cache
        launch(minimal, "bench-minimal", MINIMAL_MARKERS)
        ours, theirs, ratios, rss_ours, rss_theirs, rss_ratios = [], [], [], [], [], []
        settled_ratios = []
        for _ in range(runs):
            a, a_rss, a_settled = launch(career, "bench-career", MARKERS)
            b, b_rss, b_settled = launch(minimal, "bench-minimal", MINIMAL_MARKERS)
            settled_ratios.append(a_settled / b_settled)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
            rss_ours.append(a_rss)
            rss_theirs.append(b_rss)
            rss_ratios.append(a_rss / b_rss)
        every_stage = rss_after_every_stage(career, "bench-career")
    return {
        "every_stage_rss_mb": every_stage,
        "careertui_ms": median(ours) * 1000,
        "minimal_ms": median(theirs) * 1000,
        "ratio": median(ratios),
        "careertui_rss_mb": median(rss_ours),
        "minimal_rss_mb": median(rss_theirs),
        "rss_ratio": median(rss_ratios),
        "settled_rss_ratio": median(settled_ratios),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    r = measure(args.runs)
    print(f"median of {args.runs} interleaved launches, tmux 120x40, five-year sample")
    print(f"  first full screen  careertui {r['careertui_ms']:6.0f} ms   minimal "
          f"{r['minimal_ms']:6.0f} ms   ratio {r['ratio']:.2f}")
    print(f"  peak RSS           careertui {r['careertui_rss_mb']:6.1f} MB   minimal "
          f"{r['minimal_rss_mb']:6.1f} MB   ratio {r['rss_ratio']:.2f}")
    print(f"  peak RSS a second later: ratio {r['settled_rss_ratio']:.2f}")
    print(f"  peak RSS after visiting all eight stages: {r['every_stage_rss_mb']:.1f} MB")


if __name__ == "__main__":
    main()
