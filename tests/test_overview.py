"""The check-in overview and the note prepared for the manager, without an app."""

from datetime import date

from careertui.core.drafting.checkin_note import prepare_note
from careertui.core.model import Capture, CheckIn, Goal, Meeting, Profile, Request
from careertui.core.overview import (
    days_since_last,
    last_progress,
    manager_actions,
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
    # the shareable check-in of 11 Nov notes what moved since the one before it
    assert "**Progress since Wed 28 Oct 2026**" in note
    assert "- **Lead the pricing project** (in progress): first draft shipped" in note
    assert "- Send the plan (me, due Fri 20 Nov 2026) (overdue)" in note
    assert note.index("Send the plan") < note.index("Intro to Sam (Priya, due Tue 1 Dec 2026)")
    assert "- Fund the SQL course (asked 20 days ago)" in note
    assert "- budget for the course\n- SQL training" in note


def test_prepare_note_with_nothing_yet():
    note = prepare_note(Profile(), [], [], [], [], TODAY)
    assert "- Nothing to report yet" in note


def test_before_any_check_in_the_next_is_the_one_set_after_the_conversation():
    """Follow-up's Next 1:1 (the meeting's next_check_in) is the next one-on-one, as the
    thank-you email says; without it, the conversation's day plus the cadence."""
    talk = Meeting(date="2026-11-25", next_check_in="2026-12-09")
    assert next_check_in([], "2w", TODAY, talk) == date(2026, 12, 9)
    undecided = Meeting(date="2026-11-20")
    assert next_check_in([], "2w", TODAY, undecided) == date(2026, 12, 4)
    assert next_check_in([], "2w", TODAY, Meeting()) == TODAY
    # a check-in after the conversation plans from itself
    later = [CheckIn(date="2026-11-27", next_date="2026-12-15")]
    assert next_check_in(later, "2w", TODAY, talk) == date(2026, 12, 15)
    # a conversation after the last check-in plans from the conversation
    assert next_check_in(CHECKINS, "2w", TODAY, talk) == date(2026, 12, 9)


def test_waiting_on_the_manager_includes_the_action_items_they_own():
    captures = [
        *CAPTURES,
        Capture(kind="action", text="Book the training", owner="Dana"),
        Capture(kind="action", text="Check the budget", owner="dana okafor", due="2026-11-01"),
        Capture(kind="action", text="Closed one", owner="Dana", status="done"),
        Capture(kind="action", text="Sam's part", owner="Sam"),
    ]
    owed = [c.text for c in manager_actions(captures, "Dana Okafor", TODAY)]
    assert owed == ["Check the budget", "Intro to Sam", "Book the training"]
    assert [c.text for c in manager_actions(captures, "", TODAY)] == ["Intro to Sam"]


def test_the_note_brings_the_shareable_check_ins_new_requests_and_blockers():
    today = date(2026, 11, 27)
    checkins = [
        CheckIn(date="2026-11-27", new_items="- Blocked on data access\nNeed a [b]x reviewer 目标",
                progress={"g1": "kicked off"}, shareable=True),
        CheckIn(date="2026-11-25", new_items="SECRET blocker", raise_next="SECRET topic"),
    ]
    note = prepare_note(Profile(), [GOAL], [], [], checkins, today)
    assert "**New requests and blockers**\n\n- Blocked on data access\n" \
        "- Need a [b]x reviewer 目标" in note
    assert "SECRET" not in note
    assert "**Progress since Wed 25 Nov 2026**" in note  # the check-in before, not today


def test_the_first_check_in_notes_progress_since_the_conversation():
    today = date(2026, 11, 27)
    first = [CheckIn(date="2026-11-27", progress={"g1": "kicked off"}, shareable=True)]
    meetings = [Meeting(date="2026-11-13"), Meeting(date="2026-12-01")]
    note = prepare_note(Profile(), [GOAL], [], [], first, today, meetings)
    assert "**Progress since Fri 13 Nov 2026**" in note
    assert "Progress since Fri 27 Nov" not in prepare_note(Profile(), [GOAL], [], [], first, today)
    assert "**Progress**" in prepare_note(Profile(), [GOAL], [], [], first, today)


def test_the_next_one_on_one_since_a_conversation_counts_only_later_check_ins():
    from careertui.core.overview import next_since_meeting

    meeting = Meeting(date="2026-11-10", next_check_in="2026-11-24")
    today = date(2026, 11, 25)
    assert next_since_meeting([], "2w", today, meeting) is None
    same_day = [CheckIn(date="2026-11-10")]
    assert next_since_meeting(same_day, "2w", today, meeting) is None
    later = [CheckIn(date="2026-11-20"), CheckIn(date="2026-11-25", next_date="2026-12-04")]
    assert next_since_meeting(later, "2w", today, meeting) == date(2026, 12, 4)
    assert next_since_meeting(later[:1], "1w", today, meeting) == date(2026, 11, 27)
    assert next_since_meeting(later, "2w", today, Meeting()) is None  # undated
