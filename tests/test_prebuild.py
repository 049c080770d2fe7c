"""Stages built ahead of time, after the first screen is shown: a first visit finds
its stage finished, and typing meanwhile is neither delayed into disorder nor lost."""

from __future__ import annotations

import asyncio
import json

import pytest
from textual.widgets import DataTable, TextArea

from careertui.core.model import Goal
from careertui.ui.stages import STAGE_IDS

from .conftest import SIZE
from .helpers import idle, post_keys, press, until


def built(app, stage_id: str) -> bool:
    stage = app.stage(stage_id)
    return stage is not None and stage.ready.is_set()


def all_built(app) -> bool:
    return all(built(app, stage_id) for stage_id in STAGE_IDS)


def all_laid_out(app) -> bool:
    """Every stage built ahead, and laid out unseen at its size."""
    return all_built(app) and not any(
        app.main.pane(stage_id).unseen for stage_id in STAGE_IDS)


async def test_a_stage_visited_first_after_start_up_is_already_built(make_app):
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: all_built(app), timeout=60)
        paths = app.stage("paths")
        await press(pilot, "ctrl+pagedown")
        # Shown and focused by the key itself: no build, no worker waited on.
        assert app.active_stage_id == "paths"
        assert app.stage("paths") is paths
        assert app.focused is not None and paths in app.focused.ancestors
        assert not [worker for worker in app.workers if worker.group == "build-stage"]


async def test_moving_on_in_the_first_moments_builds_the_next_stage_at_once(
        make_app, monkeypatch):
    """The first moments after launch are kept free for typing. A person who moves to
    the next stage in them is touring, not typing: the stage after it is built as soon
    as this one is shown, not when the first moments are over (first visits touring
    at once after launch, p50 76 -> 51 ms in tmux)."""
    from careertui.ui.screens import main

    monkeypatch.setattr(main, "LAUNCH_PAUSE", 120.0)  # the first moments, made long
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        await idle(pilot)
        assert not app.main.builds_begun  # held back for typing
        await press(pilot, "ctrl+pagedown")
        await until(pilot, lambda: built(app, "paths"))
        await until(pilot, lambda: built(app, "goals"), timeout=20)
        assert app.active_stage_id == "paths"
        assert app.focused is not None and app.stage("paths") in app.focused.ancestors


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
        await press(pilot, "ctrl+pagedown", "ctrl+pagedown")
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


def sizes_in(stage) -> dict[object, tuple[object, object]]:
    """Every widget's laid-out size in a stage. An option list measures its lines when
    first drawn, never unseen: its width (and a layout) is left to the first visit."""
    from textual.widgets import OptionList

    return {widget: (widget.virtual_size, widget.container_size)
            for widget in stage.walk_children(with_self=True)
            if not isinstance(widget, OptionList)}


def rows_in(stage) -> list[list[list[object]]]:
    from careertui.ui.widgets.record_list import RecordList

    return [[list(table.get_row_at(row)) for row in range(table.row_count)]
            for table in (listed.table for listed in stage.query(RecordList))]


@pytest.mark.slow
async def test_a_stage_built_ahead_is_shown_at_the_size_it_was_laid_out_at(make_app, tmp_path):
    """A stage built ahead is laid out once, unseen, at the size it will have, so its
    first visit is drawn as a later one is: in one layout. Laid out for the first time
    on the visit, every widget in it went from no size to its size, which took two
    more layouts (the new sizes, then the scrollbar), each a frame of its own, and the
    lists refilled their tables for their width."""
    from datetime import date

    from careertui.core.sample import write_sample

    path = tmp_path / "sample.json"
    write_sample(path, years=1, end=date(2026, 11, 24))
    app = make_app(db_path=path, prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: all_laid_out(app), timeout=60)
        for stage_id in STAGE_IDS[1:]:
            stage = app.stage(stage_id)
            assert not stage.parent.display, stage_id  # hidden until visited
            unseen, unseen_rows = sizes_in(stage), rows_in(stage)
            assert stage.virtual_size.width > 0, stage_id
            await press(pilot, "ctrl+pagedown")
            await until(pilot, lambda shown=stage: app.focused is not None
                        and shown in app.focused.ancestors)
            await idle(pilot)
            shown = sizes_in(stage)
            changed = [(type(widget).__name__, widget.id, unseen.get(widget), shown[widget])
                       for widget in shown if unseen.get(widget) != shown[widget]]
            assert not changed, (stage_id, changed)
            assert rows_in(stage) == unseen_rows, stage_id


