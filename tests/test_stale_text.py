"""Text on screen that outlived the change it described (issue 15, "Stale or untrue text").

Each test presses the keys a person would, then checks what is shown against what
is in the workbook (and in the file, where a value was typed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select, SelectionList, TextArea

from careertui.core.model import CareerPath, Interview
from careertui.core.sample import build_sample
from careertui.ui.widgets.fields import DateInput, ShareableToggle
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, self_assessment_built, settle, until

SIZE = (120, 40)
LIST_STAGES = ("self-assessment", "paths", "goals", "meeting", "follow-up", "check-ins")


def shown_value(records: RecordList, name: str) -> Any:
    """What the form shows for one field, in the terms the record stores it."""
    widget = records.query_one(f"#field-{name}")
    if isinstance(widget, Select):
        return widget.value
    if isinstance(widget, SelectionList):
        return sorted(widget.selected)
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, DateInput):
        return widget.value
    assert isinstance(widget, Input)
    return widget.value


def choice_shown(records: RecordList, name: str) -> str:
    """The words a choice field shows, as drawn on screen."""
    label = records.query_one(f"#field-{name}", Select).query_one("SelectCurrent #label")
    return str(label.render()).strip()


def stored_value(record: Any, name: str) -> Any:
    value = getattr(record, name)
    if isinstance(value, list):
        return sorted(value)
    return "" if value is None else str(value)


def assert_form_shows(records: RecordList) -> None:
    record = records.selected
    assert record is not None
    for spec in records.fields:
        assert shown_value(records, spec.name) == stored_value(record, spec.name), (
            f"{records.id}: {spec.name} of {record.id}")
    assert records.query_one("#field-shareable", ShareableToggle).value == record.shareable


async def test_heard_of_it_left_empty_shows_empty_not_the_previous_paths(make_app):
    """Paths' "Heard of it" kept showing the previous path's source when the selected
    path had none; an unknown kind from an older file leaked the same way."""
    app = make_app()
    app.workbook.add_all([
        CareerPath(id="p1", role="Team lead", source="org chart", kind="lateral", position=1),
        CareerPath(id="p2", role="Staff analyst", source="", kind="diagonal", position=2),
    ])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        records = app.query_one("#paths-list", RecordList)
        await until(pilot, lambda: records.has_form)
        records.table.focus()
        await pilot.pause()
        assert shown_value(records, "source") == "org chart"
        await pilot.press("down")
        await until(pilot, lambda: records.selected and records.selected.id == "p2")
        assert shown_value(records, "source") == ""
        assert choice_shown(records, "source") == "Not set"
        assert shown_value(records, "kind") == "diagonal"  # shown as stored, not "lateral"
        await pilot.press("up")
        await until(pilot, lambda: records.selected and records.selected.id == "p1")
        assert shown_value(records, "kind") == "lateral"
        await settle(pilot)
        assert app.workbook.get(CareerPath, "p2").source == ""  # showing it saved nothing
        assert app.workbook.get(CareerPath, "p2").kind == "diagonal"


async def test_choosing_not_set_for_heard_of_it_is_saved(make_app, db_path: Path):
    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Team lead", source="org chart"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        records = app.query_one("#paths-list", RecordList)
        await until(pilot, lambda: records.has_form)
        records.query_one("#field-source", Select).focus()
        await pilot.pause()
        await pilot.press("enter", "home", "enter")  # open, first option, choose
        await until(pilot, lambda: app.workbook.get(CareerPath, "p1").source == "")
        assert await app.save_workbook()
    from careertui.core.store import Workbook

    book = Workbook.open(db_path, lock=False)
    assert book.get(CareerPath, "p1").source == ""
    book.close()


@pytest.mark.parametrize("stage_id", LIST_STAGES)
async def test_every_list_form_shows_the_selected_records_own_values(make_app, stage_id):
    """Walking down every list of a one-year sample, each form shows exactly the
    selected record's values: nothing left over from the record before."""
    sample = build_sample(1, end=date(2026, 11, 25))
    app = make_app()
    app.workbook.save_profile(sample.profile)
    app.workbook.add_all(sample.records)
    app.workbook.add_all([Interview(id="i-empty", person="Nobody yet", path_id="",
                                    thank_you="", position=99)])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, stage_id)
        if stage_id == "self-assessment":
            await self_assessment_built(pilot)
        await settle(pilot)
        stage = app.stage(stage_id)
        lists = list(stage.query(RecordList).results(RecordList))
        assert lists or stage_id == "follow-up"
        for records in lists:
            if not records.records:
                continue
            await until(pilot, lambda: records.has_form)  # noqa: B023 (awaited here)
            records.table.focus()
            await pilot.pause()
            for _ in range(min(len(records.records), 6)):
                assert_form_shows(records)
                await pilot.press("down")
                await pilot.pause()
            assert_form_shows(records)
