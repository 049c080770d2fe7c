"""A realistic, fictional workbook: for the demo, for trying careertui, for benchmarks.

The story: an analyst who holds a career conversation about every six months,
logs what they achieve, explores a handful of paths, turns what the
conversations open up into goals and requests, and checks progress at a
one-on-one every two weeks. Everything is drawn from a seeded random
generator and dated back from `end`, so the same seed and end date give the
same workbook byte for byte, and the demo always looks current.

No Textual here: the command line writes samples without starting an app.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from .drafting.agenda import AgendaInputs, draft_agenda
from .drafting.emails import meeting_request, thank_you
from .model import (
    CHECK_IN_CADENCE,
    CHECKLIST,
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
    Slot,
)
from .prompts import SELF_ASSESSMENT
from .store import R, Workbook

CONVERSATION_EVERY = timedelta(days=182)
CHECK_IN_EVERY = timedelta(days=14)
LAST_CONVERSATION_AGO = timedelta(days=19)
"""The latest conversation is recent, so its follow-up is still under way in the demo."""

PROFILE = Profile(
    name="Maya Lindqvist",
    email="maya.lindqvist@harbourline.example",
    role="senior data analyst",
    team="Revenue Analytics",
    company="Harbourline",
    manager_name="Daniel Okafor",
    manager_email="daniel.okafor@harbourline.example",
    meeting_minutes=45,
)
"""Who the sample belongs to; each sample gets its own copy."""

REFLECTIONS = {
    "strengths": "People bring me the questions nobody has framed yet. I am quick at turning a "
    "vague ask into a query, a chart and a one-paragraph answer.",
    "skills-to-develop": "Running a piece of work with several people in it. Presenting to "
    "the leadership team without over-explaining. Experiment design.",
    "energises": "Finding the one number that settles a debate. Pairing with new joiners. "
    "Seeing a dashboard I built used in a planning meeting.",
    "drains": "Rebuilding the same ad-hoc extract every month. Status meetings with no "
    "decision at the end.",
    "one-year": "Leading a small analytics project from scoping to handover, with a "
    "stakeholder who would ask for me again.",
    "three-years": "Leading a small team of analysts, or a senior individual role in "
    "product analytics.",
    "five-years": "Head of an analytics function, or a principal analyst others learn from.",
    "values": "Honest numbers, a team that teaches, and time to do one thing properly.",
}

SHARED_REFLECTIONS = frozenset({"strengths", "skills-to-develop", "one-year"})

ACHIEVEMENTS = [
    ("Rebuilt the {report} report", "month-end close takes {n} hours less", (3, 12)),
    ("Automated the {report} extract", "saves the team about {n} hours a month", (4, 20)),
    ("Ran the {report} training for new joiners", "{n} people now run it on their own", (2, 9)),
    ("Found a double-count in the {report} numbers", "forecast corrected by {n}%", (2, 8)),
    ("Presented the {report} review to the leadership team", "{n} decisions taken on it",
     (2, 5)),
    ("Mentored a new analyst on the {report} work", "working alone after {n} weeks", (4, 10)),
    ("Moved the {report} dashboard to the new warehouse", "loads in {n} seconds instead of a "
     "minute", (2, 9)),
    ("Wrote the data guide for the {report} model", "{n} teams now link to it", (2, 7)),
    ("Cleaned up the {report} pipeline", "{n} fewer failed runs a month", (3, 15)),
    ("Led the {report} data-quality review", "{n} issues fixed at the source", (4, 18)),
]
REPORTS = ["revenue", "churn", "pricing", "renewals", "pipeline", "margin", "cohort",
           "demand planning", "regional sales", "subscription", "marketing spend", "support load"]

PATHS = [
    ("Analytics team lead", "Revenue Analytics", "vertical", "conversation",
     "people management, planning a quarter", "people management, hiring, budgets"),
    ("Product analyst", "Growth", "lateral", "job posting",
     "experiment design, product sense", "A/B testing"),
    ("Data engineer", "Platform", "new-area", "conversation",
     "pipelines, orchestration, testing", "Python packaging, Airflow, testing"),
    ("Principal analyst", "Revenue Analytics", "vertical", "org chart",
     "setting standards across teams", "visibility outside my team, writing"),
    ("Pricing analyst", "Commercial", "lateral", "job posting",
     "elasticity models, negotiation support", "econometrics"),
    ("Analytics engineer", "Data Products", "new-area", "conversation",
     "dbt, data modelling, code review", "dbt, version control"),
    ("Finance business partner", "Finance", "lateral", "other",
     "budgeting, stakeholder management", "accounting basics, budgeting"),
    ("Head of analytics", "Revenue Analytics", "vertical", "org chart",
     "strategy, hiring, budgets", "strategy, hiring, budgets, people management"),
]
PATH_NOTES = [
    "Sounds like the work I enjoy most; the team is small.",
    "Would mean leaving the team I like; worth a conversation anyway.",
    "Pay is similar; the learning curve is the draw.",
    "Not open now, but the current lead moves on next year.",
]
PEOPLE = ["Sam Whitfield", "Lena Brandt", "Tomás Ferreira", "Aisha Karim", "Jonas Eriksen",
          "Grace Mwangi", "Ravi Menon", "Hana Sato", "Oliver Grant", "Nadia Petrova"]
LEARNED = [
    "Most of the job is unblocking others; the analysis is maybe a third of it.",
    "They hire for curiosity and teach the tools; a portfolio of experiments helps.",
    "The on-call rota is real; the team is friendly and reviews carefully.",
    "Visibility comes from writing things down and sharing them widely.",
    "Start by shadowing one planning cycle before deciding.",
]

GOALS = [
    ("Lead the {report} project end to end", "project shipped and reviewed by its users",
     "lead a small project", "Let me lead the {report} project next quarter"),
    ("Present the {report} review to leadership", "presented twice, with questions handled",
     "stretch assignment", "Give me the {report} slot at the next quarterly review"),
    ("Get the {cert} certification", "exam passed",
     "certification", "Fund the {cert} certification exam"),
    ("Learn experiment design", "two A/B tests designed and read out",
     "course or training", "Fund the experiment design course"),
    ("Mentor a new analyst", "they run the {report} work on their own",
     "mentorship", "Pair me with the next analyst who joins"),
    ("Shadow the Growth team for a sprint", "one sprint shadowed, notes shared",
     "shadowing", "Arrange a sprint of shadowing with Growth"),
    ("Speak at the analytics meetup", "talk given and slides shared",
     "conference", "Cover the ticket for the analytics conference"),
    ("Write the team's data-quality standard", "standard adopted by the team",
     "other", "Set aside a day a month for the data-quality standard"),
    ("Own the {report} forecast", "forecast error under 5% for a quarter",
     "stretch assignment", "Hand me the {report} forecast from next month"),
    ("Improve SQL performance tuning", "three slow reports made fast",
     "course or training", "Book the advanced SQL workshop"),
]
WHY = [
    "It is the step between doing the analysis and leading it.",
    "It closes the gap I see for the paths I am exploring.",
    "It is what my manager said would make the difference.",
    "It makes my work visible beyond the team.",
]
PROGRESS = [
    "kick-off done, scope agreed", "first draft shared for comments", "blocked on data access",
    "halfway there", "review booked with stakeholders", "small slip, back on track",
    "feedback in, reworking one section", "nearly done", "paused for the quarter-end rush",
    "made good progress this fortnight", "waiting on my manager's answer", "no movement yet",
]
STRENGTHS = [
    "Stakeholders trust my numbers and come back for more",
    "Clear, short write-ups that leadership actually reads",
    "Patient with new joiners; they learn fast with me",
    "Calm under quarter-end pressure",
]
GROW = [
    "Say no earlier to low-value requests",
    "Speak up sooner in planning meetings",
    "Delegate the routine extracts",
    "Tell the story before showing the chart",
]
OPPORTUNITIES = [
    "There may be a lead role opening in the team next year",
    "Growth could use an analyst for their pricing experiments",
    "The data platform team wants someone to own data quality",
    "Leadership wants a regular revenue review; I could present it",
]
QUESTIONS = [
    "What would the promotion case need to show?",
    "Is the training budget still available this year?",
    "Who else should I talk to about the lead role?",
]
NOTES = [
    "Daniel will raise the lead role with his manager",
    "Headcount is frozen until the spring",
    "The reorg will not touch our team",
]
ACTIONS_AT_MEETING = [
    ("me", "Send the notes from today's conversation"),
    ("manager", "Introduce me to the Growth team lead"),
    ("me", "Draft the {report} project plan"),
    ("manager", "Confirm the training budget"),
    ("me", "Book a coffee with someone in the Platform team"),
    ("manager", "Check whether the lead role will be advertised"),
    ("me", "Update my goals with what we agreed"),
    ("me", "Collect feedback from two stakeholders"),
    ("manager", "Share the promotion criteria"),
    ("me", "Prepare a one-page summary of the {report} work"),
]
ACTIONS_LATER = [
    ("me", "Share the {report} draft with Daniel"),
    ("me", "Fix the {report} refresh schedule"),
    ("manager", "Review the {report} plan"),
    ("me", "Write up what I learned from the shadowing"),
    ("me", "Book the exam date"),
    ("manager", "Approve the conference ticket"),
    ("me", "Send the {report} numbers to finance"),
    ("me", "Ask Sam for feedback on the presentation"),
]
NEW_ITEMS = [
    "Blocked on warehouse access for the {report} data",
    "New request from finance about the {report} numbers",
    "Need a decision on the course dates",
    "",
    "",
]
RAISE_NEXT = [
    "Promotion timeline",
    "Course budget for next quarter",
    "Workload during quarter end",
    "Whether I can drop the weekly extract",
    "",
    "",
]


CERTIFICATIONS = ["cloud data engineer", "dbt analytics engineer", "Tableau analyst",
                  "statistics foundations", "project management basics"]


@dataclass
class Sample:
    """The records and named values of one sample workbook."""

    profile: Profile
    records: list[Record] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def count(self, kind: type[Record]) -> int:
        return sum(1 for r in self.records if type(r) is kind)

    def actions(self) -> int:
        return sum(1 for r in self.records if isinstance(r, Capture) and r.kind == "action")

    def summary(self) -> str:
        """"200 achievements, 6 paths, …": what a person just got."""
        counts = [
            (self.count(Achievement), "achievement"), (self.count(CareerPath), "path"),
            (self.count(Goal), "goal"), (self.count(Request), "request"),
            (self.count(Meeting), "career conversation"), (self.actions(), "action item"),
            (self.count(CheckIn), "check-in"),
        ]
        return ", ".join(f"{n} {word}{'s' if n != 1 else ''}" for n, word in counts)


class _Writer:
    """Seeded choices and deterministic ids and timestamps."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.records: list[Record] = []

    def new_id(self) -> str:
        return f"{self.rng.getrandbits(48):012x}"

    def add(self, record: R, day: date, hour: int = 9) -> R:
        """Stamp and keep a record; returned as the kind it was given."""
        record.id = self.new_id()
        record.created = record.updated = _stamp(day, hour)
        record.position = len(self.records)
        if isinstance(record, Goal):  # its history starts the day it was written down
            record.history = [{"status": record.status, "date": day.isoformat()}]
        self.records.append(record)
        return record

    def pick(self, items: Sequence[Any]) -> Any:
        return self.rng.choice(items)

    def fill(self, text: str) -> str:
        return text.format(report=self.pick(REPORTS), n=self.rng.randint(2, 12))


