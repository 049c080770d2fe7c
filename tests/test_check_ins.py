"""The Check-ins stage driven by keys: overview, new check-in, progress, the prepared note."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from careertui.core.model import Capture, CheckIn
from careertui.ui.screens.note import NoteScreen
from careertui.ui.stages.follow_up import FollowUpStage
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import (
    choose,
    enter,
    idle,
    open_action_items,
    paste,
    press,
    run_command,
    settle,
    until,
)
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
        assert "Waiting on your manager: 2 (1 request, 1 action item)" in overview
        assert "Introduce me to a team lead who could mentor me (15 days)" in overview
        assert "• Confirm the course budget (due Fri 4 Dec 2026)" in overview
        assert "Lead a small analytics project end to end [idea]" in overview


async def test_new_check_in_is_prefilled_and_marking_done_reaches_follow_up(make_app, db_path):
    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")  # built first, so it must hear about the change
        await enter(pilot, "check-ins")
        await press(pilot, "ctrl+n")
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
        await until(pilot, lambda: app.workbook.get(CheckIn, new.id).progress.get("g1")
                    == "plan reviewed")
        assert checkins.table.get_cell(new.id, "Goals noted") == 1  # its row, refreshed
        # an action item marked done here shows as done on the Follow-up stage
        actions = app.query_one("#checkin-actions", RecordList)
        actions.table.focus()
        actions.table.move_cursor(row=1)
        await idle(pilot)
        assert actions.selected.text == "Draft the Q1 dashboard project plan"
        await choose(pilot, actions.query_one("#field-status"), "done")
        await settle(pilot)
        await enter(pilot, "follow-up")  # built earlier: refreshed when shown again
        follow_up = app.query_one(FollowUpStage).query_one("#actions-list", RecordList)
        row = next(r for r in follow_up.records if r.id == "a3")
        assert row.status == "done" and row.done_on == "2026-11-25"
        await press(pilot, "ctrl+q")
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
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))  # not settle(): the
        assert isinstance(app.screen, NoteScreen)  # worker waits on the open note
        note = app.screen.note
        assert "SECRET" not in note
        assert "review with finance" in note  # the latest shareable check-in
        assert "Course budget for Q1" in note
        await press(pilot, "f3")
        await settle(pilot)
        assert app.clipboard == note
        await run_command(pilot, "Prepare next one-on-one")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        await press(pilot, "f4")
        await until(pilot, lambda: not isinstance(app.screen, NoteScreen))  # the save dialog
        await press(pilot, "enter")
        await settle(pilot)
        written = (tmp_path / "one-on-one-2026-11-25.md").read_text("utf-8")
        assert written.endswith("\n") and written.rstrip("\n") == note.rstrip("\n")


def _stored(db_path, table: str) -> list[dict]:
    import json

    return list(json.loads(db_path.read_text("utf-8")).get(table, {}).values())


async def test_before_any_check_in_next_is_the_1_1_set_in_follow_up(make_app, db_path):
    """Check-ins said "Next: today" while Follow-up and the thank-you said two weeks on."""
    from textual.widgets import TextArea

    from careertui.core.model import Meeting, Profile

    app = make_app()
    app.workbook.save_profile(Profile(name="Ana", manager_name="Dana Okafor"))
    app.workbook.add(Meeting(date="2026-11-25", time="09:00"))
    app.workbook.add(Capture(kind="action", text="Book the [b]x training 目标", owner="Dana",
                             due="2026-12-04"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")  # built before the date is set: must hear of it
        await enter(pilot, "follow-up")
        await press(pilot, "+", "2", "w")
        body = app.query_one("#thank-you-body TextArea", TextArea)
        # the draft follows a moment after the last change (a timer): waited for
        await until(pilot, lambda: "Wed 9 Dec 2026" in body.text)
        await settle(pilot)
        await enter(pilot, "check-ins")
        overview = str(app.query_one("#checkin-overview").render())
        assert "Next: Wed 9 Dec 2026" in overview and "(today)" not in overview
        assert "Waiting on your manager: 1 (1 action item)" in overview
        assert "• Book the [b]x training 目标 (due Fri 4 Dec 2026)" in overview
        assert await app.save_workbook()
    [meeting] = _stored(db_path, "meetings")
    assert meeting["next_check_in"] == "2026-12-09"


async def test_the_note_brings_new_blockers_and_progress_since_the_conversation(
        make_app, db_path):
    """A shareable check-in's blockers reached nobody, and "since" said today's date."""
    from careertui.core.model import Goal, Meeting
    from careertui.ui.widgets.fields import ShareableToggle

    app = make_app()
    app.workbook.add(Meeting(date="2026-11-11", time="09:00"))
    app.workbook.add(Goal(id="g1", title="Lead the pricing project", shareable=True))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        await press(pilot, "ctrl+n")
        await settle(pilot)
        checkins = app.query_one("#checkins-list", RecordList)
        checkins.query_one("#field-new_items", TextArea).focus()
        await paste(pilot, "Blocked on data access [/]\nNeed a reviewer مرحبا")
        checkins.query_one("#field-shareable", ShareableToggle).focus()
        await idle(pilot)
        await press(pilot, "space")
        await settle(pilot)
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        note = app.screen.note
        assert "**Progress since Wed 11 Nov 2026**" in note
        assert "Progress since Wed 25 Nov" not in note
        assert ("**New requests and blockers**\n\n- Blocked on data access [/]\n"
                "- Need a reviewer مرحبا") in note
        await press(pilot, "escape")
        await settle(pilot)
        assert await app.save_workbook()
    [checkin] = _stored(db_path, "checkins")
    assert checkin["shareable"] is True and "Blocked on data access" in checkin["new_items"]


async def test_the_prepare_note_button_prepares_the_note_and_f8_shows_the_journey(make_app):
    """The button said "Prepare note" but had been wired to the journey view."""
    from careertui.ui.screens.journey import JourneyScreen

    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        # The page may scroll to its list once laid out: the click waits for it to stop.
        stage = app.query_one("#stage-check-ins")
        button = stage.query_one("#checkin-prepare")
        await until(pilot, lambda: app.focused is not None and app.focused.region.area > 0)
        await settle(pilot)
        assert stage.region.contains_region(button.region)
        await pilot.click("#checkin-prepare")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        await press(pilot, "escape")
        await until(pilot, lambda: app.screen is app.screen_stack[0])
        await settle(pilot)
        await press(pilot, "f8")
        await until(pilot, lambda: isinstance(app.screen, JourneyScreen))


async def test_a_goal_titled_with_one_long_word_keeps_its_progress_row_readable(make_app):
    """A 300-letter title filled ten lines and ran into the note field beside it."""
    from textual.widgets import Label

    from careertui.core.model import Goal

    app = make_app()
    app.workbook.add(Goal(title="W" * 299 + "[/]"))
    app.workbook.add(CheckIn(date="2026-11-20"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        await until(pilot, lambda: app.query(".progress-row"))
        row = app.query_one(".progress-row")
        label, note = row.query_one(".progress-goal", Label), row.query_one(".progress-note")
        await until(pilot, lambda: label.region.height > 0)
        assert label.region.height <= 3
        assert label.content_region.right < note.region.x  # a gap before the note
        await settle(pilot)


async def test_a_new_workbook_has_no_next_one_on_one_yet(make_app):
    """Nothing held, nothing noted: Check-ins said "Next: <today> (today)" while
    `careertui status` said nothing was due (new-user trial). Both now say none is set."""
    from careertui.core.status import workbook_status

    from .conftest import fixed_clock

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        overview = str(app.query_one("#checkin-overview").render())
        assert "Next: not set yet" in overview and "(today)" not in overview
    assert workbook_status(app.workbook, fixed_clock()).next_one_on_one is None


async def test_the_overview_says_how_many_more_it_leaves_out(make_app):
    """It lists the first three open action items and active goals under their counts;
    "Active goals: 7" over six names read as one goal missing (new-user trial)."""
    from careertui.core.model import Capture, Goal

    app = make_app()
    app.workbook.add_all([Goal(title=f"Goal [b]{n}", status="in progress") for n in range(7)]
                         + [Capture(kind="action", text=f"Act {n} 🚀", owner="me")
                            for n in range(8)])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        overview = str(app.query_one("#checkin-overview").render())
        assert "Active goals: 7" in overview and overview.count("  • Goal [b]") == 3
        assert "  … and 4 more on the Goals stage" in overview
        assert "Open action items: 8" in overview
        assert "  … and 5 more in the list of open action items below" in overview
        assert "more requests" not in overview  # none waiting: nothing said


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_five_years_of_check_ins_open_at_the_top_with_the_cursor_row_in_view(
        make_app, tmp_path, size):
    """On five years of records the stage opened scrolled past its title and the first
    lines of its overview, to show the whole list of check-ins below them (three
    new-user trials). At 120x40 it opens at its top, the newest check-in's row in view;
    at 80x24 scrolled just far enough to show that row. Moving down the list scrolls
    the page with the cursor's row (it moved down rows no one could see)."""
    from textual.widgets import DataTable

    from careertui.core.sample import write_sample

    from .conftest import fixed_clock

    path = tmp_path / "five-years.json"
    write_sample(path, years=5, seed=1, end=fixed_clock().date())
    app = make_app(db_path=path)
    async with app.run_test(size=size) as pilot:
        await enter(pilot, "check-ins")
        stage = app.main.stage("check-ins")
        table = stage.query_one("#checkins-list DataTable", DataTable)
        await until(pilot, lambda: app.focused is table and table.row_count > 20)
        await idle(pilot)

        def cursor_row_in_view() -> bool:
            view = stage.scrollable_content_region
            row = (table.region.y + 1 + table.header_height + table.cursor_row
                   - round(table.scroll_y))
            return view.y <= row < view.bottom

        assert cursor_row_in_view()
        if size == (120, 40):
            assert stage.scroll_y == 0  # the title and the overview's first lines show
        else:  # the header of the list and its first row are the last lines shown
            assert stage.scroll_y > 0
        for _ in range(12):
            await press(pilot, "down")
            await idle(pilot)
            assert cursor_row_in_view(), table.cursor_row
        assert table.cursor_row == 12


