"""The footer, rebuilt once per change of keys rather than once per focus event."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from ..compat import footer_bindings_ready

SETTLE = 0.03
"""Seconds without a new bindings signal before the footer is rebuilt."""

KEPT_LAST = ("quit", "help")
"""Binding ids that give way last, the last first: ctrl+q and f1 stay in the footer
at any width (a newcomer needs them to leave and to find every other key)."""
GIVES_WAY_FIRST = ("dismiss-reminder", "share-safe", "next-stage")
"""Binding ids that give way before a stage's own keys: the tabs above show the
stages, but f4 Export or f5 Sent are said nowhere else (both were cut at 80 columns).
ctrl+l (share-safe view) goes first of all: F1 and the palette say it too, and the
header shows SHARE-SAFE while it is on. So does f12 (dismiss the reminder): the banner
itself names it."""


def keys_that_fit(keys: list[tuple[str, str, str]], width: int) -> set[str]:
    """The actions to show in `width` columns, from (action, key shown, description)
    in footer order: `GIVES_WAY_FIRST`, then a stage's own keys from the right, then
    `KEPT_LAST`."""

    def cost(key: str, description: str) -> int:  # " key description " as drawn
        return cell_len(key) + cell_len(description) + (3 if description else 2)

    shown = [action for action, _, _ in keys]
    widths = {action: cost(key, description) for action, key, description in keys}
    rank = {name: index for index, name in enumerate(KEPT_LAST)}
    order = sorted(range(len(keys)),  # next stage, others from the right, then f1, ctrl+q
                   key=lambda i: (keys[i][0] not in GIVES_WAY_FIRST, keys[i][0] in rank,
                                  -rank.get(keys[i][0], 0), -i))
    for index in order:
        if sum(widths[action] for action in shown) <= width:
            break
        shown.remove(keys[index][0])
    return set(shown)


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
        if self.screen is not self.app.screen:
            return  # behind a dialog: its keys show again, unchanged, when it closes
        if self._shown is None:  # nothing shown yet: be part of the first frame
            self.call_next(self._rebuild)
        elif self._timer is None:
            self._timer = self.set_timer(SETTLE, self._rebuild)
        else:  # focus is still moving (a stage switch sends several signals)
            self._timer.reset()

    def show_keys_now(self, then: Callable[[], object]) -> None:
        """Show the keys of the focus as it is now, without waiting for the signals
        to settle, then call `then`: for a caller that has finished moving the focus
        (a stage switch) and draws once the keys are in place."""

        async def rebuild_then() -> None:
            try:
                await self._rebuild()
            finally:
                then()

        if self.is_attached:
            self.call_next(rebuild_then)
        else:
            then()

    @property
    def settling(self) -> bool:
        """A rebuild is waiting for the bindings signals to settle."""
        return self._timer is not None

    @property
    def shown_keys(self) -> tuple[Any, ...] | None:
        """What the footer shows now: key, action, description, enabled, tooltip."""
        return self._shown

    def _footer_bindings(self) -> list[Binding]:
        shown: dict[str, Binding] = {}
        for _, binding, _, _ in self.screen.active_bindings.values():
            if binding.show and binding.key != self.app.COMMAND_PALETTE_BINDING:
                shown.setdefault(binding.action, binding)
        return list(shown.values())

    def _fitting(self) -> set[str]:
        """The actions whose keys fit beside the palette key at the screen's width."""
        bindings = self._footer_bindings()
        palette = cell_len(self.app.get_key_display(
            Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette"))) + len(" palette ") + 2
        keys = [(binding.id or binding.action, self.app.get_key_display(binding),
                 binding.description) for binding in bindings]
        fit = keys_that_fit(keys, self.app.size.width - palette)
        return {binding.action for binding in bindings if (binding.id or binding.action) in fit}

    def _keys_to_show(self) -> tuple[Any, ...]:
        fitting = self._fitting()
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show and binding.action in fitting
        )

    def compose(self) -> ComposeResult:
        """Textual's keys, less those that do not fit (a footer cut at the right edge
        lost ctrl+q and f1 on the stages with the most keys)."""
        fitting = self._fitting() if self.is_attached else None
        widgets: Iterable[Any] = super().compose()
        kept = [widget for widget in widgets
                if fitting is None or widget.has_class("-command-palette")
                or getattr(widget, "action", None) in fitting]
        self.styles.grid_size_columns = max(1, len(kept))
        yield from kept

    def on_resize(self, event: events.Resize) -> None:
        """Narrower or wider: fewer or more keys fit."""
        if self._shown is not None and self._keys_to_show() != self._shown:
            self.call_next(self._rebuild)

    async def _rebuild(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.is_attached or self.screen is not self.app.screen:
            return  # behind a dialog, nobody sees it: rebuilt when it is on top again
        keys = self._keys_to_show()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
