"""Meeting and Follow-up driven by keys: a meeting typed into quick capture, then the follow-up."""

from __future__ import annotations

import json

import pytest
from textual import events
from textual.widgets import Input

from careertui.core.model import Capture, Goal, Meeting, meeting_minutes
from careertui.ui.screens.pick import PickScreen
from careertui.ui.stages.follow_up import FollowUpStage
from careertui.ui.stages.meeting import MeetingStage
from careertui.ui.widgets.fields import DateInput, ShareableToggle
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import choose, enter, idle, paste, post_keys, press, run_command, settle, until
from .sample_data import fill_profile

MEETING_LINES = [
    "s: explains data clearly to non-specialists",
    "s: dependable under deadline pressure",
    "g: presenting to senior leaders",
    "g: delegating instead of doing it all",
    "o: lead the Q1 pricing dashboard project",
    "o: AWS data certification, budget available",
    "q: what does the next level need? owning an area end to end",
    "she expects a reorg in spring",
    "a: research the AWS certification +1w",
    "a: introduce me to Sam in product @manager fri",
    "a: draft a project plan for the dashboard @me 2026-12-11",
]


async def type_meeting(app, pilot) -> None:
    await enter(pilot, "meeting")
    capture = app.focused
    assert isinstance(capture, Input) and capture.id == "capture"
    for line in MEETING_LINES:  # pasted (a key press costs ~70 ms in a Pilot test)
        await paste(pilot, line)
        await press(pilot, "enter")
    await idle(pilot)


