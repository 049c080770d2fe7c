"""The check-in overview and the note prepared for the manager, without an app."""

from datetime import date

from careertui.core.drafting.checkin_note import prepare_note
from careertui.core.model import Capture, CheckIn, Goal, Profile, Request
from careertui.core.overview import (
    days_since_last,
    last_progress,
    next_check_in,
    open_actions,
    progress_history,
    waiting_requests,
)

TODAY = date(2026, 11, 25)
GOAL = Goal(id="g1", title="Lead the pricing project", status="in progress", shareable=True)
PRIVATE_GOAL = Goal(id="g2", title="SECRET: leave within a year", shareable=False)
CHECKINS = [
    CheckIn(date="2026-10-28", progress={"g1": "kick-off done"}, shareable=True),
    CheckIn(date="2026-11-11", progress={"g1": "first draft shipped", "g2": "SECRET update"},
            raise_next="budget for the course\n- SQL training", shareable=True),
    CheckIn(date="2026-11-18", progress={"g1": "SECRET private note"}, raise_next="SECRET"),
]
CAPTURES = [
    Capture(kind="action", text="Send the plan", due="2026-11-20", owner="me", shareable=True),
    Capture(kind="action", text="Intro to Sam", due="2026-12-01", owner="manager",
            shareable=True),
    Capture(kind="action", text="Undated thing", shareable=True),
    Capture(kind="action", text="Done thing", status="done", shareable=True),
    Capture(kind="action", text="SECRET private action", due="2026-11-01"),
    Capture(kind="strength", text="SECRET feedback"),
]
REQUESTS = [
    Request(ask="Fund the SQL course", ledger=[{"status": "asked", "date": "2026-11-05"}],
            shareable=True),
    Request(ask="Mentor intro", ledger=[{"status": "asked", "date": "2026-11-20"}], shareable=True),
    Request(ask="Agreed already", ledger=[{"status": "agreed", "date": "2026-11-20"}],
            shareable=True),
    Request(ask="SECRET raise", ledger=[{"status": "asked", "date": "2026-11-01"}],
            shareable=False),
]


def test_days_since_and_next_date_from_cadence():
    assert days_since_last(CHECKINS, TODAY) == 7
    assert next_check_in(CHECKINS, "2w", TODAY) == date(2026, 12, 2)
    assert next_check_in(CHECKINS, "4w", TODAY) == date(2026, 12, 16)
    planned = [*CHECKINS, CheckIn(date="2026-11-19", next_date="2026-11-30")]
    assert next_check_in(planned, "2w", TODAY) == date(2026, 11, 30)
    assert days_since_last([], TODAY) is None and next_check_in([], "2w", TODAY) == TODAY


def test_open_actions_overdue_first_then_by_date():
    texts = [c.text for c in open_actions(CAPTURES, TODAY)]
    assert texts == ["SECRET private action", "Send the plan", "Intro to Sam", "Undated thing"]


def test_waiting_requests_longest_first():
    waiting = [(w.request.ask, w.days) for w in waiting_requests(REQUESTS, TODAY)]
    assert waiting == [("SECRET raise", 24), ("Fund the SQL course", 20), ("Mentor intro", 5)]


def test_progress_of_a_goal_over_time():
    assert last_progress(GOAL, CHECKINS) == ("2026-11-18", "SECRET private note")
    assert [d for d, _ in progress_history(GOAL, CHECKINS)] == [
        "2026-10-28", "2026-11-11", "2026-11-18"]


def test_prepare_note_uses_shareable_records_only():
    note = prepare_note(Profile(manager_name="Priya"), [GOAL, PRIVATE_GOAL], REQUESTS, CAPTURES,
                        CHECKINS, TODAY)
    assert "SECRET" not in note
    assert note.startswith("## One-on-one, Wed 25 Nov 2026")
    assert "**Progress since Wed 11 Nov 2026**" in note
    assert "- **Lead the pricing project** (in progress): first draft shipped" in note
    assert "- Send the plan (me, due Fri 20 Nov 2026) (overdue)" in note
    assert note.index("Send the plan") < note.index("Intro to Sam (Priya, due Tue 1 Dec 2026)")
    assert "- Fund the SQL course (asked 20 days ago)" in note
    assert "- budget for the course\n- SQL training" in note


def test_prepare_note_with_nothing_yet():
    note = prepare_note(Profile(), [], [], [], [], TODAY)
    assert "- Nothing to report yet" in note
