"""The one-widget drop-down (`ChoiceField`) that replaced Textual's six-widget Select:
chosen with the keys a person uses, saved, shown literally, left alone on escape."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList

from careertui.core.model import CareerPath, Goal, Request
from careertui.core.store import Workbook
from careertui.ui.widgets.choice import ChoiceField, ChoiceMenu
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import enter, idle, press, settle, until

HOSTILE = "[b]Lead[/b] [link=x]🚀 目标 مرحبا"


def _stored(db_path: Path, table: str) -> list[dict]:
    return list(json.loads(db_path.read_text("utf-8")).get(table, {}).values())


async def _paths_form(pilot) -> RecordList:
    """The Paths stage, its form filled from the first path."""
    await enter(pilot, "paths")
    paths = pilot.app.query_one("#paths-list", RecordList)
    await until(pilot, lambda: paths.has_form)
    return paths


async def _open(pilot, field: ChoiceField, key: str = "enter") -> OptionList:
    """The cursor to `field`, and `key` (enter, or a letter): its options open."""
    field.focus()
    await idle(pilot)
    await press(pilot, key)
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceMenu))
    return pilot.app.screen.query_one(OptionList)


async def _open_source(pilot) -> ChoiceField:
    """The first path's "Heard of it" drop-down, its options open."""
    paths = await _paths_form(pilot)
    field = paths.query_one("#field-source", ChoiceField)
    await _open(pilot, field)
    return field


async def test_a_choice_made_with_the_keys_is_saved_and_shown_literally(make_app, db_path):
    """enter opens the options below the field with its choice highlighted, down and
    enter choose; a goal named with brackets, emoji, CJK and Arabic is shown as typed in
    the field and in the menu, and the link reaches the file and survives a reopen."""
    app = make_app()
    app.workbook.add_all([Goal(id="g1", title="Plain goal"), Goal(id="g2", title=HOSTILE),
                          Request(id="r1", ask="Pay for the course", goal_id="g1")])
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        requests = app.query_one("#requests-list", RecordList)
        await until(pilot, lambda: requests.has_form)
        field = requests.query_one("#field-goal_id", ChoiceField)
        assert field.value == "g1"
        await _open(pilot, field)
        menu = app.screen.query_one(OptionList)
        under = app.screen.under  # the field's place when it opened
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert HOSTILE in labels
        chosen = labels[menu.highlighted or 0]
        assert chosen == "Plain goal"  # opened on the field's own choice
        assert menu.region.y == under.bottom or menu.region.bottom == under.y  # touching it
        await press(pilot, "down", "enter")
        await until(pilot, lambda: field.value == "g2")
        assert app.focused is field  # back where the person was
        assert HOSTILE in str(field.render())
        await settle(pilot)
        assert await app.save_workbook()
        assert [r["goal_id"] for r in _stored(db_path, "requests")] == ["g2"]
        await press(pilot, "ctrl+q")
    book = Workbook.open(db_path, lock=False)
    try:
        assert book.get(Request, "r1").goal_id == "g2"
    finally:
        book.close()


async def test_escape_leaves_the_choice_and_the_file_as_they_were(make_app, db_path):
    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Team lead", source="org chart"))
    async with app.run_test(size=SIZE) as pilot:
        field = await _open_source(pilot)
        await press(pilot, "down", "down", "escape")
        await until(pilot, lambda: not isinstance(app.screen, ChoiceMenu))
        await settle(pilot)
        assert field.value == "org chart"
        assert app.workbook.get(CareerPath, "p1").source == "org chart"
        assert not app.workbook.dirty  # nothing to save: nothing changed


async def test_a_letter_opens_the_options_on_the_next_one_starting_with_it(make_app, db_path):
    """'d' on a goal's status opens its options on Discussed, more d's move on to Done
    and Dropped, and enter chooses: only that choice is saved and dated. Chosen at
    once, every option passed on the way went into the goal's history (second
    new-user trial)."""
    app = make_app()
    app.workbook.add(Goal(id="g1", title="Ship it", status="idea",
                          history=[{"status": "idea", "date": "2026-11-01"}]))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: goals.has_form)
        field = goals.query_one("#field-status", ChoiceField)
        menu = await _open(pilot, field, "d")
        seen = [str(menu.get_option_at_index(menu.highlighted or 0).prompt)]
        for _ in range(3):
            await press(pilot, "d")
            seen.append(str(menu.get_option_at_index(menu.highlighted or 0).prompt))
        assert seen == ["Discussed", "Done", "Dropped", "Discussed"]
        assert field.value == "idea"  # nothing chosen yet
        await press(pilot, "d", "enter")  # on to Done, chosen
        await until(pilot, lambda: field.value == "done")
        await press(pilot, "z")  # no option starts with z: nothing opens
        await idle(pilot)
        assert not isinstance(app.screen, ChoiceMenu)
        await settle(pilot)
        assert await app.save_workbook()
    [goal] = _stored(db_path, "goals")
    assert goal["status"] == "done"
    assert goal["history"] == [{"status": "idea", "date": "2026-11-01"},
                               {"status": "done", "date": "2026-11-25"}]


