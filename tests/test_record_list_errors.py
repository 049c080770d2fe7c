"""RecordList lets the expected misses pass (a row or a linked record that is gone)
and nothing else: a programming error must surface, not be swallowed."""

from __future__ import annotations

import pytest
from textual.widgets import SelectionList

from careertui.core.model import CareerPath, Goal
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import enter, until


def links_spec(goals: RecordList):
    return next(spec for spec in goals.fields if spec.kind == "links")


async def test_a_goal_linked_to_a_gone_path_still_loads(make_app):
    app = make_app()
    kept = CareerPath(role="Staff engineer")
    app.workbook.add(kept)
    app.workbook.add(Goal(title="Lead a project", path_ids=["gone-path", kept.id]))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: goals.selected is not None)
        links = goals.query_one("#field-path_ids", SelectionList)
        assert kept.id in links.selected
        assert goals.selected.path_ids == ["gone-path", kept.id]  # the record is unchanged


async def test_a_vanished_row_leaves_the_cursor_but_other_errors_surface(make_app, monkeypatch):
    app = make_app()
    app.workbook.add(Goal(title="One"))
    app.workbook.add(Goal(title="Two"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: goals.table.row_count == 2)
        row = goals.table.cursor_row
        goals._move_cursor_to("no-such-record")
        assert goals.table.cursor_row == row

        def broken(row_key):
            raise TypeError("a bug, not a missing row")

        monkeypatch.setattr(goals.table, "get_row_index", broken)
        with pytest.raises(TypeError, match="a bug"):
            goals._move_cursor_to(goals.records[0].id)


async def test_an_error_selecting_a_link_surfaces(make_app, monkeypatch):
    app = make_app()
    app.workbook.add(Goal(title="One", path_ids=["some-path"]))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: goals.selected is not None)
        links = goals.query_one("#field-path_ids", SelectionList)

        def broken(selection):
            raise TypeError("a bug in selecting")

        monkeypatch.setattr(links, "select", broken)
        with pytest.raises(TypeError, match="a bug in selecting"):
            goals._set_widget(links_spec(goals), ["some-path"])