async def test_a_meeting_typed_through_quick_capture(make_app, db_path):
    app = make_app()
    fill_profile(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await type_meeting(app, pilot)
        assert app.focused.value == ""  # cleared after each line, ready for the next
        await press(pilot, "ctrl+q")
    saved = json.loads(db_path.read_text())
    captures = list(saved["captures"].values())
    kinds = [c["kind"] for c in captures]
    assert kinds.count("strength") == 2 and kinds.count("grow") == 2
    assert kinds.count("opportunity") == 2 and kinds.count("question") == 1
    assert kinds.count("note") == 1 and kinds.count("action") == 3
    actions = {c["text"]: c for c in captures if c["kind"] == "action"}
    assert actions["research the AWS certification"]["due"] == "2026-12-02"
    assert actions["research the AWS certification"]["owner"] == "me"
    assert actions["introduce me to Sam in product"]["owner"] == "manager"
    assert actions["introduce me to Sam in product"]["due"] == "2026-11-27"
    assert all(c["shareable"] is False for c in captures)  # private until marked shareable
    assert all(c["raw"] in MEETING_LINES for c in captures)
    [meeting] = saved["meetings"].values()
    assert all(c["meeting_id"] == meeting["id"] for c in captures)


def feedback_of(app) -> str:
    return str(app.query_one("#capture-feedback").render())


async def capture_line(pilot, line: str) -> str:
    """Paste a line into quick capture, press enter and return what the stage says back."""
    app = pilot.app
    before = len(app.workbook.all(Capture))
    await paste(pilot, line)
    await press(pilot, "enter")
    await until(pilot, lambda: len(app.workbook.all(Capture)) > before)
    return feedback_of(app)


async def test_a_bad_date_keeps_the_line_and_says_why(make_app, db_path):
    """Issue #8: a date that cannot be read stays in the text, and the person is told."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        await press(pilot, *"a: x +3q", "enter")  # typed key by key
        await until(pilot, lambda: "+3q" in feedback_of(app))
        assert "due date not understood: +3q" in feedback_of(app)
        for bad in ["2026-13-45", "31/12/2026"]:
            feedback = await capture_line(pilot, f"a: book a session @me {bad}")
            assert feedback.startswith(
                f"✓ Action item: book a session {bad} (owner: me, no due date)")
            assert f"⚠ due date not understood: {bad}, so it stays in the text." in feedback
            assert "next fri" in feedback and "end of month" in feedback  # the forms, told
            assert app.query_one("#capture-feedback").has_class("-problem")
        assert await app.save_workbook()
    saved = json.loads(db_path.read_text())
    kept = {c["text"]: (c["due"], c["raw"]) for c in saved["captures"].values()}
    assert kept == {
        "x +3q": ("", "a: x +3q"),
        "book a session 2026-13-45": ("", "a: book a session @me 2026-13-45"),
        "book a session 31/12/2026": ("", "a: book a session @me 31/12/2026"),
    }


async def test_a_date_phrase_is_taken_whole_from_the_line(make_app, db_path):
    app = make_app()  # the clock says Wednesday 25 Nov 2026
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        feedback = await capture_line(pilot, "a: send notes @manager next tuesday")
        assert feedback == ("✓ Action item: send notes (owner: manager, due Tue 1 Dec 2026)"
                            " · private until you mark it shareable")
        assert not app.query_one("#capture-feedback").has_class("-problem")
        feedback = await capture_line(pilot, "a: [b]x 目标 @me in 3 days")
        assert feedback == ("✓ Action item: [b]x 目标 (owner: me, due Sat 28 Nov 2026)"
                            " · private until you mark it shareable")
        feedback = await capture_line(pilot, "a: file expenses by end of month")
        assert feedback == ("✓ Action item: file expenses (owner: me, due Mon 30 Nov 2026)"
                            " · private until you mark it shareable")
        await until(pilot, lambda: not app.workbook.dirty)  # autosave, a moment later
    saved = json.loads(db_path.read_text())
    due = {c["text"]: (c["owner"], c["due"]) for c in saved["captures"].values()}
    assert due == {"send notes": ("manager", "2026-12-01"), "[b]x 目标": ("me", "2026-11-28"),
                   "file expenses": ("me", "2026-11-30")}


@pytest.mark.parametrize(
    ("typed", "hint", "stored"),
    [("next tuesday", "→ Tue 1 Dec 2026", "2026-12-01"),
     ("in 2 weeks", "→ Wed 9 Dec 2026", "2026-12-09"),
     ("end of month", "→ Mon 30 Nov 2026", "2026-11-30"),
     ("31/12/2026", "⚠ not a date: try fri or +2w", "31/12/2026")],
)
async def test_a_date_field_understands_the_same_forms(make_app, typed, hint, stored):
    """The meeting's date is a DateInput: it reads dates with the same parser as capture."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        field = app.query_one("#meeting-date").input
        field.focus()
        field.value = ""
        await paste(pilot, typed)
        shown = app.query_one("#meeting-date .date-hint")
        await until(pilot, lambda: str(shown.render()).startswith(hint))
        assert str(shown.render()).startswith(hint)
        await press(pilot, "tab")  # moving on shows an understood date as it is stored
        await until(pilot, lambda: field.value == stored)
        assert field.value == stored
        assert app.workbook.all(Meeting)[0].date == stored


async def test_question_bank_and_opportunity_to_goal(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        await press(pilot, "f2")
        await idle(pilot)
        assert isinstance(app.screen, PickScreen)
        await press(pilot, "enter")
        await idle(pilot)
        capture = app.query_one("#capture", Input)
        assert capture.value.startswith("q: Given where I want to go")
        await paste(pilot, "data modelling")
        await press(pilot, "enter")
        await paste(pilot, "o: mentor the new joiners")
        await press(pilot, "enter")
        await idle(pilot)
        captures = app.query_one("#captures-list", RecordList)
        captures.table.focus()
        captures.table.move_cursor(row=0)  # listed by kind: the opportunity comes first
        await idle(pilot)
        assert captures.selected.kind == "opportunity"
        await press(pilot, "g")
        await idle(pilot)
        [goal] = app.workbook.all(Goal)
        assert goal.title == "mentor the new joiners" and goal.from_capture
        assert app.workbook.get(Capture, goal.from_capture).linked_id == goal.id


@pytest.mark.slow
async def test_follow_up_counts_down_and_recaps_the_action_items(make_app):
    app = make_app()
    fill_profile(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await type_meeting(app, pilot)
        meeting = app.workbook.all(Meeting)[0]
        assert (meeting.date, meeting.time) == ("2026-11-25", "09:30")
        await enter(pilot, "follow-up")
        stage = app.query_one(FollowUpStage)
        clock = str(app.query_one("#thank-you-clock").render())
        assert "Thank-you due in 24 h 0 m." in clock
        await run_command(pilot, "Copy thank-you email")
        await settle(pilot)
        assert "research the AWS certification" not in app.clipboard  # private so far
        actions = stage.query_one("#actions-list", RecordList)
        for row in range(len(actions.records)):  # mark each action item shareable
            actions.table.focus()
            actions.table.move_cursor(row=row)
            await idle(pilot)
            for _ in range(10):
                if isinstance(app.focused, ShareableToggle):
                    break
                await press(pilot, "tab")
            await press(pilot, "space")
        await run_command(pilot, "Copy thank-you email")
        await settle(pilot)
        text = app.clipboard
        assert text.startswith("Subject: Thank you for the career development conversation")
        assert "- I will research the AWS certification, by Wed 2 Dec 2026" in text
        assert "- You will introduce me to Sam in product, by Fri 27 Nov 2026" in text
        assert "explains data clearly" not in text  # the manager's feedback stays private
        await press(pilot, "f5")
        await idle(pilot)
        assert "Thank-you sent on Wed 25 Nov 2026, 09:30." in str(
            app.query_one("#thank-you-clock").render())
        # mark an action done from the list: the date is recorded
        actions = stage.query_one("#actions-list", RecordList)
        actions.table.focus()
        actions.table.move_cursor(row=0)
        await idle(pilot)
        await choose(pilot, actions.query_one("#field-status"), "done")
        await idle(pilot)
        done = [c for c in app.workbook.all(Capture) if c.status == "done"]
        assert len(done) == 1 and done[0].done_on == "2026-11-25"
        # ctrl+n adds an action item of its own
        actions.table.focus()
        await press(pilot, "ctrl+n")
        await idle(pilot)
        await paste(pilot, "book the course")
        await idle(pilot)
        assert any(c.text == "book the course" and c.kind == "action"
                   for c in app.workbook.all(Capture))


def test_the_meeting_takes_its_date_from_the_invite_when_it_names_one():
    from careertui.core.meetings import slot_date_time

    assert slot_date_time(["Tue afternoon", "2026-12-01 at 10:30", ""]) == ("2026-12-01", "10:30")
    assert slot_date_time(["2026-12-02"]) == ("2026-12-02", "")
    assert slot_date_time(["Tue 1 Dec", "2026-13-01 10:00"]) == ("", "")


async def test_a_new_meeting_is_dated_from_the_invite(make_app):
    from careertui.core.model import Invite

    app = make_app()
    app.workbook.add(Invite(slots=["2026-12-01 10:30", "", ""]))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        assert app.query_one("#meeting-date").value == "2026-12-01"
        assert app.query_one("#meeting-time", Input).value == "10:30"


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("45", 45), (" 5 ", 5), ("240", 240), ("4", None), ("241", None), ("500", None),
     ("", None), ("-30", None), ("4.5", None), ("٤٥", None), ("30 min", None)],
)
def test_one_check_for_a_meeting_length(typed, minutes):
    assert meeting_minutes(typed) == minutes


async def check_minutes_field(app, pilot, selector: str, notices: list[str] | None,
                              problem_line: str = "", stored=None) -> None:
    """Type 3, 500 and 45 into a minutes field, leaving it each time as a person would:
    nothing is said while typing; on leaving, a length out of range is put back to the
    one kept and said (the field, the file and the words agree); 45 is taken."""
    from careertui.ui.widgets.minutes import MinutesInput

    field = app.screen.query_one(selector, MinutesInput)
    for typed, wrong in (("3", True), ("500", True), ("45", False)):
        field.focus()  # selects what is there: typing replaces it
        await idle(pilot)
        said = len(notices) if notices is not None else 0
        await press(pilot, *typed)
        await idle(pilot)
        assert field.value == typed
        if notices is not None:
            assert len(notices) == said  # not a word on every key
        await press(pilot, "tab")
        await until(pilot, lambda: app.focused is not field)
        expected = 30 if wrong else 45
        assert field.value == str(expected)  # the field shows the length in use
        problem = f"“{typed}” was not taken: meeting length is a number of minutes"
        if notices is not None:
            told = [n for n in notices[said:] if problem in n]
            assert len(told) == wrong
            assert all(n.endswith("Kept 30.") for n in told)
        if problem_line:
            shown = str(app.screen.query_one(problem_line).render())
            assert (problem in shown and shown.endswith("Kept 30.")) == wrong
        if stored is not None:  # "500" passed through 5 and 50: leaving restores 30
            await until(pilot, lambda: stored() == expected)  # noqa: B023 (awaited here)
            assert stored() == expected


def notices_of(app, monkeypatch) -> list[str]:
    from .test_email_draft import notices_of

    return notices_of(app, monkeypatch)


def saved_tables(db_path) -> dict:
    return json.loads(db_path.read_text())


async def test_invite_minutes_are_checked_on_leaving_the_field(make_app, db_path, monkeypatch):
    app = make_app()
    notices = notices_of(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        await check_minutes_field(app, pilot, "#invite-minutes", notices,
                                  stored=lambda: app.workbook.profile().meeting_minutes)
        from careertui.ui.stages.invite import InviteStage

        stage = app.query_one(InviteStage)
        await until(pilot, lambda: "45 minutes" in stage.invite.body)
        assert "45 minutes" in stage.invite.body  # the draft follows the saved length
        await press(pilot, "ctrl+q")
    [profile] = saved_tables(db_path)["profile"].values()
    assert profile["meeting_minutes"] == 45


async def test_meeting_minutes_are_checked_on_leaving_the_field(make_app, db_path, monkeypatch):
    app = make_app()
    notices = notices_of(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        stage = app.query_one(MeetingStage)
        await check_minutes_field(app, pilot, "#meeting-minutes", notices,
                                  stored=lambda: stage.meeting.minutes)
        await press(pilot, "ctrl+q")
    [meeting] = saved_tables(db_path)[Meeting.TABLE].values()
    assert meeting["minutes"] == 45


async def test_profile_minutes_are_checked_on_leaving_the_field(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.action_edit_profile()
        await idle(pilot)
        await check_minutes_field(app, pilot, "#profile-meeting_minutes", None,
                                  problem_line="#profile-problem",
                                  stored=lambda: app.workbook.profile().meeting_minutes)
        await press(pilot, "escape")
        await idle(pilot)
        assert app.workbook.profile().meeting_minutes == 45
        await press(pilot, "ctrl+q")
    [profile] = saved_tables(db_path)["profile"].values()
    assert profile["meeting_minutes"] == 45


async def test_a_planned_conversation_waits_for_f3_before_the_thank_you_clock(
        make_app, db_path, notices):
    from careertui.core.store import Workbook

    app = make_app()
    app.workbook.add(Meeting(id="next", date="2026-11-24", time="10:00", status="planned"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        clock = app.query_one("#thank-you-clock")
        await until(pilot, lambda: "Planned for" in str(clock.render()))
        await press(pilot, "f5")  # no thank-you for a conversation still to come
        await until(pilot, lambda: any("has not taken place yet" in n.message
                                       for n in notices))
        assert not app.workbook.get(Meeting, "next").thank_you_sent_at
        await enter(pilot, "meeting")
        status = app.query_one("#meeting-status")
        assert str(status.render()).startswith("Planned")
        await press(pilot, "f3")
        await until(pilot, lambda: str(status.render()).startswith("Held"))
        await enter(pilot, "follow-up")
        await until(pilot, lambda: "due in 30 m" in str(clock.render()))  # from its time
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: not app.workbook.dirty)
    [meeting] = Workbook.read(db_path).all(Meeting)
    assert meeting.status == "held" and meeting.held_at.startswith("2026-11-25")


async def test_an_undated_prepared_conversation_stays_planned_until_f3_dates_it(
        make_app, db_path):
    """Lines typed into a conversation prepared with no date yet are questions for it,
    not notes of it; f3 says it took place, and dates it today."""
    app = make_app()
    app.workbook.add(Meeting(id="next", status="planned"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        await paste(pilot, "q: [link=https://x.y]budget[/link] مرحبا 🚀?")
        await press(pilot, "enter")
        await until(pilot, lambda: any("budget" in c.text for c in app.workbook.all(Capture)))
        assert app.workbook.get(Meeting, "next").planned
        status = app.query_one("#meeting-status")
        assert "no date yet: lines captured now are notes for it" in str(status.render())
        await press(pilot, "f3")
        date_field = app.query_one("#meeting-date", DateInput)
        await until(pilot, lambda: date_field.value == "2026-11-25")
        await app.save_workbook()
    [stored] = json.loads(db_path.read_text("utf-8"))["meetings"].values()
    assert (stored["status"], stored["date"]) == ("held", "2026-11-25")
    assert stored["held_at"].startswith("2026-11-25") and stored["time"]


async def test_follow_up_stays_with_the_last_conversation_while_the_next_is_planned(
        make_app, db_path):
    """Preparing the next conversation does not move the thank-you and its clock onto a
    conversation that has not taken place."""
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Meeting(id="held", date="2026-11-24", time="10:00", status="held",
                             held_at="2026-11-24T10:45"))
    app.workbook.add(Meeting(id="next", status="planned"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        clock = app.query_one("#thank-you-clock")
        await until(pilot, lambda: "Meeting of Tue 24 Nov" in str(clock.render()))
        await press(pilot, "f5")
        await until(pilot, lambda: "Thank-you sent on" in str(clock.render()))
        await app.save_workbook()
    stored = json.loads(db_path.read_text("utf-8"))["meetings"]
    sent = {m["id"]: m["thank_you_sent_at"] for m in stored.values()}
    assert sent["held"].startswith("2026-11-25") and not sent["next"]


async def test_meeting_stops_asking_for_the_thank_you_once_it_is_marked_sent(make_app):
    """Marked sent on Follow-up (f5), the thank-you was still asked for on Meeting:
    "send the thank-you within a day" (new-user trial, on the sample too)."""
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Meeting(id="held", date="2026-11-24", time="10:00", status="held",
                             held_at="2026-11-24T10:45"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        status = app.query_one("#meeting-status")
        assert "send the thank-you within a day" in str(status.render())
        await enter(pilot, "follow-up")
        await press(pilot, "f5")
        clock = app.query_one("#thank-you-clock")
        await until(pilot, lambda: "Thank-you sent on" in str(clock.render()))
        await enter(pilot, "meeting")
        await until(pilot, lambda: "the thank-you went out Wed 25 Nov 2026"
                    in str(status.render()))
        assert "send the thank-you" not in str(status.render())


async def test_a_thank_you_marked_sent_is_never_redrafted(make_app, db_path):
    """A line captured after the thank-you went out rewrote the email as sent (a new
    user's trial): what was sent stays as it was sent, on disk."""
    sent = "Hi Priya,\n\nThank you for the talk. I will share the deck by Friday.\n"
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Meeting(id="m1", date="2026-11-24", time="10:00", status="held",
                             thank_you_subject="Thank you", thank_you_body=sent,
                             thank_you_drafted=sent, thank_you_sent_at="2026-11-24T15:00"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")  # built, so it hears of the capture below
        await enter(pilot, "meeting")
        app.query_one("#capture", Input).focus()
        await paste(pilot, "a: [b]launch[/] 🚀 目标 by friday")
        await press(pilot, "enter")
        await until(pilot, lambda: any("launch" in c.text for c in app.workbook.all(Capture)))
        await enter(pilot, "follow-up")
        await settle(pilot)
        await app.save_workbook()
    stored = [m for m in json.loads(db_path.read_text("utf-8"))["meetings"].values()
              if m["id"] == "m1"]
    assert [m["thank_you_body"] for m in stored] == [sent]


async def test_f5_asks_once_when_the_thank_you_still_has_placeholders(make_app, db_path,
                                                                      notices):
    """f5 marked a thank-you sent that still said [Manager's Name] and [Your Name]: it
    now says so first, and a second f5 marks it sent as it is."""
    app = make_app()
    app.workbook.add(Meeting(date="2026-11-25", time="08:00"))  # held, no names anywhere
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        stage = app.query_one(FollowUpStage)
        await until(pilot, lambda: stage.draft.unfilled)
        await press(pilot, "f5")
        await until(pilot, lambda: any("[Manager's Name]" in n.message for n in notices))
        warning = next(n for n in notices if "[Manager's Name]" in n.message)
        assert warning.severity == "warning" and "f5 again" in warning.message
        assert await app.save_workbook()
        [meeting] = json.loads(db_path.read_text("utf-8"))["meetings"].values()
        assert not meeting["thank_you_sent_at"]  # not marked sent yet
        await press(pilot, "f5")
        await until(pilot, lambda: "Thank-you sent on" in str(
            app.query_one("#thank-you-clock").render()))
        assert await app.save_workbook()
    [meeting] = json.loads(db_path.read_text("utf-8"))["meetings"].values()
    assert meeting["thank_you_sent_at"].startswith("2026-11-25T09:30")


async def test_lines_typed_in_one_burst_are_captured_one_by_one(make_app, db_path):
    """Four lines and their enters typed as one burst (a terminal delivers keys typed fast
    together): enter ran once the key had gone round the app, after the next line's
    keys were in the field, so the lines came out run together and saved twice."""
    app = make_app()
    fill_profile(app.workbook)
    lines = ["s: [b]x 🚀 目标 سلام [/]", "a: [link=https://x.y]z send deck @ann fri",
             "q: " + "W" * 299 + "]", "n: two\tcolumns"]
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        capture = app.query_one("#capture", Input)
        capture.focus()
        await until(pilot, lambda: app.focused is capture)
        keys: list[str] = []
        for line in lines:
            keys += [*line.replace("\t", " "), "enter"]
        post_keys(app, keys)
        await until(pilot, lambda: len(app.workbook.all(Capture)) >= 4)
        await settle(pilot)
        assert capture.value == ""
        # a pasted block (no bracketed paste needed): one capture a line, the last kept
        app.post_message(events.Paste("g: first pasted\nn: second pasted\r\nunfinished"))
        await until(pilot, lambda: len(app.workbook.all(Capture)) >= 6)
        await settle(pilot)
        assert capture.value == "unfinished"
        await until(pilot, lambda: db_path.exists() and not app.workbook.dirty)
    raws = [c["raw"] for c in json.loads(db_path.read_text("utf-8"))["captures"].values()]
    assert sorted(raws) == sorted([line.replace("\t", " ") for line in lines]
                                  + ["g: first pasted", "n: second pasted"])


async def test_what_a_captured_line_became_is_in_view_at_80_by_24(make_app, tmp_path):
    """The confirmation under the capture line is scrolled into view on a short
    terminal: it fell below the fold, and the person never saw what their line became."""
    from datetime import date

    from careertui.core.sample import write_sample

    path = tmp_path / "sample.json"
    write_sample(path, years=1, end=date(2026, 11, 24))
    app = make_app(db_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter(pilot, "meeting")
        stage = app.query_one(MeetingStage)
        feedback = app.query_one("#capture-feedback")
        typed = "a: book the [b]x review 目标 @me fri"
        await paste(pilot, typed)
        await press(pilot, "enter")
        await until(pilot, lambda: "book the [b]x review 目标" in feedback_of(app))
        await until(pilot, lambda: bool(feedback.region.area)
                    and stage.region.contains_region(feedback.region))
        assert app.focused is not None and app.focused.id == "capture"
        assert stage.region.contains_region(app.focused.region)  # the line stays in view too
