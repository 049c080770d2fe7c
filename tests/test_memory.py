"""The garbage collector never makes a key wait: start-up objects are frozen out of
it, and full collections are made only in pauses of the keys."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from time import monotonic

import pytest

from careertui.ui import app as app_module
from careertui.ui import memory
from careertui.ui.memory import NEVER, YOUNG_THRESHOLD, FullCollections

from .conftest import SIZE
from .helpers import post_keys, until


@pytest.fixture
def full_collections_seen() -> Iterator[list[float]]:
    """When (monotonic) each full collection, by anyone, began. The collector's settings
    are put back afterwards: the app changes them for the whole process."""
    threshold = gc.get_threshold()
    seen: list[float] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(monotonic())

    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_a_full_collection_waits_for_a_pause_of_the_keys(
        full_collections_seen: list[float]) -> None:
    paused = False
    collections = FullCollections(lambda: paused)
    collections.check()
    assert collections.made == 0, "none is due yet"
    collections.last -= memory.FULL_EVERY
    collections.check()
    assert collections.made == 0 and not full_collections_seen, "keys are coming"
    paused = True
    collections.check()
    assert collections.made == 1 and len(full_collections_seen) == 1
    collections.check()
    assert collections.made == 1, "the next is FULL_EVERY seconds later"


PAUSED = 0.5
"""Seconds since the last key that a full collection or the freeze may follow: under the
app's own 0.6 s (`TYPING_PAUSE`), as keys are timed here when sent, not when handled."""


async def type_steadily(app, pilot, seconds: float, keys: str,
                        after_each: Callable[[], None] = lambda: None) -> list[float]:
    """A key every 50 ms or so for `seconds`, `after_each` called after each; when
    (monotonic) each was sent. On a busy machine some gaps are longer: the checks below
    look at the gaps there were."""
    sent: list[float] = []
    began = monotonic()
    while monotonic() - began < seconds:
        post_keys(app, [keys[len(sent) % len(keys)]])
        sent.append(monotonic())
        await pilot.pause(0.05)
        after_each()
    return sent


DECIDED = 0.01
"""Seconds before a collection or freeze starts that it was decided on: a key sent in
them came after the decision (as a key may come at any moment), not before it."""


def in_pauses(moments: list[float], sent: list[float]) -> bool:
    """Each moment comes at least PAUSED seconds after the last key sent before it was
    decided on."""
    return all(
        moment - max((t for t in sent if t < moment - DECIDED), default=float("-inf")) >= PAUSED
        for moment in moments)


async def test_typing_is_never_paused_by_a_full_collection(
        make_app, monkeypatch: pytest.MonkeyPatch, full_collections_seen: list[float]) -> None:
    """The real app, collector tuned as at launch, typed into for 1.5 s: no full
    collection while the keys come, not even one due; one once they pause."""
    monkeypatch.setattr(memory, "FULL_EVERY", 0.2)
    monkeypatch.setattr(app_module, "CHECK_EVERY", 0.05)
    app = make_app(tune_gc=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: gc.get_freeze_count() > 0)  # settled after start-up
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, NEVER)
        made = app.full_collections.made  # one may fall in the pause before typing
        collections_before = len(full_collections_seen)
        sent = await type_steadily(app, pilot, 1.5, "[b]x 目标 ")
        typing_ended = monotonic()
        during = full_collections_seen[collections_before:]
        assert in_pauses(during, sent), "a full collection fell while keys came"
        await until(pilot, lambda: any(t > typing_ended for t in full_collections_seen))
        assert app.full_collections.made > made
        answer = app.focused
        assert answer is not None and "[b]x 目标" in answer.text  # type: ignore[attr-defined]


async def test_the_collector_waits_for_a_person_typing_from_the_first_moment(
        make_app, full_collections_seen: list[float]) -> None:
    """The first keys come as the first screen does: the collection before start-up is
    frozen waits for a pause in them (it held the first key 60 to 80 ms), while Python's
    own full collections are off from the start."""
    app = make_app(tune_gc=True)
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, NEVER)
    frozen_before = gc.get_freeze_count()
    async with app.run_test(size=SIZE) as pilot:
        frozen_at: list[float] = []  # when the freeze was first seen

        def note_the_freeze() -> None:
            if not frozen_at and gc.get_freeze_count() != frozen_before:
                frozen_at.append(monotonic())

        sent = await type_steadily(app, pilot, 1.5, "x", after_each=note_the_freeze)
        assert in_pauses(frozen_at, sent), "frozen while the person typed"
        assert in_pauses(full_collections_seen, sent)
        await until(pilot, lambda: gc.get_freeze_count() > frozen_before)
        answer = app.focused
        assert answer is not None and answer.text == "x" * len(sent)  # type: ignore[attr-defined]
