"""Quick capture: one typed line becomes one meeting record.

    s: …   a strength the manager named        g: …   an area to grow
    o: …   an opportunity                      q: …   a question and its answer
    a: … [@owner] [date]   an action item      anything else: a note

The date forms are those of `dates.parse_date`. A date that is not understood
is left in the text as typed and reported: nothing typed is ever dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import WEEKDAYS, parse_date

PREFIXES = {"s": "strength", "g": "grow", "o": "opportunity", "q": "question", "a": "action"}
_PREFIX = re.compile(r"^\s*([sgoqaSGOQA])\s*:\s*(.*)$", re.S)
_OWNER = re.compile(r"(?<!\S)@([\w.\-']+)")
_DATE_LIKE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,4}-\d{1,2}-\d{1,4}|\+\d+\w*)$")
_DATE_WORDS = {"today", "tomorrow", *WEEKDAYS, "monday", "tuesday", "wednesday", "thursday",
               "friday", "saturday", "sunday"}


@dataclass(frozen=True)
class Captured:
    kind: str
    text: str
    raw: str
    owner: str = ""
    due: str = ""
    problem: str = ""


def parse_capture(line: str, today: date) -> Captured | None:
    """Read one line; None for a blank line (there is nothing to keep)."""
    raw = line.strip()
    if not raw:
        return None
    match = _PREFIX.match(raw)
    if not match:
        return Captured("note", raw, raw)
    kind = PREFIXES[match.group(1).lower()]
    body = match.group(2).strip()
    if kind != "action":
        return Captured(kind, body or raw, raw)
    return _action(body, raw, today)


def _action(body: str, raw: str, today: date) -> Captured:
    owner = "me"
    owners = _OWNER.findall(body)
    if owners:
        owner = owners[-1]
        owner = {"me": "me", "manager": "manager", "mgr": "manager"}.get(owner.lower(), owner)
        body = _OWNER.sub("", body)
    words = body.split()
    due, problem = "", ""
    if words:
        last = words[-1].rstrip(".,;")
        if _DATE_LIKE.match(last) or last.lower() in _DATE_WORDS:
            parsed = parse_date(last, today)
            if parsed.value is not None:
                due = parsed.iso
                words = words[:-1]
                if words and words[-1].lower() in {"by", "on", "due"}:
                    words = words[:-1]
            else:
                problem = f"{parsed.problem}; the line was kept as typed"
    text = " ".join(words) or raw
    return Captured("action", text, raw, owner=owner, due=due, problem=problem)


def owner_label(owner: str, manager_name: str = "") -> str:
    """"me" and "manager" as a reader of the thank-you email would say them."""
    if owner in {"", "me"}:
        return "me"
    if owner == "manager":
        return manager_name or "my manager"
    return owner
