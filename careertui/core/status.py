"""What is due, in one line: `careertui status` for a shell prompt or a cron job, and
the app's banner (no Textual here).

The line may show on a shared screen (a prompt during a call), so it holds counts,
days and hours only: never an action item's text, a request's ask or a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .actions import THANK_YOU_WITHIN, is_overdue, thank_you_start
from .meetings import latest_held_of
from .model import CHECK_IN_CADENCE, Capture, CheckIn, Meeting, Request
from .overview import open_actions, planned_check_in, waiting_requests
from .store import VALUES_TABLE, Workbook

SOON_DAYS = 2
"""A one-on-one this close (in days) is worth a banner in the app."""


@dataclass(frozen=True)
class ThankYouDue:
    """The 24-hour thank-you clock of the latest conversation, while it matters."""

    deadline: datetime
    hours_left: int
    """Whole hours until the deadline, rounded up (0 once it has passed)."""
    overdue_hours: int
    """Whole hours past the deadline (0 while it is running)."""

    @property
    def overdue(self) -> bool:
        return self.overdue_hours > 0


@dataclass(frozen=True)
class Status:
    """Everything `careertui status` and the banner say, as numbers and dates."""

    today: date
    next_one_on_one: date | None
    overdue_actions: int
    open_actions: int
    requests_waiting: tuple[int, ...]
    """Days each asked request has waited for an answer, longest first."""
    thank_you: ThankYouDue | None
    overdue_ids: tuple[str, ...] = ()
    """The overdue action items' record ids (never shown): which ones, so a banner
    dismissed for them comes back when another one falls due."""

    @property
    def one_on_one_days(self) -> int | None:
        return None if self.next_one_on_one is None else (self.next_one_on_one - self.today).days

    @property
    def one_on_one_overdue(self) -> bool:
        days = self.one_on_one_days
        return days is not None and days < 0

    @property
    def overdue(self) -> bool:
        """An action past its due date, a thank-you past its 24 hours, or a one-on-one
        past its date with no check-in noted: `careertui status` exits 1."""
        return bool(self.overdue_actions or self.one_on_one_overdue
                    or (self.thank_you is not None and self.thank_you.overdue))

    @property
    def worth_a_banner(self) -> bool:
        """Something overdue, a one-on-one within two days, or the thank-you clock running."""
        days = self.one_on_one_days
        return (self.overdue or self.thank_you is not None
                or (days is not None and days <= SOON_DAYS))

    def line(self, *, prefix: str = "career: ") -> str:
        """One short line, e.g. "career: 1:1 in 3 days · 2 actions overdue"."""
        parts = []
        days = self.one_on_one_days
        if days is not None:
            parts.append(_one_on_one(days))
        if self.overdue_actions:
            parts.append(_count(self.overdue_actions, "action") + " overdue")
        if self.requests_waiting:
            count = len(self.requests_waiting)
            parts.append(f"{_count(count, 'request')} waiting"
                         + (f" {_days(self.requests_waiting[0])}" if count == 1
                            else f" (longest {_days(self.requests_waiting[0])})"))
        if self.thank_you is not None:
            parts.append(_thank_you(self.thank_you))
        return prefix + (" · ".join(parts) if parts else "nothing due")

    def banner_line(self) -> str:
        """What the app's banner says: only the parts that called for it."""
        parts = []
        days = self.one_on_one_days
        if days is not None and days <= SOON_DAYS:
            parts.append(_one_on_one(days))
        if self.overdue_actions:
            parts.append(_count(self.overdue_actions, "action item") + " overdue")
        if self.thank_you is not None:
            parts.append(_thank_you(self.thank_you))
        return " · ".join(parts)

    def banner_key(self) -> dict[str, Any] | None:
        """What the banner is about, without the counting down (hours left, days to go):
        a banner dismissed stays dismissed until this changes. None: no banner."""
        if not self.worth_a_banner:
            return None
        days = self.one_on_one_days
        return {
            "one_on_one": (self.next_one_on_one.isoformat()
                           if self.next_one_on_one is not None and days is not None
                           and days <= SOON_DAYS else None),
            "one_on_one_overdue": self.one_on_one_overdue,
            "overdue_actions": sorted(self.overdue_ids),
            "thank_you": (self.thank_you.deadline.isoformat() if self.thank_you else None),
            "thank_you_overdue": bool(self.thank_you and self.thank_you.overdue),
        }

    def to_json(self) -> dict[str, Any]:
        """The same as fields. Requests are given as days waiting only: their asks are
        private by default and this output ends up in notifications and logs."""
        one_on_one = None
        if self.next_one_on_one is not None:
            one_on_one = {"date": self.next_one_on_one.isoformat(), "days": self.one_on_one_days}
        thank_you = None
        if self.thank_you is not None:
            thank_you = {"deadline": self.thank_you.deadline.isoformat(timespec="minutes"),
                         "hours_left": self.thank_you.hours_left,
                         "overdue": self.thank_you.overdue}
        return {
            "next_one_on_one": one_on_one,
            "overdue_actions": self.overdue_actions,
            "open_actions": self.open_actions,
            "requests_waiting": [{"days": days} for days in self.requests_waiting],
            "thank_you_due": thank_you,
            "overdue": self.overdue,
        }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _days(number: int) -> str:
    return _count(number, "day")


