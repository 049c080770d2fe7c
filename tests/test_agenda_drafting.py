"""The agenda draft, without an app: sections, minutes, privacy, empty workbooks."""

from __future__ import annotations

import re
from datetime import date

import pytest

from careertui.core.drafting.agenda import AgendaInputs, draft_agenda, split_minutes
from careertui.core.model import Achievement, CareerPath, Goal, Profile, Reflection, Request
from careertui.core.store import Workbook

from .sample_data import fill_prepare

HEADING = re.compile(r"^## \d\. (.+) \((\d+) min\)$", re.M)


def inputs_from(workbook: Workbook, **extra) -> AgendaInputs:
    return AgendaInputs(
        workbook.profile(), workbook.all(Achievement), workbook.all(CareerPath),
        workbook.all(Goal), workbook.all(Request), **extra,
    )


@pytest.fixture
def filled(tmp_path):
    book = Workbook.open(tmp_path / "w.json", lock=False)
    fill_prepare(book)
    yield book
    book.close()


def test_every_section_in_order_with_shareable_records(filled):
    text = draft_agenda(inputs_from(filled, meeting_date=date(2026, 12, 1)))
    titles = [title for title, _ in HEADING.findall(text)]
    assert titles == [
        "My current role", "Where I would like to go", "Development goals",
        "What I would like to ask for", "Your feedback", "Next steps",
    ]
    assert text.startswith("# Career development conversation: Ana Souza\n\n*Tue 1 Dec 2026")
    assert "Thank you, Priya, for making time" in text  # the greeting name
    assert "**Rebuilt the month-end revenue report**: close now takes 1 day instead of 3" in text
    assert "**Analytics team lead**, Finance Analytics: a step up" in text
    assert "**Product analyst**, Growth: a move across" in text
    assert ("**Lead a small analytics project end to end**: done when project shipped and "
            "reviewed by stakeholders; by Wed 31 Mar 2027") in text
    assert "- Let me lead the Q1 pricing dashboard project." in text
    assert "- Fund an advanced SQL course" not in text  # agreed already: not an open request


def test_private_records_never_appear(filled):
    text = draft_agenda(inputs_from(filled))
    assert "SECRET" not in text
    # the same words, once shareable, do appear: the filter is the flag, not the words
    for record in filled.all(Achievement):
        if not record.shareable:
            record.shareable = True
            filled.add(record)
    assert "SECRET side project" in draft_agenda(inputs_from(filled))


@pytest.mark.parametrize("total", [30, 45, 60, 25, 7])
def test_minutes_add_up_to_the_meeting_length(filled, total):
    text = draft_agenda(inputs_from(filled, minutes=total))
    assert sum(int(m) for _, m in HEADING.findall(text)) == total
    assert f"*{total} minutes*" in text


def test_profile_meeting_length_is_the_default(filled):
    profile = filled.profile()
    profile.meeting_minutes = 45
    filled.save_profile(profile)
    text = draft_agenda(inputs_from(filled))
    assert sum(int(m) for _, m in HEADING.findall(text)) == 45


def test_empty_workbook_gives_a_usable_agenda_without_empty_headings():
    text = draft_agenda(AgendaInputs(Profile()))
    titles = [title for title, _ in HEADING.findall(text)]
    assert titles == ["My current role", "Your feedback", "Next steps"]
    assert text.startswith("# Career development conversation\n")
    assert "- How the role is going" in text
    assert sum(int(m) for _, m in HEADING.findall(text)) == 30
    for block in text.split("## ")[1:]:
        assert "\n- " in block  # every heading has content under it


def test_done_goals_and_unwanted_paths_are_left_out():
    text = draft_agenda(AgendaInputs(
        Profile(),
        paths=[CareerPath(role="Old idea", status="not for me", shareable=True)],
        goals=[Goal(title="Finished goal", status="done")],
    ))
    assert "Old idea" not in text and "Finished goal" not in text


def test_split_minutes():
    assert split_minutes(30, [4, 3, 3, 2, 3, 1]) == [7, 6, 6, 4, 5, 2]
    assert sum(split_minutes(5, [4, 3, 3, 2, 3, 1])) == 5
    assert split_minutes(0, [1, 1]) == [0, 0]
    assert split_minutes(10, []) == []


def test_shareable_answers_make_where_i_want_to_grow_and_private_ones_never_appear():
    reflections = [
        Reflection(key="strengths", text="- Clear writing\n\n* Calm  in a crisis", shareable=True),
        Reflection(key="skills-to-develop", text="Presenting to senior leaders", shareable=True),
        Reflection(key="three-years", text="Leading a small analytics team", shareable=True),
        Reflection(key="five-years", text="SECRET: run my own company"),  # private
        Reflection(key="values", text="Evenings free for my family", shareable=True),
        Reflection(key="one-year", text="   ", shareable=True),
    ]
    text = draft_agenda(AgendaInputs(Profile(), reflections=reflections))
    titles = [title for title, _ in HEADING.findall(text)]
    assert titles == ["My current role", "Where I want to grow", "Your feedback", "Next steps"]
    section = text.split("Where I want to grow")[1].split("\n## ")[0]
    assert "**Strengths**\n\n- Clear writing\n- Calm in a crisis" in section
    assert "**Skills to develop**\n\n- Presenting to senior leaders" in section
    assert "**In three years**\n\n- Leading a small analytics team" in section
    assert "SECRET" not in text
    assert "In five years" not in text and "In one year" not in text
    assert "Evenings free" not in text  # values are not an agenda answer
    assert sum(int(m) for _, m in HEADING.findall(text)) == 30


def test_without_shareable_answers_there_is_no_grow_section():
    private = [Reflection(key="strengths", text="SECRET strengths")]
    text = draft_agenda(AgendaInputs(Profile(), reflections=private))
    assert "Where I want to grow" not in text and "SECRET" not in text
