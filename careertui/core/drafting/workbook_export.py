"""The whole workbook as one Markdown document, a section per stage.

Two uses: a person keeping a plain copy of everything (all records, private
ones labelled), and a shareable copy (`shareable_only`) where every record not
marked shareable is left out before any text is written. The agenda and the
emails are included in both: they are what the person wrote for their manager.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from ..actions import action_order
from ..advice import ledger_summary
from ..capture import owner_label
from ..dates import friendly
from ..meetings import invite_for, pick_current
from ..model import (
    CAPTURE_KINDS,
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
from ..overview import newest_first
from ..prompts import SELF_ASSESSMENT
from .privacy import PrivateWords

if TYPE_CHECKING:
    from ..store import Workbook

R = TypeVar("R", bound=Record)


@dataclass
class WorkbookContents:
    """Everything the export reads, taken from the workbook in one go."""

    profile: Profile
    reflections: Sequence[Reflection] = ()
    achievements: Sequence[Achievement] = ()
    paths: Sequence[CareerPath] = ()
    interviews: Sequence[Interview] = ()
    goals: Sequence[Goal] = ()
    requests: Sequence[Request] = ()
    agenda: str = ""
    invite: Invite | None = None
    meetings: Sequence[Meeting] = ()
    captures: Sequence[Capture] = ()
    checkins: Sequence[CheckIn] = ()

    def records(self) -> list[Record]:
        """Every record, of every kind."""
        return [*self.reflections, *self.achievements, *self.paths, *self.interviews,
                *self.goals, *self.requests, *self.meetings, *self.captures, *self.checkins]

    @classmethod
    def of(cls, book: Workbook) -> WorkbookContents:
        meetings = book.all(Meeting)
        current = pick_current(meetings)
        invite = invite_for(book, current)
        return cls(
            profile=book.profile(),
            reflections=book.all(Reflection),
            achievements=book.all(Achievement),
            paths=book.all(CareerPath),
            interviews=book.all(Interview),
            goals=book.all(Goal),
            requests=book.all(Request),
            agenda=current.agenda if current is not None else "",
            invite=invite if (invite.body or any(not s.blank for s in invite.slots)) else None,
            meetings=meetings,
            captures=book.all(Capture),
            checkins=book.all(CheckIn),
        )


RECORD_TABLES = frozenset({Reflection.TABLE, Achievement.TABLE, CareerPath.TABLE,
                           Interview.TABLE, Goal.TABLE, Request.TABLE, Meeting.TABLE,
                           Capture.TABLE, CheckIn.TABLE})
"""The tables `WorkbookContents.records` reads: a stage that checks a draft for private
words listens to them all."""


def export_file_name(today: date, shareable_only: bool) -> str:
    """careertui-workbook-2026-11-26.md, or careertui-shareable-… for a shareable copy."""
    return f"careertui-{'shareable' if shareable_only else 'workbook'}-{today.isoformat()}.md"


@dataclass
class _Filter:
    """Which records may appear, and how many were left out, by kind."""

    shareable_only: bool
    left_out: int = 0
    records: Sequence[Record] = ()
    """Every record, to find private words in a draft written before they were private."""
    left_out_by: dict[str, int] = field(default_factory=dict)
    _words: PrivateWords | None = None
    """How many private records of each kind (by noun: "path") a shareable copy left out."""

    def draft(self, text: str) -> str | None:
        """A draft as it may appear; None (and counted) when a shareable copy must leave
        it out because it mentions something now marked private."""
        if self.shareable_only and self.words().mentions(text):
            self.left_out += 1
            return None
        return text

    def words(self) -> PrivateWords:
        """The private words, gathered once per export (a check-in's texts each ask)."""
        if self._words is None:
            self._words = PrivateWords.of(self.records)
        return self._words

    def keep(self, records: Iterable[R], noun: str) -> list[R]:
        """Call once per kind of record: each call counts what it leaves out, as `noun`s."""
        records = list(records)
        if not self.shareable_only:
            return records
        kept = [record for record in records if record.shareable]
        self.left_out += len(records) - len(kept)
        self.left_out_by[noun] = self.left_out_by.get(noun, 0) + len(records) - len(kept)
        return kept

    def said(self, *nouns: str) -> str:
        """"2 private paths and 1 private informational interview left out.", or ""."""
        parts = [f"{count} private {noun}{'s' if count != 1 else ''}"
                 for noun in nouns if (count := self.left_out_by.get(noun, 0))]
        if not parts:
            return ""
        listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
        return f"{listed} left out."

    @staticmethod
    def label(record: Record) -> str:
        """Private records are marked in the full export so the reader knows what not to share."""
        return " *(private)*" if not record.shareable else ""


def _line(text: str) -> str:
    return " ".join(text.split())


def _demote(markdown: str, levels: int) -> str:
    """Push the headings of an embedded document down so they sit under ours."""
    out, fenced = [], False
    for line in markdown.strip().splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and re.match(r"#{1,6} ", line):
            line = "#" * min(6, line.index(" ") + levels) + line[line.index(" "):]
        out.append(line)
    return "\n".join(out)


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.strip().splitlines()]


