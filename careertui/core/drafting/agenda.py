"""The agenda sent before the conversation, drafted from shareable records only.

Sections follow the order a good career conversation takes: how the current
role is going, where I would like to go, the goals that get me there, what I
am asking for, the manager's view, and what happens next. Each gets a share
of the meeting's minutes; the shares always add up to the meeting length.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from ..capture import owner_label
from ..dates import friendly, month_day, month_year
from ..model import Achievement, CareerPath, Goal, Profile, Record, Reflection, Request
from ..prompts import SELF_ASSESSMENT
from ..since import SinceLast
from .privacy import AGENDA_ANSWERS

R = TypeVar("R", bound=Record)


@dataclass
class AgendaInputs:
    """Everything the agenda may draw on; private records are filtered out here."""

    profile: Profile
    achievements: Sequence[Achievement] = ()
    paths: Sequence[CareerPath] = ()
    goals: Sequence[Goal] = ()
    requests: Sequence[Request] = ()
    minutes: int | None = None
    meeting_date: date | None = None
    reflections: Sequence[Reflection] = ()
    since: SinceLast | None = None
    """What happened since the last conversation (a next conversation's agenda)."""


@dataclass
class Section:
    key: str
    title: str
    weight: int
    lines: list[str] = field(default_factory=list)
    minutes: int = 0


FEEDBACK_QUESTIONS = (
    "Where do you see me doing my best work at the moment?",
    "What is the one skill that would most widen what I can take on?",
    "Is there anything I do that gets in my way, that I might not see?",
    "Which projects, stretch assignments or training coming up would fit these goals?",
)

NEXT_STEPS = (
    "Sum up what we agreed, with who does what and by when",
    "Pick a date for our next check-in on progress",
)


def split_minutes(total: int, weights: Sequence[int]) -> list[int]:
    """Share `total` minutes by weight in whole minutes that add up exactly.

    Largest remainder first; every section gets at least a minute when there
    are enough minutes to go round.
    """
    if not weights:
        return []
    total = max(0, total)
    floor = 1 if total >= len(weights) else 0
    spare = total - floor * len(weights)
    weight_sum = sum(weights) or 1
    exact = [spare * w / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    leftover = spare - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda i: (exact[i] - shares[i], weights[i]),
                          reverse=True)
    for index in by_remainder[:leftover]:
        shares[index] += 1
    return [floor + share for share in shares]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


def _shareable(records: Iterable[R]) -> list[R]:
    return [record for record in records if record.shareable]


def _role_lines(achievements: Sequence[Achievement]) -> list[str]:
    shared = sorted(_shareable(achievements), key=lambda a: a.date or "", reverse=True)
    shared = [a for a in shared if a.what.strip()]
    if not shared:
        return [
            "- How the role is going: what has gone well and what has been hard",
            "- The parts of the work I enjoy most, and the parts that drain me",
        ]
    lines = ["What has gone well since we last talked:", ""]
    for item in shared[:8]:
        line = f"- **{' '.join(item.what.split())}**"
        if item.impact.strip():
            line += f": {' '.join(item.impact.split())}"
        if item.date:
            line += f" ({month_year(item.date)})"
        lines.append(line)
    return lines


def _grow_lines(reflections: Sequence[Reflection]) -> list[str]:
    answers = {r.key: r.text for r in _shareable(reflections) if r.text.strip()}
    lines: list[str] = []
    for prompt in SELF_ASSESSMENT:
        if prompt.key not in AGENDA_ANSWERS or prompt.key not in answers:
            continue
        points = [" ".join(line.strip().lstrip("-*•").split())
                  for line in answers[prompt.key].splitlines()]
        lines += [*([""] if lines else []), f"**{prompt.title}**", ""]
        lines += [f"- {point}" for point in points if point]
    return lines


def _interest_lines(paths: Sequence[CareerPath]) -> list[str]:
    shared = [p for p in _shareable(paths) if p.role.strip() and p.status != "not for me"]
    shared.sort(key=lambda p: -p.interest)
    lines = []
    for path in shared:
        team = f", {path.team.strip()}" if path.team.strip() else ""
        lines.append(f"- **{path.role.strip()}**{team}: {path.kind_label}")
    if lines:
        lines += ["", "What would you see as the next step towards these?"]
    return lines


def _goal_lines(goals: Sequence[Goal]) -> list[str]:
    lines = []
    for goal in _shareable(goals):
        if not goal.active or not goal.title.strip():
            continue
        line = f"- **{' '.join(goal.title.split())}**"
        details = []
        if goal.measure.strip():
            details.append(f"done when {' '.join(goal.measure.split())}")
        if goal.target_date.strip():
            details.append(f"by {friendly(goal.target_date)}")
        if details:
            line += f": {'; '.join(details)}"
        lines.append(line)
    return lines


def _request_lines(requests: Sequence[Request]) -> list[str]:
    return [
        f"- {_sentence(request.ask)}"
        for request in _shareable(requests)
        if request.open and request.ask.strip()
    ]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _since_lines(since: SinceLast, manager: str) -> list[str]:
    """What moved since the last conversation: achievements, goals, answers, actions done."""
    if since.last is None:
        return []
    lines: list[str] = []
    for item in since.achievements[-8:]:
        line = f"- **{_one_line(item.what)}**"
        if item.impact.strip():
            line += f": {_one_line(item.impact)}"
        lines.append(f"{line} ({month_day(item.date)})")
    for move in since.goals:
        line = f"- Goal **{_one_line(move.goal.title)}**"
        if move.statuses:
            status, day = move.statuses[-1]
            line += f": now {status} (since {month_day(day)})"
        lines.append(line)
        lines += [f"  - {month_day(day)}: {_one_line(note)}" for day, note in move.notes[-2:]]
    for request, status, day in since.answered:
        lines.append(f"- Asked for {_one_line(request.ask)}: {status} on {month_day(day)}")
    for action in since.done:
        lines.append(f"- Done: {_one_line(action.text)} ({owner_label(action.owner, manager)})")
    if lines:
        lines = [f"Since our conversation on {friendly(since.last)}:", "", *lines]
    return lines


def _open_lines(since: SinceLast, manager: str, today: date | None) -> list[str]:
    """What is not done yet: action items (overdue first) and requests still waiting."""
    lines = []
    for item in since.still_open[:10]:
        details = [owner_label(item.owner, manager)]
        if item.due:
            late = today is not None and item.due < today.isoformat()
            details.append(f"{'was due' if late else 'due'} {friendly(item.due)}")
        lines.append(f"- {_one_line(item.text)} ({', '.join(details)})")
    for waiting in since.waiting:
        days = "1 day" if waiting.days == 1 else f"{waiting.days} days"
        lines.append(f"- Waiting to hear about: {_one_line(waiting.request.ask)} "
                     f"(asked {days} ago)")
    return lines


def _follow_up_lines(since: SinceLast) -> list[str]:
    return [f"- Last time we talked about this: {_one_line(c.text)}. Where does it stand now?"
            for c in since.follow_ups]


def draft_agenda(inputs: AgendaInputs) -> str:
    """The agenda as Markdown. Only records marked shareable are ever read."""
    profile = inputs.profile
    total = inputs.minutes if inputs.minutes is not None else profile.meeting_minutes
    since = inputs.since
    manager = profile.manager_name.strip()
    achievements = inputs.achievements
    if since is not None and since.achievements:  # told once, under "Since we last spoke"
        achievements = ()
    sections = [
        *([Section("since", "Since we last spoke", 3, _since_lines(since, manager))]
          if since is not None else []),
        Section("role", "My current role", 4, _role_lines(achievements)),
        Section("grow", "Where I want to grow", 3, _grow_lines(inputs.reflections)),
        Section("interests", "Where I would like to go", 3, _interest_lines(inputs.paths)),
        Section("goals", "Development goals", 3, _goal_lines(inputs.goals)),
        Section("requests", "What I would like to ask for", 2, _request_lines(inputs.requests)),
        *([Section("open", "Still open", 2, _open_lines(since, manager, since.today)),
           Section("follow-up", "Following up from last time", 2, _follow_up_lines(since))]
          if since is not None else []),
        Section("feedback", "Your feedback", 3, [f"- {q}" for q in FEEDBACK_QUESTIONS]),
        Section("next", "Next steps", 1, [f"- {step}" for step in NEXT_STEPS]),
    ]
    sections = [section for section in sections if section.lines]
    for section, minutes in zip(
        sections, split_minutes(total, [s.weight for s in sections]), strict=True
    ):
        section.minutes = minutes

    who = profile.name.strip()
    heading = f"# Career development conversation{f': {who}' if who else ''}"
    facts = [f"{total} minutes"]
    if inputs.meeting_date:
        facts.insert(0, friendly(inputs.meeting_date))
    manager = profile.greeting
    thanks = f"Thank you{f', {manager},' if manager else ''} for making time for this."
    out = [
        heading,
        "",
        f"*{' · '.join(facts)}*",
        "",
        f"{thanks} I would like us to look at how my work is going, where I hope to "
        "grow next, and what would help me get there, and to hear how you see it.",
    ]
    for number, section in enumerate(sections, start=1):
        out += ["", f"## {number}. {section.title} ({section.minutes} min)", "", *section.lines]
    return "\n".join(out) + "\n"