async def test_near_the_bottom_the_options_open_above_the_field():
    from textual.app import App, ComposeResult
    from textual.containers import Vertical
    from textual.widgets import Static

    from careertui.ui.widgets.plain import plain

    class Bottom(App[None]):
        def compose(self) -> ComposeResult:
            with Vertical():
                yield Static("filler", classes="filler")
                yield ChoiceField([(plain(f"Option [{n}]"), str(n)) for n in range(6)]
                                  + [(plain("W" * 300), "long")], value="2")

        CSS = ".filler { height: 1fr; }"

    app = Bottom()
    async with app.run_test(size=(40, 20)) as pilot:
        field = app.query_one(ChoiceField)
        field.focus()
        await pilot.pause()
        await pilot.click(ChoiceField)
        await until(pilot, lambda: isinstance(app.screen, ChoiceMenu))
        await pilot.pause()
        menu = app.screen.query_one(OptionList)
        # above it, touching it, though the 300-letter option wraps over several rows
        assert menu.region.bottom == field.region.y and menu.region.y >= 0
        assert menu.highlighted == 2
        assert str(menu.get_option_at_index(0).prompt) == "Option [0]"


async def test_options_that_fit_neither_side_take_the_roomier_one_and_scroll():
    """At 80x24 a goal list longer than the room above and below the field was drawn
    over the field itself (second new-user trial)."""
    from textual.app import App, ComposeResult
    from textual.containers import Vertical
    from textual.widgets import Static

    from careertui.ui.widgets.plain import plain

    class Middle(App[None]):
        CSS = ".filler { height: 5; }"

        def compose(self) -> ComposeResult:
            with Vertical():
                yield Static("filler", classes="filler")
                yield ChoiceField([(plain(f"Goal [{n}] 目标"), str(n)) for n in range(20)],
                                  value="19")

    app = Middle()
    async with app.run_test(size=(40, 16)) as pilot:
        field = app.query_one(ChoiceField)
        field.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceMenu))
        await pilot.pause()
        menu = app.screen.query_one(OptionList)
        assert menu.region.y >= field.region.bottom  # below: more room there (10 > 5)
        assert menu.region.bottom <= app.size.height
        assert menu.highlighted == 19 and menu.max_scroll_y > 0  # scrolls to the last


async def test_ctrl_pagedown_closes_open_options_and_changes_stage(make_app):
    """With a drop-down's options open, ctrl+pagedown did nothing (second new-user
    trial): it changes stage from anywhere, the options closed and nothing chosen."""
    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Team lead", source="org chart"))
    async with app.run_test(size=SIZE) as pilot:
        field = await _open_source(pilot)
        await press(pilot, "down", "ctrl+pagedown")
        await until(pilot, lambda: app.active_stage_id == "goals")
        assert app.screen is app.main
        await press(pilot, "ctrl+pageup")
        await until(pilot, lambda: app.active_stage_id == "paths")
        assert field.value == "org chart"
        assert app.workbook.get(CareerPath, "p1").source == "org chart"


async def test_the_palette_tab_and_f1_close_open_options_first(make_app, db_path):
    """Options left open under the palette floated over the stage it went to, and the
    next enter changed a path on a stage no longer shown (third new-user trial); tab
    did nothing and the words typed after it were lost. The options close, unchosen."""
    from careertui.ui.screens.help import HelpScreen

    from .helpers import paste, run_command

    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Head of [b]x", kind="vertical",
                                source="org chart"))
    async with app.run_test(size=SIZE) as pilot:
        paths = await _paths_form(pilot)
        kind = paths.query_one("#field-kind", ChoiceField)
        await _open(pilot, kind)
        await run_command(pilot, "Go to Check-ins")
        await until(pilot, lambda: app.active_stage_id == "check-ins")
        await press(pilot, "down", "enter")  # lands on Check-ins, not in the options
        await settle(pilot)
        assert not any(isinstance(screen, ChoiceMenu) for screen in app.screen_stack)
        assert app.workbook.get(CareerPath, "p1").kind == "vertical"

        await enter(pilot, "paths")
        source = paths.query_one("#field-source", ChoiceField)
        await _open(pilot, source)
        await press(pilot, "tab")
        await until(pilot, lambda: app.screen is app.main and app.focused is not source)
        assert app.focused is paths.query_one("#field-skills_needed")  # the field after it
        await paste(pilot, "[/] 🚀")  # typed there, as tab promised
        await until(pilot, lambda: "[/] 🚀" in app.workbook.get(CareerPath, "p1").skills_needed)
        assert source.value == "org chart"

        await _open(pilot, kind)
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not any(isinstance(screen, ChoiceMenu) for screen in app.screen_stack)
        assert kind.value == "vertical"


async def test_a_digit_opens_the_options_on_the_first_one_too(make_app):
    """'5' on Interest opened its options on the current choice: the option found was
    the first, index 0, taken for none found (third new-user trial)."""
    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Lead", interest=3))
    async with app.run_test(size=SIZE) as pilot:
        paths = await _paths_form(pilot)
        menu = await _open(pilot, paths.query_one("#field-interest", ChoiceField), "5")
        assert str(menu.get_option_at_index(menu.highlighted or 0).prompt) == "5 of 5"
        await press(pilot, "enter")
        await until(pilot, lambda: app.workbook.get(CareerPath, "p1").interest == 5)
