"""A drop-down field in one widget: the choice shown on one line, its options opened
below it in a small dialog of their own (`ChoiceMenu`).

Textual's `Select` is six widgets (itself, the line, its label, two arrows and the
option list it keeps mounted, closed). A form carries several, and Check-ins one per
goal: on five years of records 22 of them were 110 of the 655 widgets of the stages;
made one widget each, building the stages ahead took a sixth less time (652 to 548
ms, headless) and 3.4 MB less memory."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList

from .plain import plain

MENU_ROWS = 12
"""Options shown at once in an open menu; more scroll."""


def next_starting_with(labels: Sequence[Text], after: int, letter: str) -> int | None:
    """The index of the next label after `after` that starts with `letter` (any case),
    wrapping round; None when none does."""
    count = len(labels)
    for step in range(1, count + 1):
        index = (after + step) % count
        if labels[index].plain.strip().casefold().startswith(letter.casefold()):
            return index
    return None


def _labelled(options: Iterable[tuple[str | Text, str]]) -> list[tuple[Text, str]]:
    """Labels as written: a `str` (a goal's title, say) is never read as markup."""
    return [(label if isinstance(label, Text) else plain(label), value)
            for label, value in options]


def typed_letter(event: events.Key) -> str | None:
    """The letter, digit or sign a key types (not space: that opens a drop-down)."""
    character = event.character
    if character and character.isprintable() and not character.isspace():
        return character
    return None


class ChoiceMenu(ModalScreen[str | None]):
    """The options, just below the field (above it when there is more room there), the
    field's choice highlighted. A letter moves to the next option starting with it;
    enter or a click chooses, escape leaves the field as it was."""

    DEFAULT_CSS = """
    ChoiceMenu > OptionList {
        height: auto;
        max-height: 14;  /* MENU_ROWS and the border */
        border: tall $border;
        background: $surface;
        color: $foreground;
        padding: 0;
        & > .option-list--option {
            padding: 0 1;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="close-dialog"),
        # A modal screen keeps the app's own keys from its field: f1 closes the options
        # (the app's help does) and shows the keys, as it does from the field.
        Binding("f1", "app.help", "Keys", show=False, id="help"),
    ]

    def __init__(self, options: Sequence[tuple[Text, str]], value: str | None,
                 under: Region, letter: str | None = None) -> None:
        super().__init__()
        self.options = list(options)
        self.value = value
        self.under = under
        """The field's place on the screen: the menu opens below it, as wide."""
        self.letter = letter
        """Typed on the closed field: the menu opens on the next option starting with it."""

    def compose(self) -> ComposeResult:
        yield OptionList(*(label for label, _ in self.options))

    def on_mount(self) -> None:
        # Inline: the app's dialogs are centred over a dimmed page; this one opens where
        # its field is, the page left as it is.
        self.styles.align = ("left", "top")
        self.styles.background = "transparent"
        menu = self.query_one(OptionList)
        values = [value for _, value in self.options]
        here = values.index(self.value) if self.value in values else 0
        if self.letter is not None:
            found = next_starting_with(self.labels, here, self.letter)
            here = here if found is None else found  # the first option is index 0
        menu.highlighted = here
        width = max(self.under.width, 12)
        inside = max(1, width - 5)  # the border, the options' padding, a scrollbar
        rows = sum(max(1, -(-label.cell_len // inside)) for label, _ in self.options)
        height = min(rows, MENU_ROWS) + 2  # a long label wraps: the menu is as tall
        below, above = self.size.height - self.under.bottom, self.under.y
        if height <= below or below >= above:  # below, else the side with more room
            top = self.under.bottom
            menu.styles.max_height = min(height, below)
        else:
            top = max(0, self.under.y - height)
            menu.styles.max_height = min(height, above)
        menu.styles.width = width
        menu.styles.offset = (self.under.x, top)

    @property
    def labels(self) -> list[Text]:
        return [label for label, _ in self.options]

    def on_key(self, event: events.Key) -> None:
        """A letter: the next option starting with it (enter then chooses it)."""
        letter = typed_letter(event)
        if letter is None:
            return
        event.stop()
        event.prevent_default()
        menu = self.query_one(OptionList)
        found = next_starting_with(self.labels, menu.highlighted or 0, letter)
        if found is None:
            self.app.bell()
        else:
            menu.highlighted = found

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.options[event.option_index][1])

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # outside the options: as escape
            self.dismiss(None)


class ChoiceField(Widget, can_focus=True):
    """The choice on one line, ▼ at its end. Enter, space, up or down opens the options
    (`ChoiceMenu`); a letter opens them on the next option that starts with it.
    `Changed` is posted only for a choice the person makes: a value set from code (a
    record loaded) is not mistaken for one."""

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    ChoiceField {
        width: 1fr;
        height: 1;
        padding: 0 1 0 0;
        background: $surface;
        color: $foreground;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 5%;
        }
        & > .choice-field--arrow {
            color: $foreground 50%;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-field--arrow"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_menu", "Choose", show=False, id="open-choices"),
        Binding("space,down,up", "open_menu", "Choose", show=False, id="open-choices-too"),
    ]

    class Changed(Message):
        """The person chose another option."""

        def __init__(self, field: ChoiceField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(self, options: Iterable[tuple[str | Text, str]], *,
                 value: str | None = None, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._options = _labelled(options)
        self._value = value if self._has(value) else self._first()

    def _has(self, value: str | None) -> bool:
        return any(option == value for _, option in self._options)

    def _first(self) -> str | None:
        return self._options[0][1] if self._options else None

    @property
    def options(self) -> list[tuple[Text, str]]:
        return list(self._options)

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        """Show `value` (one of the options; anything else is ignored)."""
        if self._has(value) and value != self._value:
            self._value = value
            self.refresh()

    def set_options(self, options: Iterable[tuple[str | Text, str]]) -> None:
        """New options; the choice stays if it is still one of them, else the first."""
        self._options = _labelled(options)
        if not self._has(self._value):
            self._value = self._first()
        self.refresh()

    @property
    def label(self) -> Text:
        """The shown choice's label (empty when there are no options)."""
        return next((label for label, option in self._options if option == self._value),
                    Text(""))

    def render(self) -> RenderableType:
        width = self.content_size.width
        label = self.label.copy()
        label.no_wrap = True
        label.truncate(max(0, width - 2), overflow="ellipsis", pad=True)
        arrow = self.get_component_rich_style("choice-field--arrow")
        return Text.assemble(label, " ", ("▼", arrow), no_wrap=True, end="")

    def action_open_menu(self, letter: str | None = None) -> None:
        if self._options:
            self.app.push_screen(ChoiceMenu(self._options, self._value, self.region, letter),
                                 callback=self._choose)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_open_menu()

    def on_key(self, event: events.Key) -> None:
        """A letter opens the options on the next one starting with it: enter chooses it,
        more letters move on. Chosen at once, a letter typed to find an option saved
        every option passed on the way (a goal's history filled with them)."""
        letter = typed_letter(event)
        if letter is None:
            return
        event.stop()
        event.prevent_default()
        labels = [label for label, _ in self._options]
        here = next((i for i, (_, option) in enumerate(self._options) if option == self._value),
                    -1)
        if next_starting_with(labels, here, letter) is None:
            self.app.bell()
        else:
            self.action_open_menu(letter)

    def _choose(self, value: str | None) -> None:
        if value is None or value == self._value or not self._has(value):
            return
        self._value = value
        self.refresh()
        self.post_message(self.Changed(self, value))
