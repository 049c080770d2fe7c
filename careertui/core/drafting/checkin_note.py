"""The short note sent before a one-on-one: built from shareable records only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..actions import is_overdue
from ..capture import owner_label
from ..dates import friendly, iso_or_none
from ..model import Capture, CheckIn, Goal, Meeting, Profile, Request
from ..overview import last_check_in, open_actions, waiting_requests


def prepare_note(
    profile: Profile,
    goals: Sequence[Goal],
    requests: Sequence[Request],
    captures: Sequence[Capture],
    checkins: Sequence[CheckIn],
    today: date,
    meetings: Sequence[Meeting] = (),
) -> str:
    """Markdown for the manager: progress, new requests and blockers, open items,
    waiting requests, topics.

    Only shareable records are read: goals, action items and requests marked
    shareable, and the progress notes, new requests, blockers and topics of the
    latest check-in the person marked shareable. Private records never reach the
    note (only the date of an earlier check-in or meeting, for "since").
    """
    lines = [f"## One-on-one, {friendly(today)}", ""]
    last = last_check_in([c for c in checkins if c.shareable])
    shared_goals = [g for g in goals if g.shareable and g.active and g.title.strip()]
    progress = []
    for goal in shared_goals:
        note = last.progress.get(goal.id, "").strip() if last else ""
        status = f" ({goal.status})" if goal.status else ""
        progress.append(f"- **{goal.title.strip()}**{status}" + (f": {note}" if note else ""))
    previous = previous_talk(last, checkins, meetings) if last else None
    since = f" since {friendly(previous)}" if previous else ""
    lines += [f"**Progress{since}**", ""] + (progress or ["- Nothing to report yet"])
    blockers = _lines(last.new_items) if last else []
    if blockers:
        lines += ["", "**New requests and blockers**", ""] + [f"- {b}" for b in blockers]
    actions = [c for c in open_actions(captures, today) if c.shareable]
    if actions:
        lines += ["", "**Open action items**", ""]
        for item in actions:
            who = owner_label(item.owner, profile.manager_name.strip())
            due = f", due {friendly(item.due)}" if item.due else ""
            late = " (overdue)" if is_overdue(item, today) else ""
            lines.append(f"- {item.text.strip()} ({who}{due}){late}")
    waiting = [w for w in waiting_requests(requests, today) if w.request.shareable]
    if waiting:
        lines += ["", "**Waiting on you**", ""]
        for entry in waiting:
            plural = "s" if entry.days != 1 else ""
            lines.append(f"- {entry.request.ask.strip()} (asked {entry.days} day{plural} ago)")
    topics = _lines(last.raise_next) if last else []
    if topics:
        lines += ["", "**What I would like to raise**", ""] + [f"- {t}" for t in topics]
    return "\n".join(lines) + "\n"


def previous_talk(
    checkin: CheckIn, checkins: Sequence[CheckIn], meetings: Sequence[Meeting]
) -> date | None:
    """The day of the one-on-one before `checkin` (the progress it notes is what moved
    since then), else of the last career conversation before it; None if neither."""
    day = iso_or_none(checkin.date)
    if day is None:
        return None
    for dated in (sorted(d for c in checkins if (d := iso_or_none(c.date)) and d < day),
                  sorted(d for m in meetings if (d := iso_or_none(m.date)) and d < day)):
        if dated:
            return dated[-1]
    return None


def _lines(text: str) -> list[str]:
    """One item per line, without the bullets a person may have typed."""
    return [" ".join(line.strip().lstrip("-*• ").split()) for line in text.splitlines()
            if line.strip().lstrip("-*• ").strip()]