def _link_evidence(achievements: list[Achievement], goals: list[Goal]) -> None:
    """Two achievements in three support a goal that was under way on their day: the
    progress packet's evidence. Chosen by position, not drawn, so the seeded records
    stay as they were."""
    for number, achievement in enumerate(achievements):
        if number % 3 == 0:
            continue
        under_way = [g for g in goals if g.created[:10] <= achievement.date
                     and achievement.date <= (g.target_date or "9999")]
        if under_way:
            achievement.goal_id = under_way[number % len(under_way)].id


def _set_status(goal: Goal, status: str, day: date) -> None:
    """A goal moves, and its history says when."""
    goal.status = status
    goal.note_status(day.isoformat())


def _stamp(day: date, hour: int = 9) -> str:
    return datetime.combine(day, time(hour), tzinfo=UTC).isoformat(timespec="seconds")


def _weekday(day: date) -> date:
    """Work happens on weekdays: a Saturday or Sunday moves to the Friday before."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def build_sample(years: int = 1, seed: int = 1, end: date | None = None) -> Sample:
    """A workbook spanning `years` up to `end` (today by default)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    end = end or date.today()
    start = end - timedelta(days=round(365.25 * years))
    w = _Writer(seed)
    profile = replace(PROFILE, id="profile", created=_stamp(start))
    profile.updated = profile.created

    reflections = [  # what to grow toward is shared; what drains stays private
        w.add(Reflection(key=prompt.key, text=REFLECTIONS.get(prompt.key, ""),
                         shareable=prompt.key in SHARED_REFLECTIONS), start)
        for prompt in SELF_ASSESSMENT
    ]

    achievements = []
    days = sorted(_weekday(_between(w.rng, start, end - timedelta(days=3)))
                  for _ in range(40 * years))
    for day in days:  # logged as they happened: oldest first
        what, impact, (low, high) = w.pick(ACHIEVEMENTS)
        achievements.append(w.add(Achievement(
            date=day.isoformat(), what=what.format(report=w.pick(REPORTS)),
            impact=impact.format(n=w.rng.randint(low, high)), shareable=w.rng.random() < 0.85,
        ), day))

    path_count = w.rng.randint(4, 8)
    paths: list[CareerPath] = []
    up = w.pick([p for p in PATHS if p[2] == "vertical"])
    across = w.pick([p for p in PATHS if p[2] == "lateral"])
    rest = w.rng.sample([p for p in PATHS if p not in (up, across)], path_count - 2)
    for role, team, kind, source, skills, gap in [up, across, *rest]:
        day = _between(w.rng, start, start + timedelta(days=120))
        path = w.add(CareerPath(
            role=role, team=team, kind=kind, source=source, skills_needed=skills, gap=gap,
            interest=w.rng.randint(2, 5), notes=w.pick(PATH_NOTES),
            status=w.pick(["exploring", "talked to someone", "talked to someone", "not for me"]),
            shareable=w.rng.random() < 0.5,
        ), day)
        paths.append(path)
        for _ in range(w.rng.randint(1, 3)):
            when = _weekday(_between(w.rng, day, end - timedelta(days=3)))
            w.add(Interview(
                person=w.pick(PEOPLE), their_role=role, date=when.isoformat(), path_id=path.id,
                questions="What does a normal week look like?\nWhat would you learn first?",
                learned=w.pick(LEARNED), thank_you=w.pick(["sent", "sent", "not yet"]),
                next_step=w.pick(["Read the team's last quarterly review", "Follow up in a month",
                                  ""]),
            ), when)

    conversations = []
    day = _weekday(end - LAST_CONVERSATION_AGO)
    while day > start + timedelta(days=30):
        conversations.append(day)
        day -= CONVERSATION_EVERY
    conversations.reverse()

    goals: list[Goal] = []
    requests: list[Request] = []
    period_goals: dict[date, list[Goal]] = {}
    actions: list[tuple[Capture, date]] = []
    for number, meeting_day in enumerate(conversations):
        latest = number == len(conversations) - 1
        next_day = conversations[number + 1] if not latest else end + timedelta(days=160)
        goals_before = len(goals)
        _conversation(w, profile, meeting_day, next_day, end, latest,
                      achievements, paths, goals, requests, actions, reflections)
        carried = [g for g in goals[:goals_before] if g.active]
        period_goals[meeting_day] = carried + goals[goals_before:]

    _check_ins(w, start, end, period_goals, actions)
    _link_evidence(achievements, goals)
    meetings = [r for r in w.records if isinstance(r, Meeting)]
    for meeting in meetings:  # kept apart from the seeded draws: earlier records stay as they were
        w.records.append(_invite(profile, meeting, latest=meeting is meetings[-1]))
    return Sample(profile, w.records, {CHECK_IN_CADENCE: "2w"})


