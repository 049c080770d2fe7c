"""Launch to first full screen: careertui against a minimal eight-tab Textual app.

Each app is started in a real terminal (tmux, 120x40) and the screen is polled
until the footer's "palette" hint appears, i.e. the whole screen is drawn.
The two are run interleaved so drift on a noisy machine hits both alike.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKER = "palette"


def time_to_first_screen(command: str, session: str) -> float:
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], check=True
    )
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True
            ).stdout
            if MARKER in screen and "Check-ins" in screen:
                return time.perf_counter() - start
            if time.perf_counter() - start > 20:
                raise RuntimeError(f"no full screen after 20 s: {command}\n{screen}")
            time.sleep(0.005)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed to measure a real terminal")
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "workbook.json"
        career = f"{sys.executable} -m careertui --db {workbook}"
        minimal = f"{sys.executable} {HERE / 'minimal_app.py'}"
        time_to_first_screen(career, "bench-career")  # warm the file cache
        time_to_first_screen(minimal, "bench-minimal")
        ours, theirs, ratios = [], [], []
        for _ in range(args.runs):
            a = time_to_first_screen(career, "bench-career")
            b = time_to_first_screen(minimal, "bench-minimal")
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
    print(f"launch to first full screen, median of {args.runs} interleaved runs (tmux 120x40)")
    print(f"  careertui          {statistics.median(ours) * 1000:7.0f} ms")
    print(f"  minimal Textual    {statistics.median(theirs) * 1000:7.0f} ms")
    difference = statistics.median(ours) - statistics.median(theirs)
    print(f"  difference         {difference * 1000:7.0f} ms")
    print(f"  ratio (median)     {statistics.median(ratios):7.2f}")


if __name__ == "__main__":
    main()
