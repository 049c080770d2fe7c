"""The journey test's own picture of the workbook, and the checks made against it.

The model is what the person did, written down step by step: which records they
added, what they typed into each field, what they marked shareable, which links
they made or cleared. It never reads the app to decide what a field holds; it
reads the app only to learn which row the person is looking at (the id of the
record a key acts on), as a person reads the screen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from careertui.core.capture import parse_capture
from careertui.core.drafting.agenda import AgendaInputs, draft_agenda
from careertui.core.drafting.checkin_note import prepare_note
from careertui.core.drafting.emails import meeting_request, thank_you
from careertui.core.drafting.workbook_export import WorkbookContents, render_workbook
from careertui.core.meetings import pick_current
from careertui.core.model import (
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Invite,
    Meeting,
    Profile,
    Record,
    Reflection,
    Request,
)
from careertui.core.overview import open_actions

HOSTILE = (
    "[/]",
    "[b]x",
    "[link=https://x.y]z[/link]",
    "[@click=app.quit]Q",
    "🚀 ship it",
    "目标 達成",
    "مرحبا بالعالم",
    "tab\there",
    "w" * 300,
    "\x1b[31mred\x1b[0m pasted",
    "bell\x07 and null-ish \x1b",
    "two\nlines",
    "50% [done] \\[x]",
    "plain words",
)
"""Text a person might type or paste: markup, emoji, scripts, control characters."""

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def as_input(text: str) -> str:
    """What a one-line field holds after `text` is pasted over its contents (first line)."""
    return text.splitlines()[0] if text.splitlines() else ""


def as_text_area(text: str) -> str:
    """What a multi-line field holds after `text` is pasted over its contents."""
    return _LINE_BREAKS.sub("\n", text)


# The fields compared per table (timestamps and positions are not).
COMPARED: dict[str, tuple[str, ...]] = {
    "achievements": ("what", "impact", "goal_id", "shareable"),
    "paths": ("role", "notes", "status", "shareable"),
    "interviews": ("person", "learned", "path_id", "shareable"),
    "goals": ("title", "why", "status", "path_ids", "shareable"),
    "requests": ("ask", "goal_id", "status", "shareable"),
    "captures": ("kind", "text", "owner", "due", "status", "shareable"),
    "checkins": ("raise_next", "new_items", "shareable"),
}
PROFILE_FIELDS = ("name", "role", "team", "company", "manager_name", "manager_email")
KINDS: dict[str, type[Record]] = {
    "achievements": Achievement,
    "paths": CareerPath,
    "interviews": Interview,
    "goals": Goal,
    "requests": Request,
    "captures": Capture,
    "checkins": CheckIn,
}


@dataclass
class Model:
    """Per table: record id -> the compared fields as the person left them."""

    tables: dict[str, dict[str, dict[str, Any]]] = field(
        default_factory=lambda: {name: {} for name in COMPARED}
    )
    profile: dict[str, str] = field(default_factory=lambda: dict.fromkeys(PROFILE_FIELDS, ""))
    markers: dict[str, tuple[str, str]] = field(default_factory=dict)
    """marker -> (table, id) of the record whose text carries it."""

    def add(self, table: str, record_id: str, **values: Any) -> None:
        assert record_id not in self.tables[table], f"{table}: {record_id} added twice"
        defaults = {
            "achievements": {"what": "", "impact": "", "goal_id": "", "shareable": False},
            "paths": {"role": "", "notes": "", "status": "exploring", "shareable": False},
            "interviews": {"person": "", "learned": "", "path_id": "", "shareable": False},
            "goals": {"title": "", "why": "", "status": "idea", "path_ids": [],
                      "shareable": False},
            "requests": {"ask": "", "goal_id": "", "status": "draft", "shareable": False},
            "captures": {"kind": "note", "text": "", "owner": "", "due": "", "status": "open",
                         "shareable": False},
            "checkins": {"raise_next": "", "new_items": "", "shareable": False},
        }[table]
        self.tables[table][record_id] = {**defaults, **values}

    def set(self, table: str, record_id: str, name: str, value: Any) -> None:
        self.tables[table][record_id][name] = value

    def delete(self, table: str, record_id: str) -> None:
        """Remove a record; links to it are cleared (a link never points at nothing)."""
        del self.tables[table][record_id]
        if table == "goals":
            for other in ("requests", "achievements"):
                for record in self.tables[other].values():
                    if record["goal_id"] == record_id:
                        record["goal_id"] = ""
        if table == "paths":
            for interview in self.tables["interviews"].values():
                if interview["path_id"] == record_id:
                    interview["path_id"] = ""
            for goal in self.tables["goals"].values():
                goal["path_ids"] = [p for p in goal["path_ids"] if p != record_id]

    def private_markers(self) -> set[str]:
        """Markers carried by records the person keeps private."""
        out = set()
        for marker, (table, record_id) in self.markers.items():
            record = self.tables[table].get(record_id)
            if record is not None and not record["shareable"] and _carries(record, marker):
                out.add(marker)
        return out


def _carries(record: dict[str, Any], marker: str) -> bool:
    return any(isinstance(v, str) and marker in v.lower() for v in record.values())


# ------------------------------------------------------------------- the file


def read_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The saved workbook as table -> documents, in the order they are stored."""
    if not path.exists():  # nothing written yet: a step that changed nothing
        return {}
    data = json.loads(path.read_text("utf-8"))
    return {name: [doc for _, doc in sorted(docs.items(), key=lambda kv: int(kv[0]))]
            for name, docs in data.items()}


