"""Calendar files parsed back with `icalendar`: events, times, zone, repeat, to-dos, and
no private text in any of them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from careertui.core.calendar import (
    FLOATING,
    action_items_ics,
    bring_list,
    check_in_time,
    check_ins_ics,
    first_check_in,
    local_zone_name,
    meeting_request_ics,
)
from careertui.core.drafting.privacy import PrivateWords
from careertui.core.model import Capture, Invite, Profile, Request, Slot
from careertui.core.sample import build_sample

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
ZONE = "America/New_York"
HOSTILE = "[/] [b]x [link=https://x.y]z[/link] 🚀 目标 مرحبا\tend"
PROFILE = Profile(id="p1", name=f"Ana {HOSTILE}", email="ana@example.com",
                  manager_name="Dana Okafor", manager_email="dana@example.com")


def parse(payload: bytes) -> Calendar:
    return Calendar.from_ical(payload)


def test_the_zone_comes_from_tz_then_etc_localtime_then_utc(tmp_path: Path):
    assert local_zone_name({"TZ": "Europe/Paris"}) == "Europe/Paris"
    assert local_zone_name({"TZ": ":Asia/Tokyo"}) == "Asia/Tokyo"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Australia/Sydney")
    assert local_zone_name({"TZ": "Not/AZone"}, link) == "Australia/Sydney"
    assert local_zone_name({}, tmp_path / "missing") == "UTC"


def test_a_zone_with_no_name_gives_local_times_not_utc(tmp_path: Path):
    """TZ as a rule (or a copied zone file) names no zone: the times are written as
    local ("floating"), read by a calendar in its own zone; as UTC, 2pm became 3pm."""
    assert local_zone_name({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}) == FLOATING
    copy = tmp_path / "localtime"
    copy.write_bytes(b"TZif2 copy of a zone file")
    assert local_zone_name({}, copy) == FLOATING
    invite = Invite(id="inv1", slots=[Slot("2026-12-02", "14:00")])
    made = meeting_request_ics(PROFILE, invite, "Hi", minutes=45, now=NOW, zone=FLOATING)
    assert b"DTSTART:20261202T140000\r\n" in made.payload
    assert b"VTIMEZONE" not in made.payload and b"TZID" not in made.payload
    [event] = parse(made.payload).walk("VEVENT")
    start = event["dtstart"].dt
    assert (start.hour, start.tzinfo) == (14, None)


def test_each_proposed_time_is_a_tentative_event_in_the_local_zone():
    invite = Invite(id="inv1", slots=[Slot("2026-12-01", "10:00"), Slot("2026-12-02", "14:30"),
                                      Slot()])
    made = meeting_request_ics(PROFILE, invite, f"Hi Dana,\n\n{HOSTILE}", minutes=45, now=NOW,
                               zone=ZONE)
    cal = parse(made.payload)
    assert made.count == 2 and made.warnings == []
    assert str(cal["METHOD"]) == "PUBLISH"
    events = cal.walk("VEVENT")
    assert [e.get("DTSTART").dt for e in events] == [
        datetime(2026, 12, 1, 10, 0, tzinfo=events[0].get("DTSTART").dt.tzinfo),
        datetime(2026, 12, 2, 14, 30, tzinfo=events[1].get("DTSTART").dt.tzinfo)]
    for event in events:
        start = event.get("DTSTART")
        assert start.params["TZID"] == ZONE
        assert str(start.dt.tzinfo) == ZONE
        assert start.dt.utcoffset() == timedelta(hours=-5)  # December in New York
        assert event.get("DTEND").dt - start.dt == timedelta(minutes=45)
        assert str(event["STATUS"]) == "TENTATIVE"
        assert str(event["SUMMARY"]) == "Career development conversation"
        assert str(event["DESCRIPTION"]) == f"Hi Dana,\n\n{HOSTILE}"
        assert str(event["ATTENDEE"]) == "mailto:dana@example.com"
        assert event["ATTENDEE"].params["CN"] == "Dana Okafor"
        assert str(event["ORGANIZER"]) == "mailto:ana@example.com"
        assert event["ORGANIZER"].params["CN"] == " ".join(f"Ana {HOSTILE}".split())
        assert event.get("DTSTAMP").dt == NOW
    assert [str(e["UID"]) for e in events] == ["inv1-slot-1@careertui", "inv1-slot-2@careertui"]
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == ZONE


def test_uids_stay_and_the_sequence_rises_only_for_a_changed_slot():
    invite = Invite(id="inv1", slots=[Slot("2026-12-01", "10:00"), Slot("2026-12-02", "14:30")])
    first = meeting_request_ics(PROFILE, invite, "Hi", minutes=30, now=NOW, zone=ZONE)
    invite.slots = first.slots
    again = meeting_request_ics(PROFILE, invite, "Hi", minutes=30, now=NOW, zone=ZONE)
    invite.slots = again.slots
    invite.slots[1] = Slot("2026-12-04", "09:00", invite.slots[1].exported,
                           invite.slots[1].sequence)
    changed = meeting_request_ics(PROFILE, invite, "Hi", minutes=30, now=NOW, zone=ZONE)

    def seq(made) -> list[tuple[str, int]]:
        return [(str(e["UID"]), int(e["SEQUENCE"])) for e in parse(made.payload).walk("VEVENT")]

    assert seq(first) == seq(again) == [("inv1-slot-1@careertui", 0), ("inv1-slot-2@careertui", 0)]
    assert seq(changed) == [("inv1-slot-1@careertui", 0), ("inv1-slot-2@careertui", 1)]
    invite.slots = changed.slots
    longer = meeting_request_ics(PROFILE, invite, "Hi", minutes=60, now=NOW, zone=ZONE)
    assert seq(longer) == [("inv1-slot-1@careertui", 1), ("inv1-slot-2@careertui", 2)]


def test_a_slot_a_calendar_cannot_read_is_named_not_dropped():
    invite = Invite(id="inv1", slots=[Slot("Tue afternoon", ""), Slot("2026-12-02", "25:99"),
                                      Slot("2026-12-03", "")])
    made = meeting_request_ics(Profile(), invite, "Hi", minutes=30, now=NOW, zone=ZONE)
    assert made.count == 0 and parse(made.payload).walk("VEVENT") == []
    assert made.warnings == [
        "Time 1 (“Tue afternoon”) has no date a calendar can read",
        "Time 2 (Wed 2 Dec 2026) has “25:99”, which is no time of day",
        "Time 3 (Thu 3 Dec 2026) has no time of day",
    ]


def test_no_addresses_no_attendee_or_organizer():
    invite = Invite(id="inv1", slots=[Slot("2026-12-01", "10:00")])
    made = meeting_request_ics(Profile(manager_email="not an address"), invite, "Hi",
                               minutes=30, now=NOW, zone="UTC")
    [event] = parse(made.payload).walk("VEVENT")
    assert "ATTENDEE" not in event and "ORGANIZER" not in event


@pytest.mark.parametrize("years", [1, 5])
def test_every_proposed_slot_of_the_samples_gives_an_event(years):
    sample = build_sample(years, seed=1, end=date(2026, 11, 26))
    invites = [r for r in sample.records if isinstance(r, Invite)]
    assert len(invites) >= years * 2
    for invite in invites:
        proposed = [s for s in invite.slots if not s.blank]
        made = meeting_request_ics(sample.profile, invite, invite.body,
                                   minutes=sample.profile.meeting_minutes, now=NOW, zone=ZONE)
        assert made.warnings == [] and made.count == len(proposed) == 3
        starts = sorted(e.get("DTSTART").dt for e in parse(made.payload).walk("VEVENT"))
        assert [(s.date().isoformat(), f"{s:%H:%M}") for s in starts] == sorted(
            (s.date, s.time) for s in proposed)


def test_check_ins_repeat_at_the_cadence_from_the_next_check_in():
    for cadence, weeks in (("1w", 1), ("2w", 2), ("4w", 4)):
        made = check_ins_ics(PROFILE, first=date(2026, 12, 9), at="9:15", cadence=cadence,
                             bring="- Send the deck (me)", now=NOW, zone=ZONE)
        cal = parse(made.payload)
        [event] = cal.walk("VEVENT")
        start = event.get("DTSTART")
        assert start.dt.replace(tzinfo=None) == datetime(2026, 12, 9, 9, 15)
        assert start.params["TZID"] == ZONE and cal.walk("VTIMEZONE")
        assert event.get("DTEND").dt - start.dt == timedelta(minutes=30)
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [weeks]
        assert str(event["SUMMARY"]) == "One-on-one check-in with Dana Okafor"
        assert "- Send the deck (me)" in str(event["DESCRIPTION"])


def test_the_series_starts_at_the_next_check_in_still_to_come():
    assert first_check_in(date(2026, 12, 9), "2w", date(2026, 11, 25)) == date(2026, 12, 9)
    assert first_check_in(date(2026, 11, 1), "2w", date(2026, 11, 25)) == date(2026, 11, 29)
    assert check_in_time(None) == check_in_time("25:99") == "10:00"
    assert check_in_time("2pm") == "14:00"


MARKER = "PRIVATEMARKER do not share"


def test_action_items_are_to_dos_with_owner_and_status():
    items = [
        Capture(id="a1", kind="action", text=f"Send the deck {HOSTILE}", owner="me",
                due="2026-12-01", shareable=True),
        Capture(id="a2", kind="action", text="Book the course", owner="manager",
                due="2026-11-20", shareable=True),
        Capture(id="a3", kind="action", text="Undated", owner="me", shareable=True),
        Capture(id="a4", kind="action", text="Done one", due="2026-11-01", status="done",
                shareable=True),
        Capture(id="a5", kind="action", text=MARKER, due="2026-12-01"),
    ]
    made = action_items_ics(items, "Dana Okafor", now=NOW)
    todos = parse(made.payload).walk("VTODO")
    assert [(str(t["SUMMARY"]), t.get("DUE").dt, str(t["STATUS"]), str(t["UID"]))
            for t in todos] == [
        ("Book the course (Dana Okafor)", date(2026, 11, 20), "NEEDS-ACTION",
         "action-a2@careertui"),
        (f"{' '.join(f'Send the deck {HOSTILE}'.split())} (me)", date(2026, 12, 1),
         "NEEDS-ACTION", "action-a1@careertui"),
    ]
    assert made.count == 2
    assert made.warnings == ["1 open action item has no due date, so the file leaves it out"]
    assert MARKER.encode() not in made.payload


def test_no_private_text_reaches_any_calendar_file():
    """Private action items and requests stay out of the check-in list and the to-dos; a
    request text that quotes a private item leaves its description out."""
    private = [
        Capture(kind="action", text=MARKER, due="2026-12-01", owner="me"),
        Request(ask=MARKER, ledger=[{"status": "asked", "date": "2026-11-01"}]),
    ]
    shared = [
        Capture(kind="action", text="Send the deck", due="2026-12-01", owner="me",
                shareable=True),
        Request(ask="A course budget", ledger=[{"status": "asked", "date": "2026-11-01"}],
                shareable=True),
    ]
    captures = [r for r in private + shared if isinstance(r, Capture)]
    requests = [r for r in private + shared if isinstance(r, Request)]
    bring = bring_list(captures, requests, "Dana", NOW.date())
    assert "Send the deck" in bring and "A course budget (asked 24 days ago)" in bring
    files = [
        check_ins_ics(PROFILE, first=date(2026, 12, 9), at="10:00", cadence="2w", bring=bring,
                      now=NOW, zone=ZONE),
        action_items_ics(captures, "Dana", now=NOW),
        meeting_request_ics(PROFILE, Invite(slots=[Slot("2026-12-01", "10:00")]),
                            f"Hi Dana, about {MARKER}", minutes=30, now=NOW, zone=ZONE,
                            private=PrivateWords.of(private + shared)),
    ]
    for made in files:
        text = "".join(str(c.get("DESCRIPTION", "")) + str(c.get("SUMMARY", ""))
                       for c in parse(made.payload).walk())
        assert "PRIVATEMARKER" not in text and b"PRIVATEMARKER" not in made.payload
    assert "private item" in files[2].warnings[0]
