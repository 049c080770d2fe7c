"""How long saving a ~1 MB workbook takes, split the way the app splits it.

The snapshot (JSON encoding) runs on the event loop; the write (temp file,
fsync, rename, fsync of the folder) runs in a worker thread, so only the
snapshot can ever delay a keystroke.

    python benchmarks/save.py [--runs 30] [--size-mb 1]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from careertui.model import Profile
from careertui.store import Workbook


def build(path: Path, size_mb: float) -> Workbook:
    book = Workbook.open(path)
    book.save_profile(Profile(name="Ada Lovelace", manager_name="Grace Hopper"))
    paragraph = "Shipped the billing migration two weeks early; cut support tickets by a third. "
    i = 0
    while len(book.snapshot()[1]) < size_mb * 1_000_000:
        book.set_value(f"note-{i}", paragraph * 20)
        i += 1
    return book


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--size-mb", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        book = build(Path(tmp) / "workbook.json", args.size_mb)
        snapshots, writes = [], []
        for _ in range(args.runs):
            book.set_value("touch", time.time())
            t0 = time.perf_counter()
            revision, payload = book.snapshot()
            t1 = time.perf_counter()
            book.write(payload)
            t2 = time.perf_counter()
            book.mark_saved(revision)
            snapshots.append(t1 - t0)
            writes.append(t2 - t1)
        book.close()
    size = len(payload) / 1_000_000
    print(f"saving a {size:.2f} MB workbook, {args.runs} runs")
    for name, values in (("snapshot (event loop)", snapshots), ("write (worker thread)", writes)):
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"  {name:22} median {statistics.median(values) * 1000:6.1f} ms"
            f"   p95 {p95 * 1000:6.1f} ms   max {values[-1] * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