def _one_on_one(days: int) -> str:
    if days == 0:
        return "1:1 today"
    if days == 1:
        return "1:1 tomorrow"
    if days > 0:
        return f"1:1 in {_days(days)}"
    return f"1:1 overdue by {_days(-days)}"


def _thank_you(due: ThankYouDue) -> str:
    if due.overdue:
        hours = due.overdue_hours
        return (f"thank-you overdue by {hours} h" if hours < 48
                else f"thank-you overdue by {_days(hours // 24)}")
    return f"thank-you due in {due.hours_left} h"


def _ceil_hours(seconds: float) -> int:
    return max(0, -int(-seconds // 3600))


def thank_you_due(latest: Meeting | None, now: datetime) -> ThankYouDue | None:
    """The thank-you of the latest held conversation, while it is not sent: running for
    24 hours, then overdue until it is marked sent, as the Follow-up stage says it."""
    if latest is None or latest.planned or latest.thank_you_sent_at:
        return None
    start = thank_you_start(latest, now.tzinfo)
    if start is None or now < start:
        return None
    deadline = start + THANK_YOU_WITHIN
    left = (deadline - now).total_seconds()
    if left >= 0:
        return ThankYouDue(deadline, _ceil_hours(left), 0)
    return ThankYouDue(deadline, 0, max(1, int(-left // 3600)))


def compute_status(captures: Sequence[Capture], requests: Sequence[Request],
                   checkins: Sequence[CheckIn], meetings: Sequence[Meeting], cadence: str,
                   now: datetime) -> Status:
    """The status from records, at `now` (the caller's clock: tests inject one)."""
    today = now.date()
    latest = latest_held_of(meetings)
    upcoming = planned_check_in(checkins, cadence, today, latest)
    actions = open_actions(captures, today)
    overdue = tuple(item.id for item in actions if is_overdue(item, today))
    return Status(
        today=today,
        next_one_on_one=upcoming,
        overdue_actions=len(overdue),
        open_actions=len(actions),
        requests_waiting=tuple(w.days for w in waiting_requests(requests, today)),
        thank_you=thank_you_due(latest, now),
        overdue_ids=overdue,
    )


RELEVANT_TABLES = frozenset({Capture.TABLE, Request.TABLE, CheckIn.TABLE, Meeting.TABLE,
                             VALUES_TABLE})
"""The tables the status is computed from: a change elsewhere cannot change it."""


def workbook_status(book: Workbook, now: datetime | None = None) -> Status:
    """The status of a workbook, at `now` (the workbook's clock unless given)."""
    return compute_status(book.all(Capture), book.all(Request), book.all(CheckIn),
                          book.all(Meeting), book.value(CHECK_IN_CADENCE, "2w"),
                          now or book.clock())
