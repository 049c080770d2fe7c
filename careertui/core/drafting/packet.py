"""The progress packet: each shareable goal with the evidence behind it, as Markdown.

It is what a person brings to the next conversation to show growth: what the
goal is and why, how its status moved, the achievements that support it (dated,
with their impact), progress notes and the requests made for it. Only records
marked shareable are read; nothing private is ever written into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..dates import friendly
from ..model import Achievement, CheckIn, Goal, Profile, Request


def packet_folder_name(today: date) -> str:
    return f"careertui-progress-{today.isoformat()}"


@dataclass(frozen=True)
class PacketDocument:
    """One Markdown file of the packet: the index, or one goal."""

    name: str
    text: str


INDEX_NAME = "index.md"
GOAL_FILE = re.compile(r"\d{2,}-.+\.md")
"""The names of the goal documents, so a packet replaced later leaves none stale."""


def _line(text: str) -> str:
    return " ".join(text.split())


def _day(value: str) -> str:
    return friendly(value[:10]) if value else ""


def _order(goal: Goal) -> tuple[int, int, str]:
    """Goals under way first, then done, then dropped; the person's own order within."""
    group = 2 if goal.status == "dropped" else 1 if goal.status == "done" else 0
    return group, goal.position, goal.created


def goal_file_name(number: int, title: str) -> str:
    """`03-lead-the-pricing-work.md`: numbered in the packet's order, named after the goal
    in its own letters (any script), never a path or a hidden file."""
    slug = "-".join(re.findall(r"[^\W_]+", title.lower()))[:48].strip("-") or "goal"
    return f"{number:02d}-{slug}.md"


def _link_text(text: str) -> str:
    """A goal title as a Markdown link's text: its brackets cannot end the link."""
    return re.sub(r"([\\\[\]])", r"\\\1", _line(text))


def packet_documents(profile: Profile, goals: Sequence[Goal],
                     achievements: Sequence[Achievement], requests: Sequence[Request],
                     checkins: Sequence[CheckIn], today: date) -> list[PacketDocument]:
    """The packet: an index, then a Markdown document per shareable goal."""
    shared = sorted((g for g in goals if g.shareable and g.title.strip()), key=_order)
    who = _line(profile.name)
    heading = f"# Progress packet{f': {who}' if who else ''}"
    about = (f"*{friendly(today)} · {len(shared)} goal{'s' if len(shared) != 1 else ''} · "
             "only what is marked shareable*")
    footer = (f"\n---\n\n*From the progress packet{f' of {who}' if who else ''}, "
              f"{friendly(today)}: only what is marked shareable.*\n")
    notes = sorted((c for c in checkins if c.shareable), key=lambda c: c.date)
    documents = []
    index = [heading, "", about, ""]
    if not shared:
        index += ["No shareable goals yet: mark a goal shareable on the Goals stage to "
                  "include it.", ""]
    for number, goal in enumerate(shared, start=1):
        name = goal_file_name(number, goal.title)
        evidence = sorted((a for a in achievements if a.shareable and a.goal_id == goal.id
                           and a.what.strip()), key=lambda a: a.date)
        count = f"{len(evidence)} piece{'s' if len(evidence) != 1 else ''} of evidence"
        index.append(f"{number}. [{_link_text(goal.title)}](<{name}>): {goal.status}, {count}")
        text = _goal_document(goal, evidence, requests, notes)
        documents.append(PacketDocument(name, text + footer))
    return [PacketDocument(INDEX_NAME, "\n".join(index).rstrip("\n") + "\n"), *documents]


def _goal_document(goal: Goal, evidence: Sequence[Achievement], requests: Sequence[Request],
                   notes: Sequence[CheckIn]) -> str:
    out = [f"# {_line(goal.title)}", ""]
    facts = []
    if goal.why.strip():
        facts.append(f"**Why it matters:** {_line(goal.why)}")
    if goal.measure.strip():
        facts.append(f"**Done when:** {_line(goal.measure)}")
    if goal.target_date.strip():
        facts.append(f"**By:** {_day(goal.target_date)}")
    steps = [f"{h.get('status', '')} ({_day(h.get('date', ''))})" if h.get("date")
             else h.get("status", "") for h in goal.history]
    facts.append(f"**Status over time:** {' → '.join(steps) or goal.status}")
    out += [f"- {fact}" for fact in facts] + [""]

    out += ["## Evidence", ""]
    for item in evidence:
        line = f"- {_day(item.date)}: **{_line(item.what)}**" if item.date else \
            f"- **{_line(item.what)}**"
        if item.impact.strip():
            line += f": {_line(item.impact)}"
        if item.link.strip():
            line += f" ({_line(item.link)})"
        out.append(line)
    if not evidence:
        out.append("*No achievement linked to this goal yet.*")
    out.append("")

    progress = [(c.date, c.progress.get(goal.id, "").strip()) for c in notes]
    progress = [(d, n) for d, n in progress if n]
    if progress:
        out += ["## Progress notes", ""]
        out += [f"- {_day(d)}: {_line(n)}" for d, n in progress] + [""]

    asked = [r for r in requests if r.shareable and r.goal_id == goal.id and r.ask.strip()]
    if asked:
        out += ["## Requests", ""]
        for request in asked:
            ledger = " → ".join(f"{e.get('status', '')} ({_day(e.get('date', ''))})"
                                for e in request.ledger)
            out.append(f"- {_line(request.ask)}: {request.status}"
                       + (f" ({ledger})" if ledger else ""))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_packet(documents: Sequence[PacketDocument]) -> str:
    """The whole packet as one text (for a pipe): its documents one after another."""
    return "\n---\n\n".join(document.text for document in documents)


def is_packet_file(name: str) -> bool:
    """A file a packet writes: replacing a packet removes those it no longer holds."""
    return name == INDEX_NAME or GOAL_FILE.fullmatch(name) is not None