def _conversation(
    w: _Writer, profile: Profile, day: date, next_day: date, end: date, latest: bool,
    achievements: list[Any], paths: list[CareerPath], goals: list[Goal],
    requests: list[Request], actions: list[tuple[Capture, date]],
    reflections: list[Reflection],
) -> None:
    """One career conversation: goals and requests prepared two weeks before, the agenda
    drafted from them, what was heard, the thank-you sent the next morning, and the
    action items agreed then and at the one-on-ones until the next conversation."""
    prepared = _weekday(day - timedelta(days=14))
    # The last round's goals are finished or dropped; now and then one carries over.
    carried_one = False
    for goal in goals:
        if goal.active:
            if not carried_one and w.rng.random() < 0.5:
                _set_status(goal, "in progress", prepared)
                carried_one = True
            else:
                _set_status(goal, w.pick(["done", "done", "done", "dropped"]), prepared)
    agreed = w.pick(["agreed", "in progress", "in progress"]) if latest else "agreed"
    new_goals = []
    chosen = w.rng.sample(GOALS, 6)
    for index, (title, measure, kind, ask) in enumerate(chosen):
        words = {"report": w.pick(REPORTS), "cert": w.pick(CERTIFICATIONS)}
        # A goal carried over is not set again under the same title: another is taken.
        spare = (g for g in GOALS if g not in chosen)
        while any(g.active and g.title == title.format(**words) for g in goals):
            chosen[index] = title, measure, kind, ask = next(spare)
        goal = _goal(w, title.format(**words), measure.format(**words), day, paths, prepared)
        new_goals.append(goal)
        if w.rng.random() < 0.7:
            requests.append(_request(w, goal, kind, ask.format(**words), prepared, day, end))
    from_meeting = new_goals.pop()  # grows out of an opportunity raised in the meeting
    goals += new_goals
    earlier = [a for a in achievements if a.date < prepared.isoformat()]
    agenda = draft_agenda(AgendaInputs(
        profile, earlier, paths, [g for g in goals if g.active],
        [r for r in requests if r.open], meeting_date=day, reflections=reflections,
    ))
    for goal in new_goals:
        _set_status(goal, agreed, day)
    meeting = w.add(Meeting(
        date=day.isoformat(), time="10:00", minutes=profile.meeting_minutes, agenda=agenda,
        checklist={key: True for key, _ in CHECKLIST},
        next_check_in=(day + CHECK_IN_EVERY).isoformat(),
    ), day, 10)
    # Planned two weeks ahead, its agenda drafted a week ahead, held on the day (marked
    # just after it ended).
    meeting.created = _stamp(prepared)
    meeting.held_at = _stamp(day, 11)
    meeting.agenda_drafted = agenda
    meeting.agenda_drafted_at = f"{day - timedelta(days=7):%a %-d %b %Y}, 09:00"
    captures: list[Capture] = []

    def capture(kind: str, text: str, shareable: bool, **extra: Any) -> Capture:
        record = w.add(Capture(meeting_id=meeting.id, kind=kind, text=text, raw=text,
                               shareable=shareable, **extra), day, 10)
        captures.append(record)
        return record

    for text in w.rng.sample(STRENGTHS, 2):
        capture("strength", text, shareable=w.rng.random() < 0.5)
    for text in w.rng.sample(GROW, 2):
        capture("grow", text, shareable=False)
    first, second = w.rng.sample(OPPORTUNITIES, 2)
    opening = capture("opportunity", first, shareable=True)
    capture("opportunity", second, shareable=True)
    capture("question", w.pick(QUESTIONS), shareable=True)
    capture("note", w.pick(NOTES), shareable=False)
    from_meeting.from_capture, opening.linked_id = opening.id, from_meeting.id
    from_meeting.status = agreed
    from_meeting.created = from_meeting.updated = _stamp(day, 11)
    from_meeting.history = [{"status": agreed, "date": day.isoformat()}]
    goals.append(from_meeting)

    for owner, text in w.rng.sample(ACTIONS_AT_MEETING, 6):
        due = _weekday(day + timedelta(days=w.rng.randint(7, 45)))
        actions.append((capture("action", w.fill(text), shareable=True, owner=owner,
                                due=due.isoformat()), day))
    # Action items added at one-on-ones until the next conversation.
    one_on_one = day + CHECK_IN_EVERY
    while one_on_one < min(next_day, end):
        for _ in range(w.rng.choice([1, 2, 2, 3])):
            owner, text = w.pick(ACTIONS_LATER)
            due = _weekday(one_on_one + timedelta(days=w.rng.randint(5, 30)))
            item = w.add(Capture(meeting_id=meeting.id, kind="action", text=w.fill(text),
                                 raw="", owner=owner, due=due.isoformat(),
                                 shareable=w.rng.random() < 0.9), one_on_one, 12)
            actions.append((item, one_on_one))
        one_on_one += CHECK_IN_EVERY
    for item, added in actions:
        if item.meeting_id != meeting.id:
            continue
        due = date.fromisoformat(item.due)
        if due < end - timedelta(days=3) or w.rng.random() < 0.3:
            roll = w.rng.random()
            if roll < 0.85 or not latest:
                item.status = "done" if roll < 0.93 else "dropped"
                if item.status == "done":
                    finished = min(end, _between(w.rng, added, due + timedelta(days=5)))
                    item.done_on = finished.isoformat()

    sent = datetime.combine(day + timedelta(days=1), time(8, 40), tzinfo=UTC)
    draft = thank_you(profile, captures, meeting.next_check_in)
    meeting.thank_you_subject, meeting.thank_you_body = draft.subject, draft.body
    meeting.thank_you_drafted = draft.body
    meeting.thank_you_sent_at = sent.isoformat(timespec="seconds")


