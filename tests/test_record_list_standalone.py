"""RecordList stands alone: it carries its own styles and works in a bare `App` with no
careertui stylesheet, and a stage can show a changed record with `refresh_row`."""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Label, Static

from careertui.core.model import Goal
from careertui.ui.widgets.fields import DateInput, ShareableToggle
from careertui.ui.widgets.record_list import SHARE_COLUMN, Column, Field, RecordList

from .helpers import idle, paste, press, until

HOSTILE = "[b]x [/] [@click=app.quit]Q 🚀 目标"

FIELDS = (
    Field("title", "Title"),
    Field("target_date", "Target date", "date"),
    Field("status", "Status", "choice", (("Idea", "idea"), ("Active", "active"))),
    Field("why", "Why", "long"),
)


def columns() -> tuple[Column[Goal], ...]:
    return (
        Column("Goal", lambda g: g.title or "(untitled)"),
        Column("Status", lambda g: g.status, id="status"),
        SHARE_COLUMN,
    )


class Swatch(Static):
    """What a theme colour resolves to, by the same CSS machinery (`$text-muted` is
    "auto 60%", which `Color.parse` cannot read)."""

    DEFAULT_CSS = """
    Swatch.text-muted { color: $text-muted; }
    Swatch.success { color: $success; }
    Swatch.error { color: $error; }
    """


class BareApp(App[None]):
    """No CSS of careertui's at all: only what the widgets bring themselves."""

    def __init__(self, goals: list[Goal]) -> None:
        super().__init__()
        self.goals = goals
        self.saved: list[Goal] = []

    def compose(self) -> ComposeResult:
        yield RecordList(self.goals, fields=FIELDS, columns=columns(), new_record=Goal,
                         noun="goal", today=date(2026, 11, 25), id="goals")
        for name in ("text-muted", "success", "error"):
            yield Swatch(classes=name)

    def on_record_list_saved(self, event: RecordList.Saved) -> None:
        assert isinstance(event.record, Goal)
        self.saved.append(event.record)

    def colour(self, name: str) -> object:
        return self.query_one(f"Swatch.{name}").styles.color


def two_goals() -> list[Goal]:
    return [Goal(id="g1", title=HOSTILE, position=1), Goal(id="g2", title="Mentor", position=2)]


async def test_a_record_list_works_and_is_styled_in_a_bare_app():
    app = BareApp(two_goals())
    async with app.run_test(size=(100, 30)) as pilot:
        goals: RecordList[Goal] = app.query_one("#goals", RecordList)
        await until(pilot, lambda: goals.has_form)
        table = goals.table
        assert table.row_count == 2
        assert table.get_cell("g1", "Goal").plain == HOSTILE  # shown as typed
        assert table.styles.border_top[0] == "round"
        label = goals.query(".form-label").first(Label)
        assert label.size.width == 17
        title = goals.query_one("#field-title", Input)
        assert title.value == HOSTILE and title.size.width > 40  # 1fr beside its label
        # the shareable flag says what it means, in the theme's colours
        toggle = goals.query_one(ShareableToggle)
        assert toggle.styles.color == app.colour("text-muted")
        toggle.focus()
        await press(pilot, "space")
        await until(pilot, lambda: app.saved)
        assert toggle.has_class("-shareable") and toggle.styles.color == app.colour("success")
        assert app.saved == [app.goals[0]] and app.goals[0].shareable
        assert table.get_cell("g1", "share").plain == "shareable"
        # a date field: one line, its reading shown beside it, a problem in the error colour
        when = goals.query_one("#field-target_date", DateInput)
        assert when.size.height == 1
        when.input.focus()
        await paste(pilot, "not a date")
        hint = when.query_one(".date-hint", Static)
        await until(pilot, lambda: hint.has_class("-problem"))
        assert hint.styles.color == app.colour("error")
        await until(pilot, lambda: app.goals[0].target_date == "not a date")  # kept as typed


async def test_refresh_row_shows_a_changed_record_without_reloading_the_form():
    app = BareApp(two_goals())
    async with app.run_test(size=(100, 30)) as pilot:
        goals: RecordList[Goal] = app.query_one("#goals", RecordList)
        await until(pilot, lambda: goals.has_form)
        title = goals.query_one("#field-title", Input)
        title.focus()
        first, second = app.goals
        first.title, first.status = "Renamed [/]", "active"  # changed by someone else
        goals.refresh_row(first)
        await idle(pilot)
        assert goals.table.get_cell("g1", "Goal").plain == "Renamed [/]"
        assert goals.table.get_cell("g1", "status").plain == "active"
        assert goals.table.get_cell("g2", "Goal").plain == "Mentor"
        assert title.value == HOSTILE and app.focused is title  # the form was left alone
        assert app.saved == []  # showing a record is no change of the person's
        goals.refresh_row(Goal(id="not-shown"))  # not in this list: ignored
        second.status = wider = "[b]done but wider than the column was"
        goals.refresh_row(second)  # a cell wider than its column: the column widens
        await until(pilot, lambda: goals.table.get_cell("g2", "status").plain == wider)
        assert goals.table.columns["status"].get_render_width(goals.table) == len(wider) + 2


def test_column_ids_are_unique_within_a_list():
    with pytest.raises(ValueError, match="unique"):
        RecordList([], fields=FIELDS, columns=(Column("Goal", str), Column("Goal", str)),
                   new_record=Goal, noun="goal", today=date(2026, 11, 25))