async def test_stages_are_laid_out_unseen_while_the_person_tours_the_stages(make_app):
    """A person touring the stages presses a key every half second or so, never
    typing: the stages ahead are built and laid out unseen between two keys, so each
    first visit is drawn in one layout. Waiting for a pause of every key (0.6 s), a
    tour never gave them one."""
    from textual import events

    app = make_app(prebuild=True)
    never_shown = STAGE_IDS[2:]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))

        def laid_out_unseen() -> bool:
            # One is enough to tell: waiting for a pause of every key, none ever was.
            # All of them can take longer than a test should on a loaded machine (each
            # key cuts a layout short, and it is tried again only a few times).
            return any(built(app, stage_id) and app.stage(stage_id).virtual_size.width > 0
                       for stage_id in never_shown)

        switches = 0
        while not laid_out_unseen() and switches < 100:
            key = "ctrl+pagedown" if switches % 2 == 0 else "ctrl+pageup"
            app.post_message(events.Key(key, None))  # Self-assessment, Paths, and back
            switches += 1
            await asyncio.sleep(0.4)  # under the app's 0.6 s pause of every key
        assert laid_out_unseen(), f"not laid out after {switches} stage switches"
        assert app.active_stage_id in STAGE_IDS[:2]
        panes = [app.main.pane(stage_id) for stage_id in never_shown]
        assert not [pane.id for pane in panes if pane.display and not pane.unseen]


async def test_tab_pressed_while_a_stage_is_laid_out_unseen_stays_on_the_stage_shown(
        make_app):
    """While a stage built ahead is laid out unseen, nothing in it takes the focus: a
    tab pressed then moves to the next field of the stage shown."""
    from textual import events

    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        first = app.stage(STAGE_IDS[0])
        panes = [app.main.pane(stage_id) for stage_id in STAGE_IDS[1:]]
        strayed: list[str] = []
        tabs_sent = 0
        while tabs_sent < 3:
            await until(pilot, lambda: any(pane.unseen for pane in panes))
            # From the last field of the stage shown: the next in the focus chain would
            # be in the stage laid out unseen, were it let in.
            last = [widget for widget in app.screen.focus_chain if first in widget.ancestors][-1]
            last.focus()
            app.post_message(events.Key("tab", None))
            tabs_sent += 1
            await idle(pilot)
            focused = app.focused
            if focused is not None and any(pane in focused.ancestors for pane in panes):
                strayed.append(repr(focused))
        assert not strayed, strayed


async def test_stages_are_built_ahead_nearest_first_the_way_the_person_goes(make_app):
    """Going back from the first stage, the next stage built ahead is the one behind."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        assert main.nearest_first()[:4] == ["paths", "goals", "check-ins", "agenda"]
        await press(pilot, "ctrl+pageup")
        await until(pilot, lambda: app.active_stage_id == "check-ins" and built(app, "check-ins"))
        assert main.nearest_first()[:4] == ["follow-up", "meeting", "self-assessment", "invite"]
        assert main.next_to_prebuild() == "follow-up"
        await press(pilot, "ctrl+pagedown")
        await until(pilot, lambda: app.active_stage_id == "self-assessment")
        assert main.next_to_prebuild() == "paths"


async def test_a_stage_not_built_yet_says_it_is_on_its_way(make_app):
    """Reached before it was built ahead, a stage's page says it is opening: a blank
    page read as a stage with nothing in it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.main.tabs.get_pane("goals")
        assert app.stage("goals") is None
        assert "Opening Goals…" in pane.render().plain
        await press(pilot, "ctrl+pagedown", "ctrl+pagedown")
        await until(pilot, lambda: built(app, "goals") and app.focused is not None
                    and app.stage("goals") in app.focused.ancestors)
        assert pane.region == app.stage("goals").region  # the stage covers the line


