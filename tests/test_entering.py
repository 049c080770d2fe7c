"""Entering and typing: the cursor lands where a person types first, and what they type
adds to a field, never replaces what is in it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Tabs, TextArea

from careertui.ui.stages import STAGE_IDS
from careertui.ui.stages.base import Stage
from careertui.ui.widgets.record_list import RecordList

from .helpers import (
    enter,
    idle,
    new_path,
    paste,
    post_keys,
    press,
    self_assessment_built,
    settle,
    until,
)

SIZE = (120, 40)
HOSTILE = "[/] [b]x [link=https://x.y]z[/link] 🚀 目标 مرحبا\t" + "w" * 300


def stored(db_path: Path, table: str) -> list[dict]:
    return list(json.loads(db_path.read_text("utf-8")).get(table, {}).values())


async def saved(pilot) -> None:
    await settle(pilot)
    assert await pilot.app.save_workbook()


# (stage, list id, table in the file, the main field, the date field filled today or "")
LISTS = [
    ("self-assessment", "achievements-list", "achievements", "what", "date"),
    ("paths", "paths-list", "paths", "role", ""),
    ("paths", "interviews-list", "interviews", "person", "date"),
    ("goals", "goals-list", "goals", "title", ""),
    ("goals", "requests-list", "requests", "ask", ""),
    ("meeting", "captures-list", "captures", "text", ""),
    ("follow-up", "actions-list", "captures", "text", ""),
    ("check-ins", "checkins-list", "checkins", "new_items", "date"),
]


@pytest.mark.parametrize(("stage_id", "list_id", "table", "main", "date_field"), LISTS,
                         ids=[row[1] for row in LISTS])
async def test_ctrl_n_puts_the_cursor_in_the_main_field(
    make_app, db_path: Path, stage_id, list_id, table, main, date_field
):
    """The achievements log put the cursor in Date with its text selected, so the first
    words typed replaced the date."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, stage_id)
        if stage_id == "self-assessment":
            await self_assessment_built(pilot)
        records = app.query_one(f"#{list_id}", RecordList)
        records.table.focus()
        await idle(pilot)
        count = len(records.records)
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: len(records.records) > count and records.has_form
                    and app.focused is not None and app.focused.id == f"field-{main}")
        focused = app.focused
        assert focused is not None and focused.id == f"field-{main}"
        if isinstance(focused, Input):
            assert focused.selection.is_empty
        await paste(pilot, HOSTILE)
        await press(pilot, "end", "!")
        await saved(pilot)
        rows = stored(db_path, table)
        texts = [row[main] for row in rows if HOSTILE in row.get(main, "")]
        assert texts, f"the text typed did not reach {table}.{main}"
        assert texts[0].endswith("!")
        if date_field:
            row = next(r for r in rows if HOSTILE in r.get(main, ""))
            assert row[date_field] == "2026-11-25"  # today's date, kept


