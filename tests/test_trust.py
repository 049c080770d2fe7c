"""The promises a person relies on, driven through the keys (issue: "Trust").

Each test presses the keys a person would and then looks in the file on disk,
after a reopen, and in the other stages that show the same thing.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from careertui.core.meetings import agenda_text
from careertui.core.model import (
    Achievement,
    Capture,
    CareerPath,
    Goal,
    Interview,
    Meeting,
    Request,
)
from careertui.core.store import Workbook
from careertui.ui.stages.follow_up import FollowUpStage
from careertui.ui.widgets.fields import ShareableToggle
from careertui.ui.widgets.markdown_editor import MarkdownEditor
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, idle, paste, press, run_command, settle, until
from .sample_data import fill_profile

HOSTILE = "[b]x[/b] [/] [link=https://x.y]z[/link] 🚀 目标 مرحبا\tend"


def on_disk(db_path: Path, table: str) -> list[dict[str, Any]]:
    """The records of a table as the file holds them."""
    return list(json.loads(db_path.read_text("utf-8")).get(table, {}).values())


async def tab_to(pilot: Any, kind: type, tries: int = 20) -> None:
    """Press tab until a widget of `kind` has the focus, as a person would."""
    for _ in range(tries):
        if isinstance(pilot.app.focused, kind):
            return
        await press(pilot, "tab")
    raise AssertionError(f"tab never reached a {kind.__name__}")


async def test_space_on_the_private_toggle_is_saved_and_decides_what_is_shared(
    make_app, db_path: Path
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "goals")
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: isinstance(app.focused, Input))
        await paste(pilot, f"Lead the pricing project {HOSTILE}")
        await tab_to(pilot, ShareableToggle)
        toggle = app.focused
        assert isinstance(toggle, ShareableToggle) and not toggle.value  # private by default
        await press(pilot, "space")
        await app.save_workbook()
        [goal] = on_disk(db_path, "goals")
        assert goal["title"] == f"Lead the pricing project {HOSTILE}"
        assert goal["shareable"] is True
        await run_command(pilot, "Draft agenda from workbook")
        await settle(pilot)
        assert "Lead the pricing project" in agenda_text(app.workbook)

        await enter(pilot, "goals")
        app.query_one("#goals-list", RecordList).query_one(ShareableToggle).focus()
        await press(pilot, "space")  # and back to private
        await app.save_workbook()
        assert on_disk(db_path, "goals")[0]["shareable"] is False
        await run_command(pilot, "Draft agenda from workbook")
        await settle(pilot)
        assert "pricing project" not in agenda_text(app.workbook)
        await press(pilot, "ctrl+q")
    app.workbook.close()

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "goals")
        toggle = again.query_one("#goals-list", RecordList).query_one(ShareableToggle)
        await until(pilot, lambda: "Private" in str(toggle.label))
        assert toggle.value is False


async def test_a_reflection_marked_shareable_with_space_is_saved(make_app, db_path: Path):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await idle(pilot)
        await paste(pilot, HOSTILE)  # the first prompt has the cursor
        await tab_to(pilot, ShareableToggle)
        await press(pilot, "space")
        await app.save_workbook()
        [reflection] = on_disk(db_path, "reflections")
        assert reflection["text"] == HOSTILE and reflection["shareable"] is True


async def test_editing_the_profile_changes_no_link(make_app, db_path: Path):
    app = make_app()
    book = app.workbook
    fill_profile(book)
    book.add(CareerPath(id="p1", role="Team lead"))
    book.add(CareerPath(id="p2", role="Product analyst"))
    book.add(Interview(id="i1", person="Dana", path_id="p2"))
    book.add(Goal(id="g1", title="Lead a project"))
    book.add(Goal(id="g2", title="Learn SQL", path_ids=["p1"]))
    book.add(Request(id="r1", ask="Fund a course", goal_id="g2"))
    book.save()
    async with app.run_test(size=(120, 40)) as pilot:
        for stage in ("paths", "goals", "check-ins", "self-assessment"):
            await enter(pilot, stage)  # every stage with a linked choice is built
        await run_command(pilot, "Edit profile")
        await paste(pilot, "x")  # one letter in the name
        await press(pilot, "escape")
        await settle(pilot)
        await enter(pilot, "goals")
        await enter(pilot, "paths")
        await app.save_workbook()
    assert [r["goal_id"] for r in on_disk(db_path, "requests")] == ["g2"]
    assert [i["path_id"] for i in on_disk(db_path, "interviews")] == ["p2"]
    assert [g["path_ids"] for g in on_disk(db_path, "goals")] == [[], ["p1"]]


async def test_an_action_captured_in_the_meeting_reaches_a_follow_up_built_earlier(
    make_app, db_path: Path
):
    app = make_app()
    fill_profile(app.workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "follow-up")  # built now, before the meeting has anything
        await enter(pilot, "meeting")
        await paste(pilot, f"a: send the notes {HOSTILE} @manager +1w")
        await press(pilot, "enter")
        await paste(pilot, "s: clear writing")
        await press(pilot, "enter")
        captures = app.query_one("#captures-list", RecordList)
        captures.table.focus()  # the action item is private: share it, with the keys
        captures.table.move_cursor(row=captures.records.index(
            next(c for c in captures.records if c.kind == "action")))
        await tab_to(pilot, ShareableToggle)
        await press(pilot, "space")
        await press(pilot, "ctrl+pagedown")  # to Follow-up, as a person would
        await until(pilot, lambda: app.active_stage_id == "follow-up")
        stage = app.query_one(FollowUpStage)
        actions = stage.query_one("#actions-list", RecordList)
        await until(pilot, lambda: actions.records)
        words = " ".join(f"send the notes {HOSTILE}".split())  # capture keeps the words
        assert [a.text for a in actions.records] == [words]
        assert actions.records[0].raw == f"a: send the notes {HOSTILE} @manager +1w"
        table = actions.query_one(DataTable)
        assert table.row_count == 1
        body = stage.query_one(MarkdownEditor).text
        assert words in body  # the untouched thank-you follows
        await app.save_workbook()
    [action] = [c for c in on_disk(db_path, "captures") if c["kind"] == "action"]
    assert action["text"] == words and action["owner"] == "manager"


async def test_an_action_deleted_in_check_ins_stays_deleted(make_app, db_path: Path):
    app = make_app()
    book = app.workbook
    book.add(Meeting(id="m1", date="2026-11-20"))
    book.add(Capture(id="c1", meeting_id="m1", kind="action", text="Book a course", owner="me"))
    book.add(Capture(id="c2", meeting_id="m1", kind="action", text="Share notes", owner="me"))
    book.save()
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "follow-up")  # built with both action items
        await enter(pilot, "check-ins")
        actions = app.query_one("#checkin-actions", RecordList)
        actions.table.focus()
        await until(pilot, lambda: actions.selected is not None)
        assert actions.selected.text == "Book a course"
        await press(pilot, "delete")
        await until(pilot, lambda: app.screen is not app.default_screen)
        await press(pilot, "tab", "enter")  # from "Keep it" to "Delete"
        await until(pilot, lambda: len(actions.records) == 1)
        await enter(pilot, "follow-up")
        follow_up = app.query_one("#actions-list", RecordList)
        assert [a.id for a in follow_up.records] == ["c2"]
        follow_up.table.focus()
        await press(pilot, "ctrl+n")  # and editing what is left writes only that
        await until(pilot, lambda: isinstance(app.focused, Input))
        await paste(pilot, "Ask about budget")
        await app.save_workbook()
    ids = sorted(c["id"] for c in on_disk(db_path, "captures"))
    assert "c1" not in ids and "c2" in ids and len(ids) == 2


async def test_an_edit_of_a_record_deleted_elsewhere_is_kept_and_can_be_added_back(
    make_app, db_path: Path
):
    app = make_app()
    app.workbook.add(Goal(id="g1", title="Lead a project"))
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await until(pilot, lambda: goals.has_form)
        stage = goals.screen.query_one("#stage-goals")
        with app.workbook.changes_from(stage):  # deleted without this stage hearing of it
            app.workbook.delete(Goal(id="g1"))
        title = goals.query_one("#field-title", Input)
        title.focus()
        await press(pilot, "end", "!")
        gone = goals.query_one(".record-gone")
        await until(pilot, lambda: gone.display)
        assert "deleted elsewhere" in str(gone.query_one(".record-gone-text").render())
        assert title.value == "Lead a project!"  # what was typed is kept
        await app.save_workbook()
        assert on_disk(db_path, "goals") == []  # and not silently re-created
        gone.query_one(".record-add-back").focus()
        await press(pilot, "enter")
        await until(pilot, lambda: not gone.display)
        await app.save_workbook()
    assert [g["title"] for g in on_disk(db_path, "goals")] == ["Lead a project!"]


def test_private_mentions_finds_words_made_private_after_a_draft_quoted_them():
    from careertui.core.drafting.privacy import describe_mentions, private_mentions

    goal = Goal(title="Leave for a competitor [b]x 🚀", shareable=False)
    shared = Goal(title="Lead the pricing project", shareable=True)
    twin = Achievement(what="Lead the pricing project", shareable=False)  # same words, shared
    draft = "## Goals\n\n- Leave for a competitor [b]x 🚀\n- Lead the pricing project\n"
    assert private_mentions(draft, [goal, shared, twin]) == ["Leave for a competitor [b]x 🚀"]
    assert private_mentions("## Goals\n\n- Lead the pricing project", [goal, shared]) == []
    kept_copy = Meeting(agenda=draft, thank_you_body=draft)  # a private record's draft
    assert private_mentions(draft, [shared, kept_copy]) == []
    inside = Achievement(what="Lead the pricing", shareable=False)  # within a shared phrase
    assert private_mentions(draft, [shared, inside]) == []
    assert describe_mentions(["Leave for a competitor [b]x 🚀"]).startswith(
        "it mentions 1 private item (“Leave for a competitor")


async def test_a_goal_made_private_after_drafting_leaves_the_agenda_and_the_shareable_export(
    make_app, db_path: Path
):
    from careertui.core.drafting.workbook_export import WorkbookContents, render_workbook

    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Goal(id="g1", title=f"Lead the pricing project {HOSTILE}", shareable=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await run_command(pilot, "Draft agenda from workbook")
        await settle(pilot)
        assert "Lead the pricing project" in agenda_text(app.workbook)
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        goals.query_one(ShareableToggle).focus()
        await press(pilot, "space")  # now private
        await enter(pilot, "agenda")  # an agenda not edited by hand follows its sources
        await until(pilot, lambda: "pricing" not in agenda_text(app.workbook))
        editor = app.query_one(MarkdownEditor)
        assert "pricing" not in editor.text

        # an agenda edited by hand is kept, says what is private in it, and is not shared
        await paste(pilot, f"\n- Lead the pricing project {HOSTILE}, as we discussed\n")
        await enter(pilot, "goals")
        goals.query_one(ShareableToggle).focus()
        await press(pilot, "space")  # shareable again: the edited agenda stays as typed
        await press(pilot, "space")  # and private once more
        await enter(pilot, "agenda")
        status = app.query_one("#agenda-status")
        await until(pilot, lambda: "Not ready to share" in str(status.render()))
        await app.save_workbook()
    export = render_workbook(WorkbookContents.of(Workbook.read(db_path)), today=date(2026, 11, 25),
                             shareable_only=True)
    assert "pricing" not in export
    assert "Left out: it mentions something you have since marked private" in export