def _goal(w: _Writer, title: str, measure: str, day: date, paths: list[CareerPath],
          prepared: date) -> Goal:
    return w.add(Goal(
        title=title, measure=measure,
        horizon=w.pick(["short-term", "short-term", "long-term"]), why=w.pick(WHY),
        target_date=(day + timedelta(days=w.rng.choice([60, 90, 120, 150]))).isoformat(),
        status="idea", path_ids=[w.pick(paths).id] if paths else [],
        shareable=w.rng.random() < 0.85,
    ), prepared, 17)


def _request(w: _Writer, goal: Goal, kind: str, ask: str, prepared: date, day: date,
             end: date) -> Request:
    """Drafted with its goal, asked at the conversation, answered some weeks later."""
    ledger = [{"status": "draft", "date": prepared.isoformat()},
              {"status": "asked", "date": day.isoformat()}]
    answer_day = _weekday(day + timedelta(days=w.rng.randint(5, 40)))
    if answer_day < end:
        outcome = w.pick(["agreed", "agreed", "agreed", "declined"])
        ledger.append({"status": outcome, "date": answer_day.isoformat()})
        delivered = _weekday(answer_day + timedelta(days=w.rng.randint(20, 90)))
        if outcome == "agreed" and delivered < end:
            ledger.append({"status": "delivered", "date": delivered.isoformat()})
    return w.add(Request(goal_id=goal.id, kind=kind, ask=ask, ledger=ledger,
                         needed_by=(day + timedelta(days=60)).isoformat(),
                         shareable=bool(goal.shareable)), prepared, 17)


