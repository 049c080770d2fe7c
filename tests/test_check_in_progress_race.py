"""Moving through the check-ins never writes one check-in's progress into another.

Found in a tmux trial: holding the down key in the check-in list wrote a note of the
check-in just passed ("review booked with stakeholders") into the next one: a row's
progress field announced its value after the next check-in was selected.
"""

from __future__ import annotations

from textual.widgets import Input

from careertui.core.model import CheckIn
from careertui.ui.stages.check_ins import CheckInsStage
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import enter, press, settle, until
from .sample_data import fill_three_months


async def test_a_late_word_from_the_check_in_just_left_is_not_written_into_the_next(
        make_app):
    app = make_app()
    fill_three_months(app.workbook)
    before = {c.id: dict(c.progress) for c in app.workbook.all(CheckIn)}
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        stage = app.query_one(CheckInsStage)
        checkins = app.query_one("#checkins-list", RecordList)
        first = checkins.selected
        await until(pilot, lambda: bool(stage.query(".progress-note")))
        left_behind = stage.query_one(".progress-note", Input)
        await press(pilot, "down")
        await until(pilot, lambda: checkins.selected is not first)
        await settle(pilot)
        assert left_behind not in stage.query(".progress-note")  # its rows were rebuilt
        stage.post_message(Input.Changed(left_behind, "a note of the check-in left"))
        await settle(pilot)
        assert {c.id: dict(c.progress) for c in app.workbook.all(CheckIn)} == before
