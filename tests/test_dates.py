from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.core.dates import WEEKDAYS, friendly, iso_or_none, looks_like_date, parse_date

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-05", date(2026, 12, 5)),
        ("2027-1-3", date(2027, 1, 3)),
        ("today", TODAY),
        (" Tomorrow ", date(2026, 11, 26)),
        ("fri", date(2026, 11, 27)),
        ("Friday", date(2026, 11, 27)),
        ("wed", date(2026, 12, 2)),  # the next one, never today
        ("+3d", date(2026, 11, 28)),
        ("+2w", date(2026, 12, 9)),
        ("+1m", date(2026, 12, 25)),
        ("next mon", date(2026, 11, 30)),  # the week after this one, Monday to Sunday
        ("next tuesday", date(2026, 12, 1)),
        ("Next  Wed", date(2026, 12, 2)),  # a week today, not today
        ("next fri", date(2026, 12, 4)),  # `fri` alone is this week's, the 27th
        ("next sun", date(2026, 12, 6)),
        ("in 3 days", date(2026, 11, 28)),
        ("in 1 day", date(2026, 11, 26)),
        ("in 0 days", TODAY),
        ("In 2 weeks", date(2026, 12, 9)),
        ("in 1 week", date(2026, 12, 2)),
        ("end of month", date(2026, 11, 30)),
    ],
)
def test_understood(typed, expected):
    parsed = parse_date(typed, TODAY)
    assert parsed.value == expected and parsed.ok and parsed.problem == ""
    assert parsed.iso == expected.isoformat()


@pytest.mark.parametrize(
    "typed",
    ["2026-02-30", "next week", "+3x", "fr", "32/12", "31/12/2026", "2026-13-45", "next",
     "next friday week", "in 3", "in three days", "in 3 months", "end of the month", "nextfri"],
)
def test_not_understood_keeps_the_text(typed):
    parsed = parse_date(typed, TODAY)
    assert parsed.value is None and not parsed.ok
    assert parsed.text == typed and parsed.iso == typed
    assert repr(typed) in parsed.problem


def test_blank_is_no_date_and_fine():
    parsed = parse_date("  ", TODAY)
    assert parsed.value is None and parsed.ok


def test_friendly_and_iso():
    assert friendly("2027-03-31") == "Wed 31 Mar 2027"
    assert friendly("soon-ish") == "soon-ish"
    assert iso_or_none("2027-03-31") == date(2027, 3, 31) and iso_or_none("x") is None


@pytest.mark.parametrize(
    ("today", "end"),
    [(date(2026, 2, 1), date(2026, 2, 28)), (date(2028, 2, 29), date(2028, 2, 29)),
     (date(2026, 12, 31), date(2026, 12, 31)), (date(2026, 4, 15), date(2026, 4, 30))],
)
def test_end_of_month_is_the_last_day_of_this_month(today, end):
    assert parse_date("end of month", today).value == end


def test_next_weekday_on_a_sunday_is_the_week_starting_tomorrow():
    sunday = date(2026, 11, 29)
    assert parse_date("next mon", sunday).value == date(2026, 11, 30)
    assert parse_date("next sun", sunday).value == date(2026, 12, 6)


def test_a_date_past_the_calendar_is_a_problem_not_a_crash():
    parsed = parse_date("in 9999 weeks", date(9999, 12, 1))
    assert parsed.value is None and "'in 9999 weeks'" in parsed.problem


@pytest.mark.parametrize("typed", ["31/12/2026", "2026-13-45", "31.12.2026", "12/31", "+3x",
                                   "31-12-26", "2026/12/05"])
def test_date_shaped_text_is_recognised_as_an_attempt(typed):
    assert looks_like_date(typed)


@pytest.mark.parametrize("typed", ["steps", "v2", "2026", "3.11", "1.2.3", "+1", "Q1", "24/7h"])
def test_ordinary_words_are_not_date_attempts(typed):
    assert not looks_like_date(typed)


# -- properties -------------------------------------------------------------------------

days = st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31))


@given(st.text(), st.dates())
def test_any_text_is_kept_and_either_understood_or_explained(typed, today):
    parsed = parse_date(typed, today)
    assert parsed.text == typed
    if parsed.value is None and typed.strip():
        assert not parsed.ok and parsed.problem and parsed.iso == typed.strip()
    else:
        assert parsed.ok and parsed.problem == ""


@given(st.dates(min_value=date(1000, 1, 1)), days)
def test_an_iso_date_round_trips(day, today):
    parsed = parse_date(day.isoformat(), today)
    assert parsed.value == day and parsed.iso == day.isoformat()


@given(st.integers(0, 9999), days)
def test_in_n_days_and_weeks_count_from_today(count, today):
    assert parse_date(f"in {count} days", today).value == today + timedelta(days=count)
    assert parse_date(f"in {count} weeks", today).value == today + timedelta(weeks=count)
    assert parse_date(f"+{count}d", today).value == today + timedelta(days=count)


@given(st.sampled_from(WEEKDAYS), days)
def test_next_weekday_falls_in_the_following_week(weekday, today):
    value = parse_date(f"next {weekday}", today).value
    this_monday = today - timedelta(days=today.weekday())
    assert value.weekday() == WEEKDAYS.index(weekday)
    assert 7 <= (value - this_monday).days <= 13
    plain = parse_date(weekday, today).value  # the coming one: `next` is it or a week later
    assert (value - plain).days in {0, 7} and 1 <= (plain - today).days <= 7


@given(days)
def test_end_of_month_stays_in_this_month(today):
    value = parse_date("end of month", today).value
    assert (value.year, value.month) == (today.year, today.month)
    assert value >= today and (value + timedelta(days=1)).day == 1


_DAY_NAMES = {*WEEKDAYS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday"}
_WORD_FORMS = {"today", "tomorrow", "end of month", *_DAY_NAMES,
               *(f"next {day}" for day in _DAY_NAMES)}


def _not_a_word_form(text: str) -> bool:
    return " ".join(text.lower().split()) not in _WORD_FORMS


@given(st.text(st.characters(categories=("L", "P", "S", "Zs"), exclude_characters="+"),
               min_size=1).filter(_not_a_word_form), days)
def test_words_that_are_not_date_forms_never_yield_a_date(junk, today):
    assert parse_date(junk, today).value is None


@given(st.text(), st.sampled_from("/!?#*_=~:;,()[]@"), st.text(), days)
def test_text_with_a_stray_sign_never_yields_a_date(before, sign, after, today):
    assert parse_date(before + sign + after, today).value is None


def test_every_form_the_readme_lists_is_understood():
    """The README's list of date forms is the parser's: each one given there works."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    listed, refused = readme.split("Dates, in every date field", 1)[1].split(
        "A date in any other form", 1)
    forms = re.findall(r"`([^`]+)`", listed)
    assert len(forms) >= 12 and {"next fri", "in 3 days", "end of month"} <= set(forms)
    assert all(parse_date(form, TODAY).value for form in forms), forms
    examples = re.findall(r"`([^`]+)`", refused.split("\n\n", 1)[0])
    assert examples and not any(parse_date(form, TODAY).value for form in examples)
