"""Moving through the check-ins never writes one check-in's progress into another.

Found in a tmux trial: holding the down key in the check-in list wrote a note of the
check-in just passed ("review booked with stakeholders") into the next one: a row's
progress field announced its value after the next check-in was selected.

The progress rows are built once for the active goals and refilled for each check-in
selected (rebuilt at every step, they cost 110 to 160 ms a key on five years of records).
"""

from __future__ import annotations

from textual.widgets import Input

from careertui.core.model import CheckIn
from careertui.ui.stages.check_ins import CheckInsStage
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import enter, press, settle, until
from .sample_data import fill_three_months


async def _on_check_ins(app, pilot):
    await enter(pilot, "check-ins")
    stage = app.query_one(CheckInsStage)
    checkins = app.query_one("#checkins-list", RecordList)
    await until(pilot, lambda: bool(stage.query(".progress-note")))
    await settle(pilot)
    return stage, checkins


async def test_a_late_word_from_the_check_in_just_left_is_not_written_into_the_next(
        make_app):
    app = make_app()
    fill_three_months(app.workbook)
    before = {c.id: dict(c.progress) for c in app.workbook.all(CheckIn)}
    async with app.run_test(size=SIZE) as pilot:
        stage, checkins = await _on_check_ins(app, pilot)
        first = checkins.selected
        note = stage.query_one(".progress-note", Input)
        old_word = note.value
        await press(pilot, "down")
        await until(pilot, lambda: checkins.selected is not first)
        await settle(pilot)
        second = checkins.selected
        assert isinstance(second, CheckIn) and note.value == second.progress.get("g1", "")
        assert note in stage.query(".progress-note")  # refilled, not rebuilt
        assert old_word != note.value  # the sample's notes differ: the refill shows
        stage.post_message(Input.Changed(note, "a note of the check-in left"))
        await settle(pilot)
        assert {c.id: dict(c.progress) for c in app.workbook.all(CheckIn)} == before


async def test_a_word_still_on_its_way_stays_in_the_check_in_it_was_typed_in(make_app):
    """The last key typed before moving on had its change still queued when the next
    check-in filled the field: it is kept in the check-in it was typed in."""
    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        stage, checkins = await _on_check_ins(app, pilot)
        first = checkins.selected
        assert isinstance(first, CheckIn)
        note = stage.query_one(".progress-note", Input)
        _typed_not_yet_handled(note, "booked [b]x 目标")
        checkins.table.focus()
        await press(pilot, "down")
        await until(pilot, lambda: checkins.selected is not first)
        await settle(pilot)
        assert app.workbook.get(CheckIn, first.id).progress["g1"] == "booked [b]x 目标"
        second = checkins.selected
        assert isinstance(second, CheckIn) and note.value == second.progress.get("g1", "")
        await press(pilot, "up")
        await until(pilot, lambda: checkins.selected is first)
        await settle(pilot)
        assert note.value == "booked [b]x 目标"


async def test_a_word_on_its_way_survives_a_change_made_elsewhere(make_app):
    """The workbook changed by another part of the app while a word typed in a progress
    note is still on its way: refilled (nothing about the goals changed) or rebuilt (a
    goal renamed), the row keeps the word, and so does the check-in."""
    from careertui.core.model import Request

    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        stage, checkins = await _on_check_ins(app, pilot)
        shown = checkins.selected
        assert isinstance(shown, CheckIn)
        for word, change in (("refilled [/] 🚀", lambda: app.workbook.add(Request(ask="x"))),
                             ("rebuilt مرحبا", lambda: _rename_goal(app.workbook, "g1"))):
            _typed_not_yet_handled(stage.query_one(".progress-note", Input), word)
            change()
            await settle(pilot)
            await until(pilot, lambda: stage.query(".progress-note"))
            assert stage.query_one(".progress-note", Input).value == word
            assert app.workbook.get(CheckIn, shown.id).progress["g1"] == word


def _typed_not_yet_handled(note: Input, word: str) -> None:
    """The field holds a word whose change the app has not handled yet (a key still on
    its way when something else happens)."""
    with note.prevent(Input.Changed):
        note.value = word


def _rename_goal(workbook, goal_id: str) -> None:
    from careertui.core.model import Goal

    goal = workbook.get(Goal, goal_id)
    goal.title += " (renamed)"
    workbook.update(goal)
