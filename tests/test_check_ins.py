"""The Check-ins stage driven by keys: overview, new check-in, progress, the prepared note."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from careertui.core.model import Capture, CheckIn
from careertui.ui.screens.note import NoteScreen
from careertui.ui.stages.follow_up import FollowUpStage
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import enter, paste, run_command, settle, until
from .sample_data import fill_three_months


async def test_overview_shows_what_is_overdue_and_waiting(make_app):
    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        overview = str(app.query_one("#checkin-overview").render())
        assert "Last one-on-one: 7 days ago · Next: Wed 2 Dec 2026" in overview
        assert "Open action items: 3, 2 overdue" in overview
        assert overview.index("SECRET private action") < overview.index("Draft the Q1")
        assert "Waiting on your manager: 1" in overview
        assert "Introduce me to a team lead who could mentor me (15 days)" in overview
        assert "Lead a small analytics project end to end [idea]" in overview


async def test_new_check_in_is_prefilled_and_marking_done_reaches_follow_up(make_app, db_path):
    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")  # built first, so it must hear about the change
        await enter(pilot, "check-ins")
        await pilot.press("ctrl+n")
        await settle(pilot)
        checkins = app.query_one("#checkins-list", RecordList)
        new = checkins.selected
        assert isinstance(new, CheckIn) and new.date == "2026-11-25"
        assert str(checkins.table.get_row_at(0)[0]) == "2026-11-25"  # newest first
        open_items = checkins.query_one("#field-open_items", TextArea).text
        assert "- Draft the Q1 dashboard project plan (me, due 2026-11-20)" in open_items
        assert "- Waiting: Introduce me to a team lead who could mentor me (15 days)" in open_items
        # progress on a goal, typed in the check-in
        note = app.query_one(".progress-note", Input)
        note.focus()
        await paste(pilot, "plan reviewed")
        assert app.workbook.get(CheckIn, new.id).progress["g1"] == "plan reviewed"
        assert checkins.table.get_cell(new.id, "Goals noted") == 1  # its row, refreshed
        # an action item marked done here shows as done on the Follow-up stage
        actions = app.query_one("#checkin-actions", RecordList)
        actions.table.focus()
        actions.table.move_cursor(row=1)
        await pilot.pause()
        assert actions.selected.text == "Draft the Q1 dashboard project plan"
        actions.query_one("#field-status").value = "done"
        await settle(pilot)
        await enter(pilot, "follow-up")  # built earlier: refreshed when shown again
        follow_up = app.query_one(FollowUpStage).query_one("#actions-list", RecordList)
        row = next(r for r in follow_up.records if r.id == "a3")
        assert row.status == "done" and row.done_on == "2026-11-25"
        await pilot.press("ctrl+q")
    stored = {c.id: c for c in _reopen(db_path)}
    assert stored["a3"].status == "done"


def _reopen(db_path):
    from careertui.core.store import Workbook

    book = Workbook.open(db_path, lock=False)
    try:
        return book.all(Capture)
    finally:
        book.close()


async def test_prepare_next_one_on_one_from_shareable_records(make_app, tmp_path):
    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))  # not settle(): the
        assert isinstance(app.screen, NoteScreen)  # worker waits on the open note
        note = app.screen.note
        assert "SECRET" not in note
        assert "review with finance" in note  # the latest shareable check-in
        assert "Course budget for Q1" in note
        await pilot.press("f3")
        await settle(pilot)
        assert app.clipboard == note
        await run_command(pilot, "Prepare next one-on-one")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        await pilot.press("f4")
        await until(pilot, lambda: not isinstance(app.screen, NoteScreen))  # the save dialog
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "one-on-one-2026-11-25.md").read_text("utf-8") == note
