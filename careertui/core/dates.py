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


# ------------------------------------------------------------------------- times

TIME_FORMS = "10:00, 9:30, 14:30 or 2:30pm"
"""The forms `parse_time` understands, as told to a person."""
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")


@dataclass(frozen=True)
class ParsedTime:
    """A time of day as typed: like `ParsedDate`, the text is kept whatever happens."""

    text: str
    value: str = ""
    """"HH:MM" (24-hour) when understood."""
    problem: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.value) or not self.text.strip()

    @property
    def stored(self) -> str:
        """The time as stored ("09:30"), or the typed text when it was not understood."""
        return self.value or self.text.strip()


def parse_time(text: str) -> ParsedTime:
    """Understand a typed time of day (`10:00`, `9:30`, `14h30`, `2pm`, `2:30 pm`);
    blank means no time. A bare number needs am/pm or a colon: `10` could be a date."""
    word = " ".join(text.lower().split())
    if not word:
        return ParsedTime(text)
    found = _TIME.match(word)
    if found is not None and (found.group(2) is not None or found.group(3) is not None):
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        half = (found.group(3) or "")[:1]
        if half and not 1 <= hour <= 12:
            hour = 99
        elif half == "p" and hour != 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return ParsedTime(text, f"{hour:02d}:{minute:02d}")
        return ParsedTime(text, "", f"{text.strip()!r} is not a time of day; use {TIME_FORMS}")
    return ParsedTime(text, "", f"{text.strip()!r} is not a time careertui understands; "
                                f"use {TIME_FORMS}")


_SLOT_CLOCK = re.compile(
    r"(?:^|[\s,;@]|\bat\b)(\d{1,2}(?:[:.]\d{2})\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))(?=$|[\s,;)])",
    re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_MONTH = re.compile(
    r"^(?:(?P<wd>[a-z]{3})[a-z]*\.?,?\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]{3})[a-z]*"
    r"|(?P<m2>[a-z]{3})[a-z]*\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\.?,?(?:\s+(?P<y>\d{4}))?$")


def read_slot(text: str, around: date) -> tuple[str, str]:
    """(ISO date, "HH:MM") read from a proposed time written as free text before slots had
    their own date and time fields: `Tue 1 Dec, 10:00`, `2026-12-01 10:30`, `fri 2pm`,
    `1 December 2026 at 9:30`. Either part is "" when it cannot be read. Words such as `fri`
    and a date without a year are read relative to `around` (when the invite was written)."""
    clock = _SLOT_CLOCK.search(text)
    time_text = parse_time(clock.group(1)).value if clock else ""
    rest = text[:clock.start(1)] + text[clock.end(1):] if clock else text
    rest = " ".join(rest.replace(" at ", " ").split()).strip(" ,;@-").lower()
    if rest.endswith(" at"):
        rest = rest[:-3].rstrip(" ,")
    iso = _SLOT_DATE.search(rest)
    day = iso_or_none(iso.group(1)) if iso else None
    if day is None and rest:
        day = parse_date(rest, around).value
    if day is None and rest:
        day = _day_month(rest, around)
    return (day.isoformat() if day else "", time_text)


def _day_month(text: str, around: date) -> date | None:
    """`Tue 1 Dec`, `1 December 2026`, `Dec 1`: the year is the one given, else the one
    that fits the weekday (if given) nearest to `around`."""
    found = _DAY_MONTH.match(text)
    if found is None:
        return None
    month_word = found.group("m1") or found.group("m2")
    if month_word not in _MONTHS:
        return None
    month, day = _MONTHS.index(month_word) + 1, int(found.group("d1") or found.group("d2"))
    weekday = _weekday(found.group("wd") or "") if found.group("wd") else None
    if found.group("wd") and weekday is None:
        return None
    years = [int(found.group("y"))] if found.group("y") else [around.year + n for n in (0, 1, -1)]
    fits = []
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if weekday is None or candidate.weekday() == weekday:
            fits.append(candidate)
    return min(fits, key=lambda d: abs((d - around).days)) if fits else None


def slot_words(day: str, time: str) -> str:
    """A proposed time in friendly words: "Tue 1 Dec 2026 at 10:00"; text not understood
    is shown as typed."""
    day, time = day.strip(), time.strip()
    when = friendly(day) if day else ""
    if when and time:
        return f"{when} at {time}"
    return when or time
