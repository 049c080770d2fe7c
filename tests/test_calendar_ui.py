"""Calendar files from the app, driven by keys: a proposed time typed as a date and a time,
saved through the save dialog, found on disk and parsed back with `icalendar`."""

from __future__ import annotations

import email
import json
import stat
from datetime import datetime
from email import policy

import pytest
from icalendar import Calendar
from textual.widgets import Input, Static

from careertui.core.model import Capture, Invite, Meeting, Profile, Request, Slot
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.stages.invite import InviteStage
from careertui.ui.widgets.fields import TimeInput

from .conftest import SIZE
from .helpers import enter, idle, paste, press, run_command, settle, until

HOSTILE = "[/] [b]x [link=https://x.y]z[/link] 🚀 目标 مرحبا\t" + "w" * 300
ZONE = "Europe/Berlin"


@pytest.fixture(autouse=True)
def local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ZONE)


async def save_through_dialog(app, pilot, name: str) -> None:
    await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
    path = app.screen.query_one("#dialog-path", Input).value
    assert path.endswith(name), path
    await press(pilot, "enter")
    await settle(pilot)


async def test_a_slot_typed_on_the_invite_is_saved_as_an_event(make_app, tmp_path, notices,
                                                                db_path):
    app = make_app()
    app.workbook.save_profile(Profile(name="Ana", email="ana@example.com", manager_name="Priya",
                                      manager_email="priya@example.com"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        stage = app.query_one(InviteStage)
        assert app.focused.parent.id == "invite-slot-0-date"
        await press(pilot, *"tue", "tab")  # the clock is Wed 25 Nov 2026
        await press(pilot, *"14:30")
        app.query_one("#invite-note", Input).focus()
        await paste(pilot, HOSTILE)
        await until(pilot, lambda: "- Tue 1 Dec 2026 at 14:30" in stage.invite.body
                    and "[link=https://x.y]z[/link] 🚀" in stage.invite.body)
        assert app.query_one("#invite-slot-0-date Input", Input).value == "2026-12-01"
        await press(pilot, "f9")
        await save_through_dialog(app, pilot, "meeting-request-2026-11-25.ics")
        written = tmp_path / "meeting-request-2026-11-25.ics"
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        cal = Calendar.from_ical(written.read_bytes())
        [event] = cal.walk("VEVENT")
        start = event.get("DTSTART")
        assert start.dt.replace(tzinfo=None) == datetime(2026, 12, 1, 14, 30)
        assert start.params["TZID"] == ZONE and cal.walk("VTIMEZONE")
        assert str(event["DESCRIPTION"]) == stage.invite.body.strip()
        assert "[link=https://x.y]z[/link] 🚀 目标 مرحبا" in stage.invite.body
        assert str(event["ATTENDEE"]) == "mailto:priya@example.com"
        assert any(str(written) in n.message for n in notices)
        await press(pilot, "ctrl+q")
    saved = json.loads(db_path.read_text())
    [invite] = saved["invite"].values()
    assert invite["slots"][0]["exported"] == "2026-12-01T14:30/30"


async def test_the_time_field_says_25_99_is_no_time_and_keeps_it(make_app, db_path):
    app = make_app()
    app.workbook.save_profile(Profile(manager_name="Priya"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        await press(pilot, *"2026-12-02", "tab", *"25:99")
        field = app.query_one("#invite-slot-0-time", TimeInput)
        await until(pilot, lambda: "not a time" in str(
            field.query_one(".time-hint", Static).render()))
        problem = app.query_one("#invite-slots-problem", Static)
        assert problem.display and "'25:99' is not a time of day" in str(problem.render())
        await press(pilot, "tab")  # moving on keeps the text
        assert field.value == "25:99"
        status = app.query_one("#invite-status", Static)  # and the email is not ready
        await until(pilot, lambda: "Time 1 cannot be read" in str(status.render()))
        assert str(status.render()).startswith("⚠")
        await press(pilot, "shift+tab", "ctrl+a", "ctrl+k", *"9:30")
        await until(pilot, lambda: "cannot be read" not in str(status.render()))
        await press(pilot, "ctrl+q")
    [invite] = json.loads(db_path.read_text())["invite"].values()
    assert invite["slots"][0]["time"] == "09:30"


async def test_an_unreadable_slot_is_named_and_left_out_of_the_file(make_app, tmp_path,
                                                                    notices):
    app = make_app()
    meeting = Meeting(status="planned")
    app.workbook.add(meeting)
    app.workbook.add(Invite(meeting_id=meeting.id, slots=[
        Slot("2026-12-01", "10:00"), Slot("Tue afternoon [b]x", ""), Slot()]))
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await run_command(pilot, "Save meeting request as .ics")  # from Self-assessment
        await save_through_dialog(app, pilot, "meeting-request-2026-11-25.ics")
        assert app.active_stage_id == "self-assessment"
        written = tmp_path / "meeting-request-2026-11-25.ics"
        assert len(Calendar.from_ical(written.read_bytes()).walk("VEVENT")) == 1
        [saved] = [n for n in notices if str(written) in n.message]
        assert "Time 2 (“Tue afternoon [b]x”) has no date a calendar can read" in saved.message
        await enter(pilot, "invite")
        problem = app.query_one("#invite-slots-problem", Static)
        assert "Time 2 “Tue afternoon [b]x” is not a date" in str(problem.render())


async def test_the_eml_carries_the_calendar_file_when_asked(make_app, tmp_path):
    app = make_app()
    app.workbook.save_profile(Profile(manager_name="Priya", manager_email="priya@example.com"))
    meeting = Meeting(status="planned")
    app.workbook.add(meeting)
    app.workbook.add(Invite(meeting_id=meeting.id, slots=[Slot("2026-12-01", "10:00")]))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        app.query_one("#invite-attach-ics").focus()
        await press(pilot, "space")
        await press(pilot, "f4")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await press(pilot, "escape")  # not saved: nothing is remembered as sent
        await settle(pilot)
        assert app.query_one(InviteStage).invite.slots[0].exported == ""
        await press(pilot, "f4")
        await save_through_dialog(app, pilot, "meeting-request-2026-11-25.eml")
        message = email.message_from_bytes(
            (tmp_path / "meeting-request-2026-11-25.eml").read_bytes(), policy=policy.default)
        [part] = [p for p in message.iter_attachments()]
        assert part.get_content_type() == "text/calendar"
        [event] = Calendar.from_ical(part.get_content()).walk("VEVENT")
        assert event.get("DTSTART").dt.replace(tzinfo=None) == datetime(2026, 12, 1, 10, 0)
        invite = app.query_one(InviteStage).invite
        assert invite.attach_ics and invite.slots[0].exported == "2026-12-01T10:00/30"


async def test_check_in_reminders_and_action_items_from_the_palette(make_app, tmp_path):
    app = make_app()
    app.workbook.save_profile(Profile(manager_name="Priya"))
    app.workbook.add(Meeting(date="2026-11-18", time="10:00", next_check_in="2026-12-02"))
    app.workbook.add(Capture(kind="action", text="Send the deck", due="2026-12-01",
                             shareable=True))
    app.workbook.add(Capture(kind="action", text="PRIVATEMARKER", due="2026-12-01"))
    app.workbook.add(Request(ask="PRIVATEMARKER too", ledger=[{"status": "asked",
                                                               "date": "2026-11-01"}]))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        field = app.query_one("#checkin-time", TimeInput)
        field.input.focus()
        await press(pilot, "ctrl+a", "ctrl+k", *"9:15")
        await until(pilot, lambda: app.workbook.value("checkins.time") == "09:15")
        await press(pilot, "f9")
        await save_through_dialog(app, pilot, "check-ins-2026-11-25.ics")
        await run_command(pilot, "Save action items as .ics")
        await save_through_dialog(app, pilot, "action-items-2026-11-25.ics")
    series = (tmp_path / "check-ins-2026-11-25.ics").read_bytes()
    [event] = Calendar.from_ical(series).walk("VEVENT")
    assert event.get("DTSTART").dt.replace(tzinfo=None) == datetime(2026, 12, 2, 9, 15)
    assert event["RRULE"]["INTERVAL"] == [2]
    assert "Send the deck" in str(event["DESCRIPTION"])
    todos = (tmp_path / "action-items-2026-11-25.ics").read_bytes()
    assert [str(t["SUMMARY"]) for t in Calendar.from_ical(todos).walk("VTODO")] == [
        "Send the deck (me)"]
    assert b"PRIVATEMARKER" not in series + todos


async def test_your_email_is_edited_in_the_profile_and_saved(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Edit profile")
        await press(pilot, *"Ada", "tab", *"Engineer", "tab")
        await paste(pilot, "ada@example.com")
        await until(pilot, lambda: app.workbook.profile().email == "ada@example.com")
        await press(pilot, "escape")
        await press(pilot, "ctrl+q")
    [profile] = json.loads(db_path.read_text())["profile"].values()
    assert (profile["name"], profile["role"], profile["email"]) == (
        "Ada", "Engineer", "ada@example.com")
