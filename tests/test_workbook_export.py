"""The whole workbook as Markdown: a section per stage, and no private text in a shareable copy."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from careertui.core.drafting.workbook_export import (
    WorkbookContents,
    _demote,
    export_file_name,
    render_workbook,
)
from careertui.core.meetings import set_agenda
from careertui.core.model import Capture, Invite, Meeting, Reflection
from careertui.core.sample import build_sample, write_sample
from careertui.core.store import Workbook

from .conftest import SIZE
from .helpers import idle, press, run_command, settle
from .sample_data import fill_three_months

TODAY = date(2026, 11, 25)
STAGE_SECTIONS = ["Self-assessment", "Paths", "Goals", "Agenda", "Invite", "Meeting",
                  "Follow-up", "Check-ins"]


def three_months(tmp_path: Path) -> WorkbookContents:
    book = Workbook.open(tmp_path / "three.json", lock=False)
    fill_three_months(book)
    book.add(Reflection(key="strengths", text="SECRET strength I keep to myself"))
    book.add(Capture(meeting_id="m1", kind="grow", text="SECRET feedback from Priya"))
    set_agenda(book, "# Agenda\n\n## Goals\n\n- Lead the dashboard project\n")
    return WorkbookContents.of(book)


def headings(text: str, level: int) -> list[str]:
    return re.findall(rf"^{'#' * level} (.+)$", text, flags=re.MULTILINE)


def test_a_section_per_stage_in_the_app_order(tmp_path):
    text = render_workbook(three_months(tmp_path), today=TODAY)
    assert headings(text, 2) == STAGE_SECTIONS
    assert headings(text, 1) == ["Ana Souza’s career workbook"]


def test_the_full_export_keeps_private_notes_and_labels_them(tmp_path):
    text = render_workbook(three_months(tmp_path), today=TODAY)
    assert "### Strengths *(private)*" in text
    assert "SECRET feedback from Priya *(private)*" in text
    assert "SECRET job at a competitor" in text
    assert "Everything, private notes included" in text


def test_no_private_text_survives_shareable_only(tmp_path):
    contents = three_months(tmp_path)
    text = render_workbook(contents, today=TODAY, shareable_only=True)
    assert "SECRET" not in text
    assert "(private)" not in text
    private = sum(
        1 for f in dataclasses.fields(contents) if f.name != "meetings"
        and isinstance(getattr(contents, f.name), list)
        for r in getattr(contents, f.name) if not r.shareable
    )
    assert f"**Shareable only.** {private} private items are left out" in text
    assert "Lead a small analytics project end to end" in text  # shareable goals stay


def test_shareable_only_on_a_five_year_sample_leaves_every_private_field_out():
    """Any private text that is not also the text of something shareable must be absent."""
    sample = build_sample(5, seed=11, end=TODAY)
    by_kind: dict[str, list] = {}
    for record in sample.records:
        by_kind.setdefault(type(record).__name__, []).append(record)
    contents = WorkbookContents(
        profile=sample.profile,
        reflections=by_kind["Reflection"], achievements=by_kind["Achievement"],
        paths=by_kind["CareerPath"], interviews=by_kind["Interview"], goals=by_kind["Goal"],
        requests=by_kind["Request"], agenda=by_kind["Meeting"][-1].agenda,
        invite=by_kind["Invite"][0], meetings=by_kind["Meeting"],
        captures=by_kind["Capture"], checkins=by_kind["CheckIn"],
    )
    text = render_workbook(contents, today=TODAY, shareable_only=True)

    def texts(record) -> list[str]:
        values = [v for v in record.to_doc().values() if isinstance(v, str)]
        values += [v for v in getattr(record, "progress", {}).values()]
        return [" ".join(v.split()) for v in values if len(v.strip()) >= 12]

    shared = {t for r in sample.records if r.shareable for t in texts(r)}
    shared_blob = "\n".join(shared) + contents.agenda + contents.invite.body + "".join(
        m.thank_you_body + m.agenda for m in contents.meetings)
    checked = 0
    for record in sample.records:
        if record.shareable or isinstance(record, Meeting | Invite):
            continue  # a meeting's date and the emails written for the manager are included
        for value in texts(record):
            if value in shared_blob or re.fullmatch(r"[\d\-:T+]+", value):
                continue  # the same words are also in something shareable, or a date
            assert value not in text, (type(record).__name__, value)
            checked += 1
    assert checked > 100


def test_check_ins_newest_first(tmp_path):
    text = render_workbook(three_months(tmp_path), today=TODAY)
    section = text.split("## Check-ins")[1]
    days = headings(section, 3)
    assert days[0].startswith("Wed 18 Nov 2026") and days[-1].startswith("Wed 9 Sep 2026")


def test_embedded_headings_sit_under_the_section_and_code_is_left_alone():
    markdown = "# Title\n\n```\n# not a heading\n```\n\n## Part"
    assert _demote(markdown, 2) == "### Title\n\n```\n# not a heading\n```\n\n#### Part"


def test_an_empty_workbook_still_has_every_section(tmp_path):
    book = Workbook.open(tmp_path / "empty.json", lock=False)
    text = render_workbook(WorkbookContents.of(book), today=TODAY, shareable_only=True)
    assert headings(text, 2) == STAGE_SECTIONS
    assert "0 private items are left out" in text
    assert headings(text, 1) == ["My career workbook"]


def test_export_file_names():
    assert export_file_name(TODAY, False) == "careertui-workbook-2026-11-25.md"
    assert export_file_name(TODAY, True) == "careertui-shareable-2026-11-25.md"


async def test_the_palette_exports_the_shareable_workbook_from_any_stage(
    make_app, tmp_path, notices
):
    app = make_app()
    fill_three_months(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Export shareable workbook")
        await press(pilot, "enter")  # the suggested file, in the current folder
        await settle(pilot)
        written = tmp_path / "careertui-shareable-2026-11-25.md"
        text = written.read_text("utf-8")
        assert "## Check-ins" in text and "SECRET" not in text
        assert any(str(written) in n.message for n in notices)
        await run_command(pilot, "Export workbook")
        await press(pilot, "enter")
        await settle(pilot)
        assert "SECRET" in (tmp_path / "careertui-workbook-2026-11-25.md").read_text("utf-8")


@pytest.mark.slow
async def test_the_demo_fills_every_stage_and_says_demo(make_app, tmp_path):
    """What `careertui --demo` opens: a one-year sample, every stage showing records."""
    from textual.widgets import DataTable, TextArea

    from careertui.ui.stages import STAGE_IDS

    path = tmp_path / "demo.json"
    write_sample(path, years=1, end=TODAY)
    app = make_app(db_path=path, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "DEMO" in app.title and "deleted on quit" in app.sub_title
        for stage_id in STAGE_IDS:
            stage = await app.ensure_stage(stage_id)
            await idle(pilot)
            tables = [t.row_count for t in stage.query(DataTable)]
            texts = [len(t.text) for t in stage.query(TextArea)]
            assert any(tables) or any(texts), stage_id


def test_shareable_only_says_per_section_how_many_private_items_it_left_out(tmp_path):
    from careertui.core.model import CareerPath, Interview

    book = Workbook.open(tmp_path / "paths.json", lock=False)
    book.add(CareerPath(role="SECRET job at a competitor"))
    book.add(CareerPath(role="SECRET second idea"))
    book.add(Reflection(key="strengths", text="Clear writing", shareable=True))
    book.add(Reflection(key="values", text="SECRET values"))
    book.add(Reflection(key="drains", text="   "))  # an answer cleared: nothing left out
    book.add(Interview(person="SECRET Sam"))
    contents = WorkbookContents.of(book)
    text = render_workbook(contents, today=TODAY, shareable_only=True)
    paths = text.split("## Paths")[1].split("\n## ")[0]
    assert "*2 private paths and 1 private informational interview left out.*" in paths
    assert "No paths yet" not in paths
    answers = text.split("## Self-assessment")[1].split("\n## ")[0]
    assert "Clear writing" in answers and "*1 private answer left out.*" in answers
    assert "*No goals yet.*" in text  # none at all: said as before
    assert "**Shareable only.** 4 private items are left out" in text
    assert "SECRET" not in text
    full = render_workbook(contents, today=TODAY)
    assert "left out." not in full and "SECRET second idea" in full


def test_an_informational_interview_reads_who_when_what_then_next(tmp_path):
    """Who (their role), the day: what was learned. Next: the step, each a sentence."""
    from careertui.core.model import Interview

    contents = WorkbookContents.of(Workbook.open(tmp_path / "i.json", lock=False))
    contents.interviews = [
        Interview(person="Priya Shah", their_role="Analytics lead", date="2026-11-27",
                  learned="dbt is essential", next_step="Pair with Priya on a model",
                  shareable=True),
        Interview(person="Sam", next_step="Ask about on-call!", shareable=True),
        Interview(person="目标 [b]x", learned="Ends already.", shareable=True),
    ]
    text = render_workbook(contents, today=TODAY, shareable_only=True)
    assert ("- Priya Shah (Analytics lead), Fri 27 Nov 2026: dbt is essential. "
            "Next: Pair with Priya on a model.") in text
    assert "- Sam. Next: Ask about on-call!" in text
    assert "- 目标 [b]x: Ends already." in text
    assert "Talked to" not in text and ".." not in text


def test_a_text_file_ends_with_one_line_break_and_keeps_the_text_as_typed():
    from careertui.core.drafting import text_file

    assert text_file("# [b]x[/b]\t目标 مرحبا") == "# [b]x[/b]\t目标 مرحبا\n".encode()
    assert text_file("done\n") == b"done\n"
    assert text_file("") == b""  # nothing typed: nothing added
