"""Every screen usable at 80×24, and long text kept inside its table (issue 15)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rich.cells import cell_len
from rich.text import Text

from careertui.core.model import CareerPath, Goal
from careertui.core.sample import build_sample
from careertui.ui.widgets.record_list import CELL_MAX, RecordList, cut_cell, fit_columns

from .helpers import enter, idle, paste, press, settle, until
from .test_plain_text import screen_text

NARROW = (80, 24)
WIDE = (120, 40)
STAGES = ("self-assessment", "paths", "goals", "agenda", "invite", "meeting", "follow-up",
          "check-ins")


def header(records: RecordList) -> list[str]:
    return [str(column.label) for column in records.table.ordered_columns]


def sample_app(make_app: Any) -> Any:
    sample = build_sample(1, end=date(2026, 11, 25))
    app = make_app()
    app.workbook.save_profile(sample.profile)
    app.workbook.add_all(sample.records)
    for key, value in sample.values.items():
        app.workbook.set_value(key, value)
    return app


# -- fitting columns, without a terminal ----------------------------------------------


def test_columns_fit_by_dropping_then_cutting():
    labels, drops = [4, 4, 6, 5], [0, 1, 0, 0]
    assert fit_columns(labels, [20, 13, 17, 9], drops, None) == ((0, 1, 2, 3), CELL_MAX)
    assert fit_columns(labels, [20, 13, 17, 9], drops, 100) == ((0, 1, 2, 3), CELL_MAX)
    # 22+15+19+11 = 67 > 60: the droppable Kind goes, and the rest fits whole.
    assert fit_columns(labels, [20, 13, 17, 9], drops, 60) == ((0, 2, 3), CELL_MAX)
    # A 300-character title: cut so that status and share still fit.
    shown, cap = fit_columns(labels, [CELL_MAX, 13, 17, 9], drops, 60)
    assert shown == (0, 2, 3) and max(4, min(CELL_MAX, cap)) + 2 + 19 + 11 <= 60


def test_a_cell_is_one_line_cut_with_an_ellipsis():
    cell = cut_cell("目标 " * 100 + "\tend\nnext", 20)
    assert isinstance(cell, Text) and cell.cell_len <= 20 and cell.plain.endswith("…")
    assert "\n" not in cell.plain and "\t" not in cell.plain
    assert cut_cell("[/] [b]x", 20).plain == "[/] [b]x"  # never read as markup
    assert cut_cell(7, 3) == 7


# -- a very long title -------------------------------------------------------------------


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_a_300_character_goal_title_keeps_the_other_columns_in_view(make_app, size):
    app = make_app()
    title = "Lead " + "x" * 295
    app.workbook.add(Goal(id="g1", title="Short goal", status="idea"))
    async with app.run_test(size=size) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        goals.table.focus()
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: len(goals.records) == 2 and goals.has_form)
        await idle(pilot)
        await paste(pilot, title)  # typed into the new goal's title
        await settle(pilot)
        assert app.workbook.get(Goal, goals.selected.id).title == title
        assert "Status" in header(goals) and "Share" in header(goals)
        table = goals.table
        assert table.virtual_size.width <= table.scrollable_content_region.width
        row = table.get_row(goals.selected.id)
        assert str(row[0]).endswith("…") and len(str(row[0])) < 80
        assert goals.query_one("#field-title").value == title  # the form has it whole


async def test_long_titles_already_saved_are_cut_in_every_list(make_app):
    from careertui.core.model import Achievement, Interview, Request

    long = "Very long " * 30
    app = make_app()
    app.workbook.add_all([
        Goal(id="g1", title=long), Request(id="r1", ask=long, goal_id="g1"),
        CareerPath(id="p1", role=long), Interview(id="i1", person=long, their_role=long),
        Achievement(id="a1", what=long, impact=long, date="2026-11-01"),
    ])
    async with app.run_test(size=NARROW) as pilot:
        for stage in ("self-assessment", "paths", "goals"):
            await enter(pilot, stage)
            await settle(pilot)
            for records in app.stage(stage).query(RecordList).results(RecordList):
                table = records.table

                def fits(records=records, table=table) -> bool:
                    return bool(table.columns) and (
                        table.virtual_size.width <= table.scrollable_content_region.width)

                await until(pilot, fits)  # the columns are fitted after the layout settles
                assert header(records)[-1] == records.columns[-1].label, records.id
                assert table.virtual_size.width <= table.scrollable_content_region.width, (
                    records.id)


# -- the Paths table at 80 columns -------------------------------------------------------


async def test_paths_table_keeps_status_and_share_at_80_columns(make_app):
    app = sample_app(make_app)
    async with app.run_test(size=NARROW) as pilot:
        await enter(pilot, "paths")
        paths = app.query_one("#paths-list", RecordList)
        await until(pilot, lambda: "Interviews" not in header(paths))
        assert header(paths)[-2:] == ["Status", "Share"]
        assert header(paths)[0] == "Role"
        table = paths.table
        # The table measures its columns again at its next refresh: waited for.
        await until(pilot, lambda: table.virtual_size.width
                    <= table.scrollable_content_region.width)
        # Wider again: every column comes back.
        await pilot.resize_terminal(*WIDE)
        await until(pilot, lambda: "Interviews" in header(paths))
        assert header(paths) == ["Role", "Kind", "Interest", "Gap", "Interviews", "Status",
                                 "Share"]
        await press(pilot, "s")  # sorting still works with all columns back


async def test_a_list_changed_while_its_stage_is_hidden_still_fits_when_shown(make_app):
    """A change made elsewhere refills a hidden stage's list. Hidden, the list has no
    size on screen: it lays its table out for the width it last had, not for any
    width (which drew every column, 60 wide, until the next resize corrected it)."""
    app = sample_app(make_app)
    async with app.run_test(size=NARROW) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: "Horizon" not in header(goals))
        narrow = header(goals)
        await enter(pilot, "self-assessment")
        goal = app.workbook.all(Goal)[0]
        goal.title = "[b]Renamed while hidden 目标 🚀"
        app.workbook.update(goal)  # as another stage's change reaches a hidden one
        await enter(pilot, "goals")
        await settle(pilot)
        assert header(goals) == narrow
        table = goals.table
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "[b]Renamed while hidden 目标 🚀" in screen_text(app)


# -- the footer at 80 columns ----------------------------------------------------------


def test_a_stages_own_keys_give_way_before_quit_and_keys():
    from careertui.ui.widgets.footer import keys_that_fit

    keys = [("next-stage", "^pgdn", "Next stage"), ("add", "^n", "Add"),
            ("delete", "del", "Delete"), ("sort", "s", "Sort"), ("quit", "^q", "Quit"),
            ("help", "f1", "Keys")]
    assert keys_that_fit(keys, 200) == {k for k, _, _ in keys}
    # next stage gives way first (the tabs show the stages), then from the right
    assert keys_that_fit(keys, 46) == {"add", "delete", "sort", "quit", "help"}  # 8+12+8+9+9
    assert keys_that_fit(keys, 44) == {"add", "delete", "quit", "help"}
    assert keys_that_fit(keys, 20) == {"quit", "help"}


@pytest.mark.slow
async def test_the_footer_keeps_quit_and_keys_at_80_columns(make_app):
    """Tabbing through each stage of the sample at 80×24 (one app for all eight),
    the footer always shows ctrl+q and f1, and every key it shows is inside the screen."""
    from careertui.ui.widgets.footer import KeysFooter

    app = sample_app(make_app)
    async with app.run_test(size=NARROW) as pilot:
        footer = app.query_one(KeysFooter)
        for stage_id in STAGES:
            await enter(pilot, stage_id)
            for _ in range(4):
                await settle(pilot)
                await until(pilot, lambda: footer.shown_keys is not None
                            and not footer.settling)
                actions = {key[1] for key in footer.shown_keys or ()}
                assert {"quit", "help"} <= actions, (stage_id, app.focused, actions)
                line = footer.line  # as drawn: every key whole, the palette's at the edge
                assert "^q Quit" in line and "f1 Keys" in line, (stage_id, line)
                assert line.rstrip().endswith("^p palette"), (stage_id, line)
                assert cell_len(line) == app.size.width, (stage_id, line)
                await press(pilot, "tab")


# -- F1 at 80×24 -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_f1_help_reaches_its_last_rows(make_app, size):
    """At 80×24 the help hid ctrl+q, tab and escape and could not scroll: now it
    scrolls with the keys (and fits whole at 120×40)."""
    from textual.containers import VerticalScroll

    from careertui.ui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await idle(pilot)
        scroll = app.screen.query_one("#help-scroll", VerticalScroll)
        box = app.screen.query_one("#help-box")
        assert box.region.bottom <= app.size.height and scroll.region.bottom < box.region.bottom
        if size == WIDE:
            assert scroll.max_scroll_y == 0  # all of it in view
        else:
            assert scroll.max_scroll_y > 0 and app.focused is scroll
            assert "Close a dialog" not in screen_text(app)
            await press(pilot, "end")
            await until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y)
            await idle(pilot)
        shown = screen_text(app)
        for meaning in ("Save and quit", "Next / previous field", "Close a dialog"):
            assert meaning in shown
        await press(pilot, "escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
