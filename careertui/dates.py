"""Dates as people type them: `2026-12-05`, `today`, `tomorrow`, `fri`, `+3d`, `+2w`.

One parser for the whole app. Bad input never raises and never loses the
text: `parse_date` returns a `ParsedDate` that keeps what was typed and says
what was not understood, so the caller can show it and keep the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RELATIVE = re.compile(r"^\+(\d{1,4})\s*([dwm])$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


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
    word = text.strip().lower()
    if not word:
        return ParsedDate(raw, None)
    if word == "today":
        return ParsedDate(raw, today)
    if word == "tomorrow":
        return ParsedDate(raw, today + timedelta(days=1))
    if word[:3] in WEEKDAYS and (len(word) == 3 or _full_weekday(word)):
        ahead = (WEEKDAYS.index(word[:3]) - today.weekday()) % 7 or 7
        return ParsedDate(raw, today + timedelta(days=ahead))
    relative = _RELATIVE.match(word)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)
        days = {"d": 1, "w": 7, "m": 30}[unit] * count
        return ParsedDate(raw, today + timedelta(days=days))
    iso = _ISO.match(word)
    if iso:
        try:
            return ParsedDate(raw, date(*(int(part) for part in iso.groups())))
        except ValueError as error:
            return ParsedDate(raw, None, f"{text.strip()!r} is not a real date ({error})")
    return ParsedDate(
        raw,
        None,
        f"{text.strip()!r} is not a date careertui understands; "
        "use 2026-12-05, today, tomorrow, fri, +3d or +2w",
    )


def _full_weekday(word: str) -> bool:
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return word in names


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


def days_between(start: date, end: date) -> int:
    return (end - start).days


def month_year(value: str) -> str:
    """"Sep 2026" for an ISO date; other text unchanged."""
    day = iso_or_none(value)
    return f"{day:%b %Y}" if day else value


def month_day(value: str) -> str:
    """"9 Sep" for an ISO date; other text unchanged."""
    day = iso_or_none(value)
    return f"{day.day} {day:%b}" if day else value
