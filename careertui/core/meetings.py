"""Meetings: which one is the latest, and when the invite proposed to hold it."""

from __future__ import annotations

import re

from .dates import iso_or_none
from .model import Meeting
from .store import Workbook

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


def latest_meeting(workbook: Workbook) -> Meeting | None:
    meetings = workbook.all(Meeting)
    return max(meetings, key=lambda m: (m.date, m.time, m.created)) if meetings else None
