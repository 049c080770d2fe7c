"""The 24 hours after a meeting, and the action items that outlive it (no Textual here)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from .dates import friendly, iso_or_none
from .model import Capture, Meeting, Record

THANK_YOU_WITHIN = timedelta(hours=24)


def _given_time(meeting: Meeting) -> time | None:
    """The meeting's time of day as typed ("10:00"), or None when none can be read."""
    try:
        hour, minute = (int(part) for part in meeting.time.strip().split(":"))
        return time(hour, minute)
    except ValueError:
        return None


def meeting_start(meeting: Meeting, tz: tzinfo | None = None) -> datetime | None:
    """When the meeting began; a meeting without a time is taken to start at 09:00."""
    day = iso_or_none(meeting.date)
    if day is None:
        return None
    return datetime.combine(day, _given_time(meeting) or time(9, 0), tzinfo=tz)


def thank_you_start(meeting: Meeting, tz: tzinfo | None = None) -> datetime | None:
    """When the 24-hour clock starts: never for a planned conversation; for a held one,
    at its date and time or when it was marked held, whichever came first."""
    if meeting.planned:
        return None
    starts = []
    begun = meeting_start(meeting, tz)
    if begun is not None:
        starts.append(begun)
    try:
        marked = datetime.fromisoformat(meeting.held_at) if meeting.held_at else None
    except ValueError:
        marked = None
    if marked is not None:
        if marked.tzinfo is None or tz is None:
            marked = marked.replace(tzinfo=tz)
        else:
            marked = marked.astimezone(tz)
        starts.append(marked)
    return min(starts) if starts else None


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours >= 48:
        return f"{hours // 24} days"
    return f"{hours} h {minutes} m" if hours else f"{minutes} m"


def _when(meeting: Meeting, start: datetime) -> str:
    """"Fri 4 Dec 2026, 10:00", the time only when the meeting has one: the 09:00 that
    starts the clock of a meeting without a time is no time the person gave."""
    if _given_time(meeting) is None:
        return friendly(start.date())
    return f"{friendly(start.date())}, {start:%H:%M}"


def thank_you_status(meeting: Meeting, now: datetime) -> tuple[str, str]:
    """What the 24-hour clock says, and a severity: "ok", "due", "overdue", "sent" or "none"."""
    if meeting.thank_you_sent_at:
        sent = datetime.fromisoformat(meeting.thank_you_sent_at)
        return f"Thank-you sent on {friendly(sent.date())}, {sent:%H:%M}.", "sent"
    if meeting.planned:
        begun = meeting_start(meeting, now.tzinfo)
        when = f" for {_when(meeting, begun)}" if begun else ""
        return (f"Planned{when}: the 24-hour clock starts once it has taken place "
                "(mark it held on the Meeting stage)."), "none"
    start = thank_you_start(meeting, now.tzinfo)
    if start is None:
        return "Set the meeting date to start the 24-hour clock.", "none"
    if now < start:
        return f"The meeting is on {_when(meeting, start)}.", "none"
    deadline = start + THANK_YOU_WITHIN
    if now <= deadline:
        return f"Thank-you due in {_span(deadline - now)}.", "due"
    return f"Thank-you overdue by {_span(now - deadline)}.", "overdue"


def is_overdue(item: Capture, today: date) -> bool:
    due = iso_or_none(item.due)
    return item.kind == "action" and item.status == "open" and due is not None and due < today


def action_order(item: Capture) -> tuple[int, str, str]:
    """Open items first, then by due date (undated last), then by text."""
    return (item.status != "open", item.due or "9999", item.text.lower())


def apply_action_status(record: Record, name: str, value: Any, today: date) -> bool:
    """Marking an action item done records the day it was done (a record list's `apply`)."""
    if name == "status" and isinstance(record, Capture):
        record.status = value
        record.done_on = today.isoformat() if value == "done" else ""
        return True
    return False
