from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.core.capture import owner_label, parse_capture
from careertui.core.dates import parse_date

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
        ("a: ask about budget @manager next tuesday", "ask about budget", "manager",
         "2026-12-01"),
        ("a: send notes next fri @manager", "send notes", "manager", "2026-12-04"),
        ("a: book a session @me in 3 days", "book a session", "me", "2026-11-28"),
        ("a: read the guide by in 2 weeks.", "read the guide", "me", "2026-12-09"),
        ("a: file expenses by end of month", "file expenses", "me", "2026-11-30"),
        ("a: plan the next steps", "plan the next steps", "me", ""),  # "next" alone is a word
        ("a: move to python 3.11", "move to python 3.11", "me", ""),  # a version, not a date
        ("a: give Sam a +1", "give Sam a +1", "me", ""),
    ],
)
def test_action_items(line, text, owner, due):
    captured = parse_capture(line, TODAY)
    assert captured.kind == "action"
    assert (captured.text, captured.owner, captured.due, captured.problem) == (text, owner, due, "")


@pytest.mark.parametrize("bad", ["2026-13-45", "+3x", "31-02-2027", "31/12/2026", "12/31",
                                 "31.12.2026"])
def test_a_malformed_date_keeps_the_line_and_says_why(bad):
    captured = parse_capture(f"a: send the deck @Priya {bad}", TODAY)
    assert captured.kind == "action" and captured.due == ""
    assert captured.text == f"send the deck {bad}"
    assert captured.problem == f"due date not understood: {bad}"
    assert captured.raw == f"a: send the deck @Priya {bad}"


def test_the_users_report_from_issue_8():
    bad = parse_capture("a: book a session @me 2026-13-45", TODAY)
    assert (bad.text, bad.due, bad.problem) == (
        "book a session 2026-13-45", "", "due date not understood: 2026-13-45")
    slashed = parse_capture("a: book a session @me 31/12/2026", TODAY)
    assert (slashed.text, slashed.due) == ("book a session 31/12/2026", "")
    assert slashed.problem == "due date not understood: 31/12/2026"
    good = parse_capture("a: ask about budget @manager next tuesday", TODAY)
    assert (good.text, good.owner, good.due, good.problem) == (
        "ask about budget", "manager", "2026-12-01", "")


def test_only_actions_take_a_due_date():
    captured = parse_capture("o: lead the launch next tuesday", TODAY)
    assert (captured.kind, captured.text, captured.due) == (
        "opportunity", "lead the launch next tuesday", "")


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@given(_TEXT)
def test_any_line_is_kept_whole_in_raw(line):
    captured = parse_capture(line, TODAY)
    if line.strip():
        assert captured.raw == line.strip() and captured.text
    else:
        assert captured is None


_WORDS = ["send", "the", "deck", "next", "tue", "in", "3", "days", "end", "of", "month", "by",
          "[b]x", "目标", "🚀"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7))
def test_an_action_loses_only_its_date_phrase(words):
    line = "a: " + " ".join(words)
    captured = parse_capture(line, TODAY)
    kept = [] if captured.text == line else captured.text.split()
    assert words[:len(kept)] == kept
    if captured.due == "":
        assert kept == words
    else:  # what went is the due date, with a "by" before it at most
        gone = words[len(kept):]
        if gone[0] == "by" and len(gone) > 1:
            gone = gone[1:]
        assert parse_date(" ".join(gone), TODAY).iso == captured.due


@given(st.integers(0, 999), st.sampled_from(["days", "weeks"]))
def test_in_n_days_is_taken_whole(count, unit):
    captured = parse_capture(f"a: call Sam @Sam in {count} {unit}", TODAY)
    step = timedelta(days=1 if unit == "days" else 7)
    assert (captured.text, captured.due) == ("call Sam", (TODAY + count * step).isoformat())


def test_owner_label():
    assert owner_label("me") == "me"
    assert owner_label("manager", "Priya") == "Priya"
    assert owner_label("manager") == "my manager"
    assert owner_label("Sam") == "Sam"
