"""Launch to first full screen, and peak memory: careertui against a minimal Textual app.

Both run in a real terminal (tmux, 120x40), interleaved so that drift on a
noisy machine hits both alike. careertui opens the five-year sample; the
yardstick is a bare app with a header, eight empty tabs and a footer. The
screen is polled until it is whole: for careertui, the last tab label, the first
prompt and the stage's own key (f2 Examples) in the footer, so the cursor is in
a field and typing can start; for the yardstick, its tabs and its footer. Peak
memory (VmHWM) is read a second later, once everything deferred has mounted.

    python benchmarks/startup.py [--runs 11]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import five_year_sample, median

HERE = Path(__file__).resolve().parent
MARKERS = ("Examples", "come to you for", "Check-ins")
MINIMAL_MARKERS = ("palette", "Check-ins")
SETTLE = 1.0


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def peak_rss_mb(session: str) -> float:
    """The peak resident memory (VmHWM) of the program running in a tmux session."""
    pid = _tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0]
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmHWM:")) / 1024


def launch(command: str, session: str, markers: tuple[str, ...]) -> tuple[float, float]:
    """Seconds to the first full screen, and the process's peak RSS in MB."""
    _tmux("kill-session", "-t", session)
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    f"exec {command}"], check=True)
    try:
        while True:
            screen = _tmux("capture-pane", "-t", session, "-p")
            if all(marker in screen for marker in markers):
                shown = time.perf_counter() - start
                break
            if time.perf_counter() - start > 20:
                raise RuntimeError(f"no full screen after 20 s: {command}\n{screen}")
            time.sleep(0.003)
        time.sleep(SETTLE)
        return shown, peak_rss_mb(session)
    finally:
        _tmux("kill-session", "-t", session)


def rss_after_every_stage(command: str, session: str) -> float:
    """Peak RSS (MB) once every stage has been visited, so built."""
    launch(command, session, MARKERS)  # warm
    _tmux("kill-session", "-t", session)
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    f"exec {command}"], check=True)
    try:
        time.sleep(3)
        for _ in range(8):
            _tmux("send-keys", "-t", session, "C-PgDn")
            time.sleep(1.5)
        return peak_rss_mb(session)
    finally:
        _tmux("kill-session", "-t", session)


def measure(runs: int) -> dict[str, float]:
    if not shutil.which("tmux"):
        sys.exit("tmux is needed to measure a real terminal")
    with tempfile.TemporaryDirectory() as tmp:
        sample = five_year_sample(Path(tmp))
        career = f"{sys.executable} -m careertui --db {sample}"
        minimal = f"{sys.executable} {HERE / 'minimal_app.py'}"
        launch(career, "bench-career", MARKERS)  # warm the file cache
        launch(minimal, "bench-minimal", MINIMAL_MARKERS)
        ours, theirs, ratios, rss_ours, rss_theirs, rss_ratios = [], [], [], [], [], []
        for _ in range(runs):
            a, a_rss = launch(career, "bench-career", MARKERS)
            b, b_rss = launch(minimal, "bench-minimal", MINIMAL_MARKERS)
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
    print(f"  peak RSS after visiting all eight stages: {r['every_stage_rss_mb']:.1f} MB")


if __name__ == "__main__":
    main()
