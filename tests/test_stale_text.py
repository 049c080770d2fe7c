"""Text on screen that outlived the change it described (issue 15, "Stale or untrue text").

Each test presses the keys a person would, then checks what is shown against what
is in the workbook (and in the file, where a value was typed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, SelectionList, TextArea

from careertui.core.model import CareerPath, Interview, Request
from careertui.core.sample import build_sample
from careertui.ui.widgets.choice import ChoiceField
from careertui.ui.widgets.fields import DateInput, ShareableToggle
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, idle, press, self_assessment_built, settle, until

SIZE = (120, 40)
LIST_STAGES = ("self-assessment", "paths", "goals", "meeting", "follow-up", "check-ins")


def shown_value(records: RecordList, name: str) -> Any:
    """What the form shows for one field, in the terms the record stores it."""
    widget = records.query_one(f"#field-{name}")
    if isinstance(widget, ChoiceField):
        return widget.value
    if isinstance(widget, SelectionList):
        return sorted(widget.selected)
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, DateInput):
        return widget.value
    assert isinstance(widget, Input)
    return widget.value


def choice_shown(records: RecordList, name: str) -> str:
    """The words a choice field shows, as drawn on screen."""
    field = records.query_one(f"#field-{name}", ChoiceField)
    return str(field.render()).strip().removesuffix("▼").strip()


def stored_value(record: Any, name: str) -> Any:
    value = getattr(record, name)
    if isinstance(value, list):
        return sorted(value)
    return "" if value is None else str(value)


def assert_form_shows(records: RecordList) -> None:
    record = records.selected
    assert record is not None
    for spec in records.fields:
        assert shown_value(records, spec.name) == stored_value(record, spec.name), (
            f"{records.id}: {spec.name} of {record.id}")
    assert records.query_one("#field-shareable", ShareableToggle).value == record.shareable


async def test_heard_of_it_left_empty_shows_empty_not_the_previous_paths(make_app):
    """Paths' "Heard of it" kept showing the previous path's source when the selected
    path had none; an unknown kind from an older file leaked the same way."""
    app = make_app()
    app.workbook.add_all([
        CareerPath(id="p1", role="Team lead", source="org chart", kind="lateral", position=1),
        CareerPath(id="p2", role="Staff analyst", source="", kind="diagonal", position=2),
    ])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        records = app.query_one("#paths-list", RecordList)
        await until(pilot, lambda: records.has_form)
        records.table.focus()
        await idle(pilot)
        assert shown_value(records, "source") == "org chart"
        await press(pilot, "down")
        await until(pilot, lambda: records.selected and records.selected.id == "p2")
        assert shown_value(records, "source") == ""
        assert choice_shown(records, "source") == "Not set"
        assert shown_value(records, "kind") == "diagonal"  # shown as stored, not "lateral"
        await press(pilot, "up")
        await until(pilot, lambda: records.selected and records.selected.id == "p1")
        assert shown_value(records, "kind") == "lateral"
        await settle(pilot)
        assert app.workbook.get(CareerPath, "p2").source == ""  # showing it saved nothing
        assert app.workbook.get(CareerPath, "p2").kind == "diagonal"


async def test_choosing_not_set_for_heard_of_it_is_saved(make_app, db_path: Path):
    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Team lead", source="org chart"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        records = app.query_one("#paths-list", RecordList)
        await until(pilot, lambda: records.has_form)
        records.query_one("#field-source", ChoiceField).focus()
        await idle(pilot)
        await press(pilot, "enter", "home", "enter")  # open, first option, choose
        await until(pilot, lambda: app.workbook.get(CareerPath, "p1").source == "")
        assert await app.save_workbook()
    from careertui.core.store import Workbook

    book = Workbook.open(db_path, lock=False)
    assert book.get(CareerPath, "p1").source == ""
    book.close()


@pytest.mark.slow
@pytest.mark.parametrize("stage_id", LIST_STAGES)
async def test_every_list_form_shows_the_selected_records_own_values(make_app, stage_id):
    """Walking down every list of a one-year sample, each form shows exactly the
    selected record's values: nothing left over from the record before."""
    sample = build_sample(1, end=date(2026, 11, 25))
    app = make_app()
    app.workbook.save_profile(sample.profile)
    app.workbook.add_all(sample.records)
    app.workbook.add_all([Interview(id="i-empty", person="Nobody yet", path_id="",
                                    thank_you="", position=99)])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, stage_id)
        if stage_id == "self-assessment":
            await self_assessment_built(pilot)
        await settle(pilot)
        stage = app.stage(stage_id)
        lists = list(stage.query(RecordList).results(RecordList))
        assert lists or stage_id == "follow-up"
        for records in lists:
            if not records.records:
                continue
            await until(pilot, lambda: records.has_form)  # noqa: B023 (awaited here)
            records.table.focus()
            await idle(pilot)
            for _ in range(min(len(records.records), 6)):
                assert_form_shows(records)
                await press(pilot, "down")
                await idle(pilot)
            assert_form_shows(records)


