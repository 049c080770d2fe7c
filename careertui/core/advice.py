"""Hints that point at what is missing, computed from records (no Textual here).

They never block anything: a goal without a date is allowed, it is just
less likely to happen, and the hint says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .dates import friendly, iso_or_none
from .model import Goal, Request

VAGUE_PHRASES = (
    "get better at",
    "improve",
    "learn more",
    "work on",
    "be more",
    "become better",
    "grow my",
    "develop my",
)
_NUMBER = re.compile(r"\d")


def goal_hints(goal: Goal, requests: Sequence[Request], today: date) -> list[str]:
    """What would make this goal more likely to happen, most important first."""
    if not goal.active:
        return []
    hints: list[str] = []
    words = f"{goal.title} {goal.measure}".lower()
    vague = next((phrase for phrase in VAGUE_PHRASES if phrase in words), None)
    if vague and not _NUMBER.search(words):
        hints.append(
            f"“{vague}” says what, not how much: name something you could count or show."
        )
    if not goal.measure.strip():
        hints.append("How will you know it is done? Add a success measure.")
    target = iso_or_none(goal.target_date)
    if not goal.target_date.strip():
        hints.append("No target date yet.")
    elif target is None:
        hints.append(f"The target date “{goal.target_date}” is not a date careertui understands.")
    elif target < today:
        hints.append(
            f"The target date ({friendly(target)}) has passed: move it, or mark the goal done."
        )
    if not any(request.goal_id == goal.id for request in requests):
        hints.append("No request attached: what do you need from your manager for this?")
    return hints


def set_request_status(request: Request, status: str, today: date) -> bool:
    """Record a status change in the ledger with today's date; False if unchanged."""
    if status == request.status and request.ledger:
        return False
    request.ledger.append({"status": status, "date": today.isoformat()})
    return True


def days_waiting(request: Request, today: date) -> int | None:
    """Days since the request was last asked, while it is still waiting on an answer
    (never fewer than none: asked "tomorrow" is a date written in another time zone)."""
    if request.status != "asked":
        return None
    asked = iso_or_none(request.ledger[-1].get("date", ""))
    return max(0, (today - asked).days) if asked else None


def ledger_summary(request: Request, today: date) -> str:
    """"draft 20 Nov → asked 22 Nov · waiting 4 days"."""
    steps = []
    for entry in request.ledger:
        day = iso_or_none(entry.get("date", ""))
        steps.append(f"{entry.get('status', '?')} {day:%-d %b}" if day else entry.get("status", ""))
    text = " → ".join(steps) or "draft (not asked yet)"
    waiting = days_waiting(request, today)
    if waiting is not None:
        text += f" · waiting {waiting} day{'s' if waiting != 1 else ''}"
    return text
