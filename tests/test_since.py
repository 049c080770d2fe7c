"""The next conversation's agenda: what happened since the last one, from shareable
records only, with the last conversation's day as the boundary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from careertui.core.dates import friendly
from careertui.core.drafting.agenda import AgendaInputs, draft_agenda
from careertui.core.meetings import current_meeting
from careertui.core.model import (
    Achievement,
    Capture,
    CheckIn,
    Goal,
    Meeting,
    Profile,
    Request,
)
from careertui.core.sample import write_sample
from careertui.core.since import since_in, since_last, start_next
from careertui.core.store import Workbook

from .conftest import fixed_clock
from .helpers import enter, press, run_command, until

LAST = Meeting(id="m1", date="2026-06-10", time="10:00")
TODAY = date(2026, 11, 25)
SECRET = "SECRET keep this to myself"


def achievement(day: str, what: str, shareable: bool = True) -> Achievement:
    return Achievement(date=day, what=what, impact="it helped", shareable=shareable)


def test_only_what_was_logged_after_the_last_conversation_and_by_today_counts():
    since = since_last(LAST, TODAY, achievements=[
        achievement("2026-06-10", "on the day itself"),
        achievement("2026-06-11", "the day after"),
        achievement("2026-11-25", "today"),
        achievement("2026-11-26", "tomorrow (typed ahead)"),
        achievement("", "undated"),
    ])
    assert [a.what for a in since.achievements] == ["the day after", "today"]
    assert since.last == date(2026, 6, 10)


def test_goals_requests_and_actions_that_moved_since():
    goal = Goal(id="g1", title="Lead the pricing work", shareable=True, status="done",
                history=[{"status": "agreed", "date": "2026-06-10"},
                         {"status": "done", "date": "2026-09-01"}])
    still = Goal(id="g2", title="Unmoved", shareable=True, status="agreed",
                 history=[{"status": "agreed", "date": "2026-06-10"}])
    request = Request(ask="A mentor", shareable=True, ledger=[
        {"status": "asked", "date": "2026-06-10"}, {"status": "delivered", "date": "2026-08-01"}])
    waiting = Request(ask="A course", shareable=True, ledger=[
        {"status": "asked", "date": "2026-10-26"}])
    done = Capture(kind="action", text="Send the notes", shareable=True, status="done",
                   done_on="2026-06-12", meeting_id="m1")
    done_before = Capture(kind="action", text="Old one", shareable=True, status="done",
                          done_on="2026-06-10")
    late = Capture(kind="action", text="Late one", shareable=True, due="2026-11-01",
                   owner="manager")
    soon = Capture(kind="action", text="Soon one", shareable=True, due="2026-10-30")
    later = Capture(kind="action", text="Later one", shareable=True, due="2026-12-01")
    opening = Capture(kind="opportunity", text="A data quality role", shareable=True,
                      meeting_id="m1")
    taken = Capture(kind="opportunity", text="Became a goal", shareable=True,
                    meeting_id="m1", linked_id="g1")
    note = CheckIn(date="2026-07-01", progress={"g2": "halfway there"}, shareable=True)
    since = since_last(LAST, TODAY, goals=[goal, still], requests=[request, waiting],
                       captures=[done, done_before, late, later, soon, opening, taken],
                       checkins=[note])
    assert [(m.goal.title, m.statuses, m.notes) for m in since.goals] == [
        ("Lead the pricing work", [("done", "2026-09-01")], []),
        ("Unmoved", [], [("2026-07-01", "halfway there")])]
    assert since.answered == [(request, "delivered", "2026-08-01")]
    assert since.done == [done]
    assert since.still_open == [soon, late, later]  # overdue first
    assert [(w.request.ask, w.days) for w in since.waiting] == [("A course", 30)]
    assert since.follow_ups == [opening]


def test_private_records_never_reach_the_next_agenda():
    private = dict(shareable=False)
    goal = Goal(id="g1", title=SECRET, status="done", history=[
        {"status": "done", "date": "2026-09-01"}], **private)
    records = dict(
        achievements=[achievement("2026-07-01", SECRET, shareable=False),
                      achievement("2026-07-02", "Shipped the dashboard")],
        goals=[goal],
        requests=[Request(ask=SECRET, ledger=[{"status": "asked", "date": "2026-10-01"}],
                          **private)],
        captures=[Capture(kind="action", text=SECRET, due="2026-11-01", **private),
                  Capture(kind="opportunity", text=SECRET, meeting_id="m1", **private),
                  Capture(kind="action", text=SECRET, status="done", done_on="2026-07-01",
                          **private)],
        checkins=[CheckIn(date="2026-07-01", progress={"g1": SECRET}),
                  CheckIn(date="2026-07-02", progress={"g2": SECRET}, shareable=True)],
    )
    since = since_last(LAST, TODAY, **records)
    profile = Profile(name="Ada", manager_name="Dana Okafor")
    text = draft_agenda(AgendaInputs(profile, achievements=records["achievements"],
                                     goals=records["goals"], requests=records["requests"],
                                     since=since))
    assert "Shipped the dashboard" in text
    assert "## 1. Since we last spoke" in text
    assert "SECRET" not in text


def test_a_first_conversation_has_nothing_since(tmp_path: Path):
    book = Workbook.open(tmp_path / "w.json", clock=fixed_clock, lock=False)
    meeting, new = start_next(book)
    assert new and meeting.planned and current_meeting(book) == meeting
    assert since_in(book, meeting, TODAY) is None
    again, new = start_next(book)
    assert again.id == meeting.id and not new  # one planned conversation at a time
    assert "Since we last spoke" not in draft_agenda(AgendaInputs(book.profile()))


async def test_preparing_the_next_keeps_the_previous_agenda_as_sent(make_app, tmp_path: Path):
    path = tmp_path / "sample.json"
    write_sample(path, years=1, end=date(2026, 11, 24))
    before = Workbook.read(path)
    held = {m.id: m.to_doc() for m in before.all(Meeting)}
    last = max(before.all(Meeting), key=lambda m: m.date)
    after_last = [a for a in before.all(Achievement) if a.shareable and a.date > last.date]
    assert after_last  # the sample logs some after its last conversation
    app = make_app(db_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        # Before: the Agenda and the Invite show the conversation held, and say so.
        await enter(pilot, "invite")
        status = app.query_one("#invite-status", Static)
        await until(pilot, lambda: "which has taken place" in str(status.render()))
        await enter(pilot, "agenda")
        status = app.query_one("#agenda-status", Static)
        assert f"conversation of {friendly(last.date)} (drafted" in str(status.render())
        assert "which has taken place" in str(status.render())
        await run_command(pilot, "Prepare next conversation")
        await until(pilot, lambda: any(m.planned and m.agenda
                                       for m in app.workbook.all(Meeting)))
        await until(pilot, lambda: app.active_stage_id == "agenda")
        await until(pilot, lambda: "Since we last spoke" in
                    app.query_one("#agenda-editor").text)
        assert "taken place" not in str(status.render())
        await enter(pilot, "invite")
        status = app.query_one("#invite-status", Static)
        await until(pilot, lambda: "taken place" not in str(status.render()))
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: not app.workbook.dirty)
    reopened = Workbook.read(path)
    meetings = {m.id: m for m in reopened.all(Meeting)}
    for meeting_id, doc in held.items():
        assert meetings[meeting_id].to_doc() == doc  # nothing of a past one changed
    [planned] = [m for m in meetings.values() if m.planned]
    assert "## 1. Since we last spoke" in planned.agenda
    assert after_last[-1].what in planned.agenda
    assert planned.agenda == planned.agenda_drafted


def test_the_invite_of_a_next_conversation_says_since_when():
    from careertui.core.drafting.emails import meeting_request
    from careertui.core.model import Invite

    profile = Profile(name="Ada", manager_name="Dana Okafor", role="analyst", company="Acme")
    first = meeting_request(profile, Invite()).body
    assert "since we spoke" not in first
    again = meeting_request(profile, Invite(), last_talked=date(2026, 5, 6), today=TODAY).body
    assert "since we spoke in May, and" in again
    older = meeting_request(profile, Invite(), last_talked=date(2025, 11, 6), today=TODAY).body
    assert "since we spoke in November 2025" in older


async def test_the_invite_stage_mentions_the_last_conversation(make_app):
    app = make_app()
    app.workbook.add(Meeting(id="old", date="2026-05-06", time="10:00"))
    app.workbook.add(Meeting(id="next", status="planned"))
    async with app.run_test(size=(100, 30)) as pilot:
        from .helpers import enter

        await enter(pilot, "invite")
        stage = app.query_one("#stage-invite")
        await until(pilot, lambda: "since we spoke in May" in stage.draft.editor.text)
