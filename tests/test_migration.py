"""Version 1 to 2: the invite and agenda move onto their conversation, conversations are
planned or held, and goals get a dated history. Run through `Workbook.open`, as a person's
old file would be."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from careertui.core.actions import thank_you_status
from careertui.core.meetings import agenda_text, current_meeting, invite_for
from careertui.core.model import SCHEMA_VERSION, Goal, Invite, Meeting
from careertui.core.store import Workbook, WorkbookTooNew

from .conftest import fixed_clock

AGENDA = "# Agenda\n\n- [b]x 🚀 目标\n"


def v1_file(path: Path, *, meetings: dict | None = None, invite: bool = True) -> dict:
    data: dict = {
        "meta": {"1": {"schema_version": 1}},
        "profile": {"1": {"name": "Ada", "meeting_minutes": 45}},
        "values": {
            "1": {"key": "agenda.text", "value": AGENDA},
            "2": {"key": "agenda.drafted", "value": AGENDA},
            "3": {"key": "agenda.drafted_at", "value": "Mon 16 Nov 2026, 09:00"},
            "4": {"key": "checkins.cadence", "value": "2w"},
        },
        "goals": {"1": {"id": "g1", "title": "Lead", "status": "in progress",
                        "created": "2026-05-01T10:00:00+01:00",
                        "updated": "2026-09-03T10:00:00+01:00"}},
        "meetings": meetings if meetings is not None else {
            "1": {"id": "old", "date": "2026-05-20", "time": "10:00", "agenda": "old one",
                  "created": "2026-05-20T10:00:00+01:00"},
            "2": {"id": "new", "date": "2026-11-18", "time": "10:00", "agenda": "",
                  "created": "2026-11-18T10:00:00+01:00"},
        },
    }
    if invite:
        data["invite"] = {"1": {"id": "inv", "slots": ["2026-12-01 10:30", "", ""],
                                "body": "Hi Dana", "subject": "Career chat"}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return data


def test_a_version_1_file_opens_migrates_and_keeps_a_copy(db_path: Path):
    original = v1_file(db_path)
    book = Workbook.open(db_path, clock=fixed_clock)
    assert book.migrated_from == 1
    meetings = {m.id: m for m in book.all(Meeting)}
    assert {m.status for m in meetings.values()} == {"held"}
    assert meetings["new"].agenda == AGENDA  # today's agenda goes to the latest conversation
    assert meetings["new"].agenda_drafted == AGENDA
    assert meetings["new"].agenda_drafted_at == "Mon 16 Nov 2026, 09:00"
    assert meetings["old"].agenda == "old one"  # an earlier one keeps its own
    assert invite_for(book, meetings["new"]).body == "Hi Dana"
    assert book.all(Invite)[0].meeting_id == "new"
    assert book.value("agenda.text") is None  # moved, not copied
    assert book.value("checkins.cadence") == "2w"
    goal = book.all(Goal)[0]
    assert goal.history == [{"status": "in progress", "date": "2026-09-03"}]
    book.save()
    book.close()
    saved = json.loads(db_path.read_text())
    assert saved["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 3
    backup = db_path.with_name("workbook.json.v1-backup")
    assert json.loads(backup.read_text()) == original
    again = Workbook.open(db_path, clock=fixed_clock)
    assert again.migrated_from is None
    assert agenda_text(again) == AGENDA
    again.close()


def test_with_no_conversation_yet_the_agenda_and_invite_start_a_planned_one(db_path: Path):
    v1_file(db_path, meetings={})
    book = Workbook.open(db_path, clock=fixed_clock)
    [meeting] = book.all(Meeting)
    assert meeting.planned
    assert (meeting.date, meeting.time, meeting.minutes) == ("2026-12-01", "10:30", 45)
    assert current_meeting(book) == meeting
    assert agenda_text(book) == AGENDA
    assert invite_for(book, meeting).subject == "Career chat"
    assert thank_you_status(meeting, fixed_clock())[1] == "none"  # planned: no clock
    book.close()


def test_an_empty_version_1_file_gains_no_conversation(db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text(json.dumps({"meta": {"1": {"schema_version": 1}},
                                   "values": {"1": {"key": "agenda.text", "value": ""}}}))
    book = Workbook.open(db_path, clock=fixed_clock)
    assert book.all(Meeting) == []
    book.close()


def test_a_newer_file_is_still_refused(db_path: Path):
    db_path.parent.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}).encode()
    db_path.write_bytes(content)
    with pytest.raises(WorkbookTooNew):
        Workbook.open(db_path, clock=fixed_clock)
    assert db_path.read_bytes() == content


def test_a_goal_history_records_each_change_once():
    goal = Goal(status="idea", created="2026-05-01T10:00:00+01:00")
    assert goal.history == [{"status": "idea", "date": "2026-05-01"}]
    assert not goal.note_status("2026-05-02")
    goal.status = "agreed"
    assert goal.note_status("2026-05-20")
    assert not goal.note_status("2026-05-21")
    assert [h["status"] for h in goal.history] == ["idea", "agreed"]
    assert Goal.from_doc(goal.to_doc()).history == goal.history


def v2_file(path: Path, slots: list[str]) -> dict:
    data: dict = {
        "meta": {"1": {"schema_version": 2}},
        "profile": {"1": {"name": "Ada", "manager_name": "Dana"}},
        "meetings": {"1": {"id": "m1", "date": "2026-12-01", "time": "10:00",
                           "status": "planned"}},
        "invite": {"1": {"id": "inv", "meeting_id": "m1", "slots": slots,
                         "created": "2026-11-20T10:00:00+00:00", "body": "Hi Dana"}},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return data


def test_a_version_2_file_gets_slots_a_calendar_can_read(db_path: Path):
    """Free-text times become a date and a time; one that cannot be read stays as typed,
    whole, and is named by the invite (the Invite stage shows it)."""
    original = v2_file(db_path, ["Tue 1 Dec, 10:00", "2026-12-02 14:30", "Tue afternoon [b]x 🚀"])
    book = Workbook.open(db_path, clock=fixed_clock)
    assert book.migrated_from == 2
    [invite] = book.all(Invite)
    assert [(s.date, s.time) for s in invite.slots] == [
        ("2026-12-01", "10:00"), ("2026-12-02", "14:30"), ("Tue afternoon [b]x 🚀", "")]
    assert [(n, s.date) for n, s in invite.unreadable()] == [(2, "Tue afternoon [b]x 🚀")]
    assert book.profile().email == ""
    book.save()
    book.close()
    saved = json.loads(db_path.read_text())
    assert saved["meta"]["1"]["schema_version"] == 3
    assert saved["invite"]["1"]["slots"][0] == {"date": "2026-12-01", "time": "10:00",
                                                "exported": "", "sequence": 0}
    backup = db_path.with_name("workbook.json.v2-backup")
    assert json.loads(backup.read_text()) == original


def test_a_weekday_and_day_without_a_year_are_read_around_when_the_invite_was_written():
    from careertui.core.dates import read_slot

    around = date(2026, 11, 20)
    assert read_slot("Tue 1 Dec, 10:00", around) == ("2026-12-01", "10:00")
    assert read_slot("Fri 1 Jan, 2pm", around) == ("2027-01-01", "14:00")  # next year's Friday
    assert read_slot("fri 9:30", around) == ("2026-11-27", "09:30")
    assert read_slot("1 December 2026 at 9:30", around) == ("2026-12-01", "09:30")
    assert read_slot("Sat 1 Dec, 10:00", around) == ("", "10:00")  # no Saturday 1 Dec near by
    assert read_slot("whenever suits", around) == ("", "")
