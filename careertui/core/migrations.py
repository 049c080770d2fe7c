"""How an older workbook file becomes the current shape (no Textual, no TinyDB here).

Each step takes the raw TinyDB document (`{table: {doc_id: doc}}`) of one version
and returns the next; `store.MIGRATIONS` lists them and `store.Workbook` keeps a
copy of the file before running any.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .dates import iso_or_none, read_slot, slot_date_time
from .model import AGENDA_DRAFTED, AGENDA_DRAFTED_AT, AGENDA_TEXT, new_id

Tables = dict[str, Any]


def _docs(data: Tables, table: str) -> dict[str, dict[str, Any]]:
    found = data.setdefault(table, {})
    return found if isinstance(found, dict) else {}


def _next_doc_id(table: dict[str, Any]) -> str:
    return str(max((int(key) for key in table if str(key).isdigit()), default=0) + 1)


def v1_to_v2(data: Tables) -> Tables:
    """Version 1 kept one invite and one agenda for the whole workbook; version 2 keeps
    them on their conversation, which is planned or held, and gives goals a history.

    - every conversation already recorded is held (it was captured on the Meeting stage);
    - the agenda (the workbook values) and the invite go to the latest conversation; with
      no conversation yet, to a new planned one dated from the invite's first slot;
    - every goal's history starts with its current status, dated when it last changed.
    """
    meetings = _docs(data, "meetings")
    for doc in meetings.values():
        doc.setdefault("status", "held")
        doc.setdefault("held_at", "")
        doc.setdefault("agenda", "")
        doc.setdefault("agenda_drafted", "")
        doc.setdefault("agenda_drafted_at", "")

    for doc in _docs(data, "goals").values():
        if not doc.get("history"):
            day = str(doc.get("updated") or doc.get("created") or "")[:10]
            doc["history"] = [{"status": str(doc.get("status") or "idea"), "date": day}]

    values = _docs(data, "values")
    found: dict[str, Any] = {}
    for doc_id, doc in list(values.items()):
        if doc.get("key") in (AGENDA_TEXT, AGENDA_DRAFTED, AGENDA_DRAFTED_AT):
            found[doc["key"]] = doc.get("value") or ""
            del values[doc_id]
    agenda = str(found.get(AGENDA_TEXT, ""))
    invites = _docs(data, "invite")
    if not (agenda.strip() or invites):
        return data

    if meetings:
        latest = max(meetings.values(), key=lambda m: (
            str(m.get("date", "")), str(m.get("time", "")), str(m.get("created", ""))))
    else:
        first = next(iter(invites.values()), {})
        day, time = slot_date_time(list(first.get("slots") or []))
        stamp = str(first.get("updated") or first.get("created") or
                    datetime.now().astimezone().isoformat(timespec="seconds"))
        minutes = next((p.get("meeting_minutes") for p in _docs(data, "profile").values()
                        if isinstance(p.get("meeting_minutes"), int)), 30)
        latest = {
            "id": new_id(), "created": stamp, "updated": stamp, "shareable": False,
            "position": 0, "date": day, "time": time, "minutes": minutes,
            "status": "planned", "held_at": "", "agenda": "", "agenda_drafted": "",
            "agenda_drafted_at": "", "checklist": {}, "thank_you_subject": "",
            "thank_you_body": "", "thank_you_drafted": "", "thank_you_sent_at": "",
            "next_check_in": "",
        }
        meetings[_next_doc_id(meetings)] = latest
    if agenda.strip():
        # The older copy the meeting kept, if it differs, stays in the backup file.
        latest["agenda"] = agenda
        latest["agenda_drafted"] = str(found.get(AGENDA_DRAFTED, ""))
        latest["agenda_drafted_at"] = str(found.get(AGENDA_DRAFTED_AT, ""))
    for doc in invites.values():
        doc["meeting_id"] = latest["id"]
    return data


def v2_to_v3(data: Tables) -> Tables:
    """Version 2 kept each proposed time as free text ("Tue 1 Dec, 10:00"); version 3 keeps
    a date and a time a calendar can read, and the profile has the person's own email.

    What can be read becomes a date and a time (a weekday or a date without a year is read
    around when the invite was written); what cannot stays whole as the slot's date text,
    where the Invite stage names it (`Invite.unreadable`) and the person can retype it.
    """
    for doc in _docs(data, "invite").values():
        stamp = str(doc.get("created") or doc.get("updated") or "")[:10]
        around = iso_or_none(stamp) or date.today()
        slots = doc.get("slots")
        doc["slots"] = [_slot_doc(value, around)
                        for value in (slots if isinstance(slots, list) else [])]
    for doc in _docs(data, "profile").values():
        doc.setdefault("email", "")
    return data


def _slot_doc(value: object, around: date) -> dict[str, Any]:
    if isinstance(value, dict):  # already a slot (a file half-written by a newer build)
        return value
    text = str(value or "").strip()
    day, time = read_slot(text, around)
    if not day:
        day, time = text, ""  # kept as typed, named on the Invite stage
    return {"date": day, "time": time, "exported": "", "sequence": 0}