def render_workbook(
    contents: WorkbookContents, *, today: date, shareable_only: bool = False
) -> str:
    """The workbook as Markdown; with `shareable_only`, private records never reach the text."""
    keep = _Filter(shareable_only, records=contents.records())
    body: list[str] = []
    body += _self_assessment(contents, keep)
    paths = {p.id: p for p in keep.keep(contents.paths, "path")}
    body += _paths(contents, keep, paths)
    goals = {g.id: g for g in keep.keep(contents.goals, "goal")}
    body += _goals(contents, keep, goals, paths, today)
    body += _agenda(contents, keep)
    body += _invite(contents, keep)
    captures = keep.keep([c for c in contents.captures if c.kind != "action"
                          and c.text.strip()], "meeting note")
    captures += keep.keep([c for c in contents.captures if c.kind == "action"], "action item")
    meetings = sorted(contents.meetings, key=lambda m: (m.date, m.time), reverse=True)
    body += _meetings(contents, keep, meetings, captures)
    body += _follow_up(contents, keep, meetings, captures)
    body += _check_ins(contents, keep, goals)

    profile = contents.profile
    who = _line(profile.name) or "My"
    title = f"# {who}{'’s' if profile.name.strip() else ''} career workbook"
    about = ", ".join(x for x in (_line(profile.role), _line(profile.team),
                                  _line(profile.company)) if x)
    who_lines = [about] if about else []
    if profile.manager_name.strip():
        who_lines.append(f"Manager: {_line(profile.manager_name)}")
    head = [title, ""]
    if who_lines:  # two lines of one paragraph: a Markdown line break between them
        head += ["  \n".join(who_lines), ""]
    head += [f"*Exported {friendly(today)}.*", ""]
    if shareable_only:
        count = f"{keep.left_out} private item{'s are' if keep.left_out != 1 else ' is'} left out"
        head += [
            f"> **Shareable only.** {count}: this copy holds only what you marked shareable, "
            "plus the agenda and the emails you wrote for your manager (left out where "
            "they mention something you have since marked private).",
            "",
        ]
    else:
        head += [
            "> **Everything, private notes included.** Items marked *(private)* are for "
            "you only; `careertui export --shareable-only` leaves them out.",
            "",
        ]
    return "\n".join(head + body).rstrip() + "\n"


def _section(title: str, lines: list[str], empty: str, left_out: str = "") -> list[str]:
    """A stage's section; in a shareable copy, how many private items it left out
    (said instead of "nothing yet" when there were some: nothing was not the case)."""
    if left_out:
        return [f"## {title}", "", *lines, f"*{left_out}*", ""]
    return [f"## {title}", "", *(lines or [f"*{empty}*", ""])]


def _self_assessment(contents: WorkbookContents, keep: _Filter) -> list[str]:
    answers = {r.key: r for r in keep.keep(
        [r for r in contents.reflections if r.text.strip()], "answer")}
    lines: list[str] = []
    for prompt in SELF_ASSESSMENT:
        answer = answers.get(prompt.key)
        if answer is not None:
            lines += [f"### {prompt.title}{keep.label(answer)}", "", answer.text.strip(), ""]
    achievements = sorted(keep.keep(contents.achievements, "achievement"),
                          key=lambda a: a.date, reverse=True)
    if achievements:
        lines += ["### Achievements", ""]
        for item in achievements:
            line = f"- {friendly(item.date)}: **{_line(item.what)}**" if item.date else (
                f"- **{_line(item.what)}**")
            if item.impact.strip():
                line += f", {_line(item.impact)}"
            if item.link.strip():
                line += f" ({item.link.strip()})"
            lines.append(line + keep.label(item))
        lines.append("")
    return _section("Self-assessment", lines, "Nothing written yet.",
                    keep.said("answer", "achievement"))


