"""What a new-user trial found cut off or out of view, at 120x40 and 80x24, driven by keys."""

from __future__ import annotations

import json
from datetime import date

import pytest

from careertui.core.sample import write_sample
from careertui.ui.stages.base import Stage
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, paste, self_assessment_built, settle, until

WIDE = (120, 40)
NARROW = (80, 24)


def shown_in_stage(app, stage_id: str) -> bool:
    """The focused widget is inside its stage's visible area (not below it)."""
    stage = app.query_one(f"#stage-{stage_id}", Stage)
    focused = app.focused
    if focused is None or stage not in focused.ancestors:
        return False
    region = focused.region
    return bool(region.area) and stage.region.contains_region(region)


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "sample.json"
    write_sample(path, years=1, end=date(2026, 11, 24))
    return path


# -- 1. ctrl+n shows the new record's main field ------------------------------------------


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_ctrl_n_on_the_empty_achievements_shows_what_i_did(make_app, db_path, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await self_assessment_built(pilot)
        achievements = app.query_one("#achievements-list", RecordList)
        achievements.table.focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "field-what")
        await until(pilot, lambda: shown_in_stage(app, "self-assessment"))
        assert shown_in_stage(app, "self-assessment")
        await paste(pilot, "Rebuilt the [b]x report 🚀")
        await settle(pilot)
        assert "Rebuilt the [b]x report 🚀" in str(achievements.table.get_row_at(0))
        await pilot.press("ctrl+q")
    stored = json.loads(db_path.read_text())["achievements"]
    assert [doc["what"] for doc in stored.values()] == ["Rebuilt the [b]x report 🚀"]


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_ctrl_n_on_the_interviews_shows_person(make_app, db_path, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await enter(pilot, "paths")
        interviews = app.query_one("#interviews-list", RecordList)
        interviews.table.focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.focused is not None
                    and interviews in app.focused.ancestors
                    and app.focused.id != interviews.table.id
                    and app.focused is not interviews.table)
        await until(pilot, lambda: shown_in_stage(app, "paths"))
        assert shown_in_stage(app, "paths")
        field = app.focused.id
        await paste(pilot, "Priya 目标")
        await settle(pilot)
        await pilot.press("ctrl+q")
    stored = json.loads(db_path.read_text())["interviews"]
    assert field == "field-person"
    assert [doc["person"] for doc in stored.values()] == ["Priya 目标"]


# -- 4. columns give way only when they do not fit ----------------------------------------


def headers(record_list: RecordList) -> list[str]:
    return [str(column.label) for column in record_list.table.columns.values()]


@pytest.mark.parametrize(("size", "expected"), [
    (WIDE, ["Ask", "Kind", "For goal", "Status", "Waiting", "Share"]),
    (NARROW, ["Ask", "For goal", "Status", "Share"]),
])
async def test_requests_show_every_column_there_is_room_for(make_app, sample_path, size,
                                                            expected):
    app = make_app(db_path=sample_path)
    async with app.run_test(size=size) as pilot:
        await enter(pilot, "goals")
        requests = app.query_one("#requests-list", RecordList)
        requests.table.focus()
        await settle(pilot)
        assert headers(requests) == expected
        row = requests.table.get_row_at(0)
        assert "shareable" in str(row[-1]) or "private" in str(row[-1])