async def test_a_past_check_in_shows_its_notes_on_goals_done_since(make_app, db_path):
    """A check-in's notes on goals since done were hidden: the rows were today's active
    goals only (new-user trial, five-year sample). It shows them beside the active ones,
    and the next check-in, with no note on them, does not."""
    from textual.widgets import Input, Label

    from careertui.core.model import Goal

    app = make_app()
    app.workbook.add_all([
        Goal(id="g-now", title="Lead [b]x", status="in progress"),
        Goal(id="g-done", title="Ship 目标 report", status="done"),
        CheckIn(id="k-old", date="2026-03-05",
                progress={"g-now": "kick-off", "g-done": "draft out [/] 🚀"}),
        CheckIn(id="k-new", date="2026-11-20", progress={"g-now": "on track"}),
    ])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        checkins = app.query_one("#checkins-list", RecordList)

        def rows() -> dict[str, str]:
            return {str(row.query_one(".progress-goal", Label).render()):
                    row.query_one(".progress-note", Input).value
                    for row in app.query(".progress-row")}

        await until(pilot, lambda: rows() == {"Lead [b]x": "on track"})  # newest first
        await press(pilot, "down")
        await until(pilot, lambda: checkins.selected.id == "k-old")
        await until(pilot, lambda: rows() == {"Lead [b]x": "kick-off",
                                              "Ship 目标 report": "draft out [/] 🚀"})
        app.query(".progress-note").last(Input).focus()
        await press(pilot, "end", "space", "!")
        await until(pilot, lambda: app.workbook.get(CheckIn, "k-old").progress["g-done"]
                    == "draft out [/] 🚀 !")
        await press(pilot, "ctrl+q")
    from careertui.core.store import Workbook

    book = Workbook.open(db_path, lock=False)
    assert book.get(CheckIn, "k-old").progress == {"g-now": "kick-off",
                                                   "g-done": "draft out [/] 🚀 !"}
    book.close()


