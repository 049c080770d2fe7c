"""The Journey view: month by month counts in core, and the screen on the sample."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from careertui.core.journey import journey_data
from careertui.core.model import Achievement, CheckIn, Goal, Meeting, Request
from careertui.core.sample import write_sample
from careertui.ui.screens.journey import JourneyScreen, MonthAxis, MonthLine, bar, month_line

from .helpers import enter, press, run_command, until

TODAY = date(2026, 11, 25)


def test_counts_month_by_month_up_to_today():
    goal = Goal(history=[{"status": "idea", "date": "2026-08-20"},
                         {"status": "agreed", "date": "2026-09-03"},
                         {"status": "done", "date": "2026-11-02"}])
    data = journey_data(
        [Meeting(date="2026-09-03"), Meeting(date="2026-12-01", status="planned")],
        [CheckIn(date="2026-09-17"), CheckIn(date="2026-10-01"), CheckIn(date="2026-10-15")],
        [Achievement(date="2026-10-09"), Achievement(date="2027-01-01")],
        [goal], [Request(ask="A course", ledger=[{"status": "asked", "date": "2026-11-15"}])],
        TODAY)
    assert data.months == [date(2026, m, 1) for m in (8, 9, 10, 11)]
    assert data.conversations == [0, 1, 0, 0]  # a planned one is not on the line yet
    assert data.checkins == [0, 1, 2, 0]
    assert data.achievements == [0, 0, 1, 0]  # one dated ahead of today is left out
    assert (data.ideas, data.under_way, data.done) == ([1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 1])
    assert [(w.request.ask, w.days) for w in data.waiting] == [("A course", 10)]
    assert data.years == [(0, 2026)]


def test_an_empty_workbook_has_this_month_only():
    data = journey_data([], [], [], [], [], TODAY)
    assert data.months == [date(2026, 11, 1)] and data.conversations == [0]


def test_years_are_placed_at_their_januaries():
    data = journey_data([], [], [Achievement(date="2024-11-03")], [], [], TODAY)
    assert data.years == [(2, 2025), (14, 2026)]  # no room for "2024" before January
    data = journey_data([], [], [Achievement(date="2024-05-03")], [], [], TODAY)
    assert data.years == [(0, 2024), (8, 2025), (20, 2026)]


def test_bars_are_drawn_in_eighths():
    assert bar(0, 10) == "" and bar(5, 0) == ""
    assert bar(10, 10, width=4) == "████"
    assert bar(5, 10, width=3) == "█▌"
    assert bar(1, 1000, width=4) == "▏"


def test_month_lines_give_each_month_its_columns_or_share_them_out():
    assert month_line([0, 4, 2, 1], 8) == "▁▁██▅▅▃▃"  # two columns a month
    assert month_line([0, 0, 0], 3) == "▁▁▁"
    assert month_line([3, 0, 1, 0, 0, 6], 3) == "▅▂█"  # fewer columns: each its largest
    assert month_line([1, 100], 2) == "▂█"  # a month with something never looks empty
    assert month_line([], 5) == "" and month_line([1], 0) == ""


async def test_the_journey_shows_five_years_from_check_ins(make_app, tmp_path: Path):
    path = tmp_path / "five.json"
    write_sample(path, years=5, end=date(2026, 11, 24))
    app = make_app(db_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter(pilot, "check-ins")
        await press(pilot, "f8")
        await until(pilot, lambda: isinstance(app.screen, JourneyScreen))
        screen = app.screen
        assert len(screen.data.months) == 61 and sum(screen.data.conversations) == 10
        lines = list(screen.query(MonthLine).results(MonthLine))
        assert len(lines) == 6
        axis = screen.query_one(MonthAxis)
        await until(pilot, lambda: len({w.size.width for w in [axis, *lines]}) == 1)
        assert "2022" in str(axis.render()) and "2026" in str(axis.render())
        await press(pilot, "escape")
        await until(pilot, lambda: not isinstance(app.screen, JourneyScreen))
        await run_command(pilot, "Journey")
        await until(pilot, lambda: isinstance(app.screen, JourneyScreen))
