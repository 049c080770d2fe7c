"""A person's text is shown as typed, never read as markup (issue 13, defect 1).

Brackets typed anywhere (`[WIP]`, `[/]`, `[link=...]`) used to crash the app, or
the stage on every later launch, or be shown as styles. These tests type such
text with the keys, then check it is on screen literally, saved as typed, and
opens again.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Input, Label

from careertui.core.model import Capture, Goal, Meeting
from careertui.core.sample import write_sample
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.screens.help import HelpScreen
from careertui.ui.screens.profile import ProfileScreen
from careertui.ui.stages import STAGE_IDS
from careertui.ui.widgets.choice import ChoiceField
from careertui.ui.widgets.header import WorkbookHeader
from careertui.ui.widgets.plain import plain, plain_cell, sort_key
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import enter, idle, paste, press, run_command, settle, until

SUFFIX = " [/] [bold]B[/bold] [link=https://example.com]L[/link]"
"""Markup that would crash ([/]), style ([bold]) or link if it were read as markup."""


def screen_text(app: Any) -> str:
    """The characters on screen now, taken from a screenshot (a public API).

    Markup read as markup would show as `B`, not as `[bold]B[/bold]`.
    """
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL)
    return "".join(html.unescape(run) for run in runs).replace("\xa0", " ")


def stored(db_path: Path, table: str) -> list[dict[str, Any]]:
    return list(json.loads(db_path.read_text()).get(table, {}).values())


def cells(records: RecordList) -> list[str]:
    table = records.table
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


# -- the helper --------------------------------------------------------------------


def test_plain_keeps_every_character_and_reads_no_markup():
    for text in ("[/]", "[b]x", "[link=https://x.y]z[/link]", "[@click=app.quit]Q",
                 "🚀 目标 مرحبا", "a\tb", "x" * 300):
        shown = plain(text)
        assert isinstance(shown, Text)
        assert shown.plain == text and not shown.spans  # no style, no link
    assert plain(None).plain == "" and plain(3).plain == "3"


def test_table_cells_keep_numbers_and_sort_by_text_or_number():
    assert plain_cell(5) == 5
    assert isinstance(plain_cell("[/]"), Text)
    cells = [plain_cell("b"), plain_cell("[a]"), plain_cell("a")]
    assert [str(c) for c in sorted(cells, key=sort_key)] == ["[a]", "a", "b"]
    assert sorted([3, 10, 2], key=sort_key) == [2, 3, 10]


# -- typed with the keys -------------------------------------------------------------


async def test_quick_capture_with_brackets_is_kept_and_shown_literally(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        assert isinstance(app.focused, Input) and app.focused.id == "capture"
        await press(pilot, *"n: [/] oops", "enter")
        await paste(pilot, "[@click=app.quit]Q [bold]B[/bold] [red]R")
        await press(pilot, "enter")
        await settle(pilot)
        assert app.is_running
        captures = app.query_one("#captures-list", RecordList)
        assert {"n: [/] oops", "[@click=app.quit]Q [bold]B[/bold] [red]R"} <= set(cells(captures))
        shown = screen_text(app)
        assert "n: [/] oops" in shown and "[@click=app.quit]Q [bold]B[/bold] [red]R" in shown
        assert await app.save_workbook()
    app.workbook.close()
    texts = {c["text"] for c in stored(db_path, "captures")}
    assert texts == {"n: [/] oops", "[@click=app.quit]Q [bold]B[/bold] [red]R"}
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        assert again.is_running and "n: [/] oops" in screen_text(again)


async def test_a_path_role_with_brackets_opens_again(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        paths = app.query_one("#paths-list", RecordList)
        assert app.focused is paths.table
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: isinstance(app.focused, Input))
        await press(pilot, *"Fix the [/] parser")
        paths.table.focus()
        await press(pilot, "s")  # sorting by role compares the new cells
        await settle(pilot)
        assert "Fix the [/] parser" in cells(paths)
        assert "Fix the [/] parser" in screen_text(app)
        assert await app.save_workbook()
    app.workbook.close()
    assert [p["role"] for p in stored(db_path, "paths")] == ["Fix the [/] parser"]
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        assert again.is_running and "Fix the [/] parser" in screen_text(again)


async def test_a_goal_title_with_a_link_shows_in_the_request_for_it(make_app, db_path):
    title = "Learn [link=https://example.com]dbt[/link] [WIP] 🚀 目标"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: isinstance(app.focused, Input))
        await paste(pilot, title)
        requests = app.query_one("#requests-list", RecordList)
        requests.table.focus()
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: requests.has_form and requests.selected is not None)
        await paste(pilot, "Pay for the [1] course")
        await settle(pilot)
        assert app.is_running
        assert requests.selected.goal_id == goals.records[0].id
        for_goal = requests.query_one("#field-goal_id", ChoiceField)
        assert title in str(for_goal.render())  # the chosen option, as typed
        assert any(  # as typed, cut with an ellipsis where the column is too narrow
            len(cell) > 20 and title.startswith(cell.removesuffix("…")) for cell in cells(requests))
        assert title in screen_text(app)
        assert await app.save_workbook()
    app.workbook.close()
    [goal] = stored(db_path, "goals")
    [request] = stored(db_path, "requests")
    assert goal["title"] == title and request["ask"] == "Pay for the [1] course"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        assert again.is_running and title in screen_text(again)


async def test_a_manager_name_with_brackets_reaches_follow_up_and_check_ins(make_app, db_path):
    name = "[/] Priya [b]R"
    app = make_app()
    app.workbook.add(Meeting(id="m1", date="2026-11-20"))
    app.workbook.add(Capture(meeting_id="m1", kind="action", owner="manager", text="Intro to Sam"))
    app.workbook.add(Goal(title="Ship the [b]report[/b] [WIP]", status="in progress"))
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Edit profile")
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#profile-manager_name", Input).focus()
        await press(pilot, *name, "escape")
        await settle(pilot)
        await enter(pilot, "follow-up")
        assert app.is_running
        assert name in cells(app.query_one("#actions-list", RecordList))
        assert "Hi [/]," in screen_text(app)  # the greeting: the name's first word
        await enter(pilot, "check-ins")
        await press(pilot, "ctrl+n")  # a check-in, so each active goal's progress row shows
        await settle(pilot)
        assert app.is_running
        assert name in cells(app.query_one("#checkin-actions", RecordList))
        progress = app.query_one(".progress-goal", Label)
        assert str(progress.render()) == "Ship the [b]report[/b] [WIP]"
        assert await app.save_workbook()
    app.workbook.close()
    [profile] = stored(db_path, "profile")
    assert profile["manager_name"] == name
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        assert again.is_running and "Hi [/]," in screen_text(again)
        assert name in cells(again.query_one("#actions-list", RecordList))


async def test_a_workbook_path_with_brackets_in_header_help_and_the_quit_dialog(
    make_app, tmp_path: Path
):
    folder = tmp_path / "[b]x[" / "]"  # the path reads …/[b]x[/]/file/…
    folder.mkdir(parents=True)
    (folder / "file").write_text("a file where a folder should be")
    app = make_app(db_path=folder / "file" / "workbook.json", retry_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Ada")
        await until(pilot, lambda: app.save_error is not None)
        await idle(pilot)
        # as the header shows it
        assert "[b]x[/]" in app.query_one(WorkbookHeader).format_title().plain
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "[b]x[/]" in str(app.screen.query_one(".dialog-note").render())
        await press(pilot, "escape", "ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert app.is_running
        assert "[b]x[/]" in str(app.screen.query_one(".dialog-message").render())
        await press(pilot, "escape")


# -- a whole workbook of hostile text ---------------------------------------------------

CODES = {"id", "created", "updated", "key", "kind", "status", "horizon", "source", "owner",
         "thank_you", "from_capture"}
"""Fields that hold a code the app chose (not words a person typed): left as they are."""
DATE = re.compile(r"^\d{4}-\d\d-\d\d|^\d\d:\d\d$")


def with_suffix(value: Any, name: str = "") -> Any:
    """Every piece of text in a stored workbook, with SUFFIX appended."""
    if isinstance(value, dict):
        if value.get("key") == "checkins.cadence":
            return value
        return {k: with_suffix(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [with_suffix(v, name) for v in value]
    if (not isinstance(value, str) or not value or name in CODES
            or name.endswith(("_id", "_ids")) or DATE.match(value)):
        return value
    return value + SUFFIX


def shown(app: Any, stage_id: str) -> bool:
    stage = app.stage(stage_id)
    return app.active_stage_id == stage_id and stage is not None and stage.ready.is_set()


@pytest.mark.slow
async def test_a_workbook_full_of_markup_is_shown_literally_everywhere(make_app, tmp_path):
    path = tmp_path / "[bold]B[" / "bold]" / "hostile.json"  # …/[bold]B[/bold]/hostile.json
    write_sample(path, years=1)
    data = with_suffix(json.loads(path.read_text()))
    path.write_text(json.dumps(data))
    assert json.dumps(data).count("[bold]B[/bold]") > 300
    literal = "[bold]B[/bold]"
    app = make_app(db_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        for stage_id in STAGE_IDS:  # every stage, in order, as ctrl+pagedown shows them
            await until(pilot, lambda wanted=stage_id: shown(app, wanted))
            await settle(pilot)
            assert app.is_running and app.active_stage_id == stage_id
            assert literal in screen_text(app), stage_id
            for records in app.stage(stage_id).query(RecordList).results(RecordList):
                if records.table.row_count:
                    assert any(  # as typed; a long cell cut with an ellipsis (issue 15),
                        # perhaps right after the "[/]" that markup would have swallowed
                        cell.endswith(SUFFIX) or (cell.endswith("…") and (
                            literal in cell or " [/] " in cell))
                        for cell in cells(records)), records.id
            await press(pilot, "ctrl+pagedown")
        await enter(pilot, "paths")
        app.query_one("#paths-list", RecordList).table.focus()
        await press(pilot, "delete")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert literal in screen_text(app)  # “<the role>” will be removed from your workbook
        await press(pilot, "escape")
        await run_command(pilot, "Edit profile")
        assert isinstance(app.screen, ProfileScreen)
        assert literal in screen_text(app)
        await press(pilot, "escape")
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "[bold]B[/bold]/hostile.json" in str(app.screen.query_one(".dialog-note").render())
        await press(pilot, "escape")
        await run_command(pilot, "Export workbook")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await press(pilot, "escape")
        await settle(pilot)
        assert app.is_running
