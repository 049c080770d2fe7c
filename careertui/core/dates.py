"""Dates as people type them: `2026-12-05`, `today`, `tomorrow`, `fri`, `next fri`,
`+3d`, `+2w`, `in 3 days`, `in 2 weeks`, `end of month`.

One parser for the whole app (date fields and quick capture alike). Bad input
never raises and never loses the text: `parse_date` returns a `ParsedDate`
that keeps what was typed and says what was not understood, so the caller can
show it and keep the raw text.

Weekdays: `fri` is the next Friday to come, never today. `next fri` is the
Friday of the following week: weeks run Monday to Sunday, and "next" means
the week after the one today is in. So on Wednesday 25 Nov 2026, `fri` is
Fri 27 Nov and `next fri` is Fri 4 Dec; `next mon` is Mon 30 Nov.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FORMS = (
    "2026-12-05, today, tomorrow, fri, next fri, +3d, +2w, in 3 days, in 2 weeks or end of month"
)
"""The forms `parse_date` understands, as told to a person."""
_RELATIVE = re.compile(r"^\+(\d{1,4})\s*([dwm])$")
_IN = re.compile(r"^in (\d{1,4}) (day|days|week|weeks)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_SHAPED = re.compile(
    r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # year first: 2026-13-45, 2026/12/05
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"  # year last: 31/12/2026, 31.12.2026
    r"|\d{1,2}[-/]\d{1,2}[-/]\d{2}"  # short year: 31/12/26
    r"|\d{1,2}/\d{1,2}"  # day and month: 31/12, 12/31
    r"|\+\d{1,4}\s*[a-z]+)$"  # a relative date with an unknown unit: +3x
)


@dataclass(frozen=True)
class ParsedDate:
    text: str
    """What was typed, kept whatever happens."""
    value: date | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None or not self.text.strip()

    @property
    def iso(self) -> str:
        """The date as stored (ISO), or the typed text when it was not understood."""
        return self.value.isoformat() if self.value else self.text.strip()


def parse_date(text: str, today: date) -> ParsedDate:
    """Understand a typed date relative to `today`; blank means no date."""
    raw = text
    word = " ".join(text.lower().split())
    if not word:
        return ParsedDate(raw, None)
    try:
        value = _understand(word, today)
    except OverflowError:  # `+9999w` from a date near the end of the calendar
        return ParsedDate(raw, None, f"{text.strip()!r} is further away than a calendar goes")
    except ValueError as error:
        return ParsedDate(raw, None, f"{text.strip()!r} is not a real date ({error})")
    if value is not None:
        return ParsedDate(raw, value)
    return ParsedDate(
        raw, None, f"{text.strip()!r} is not a date careertui understands; use {FORMS}")


def _understand(word: str, today: date) -> date | None:
    """The date `word` (lower case, single spaces) stands for, or None if it is no date form."""
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "end of month":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    weekday = _weekday(word)
    if weekday is not None:
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if word.startswith("next "):
        weekday = _weekday(word[5:])
        if weekday is None:
            return None
        next_monday = today + timedelta(days=7 - today.weekday())
        return next_monday + timedelta(days=weekday)
    relative = _RELATIVE.match(word)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)
        return today + timedelta(days={"d": 1, "w": 7, "m": 30}[unit] * count)
    within = _IN.match(word)
    if within:
        count, unit = int(within.group(1)), within.group(2)
        return today + timedelta(days=count * (7 if unit.startswith("week") else 1))
    iso = _ISO.match(word)
    if iso:
        return date(*(int(part) for part in iso.groups()))
    return None


def _weekday(word: str) -> int | None:
    """0 for `mon`/`monday` … 6 for `sun`/`sunday`; None for anything else."""
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    if word in _FULL_WEEKDAYS:
        return _FULL_WEEKDAYS.index(word)
    return None


def looks_like_date(text: str) -> bool:
    """Whether `text` is plainly an attempt at a date (`31/12/2026`, `2026-13-45`, `+3x`)
    even when `parse_date` does not understand it: quick capture reports these instead
    of quietly keeping them as words."""
    return bool(_DATE_SHAPED.match(" ".join(text.lower().split())))


def iso_or_none(text: str) -> date | None:
    """A stored ISO date, or None when the field holds something else (kept raw text)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def friendly(value: date | str) -> str:
    """"Mon 1 Dec 2026", or the text unchanged if it is not an ISO date."""
    day = value if isinstance(value, date) else iso_or_none(value)
    if day is None:
        return str(value)
    return f"{day:%a} {day.day} {day:%b %Y}"


def month_year(value: str) -> str:
    """"Sep 2026" for an ISO date; other text unchanged."""
    day = iso_or_none(value)
    return f"{day:%b %Y}" if day else value


def month_day(value: str) -> str:
    """"9 Sep" for an ISO date; other text unchanged."""
    day = iso_or_none(value)
    return f"{day.day} {day:%b}" if day else value


_SLOT_DATE = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2})\b")
_SLOT_TIME = re.compile(r"\b(\d{1,2}:\d{2})\b")


def slot_date_time(slots: list[str]) -> tuple[str, str]:
    """The date and time of the first proposed slot that names an ISO date."""
    for slot in slots:
        found = _SLOT_DATE.search(slot)
        day = iso_or_none(found.group(1)) if found else None
        if day is not None:
            time = _SLOT_TIME.search(slot)
            return day.isoformat(), time.group(1) if time else ""
    return "", ""
