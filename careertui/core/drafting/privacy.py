"""Does a draft mention something private?

A draft (the agenda, an email) is text the person keeps: written from shareable
records, then perhaps edited. When a record is marked private *after* a draft
quoted it, the draft still holds its words. These functions find them, so a
draft can say so, and a shareable export can leave such a draft out instead of
sharing what the person has since made private.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import (
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Record,
    Reflection,
    Request,
)

MIN_LENGTH = 12
"""Shorter phrases ("SQL", "Team lead") are too common to call a mention."""

NOT_TEXT = {"id", "created", "updated", "raw", "key", "kind", "status", "source", "owner",
            "horizon", "thank_you", "date", "due", "done_on", "target_date", "needed_by",
            "next_date", "next_check_in", "time",
            # drafts kept on a record, written for the manager: not notes of the person's
            "agenda", "subject", "body", "drafted_body", "thank_you_subject",
            "thank_you_body", "thank_you_drafted", "open_items", "agenda_drafted",
            "agenda_drafted_at", "held_at", "thank_you_sent_at"}


def phrases(record: Record) -> set[str]:
    """The lines of text a person wrote in a record, long enough to recognise."""
    found: set[str] = set()
    for spec in dataclasses.fields(record):
        if spec.name in NOT_TEXT or spec.name.endswith(("_id", "_ids")):
            continue
        value = getattr(record, spec.name)
        if not isinstance(value, str):
            continue
        for line in value.splitlines():
            line = " ".join(line.strip().lstrip("-*• ").split())
            if len(line) >= MIN_LENGTH:
                found.add(line)
    return found


@dataclass(frozen=True)
class PrivateWords:
    """The private phrases of a set of records, gathered once: an email's status line
    checks its draft on every key typed, and reading every record each time is slow."""

    phrases: tuple[str, ...] = ()
    """Private phrases no shareable record says too, in the order they are reported."""
    owners: tuple[int, ...] = ()
    """For each phrase, which private record said it (its place among the records)."""

    @classmethod
    def of(cls, records: Iterable[Record]) -> PrivateWords:
        records = list(records)
        shared = set().union(*(phrases(r) for r in records if r.shareable)) if records else set()
        found: list[str] = []
        owners: list[int] = []
        for index, record in enumerate(records):
            if record.shareable:
                continue
            for phrase in sorted(phrases(record)):
                if phrase not in found and not any(
                        phrase.casefold() in said.casefold() for said in shared):
                    found.append(phrase)  # (a phrase a shareable record says too is no leak)
                    owners.append(index)
        return cls(tuple(found), tuple(owners))

    def mentions(self, text: str) -> list[str]:
        """The private items `text` quotes, one phrase each (a title and a note of the
        same goal are one item), in any case: the thank-you says an action item "Ask
        about the move" as "I will ask about the move"."""
        flat = " ".join(text.split()).casefold()
        seen: set[int] = set()
        found: list[str] = []
        for phrase, owner in zip(self.phrases, self.owners or range(len(self.phrases)),
                                 strict=True):
            if owner not in seen and phrase.casefold() in flat:
                seen.add(owner)
                found.append(phrase)
        return found


def private_mentions(text: str, records: Iterable[Record]) -> list[str]:
    """The private phrases `text` contains, leaving out any a shareable record says too."""
    return PrivateWords.of(records).mentions(text)


def describe_mentions(mentions: list[str]) -> str:
    """"it mentions 2 private items ("Leave within a year", …)", for a status or a notice."""
    if not mentions:
        return ""
    first = mentions[0] if len(mentions[0]) <= 40 else mentions[0][:39] + "…"
    more = ", …" if len(mentions) > 1 else ""
    count = f"{len(mentions)} private item{'s' if len(mentions) != 1 else ''}"
    return f"it mentions {count} (“{first}”{more})"


AGENDA = "agenda"
THANK_YOU = "thank-you"
NOTE = "1:1 note"
EXPORT = "shareable export"

AGENDA_ANSWERS = ("strengths", "skills-to-develop", "one-year", "three-years", "five-years")
"""The self-assessment answers the agenda's "Where I want to grow" is drafted from: what
I do well, what I want to learn, where I see myself in one to five years. The others
(energy, drains, values) are notes for the person."""

_REACH: dict[type[Record], tuple[str, ...]] = {
    Achievement: (AGENDA, EXPORT),
    CareerPath: (AGENDA, EXPORT),
    Interview: (EXPORT,),
    Goal: (AGENDA, NOTE, EXPORT),
    Request: (AGENDA, NOTE, EXPORT),
    Capture: (THANK_YOU, EXPORT),
    CheckIn: (NOTE, EXPORT),
}
"""Where a shareable record of each kind can appear: what each drafter reads (agenda.py,
emails.py, checkin_note.py, workbook_export.py), kept in step by tests that draft each."""


def shareable_reach(record: Record) -> tuple[str, ...]:
    """The drafts a record may appear in once marked shareable, and nowhere else."""
    if isinstance(record, Reflection):
        return (AGENDA, EXPORT) if record.key in AGENDA_ANSWERS else (EXPORT,)
    if isinstance(record, Capture) and record.kind == "action":
        return (THANK_YOU, NOTE, EXPORT)  # open ones are listed in the note for a 1:1
    return _REACH.get(type(record), (EXPORT,))


def shareable_label(record: Record) -> str:
    """What the shareable flag says, short enough for a form at 80 columns: "Shareable
    in: agenda, 1:1 note, shareable export" (the places `shareable_reach` names, no others)."""
    places = list(shareable_reach(record))
    return f"Shareable in: {', '.join(places)}{' only' if len(places) == 1 else ''}"
