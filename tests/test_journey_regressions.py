"""Failures the journey walk (tests/test_journey.py) found, each kept as a plain test.

Every test is the shortest key sequence that showed the failure, checked against
the saved file: what the person typed or chose must be what is stored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Input

from careertui.ui.widgets.choice import ChoiceField, ChoiceMenu
from careertui.ui.widgets.fields import ShareableToggle
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, idle, open_action_items, paste, press, run_command, settle, until

SIZE = (120, 40)


def stored(db_path: Path, table: str) -> list[dict[str, Any]]:
    data = json.loads(db_path.read_text("utf-8"))
    return list(data.get(table, {}).values())


async def add_to(pilot, list_id: str, text: str | None = None) -> RecordList:
    """ctrl+n in a record list, then paste `text` into the field that takes the cursor."""
    records = pilot.app.query_one(f"#{list_id}", RecordList)
    records.table.focus()  # as a click on the list would
    await idle(pilot)
    count = len(records.records)
    await press(pilot, "ctrl+n")
    await until(pilot, lambda: len(records.records) > count and records.has_form)
    if text is not None:
        await idle(pilot)
        await paste(pilot, text)
    return records


async def saved(pilot) -> None:
    await settle(pilot)
    assert await pilot.app.save_workbook()


async def test_space_on_the_shareable_toggle_is_saved(make_app, db_path: Path):
    """The list's toggle changed on screen but never reached the workbook: ShareableToggle
    overrode Checkbox.watch_value without calling it, so no Changed message was sent."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        records = await add_to(pilot, "paths-list", "Team lead")
        records.query_one("#field-shareable", ShareableToggle).focus()
        await idle(pilot)
        await press(pilot, "space")
        await saved(pilot)
        assert [p["shareable"] for p in stored(db_path, "paths")] == [True]


async def test_markup_typed_into_a_list_is_shown_and_saved_as_typed(make_app, db_path: Path):
    """A goal titled `[/]` crashed the app: the list's table read cell text as markup."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        records = await add_to(pilot, "goals-list", "[/] [b]x [@click=app.quit]Q")
        await saved(pilot)
        assert app.is_running
        assert [g["title"] for g in stored(db_path, "goals")] == ["[/] [b]x [@click=app.quit]Q"]
        assert str(records.table.get_row_at(0)[0]).startswith("[/] [b]x")


async def test_a_request_added_under_a_goal_keeps_that_goal(make_app, db_path: Path):
    """ctrl+n in the requests list links the new request to the goal selected above;
    the link was saved, then cleared when the request's form was first shown."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        await add_to(pilot, "goals-list", "Lead a project")
        await add_to(pilot, "requests-list", "Let me lead the Q1 dashboard")
        await saved(pilot)
        goal_id = stored(db_path, "goals")[0]["id"]
        assert [r["goal_id"] for r in stored(db_path, "requests")] == [goal_id]


async def test_editing_the_profile_keeps_a_requests_goal(make_app, db_path: Path):
    """Closing the profile reloads every stage; refreshing the request's goal choices
    set its choice afresh, and that was saved as the person clearing the link. (Any
    reload does the same: an interview's path goes when Check-ins saves an action.)"""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        await add_to(pilot, "goals-list", "Lead a project")
        records = await add_to(pilot, "requests-list", "Let me lead the Q1 dashboard")
        records.query_one("#field-goal_id", ChoiceField).focus()  # choose the goal with keys
        await idle(pilot)
        await press(pilot, "enter", "home", "down", "enter")
        await saved(pilot)
        goal_id = stored(db_path, "goals")[0]["id"]
        assert [r["goal_id"] for r in stored(db_path, "requests")] == [goal_id]
        await run_command(pilot, "Edit profile")
        await paste(pilot, "Sam")
        await press(pilot, "escape")
        await saved(pilot)
        assert [r["goal_id"] for r in stored(db_path, "requests")] == [goal_id]


