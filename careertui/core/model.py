"""The workbook's records, as plain dataclasses.

Nothing here knows about Textual or TinyDB: records turn into plain dicts
(`to_doc`) and back (`from_doc`) so the store can persist them and the tests can
build them without an app.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from typing import Any, ClassVar, Self

from .dates import iso_or_none, parse_time, read_slot, slot_words

SCHEMA_VERSION = 3
"""Bump when a stored record changes shape, and add a migration in `migrations.py`."""

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real local time; tests inject a fixed clock instead."""
    return datetime.now().astimezone()


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def timestamp(clock: Clock = system_clock) -> str:
    return clock().isoformat(timespec="seconds")


@dataclass
class Record:
    """Something the person wrote down.

    Every record is private unless it says otherwise: only shareable records
    may reach an agenda, an email or a shareable export.
    """

    TABLE: ClassVar[str] = ""
    SHAREABLE_BY_DEFAULT: ClassVar[bool] = False

    id: str = field(default_factory=new_id)
    created: str = field(default_factory=timestamp)
    updated: str = ""
    shareable: bool | None = None
    position: int = 0
    """The person's own order in a list (reordered by keyboard)."""

    def __post_init__(self) -> None:
        if self.shareable is None:
            self.shareable = self.SHAREABLE_BY_DEFAULT
        elif not isinstance(self.shareable, bool):
            # a hand-edited or damaged file ("maybe", 1): never shared by mistake
            self.shareable = False
        if not self.updated:
            self.updated = self.created

    def touch(self, clock: Clock = system_clock) -> None:
        self.updated = timestamp(clock)

    def to_doc(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Self:
        """Build a record from a stored dict, tolerating missing keys.

        Missing keys get their defaults so that records written before a
        field existed still load; unknown keys are ignored. Lists and dicts are
        copied: the store's documents are its cache, and a note put into a record's
        `progress` before it was saved showed in every other reader, and went to
        disk with the next write of anything, saved or not.
        """
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, f in known.items():
            if name in doc:
                value = doc[name]
                values[name] = _plain(value) if isinstance(value, (list, dict)) else value
            elif f.default is MISSING and f.default_factory is MISSING:
                values[name] = ""
        return cls(**values)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "to_doc"):
        return value.to_doc()
    return value


@dataclass
class Profile(Record):
    """Who you are and who you are talking to; fills the email placeholders."""

    TABLE: ClassVar[str] = "profile"

    name: str = ""
    role: str = ""
    email: str = ""
    """The person's own address: the organizer of the meeting request's calendar file."""
    manager_name: str = ""
    manager_email: str = ""
    company: str = ""
    team: str = ""
    meeting_minutes: int = 30
    greeting_name: str = ""
    """What the emails say after "Hi": empty until the person writes their own, and
    then the first word of the manager's name stands in (see `greeting`)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "name": "Your name",
        "role": "Your role",
        "email": "Your email",
        "team": "Your team",
        "company": "Company",
        "manager_name": "Manager's name",
        "greeting_name": "Greeting name",
        "manager_email": "Manager's email",
    }

    @property
    def default_greeting(self) -> str:
        """The first word of the manager's name: "Dana" for "Dana Okafor"."""
        words = self.manager_name.split()
        return words[0].rstrip(",;") if words else ""

    @property
    def greeting(self) -> str:
        """The name after "Hi" in every email: the person's own choice, else the default."""
        return " ".join(self.greeting_name.split()) or self.default_greeting

    def set_greeting(self, typed: str) -> None:
        """Keep what the person typed as the greeting name; typing the default (or
        clearing the field) goes back to following the manager's name."""
        typed = " ".join(typed.split())
        self.greeting_name = "" if typed == self.default_greeting else typed


MEETING_MINUTES = (5, 240)
"""The shortest and longest meeting length, in minutes, that the app accepts."""

MEETING_MINUTES_HELP = "Meeting length is a number of minutes from 5 to 240"


