"""The footer, rebuilt once per change of keys rather than once per focus event."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's footer, minus redundant rebuilds.

    Textual rebuilds the footer (about 20 ms) for every bindings signal, and a
    single stage switch or the start-up sends several: focus leaves, the tab
    changes, focus arrives. Here the signals that arrive before a rebuild share
    it, and a rebuild that would show the same keys is skipped.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rebuild_pending = False
        self._shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            if self._shown is None:  # nothing shown yet: be part of the first frame
                self.call_next(self._rebuild)
            else:
                self.call_after_refresh(self._rebuild)

    def _keys_to_show(self) -> tuple[Any, ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        keys = self._keys_to_show()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
