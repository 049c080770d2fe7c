"""The garbage collector, kept from pausing a key.

Python's collector runs when allocations pass its thresholds, whatever the
person is doing. Once every stage is built, a full collection walks every
widget and cached line of all eight: measured at 115 ms on the five-year
sample, it fell in the middle of a stage switch (Agenda, 143 ms instead of
about 30) and could as well fall on a key typed. So the app collects in full
only in a pause of every key, and Python never does on its own.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from time import monotonic

YOUNG_THRESHOLD = 5000
"""Allocations between collections of the youngest objects (Python's default is 700):
rendering churns through many small objects, and each collection costs a pause."""

NEVER = 1_000_000
"""A threshold for full collections that is never reached: they are left to
`FullCollections`."""

FULL_EVERY = 20.0
"""Seconds at least between full collections, each made in a pause of every key."""

CHECK_EVERY = 2.0
"""Seconds between looks at whether a full collection is due and the keys have paused."""


def tune_collector() -> None:
    """From the start: young objects collected less often, and no full collection
    but those `FullCollections` and `settle_memory` make.

    Set at once, not in the first pause of typing: a person typing from launch
    gives none for seconds, and meanwhile Python's own full collections of the
    start-up heap (nothing frozen yet) held keys for 60 to 200 ms.
    """
    gc.set_threshold(YOUNG_THRESHOLD, 10, NEVER)


def settle_memory() -> None:
    """Freeze what exists once the app has started (in the first pause of typing).

    What exists by then (modules, classes, the shell) lives as long as the app, so
    it is frozen out of collections, once, after the garbage of start-up is
    collected. Stages built later are not frozen: a frozen widget that is later
    removed could never be freed (freezing after every stage build held 20 MB more
    after a tour of all eight).
    """
    gc.collect()
    gc.freeze()
    tune_collector()


class FullCollections:
    """Full collections made in pauses: at most one each `FULL_EVERY` seconds, only
    once no key has come for a moment (`keys_paused`), so none falls on a key.

    A person who types on without a pause gets none until they pause; only the
    young generations are collected meanwhile.
    """

    def __init__(self, keys_paused: Callable[[], bool]) -> None:
        self._keys_paused = keys_paused
        self.last = monotonic()
        """When (monotonic) the last full collection was made."""
        self.made = 0
        """Full collections made so far."""

    def check(self) -> None:
        """Collect in full if one is due and the keys have paused (a timer calls this
        every `CHECK_EVERY` seconds)."""
        if monotonic() - self.last >= FULL_EVERY and self._keys_paused():
            gc.collect()
            self.last = monotonic()
            self.made += 1
