"""The journey at a glance: month by month counts for the Journey view (no Textual here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import iso_or_none
from .model import Achievement, CheckIn, Goal, Meeting, Request
from .overview import Waiting, waiting_requests

UNDER_WAY = frozenset({"agreed", "in progress"})
MAX_MONTHS = 72
"""Six years: more would squeeze a month below one column at 80 columns."""


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class JourneyData:
    months: list[date]
    """The first day of each month shown, oldest first, up to this month."""
    conversations: list[int]
    checkins: list[int]
    achievements: list[int]
    ideas: list[int]
    """Goals still an idea or discussed at each month's end."""
    under_way: list[int]
    """Goals agreed or in progress at each month's end."""
    done: list[int]
    """Goals done by each month's end, in all."""
    waiting: list[Waiting]

    @property
    def years(self) -> list[tuple[int, int]]:
        """(index of its first month shown, year) for each year on the axis."""
        found = [(index, month.year) for index, month in enumerate(self.months)
                 if month.month == 1]
        if self.months and (not found or found[0][0] >= 6):  # room before the first January
            found.insert(0, (0, self.months[0].year))
        return found


def _per_month(days: Sequence[str], months: list[date]) -> list[int]:
    index = {month: n for n, month in enumerate(months)}
    counts = [0] * len(months)
    for text in days:
        day = iso_or_none(text[:10]) if text else None
        if day is not None and month_of(day) in index:
            counts[index[month_of(day)]] += 1
    return counts


def journey_data(meetings: Sequence[Meeting], checkins: Sequence[CheckIn],
                 achievements: Sequence[Achievement], goals: Sequence[Goal],
                 requests: Sequence[Request], today: date,
                 max_months: int = MAX_MONTHS) -> JourneyData:
    """Count, for each month from the first dated record to today's, what happened."""
    dated = [m.date for m in meetings if not m.planned] + [c.date for c in checkins]
    dated += [a.date for a in achievements]
    dated += [h.get("date", "") for g in goals for h in g.history]
    days = [d for d in (iso_or_none(t[:10]) for t in dated if t) if d is not None and d <= today]
    first = month_of(min(days)) if days else month_of(today)
    months = [first]
    while months[-1] < month_of(today):
        months.append(next_month(months[-1]))
    months = months[-max_months:]

    ends = [(next_month(m) - timedelta(days=1)).isoformat() for m in months]
    ideas, under_way, done = [0] * len(months), [0] * len(months), [0] * len(months)
    for goal in goals:  # walk each goal's history once alongside the months
        steps = sorted((h["date"], h.get("status", "")) for h in goal.history if h.get("date"))
        step, status = 0, ""
        for index, end in enumerate(ends):
            while step < len(steps) and steps[step][0] <= end:
                status = steps[step][1]
                step += 1
            if status in ("idea", "discussed"):
                ideas[index] += 1
            elif status in UNDER_WAY:
                under_way[index] += 1
            elif status == "done":
                done[index] += 1
    return JourneyData(
        months=months,
        conversations=_per_month([m.date for m in meetings if not m.planned], months),
        checkins=_per_month([c.date for c in checkins], months),
        achievements=_per_month([a.date for a in achievements], months),
        ideas=ideas, under_way=under_way, done=done,
        waiting=waiting_requests(list(requests), today),
    )
