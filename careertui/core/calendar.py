"""Calendar files (.ics) for the dates careertui knows: the proposed times of the meeting
request, the check-in series and the action items due (no Textual here).

Every file is built with the `icalendar` library (never by hand) and holds only what may
be shared: the request as written for the manager, and shareable action items and requests.
Times are local, written with their zone's name (`TZID`) and its rules (`VTIMEZONE`), so a
calendar in another zone shows them at the right moment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Todo, vCalAddress, vRecur

from .capture import owner_label
from .dates import friendly, iso_or_none, parse_time
from .drafting.emails import recipient
from .drafting.privacy import PrivateWords, describe_mentions
from .model import DEFAULT_CHECK_IN_TIME, Capture, Invite, Profile, Request, Slot
from .overview import CADENCE_DAYS, open_actions, waiting_requests

PRODID = "-//careertui//Career development conversation//EN"
MEETING_SUMMARY = "Career development conversation"
CHECK_IN_SUMMARY = "One-on-one check-in"
CHECK_IN_MINUTES = 30
UID_DOMAIN = "careertui"


# --------------------------------------------------------------------------- zone


FLOATING = ""
"""No zone named: times written as local ("floating"), which a calendar reads in its
own zone. For a zone given as a rule (`TZ=CET-1CEST,M3.5.0,M10.5.0/3`) or a copied
/etc/localtime, whose name cannot be known: writing them as UTC put 2pm at 3pm."""


def local_zone_name(environ: Mapping[str, str] | None = None,
                    localtime: Path = Path("/etc/localtime")) -> str:
    """The IANA name of the local zone: `TZ` when it names one, else where /etc/localtime
    points (…/zoneinfo/Europe/Paris); `FLOATING` when the zone is there but has no name
    (a rule in `TZ`, a copy of a zone file), else "UTC"."""
    env = os.environ if environ is None else environ
    named = env.get("TZ", "").strip().removeprefix(":")
    if _known(named):
        return named
    if any(character.isdigit() for character in named):
        return FLOATING  # a POSIX rule: the offsets are the system's, the name is not
    try:
        target = str(localtime.resolve()) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        for prefix in ("posix/", "right/"):
            name = name.removeprefix(prefix)
        if _known(name):
            return name
    if not target and localtime.is_file():
        return FLOATING  # a copy of some zone's file
    return "UTC"


def _zone(name: str) -> ZoneInfo | None:
    return ZoneInfo(name) if name else None


def _known(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


# -------------------------------------------------------------------------- files


@dataclass(frozen=True)
class CalendarFile:
    """A calendar file to save, with what a person should be told about it."""

    payload: bytes
    count: int
    """Events or to-dos in it."""
    warnings: list[str] = field(default_factory=list)
    """What was left out, and why (a proposed time with no date a calendar can read)."""
    slots: list[Slot] = field(default_factory=list)
    """The meeting request's slots with their sequence noted: store them once the file is
    written, so a slot changed since is sent again with a higher `SEQUENCE`."""


def _calendar() -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("calscale", "GREGORIAN")
    return cal


def _finish(cal: Calendar, first: date) -> bytes:
    """Add the zones the times name (VTIMEZONE) and write the file."""
    cal.add_missing_timezones(first_date=first - timedelta(days=366),
                              last_date=first + timedelta(days=5 * 366))
    return bytes(cal.to_ical())


def _address(email: str, name: str) -> vCalAddress | None:
    found = recipient(name, email)
    if found is None:
        return None
    address = vCalAddress(f"mailto:{found.addr_spec}")
    if name.strip():
        address.params["CN"] = " ".join(name.split())
    return address


def slot_uid(invite: Invite, index: int) -> str:
    """The same for a slot every time it is saved, so a calendar replaces its copy."""
    return f"{invite.id}-slot-{index + 1}@{UID_DOMAIN}"


def _slot_key(day: date, clock: str, minutes: int) -> str:
    return f"{day.isoformat()}T{clock}/{minutes}"


def meeting_request_ics(
    profile: Profile, invite: Invite, description: str, *, minutes: int, now: datetime,
    zone: str, private: PrivateWords | None = None,
) -> CalendarFile:
    """One tentative event per proposed time, as long as the meeting, for the manager to
    see beside their own calendar. A time with no readable date or time of day is named in
    `warnings`, never dropped without a word."""
    tz = _zone(zone)
    cal = _calendar()
    warnings: list[str] = []
    slots: list[Slot] = []
    starts: list[date] = []
    mentions = private.mentions(description) if private is not None else []
    if mentions:
        warnings.append(f"the request {describe_mentions(mentions)}, so the events leave "
                        "its text out")
        description = ""
    organizer = _address(profile.email, profile.name)
    attendee = _address(profile.manager_email, profile.manager_name)
    for index, slot in enumerate(invite.slots):
        slots.append(slot)
        if slot.blank:
            continue
        name = f"Time {index + 1}"
        day, clock = slot.day, slot.clock
        if day is None:
            warnings.append(f"{name} (“{slot.date.strip()}”) has no date a calendar can read")
            continue
        if not clock:
            why = ("has no time of day" if not slot.time.strip()
                   else f"has “{slot.time.strip()}”, which is no time of day")
            warnings.append(f"{name} ({friendly(day)}) {why}")
            continue
        key = _slot_key(day, clock, minutes)
        sequence = slot.sequence + (1 if slot.exported and slot.exported != key else 0)
        slots[-1] = replace(slot, exported=key, sequence=sequence)
        start = datetime.combine(day, time.fromisoformat(clock), tzinfo=tz)
        starts.append(day)
        event = Event()
        event.add("uid", slot_uid(invite, index))
        event.add("sequence", sequence)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes))
        event.add("summary", MEETING_SUMMARY)
        event.add("status", "TENTATIVE")
        event.add("transp", "OPAQUE")
        if description.strip():
            event.add("description", description.strip())
        if organizer is not None:
            event.add("organizer", organizer)
        if attendee is not None:
            attendee.params["ROLE"] = "REQ-PARTICIPANT"
            attendee.params["PARTSTAT"] = "NEEDS-ACTION"
            event.add("attendee", attendee)
        cal.add_component(event)
    first = min(starts, default=now.date())
    return CalendarFile(_finish(cal, first), len(starts), warnings, slots)


def check_in_time(value: object) -> str:
    """The stored usual time of the one-on-ones, or 10:00 when none (or no time) is kept."""
    found = parse_time(value).value if isinstance(value, str) else ""
    return found or DEFAULT_CHECK_IN_TIME


def bring_list(captures: Sequence[Capture], requests: Sequence[Request], manager_name: str,
               today: date) -> str:
    """What to bring to the next one-on-one: shareable open action items and shareable
    requests still waiting for an answer."""
    lines: list[str] = []
    actions = [c for c in open_actions(captures, today) if c.shareable]
    if actions:
        lines.append("Open action items:")
        for item in actions:
            due = f", due {friendly(item.due)}" if item.due else ""
            lines.append(f"- {' '.join(item.text.split())} "
                         f"({owner_label(item.owner, manager_name)}{due})")
    waiting = [w for w in waiting_requests(requests, today) if w.request.shareable]
    if waiting:
        if lines:
            lines.append("")
        lines.append("Waiting for an answer:")
        for entry in waiting:
            lines.append(f"- {' '.join(entry.request.ask.split())} "
                         f"(asked {entry.days} day{'s' if entry.days != 1 else ''} ago)")
    if not lines:
        lines.append("Nothing open to bring: progress on your goals, and what comes next.")
    return "\n".join(lines)


def check_ins_ics(
    profile: Profile, *, first: date, at: str, cadence: str, bring: str, now: datetime,
    zone: str,
) -> CalendarFile:
    """One 30-minute event repeating at the cadence (every 1, 2 or 4 weeks) from the next
    check-in, at the person's usual time, listing what to bring as it stood when saved."""
    tz = _zone(zone)
    weeks = CADENCE_DAYS.get(cadence, 14) // 7
    clock = parse_time(at).value or DEFAULT_CHECK_IN_TIME
    start = datetime.combine(first, time.fromisoformat(clock), tzinfo=tz)
    cal = _calendar()
    event = Event()
    event.add("uid", f"check-ins-{profile.id}@{UID_DOMAIN}")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=CHECK_IN_MINUTES))
    with_whom = " ".join(profile.manager_name.split())
    event.add("summary", f"{CHECK_IN_SUMMARY} with {with_whom}" if with_whom
              else CHECK_IN_SUMMARY)
    event.add("rrule", vRecur({"FREQ": "WEEKLY", "INTERVAL": weeks}))
    event.add("description", f"What to bring (as of {friendly(now.date())}):\n\n{bring}")
    organizer = _address(profile.email, profile.name)
    if organizer is not None:
        event.add("organizer", organizer)
    cal.add_component(event)
    return CalendarFile(_finish(cal, first), 1)


