"""Fixed, fictional workbook contents for behaviour tests and snapshots."""

from __future__ import annotations

from careertui.core.model import Achievement, CareerPath, Goal, Invite, Profile, Request, Slot
from careertui.core.store import Workbook

PROFILE = Profile(
    name="Ana Souza",
    role="data analyst",
    team="Finance Analytics",
    manager_name="Priya Raman",
    manager_email="priya.raman@northwind.example",
    company="Northwind",
)


def fill_profile(workbook: Workbook) -> None:
    workbook.save_profile(Profile.from_doc(PROFILE.to_doc()))


def fill_invite(workbook: Workbook) -> None:
    fill_profile(workbook)
    slots = [Slot("2026-12-01", "10:00"), Slot("2026-12-02", "14:30"), Slot()]
    workbook.add(Invite(id="invite", slots=slots,
                        note="Happy to meet over coffee if that is easier."))


def fill_prepare(workbook: Workbook) -> None:
    """Achievements, paths, goals and requests, private and shareable, with the same words.

    Every record says which it is: new records are private unless marked shareable."""
    fill_profile(workbook)
    for record in (
        Achievement(id="a1", date="2026-09-30", what="Rebuilt the month-end revenue report",
                    impact="close now takes 1 day instead of 3", shareable=True),
        Achievement(id="a2", date="2026-06-15", what="Mentored two new analysts",
                    impact="both work on their own after six weeks", shareable=True),
        Achievement(id="a3", date="2026-05-01", what="SECRET side project for another team",
                    shareable=False),
        CareerPath(id="p1", role="Analytics team lead", team="Finance Analytics",
                   kind="vertical", interest=5, shareable=True),
        CareerPath(id="p2", role="Product analyst", team="Growth", kind="lateral",
                   interest=4, shareable=True),
        CareerPath(id="p3", role="SECRET job at a competitor", kind="lateral", interest=2),
        Goal(id="g1", title="Lead a small analytics project end to end",
             measure="project shipped and reviewed by stakeholders", target_date="2027-03-31",
             status="idea", horizon="short-term", shareable=True),
        Goal(id="g2", title="Get better at SQL", status="idea", shareable=True),
        Goal(id="g3", title="SECRET goal: leave within a year", shareable=False),
        Request(id="r1", goal_id="g1", kind="lead a small project",
                ask="Let me lead the Q1 pricing dashboard project",
                ledger=[{"status": "draft", "date": "2026-11-20"}], shareable=True),
        Request(id="r2", kind="mentorship", ask="Introduce me to a team lead who could mentor me",
                ledger=[{"status": "asked", "date": "2026-11-10"}], shareable=True),
        Request(id="r3", kind="other", ask="SECRET request for a raise", shareable=False),
        Request(id="r4", kind="course or training", ask="Fund an advanced SQL course",
                ledger=[{"status": "asked", "date": "2026-10-01"},
                        {"status": "agreed", "date": "2026-10-15"}], shareable=True),
    ):
        workbook.add(record)


def fill_three_months(workbook: Workbook) -> None:
    """A meeting in late August, its action items, and a check-in every two weeks since."""
    from careertui.core.model import Capture, CheckIn, Meeting

    fill_prepare(workbook)
    workbook.add(Meeting(id="m1", date="2026-08-26", time="10:00",
                         thank_you_sent_at="2026-08-26T16:00:00+01:00"))
    for number, (text, owner, due, status) in enumerate([
        ("Research the AWS data certification", "me", "2026-09-15", "done"),
        ("Introduce me to Sam in product", "manager", "2026-09-10", "done"),
        ("Draft the Q1 dashboard project plan", "me", "2026-11-20", "open"),
        ("Confirm the course budget", "manager", "2026-12-04", "open"),
        ("SECRET private action", "me", "2026-11-01", "open"),
    ], start=1):
        workbook.add(Capture(id=f"a{number}", meeting_id="m1", kind="action", text=text,
                             owner=owner, due=due, status=status, position=number,
                             shareable="SECRET" not in text))
    notes = ["kick-off with stakeholders", "scope agreed", "data sources mapped",
             "first draft of the dashboard", "review with finance", "SECRET private note"]
    for number, day in enumerate(["09-09", "09-23", "10-07", "10-21", "11-04", "11-18"]):
        workbook.add(CheckIn(id=f"k{number}", date=f"2026-{day}", progress={"g1": notes[number]},
                             raise_next="Course budget for Q1" if number == 4 else "",
                             shareable=number != 5))