async def add_with_keys(pilot, records: RecordList, text: str) -> None:
    """ctrl+n in a list, then the text pasted where the cursor lands (its main field)."""
    from .helpers import paste

    records.table.focus()
    await idle(pilot)
    count = len(records.records)
    await press(pilot, "ctrl+n")
    await until(pilot, lambda: len(records.records) > count and records.has_form)
    await idle(pilot)
    await paste(pilot, text)


def hint_of(records: RecordList) -> str:
    return str(records.query_one(".record-hint").render())


async def test_the_goal_hint_forgets_no_request_once_one_is_added(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        requests = app.query_one("#requests-list", RecordList)
        await add_with_keys(pilot, goals, "Lead the Q1 planning")
        await until(pilot, lambda: "No request attached" in hint_of(goals))
        assert "No request attached" in hint_of(goals)
        await add_with_keys(pilot, requests, "Let me run the kick-off")
        await settle(pilot)
        await until(pilot, lambda: "No request attached" not in hint_of(goals))
        assert "No request attached" not in hint_of(goals)
        assert "No target date yet." in hint_of(goals)  # the other hints are still there
        [request] = app.workbook.all(Request)
        assert request.goal_id == goals.selected.id


async def test_the_manager_line_follows_the_profile(make_app):
    """The Self-assessment's "Manager:" line kept the old name after the profile changed."""
    from .helpers import paste, run_command
    from .sample_data import fill_profile

    app = make_app()
    fill_profile(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "self-assessment")
        summary = app.query_one("#profile-summary")
        assert "Manager: Priya Raman" in str(summary.render())
        await run_command(pilot, "Edit profile")
        field = app.screen.query_one("#profile-manager_name", Input)
        field.focus()
        await idle(pilot)
        await press(pilot, "end", "ctrl+u")  # clear the field
        await paste(pilot, "Dana Okafor")
        await until(pilot, lambda: app.workbook.profile().manager_name == "Dana Okafor")
        await press(pilot, "escape")
        await settle(pilot)
        await until(pilot, lambda: "Dana Okafor" in str(summary.render()))
        assert "Manager: Dana Okafor" in str(summary.render())
        assert "Priya" not in str(summary.render())


async def test_the_thank_you_says_sent_once_marked_sent(make_app, db_path: Path):
    """Follow-up said "Ready to send." after the thank-you was marked sent."""
    from careertui.core.model import Capture, Meeting
    from careertui.core.store import Workbook

    from .sample_data import fill_profile

    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add_all([
        Meeting(id="m1", date="2026-11-24", time="10:00"),
        Capture(id="c1", meeting_id="m1", kind="strength", text="Clear reports",
                shareable=True),
    ])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        status = app.query_one("#thank-you-status")
        await until(pilot, lambda: "Ready to send." in str(status.render()))
        assert "Ready to send." in str(status.render())
        await press(pilot, "f5")
        await until(pilot, lambda: "Sent" in str(status.render()))
        assert str(status.render()) == "Sent Wed 25 Nov, 09:30."  # the app's clock
        assert "Ready to send" not in str(status.render())
        await press(pilot, "ctrl+q")
    book = Workbook.open(db_path, lock=False)
    assert book.get(Meeting, "m1").thank_you_sent_at == "2026-11-25T09:30+01:00"
    book.close()
    app.workbook.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:  # reopened: still sent, same words
        await enter(pilot, "follow-up")
        status = app.query_one("#thank-you-status")
        await until(pilot, lambda: "Sent" in str(status.render()))
        assert str(status.render()) == "Sent Wed 25 Nov, 09:30."


@pytest.mark.parametrize("size", [(80, 24)])  # the tightest layout of the field
async def test_meeting_minutes_field_file_and_notice_agree(make_app, db_path: Path, notices,
                                                           size):
    """Typing 110 kept 110 in the field while a notice said 30 was kept: now a valid
    length is taken, and one out of range is put back, so all three always agree."""
    from careertui.core.model import Meeting
    from careertui.core.store import Workbook
    from careertui.ui.widgets.minutes import MinutesInput

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await enter(pilot, "meeting")
        field = app.query_one("#meeting-minutes", MinutesInput)
        field.focus()
        await idle(pilot)
        await press(pilot, "1", "1", "0", "tab")
        await until(pilot, lambda: app.focused is not field)
        assert field.value == "110"
        assert not [n for n in notices if "was not taken" in n.message]
        # The field drawn whole: "Minutes 110", not cut to "Minutes 1".
        assert field.region.width >= 4 and field.region.right <= app.size.width
        field.focus()
        await idle(pilot)
        await press(pilot, "end", "5")  # "1105" is refused by the field itself (3 digits)
        await press(pilot, "backspace", "backspace", "backspace", "4", "tab")
        await until(pilot, lambda: field.value != "4")
        assert field.value == "110"  # 4 minutes is too short: put back, and said
        [told] = [n.message for n in notices if "was not taken" in n.message]
        assert told == ("“4” was not taken: meeting length is a number of minutes "
                        "from 5 to 240. Kept 110.")
        await press(pilot, "ctrl+q")
    app.workbook.close()
    book = Workbook.open(db_path, lock=False)
    [meeting] = book.all(Meeting)
    assert meeting.minutes == 110
    book.close()
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await enter(pilot, "meeting")
        assert app.query_one("#meeting-minutes", MinutesInput).value == "110"


async def test_next_one_on_one_waits_for_a_meeting_and_then_keeps_what_is_typed(make_app, db_path):
    """With no meeting there was nowhere to keep Next 1:1: a date typed there was shown,
    then gone on reopening. Now it opens once a meeting exists, and what is typed stays."""
    from careertui.core.model import Meeting
    from careertui.core.store import Workbook

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await enter(pilot, "follow-up")
        await settle(pilot)
        field = app.query_one("#next-check-in", DateInput)
        assert field.disabled and app.focused is not field.input
        await press(pilot, *"+2w")
        assert field.value == ""
        app.workbook.add(Meeting(date="2026-11-24", time="10:00"))  # captured elsewhere
        await until(pilot, lambda: not field.disabled)
        await enter(pilot, "meeting")
        await enter(pilot, "follow-up")
        await until(pilot, lambda: app.focused is field.input)
        await press(pilot, *"+2w")
        await until(pilot, lambda: app.workbook.all(Meeting)[0].next_check_in == "2026-12-09")
        await press(pilot, "ctrl+q")
    app.workbook.close()
    book = Workbook.open(db_path, lock=False)
    assert book.all(Meeting)[0].next_check_in == "2026-12-09"
    book.close()


def drawn_text(area: TextArea) -> list[str]:
    """The lines the text area draws, without its left border and padding."""
    size = area.outer_size
    from textual.geometry import Region

    inset = area.scrollable_content_region.x - area.region.x
    return [strip.text[inset:].rstrip() for strip in area.render_lines(Region(0, 0, *size))]


def wrapped_text(area: TextArea) -> list[str]:
    """The same lines as the text is wrapped now, from its scroll position down."""
    lines = [section.rstrip() for index in range(area.document.line_count)
             for section in area.wrapped_document.get_sections(index)]
    top = round(area.scroll_y)
    return (lines[top:top + area.outer_size.height] + [""] * area.outer_size.height)[
        :area.outer_size.height]


async def test_a_long_answer_is_drawn_as_wrapped_once_the_page_narrows_it(make_app, db_path):
    """At 80x24 the page below the first answer fills in after launch and its scrollbar
    narrows the answer: Textual wraps the text again but, when that leaves as many lines
    as before, left the lines wrapped for the old width on screen. A new-user trial saw
    a word twice and a line running into the scrollbar, six seconds after launch."""
    from careertui.core.model import Reflection

    words = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
             "november oscar papa quebec romeo sierra tango uniform victor whiskey")
    text = ("People bring me the questions nobody has framed yet. I am quick at turning a "
            f"vague ask into a query, a chart and a one-paragraph answer.Zq1 {words}Zq2 {words}")
    app = make_app()
    app.workbook.add(Reflection(key="strengths", text=text))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        area = app.query_one("#answer-strengths", TextArea)
        await until(pilot, lambda: area.show_vertical_scrollbar)
        await self_assessment_built(pilot)  # the page below fills in, and its scrollbar comes
        await idle(pilot)
        assert area.text == text
        assert drawn_text(area) == wrapped_text(area)