def file_view(data: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    """The compared fields of every record in the file, as the model holds them."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for table, names in COMPARED.items():
        rows = {}
        for doc in data.get(table, []):
            record = KINDS[table].from_doc(doc)
            rows[record.id] = {name: getattr(record, name) for name in names}
        out[table] = rows
    return out


def differences(model: Model, data: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Where the file and the model disagree, one line each (empty when they agree)."""
    found = []
    view = file_view(data)
    for table, expected in model.tables.items():
        actual = view[table]
        for missing in expected.keys() - actual.keys():
            found.append(f"{table}: {missing} is missing from the file")
        for extra in actual.keys() - expected.keys():
            found.append(f"{table}: {extra} is in the file but was deleted or never added "
                         f"({actual[extra]!r:.120})")
        for record_id in expected.keys() & actual.keys():
            for name, value in expected[record_id].items():
                if actual[record_id][name] != value:
                    found.append(f"{table}.{name} of {record_id}: file "
                                 f"{actual[record_id][name]!r:.80}, expected {value!r:.80}")
    profile = Profile.from_doc(data["profile"][0]) if data.get("profile") else Profile()
    for name, value in model.profile.items():
        if getattr(profile, name) != value:
            found.append(f"profile.{name}: file {getattr(profile, name)!r:.80}, "
                         f"expected {value!r:.80}")
    return found


def dangling_links(data: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Links in the file that point at no record."""
    view = {t: {d["id"] for d in data.get(t, [])} for t in ("goals", "paths")}
    found = []
    for doc in data.get("requests", []) + data.get("achievements", []):
        if doc.get("goal_id") and doc["goal_id"] not in view["goals"]:
            found.append(f"{doc['id']}.goal_id -> {doc['goal_id']} (no such goal)")
    for doc in data.get("interviews", []):
        if doc.get("path_id") and doc["path_id"] not in view["paths"]:
            found.append(f"interview {doc['id']}.path_id -> {doc['path_id']} (no such path)")
    for doc in data.get("goals", []):
        for path_id in doc.get("path_ids", []):
            if path_id not in view["paths"]:
                found.append(f"goal {doc['id']}.path_ids -> {path_id} (no such path)")
    return found


def contents_of(data: dict[str, list[dict[str, Any]]]) -> WorkbookContents:
    """The file's records as the core functions take them."""
    def all_of(kind: type[Any]) -> list[Any]:
        return [kind.from_doc(doc) for doc in data.get(kind.TABLE, [])]

    meetings = all_of(Meeting)
    current = pick_current(meetings)
    invites = [i for i in all_of(Invite) if current is not None and i.meeting_id == current.id]
    return WorkbookContents(
        profile=(all_of(Profile) or [Profile()])[0],
        reflections=all_of(Reflection),
        achievements=all_of(Achievement),
        paths=all_of(CareerPath),
        interviews=all_of(Interview),
        goals=all_of(Goal),
        requests=all_of(Request),
        agenda=current.agenda if current is not None else "",
        invite=invites[0] if invites else None,
        meetings=all_of(Meeting),
        captures=all_of(Capture),
        checkins=all_of(CheckIn),
    )


def latest(meetings: list[Meeting]) -> Meeting | None:
    return max(meetings, key=lambda m: (m.date, m.time, m.created)) if meetings else None


def outputs(data: dict[str, list[dict[str, Any]]], today: date) -> dict[str, str]:
    """Everything that may leave the workbook, computed from the file with the core functions.

    The shareable export is rendered without the agenda and emails as stored: those
    are documents the person wrote (or drafted at some moment) for the manager, and
    are checked as drafted here instead.
    """
    c = contents_of(data)
    meeting = latest(list(c.meetings))
    captures = [x for x in c.captures if meeting and x.meeting_id == meeting.id]
    agenda = draft_agenda(AgendaInputs(profile=c.profile, achievements=c.achievements,
                                       paths=c.paths, goals=c.goals, requests=c.requests,
                                       reflections=c.reflections))
    invite = meeting_request(c.profile, c.invite or Invite(), agenda)
    thanks = thank_you(c.profile, captures, meeting.next_check_in if meeting else "")
    note = prepare_note(c.profile, c.goals, c.requests, c.captures, c.checkins, today)
    bare = WorkbookContents(
        profile=c.profile, reflections=c.reflections, achievements=c.achievements,
        paths=c.paths, interviews=c.interviews, goals=c.goals, requests=c.requests,
        meetings=[Meeting.from_doc({**m.to_doc(), "thank_you_body": "",
                                    "thank_you_subject": ""}) for m in c.meetings],
        captures=c.captures, checkins=c.checkins)
    export = render_workbook(bare, today=today, shareable_only=True)
    return {"agenda draft": agenda, "meeting request email": invite.subject + invite.body,
            "thank-you email": thanks.subject + thanks.body, "one-on-one note": note,
            "shareable export": export}


def leaks(private: set[str], texts: dict[str, str]) -> list[str]:
    found = []
    for name, text in texts.items():
        lowered = text.lower()
        found += [f"private text {m} in the {name}" for m in sorted(private) if m in lowered]
    return found


def capture_values(line: str, today: date) -> dict[str, Any] | None:
    """The record a quick-capture line becomes (None for a blank line)."""
    captured = parse_capture(line, today)
    if captured is None:
        return None
    return {"kind": captured.kind, "text": captured.text, "owner": captured.owner,
            "due": captured.due, "status": "open", "shareable": False}


def expected_rows(list_id: str, data: dict[str, list[dict[str, Any]]], today: date,
                  meeting_id: str) -> set[str]:
    """The ids a record list should show, from the file."""
    c = contents_of(data)
    by_list: dict[str, list[Record]] = {
        "achievements-list": list(c.achievements),
        "paths-list": list(c.paths),
        "interviews-list": list(c.interviews),
        "goals-list": list(c.goals),
        "requests-list": list(c.requests),
        "checkins-list": list(c.checkins),
        "captures-list": [x for x in c.captures if x.meeting_id == meeting_id],
        "actions-list": [x for x in c.captures if x.kind == "action"],
        "checkin-actions": list(open_actions(list(c.captures), today)),
    }
    return {r.id for r in by_list[list_id]}
