"""Small input widgets shared by the stages: dates as typed, and the shareable flag.

Each carries its own styles (theme colours only), so it looks the same in any app."""

from __future__ import annotations

from datetime import date
from time import monotonic
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Checkbox, Input, Static

from ...core.dates import friendly, parse_date, parse_time
from ...core.drafting.privacy import shareable_label
from ...core.model import Record
from ..closing import unless_closing
from .plain import show_text

PRIVATE_LABEL = "Private: only you see this"
SHAREABLE_LABEL = "Shareable: can appear in what you send your manager"
"""Said only until the toggle is given its record (`show`), which says exactly where."""


TYPED_ON = 1.0
"""Seconds after a letter typed on a tick box during which a space is taken as part of
that typing, not as a tick: a person typing a sentence on after a tab flipped the
Private flag at every space (new-user trial: "a b" made an item shareable)."""


class TickBox(Checkbox):
    """A checkbox whose box is empty when off: Textual's draws an X either way, only
    dimmer when off, which reads as ticked on many terminals and in the light theme."""

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()  # posts Changed and redraws

    @unless_closing
    def on_mount(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "

    _told_at = float("-inf")
    """When the notice below was last shown for this box."""
    _typed_at = float("-inf")
    """When a letter was last typed on this box."""

    def on_key(self, event: events.Key) -> None:
        """Letters typed here go nowhere (a person typing on after a tab from the field
        above lands here): say so, rather than drop them without a word. Said once for
        a burst of letters, not once a letter (a pasted line stacked six notices).

        A space among them is typing too, not a tick (`TYPED_ON`)."""
        if not event.is_printable:
            return
        if event.character != " ":
            self._typed_at = monotonic()
            self._say_not_kept()
        elif monotonic() - self._typed_at < TYPED_ON:
            event.prevent_default()  # not the tick box's own space
            event.stop()

    def on_paste(self, event: events.Paste) -> None:
        """A paste lands nowhere here either: said as for letters typed."""
        if event.text.strip():
            self._say_not_kept()

    def _say_not_kept(self) -> None:
        now = monotonic()
        if now - self._told_at > self.app.NOTIFICATION_TIMEOUT:
            self._told_at = now
            self.notify("This is a tick box, so what you type or paste here is not kept: "
                        "space ticks or unticks it, tab goes on to the next field.",
                        title="Not a text field", severity="warning")


class ShareableToggle(TickBox):
    """The private/shareable flag every item carries, saying what it means: where a
    shareable item of its kind can appear, and nowhere else."""

    DEFAULT_CSS = """
    ShareableToggle {
        color: $text-muted;
    }

    ShareableToggle.-shareable {
        color: $success;
    }
    """

    shared_label: str = SHAREABLE_LABEL
    """What the flag says when on: where a shareable item of this kind can appear."""

    def __init__(self, value: bool = False, *, record: Record | None = None,
                 id: str | None = None) -> None:
        shared = shareable_label(record) if record is not None else SHAREABLE_LABEL
        super().__init__(shared if value else PRIVATE_LABEL, value, id=id, compact=True,
                         classes="shareable-toggle")
        self.shared_label = shared

    def show(self, record: Record) -> None:
        """Show a record's flag, saying where a shareable record of its kind can appear."""
        self.shared_label = shareable_label(record)
        self.value = bool(record.shareable)
        self._say()

    def _say(self) -> None:
        said = self.shared_label if self.value else PRIVATE_LABEL
        # A label set again lays the whole stage out again, even when it is the same.
        # (The button calls this before it has a label: the watcher runs in __init__.)
        if getattr(self, "_said", None) != said:
            self._said = said
            self.label = said
        self.set_class(self.value, "-shareable")

    def watch_value(self) -> None:
        """Say what the flag means now, and post `Changed` as every Checkbox does
        (replacing the watcher without calling it would never post it, and the
        flag a person set would never be saved)."""
        super().watch_value()
        self._say()


class LineInput(Input):
    """One line at a time: enter hands the line over at once and starts the next, and a
    pasted block gives one line each.

    Textual submits on enter by a key binding, run once the key has gone round the app;
    by then keys typed after it (a fast typist, a paste without bracketed paste) were
    already in the field, so two lines came out as one, submitted twice. And a paste
    kept its first line only.
    """

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            line, self.value = self.value, ""
            self.post_message(self.Submitted(self, line))

    def on_paste(self, event: events.Paste) -> None:
        if "\n" not in event.text and "\r" not in event.text:
            return  # one line: pasted where the cursor is, as any input does
        event.stop()
        event.prevent_default()
        *lines, rest = event.text.splitlines(keepends=True)
        if rest.endswith(("\n", "\r")):
            lines, rest = [*lines, rest], ""
        before, after = self.value[:self.cursor_position], self.value[self.cursor_position:]
        for index, line in enumerate(lines):
            text = line.rstrip("\r\n")
            self.post_message(self.Submitted(self, before + text if index == 0 else text))
        self.value = rest + after
        self.cursor_position = len(rest)


def short_problem(problem: str) -> str:
    """What is wrong with a typed date, short enough to show whole beside the field at
    80 columns (the full sentence, which quotes what was typed, is its tooltip)."""
    if "not a real date" in problem:
        return "⚠ no such day"
    if "further away" in problem:
        return "⚠ too far away"
    return "⚠ not a date: try fri or +2w"


class HintedInput(Horizontal):
    """A one-line field with what its text means shown beside it (a date, a time).

    What was typed is never thrown away: text that cannot be understood is kept as
    typed (and stored so), and the reason is shown in place. Subclasses say how the
    text is read (`_show`, `_typed`, `on_descendant_blur`).
    """

    HINT_CLASS: ClassVar[str] = "field-hint"

    def __init__(self, value: str = "", *, placeholder: str = "", id: str | None = None,
                 classes: str = "", disabled: bool = False) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self._initial = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(self._initial, placeholder=self._placeholder, compact=True,
                    select_on_focus=False)
        yield Static("", classes=self.HINT_CLASS, markup=False)

    @unless_closing
    def on_mount(self) -> None:
        self._show(self._initial)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def hint(self) -> Static:
        return self.query_one(f".{self.HINT_CLASS}", Static)

    def set_value(self, value: str) -> None:
        """Show `value`, the cursor at its end: `tue` rewritten as `2026-12-01` kept the
        cursor at 3, and the next keys typed in the field landed inside the date."""
        field = self.input
        if field.value != value:
            with field.prevent(Input.Changed):
                field.value = value
            field.cursor_position = len(value)
        self._show(value)

    def _show(self, text: str) -> object:
        raise NotImplementedError


class DateInput(HintedInput):
    """A date typed as `2026-12-05`, `fri` or `+2w`, with what it means shown beside it.

    What was typed is never thrown away: a date that cannot be understood is
    kept as typed (and stored so), and the reason is shown in place.
    """

    DEFAULT_CSS = """
    DateInput {
        height: 1;
    }

    DateInput > Input {
        width: 1fr;
    }

    DateInput > .date-hint {
        width: auto;
        max-width: 60%;
        padding-left: 1;
        color: $text-muted;
    }

    DateInput > .date-hint.-problem {
        color: $error;
    }
    """

    class Changed(Message):
        def __init__(self, date_input: DateInput, stored: str, ok: bool) -> None:
            super().__init__()
            self.date_input = date_input
            self.stored = stored
            """ISO date when understood, otherwise the text as typed."""
            self.ok = ok

        @property
        def control(self) -> DateInput:
            return self.date_input

    HINT_CLASS = "date-hint"

    def __init__(self, value: str = "", *, today: date, placeholder: str = "",
                 id: str | None = None, disabled: bool = False) -> None:
        super().__init__(value, placeholder=placeholder or "2026-12-05, fri, +2w", id=id,
                         classes="date-input", disabled=disabled)
        self.today = today

    def _show(self, text: str) -> bool:
        parsed = parse_date(text, self.today)
        hint = self.hint
        if parsed.problem:
            show_text(hint, short_problem(parsed.problem))
            hint.tooltip = parsed.problem
        elif parsed.value is not None:
            show_text(hint, f"→ {friendly(parsed.value)}")
        else:
            show_text(hint, "")
        if not parsed.problem:
            hint.tooltip = None
        hint.set_class(bool(parsed.problem), "-problem")
        return parsed.ok

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        parsed = parse_date(event.value, self.today)
        self._show(event.value)
        self.post_message(self.Changed(self, parsed.iso, parsed.ok))

    def on_descendant_blur(self) -> None:
        """Once the person moves on, show an understood date the way it is stored."""
        parsed = parse_date(self.value, self.today)
        if parsed.value is not None and self.value != parsed.iso:
            self.set_value(parsed.iso)


class TimeInput(HintedInput):
    """A time of day typed as `10:00`, `9:30` or `2pm`, with what it means shown beside it.

    Like `DateInput`, what was typed is kept even when it is no time (`25:99`): it is
    stored as typed and the reason is shown in place, in full as its tooltip.
    """

    DEFAULT_CSS = """
    TimeInput {
        height: 1;
        width: 21;
    }

    TimeInput > Input {
        width: 8;
    }

    TimeInput > .time-hint {
        width: 1fr;
        padding-left: 1;
        color: $text-muted;
    }

    TimeInput > .time-hint.-problem {
        color: $error;
    }
    """

    class Changed(Message):
        def __init__(self, time_input: TimeInput, stored: str, ok: bool) -> None:
            super().__init__()
            self.time_input = time_input
            self.stored = stored
            """"HH:MM" when understood, otherwise the text as typed."""
            self.ok = ok

        @property
        def control(self) -> TimeInput:
            return self.time_input

    HINT_CLASS = "time-hint"

    def __init__(self, value: str = "", *, placeholder: str = "10:00",
                 id: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, id=id, classes="time-input")

    @property
    def problem(self) -> str:
        """The full sentence saying why the text is no time ("" when it is one)."""
        return parse_time(self.value).problem

    def _show(self, text: str) -> None:
        parsed = parse_time(text)
        hint = self.hint
        if parsed.problem:
            show_text(hint, "⚠ not a time")
        elif parsed.value and parsed.value != text.strip():
            show_text(hint, f"→ {parsed.value}")
        else:
            show_text(hint, "")
        hint.tooltip = parsed.problem or None
        hint.set_class(bool(parsed.problem), "-problem")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        parsed = parse_time(event.value)
        self._show(event.value)
        self.post_message(self.Changed(self, parsed.stored, parsed.ok))

    def on_descendant_blur(self) -> None:
        """Once the person moves on, show an understood time the way it is stored."""
        parsed = parse_time(self.value)
        if parsed.value and self.value != parsed.value:
            self.set_value(parsed.value)
