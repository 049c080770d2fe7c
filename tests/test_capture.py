from datetime import date

import pytest

from careertui.capture import owner_label, parse_capture

TODAY = date(2026, 11, 25)  # Wednesday


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("s: great at explaining data", "strength", "great at explaining data"),
        ("G:presenting to execs", "grow", "presenting to execs"),
        ("o: lead the Q1 pricing project", "opportunity", "lead the Q1 pricing project"),
        ("q: what is the path to lead? about a year", "question",
         "what is the path to lead? about a year"),
        ("she mentioned a reorg", "note", "she mentioned a reorg"),
        ("x: not a prefix", "note", "x: not a prefix"),
        ("sales: starts like a prefix", "note", "sales: starts like a prefix"),
    ],
)
def test_prefixes(line, kind, text):
    captured = parse_capture(line, TODAY)
    assert (captured.kind, captured.text, captured.raw) == (kind, text, line.strip())


def test_blank_lines_make_nothing():
    assert parse_capture("   ", TODAY) is None


@pytest.mark.parametrize(
    ("line", "text", "owner", "due"),
    [
        ("a: research the AWS certification", "research the AWS certification", "me", ""),
        ("a: send the course list @manager fri", "send the course list", "manager", "2026-11-27"),
        ("a: intro to Sam @Priya +2w", "intro to Sam", "Priya", "2026-12-09"),
        ("a: @me draft the plan by 2026-12-05", "draft the plan", "me", "2026-12-05"),
        ("a: book a follow-up tomorrow", "book a follow-up", "me", "2026-11-26"),
        ("a: share notes +3d", "share notes", "me", "2026-11-28"),
        ("a: review budget @mgr today", "review budget", "manager", "2026-11-25"),
    ],
)
def test_action_items(line, text, owner, due):
    captured = parse_capture(line, TODAY)
    assert captured.kind == "action"
    assert (captured.text, captured.owner, captured.due, captured.problem) == (text, owner, due, "")


@pytest.mark.parametrize("bad", ["2026-13-45", "+3x", "31-02-2027"])
def test_a_malformed_date_keeps_the_line_and_says_why(bad):
    captured = parse_capture(f"a: send the deck @Priya {bad}", TODAY)
    assert captured.kind == "action" and captured.due == ""
    assert captured.text == f"send the deck {bad}"
    assert repr(bad) in captured.problem and "kept as typed" in captured.problem
    assert captured.raw == f"a: send the deck @Priya {bad}"


def test_owner_label():
    assert owner_label("me") == "me"
    assert owner_label("manager", "Priya") == "Priya"
    assert owner_label("manager") == "my manager"
    assert owner_label("Sam") == "Sam"
