"""The footer, rebuilt once per change of keys rather than once per focus event."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from ..compat import footer_bindings_ready

SETTLE = 0.03
"""Seconds without a new bindings signal before the footer is rebuilt."""


class KeysFooter(Footer):
    """Textual's footer, minus redundant rebuilds.

    Textual rebuilds the footer (about 20 ms, and a frame) for every bindings
    signal, and a single stage switch sends several: focus leaves, the tab
    changes, focus arrives. Here the signals of one burst share one rebuild,
    made once they have settled, and a rebuild that would show the same keys
    is skipped.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[Any, ...] | None = None
        self._timer: Timer | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Replaces Textual's handler, which rebuilds once per signal."""
        footer_bindings_ready(self)
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._shown is None:  # nothing shown yet: be part of the first frame
            self.call_next(self._rebuild)
        elif self._timer is None:
            self._timer = self.set_timer(SETTLE, self._rebuild)
        else:  # focus is still moving (a stage switch sends several signals)
            self._timer.reset()

    @property
    def settling(self) -> bool:
        """A rebuild is waiting for the bindings signals to settle."""
        return self._timer is not None

    @property
    def shown_keys(self) -> tuple[Any, ...] | None:
        """What the footer shows now: key, action, description, enabled, tooltip."""
        return self._shown

    def _keys_to_show(self) -> tuple[Any, ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def _rebuild(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.is_attached:
            return
        keys = self._keys_to_show()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
