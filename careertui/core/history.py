"""Every conversation looked back on: what was agreed, what became of it, and whether
the thank-you went out in time (no Textual here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .actions import THANK_YOU_WITHIN, action_order, thank_you_start
from .dates import iso_or_none
from .model import CAPTURE_KINDS, Capture, Goal, Invite, Meeting, Request


def action_outcome(item: Capture, today: date) -> str:
    """What became of an action item: done on time, done late by N days, dropped, or
    still open (and how late)."""
    if item.status == "dropped":
        return "dropped"
    due = iso_or_none(item.due)
    if item.status == "done":
        done = iso_or_none(item.done_on)
        if due is None or done is None:
            return "done"
        late = (done - due).days
        return "done on time" if late <= 0 else f"done late by {_days(late)}"
    if due is not None and due < today:
        return f"still open, {_days((today - due).days)} overdue"
    return "still open"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def thank_you_in_time(meeting: Meeting) -> bool | None:
    """Whether the thank-you went out within 24 hours of the conversation; None while it
    is not sent (or the conversation has no time to count from)."""
    took = sent_within(meeting)
    return None if took is None else took <= THANK_YOU_WITHIN


def thank_you_summary(meeting: Meeting) -> str:
    if meeting.planned:
        return "not held yet"
    in_time = thank_you_in_time(meeting)
    if in_time is None:
        return "sent" if meeting.thank_you_sent_at else "not sent"
    return "within 24 h" if in_time else "after 24 h"


@dataclass(frozen=True)
class ConversationSummary:
    """One line of the history."""

    meeting: Meeting
    agreed: int
    done: int
    dropped: int
    open: int
    thank_you: str


def conversation_list(meetings: Sequence[Meeting], captures: Sequence[Capture]
                      ) -> list[ConversationSummary]:
    """Every conversation, newest first, with how its action items went."""
    rows = []
    for meeting in sorted(meetings, key=lambda m: (m.date or "9999-12-31", m.time, m.created),
                          reverse=True):
        actions = [c for c in captures if c.meeting_id == meeting.id and c.kind == "action"]
        done = sum(c.status == "done" for c in actions)
        dropped = sum(c.status == "dropped" for c in actions)
        rows.append(ConversationSummary(meeting, len(actions), done, dropped,
                                        len(actions) - done - dropped,
                                        thank_you_summary(meeting)))
    return rows


@dataclass(frozen=True)
class Conversation:
    """One conversation whole: what was sent before, heard during and agreed after."""

    meeting: Meeting
    invite: Invite | None
    heard: list[tuple[str, list[Capture]]]
    """(kind label, captures) for strengths, areas to grow, opportunities, questions, notes."""
    actions: list[tuple[Capture, str]]
    """Each action item with its outcome (`action_outcome`)."""
    goals: list[Goal] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)


def conversation(meeting: Meeting, invites: Sequence[Invite], captures: Sequence[Capture],
                 goals: Sequence[Goal], requests: Sequence[Request], today: date
                 ) -> Conversation:
    """Gather one conversation: its invite, its captures by kind, its action items and
    the goals and requests that grew out of it (from one of its lines, or a request for
    such a goal)."""
    mine = [c for c in captures if c.meeting_id == meeting.id]
    heard = []
    for kind, label in CAPTURE_KINDS.items():
        if kind == "action":
            continue
        lines = sorted((c for c in mine if c.kind == kind), key=lambda c: (c.position, c.created))
        if lines:
            heard.append((label, lines))
    actions = sorted((c for c in mine if c.kind == "action"), key=action_order)
    ids = {c.id for c in mine}
    grown = [g for g in goals if g.from_capture in ids]
    grown_ids = {g.id for g in grown}
    asked = [r for r in requests if r.from_capture in ids or r.goal_id in grown_ids]
    invite = next((i for i in invites if i.meeting_id == meeting.id), None)
    return Conversation(meeting, invite, heard,
                        [(c, action_outcome(c, today)) for c in actions], grown, asked)


def sent_within(meeting: Meeting) -> timedelta | None:
    """How long after the conversation the thank-you went out."""
    if not meeting.thank_you_sent_at:
        return None
    try:
        sent = datetime.fromisoformat(meeting.thank_you_sent_at)
    except ValueError:
        return None
    start = thank_you_start(meeting, sent.tzinfo)
    return sent - start if start is not None else None
