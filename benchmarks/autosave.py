"""Autosave on the five-year sample: how long a save takes, and whether typing waits on it.

Part one times saving the whole workbook from cold (every table encoded, then
written: temp file, fsync, rename, fsync of the folder). Part two runs the real
app headless, types into the agenda in short bursts with pauses long enough for
the (shortened) autosave to fire, and records when each save held the event
loop. A keystroke waited if a save held the loop between the key being sent and
the editor handling it.

    python benchmarks/autosave.py [--runs 20] [--keys 200]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from common import five_year_sample, median, percentile
from textual.widgets import TextArea

from careertui.core.crypto import Keys, new_keys
from careertui.core.store import Workbook
from careertui.factory import create_app


def cold_saves(path: Path, runs: int, keys: Keys | None = None) -> dict[str, float]:
    """With `keys`, the workbook is encrypted (age, X25519) as it is written."""
    encode, write = [], []
    for _ in range(runs):
        book = Workbook.open(path, lock=False, keys=keys)
        book.set_value("benchmark", time.time())
        t0 = time.perf_counter()
        revision, payload = book.snapshot()
        t1 = time.perf_counter()
        book.write(payload)
        t2 = time.perf_counter()
        encode.append((t1 - t0) * 1000)
        write.append((t2 - t1) * 1000)
    total = [a + b for a, b in zip(encode, write, strict=True)]
    return {"size_kb": len(payload) / 1000, "encode": median(encode), "write": median(write),
            "total": median(total), "total_max": max(total)}


async def typing_with_autosave(path: Path, keys: int,
                               crypto_keys: Keys | None = None) -> dict[str, float]:
    folder = path.parent
    app = create_app(path, config_dir=folder / "cfg", cursor_blink=False, lock=False,
                     autosave_delay=0.15, keys=crypto_keys)
    held: list[tuple[float, float]] = []
    writes: list[float] = []
    book = app.workbook
    snapshot, write = book.snapshot, book.write

    def timed_snapshot():  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = snapshot()
        held.append((start, time.perf_counter()))
        return result

    def timed_write(payload: bytes, target: Path | None = None) -> None:
        start = time.perf_counter()
        write(payload, target)
        writes.append(time.perf_counter() - start)

    book.snapshot = timed_snapshot  # type: ignore[method-assign]
    book.write = timed_write  # type: ignore[method-assign]
    latencies: list[float] = []
    waited = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1.0)
        app.enter_stage("agenda")
        await pilot.pause(1.5)
        area = app.focused
        assert isinstance(area, TextArea), area

        edited: list[float] = []
        post = area.post_message

        def post_and_note(message):  # type: ignore[no-untyped-def]
            if isinstance(message, TextArea.Changed):
                edited.append(time.perf_counter())
            return post(message)

        area.post_message = post_and_note  # type: ignore[method-assign]
        area.move_cursor((0, 0))
        for index in range(keys):
            count = len(edited)
            sent = time.perf_counter()
            await pilot.press("x")
            while len(edited) == count and time.perf_counter() - sent < 1:
                await asyncio.sleep(0.0002)
            done = edited[count] if len(edited) > count else float("nan")
            latencies.append((done - sent) * 1000)
            if any(sent <= start < done for start, _ in held):
                waited += 1
            await asyncio.sleep(0.3 if index % 5 == 4 else 0.04)  # bursts, then a pause
        await pilot.pause(0.5)
    book.close()
    loop_ms = [(end - start) * 1000 for start, end in held]
    return {
        "saves": len(held), "loop_median": median(loop_ms), "loop_max": max(loop_ms),
        "write_median": median(writes) * 1000, "keys": keys, "waited": waited,
        "key_p50": median(latencies), "key_p95": percentile(latencies, 0.95),
    }


def encrypted_copy(path: Path, keys: Keys) -> Path:
    """The sample, encrypted as `careertui encrypt` leaves it (the key file aside)."""
    sealed = path.with_name("encrypted.json")
    book = Workbook.open(path, lock=False)
    book.keys = keys
    book.write(book.snapshot()[1], sealed)
    book.close()
    return sealed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = five_year_sample(Path(tmp))
        cold = cold_saves(path, args.runs)
        warm = asyncio.run(typing_with_autosave(path, args.keys))
        secret = new_keys()
        sealed = encrypted_copy(path, secret)
        cold_sealed = cold_saves(sealed, args.runs, secret)
        warm_sealed = asyncio.run(typing_with_autosave(sealed, args.keys, secret))
    print(f"autosave, five-year sample ({cold['size_kb']:.0f} kB)")
    print(f"  whole workbook from cold: encode {cold['encode']:.1f} ms + write {cold['write']:.1f}"
          f" ms = {cold['total']:.1f} ms median, {cold['total_max']:.1f} ms max"
          f" ({args.runs} runs)")
    print(f"  while typing: {warm['saves']} autosaves held the event loop {warm['loop_median']:.2f}"
          f" ms median, {warm['loop_max']:.2f} ms max; writes {warm['write_median']:.1f} ms"
          " median in a worker thread")
    print(f"  keystrokes that waited on a save: {warm['waited']} of {warm['keys']:.0f}"
          f" (key handled p50 {warm['key_p50']:.1f} ms, p95 {warm['key_p95']:.1f} ms)")
    print(f"  encrypted (age): from cold {cold_sealed['total']:.1f} ms median (encrypting "
          f"in the write), while typing the loop held {warm_sealed['loop_median']:.2f} ms "
          f"median, writes {warm_sealed['write_median']:.1f} ms in a worker thread; keys that "
          f"waited {warm_sealed['waited']} of {warm_sealed['keys']:.0f} (key handled p95 "
          f"{warm_sealed['key_p95']:.1f} ms)")


if __name__ == "__main__":
    main()
