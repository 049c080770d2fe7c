"""Stages built ahead of time, after the first screen is shown: a first visit finds
its stage finished, and typing meanwhile is neither delayed into disorder nor lost."""

from __future__ import annotations

import asyncio
import json

from textual.widgets import DataTable, TextArea

from careertui.core.model import Goal
from careertui.ui.stages import STAGE_IDS

from .conftest import SIZE
from .helpers import post_keys, until


def built(app, stage_id: str) -> bool:
    stage = app.stage(stage_id)
    return stage is not None and stage.ready.is_set()


def all_built(app) -> bool:
    return all(built(app, stage_id) for stage_id in STAGE_IDS)


async def test_a_stage_visited_first_after_start_up_is_already_built(make_app):
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: all_built(app), timeout=60)
        paths = app.stage("paths")
        await pilot.press("ctrl+pagedown")
        # Shown and focused by the key itself: no build, no worker waited on.
        assert app.active_stage_id == "paths"
        assert app.stage("paths") is paths
        assert app.focused is not None and paths in app.focused.ancestors
        assert not [worker for worker in app.workers if worker.group == "build-stage"]


async def test_keys_typed_while_stages_are_prebuilt_land_in_order(make_app, db_path):
    """A burst of keys arrives as the first screen shows, while the other stages are
    still being built: every key lands in the first field, in order."""
    app = make_app(prebuild=True)
    typed = "Led the migration of 12 services, on time and calm" * 2
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        field = app.focused
        assert not all_built(app)  # the keys below really race the builds
        post_keys(app, typed)
        await until(pilot, lambda: all_built(app), timeout=60)
        await until(pilot, lambda: field.text == typed)
        assert app.focused is field  # the builds took no focus
        await until(pilot, lambda: not app.workbook.dirty)
    assert typed in db_path.read_text(encoding="utf-8")


async def test_a_change_made_while_a_stage_waits_built_and_hidden_shows_on_visit(make_app):
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: all_built(app), timeout=60)
        goals = app.stage("goals")
        # Written by another stage, as the meeting stage does when a note becomes a goal.
        app.stage("self-assessment").add(Goal(title="Lead the [b]x review 🚀"))
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")
        assert app.active_stage_id == "goals"
        table = goals.query_one("#goals-list").query_one(DataTable)

        def listed() -> bool:
            cells = [str(cell) for row in range(table.row_count)
                     for cell in table.get_row_at(row)]
            return any("Lead the [b]x review 🚀" in cell for cell in cells)

        await until(pilot, listed)


async def test_no_stage_is_built_while_the_person_types_and_all_are_once_they_pause(
        make_app, db_path):
    """Building a stage takes a few hundred milliseconds, and a key pressed meanwhile
    would wait for its echo: the stages are built ahead in the pauses of typing.
    Keys arrive as a typist's do, one every 50 ms (the sleep is the typist's rhythm)."""
    app = make_app(prebuild=True)
    typed = "Mentored [b]two[/] joiners 🚀 and ran the رota 目标"
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        field = app.focused
        begun: frozenset[str] | None = None
        for index, char in enumerate(typed):
            post_keys(app, char)
            await asyncio.sleep(0.05)
            if index == 2:
                begun = app.main.builds_begun  # any build under way as typing began
            elif begun is not None:
                assert app.main.builds_begun == begun, (index, char)
        assert begun is not None and len(begun) <= 1
        await until(pilot, lambda: field.text == typed)
        await until(pilot, lambda: all_built(app), timeout=60)  # the pause
        await until(pilot, lambda: not app.workbook.dirty)
    on_disk = json.loads(db_path.read_text(encoding="utf-8"))
    assert typed in json.dumps(on_disk, ensure_ascii=False)
