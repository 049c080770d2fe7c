"""The Journey view: conversations, check-ins, achievements and goals month by month, and
the requests still waiting, on one screen. Read-only; drawn with block characters."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from ...core.journey import JourneyData, journey_data
from ...core.model import Achievement, CheckIn, Goal, Meeting, Request
from ...core.store import Workbook
from ..widgets.plain import plain

BAR_WIDTH = 16
LABEL_WIDTH = 16
TOTAL_WIDTH = 10
"""As in screens.tcss (.journey-label, .journey-total): the lines get the rest."""
WAITING_SHOWN = 5
EIGHTHS = " ▏▎▍▌▋▊▉"
LEVELS = "▁▂▃▄▅▆▇█"


def show_journey(app: App[Any], workbook: Workbook, today: date) -> None:
    data = journey_data(workbook.all(Meeting), workbook.all(CheckIn), workbook.all(Achievement),
                        workbook.all(Goal), workbook.all(Request), today)
    app.push_screen(JourneyScreen(data))


def bar(value: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar in eighths of a cell: `value` out of `largest` fills `width`."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / largest))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def month_line(values: list[int], width: int) -> str:
    """The values as a line of bars (▁ to █), each month as many columns wide as fit;
    with fewer columns than months, each column shows the largest of its months.
    A month with nothing shows the lowest bar, so the line reads as a line."""
    count = len(values)
    if not count or width <= 0:
        return ""
    if width >= count:
        columns = [values[index * count // width] for index in range(width)]
    else:
        columns = [max(values[column * count // width:max((column + 1) * count // width,
                                                           column * count // width + 1)])
                   for column in range(width)]
    largest = max(values)
    if largest <= 0:
        return LEVELS[0] * width
    top = len(LEVELS) - 1
    return "".join(LEVELS[0] if value <= 0 else LEVELS[max(1, round(value * top / largest))]
                   for value in columns)


class MonthLine(Widget):
    """One line of the journey: a bar per month, as tall as that month's count.

    Drawn as one string of block characters in one colour: Textual's Sparkline blends
    a colour for every bar, which made the view take as long as a stage switch again.
    """

    DEFAULT_CSS = "MonthLine { height: 1; width: 1fr; color: $accent; }"

    def __init__(self, values: list[int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.values = values

    def render(self) -> Text:
        return Text(month_line(self.values, self.size.width))


class MonthAxis(Widget):
    """The years under the lines, each where its first month is drawn."""

    DEFAULT_CSS = "MonthAxis { height: 1; width: 1fr; }"

    def __init__(self, data: JourneyData, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data = data

    def render(self) -> Text:
        width, count = self.size.width, max(1, len(self.data.months))
        line = [" "] * width
        end = 0
        for index, year in self.data.years:
            column = index * width // count
            label = str(year)
            if column < end or column + len(label) > width:
                continue
            line[column:column + len(label)] = label
            end = column + len(label) + 1
        return Text("".join(line))


class JourneyScreen(ModalScreen[None]):
    """Five years at a glance: what happened each month, and what is still waiting."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="close-dialog")]

    def __init__(self, data: JourneyData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        data = self.data
        box = Vertical(id="journey-box", classes="dialog wide-dialog")
        box.border_title = "Your journey"
        first, last = data.months[0], data.months[-1]
        box.border_subtitle = f"{first:%b %Y} to {last:%b %Y}, month by month · escape closes"
        rows = (
            ("Conversations", data.conversations, f"{sum(data.conversations)}"),
            ("Check-ins", data.checkins, f"{sum(data.checkins)}"),
            ("Achievements", data.achievements, f"{sum(data.achievements)}"),
            ("Goal ideas", data.ideas, f"{data.ideas[-1]} now"),
            ("Goals under way", data.under_way, f"{data.under_way[-1]} now"),
            ("Goals done", data.done, f"{data.done[-1]} in all"),
        )
        # The dialog's inside: 95% of the screen, less its border and padding (screens.tcss).
        width = self.line_width(self.app.size.width * 95 // 100 - 4)
        with box:
            with Horizontal(classes="journey-row"):
                yield Static("", classes="journey-label")
                axis = MonthAxis(data, id="journey-axis")
                axis.styles.width = width
                yield axis
                yield Static("", classes="journey-total")
            for label, values, total in rows:
                with Horizontal(classes="journey-row"):
                    yield Static(label, classes="journey-label")
                    line = MonthLine(values, classes="journey-line",
                                     id=f"journey-{label.lower().replace(' ', '-')}")
                    line.styles.width = width
                    yield line
                    yield Static(total, classes="journey-total")
            waiting = data.waiting
            yield Static(f"Requests waiting for an answer ({len(waiting)})",
                         classes="section-title")
            largest = max((w.days for w in waiting), default=0)
            for item in waiting[:WAITING_SHOWN]:
                with Horizontal(classes="journey-row"):
                    yield Static(bar(item.days, largest), classes="journey-bar")
                    yield Static(f"{item.days} d", classes="journey-days")
                    yield Static(plain(" ".join(item.request.ask.split())),
                                 classes="journey-ask")
            if not waiting:
                yield Static("Nothing is waiting on your manager.", classes="dialog-hint")
            elif len(waiting) > WAITING_SHOWN:
                yield Static(f"and {len(waiting) - WAITING_SHOWN} more on the Goals stage",
                             classes="dialog-hint")

    def line_width(self, room: int) -> int:
        """Every month the same whole number of columns, so the lines stay in step with
        each other and with the years; with fewer columns than months, the lines share
        out what there is."""
        room -= LABEL_WIDTH + TOTAL_WIDTH
        months = max(1, len(self.data.months))
        return max(1, months * (room // months) if room >= months else room)

    def on_resize(self) -> None:
        """Set before the first layout from the screen's width (a second layout would
        cost as much again); corrected here only if the dialog came out otherwise, or
        the terminal was resized."""
        box = self.query_one("#journey-box")
        if box.content_size.width <= 0:
            return
        width = self.line_width(box.content_size.width)
        widgets = (self.query_one(MonthAxis), *self.query(MonthLine))
        if any(w.styles.width is None or w.styles.width.value != width for w in widgets):
            for widget in widgets:
                widget.styles.width = width
