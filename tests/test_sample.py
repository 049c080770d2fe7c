"""The sample workbook: realistic in size, the same for a seed, never written over a file."""

from __future__ import annotations

import itertools
import json
import stat
from datetime import date
from pathlib import Path

import pytest

from careertui.core.model import (
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Invite,
    Meeting,
    Request,
)
from careertui.core.sample import build_sample, write_sample
from careertui.core.store import Workbook

END = date(2026, 11, 26)


def docs(sample) -> list[dict]:
    return [record.to_doc() for record in sample.records]


def test_the_same_seed_and_day_give_the_same_workbook():
    assert docs(build_sample(2, seed=7, end=END)) == docs(build_sample(2, seed=7, end=END))
    assert docs(build_sample(2, seed=7, end=END)) != docs(build_sample(2, seed=8, end=END))


def test_five_years_is_the_size_the_benchmarks_expect():
    sample = build_sample(5, seed=1, end=END)
    assert 110 <= sample.count(CheckIn) <= 135  # every two weeks
    assert 250 <= sample.actions() <= 350
    assert 55 <= sample.count(Goal) <= 65
    assert sample.count(Achievement) == 200
    assert 4 <= sample.count(CareerPath) <= 8
    assert sample.count(Meeting) == 10  # about every six months


@pytest.mark.parametrize("seed", range(1, 6))
def test_paths_include_a_step_up_and_a_move_across(seed):
    paths = [r for r in build_sample(1, seed=seed, end=END).records if isinstance(r, CareerPath)]
    assert 4 <= len(paths) <= 8
    assert {"vertical", "lateral"} <= {p.kind for p in paths}


def test_every_conversation_has_its_agenda_thank_you_and_action_items():
    sample = build_sample(3, seed=2, end=END)
    meetings = [r for r in sample.records if isinstance(r, Meeting)]
    actions = [r for r in sample.records if isinstance(r, Capture) and r.kind == "action"]
    for meeting in meetings:
        assert meeting.agenda.startswith("# Career development conversation")
        assert meeting.thank_you_sent_at and "Thank you" in meeting.thank_you_body
        assert any(a.meeting_id == meeting.id for a in actions)
    assert all(r.ledger and r.ledger[0]["status"] == "draft"
               for r in sample.records if isinstance(r, Request))
    dates = sorted(m.date for m in meetings)
    gaps = [(date.fromisoformat(b) - date.fromisoformat(a)).days
            for a, b in itertools.pairwise(dates)]
    assert all(170 <= gap <= 190 for gap in gaps)
    assert dates[-1] < END.isoformat()


def test_nothing_is_dated_after_the_last_day():
    sample = build_sample(2, seed=3, end=END)
    for record in sample.records:
        for name in ("date", "done_on"):
            value = getattr(record, name, "")
            assert value <= END.isoformat(), (type(record).__name__, name, value)


def test_a_sample_file_opens_as_a_private_workbook(tmp_path: Path):
    path = tmp_path / "sample.json"
    sample = write_sample(path, years=1, seed=4, end=END)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not path.with_name("sample.json.lock").exists()
    book = Workbook.open(path)
    try:
        assert book.profile().name
        assert book.count(CheckIn) == sample.count(CheckIn)
        assert book.count(Capture) == sample.count(Capture)
        assert not book.dirty
    finally:
        book.close()


def test_an_existing_file_is_never_replaced(tmp_path: Path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"precious": {}}))
    with pytest.raises(FileExistsError):
        write_sample(path, years=1)
    assert json.loads(path.read_text()) == {"precious": {}}


def test_the_sample_shares_where_it_wants_to_grow_and_keeps_what_drains_private():
    sample = build_sample(1, seed=1, end=END)
    agenda = next(r for r in sample.records if isinstance(r, Meeting)).agenda
    assert "Where I want to grow" in agenda
    assert "framed yet" in agenda  # strengths, shared
    assert "ad-hoc extract" not in agenda  # what drains, private


def test_every_conversation_keeps_its_invite_and_agenda_planned_then_held():
    sample = build_sample(5, seed=1, end=END)
    meetings = [r for r in sample.records if isinstance(r, Meeting)]
    invites = {r.meeting_id: r for r in sample.records if isinstance(r, Invite)}
    assert len(meetings) == 10 and set(invites) == {m.id for m in meetings}
    for meeting in meetings:
        assert meeting.status == "held"
        assert meeting.created < meeting.held_at  # planned before it was held
        assert meeting.held_at[:10] == meeting.date
        assert meeting.agenda == meeting.agenda_drafted and meeting.agenda_drafted_at
        invite = invites[meeting.id]
        assert invite.include_agenda and invite.body.startswith("Hi Daniel")
        assert meeting.agenda.splitlines()[0] in invite.body  # sent with its own agenda
    assert len({m.agenda for m in meetings}) == 10


def test_every_goal_has_a_dated_history_ending_in_its_status():
    sample = build_sample(5, seed=1, end=END)
    goals = [r for r in sample.records if isinstance(r, Goal)]
    moved = 0
    for goal in goals:
        assert goal.history[-1]["status"] == goal.status
        days = [h["date"] for h in goal.history]
        assert days == sorted(days) and days[0] <= END.isoformat()
        moved += len(goal.history) > 2
    assert moved >= 20  # drafted, agreed, then done or dropped


def test_achievements_support_goals_under_way_on_their_day():
    sample = build_sample(5, seed=1, end=END)
    goals = {r.id: r for r in sample.records if isinstance(r, Goal)}
    linked = [r for r in sample.records if isinstance(r, Achievement) and r.goal_id]
    assert 100 <= len(linked) <= 140  # two in three
    for achievement in linked:
        goal = goals[achievement.goal_id]
        assert goal.created[:10] <= achievement.date <= (goal.target_date or "9999")