async def test_a_status_chosen_on_check_ins_is_dated_in_the_goals_history(make_app, db_path):
    """Chosen on Goals, a status change was dated in the goal's history; chosen on
    Check-ins (each goal's row), it changed the status alone (second new-user trial)."""
    import json

    from careertui.core.model import Goal

    app = make_app()
    app.workbook.add_all([Goal(id="g1", title="[/] 🚀 目标", status="idea",
                               history=[{"status": "idea", "date": "2026-11-01"}]),
                          CheckIn(id="k1", date="2026-11-20")])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        status = app.query_one(".progress-status")
        await until(pilot, lambda: status.region.area > 0)
        await choose(pilot, status, "agreed")
        await until(pilot, lambda: app.workbook.get(Goal, "g1").status == "agreed")
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: goals.has_form)
        hint = str(goals.query_one(".record-hint").render())
        assert "idea 1 Nov → agreed 25 Nov" in hint
        await press(pilot, "ctrl+q")
    [goal] = json.loads(db_path.read_text("utf-8"))["goals"].values()
    assert goal["status"] == "agreed"
    assert goal["history"] == [{"status": "idea", "date": "2026-11-01"},
                               {"status": "agreed", "date": "2026-11-25"}]


async def test_marking_the_last_open_action_item_done_leaves_the_cursor_in_the_list(
        make_app, db_path):
    """The list of open action items emptied under the cursor, and the cursor went
    nowhere: the footer lost the list's keys and tab went to Cadence (second new-user
    trial). It stays in the list, where ctrl+n adds the next action item."""
    import json

    from textual.widgets import DataTable

    from careertui.core.model import Meeting

    app = make_app()
    app.workbook.add_all([Meeting(id="m1", date="2026-11-20"),
                          Capture(id="c1", meeting_id="m1", kind="action", text="Book [/] 🚀")])
    async with app.run_test(size=SIZE) as pilot:
        actions = await open_action_items(pilot)
        await choose(pilot, actions.query_one("#field-status"), "dropped")
        await until(pilot, lambda: not actions.records)
        await settle(pilot)
        assert isinstance(app.focused, DataTable) and app.focused is actions.table
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: len(actions.records) == 1)
        await settle(pilot)
        assert await app.save_workbook()
    captures = json.loads(db_path.read_text("utf-8"))["captures"]
    assert {c["id"]: c["status"] for c in captures.values()}["c1"] == "dropped"
    assert len(captures) == 2