async def test_follow_up_says_the_next_one_on_one_once_check_ins_have_moved_on(
        make_app, db_path: Path):
    """Follow-up's Next 1:1 is the date planned at the conversation. Once a one-on-one
    is noted on Check-ins it is behind the person, and two trials read it as the next
    one while Check-ins said otherwise. Follow-up now says the next one beneath it, and
    follows Check-ins' list and cadence."""
    from careertui.core.model import Meeting, Profile

    from .helpers import choose

    app = make_app()
    app.workbook.save_profile(Profile(name="Ana [b]x[/b]", manager_name="Dana 目标"))
    app.workbook.add(Meeting(id="m1", date="2026-11-10", time="10:00", status="held",
                             next_check_in="2026-11-24"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        note = app.query_one("#next-since")
        assert not note.display  # nothing noted since: the date above is the next one
        await enter(pilot, "check-ins")
        await press(pilot, "ctrl+n")  # a one-on-one noted today, Wed 25 Nov
        await settle(pilot)
        await enter(pilot, "follow-up")
        await until(pilot, lambda: note.display)
        assert "Check-ins has the next: Wed 9 Dec 2026" in str(note.render())
        assert app.query_one("#next-check-in", DateInput).value == "2026-11-24"  # as planned
        await enter(pilot, "check-ins")
        await choose(pilot, app.query_one("#checkin-cadence", ChoiceField), "1w")
        await enter(pilot, "follow-up")
        await until(pilot, lambda: "Wed 2 Dec 2026" in str(note.render()))