def _check_ins(
    w: _Writer, start: date, end: date, period_goals: dict[date, list[Goal]],
    actions: list[tuple[Capture, date]],
) -> None:
    """A one-on-one every two weeks, the latest a few days ago."""
    days = []
    day = _weekday(end - timedelta(days=w.rng.randint(2, 6)))
    while day > start:
        days.append(day)
        day -= CHECK_IN_EVERY
    for day in reversed(days):
        since = max((c for c in period_goals if c <= day), default=None)
        active = period_goals[since] if since else []
        progress = {g.id: w.pick(PROGRESS) for g in active if w.rng.random() < 0.8}
        still_open = [
            item for item, added in actions
            if added <= day and (not item.done_on or item.done_on > day.isoformat())
            and item.status != "dropped"
        ]
        open_items = "\n".join(f"- {item.text} (due {item.due})" for item in still_open[:6])
        w.add(CheckIn(
            date=day.isoformat(), progress=progress, open_items=open_items,
            new_items=w.fill(w.pick(NEW_ITEMS)), raise_next=w.pick(RAISE_NEXT),
            next_date=(day + CHECK_IN_EVERY).isoformat(), shareable=w.rng.random() < 0.6,
        ), day, 15)


def _invite(profile: Profile, meeting: Meeting, latest: bool) -> Invite:
    """The invite as it was sent for a conversation, with its agenda, ten days ahead."""
    day = date.fromisoformat(meeting.date)
    later = [d for d in (day + timedelta(days=n) for n in range(1, 6)) if d.weekday() < 5]
    slots = [Slot(d.isoformat(), t) for d, t in zip((day, *later[:2]),
                                                    ("10:00", "14:30", "09:30"), strict=True)]
    invite = Invite(id="invite" if latest else f"invite-{meeting.id}", meeting_id=meeting.id,
                    slots=slots, include_agenda=True,
                    note="Happy to do this over coffee if that is easier.")
    draft = meeting_request(profile, invite, meeting.agenda)
    invite.subject, invite.body, invite.drafted_body = draft.subject, draft.body, draft.body
    invite.created = invite.updated = _stamp(day - timedelta(days=10))
    return invite


def write_sample(path: Path, *, years: int = 1, seed: int = 1, end: date | None = None) -> Sample:
    """Write a new sample workbook at `path`; never replaces a file (FileExistsError)."""
    if path.exists():
        raise FileExistsError(17, "File exists", str(path))
    sample = build_sample(years, seed, end)
    book = Workbook.open(path, lock=False, clock=lambda: datetime.combine(
        end or date.today(), time(9), tzinfo=UTC))
    try:
        book.save_profile(sample.profile)
        book.add_all(sample.records)
        for key, value in sample.values.items():
            book.set_value(key, value)
        book.save()
    finally:
        book.close()
    return sample