async def test_a_field_reached_with_tab_keeps_its_text(make_app, db_path: Path):
    """The profile's name was erased by typing after tab: Inputs select all on focus."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        records = app.query_one("#goals-list", RecordList)
        records.table.focus()
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: records.has_form and app.focused is not None
                    and app.focused.id == "field-title")
        await paste(pilot, "Lead")
        await press(pilot, "tab", "shift+tab")  # leave the field and come back to it
        await press(pilot, "space", "a")
        await paste(pilot, " project")
        await saved(pilot)
        assert [g["title"] for g in stored(db_path, "goals")] == ["Lead a project"]


async def test_the_profile_name_is_not_replaced_by_typing_after_tab(make_app, db_path: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "self-assessment")
        app.action_edit_profile()
        await until(pilot, lambda: isinstance(app.focused, Input)
                    and app.focused.id == "profile-name")
        await paste(pilot, "Ada")
        await press(pilot, "tab", "shift+tab")
        await press(pilot, "x")
        name = app.screen.query_one("#profile-name", Input)
        assert name.value == "Adax"
        await press(pilot, "escape")
        await saved(pilot)
        assert stored(db_path, "profile")[0]["name"] == "Adax"


def name_of(widget) -> str:
    """A focused widget's id, or its nearest named ancestor's id and its kind."""
    if widget is None:
        return "nothing"
    if widget.id:
        return widget.id
    named = next(a for a in widget.ancestors if getattr(a, "id", None))
    return f"{named.id} {type(widget).__name__}"


FIRST_FIELDS = {
    "self-assessment": "answer-strengths",
    "paths": "paths-list DataTable",
    "goals": "goals-list DataTable",
    "agenda": "agenda-editor WrappingTextArea",
    "invite": "invite-manager",
    "meeting": "capture",
    "follow-up": "next-check-in Input",
    "check-ins": "checkins-list DataTable",
}


async def test_each_stage_opens_in_the_field_typed_first(make_app):
    """Entering Follow-up put the cursor in the email body, so "+2w" meant for the next
    one-on-one landed in the email."""
    from careertui.core.model import Meeting

    app = make_app()
    app.workbook.add(Meeting(date="2026-11-24", time="10:00"))  # Follow-up has one to follow
    async with app.run_test(size=SIZE) as pilot:
        for stage_id, expected in FIRST_FIELDS.items():
            await enter(pilot, stage_id)
            assert name_of(app.focused) == expected, stage_id


async def test_invite_opens_in_the_first_time_once_the_manager_is_named(make_app):
    from careertui.core.model import Profile

    app = make_app()
    app.workbook.save_profile(Profile(name="Ana", manager_name="Dana Okafor"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        assert name_of(app.focused) == "invite-slot-0-date Input"


async def test_follow_up_keys_typed_on_entering_go_to_the_next_check_in(make_app, db_path):
    from careertui.core.model import Meeting

    app = make_app()
    app.workbook.add(Meeting(date="2026-11-25", time="09:00"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        body_before = app.query_one("#thank-you-body TextArea", TextArea).text
        await press(pilot, "+", "2", "w")
        editor = app.query_one("#thank-you-body TextArea", TextArea)
        # The untouched draft follows the date (in a pause of typing, as it is redrafted).
        await until(pilot, lambda: "Wed 9 Dec 2026" in editor.text)
        await saved(pilot)
        body = editor.text
        assert "+2w" not in body and body.splitlines()[0] == body_before.splitlines()[0]
        [meeting] = stored(db_path, "meetings")
        assert meeting["next_check_in"] == "2026-12-09"


async def test_a_date_written_out_on_leaving_keeps_the_cursor_at_its_end(make_app, db_path):
    """`tue` is written out as `2026-12-01` when the person moves on; coming back, the
    cursor sat at 3, inside the date, so backspaces and new keys mixed with it (new-user
    trial: `202Z6-12-01`)."""
    from careertui.core.model import Meeting

    app = make_app()
    app.workbook.add(Meeting(date="2026-11-25", time="09:00"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        await press(pilot, *"tue", "tab")
        field = app.query_one("#next-check-in Input", Input)
        await until(pilot, lambda: field.value == "2026-12-01")
        await press(pilot, "shift+tab")
        await until(pilot, lambda: app.focused is field)
        await press(pilot, *["backspace"] * 10, *"fri")
        assert field.value == "fri"
        await saved(pilot)
        [meeting] = stored(db_path, "meetings")
        assert meeting["next_check_in"] == "2026-11-27"


@pytest.mark.slow
async def test_tab_moves_between_fields_and_never_to_the_tab_bar_or_the_page(make_app):
    """The tab bar and the stage itself were tab stops that showed nothing focused.

    One app visits every stage (nine tabs each, past the end of the short stages'
    fields and round again): the same walk per stage in its own app took a minute.
    """
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for stage_id in FIRST_FIELDS:
            await enter(pilot, stage_id)
            if stage_id == "self-assessment":
                await self_assessment_built(pilot)
            seen = []
            for _ in range(9):
                await press(pilot, "tab")
                focused = app.focused
                assert focused is not None
                assert not isinstance(focused, Tabs | Stage), (stage_id, seen)
                assert focused.region.area > 0, name_of(focused)  # something a person sees
                assert app.active_stage_id == stage_id, (stage_id, seen)
                seen.append(name_of(focused))
            assert len(set(seen)) > 1, stage_id


async def test_keys_typed_in_a_burst_land_in_the_fields_in_the_order_typed(make_app, db_path):
    """Letters typed right after a tab went into the field left behind (the tab reached
    the focus only after the field's save had gone round every stage). A terminal
    delivers a burst of keys at once: posted here at once, as it does."""
    from careertui.core.sample import write_sample

    write_sample(db_path, years=1, end=date(2026, 11, 24))
    app = make_app(prebuild=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: all(app.stage(s) is not None for s in STAGE_IDS))
        await enter(pilot, "goals")
        title = app.query_one("#goals-list #field-title", Input)
        title.focus()
        await until(pilot, lambda: app.focused is title)
        before = title.value
        post_keys(app, [*"[b]", "tab", "tab", *"🚀x"])
        await until(pilot, lambda: app.focused is not None and app.focused.id == "field-why"
                    and "🚀x" in app.focused.text)
        assert title.value == before + "[b]"
        await saved(pilot)
    [goal] = [g for g in stored(db_path, "goals") if g["title"] == before + "[b]"]
    assert goal["why"].startswith("🚀x")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_long_burst_into_a_new_paths_first_row_keeps_every_key(make_app, db_path, size):
    """A new workbook's first path: a 300-character word typed in one burst, tab, and
    a team. As the word grew, the table was laid out again (its cells cut narrower) and
    the form refilled from the record, which was behind the keys still arriving: the
    role lost its last hundreds of characters and the team was emptied."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        paths = await new_path(pilot)
        word = "W" * 299 + "]"
        post_keys(app, [*word, "tab", *"[b]TeamX"])
        role = paths.query_one("#field-role", Input)
        team = paths.query_one("#field-team", Input)
        await until(pilot, lambda: team.value == "[b]TeamX")
        await settle(pilot)
        assert role.value == word and team.value == "[b]TeamX"
        await saved(pilot)
    [path] = stored(db_path, "paths")
    assert path["role"] == word and path["team"] == "[b]TeamX"