def _paths(
    contents: WorkbookContents, keep: _Filter, paths: dict[str, CareerPath]
) -> list[str]:
    interviews = sorted(keep.keep(contents.interviews, "informational interview"),
                        key=lambda i: i.date)
    lines: list[str] = []
    for path in sorted(paths.values(), key=lambda p: (-p.interest, p.role)):
        team = f", {_line(path.team)}" if path.team.strip() else ""
        lines += [f"### {_line(path.role) or 'Untitled path'}{team}{keep.label(path)}", ""]
        facts = [path.kind_label, f"interest {path.interest}/5", path.status]
        if path.source:
            facts.append(f"found through {path.source}")
        lines.append(f"- {' · '.join(facts)}")
        for label, text in (("Skills needed", path.skills_needed), ("Gap", path.gap),
                            ("Notes", path.notes)):
            if text.strip():
                lines.append(f"- {label}: {_line(text)}")
        lines += [_interview(i, keep) for i in interviews if i.path_id == path.id]
        lines.append("")
    others = [i for i in interviews if i.path_id not in paths]
    if others:
        lines += ["### Other informational interviews", "", *map(lambda i: _interview(i, keep),
                                                                  others), ""]
    return _section("Paths", lines, "No paths yet.",
                    keep.said("path", "informational interview"))


def _interview(item: Interview, keep: _Filter) -> str:
    """"- Priya Shah (Analytics lead), Fri 27 Nov 2026: what I learned. Next: the step."
    Who first, as a reader scans for names; each part ends as a sentence does."""
    who = _line(item.person) or "Someone"
    role = f" ({_line(item.their_role)})" if item.their_role.strip() else ""
    when = f", {friendly(item.date)}" if item.date else ""
    line = f"- {who}{role}{when}"
    if item.learned.strip():
        line += f": {_sentence(item.learned)}"
    if item.next_step.strip():
        line += f"{'' if item.learned.strip() else '.'} Next: {_sentence(item.next_step)}"
    return line + keep.label(item)


def _sentence(text: str) -> str:
    """One line that ends as a sentence: a full stop added unless it already ends in one."""
    text = _line(text)
    return text if text.endswith((".", "!", "?", "…", "。", "！", "？")) else f"{text}."


def _goals(
    contents: WorkbookContents, keep: _Filter, goals: dict[str, Goal],
    paths: dict[str, CareerPath], today: date,
) -> list[str]:
    requests = keep.keep(contents.requests, "request")
    lines: list[str] = []
    active = sorted((g for g in goals.values() if g.active),
                    key=lambda g: (g.target_date or "9999", g.title))
    finished = sorted((g for g in goals.values() if not g.active),
                      key=lambda g: g.target_date, reverse=True)
    ordered = active + finished
    for goal in ordered:
        lines += [f"### {_line(goal.title) or 'Untitled goal'} ({goal.status}){keep.label(goal)}",
                  ""]
        facts = [goal.horizon]
        if goal.target_date:
            facts.append(f"by {friendly(goal.target_date)}")
        lines.append(f"- {' · '.join(facts)}")
        for label, text in (("Why", goal.why), ("Done when", goal.measure)):
            if text.strip():
                lines.append(f"- {label}: {_line(text)}")
        towards = [_line(paths[i].role) for i in goal.path_ids if i in paths]
        if towards:
            lines.append(f"- Towards: {', '.join(towards)}")
        lines += [_request(r, keep, today) for r in requests if r.goal_id == goal.id]
        lines.append("")
    others = [r for r in requests if r.goal_id not in goals]
    if others:
        lines += ["### Other requests", "", *(_request(r, keep, today) for r in others), ""]
    return _section("Goals", lines, "No goals yet.", keep.said("goal", "request"))


def _request(item: Request, keep: _Filter, today: date) -> str:
    return (f"- Request ({item.kind}): {_line(item.ask) or 'untitled'}: "
            f"{ledger_summary(item, today)}{keep.label(item)}")


LEFT_OUT_DRAFT = ("*Left out: it mentions something you have since marked private. "
                  "Redraft it (f2) to share it.*")


def _agenda(contents: WorkbookContents, keep: _Filter) -> list[str]:
    text = contents.agenda.strip()
    if text and keep.draft(text) is None:
        return _section("Agenda", [LEFT_OUT_DRAFT, ""], "")
    return _section("Agenda", [_demote(text, 2), ""] if text else [], "No agenda yet.")