def first_check_in(next_date: date, cadence: str, today: date) -> date:
    """The series starts at the next check-in; one already past moves on by the cadence
    to the first still to come, keeping the rhythm."""
    step = timedelta(days=CADENCE_DAYS.get(cadence, 14))
    day = next_date
    while day < today:
        day += step
    return day


TODO_STATUS = {"open": "NEEDS-ACTION", "done": "COMPLETED", "dropped": "CANCELLED"}


def action_items_ics(captures: Sequence[Capture], manager_name: str, *, now: datetime,
                     ) -> CalendarFile:
    """Each shareable open action item with a due date as a to-do, its owner in the title;
    items without a due date are counted in `warnings`."""
    cal = _calendar()
    today = now.date()
    count = 0
    undated = 0
    for item in open_actions(captures, today):
        if not item.shareable:
            continue
        due = iso_or_none(item.due)
        if due is None:
            undated += 1
            continue
        todo = Todo()
        todo.add("uid", f"action-{item.id}@{UID_DOMAIN}")
        todo.add("dtstamp", now.astimezone(UTC))
        todo.add("summary", f"{' '.join(item.text.split())} "
                            f"({owner_label(item.owner, manager_name)})")
        todo.add("due", due)
        todo.add("status", TODO_STATUS.get(item.status, "NEEDS-ACTION"))
        cal.add_component(todo)
        count += 1
    warnings = []
    if undated:
        warnings.append(f"{undated} open action item{'s have' if undated != 1 else ' has'} "
                        "no due date, so the file leaves "
                        f"{'them' if undated != 1 else 'it'} out")
    return CalendarFile(bytes(cal.to_ical()), count, warnings)