def meeting_minutes(text: str) -> int | None:
    """Minutes as typed for a meeting's length, or None unless a whole number from 5
    to 240: the one check the Invite, Meeting and profile fields share."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    low, high = MEETING_MINUTES
    minutes = int(text)
    return minutes if low <= minutes <= high else None


# --------------------------------------------------------------------- preparing


@dataclass
class Reflection(Record):
    """An answer to one of the self-assessment prompts (`key` names the prompt)."""

    TABLE: ClassVar[str] = "reflections"

    key: str = ""
    text: str = ""


@dataclass
class Achievement(Record):
    """Evidence of what you did and what it changed: the agenda's role review draws on it."""

    TABLE: ClassVar[str] = "achievements"

    date: str = ""
    what: str = ""
    impact: str = ""
    link: str = ""
    goal_id: str = ""


PATH_KINDS: dict[str, str] = {
    "vertical": "a step up",
    "lateral": "a move across",
    "new-area": "a new area",
}


@dataclass
class CareerPath(Record):
    """A role you might grow into; private unless you choose to raise it."""

    TABLE: ClassVar[str] = "paths"

    role: str = ""
    team: str = ""
    kind: str = "vertical"
    source: str = ""
    skills_needed: str = ""
    gap: str = ""
    interest: int = 3
    status: str = "exploring"
    notes: str = ""

    @property
    def kind_label(self) -> str:
        return PATH_KINDS.get(self.kind, self.kind)


PATH_SOURCES = ("job posting", "conversation", "org chart", "other")
PATH_STATUSES = ("exploring", "talked to someone", "applied", "not for me")


@dataclass
class Interview(Record):
    """An informational interview: notes are private unless marked otherwise."""

    TABLE: ClassVar[str] = "interviews"

    person: str = ""
    their_role: str = ""
    date: str = ""
    path_id: str = ""
    questions: str = ""
    learned: str = ""
    thank_you: str = "not yet"
    next_step: str = ""


GOAL_STATUSES = ("idea", "discussed", "agreed", "in progress", "done", "dropped")


