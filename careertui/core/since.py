"""What happened since the last conversation, for the agenda of the next one (no Textual).

Only records marked shareable are read: this is drafted for the manager. "Since"
means dated after the last conversation's day, up to and including today.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .dates import iso_or_none
from .meetings import latest_held_of, pick_current, planned_meeting
from .model import Achievement, Capture, CheckIn, Goal, Meeting, Request
from .overview import Waiting, open_actions, waiting_requests
from .store import Workbook

ANSWERED = ("delivered", "declined")


@dataclass(frozen=True)
class GoalMove:
    goal: Goal
    statuses: list[tuple[str, str]]
    """(status, date) reached since, oldest first."""
    notes: list[tuple[str, str]]
    """(date, note) from shareable check-ins since, oldest first."""


@dataclass(frozen=True)
class SinceLast:
    last: date | None
    """The last conversation's day: nothing on or before it counts as "since"."""
    today: date | None = None
    achievements: list[Achievement] = field(default_factory=list)
    goals: list[GoalMove] = field(default_factory=list)
    answered: list[tuple[Request, str, str]] = field(default_factory=list)
    """(request, "delivered" or "declined", date)."""
    done: list[Capture] = field(default_factory=list)
    still_open: list[Capture] = field(default_factory=list)
    """Action items not done, overdue first."""
    waiting: list[Waiting] = field(default_factory=list)
    follow_ups: list[Capture] = field(default_factory=list)
    """The last conversation's opportunities that did not become a goal or a request."""


def _within(day: str, after: date, today: date) -> bool:
    found = iso_or_none(day[:10]) if day else None
    return found is not None and after < found <= today


def since_last(
    last: Meeting | None, today: date, *, achievements: Sequence[Achievement] = (),
    goals: Sequence[Goal] = (), requests: Sequence[Request] = (),
    captures: Sequence[Capture] = (), checkins: Sequence[CheckIn] = (),
) -> SinceLast:
    """Gather what to tell and ask at the next conversation, from shareable records only."""
    captures = [c for c in captures if c.shareable]
    requests = [r for r in requests if r.shareable and r.ask.strip()]
    still_open = open_actions([c for c in captures if c.text.strip()], today)
    waiting = waiting_requests(requests, today)
    after = iso_or_none(last.date) if last is not None else None
    if last is None or after is None:
        return SinceLast(None, today, still_open=still_open, waiting=waiting)

    logged = sorted((a for a in achievements if a.shareable and a.what.strip()
                     and _within(a.date, after, today)), key=lambda a: a.date)
    shared_checkins = sorted((c for c in checkins if c.shareable
                              and _within(c.date, after, today)), key=lambda c: c.date)
    moves = []
    for goal in goals:
        if not (goal.shareable and goal.title.strip()):
            continue
        statuses = [(h.get("status", ""), h.get("date", "")) for h in goal.history
                    if _within(h.get("date", ""), after, today)]
        notes = [(c.date, c.progress[goal.id].strip()) for c in shared_checkins
                 if c.progress.get(goal.id, "").strip()]
        if statuses or notes:
            moves.append(GoalMove(goal, statuses, notes))
    answered = []
    for request in requests:
        for entry in reversed(request.ledger):
            if entry.get("status") in ANSWERED and _within(entry.get("date", ""), after, today):
                answered.append((request, entry["status"], entry["date"]))
                break
    done = sorted((c for c in captures if c.kind == "action" and c.status == "done"
                   and c.text.strip() and _within(c.done_on, after, today)),
                  key=lambda c: c.done_on)
    follow_ups = [c for c in captures if c.meeting_id == last.id and c.kind == "opportunity"
                  and not c.linked_id and c.text.strip()]
    return SinceLast(after, today, logged, moves, answered, done, still_open, waiting,
                     follow_ups)


def previous_conversation(workbook: Workbook, meeting: Meeting | None) -> Meeting | None:
    """The last conversation held before `meeting` (the one being prepared)."""
    others = [m for m in workbook.all(Meeting) if meeting is None or m.id != meeting.id]
    if meeting is not None and meeting.date:
        others = [m for m in others if not m.date or m.date <= meeting.date]
    return latest_held_of(others)


def since_in(workbook: Workbook, meeting: Meeting | None, today: date) -> SinceLast | None:
    """What happened since the conversation before `meeting`, for a planned one that
    follows an earlier conversation; None otherwise (a first conversation's agenda)."""
    if meeting is None or not meeting.planned:
        return None
    last = previous_conversation(workbook, meeting)
    if last is None:
        return None
    return since_last(last, today, achievements=workbook.all(Achievement),
                      goals=workbook.all(Goal), requests=workbook.all(Request),
                      captures=workbook.all(Capture), checkins=workbook.all(CheckIn))


def start_next(workbook: Workbook) -> tuple[Meeting, bool]:
    """The planned conversation to prepare next: the newest one already planned, else a
    new one (written). True when it is new. Held conversations are never touched."""
    planned = pick_current([m for m in workbook.all(Meeting) if m.planned])
    if planned is not None:
        return planned, False
    meeting = planned_meeting(workbook)
    workbook.add(meeting)
    return meeting, True