def _invite(contents: WorkbookContents, keep: _Filter) -> list[str]:
    invite, lines = contents.invite, []
    if invite is not None:
        slots = [_line(s.words) for s in invite.slots if not s.blank]
        if slots:
            lines += [f"Proposed times: {'; '.join(slots)}", ""]
        if invite.body.strip() and keep.draft(invite.body) is None:
            lines += [LEFT_OUT_DRAFT, ""]
        elif invite.body.strip():
            to = contents.profile.manager_email.strip()
            lines += ([f"**To:** {to}  "] if to else []) + [
                f"**Subject:** {_line(invite.subject)}", "", *_quote(invite.body), ""]
    return _section("Invite", lines, "No meeting request drafted yet.")


def _meetings(
    contents: WorkbookContents, keep: _Filter, meetings: list[Meeting],
    captures: list[Capture],
) -> list[str]:
    lines: list[str] = []
    for meeting in meetings:
        when = friendly(meeting.date) if meeting.date else "Undated"
        at = f", {meeting.time}" if meeting.time else ""
        lines += [f"### {when}{at} ({meeting.minutes} min)", ""]
        heard = [c for c in captures if c.meeting_id == meeting.id and c.kind != "action"
                 and c.text.strip()]
        for capture in heard:
            kind = CAPTURE_KINDS.get(capture.kind, capture.kind)
            lines.append(f"- **{kind}:** {_line(capture.text)}{keep.label(capture)}")
        if not heard:
            lines.append("*Nothing captured.*")
        agenda = meeting.agenda.strip()
        if agenda and agenda != contents.agenda.strip():
            shown = keep.draft(agenda)
            lines += ["", "#### Agenda used", "",
                      _demote(shown, 3) if shown is not None else LEFT_OUT_DRAFT]
        lines.append("")
    return _section("Meeting", lines, "No meeting yet.", keep.said("meeting note"))


def _follow_up(
    contents: WorkbookContents, keep: _Filter, meetings: list[Meeting], captures: list[Capture]
) -> list[str]:
    manager = contents.profile.manager_name.strip()
    lines: list[str] = []
    for meeting in meetings:
        when = friendly(meeting.date) if meeting.date else "Undated meeting"
        lines += [f"### After {when}", ""]
        if meeting.thank_you_sent_at:
            lines.append(f"Thank-you sent {friendly(meeting.thank_you_sent_at[:10])}.")
        else:
            lines.append("Thank-you not sent yet.")
        if meeting.thank_you_body.strip() and keep.draft(meeting.thank_you_body) is None:
            lines += ["", LEFT_OUT_DRAFT]
        elif meeting.thank_you_body.strip():
            lines += ["", f"**Subject:** {_line(meeting.thank_you_subject)}", "",
                      *_quote(meeting.thank_you_body)]
        actions = sorted((c for c in captures if c.meeting_id == meeting.id
                          and c.kind == "action"), key=action_order)
        if actions:
            lines += ["", "#### Action items", ""]
            lines += [_action(item, manager) for item in actions]
        lines.append("")
    return _section("Follow-up", lines, "Nothing to follow up yet.", keep.said("action item"))


def _action(item: Capture, manager: str) -> str:
    box = "[x]" if item.status == "done" else "[ ]"
    text = _line(item.text)
    if item.status == "dropped":
        text = f"~~{text}~~ (dropped)"
    facts = [owner_label(item.owner, manager)]
    if item.due:
        facts.append(f"due {friendly(item.due)}")
    if item.done_on:
        facts.append(f"done {friendly(item.done_on)}")
    return f"- {box} {text} ({', '.join(facts)}){_Filter.label(item)}"


def _check_ins(contents: WorkbookContents, keep: _Filter, goals: dict[str, Goal]) -> list[str]:
    lines: list[str] = []
    for checkin in newest_first(keep.keep(contents.checkins, "check-in")):
        lines += [f"### {friendly(checkin.date) if checkin.date else 'Undated'}"
                  f"{keep.label(checkin)}", ""]
        progress = [(goals[g].title, note) for g, note in checkin.progress.items()
                    if g in goals and note.strip()]
        if progress:
            lines += ["**Progress**", ""]
            lines += [f"- {_line(title)}: {_line(note)}" for title, note in progress]
            lines.append("")
        for label, text in (("Open at the start", checkin.open_items),
                            ("New requests, blockers", checkin.new_items),
                            ("To raise next time", checkin.raise_next)):
            # a shareable check-in lists what was open when it began, private items too:
            # a shareable copy leaves out such a list (counted) rather than share them
            if text.strip() and keep.draft(text) is not None:
                lines += [f"**{label}**", "", text.strip(), ""]
        if checkin.next_date:
            lines += [f"Next one-on-one: {friendly(checkin.next_date)}", ""]
    return _section("Check-ins", lines, "No check-ins yet.", keep.said("check-in"))
