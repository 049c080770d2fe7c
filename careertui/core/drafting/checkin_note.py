"""The short note sent before a one-on-one: built from shareable records only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..actions import is_overdue
from ..capture import owner_label
from ..dates import friendly
from ..model import Capture, CheckIn, Goal, Profile, Request
from ..overview import last_check_in, open_actions, waiting_requests


def prepare_note(
    profile: Profile,
    goals: Sequence[Goal],
    requests: Sequence[Request],
    captures: Sequence[Capture],
    checkins: Sequence[CheckIn],
    today: date,
) -> str:
    """Markdown for the manager: progress, open items, waiting requests, topics.

    Only shareable records are read: goals, action items and requests marked
    shareable, and the progress notes and topics of the latest check-in the
    person marked shareable. Private records never reach the note.
    """
    lines = [f"## One-on-one, {friendly(today)}", ""]
    last = last_check_in([c for c in checkins if c.shareable])
    shared_goals = [g for g in goals if g.shareable and g.active and g.title.strip()]
    progress = []
    for goal in shared_goals:
        note = last.progress.get(goal.id, "").strip() if last else ""
        status = f" ({goal.status})" if goal.status else ""
        progress.append(f"- **{goal.title.strip()}**{status}" + (f": {note}" if note else ""))
    since = f" since {friendly(last.date)}" if last and last.date else ""
    lines += [f"**Progress{since}**", ""] + (progress or ["- Nothing to report yet"])
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
    raise_next = last.raise_next if last else ""
    topics = [line.strip(" -") for line in raise_next.splitlines() if line.strip(" -")]
    if topics:
        lines += ["", "**What I would like to raise**", ""] + [f"- {t}" for t in topics]
    return "\n".join(lines) + "\n"