@dataclass
class Goal(Record):
    TABLE: ClassVar[str] = "goals"

    from_capture: str = ""
    """The meeting note (an opportunity) this goal grew out of, if any."""
    title: str = ""
    horizon: str = "short-term"
    why: str = ""
    measure: str = ""
    target_date: str = ""
    status: str = "idea"
    path_ids: list[str] = field(default_factory=list)
    history: list[dict[str, str]] = field(default_factory=list)
    """[{"status": "idea", "date": "2026-05-02"}, ...], oldest first: how the goal moved.
    Starts with the status it was made with; `note_status` adds each change."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.history:
            self.history = [{"status": self.status, "date": self.created[:10]}]

    @property
    def active(self) -> bool:
        return self.status not in {"done", "dropped"}

    def change_status(self, status: str, day: str) -> None:
        """The goal's status now, dated in its history: the one way every stage changes
        it (set on Check-ins directly, a change once never reached the history)."""
        self.status = status
        self.note_status(day)

    def note_status(self, day: str) -> bool:
        """Write the current status into the history (dated `day`) if it changed since the
        last entry; the form sets `status` directly, so this is called before saving."""
        if self.history and self.history[-1].get("status") == self.status:
            return False
        self.history.append({"status": self.status, "date": day})
        return True


REQUEST_KINDS = (
    "lead a small project",
    "mentorship",
    "certification",
    "course or training",
    "shadowing",
    "stretch assignment",
    "conference",
    "other",
)
REQUEST_STATUSES = ("draft", "asked", "agreed", "delivered", "declined")


@dataclass
class Request(Record):
    """Something specific to ask the manager for, with a dated history of its status."""

    TABLE: ClassVar[str] = "requests"

    from_capture: str = ""
    goal_id: str = ""
    kind: str = "other"
    ask: str = ""
    needed_by: str = ""
    ledger: list[dict[str, str]] = field(default_factory=list)
    """[{"status": "asked", "date": "2026-11-25"}, ...], oldest first."""

    @property
    def status(self) -> str:
        return self.ledger[-1]["status"] if self.ledger else "draft"

    @property
    def open(self) -> bool:
        return self.status in {"draft", "asked"}


# ------------------------------------------------------------------------ asking

LINKS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("achievements", "goal_id", frozenset({"goals"})),
    ("interviews", "path_id", frozenset({"paths"})),
    ("goals", "path_ids", frozenset({"paths"})),
    ("requests", "goal_id", frozenset({"goals"})),
    ("captures", "linked_id", frozenset({"goals", "requests"})),
    ("goals", "from_capture", frozenset({"captures"})),
    ("requests", "from_capture", frozenset({"captures"})),
)
"""(table, field, tables it points into): the links between records. Deleting a
record clears every link to it, so no link ever points at nothing."""

AGENDA_TEXT = "agenda.text"
"""Version-1 workbook value: the agenda as the person last left it (Markdown). Since
version 2 the agenda is kept on its conversation (`Meeting.agenda`)."""
AGENDA_DRAFTED = "agenda.drafted"
"""Version-1 workbook value: the agenda as last drafted (now `Meeting.agenda_drafted`)."""
AGENDA_DRAFTED_AT = "agenda.drafted_at"
"""Version-1 workbook value: when it was drafted (now `Meeting.agenda_drafted_at`)."""


Day = date
"""`date`, by a name that a field called `date` does not hide."""


@dataclass
class Slot:
    """One proposed time: a date and a time of day, each as stored by its field (ISO date
    and "HH:MM" when understood, else the text as typed, never lost)."""

    date: str = ""
    time: str = ""
    exported: str = ""
    """The start and length last written to a calendar file ("2026-12-01T10:00/30"), so
    a changed slot is sent with a higher `sequence` and calendars update their copy."""
    sequence: int = 0

    def to_doc(self) -> dict[str, Any]:
        return {"date": self.date, "time": self.time, "exported": self.exported,
                "sequence": self.sequence}

    @classmethod
    def of(cls, value: object, around: Day | None = None) -> Slot:
        """A slot from its stored dict, or from free text as proposed times were written
        before version 3 (read with `read_slot`; unreadable text stays as the date)."""
        if isinstance(value, Slot):
            return value
        if isinstance(value, dict):
            sequence = value.get("sequence", 0)
            return cls(str(value.get("date") or ""), str(value.get("time") or ""),
                       str(value.get("exported") or ""),
                       sequence if isinstance(sequence, int) else 0)
        text = str(value or "").strip()
        day, time = read_slot(text, around or Day.today())
        return cls(day, time) if day else cls(text, "")

    @property
    def blank(self) -> bool:
        return not (self.date.strip() or self.time.strip())

    @property
    def day(self) -> Day | None:
        """The date, when it is one."""
        return iso_or_none(self.date)

    @property
    def clock(self) -> str:
        """"HH:MM" when the time is one, else ""."""
        return parse_time(self.time).value

    @property
    def words(self) -> str:
        """"Tue 1 Dec 2026 at 10:00", for emails and exports."""
        return slot_words(self.date, self.time)


def _slots(values: object, around: date) -> list[Slot]:
    """Three slots, whatever was stored or passed (dicts, slots or free text)."""
    items = list(values) if isinstance(values, list | tuple) else []
    slots = [Slot.of(value, around) for value in items]
    return (slots + [Slot() for _ in range(3)])[:max(3, len(slots))]


@dataclass
class Invite(Record):
    """The meeting request: the details that fill the email, and the email as edited."""

    TABLE: ClassVar[str] = "invite"

    meeting_id: str = ""
    """The conversation this invite asks for: each conversation has its own."""
    slots: list[Slot] = field(default_factory=lambda: [Slot(), Slot(), Slot()])
    """The times offered (three fields on the Invite stage)."""
    include_agenda: bool = False
    attach_ics: bool = False
    """Whether the saved .eml carries the proposed times as a calendar file too."""
    note: str = ""
    subject: str = ""
    body: str = ""
    drafted_body: str = ""
    """The body as last drafted: if `body` differs, the person has edited it."""

    def __post_init__(self) -> None:
        super().__post_init__()
        around = iso_or_none(self.created[:10]) or date.today()
        self.slots = _slots(self.slots, around)

    @property
    def edited(self) -> bool:
        return bool(self.body) and self.body != self.drafted_body

    def unreadable(self) -> list[tuple[int, Slot]]:
        """(index, slot) of each proposed time with something typed but no date that can
        be read: a calendar cannot have it, so the Invite stage names it."""
        return [(n, s) for n, s in enumerate(self.slots) if not s.blank and s.day is None]


# ----------------------------------------------------------------------- meeting

CHECKLIST = (
    ("purpose", "Purpose"),
    ("thanks", "Thanks"),
    ("agenda", "Agenda"),
    ("feedback", "Feedback"),
    ("next-steps", "Next steps"),
)
"""What to do in order during the meeting: state the purpose, thank them, walk the
agenda, ask for feedback, agree next steps."""


MEETING_STATUSES = ("planned", "held")
"""A conversation is planned until it has happened; only a held one starts the
24-hour thank-you clock."""


@dataclass
class Meeting(Record):
    """One career conversation: when, how long, its agenda, and its follow-up."""

    TABLE: ClassVar[str] = "meetings"

    date: str = ""
    time: str = ""
    minutes: int = 30
    status: str = "held"
    """"planned" or "held" (see MEETING_STATUSES). Held unless said otherwise: a meeting
    captured on the Meeting stage is taking place."""
    held_at: str = ""
    """When it was marked held (ISO timestamp), if it was."""
    agenda: str = ""
    """The agenda of this conversation as the person last left it (Markdown)."""
    agenda_drafted: str = ""
    """The agenda as last drafted, to tell whether it was edited since."""
    agenda_drafted_at: str = ""
    checklist: dict[str, bool] = field(default_factory=dict)
    thank_you_subject: str = ""
    thank_you_body: str = ""
    thank_you_drafted: str = ""
    thank_you_sent_at: str = ""
    next_check_in: str = ""

    @property
    def planned(self) -> bool:
        return self.status == "planned"


CAPTURE_KINDS: dict[str, str] = {
    "strength": "Strength",
    "grow": "Area to grow",
    "opportunity": "Opportunity",
    "question": "Question",
    "note": "Note",
    "action": "Action item",
}
ACTION_STATUSES = ("open", "done", "dropped")


@dataclass
class Capture(Record):
    """A line captured during a meeting: feedback, an opportunity, a note or an action item.

    Private by default like everything else: an action item reaches the
    thank-you email once the person marks it shareable.
    """

    TABLE: ClassVar[str] = "captures"

    meeting_id: str = ""
    kind: str = "note"
    text: str = ""
    raw: str = ""
    """The line exactly as typed: nothing typed is ever lost."""
    owner: str = ""
    due: str = ""
    status: str = "open"
    done_on: str = ""
    linked_id: str = ""
    """The goal or request made from this opportunity."""

    @property
    def kind_label(self) -> str:
        return CAPTURE_KINDS.get(self.kind, self.kind)


# ---------------------------------------------------------------------- check-ins

CADENCES = (("Every week", "1w"), ("Every 2 weeks", "2w"), ("Every 4 weeks", "4w"))
CHECK_IN_CADENCE = "checkins.cadence"
"""Workbook value: how often one-on-ones happen ("1w", "2w", "4w")."""
CHECK_IN_TIME = "checkins.time"
"""Workbook value: the usual time of day of the one-on-ones ("10:00"), for the reminders."""
DEFAULT_CHECK_IN_TIME = "10:00"


@dataclass
class CheckIn(Record):
    """One one-on-one: progress per goal, what is new, what to raise next time.

    Private by default: the note prepared for the manager is built from
    shareable goals, requests and action items, never from these notes.
    """

    TABLE: ClassVar[str] = "checkins"

    date: str = ""
    progress: dict[str, str] = field(default_factory=dict)
    """Goal id -> a short progress note."""
    open_items: str = ""
    """What was open when the check-in started, so nothing is forgotten."""
    new_items: str = ""
    """New requests or blockers."""
    raise_next: str = ""
    next_date: str = ""
