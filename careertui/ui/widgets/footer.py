"""The footer: one line of keys, redrawn once per change of keys rather than rebuilt
as a widget per key on every focus event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

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


class KeysFooter(Widget, can_focus=False):
    """The keys of the focus, in one line drawn as one widget.

    Textual's footer is a widget per key, recomposed (restyled, laid out and
    painted: 30 to 60 ms on a stage switch) for every bindings signal, and a stage
    switch sends several. This one redraws a single line, once for the signals of
    one burst, in the frame that shows the new focus, and not at all when the keys
    stay the same. A key clicked is pressed, as in Textual's footer.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keys-footer--key", "keys-footer--description",
                         "keys-footer--separator", "keys-footer--hover"}
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-footer--separator {
            color: $foreground 20%;
        }
        & > .keys-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[Any, ...] | None = None
        self._pending = False
        """A redraw is asked for and not yet made."""
        self._spans: list[tuple[int, int, str, bool]] = []
        """Where each key is drawn: start and end column, the key, whether enabled."""
        self._hover: str | None = None
        """The key under the mouse pointer, drawn highlighted."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """The focus or a binding changed: redraw once for the whole burst of signals."""
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self.screen is not self.app.screen:
            return  # behind a dialog: its keys show again, unchanged, when it closes
        if not self._pending:  # the signals of one burst (a stage switch sends several)
            self._pending = True  # share one redraw, in the same frame as the focus
            self.call_next(self._rebuild)

    def show_keys_now(self, then: Callable[[], object]) -> None:
        """Show the keys of the focus as it is now, without waiting for the signals
        to settle, then call `then`: for a caller that has finished moving the focus
        (a stage switch) and draws once the keys are in place."""

        def rebuild_then() -> None:
            try:
                self._rebuild()
            finally:
                then()

        if self.is_attached:
            self.call_next(rebuild_then)
        else:
            then()

    @property
    def settling(self) -> bool:
        """A redraw is asked for and not yet made."""
        return self._pending

    @property
    def shown_keys(self) -> tuple[Any, ...] | None:
        """What the footer shows now: key, action, description, enabled, tooltip and the
        key as shown."""
        return self._shown

    @property
    def line(self) -> str:
        """The footer as drawn at its width, as plain text."""
        return self._line().plain

    def _footer_entries(self) -> dict[str, tuple[Binding, bool, str]]:
        """The first binding shown for each action, with whether it is enabled and its
        tooltip, in footer order; the palette's key is drawn apart (`_palette_part`)."""
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.key != self.app.COMMAND_PALETTE_BINDING:
                shown.setdefault(binding.action, (binding, enabled, tooltip))
        return shown

    def _palette_part(self) -> tuple[str, bool, Text] | None:
        """"▏^p palette " as drawn at the right edge: its key, whether enabled, the text."""
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is None or not self.app.ENABLE_COMMAND_PALETTE:
            return None
        _, binding, enabled, _ = palette
        return binding.key, bool(enabled), Text.assemble(
            ("▏", self.get_component_rich_style("keys-footer--separator")),
            (self.app.get_key_display(binding), self.get_component_rich_style("keys-footer--key")),
            (f" {binding.description} ",
             self.get_component_rich_style("keys-footer--description")))

    def _keys_to_show(self) -> tuple[Any, ...]:
        """Each key that fits beside the palette's at the screen's width: key, action,
        description, enabled, tooltip and the key as shown."""
        entries = list(self._footer_entries().values())
        palette = self._palette_part()
        keys = [(binding.id or binding.action, self.app.get_key_display(binding),
                 binding.description) for binding, _, _ in entries]
        fit = keys_that_fit(keys, self.app.size.width - (palette[2].cell_len if palette else 0))
        return tuple((binding.key, binding.action, binding.description, enabled, tooltip,
                      self.app.get_key_display(binding))
                     for binding, enabled, tooltip in entries
                     if (binding.id or binding.action) in fit)

    def _line(self) -> Text:
        """" ^q Quit  f1 Keys …    ▏^p palette ": each key bold, its words after it,
        a key not usable now dimmed; the palette's key at the right edge."""
        key_style = self.get_component_rich_style("keys-footer--key")
        words_style = self.get_component_rich_style("keys-footer--description")
        hover = self.get_component_rich_style("keys-footer--hover", partial=True)
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str, bool]] = []

        def add(key: str, part: Text, enabled: bool) -> None:
            if key == self._hover:
                part.stylize(hover)
            spans.append((line.cell_len, line.cell_len + part.cell_len, key, enabled))
            line.append_text(part)

        for key, _action, description, enabled, _tooltip, shown in self._shown or ():
            faded = Style() if enabled else dim
            add(key, Text.assemble((f" {shown} ", key_style + faded),
                                   (f"{description} " if description else "",
                                    words_style + faded)), bool(enabled))
        palette = self._palette_part()
        if palette is not None:
            key, enabled, part = palette
            line.append(" " * max(0, self.size.width - line.cell_len - part.cell_len))
            add(key, part, enabled)
        self._spans = spans
        return line

    def render(self) -> Text:
        return self._line()

    def on_click(self, event: events.Click) -> None:
        """A key clicked is pressed, as in Textual's footer (a key not usable now rings)."""
        for start, end, key, enabled in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = next((key for start, end, key, _ in self._spans if start <= event.x < end), None)
        if key != self._hover:
            self._hover = key
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Narrower or wider: fewer or more keys fit."""
        if self._shown is not None and self._keys_to_show() != self._shown:
            self.call_next(self._rebuild)

    def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached or self.screen is not self.app.screen:
            return  # behind a dialog, nobody sees it: redrawn when it is on top again
        keys = self._keys_to_show()
        if keys == self._shown:
            return
        self._shown = keys
        self.refresh()
