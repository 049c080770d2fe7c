"""The Autosaver on its own: fake timers, a real workbook on disk, no app and no Pilot."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from careertui.core import store
from careertui.core.autosave import Autosaver
from careertui.core.model import Reflection
from careertui.core.store import SaveError, Workbook

from .conftest import fixed_clock


class FakeTimers:
    """Timers that fire only when the test says time has passed."""

    def __init__(self) -> None:
        self.now = 0.0
        self.pending: list[FakeTimer] = []

    def __call__(self, seconds: float, callback: Callable[[], object]) -> FakeTimer:
        timer = FakeTimer(self.now + seconds, callback)
        self.pending.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        self.now += seconds
        due = [t for t in self.pending if t.due <= self.now and not t.stopped]
        self.pending = [t for t in self.pending if t not in due and not t.stopped]
        for timer in due:
            timer.callback()

    @property
    def live(self) -> int:
        return sum(not t.stopped for t in self.pending)


class FakeTimer:
    def __init__(self, due: float, callback: Callable[[], object]) -> None:
        self.due = due
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class Saves:
    """Starts saves as tasks and lets the test wait for all of them."""

    def __init__(self) -> None:
        self.tasks: list[asyncio.Task[bool]] = []

    def __call__(self, save) -> None:
        self.tasks.append(asyncio.get_running_loop().create_task(save))

    async def done(self) -> list[bool]:
        return list(await asyncio.gather(*self.tasks))


def reflection(text: str) -> Reflection:
    return Reflection(key="strengths", text=text)


@pytest.fixture
def book(tmp_path: Path):
    workbook = Workbook.open(tmp_path / "workbook.json", clock=fixed_clock)
    yield workbook
    workbook.close()


def on_disk(path: Path) -> list[str]:
    return [doc["text"] for doc in json.loads(path.read_text())["reflections"].values()]


def saver(book: Workbook, timers: FakeTimers, saves: Saves, statuses: list[str] | None = None,
          **options) -> Autosaver:
    autosaver = Autosaver(book, clock=fixed_clock, set_timer=timers, start=saves,
                          on_status=(statuses.append if statuses is not None else print),
                          **options)
    book.subscribe(lambda change: autosaver.changed())
    return autosaver


async def test_edits_are_saved_once_they_pause_for_the_delay(book: Workbook):
    timers, saves, statuses = FakeTimers(), Saves(), []
    autosaver = saver(book, timers, saves, statuses, delay=1.0)
    assert autosaver.status == "All saved"
    book.add(reflection("Ada"))
    timers.advance(0.6)
    book.add(reflection("Grace"))  # the clock starts again
    timers.advance(0.6)
    assert saves.tasks == [] and autosaver.status == "Unsaved changes"
    timers.advance(0.5)
    assert await saves.done() == [True]
    assert sorted(on_disk(book.path)) == ["Ada", "Grace"]
    assert statuses[-1] == autosaver.status == "Saved 09:30"


async def test_a_request_with_nothing_unsaved_writes_nothing(book: Workbook):
    timers, saves = FakeTimers(), Saves()
    autosaver = saver(book, timers, saves)
    autosaver.request()
    assert saves.tasks == [] and not book.path.exists()


async def test_a_failed_write_is_said_and_retried_until_it_succeeds(book: Workbook, monkeypatch):
    timers, saves, statuses = FakeTimers(), Saves(), []
    autosaver = saver(book, timers, saves, statuses, retry_delay=10.0)
    original = store.atomic_write
    failing = [True]

    def write(path: Path, payload: bytes, **options) -> None:
        if failing[0]:
            raise OSError(28, "No space left on device", str(path))
        original(path, payload, **options)

    monkeypatch.setattr(store, "atomic_write", write)
    book.add(reflection("Ada"))
    timers.advance(1.0)  # the autosave a second after the edit fails
    assert await saves.done() == [False]
    assert autosaver.status.startswith("Save failed: ") and "No space left" in autosaver.status
    assert statuses[-1] == autosaver.status
    timers.advance(10.0)  # the first retry fails too, and schedules the next
    assert await saves.done() == [False, False]
    assert timers.live == 1
    failing[0] = False
    timers.advance(10.0)
    assert await saves.done() == [False, False, True]
    assert autosaver.error is None and autosaver.status == "Saved 09:30"
    assert on_disk(book.path) == ["Ada"]
    timers.advance(10.0)
    assert len(saves.tasks) == 3 and timers.live == 0  # nothing left to retry


async def test_writes_never_overlap_and_save_as_waits_its_turn(
    book: Workbook, tmp_path: Path, monkeypatch
):
    """A slow autosave is under way when save-as starts: save-as waits for it."""
    original = store.atomic_write
    writing = threading.Lock()
    overlaps: list[Path] = []
    started = threading.Event()
    release = threading.Event()

    def slow(path: Path, payload: bytes, **options) -> None:
        if not writing.acquire(blocking=False):
            overlaps.append(path)
            writing.acquire()
        try:
            started.set()
            release.wait(5)
            original(path, payload, **options)
        finally:
            writing.release()

    monkeypatch.setattr(store, "atomic_write", slow)
    timers, saves = FakeTimers(), Saves()
    autosaver = saver(book, timers, saves)
    book.add(reflection("Ada"))
    autosaver.request()
    await asyncio.to_thread(started.wait, 5)
    target = tmp_path / "elsewhere.json"
    save_as = asyncio.create_task(autosaver.save_as(target))
    await asyncio.sleep(0)
    assert not save_as.done()
    release.set()
    await save_as
    assert await saves.done() == [True]
    assert overlaps == []
    assert book.path == target.resolve() and on_disk(target) == ["Ada"]


async def test_save_as_to_an_unwritable_place_raises_and_keeps_the_old_file(
    book: Workbook, tmp_path: Path
):
    timers, saves = FakeTimers(), Saves()
    autosaver = saver(book, timers, saves)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    book.add(reflection("Ada"))
    with pytest.raises(SaveError):
        await autosaver.save_as(blocker / "workbook.json")
    assert book.path == (tmp_path / "workbook.json").resolve() and book.dirty


async def test_stop_cancels_every_timer(book: Workbook):
    timers, saves = FakeTimers(), Saves()
    autosaver = saver(book, timers, saves)
    book.add(reflection("Ada"))
    assert timers.live == 1
    autosaver.stop()
    timers.advance(60)
    assert timers.live == 0 and saves.tasks == []


async def test_the_status_names_a_missing_lock(book: Workbook):
    book.lock_problem = "No locks available"
    autosaver = saver(book, FakeTimers(), Saves())
    assert autosaver.status == "All saved · Not locked: No locks available"
