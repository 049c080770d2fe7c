from datetime import date

import pytest

from careertui.dates import friendly, iso_or_none, parse_date

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
    ],
)
def test_understood(typed, expected):
    parsed = parse_date(typed, TODAY)
    assert parsed.value == expected and parsed.ok and parsed.problem == ""
    assert parsed.iso == expected.isoformat()


@pytest.mark.parametrize("typed", ["2026-02-30", "next week", "+3x", "fr", "32/12"])
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