async def test_a_stage_laid_out_ahead_is_drawn_ahead_too(make_app, monkeypatch):
    """A stage laid out unseen also has the lines its first visit shows made then, so
    that visit only puts them together, as a later one does. Made on the visit, they
    took most of its first frame (Invite 37 ms against 15 ms for a later visit,
    headless, five-year sample)."""
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: all_built(app) and not app.main.working_ahead, timeout=60)
        goals = app.stage("goals")
        title = goals.query(".section-title").first()
        made: list[int] = []
        draw = title.render_line

        def spy(y: int):
            made.append(y)
            return draw(y)

        monkeypatch.setattr(title, "render_line", spy)
        await press(pilot, "ctrl+pagedown")
        await press(pilot, "ctrl+pagedown")
        await until(pilot, lambda: app.focused is not None and goals in app.focused.ancestors)
        await idle(pilot)
        assert title.region.area and app.main.pane("goals").display  # on screen
        assert made == []  # drawn from the lines made ahead


async def test_the_nearest_stage_is_made_ready_first_whatever_it_lacks(make_app):
    """Built, but its unseen layout cut short by a key, the next stage is laid out
    before stages farther on are built: Invite, left so behind the builds of the
    three stages after it, took three layouts on its first visit."""
    app = make_app()  # nothing built ahead by itself
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        assert app.main.next_to_prebuild() == "paths"  # not built
        await app.main.ensure_stage("paths")
        assert app.main.next_to_prebuild() == "paths"  # built, not laid out
        await press(pilot, "ctrl+pagedown")  # laid out by its visit
        await until(pilot, lambda: app.active_stage_id == "paths")
        assert app.main.next_to_prebuild() == "goals"


async def test_no_work_ahead_begins_until_a_stage_switch_is_drawn(make_app, monkeypatch):
    """Work ahead waits a moment after any key: a build begun just after a stage
    switch held that switch's frame 20 to 30 ms (tmux, a tour a key every 0.5 s)."""
    from careertui.ui.screens import main

    monkeypatch.setattr(main, "LAUNCH_PAUSE", 0.01)
    monkeypatch.setattr(main, "KEY_SETTLE", 120.0)  # a moment, made long
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+pagedown")  # before anything was built ahead
        await until(pilot, lambda: built(app, "paths"))
        await idle(pilot)
        await asyncio.sleep(0.3)
        await idle(pilot)
        assert app.main.builds_begun == {"paths"}  # built for its visit; nothing more
        assert app.main.working_ahead


async def test_the_first_stage_filled_in_while_hidden_is_laid_out_again_unseen(make_app):
    """Left before its page below the first screen filled in, Self-assessment mounted
    the rest while hidden: those answers had no width, and on the person's return were
    drawn unwrapped, cut at the edge, for a frame or two (new-user trial, every tour).
    They are laid out unseen once the page is whole, as a stage built ahead is."""
    from careertui.ui.stages.self_assessment import SelfAssessmentStage

    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        first = app.query_one(SelfAssessmentStage)
        assert not first.built  # the rest of its page comes after the first frame
        await press(pilot, "ctrl+pagedown")
        await until(pilot, lambda: app.active_stage_id == "paths")
        await until(pilot, lambda: first.built, timeout=60)
        await until(pilot, lambda: all_built(app) and not app.main.working_ahead, timeout=60)
        answers = list(first.query(TextArea).results(TextArea))
        assert len(answers) > 1
        unsized = [area.id for area in answers if not area.outer_size.width]
        assert not unsized  # every answer laid out at its width, though never shown
        assert not app.main.pane("self-assessment").display