async def test_an_action_captured_in_the_meeting_shows_in_follow_up(make_app, db_path: Path):
    """A Follow-up stage built before the capture kept its old list of action items:
    the Meeting stage's quick capture never asked the other stages to reload."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        await enter(pilot, "meeting")
        app.query_one("#capture", Input).focus()
        await paste(pilot, "a: send the deck @me fri")
        await press(pilot, "enter")
        await saved(pilot)
        [action] = stored(db_path, "captures")
        await enter(pilot, "follow-up")
        actions = app.query_one("#actions-list", RecordList)
        assert [str(key.value) for key in actions.table.rows] == [action["id"]]
        await settle(pilot)  # its first row mounts the form: ending the test mid-mount
        # stops Textual's Select before its own mount handler (ctrl+q saves first)


async def test_deleting_a_path_clears_the_links_to_it(make_app, db_path: Path):
    """A deleted path left interviews and goals pointing at nothing."""
    from careertui.core.model import CareerPath, Goal, Interview

    app = make_app()
    app.workbook.add_all([CareerPath(id="p1", role="Team [/] lead"),
                          Interview(id="i1", person="Dana", path_id="p1"),
                          Goal(id="g1", title="Lead", path_ids=["p1"])])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")  # built while the link is there
        await enter(pilot, "paths")
        records = app.query_one("#paths-list", RecordList)
        records.table.focus()
        await press(pilot, "delete")
        await until(pilot, lambda: app.screen is not app.screen_stack[0])
        await press(pilot, "tab", "enter")  # "Delete"
        await until(pilot, lambda: not records.records)
        interviews = app.query_one("#interviews-list", RecordList)
        assert interviews.selected.path_id == ""  # the form shows it at once
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        assert goals.selected.path_ids == []
        await saved(pilot)
    assert [i["path_id"] for i in stored(db_path, "interviews")] == [""]
    assert [g["path_ids"] for g in stored(db_path, "goals")] == [[]]


async def test_check_ins_shown_while_the_profile_changes_keeps_running(make_app, db_path: Path):
    """A refresh rebuilt the per-goal progress rows twice at once; removing rows still
    being mounted broke a Select ("No nodes match 'SelectOverlay'") and ended the app."""
    from careertui.core.model import CheckIn, Goal

    app = make_app()
    app.workbook.add_all([Goal(id="g1", title="Lead", status="in progress"),
                          Goal(id="g2", title="SQL", status="in progress"),
                          CheckIn(id="k1", date="2026-11-18", progress={"g1": "kick-off"})])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        for letter in "abc":
            await run_command(pilot, "Edit profile")
            await paste(pilot, letter)
            await press(pilot, "escape")
        await settle(pilot)
        assert app.is_running
        rows = app.query(".progress-row")
        await until(pilot, lambda: len(app.query(".progress-row")) == 2)
        assert len(rows) == 2 and app.query_one(".progress-note", Input).value == "kick-off"


async def test_an_action_marked_done_in_check_ins_leaves_the_open_list(make_app, db_path: Path):
    """The open action items kept showing an item marked done there (walk seed 5, step 57)."""
    from careertui.core.model import Capture, Meeting

    app = make_app()
    app.workbook.add_all([Meeting(id="m1", date="2026-11-20"),
                          Capture(id="c1", meeting_id="m1", kind="action", text="Book [/] it"),
                          Capture(id="c2", meeting_id="m1", kind="action", text="Share notes")])
    async with app.run_test(size=SIZE) as pilot:
        actions = await open_action_items(pilot)
        first = actions.selected.id
        status = actions.query_one("#field-status", ChoiceField)
        status.focus()
        await press(pilot, "enter")  # open the choices
        await until(pilot, lambda: isinstance(app.screen, ChoiceMenu))
        await press(pilot, "down", "enter")  # open -> done
        await until(pilot, lambda: first not in {r.id for r in actions.records})
        assert {str(key.value) for key in actions.table.rows} == {"c1", "c2"} - {first}
        await saved(pilot)
    assert {c["id"]: c["status"] for c in stored(db_path, "captures")}[first] == "done"
