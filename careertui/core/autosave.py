"""Saving the workbook: a second after the last change, again after a failure, and
on request; one write at a time, whoever asks.

Textual-free so it can be tested with fake timers and no app: whoever owns the
event loop injects how to start a save (the app runs it as a worker, so it is
cancelled with the app) and how to set a timer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from .model import Clock, system_clock
from .store import SaveError, Workbook


class Timer(Protocol):
    def stop(self) -> None: ...


SetTimer = Callable[[float, Callable[[], object]], Timer]
"""Call back once after so many seconds (Textual's `set_timer` is one)."""
Start = Callable[[Coroutine[Any, Any, bool]], object]
"""Run a save in the background (Textual's `run_worker` is one)."""


class _LoopTimer:
    def __init__(self, seconds: float, callback: Callable[[], object]) -> None:
        self._handle = asyncio.get_running_loop().call_later(seconds, callback)

    def stop(self) -> None:
        self._handle.cancel()


def _start_task(save: Coroutine[Any, Any, bool]) -> object:
    return asyncio.get_running_loop().create_task(save)


class Autosaver:
    """Every write of the workbook, through one lock, and what the header says about it.

    - `changed()` after each edit: saved `delay` seconds after the last one;
    - `request()` now (a stage switch), in the background;
    - `save()` now, awaited (ctrl+s, quitting), True when all is on disk;
    - `save_as(path)` to a new file, under the same lock, so a retry waits;
    - after a failed write, retried every `retry_delay` seconds until one succeeds.
    """

    def __init__(
        self,
        workbook: Workbook,
        *,
        clock: Clock = system_clock,
        delay: float = 1.0,
        retry_delay: float = 10.0,
        set_timer: SetTimer = _LoopTimer,
        start: Start = _start_task,
        on_status: Callable[[str], object] = lambda status: None,
    ) -> None:
        self.workbook = workbook
        self.clock = clock
        self.delay = delay
        self.retry_delay = retry_delay
        self._set_timer = set_timer
        self._start = start
        self._on_status = on_status
        self._lock = asyncio.Lock()
        self._debounce: Timer | None = None
        self._retry: Timer | None = None
        self.saved_at: datetime | None = None
        self.error: str | None = workbook.read_error and (
            f"{workbook.read_error}; not writing over it"
        )
        """Why the last write failed (None once one succeeds)."""
        self.status = self._status()

    def changed(self) -> None:
        """An edit: say so, and save once edits pause for `delay` seconds."""
        self._update_status()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self._set_timer(self.delay, self._debounced)

    def _debounced(self) -> None:
        self._debounce = None
        self.request()

    def request(self) -> None:
        """Save in the background if anything is unsaved."""
        if self.workbook.dirty:
            self._start(self.save())

    async def save(self) -> bool:
        """Write the workbook off the event loop; True when everything is on disk."""
        async with self._lock:
            if not self.workbook.dirty:
                return self.error is None
            revision, payload = self.workbook.snapshot()  # on the loop: nothing moves under it
            try:
                await asyncio.to_thread(self.workbook.write, payload)
            except SaveError as error:
                self.error = error.reason
                self._schedule_retry()
            else:
                self.workbook.mark_saved(revision)
                self.error = None
                self.saved_at = self.clock()
            self._update_status()
            return self.error is None and not self.workbook.dirty

    async def save_as(self, target: Path) -> None:
        """Write to a new file and keep working in it. Raises SaveError, WorkbookError.

        The snapshot and the switch of path and lock happen on the event loop,
        only the writing in a thread.
        """
        async with self._lock:
            revision, payload = self.workbook.snapshot()
            written = await asyncio.to_thread(self.workbook.write_new, payload, target)
            self.workbook.move_to(written, revision)
            self.error = None
            self.saved_at = self.clock()
            self._update_status()

    def _schedule_retry(self) -> None:
        if self._retry is None:
            self._retry = self._set_timer(self.retry_delay, self._retry_now)

    def _retry_now(self) -> None:
        self._retry = None
        if self.error is not None and self.workbook.dirty:
            self.request()  # fails again: the next retry is scheduled then

    def stop(self) -> None:
        """No more timers (the app is closing)."""
        for timer in (self._debounce, self._retry):
            if timer is not None:
                timer.stop()
        self._debounce = self._retry = None

    def _status(self) -> str:
        if self.error:
            status = f"Save failed: {self.error}"
        elif self.workbook.dirty:
            status = "Unsaved changes"
        elif self.saved_at is not None:
            status = f"Saved {self.saved_at:%H:%M}"
        else:
            status = "All saved"
        if self.workbook.lock_problem:
            status = f"{status} · Not locked: {self.workbook.lock_problem}"
        return status

    def _update_status(self) -> None:
        self.status = self._status()
        self._on_status(self.status)
