"""Conversation history: the selection in core, and the screens a person opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from careertui.core.history import (
    action_outcome,
    conversation,
    conversation_list,
    thank_you_in_time,
)
from careertui.core.model import Capture, Goal, Invite, Meeting, Request
from careertui.core.sample import write_sample
from careertui.core.store import Workbook
from careertui.ui.screens.history import ConversationScreen, HistoryScreen

from .helpers import press, run_command, until

TODAY = date(2026, 11, 25)


def action(**fields) -> Capture:
    return Capture(kind="action", **fields)


def test_each_action_item_says_what_became_of_it():
    assert action_outcome(action(status="done", due="2026-11-10", done_on="2026-11-10"),
                          TODAY) == "done on time"
    assert action_outcome(action(status="done", due="2026-11-10", done_on="2026-11-13"),
                          TODAY) == "done late by 3 days"
    assert action_outcome(action(status="done", due="2026-11-10", done_on="2026-11-11"),
                          TODAY) == "done late by 1 day"
    assert action_outcome(action(status="done"), TODAY) == "done"
    assert action_outcome(action(status="dropped", due="2026-11-01"), TODAY) == "dropped"
    assert action_outcome(action(due="2026-11-25"), TODAY) == "still open"  # due today
    assert action_outcome(action(due="2026-11-20"), TODAY) == "still open, 5 days overdue"


def test_the_thank_you_counts_as_in_time_within_24_hours_of_the_conversation():
    held = Meeting(date="2026-11-10", time="10:00")
    assert thank_you_in_time(held) is None
    held.thank_you_sent_at = "2026-11-11T10:00:00"
    assert thank_you_in_time(held) is True
    held.thank_you_sent_at = "2026-11-11T10:01:00"
    assert thank_you_in_time(held) is False
    assert thank_you_in_time(Meeting(date="2026-11-10", status="planned",
                                     thank_you_sent_at="2026-11-10T12:00:00")) is None


def test_the_list_is_newest_first_with_its_action_counts():
    old = Meeting(id="old", date="2026-05-06", time="10:00",
                  thank_you_sent_at="2026-05-08T09:00:00")
    new = Meeting(id="new", date="2026-11-04", time="10:00",
                  thank_you_sent_at="2026-11-04T15:00:00")
    planned = Meeting(id="next", status="planned")
    captures = [action(meeting_id="old", status="done"), action(meeting_id="old",
                status="dropped"), action(meeting_id="new"), Capture(meeting_id="new",
                kind="strength", text="clear")]
    rows = conversation_list([old, planned, new], captures)
    assert [r.meeting.id for r in rows] == ["next", "new", "old"]
    assert [(r.agreed, r.done, r.dropped, r.open) for r in rows] == [
        (0, 0, 0, 0), (1, 0, 0, 1), (2, 1, 1, 0)]
    assert [r.thank_you for r in rows] == ["not held yet", "within 24 h", "after 24 h"]


def test_one_conversation_gathers_its_invite_captures_and_what_grew_out_of_it():
    meeting = Meeting(id="m1", date="2026-11-04")
    heard = Capture(id="c1", meeting_id="m1", kind="opportunity", text="Lead the [b]x")
    other = Capture(id="c2", meeting_id="m2", kind="strength", text="elsewhere")
    goal = Goal(id="g1", title="Lead", from_capture="c1")
    request = Request(id="r1", ask="Mentor", goal_id="g1")
    unrelated = Request(id="r2", ask="Other")
    whole = conversation(meeting, [Invite(meeting_id="m2"), Invite(id="i1", meeting_id="m1")],
                         [heard, other, action(meeting_id="m1", text="Send notes")],
                         [goal, Goal(title="Else")], [request, unrelated], TODAY)
    assert whole.invite is not None and whole.invite.id == "i1"
    assert whole.heard == [("Opportunity", [heard])]
    assert [(c.text, outcome) for c, outcome in whole.actions] == [("Send notes", "still open")]
    assert whole.goals == [goal] and whole.requests == [request]


async def test_history_lists_the_sample_and_opens_one_with_its_agenda_and_thank_you(
        make_app, tmp_path: Path):
    path = tmp_path / "sample.json"
    write_sample(path, years=5, end=date(2026, 11, 24))
    book = Workbook.read(path)
    meetings = sorted(book.all(Meeting), key=lambda m: m.date, reverse=True)
    third = meetings[2]
    app = make_app(db_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_command(pilot, "Conversation history")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        table = app.screen.query_one("#history-table", DataTable)
        await until(pilot, lambda: table.row_count == 10)
        assert [str(key.value) for key in table.rows] == [m.id for m in meetings]
        await press(pilot, "down", "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        screen = app.screen
        agenda = screen.query_one("#conversation-agenda", Static)
        assert str(agenda.render()).strip() == third.agenda.strip()
        thanks = str(screen.query_one("#conversation-thank-you", Static).render())
        assert third.thank_you_body.strip() in thanks
        assert "within 24 hours" in thanks
        await press(pilot, "escape")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await press(pilot, "escape")
        await until(pilot, lambda: not isinstance(app.screen, HistoryScreen))
    again = Workbook.read(path)  # looking back wrote nothing
    assert [m.to_doc() for m in again.all(Meeting)] == [m.to_doc() for m in book.all(Meeting)]


async def test_the_meeting_stage_opens_the_history_with_its_key(make_app):
    from .helpers import enter

    app = make_app()
    app.workbook.add(Meeting(date="2026-11-20", time="10:00"))
    async with app.run_test(size=(80, 24)) as pilot:
        await enter(pilot, "meeting")
        await press(pilot, "f7")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        table = app.screen.query_one("#history-table", DataTable)
        await until(pilot, lambda: table.row_count == 1)
