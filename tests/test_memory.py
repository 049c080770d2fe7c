"""The garbage collector never makes a key wait: start-up objects are frozen out of
it, and full collections are made only in pauses of the keys."""

from __future__ import annotations

import gc
from collections.abc import Iterator
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
        began = monotonic()
        made = app.full_collections.made  # one may fall in the pause before typing
        typed = 0
        while monotonic() - began < 1.5:
            post_keys(app, ["[b]x 目标 "[typed % 8]])
            typed += 1
            garbage = [[] for _ in range(2000)]  # work for the young generations
            for item in garbage:
                item.append(garbage)
            await pilot.pause(0.05)
        typing_ended = monotonic()
        assert not [t for t in full_collections_seen if began < t < typing_ended - 0.1]
        assert app.full_collections.made == made
        await until(pilot, lambda: app.full_collections.made > made)
        assert [t for t in full_collections_seen if t > typing_ended]
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
        began = monotonic()
        while monotonic() - began < 1.5:
            post_keys(app, ["x"])
            await pilot.pause(0.05)
        assert gc.get_freeze_count() == frozen_before, "frozen while the person typed"
        assert not full_collections_seen
        await until(pilot, lambda: gc.get_freeze_count() > frozen_before)
        answer = app.focused
        assert answer is not None and answer.text.count("x") >= 25  # type: ignore[attr-defined]
