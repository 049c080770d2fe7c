"""Quick capture: one typed line becomes one meeting record.

    s: …   a strength the manager named        g: …   an area to grow
    o: …   an opportunity                      q: …   a question asked, its answer after it
    a: … [@owner] [date]   an action item      anything else: a note

An action's due date is the end of its line, read by `dates.parse_date` (the
parser the date fields use), phrases of several words (`next tue`, `in 3 days`,
`end of month`) taken whole. Something that is plainly meant as a date but is
not understood (`31/12/2026`, `2026-13-45`) is left in the text as typed and
reported: nothing typed is ever dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import looks_like_date, parse_date

PREFIXES = {"s": "strength", "g": "grow", "o": "opportunity", "q": "question", "a": "action"}
_PREFIX = re.compile(r"^\s*([sgoqaSGOQA])\s*:\s*(.*)$", re.S)
_OWNER = re.compile(r"(?<!\S)@([\w.\-']+)")
_LONGEST_DATE = 3
"""Words in the longest date phrase (`in 3 days`, `end of month`)."""
_DATE_LINKS = {"by", "on", "due"}


@dataclass(frozen=True)
class Captured:
    kind: str
    text: str
    raw: str
    owner: str = ""
    due: str = ""
    problem: str = ""
    """Said to the person when a due date was meant but not understood (empty otherwise)."""


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
    for count in range(min(_LONGEST_DATE, len(words)), 0, -1):
        parsed = parse_date(_trimmed(words[-count:]), today)
        if parsed.value is not None:
            due = parsed.iso
            words = words[:-count]
            if words and words[-1].lower() in _DATE_LINKS:
                words = words[:-1]
            break
    else:
        if words and looks_like_date(_trimmed(words[-1:])):
            problem = f"due date not understood: {_trimmed(words[-1:])}"
    text = " ".join(words) or raw
    return Captured("action", text, raw, owner=owner, due=due, problem=problem)


def _trimmed(words: list[str]) -> str:
    """The words as one phrase, without the punctuation that ends a sentence."""
    return " ".join(words).rstrip(".,;")


def owner_label(owner: str, manager_name: str = "") -> str:
    """"me" and "manager" as a reader of the thank-you email would say them."""
    if owner in {"", "me"}:
        return "me"
    if owner == "manager":
        return manager_name or "my manager"
    return owner
