"""Conversations: which one is being prepared, which was the latest, and each one's
invite and agenda (no Textual here)."""

from __future__ import annotations

from collections.abc import Sequence

from .dates import slot_date_time
from .model import Clock, Invite, Meeting, Slot, timestamp
from .store import Workbook

__all__ = [
    "current_meeting", "invite_for", "latest_held", "latest_held_of", "latest_meeting",
    "mark_held",
    "first_slot", "newest_first", "pick_current", "planned_meeting", "slot_date_time",
    "agenda_text", "set_agenda",
]


def _when(meeting: Meeting) -> tuple[str, str, str]:
    return meeting.date, meeting.time, meeting.created


def newest_first(meetings: Sequence[Meeting]) -> list[Meeting]:
    return sorted(meetings, key=_when, reverse=True)


def latest_meeting(workbook: Workbook) -> Meeting | None:
    meetings = workbook.all(Meeting)
    return max(meetings, key=_when) if meetings else None


def latest_held(workbook: Workbook) -> Meeting | None:
    """The latest conversation that took place: what check-ins count on from."""
    return latest_held_of(workbook.all(Meeting))


def latest_held_of(meetings: Sequence[Meeting]) -> Meeting | None:
    """The latest of these conversations that took place (by date, time, then creation)."""
    held = [m for m in meetings if not m.planned]
    return max(held, key=_when) if held else None


def pick_current(meetings: Sequence[Meeting]) -> Meeting | None:
    """The conversation being prepared: the newest planned one (an undated one counts as
    the newest, it was just started), else the latest one."""
    planned = [m for m in meetings if m.planned]
    if planned:
        return max(planned, key=lambda m: (m.date or "9999-12-31", m.time, m.created))
    return max(meetings, key=_when) if meetings else None


def current_meeting(workbook: Workbook) -> Meeting | None:
    """What the Agenda, Invite, Meeting and Follow-up stages work on (`pick_current`)."""
    return pick_current(workbook.all(Meeting))


def planned_meeting(workbook: Workbook, minutes: int | None = None) -> Meeting:
    """A new planned conversation (not written): dated later, from its invite or by hand."""
    return Meeting(status="planned", minutes=minutes or workbook.profile().meeting_minutes,
                   created=timestamp(workbook.clock))


def invite_for(workbook: Workbook, meeting: Meeting | None) -> Invite:
    """The invite of a conversation, else one written before it belonged to any (it is
    this conversation's from now on), else a fresh one for it (not written)."""
    invites = workbook.all(Invite)
    if meeting is not None:
        for invite in invites:
            if invite.meeting_id == meeting.id:
                return invite
    for invite in invites:
        if not invite.meeting_id:
            invite.meeting_id = meeting.id if meeting is not None else ""
            return invite
    return Invite(meeting_id=meeting.id if meeting is not None else "")


def mark_held(meeting: Meeting, clock: Clock) -> None:
    """It took place: the thank-you clock can start (see `actions.thank_you_start`).
    One never dated took place today, as it is marked: the history lists it there."""
    now = clock()
    meeting.status = "held"
    meeting.held_at = timestamp(clock)
    if not meeting.date:
        meeting.date = now.date().isoformat()
        meeting.time = meeting.time or f"{now:%H:%M}"


def agenda_text(workbook: Workbook) -> str:
    """The agenda of the conversation being prepared ("" before there is one)."""
    meeting = current_meeting(workbook)
    return meeting.agenda if meeting is not None else ""


def set_agenda(workbook: Workbook, text: str) -> Meeting:
    """Write the agenda of the conversation being prepared, starting a planned one if
    there is none yet (an import, a test)."""
    meeting = current_meeting(workbook) or planned_meeting(workbook)
    meeting.agenda = text
    workbook.add(meeting)
    return meeting


def first_slot(slots: Sequence[Slot]) -> tuple[str, str]:
    """The ISO date and "HH:MM" time of the first proposed slot with a readable date."""
    for slot in slots:
        day = slot.day
        if day is not None:
            return day.isoformat(), slot.clock
    return "", ""
