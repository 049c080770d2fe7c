from datetime import date

from careertui.core.advice import days_waiting, goal_hints, ledger_summary, set_request_status
from careertui.core.model import Goal, Request

TODAY = date(2026, 11, 25)


def test_a_concrete_goal_with_a_request_gets_no_hint():
    goal = Goal(id="g", title="Lead the Q1 pricing project", measure="shipped by March",
                target_date="2027-03-31")
    assert goal_hints(goal, [Request(goal_id="g")], TODAY) == []


def test_vague_goal_is_flagged_with_everything_missing():
    hints = goal_hints(Goal(id="g", title="Get better at SQL"), [], TODAY)
    assert hints[0].startswith("“get better at” says what, not how much")
    assert any("success measure" in h for h in hints)
    assert "No target date yet." in hints
    assert any("No request attached" in h for h in hints)


def test_vague_words_with_a_number_are_measurable():
    goal = Goal(id="g", title="Improve report speed", measure="under 2 minutes",
                target_date="2027-01-01")
    assert goal_hints(goal, [Request(goal_id="g")], TODAY) == []


def test_past_and_unreadable_target_dates():
    past = Goal(id="g", title="Ship it", measure="live", target_date="2026-11-01")
    assert any("has passed" in h for h in goal_hints(past, [Request(goal_id="g")], TODAY))
    odd = Goal(id="g", title="Ship it", measure="live", target_date="next spring")
    assert any("not a date" in h for h in goal_hints(odd, [Request(goal_id="g")], TODAY))


def test_done_goals_get_no_hints():
    assert goal_hints(Goal(title="Improve", status="done"), [], TODAY) == []


def test_ledger_and_days_waiting():
    request = Request()
    assert request.status == "draft" and days_waiting(request, TODAY) is None
    assert set_request_status(request, "draft", date(2026, 11, 20))
    assert set_request_status(request, "asked", date(2026, 11, 21))
    assert not set_request_status(request, "asked", TODAY)
    assert days_waiting(request, TODAY) == 4
    assert ledger_summary(request, TODAY) == "draft 20 Nov → asked 21 Nov · waiting 4 days"
    set_request_status(request, "agreed", TODAY)
    assert days_waiting(request, TODAY) is None
    assert ledger_summary(request, TODAY).endswith("agreed 25 Nov")


def test_a_request_asked_ahead_of_today_has_waited_no_days():
    """Asked on a date still to come here (written in a time zone ahead): 0, never -1."""
    request = Request(ask="A course", ledger=[{"status": "asked", "date": "2026-11-28"}])
    assert days_waiting(request, date(2026, 11, 27)) == 0
