"""The check-in overview: what moved, what is late, what is waiting (no Textual here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .actions import is_overdue
from .advice import days_waiting
from .dates import iso_or_none
from .model import Capture, CheckIn, Goal, Meeting, Request

CADENCE_DAYS = {"1w": 7, "2w": 14, "4w": 28}


def newest_first(checkins: Sequence[CheckIn]) -> list[CheckIn]:
    return sorted(checkins, key=lambda c: (c.date, c.created), reverse=True)


def last_check_in(checkins: Sequence[CheckIn]) -> CheckIn | None:
    dated = [c for c in checkins if iso_or_none(c.date)]
    return newest_first(dated)[0] if dated else None


def days_since_last(checkins: Sequence[CheckIn], today: date) -> int | None:
    last = last_check_in(checkins)
    day = iso_or_none(last.date) if last else None
    return (today - day).days if day else None


def next_check_in(
    checkins: Sequence[CheckIn], cadence: str, today: date, meeting: Meeting | None = None
) -> date:
    """The next one-on-one, from the latest conversation: the date set at it (a check-in's
    Next one-on-one, or Follow-up's Next 1:1 for the career conversation), else its date
    plus the cadence, else today. So Check-ins, Follow-up and the thank-you agree."""
    step = timedelta(days=CADENCE_DAYS.get(cadence, 14))
    last = last_check_in(checkins)
    talked = iso_or_none(meeting.date) if meeting is not None else None
    last_day = iso_or_none(last.date) if last is not None else None
    if meeting is not None and (last_day is None or (talked is not None and talked > last_day)):
        planned = iso_or_none(meeting.next_check_in)
        if planned is not None:
            return planned
        if talked is not None:
            return talked + step
    if last is not None:
        planned = iso_or_none(last.next_date)
        if planned is not None:
            return planned
        if last_day is not None:
            return last_day + step
    return today


def next_since_meeting(
    checkins: Sequence[CheckIn], cadence: str, today: date, meeting: Meeting
) -> date | None:
    """The next one-on-one (`next_check_in`) once a check-in has been noted after
    `meeting`, else None. The Next 1:1 planned at the conversation is then behind the
    person, and, read alone, was taken for the next one (two new-user trials)."""
    talked = iso_or_none(meeting.date)
    last = last_check_in(checkins)
    last_day = iso_or_none(last.date) if last is not None else None
    if talked is None or last_day is None or last_day <= talked:
        return None
    return next_check_in(checkins, cadence, today, meeting)


def planned_check_in(
    checkins: Sequence[CheckIn], cadence: str, today: date, meeting: Meeting | None = None
) -> date | None:
    """The next one-on-one (`next_check_in`), or None while there is nothing to count
    from: no conversation held on a date, no check-in noted. (Not "today": a new
    workbook has no one-on-one due.)"""
    talked = meeting is not None and iso_or_none(meeting.date) is not None
    if not talked and last_check_in(checkins) is None:
        return None
    return next_check_in(checkins, cadence, today, meeting)


def urgency(item: Capture, today: date) -> tuple[bool, str, str]:
    """Where an open action item goes in a list: overdue first, then by due date
    (undated last)."""
    return not is_overdue(item, today), item.due or "9999", item.text


def open_actions(captures: Sequence[Capture], today: date) -> list[Capture]:
    """Open action items, most urgent first (`urgency`)."""
    items = [c for c in captures if c.kind == "action" and c.status == "open"]
    return sorted(items, key=lambda c: urgency(c, today))


@dataclass(frozen=True)
class Waiting:
    request: Request
    days: int


def waiting_requests(requests: Sequence[Request], today: date) -> list[Waiting]:
    """Requests asked and not yet answered, longest wait first."""
    found = []
    for request in requests:
        days = days_waiting(request, today)
        if days is not None:
            found.append(Waiting(request, days))
    return sorted(found, key=lambda w: -w.days)


def owed_by_manager(item: Capture, manager_name: str) -> bool:
    """An action item the manager owns: "manager" (from "@manager" or "@mgr") or their name."""
    owner = " ".join(item.owner.split()).casefold()
    name = " ".join(manager_name.split()).casefold()
    return owner == "manager" or (bool(name) and owner in {name, name.split()[0]})


def manager_actions(captures: Sequence[Capture], manager_name: str, today: date) -> list[Capture]:
    """Open action items the manager owns, most urgent first: with the requests not yet
    answered, what the person is waiting on their manager for."""
    return [c for c in open_actions(captures, today) if owed_by_manager(c, manager_name)]


def last_progress(goal: Goal, checkins: Sequence[CheckIn]) -> tuple[str, str] | None:
    """(date, note) of the latest check-in that said something about this goal."""
    for checkin in newest_first(checkins):
        note = checkin.progress.get(goal.id, "").strip()
        if note:
            return checkin.date, note
    return None


def progress_history(goal: Goal, checkins: Sequence[CheckIn]) -> list[tuple[str, str]]:
    """Every progress note on a goal, oldest first: how it moved over time."""
    notes = [(c.date, c.progress.get(goal.id, "").strip()) for c in checkins]
    return sorted((d, n) for d, n in notes if n)


def active_goals(goals: Sequence[Goal]) -> list[Goal]:
    return sorted((g for g in goals if g.active and g.title.strip()),
                  key=lambda g: (g.position, g.created))
