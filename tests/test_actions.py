"""The 24-hour clock, overdue action items and the thank-you email, without an app."""

from datetime import date, datetime, timedelta, timezone

from careertui.core.actions import is_overdue, thank_you_status
from careertui.core.drafting.emails import thank_you
from careertui.core.model import Capture, Meeting, Profile

TZ = timezone(timedelta(hours=1))
MEETING = Meeting(date="2026-11-25", time="10:00")


def at(hour: int, minute: int = 0, day: int = 25) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def test_the_clock_counts_down_then_up():
    assert thank_you_status(MEETING, at(9)) == ("The meeting is on Wed 25 Nov 2026, 10:00.", "none")
    assert thank_you_status(MEETING, at(14, 48)) == ("Thank-you due in 19 h 12 m.", "due")
    assert thank_you_status(MEETING, at(9, 48, day=26)) == ("Thank-you due in 12 m.", "due")
    overdue = thank_you_status(MEETING, at(13, 0, day=26))
    assert overdue == ("Thank-you overdue by 3 h 0 m.", "overdue")
    assert thank_you_status(MEETING, at(13, 0, day=29))[0] == "Thank-you overdue by 3 days."


def test_sent_and_undated():
    sent = Meeting(date="2026-11-25", time="10:00", thank_you_sent_at="2026-11-25T16:05:00+01:00")
    assert thank_you_status(sent, at(20)) == ("Thank-you sent on Wed 25 Nov 2026, 16:05.", "sent")
    assert thank_you_status(Meeting(), at(9))[1] == "none"
    no_time = Meeting(date="2026-11-24")  # taken to start at 09:00
    assert thank_you_status(no_time, at(10))[0] == "Thank-you overdue by 1 h 0 m."


def test_overdue_items():
    today = date(2026, 11, 25)
    assert is_overdue(Capture(kind="action", due="2026-11-24"), today)
    assert not is_overdue(Capture(kind="action", due="2026-11-25"), today)
    assert not is_overdue(Capture(kind="action", due="2026-11-24", status="done"), today)
    assert not is_overdue(Capture(kind="action", due="next week"), today)


def test_thank_you_recaps_shareable_actions_with_owners_and_dates():
    profile = Profile(name="Ana", manager_name="Priya")
    captures = [
        Capture(kind="strength", text="SECRET: great with stakeholders"),  # private by default
        Capture(kind="opportunity", text="Lead the Q1 pricing dashboard", shareable=True),
        Capture(kind="action", text="Research the AWS certification", owner="me",
                due="2026-12-05", shareable=True),
        Capture(kind="action", text="Introduce me to Sam", owner="manager", due="2026-12-09",
                shareable=True),
        Capture(kind="action", text="SECRET private action", shareable=False),
        Capture(kind="action", text="Dropped idea", status="dropped", shareable=True),
    ]
    subject, body, unfilled = thank_you(profile, captures, next_check_in="2026-12-16")
    assert "career development conversation" in subject and unfilled == []
    assert body.startswith("Hi Priya,")
    assert "- Lead the Q1 pricing dashboard" in body
    assert "- I will research the AWS certification, by Sat 5 Dec 2026" in body
    assert "- You will introduce me to Sam, by Wed 9 Dec 2026" in body
    assert "SECRET" not in body and "Dropped idea" not in body
    assert "check in on my progress on Wed 16 Dec 2026" in body
    assert body.rstrip().endswith("Ana")


def test_thank_you_without_actions_or_profile():
    draft = thank_you(Profile(), [])
    assert draft.unfilled == ["[Manager's Name]", "[Your Name]"]
    assert "write up the next steps" in draft.body


def test_a_planned_conversation_never_starts_the_clock():
    planned = Meeting(date="2026-11-25", time="10:00", status="planned")
    text, severity = thank_you_status(planned, at(13, 0, day=27))
    assert severity == "none"
    assert "Planned for Wed 25 Nov 2026, 10:00" in text


def test_held_starts_the_clock_at_its_time_or_when_marked_held_whichever_first():
    marked_late = Meeting(date="2026-11-25", time="10:00", held_at="2026-11-25T15:00:00+01:00")
    assert thank_you_status(marked_late, at(14, 48)) == ("Thank-you due in 19 h 12 m.", "due")
    undated = Meeting(held_at="2026-11-25T12:00:00+01:00")
    assert thank_you_status(undated, at(14)) == ("Thank-you due in 22 h 0 m.", "due")
    early = Meeting(date="2026-11-30", time="10:00", held_at="2026-11-25T12:00:00+01:00")
    late = ("Thank-you overdue by 1 h 0 m.", "overdue")
    assert thank_you_status(early, at(13, 0, day=26)) == late


def test_a_meeting_without_a_time_is_said_without_one():
    """Follow-up said "Planned for Fri 4 Dec 2026, 09:00" for a meeting whose time was
    never typed (the Meeting stage's field showed only its 10:00 example)."""
    planned = Meeting(date="2026-12-04", status="planned")
    assert thank_you_status(planned, at(9))[0].startswith("Planned for Fri 4 Dec 2026: ")
    timed = Meeting(date="2026-12-04", time="10:30", status="planned")
    assert thank_you_status(timed, at(9))[0].startswith("Planned for Fri 4 Dec 2026, 10:30: ")
    later = Meeting(date="2026-11-26", time="[b]noon")  # unreadable: no time, not 09:00
    assert thank_you_status(later, at(9)) == ("The meeting is on Thu 26 Nov 2026.", "none")
