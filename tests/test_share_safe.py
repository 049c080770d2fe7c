"""Share-safe view, as a person uses it in a one-on-one held over a shared screen.

Every private field of a workbook holds a marker (with hostile text around it); with
share-safe view on, a walk through every stage reads what each widget shows (its
text, its table cells, its options, the screen itself) and finds no marker, nor in
any copy, export or notice. Turned off, the markers are back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Button, Checkbox, DataTable, Input, OptionList, Static, TextArea

from careertui.core.model import (
    AGENDA_DRAFTED,
    AGENDA_TEXT,
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Invite,
    Meeting,
    Reflection,
    Request,
)
from careertui.core.prompts import SELF_ASSESSMENT
from careertui.core.store import Workbook
from careertui.ui import clipboard
from careertui.ui.screens.note import NoteScreen
from careertui.ui.stages import STAGE_IDS
from careertui.ui.widgets.markdown_preview import MarkdownPreview
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, idle, paste, press, run_command, self_assessment_built, settle, until
from .sample_data import fill_profile

SIZE = (120, 40)
TOKEN = "ZQX"
"""In every marker, and in no other text of the workbook or the app."""
HOSTILE = "[b]x [/] [link=https://x.y]z[/link] 🚀 目标 مرحبا\tend"
LONG_WORD = "w" * 300


def marker(n: int) -> str:
    return f"{TOKEN}{n:02d} secret {HOSTILE}" + (f" {LONG_WORD}" if n % 5 == 0 else "")


def marked_workbook(path: Path) -> dict[str, str]:
    """A workbook whose private items hold a marker in every text field, beside shareable
    ones that link to them, and drafts (agenda, emails, the meeting's agenda) that quote
    them. Returns ids by name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook.open(path, lock=False)
    fill_profile(book)
    n = iter(range(1, 100))
    reflections = [Reflection(key=p.key, text=marker(next(n)) if i % 2 == 0 else
                              f"An answer I am happy to show, number {i}.", shareable=i % 2 == 1)
                   for i, p in enumerate(SELF_ASSESSMENT)]
    path_private = CareerPath(role=marker(next(n)), team=marker(next(n)),
                              skills_needed=marker(next(n)), gap=marker(next(n)),
                              notes=marker(next(n)))
    path_shared = CareerPath(role="Analytics team lead", shareable=True)
    goal_private = Goal(title=marker(next(n)), why=marker(next(n)), measure=marker(next(n)),
                        target_date="2027-01-05", path_ids=[path_private.id])
    goal_shared = Goal(title="Lead the pricing project", shareable=True, status="agreed",
                       path_ids=[path_private.id, path_shared.id])
    meeting = Meeting(date="2026-11-20", time="10:00", agenda=f"# Agenda\n\n- {goal_private.title}",
                      thank_you_subject="Thank you", thank_you_drafted="Hi Priya,\n\nThanks.")
    action_private = Capture(meeting_id=meeting.id, kind="action", text=marker(next(n)),
                             raw=marker(next(n)), owner="manager", due="2026-12-01")
    meeting.thank_you_body = f"Hi Priya,\n\nThanks. You will {action_private.text}."
    records = [
        *reflections, path_private, path_shared, goal_private, goal_shared, meeting,
        Achievement(what=marker(next(n)), impact=marker(next(n)), link=marker(next(n)),
                    date="2026-10-01", goal_id=goal_shared.id),
        Achievement(what="Rebuilt the revenue report", date="2026-09-01",
                    goal_id=goal_private.id, shareable=True),
        Interview(person=marker(next(n)), their_role=marker(next(n)), questions=marker(next(n)),
                  learned=marker(next(n)), next_step=marker(next(n)), path_id=path_shared.id,
                  date="2026-10-02"),
        Interview(person="Sam Okoro", path_id=path_private.id, date="2026-10-03",
                  shareable=True),
        Request(ask=marker(next(n)), goal_id=goal_shared.id,
                ledger=[{"status": "asked", "date": "2026-11-01"}]),
        Request(ask="A mentor in the data team", goal_id=goal_private.id, shareable=True,
                ledger=[{"status": "asked", "date": "2026-11-02"}]),
        Capture(meeting_id=meeting.id, kind="note", text=marker(next(n)), raw=marker(next(n))),
        action_private,
        Capture(meeting_id=meeting.id, kind="strength", text="Stakeholders trust my numbers",
                shareable=True),
        Capture(meeting_id=meeting.id, kind="action", text="Send the deck to the team",
                owner="me", due="2026-12-02", shareable=True),
        CheckIn(date="2026-11-10", open_items=marker(next(n)), new_items=marker(next(n)),
                raise_next=marker(next(n)), progress={goal_shared.id: marker(next(n))}),
        CheckIn(date="2026-11-17", raise_next="Budget for the course", shareable=True,
                open_items=f"- {action_private.text} (manager)",  # listed when it began
                progress={goal_shared.id: "halfway there now"}),
    ]
    book.add_all(records)
    book.add(Invite(id="invite", slots=["Tue 1 Dec, 10:00", "", ""], subject="Could we talk?",
                    body=f"Hi Priya,\n\nI would like to talk about {goal_private.title}.",
                    drafted_body="Hi Priya,\n\nI would like to talk."))
    book.set_value(AGENDA_TEXT, f"# Agenda\n\n- Lead the pricing project\n- {path_private.role}")
    book.set_value(AGENDA_DRAFTED, "# Agenda\n\n- Lead the pricing project")
    book.save()
    book.close()
    return {"goal_shared": goal_shared.id, "meeting": meeting.id}


def shown(widget: Widget) -> bool:
    """On screen once scrolled to: it and every container up to the stage are displayed
    (a select's closed list of options counts as shown: one key opens it)."""
    for node in widget.ancestors_with_self:
        if isinstance(node, Widget) and not node.display and not isinstance(node, OptionList):
            return False
        if node.has_class("stage"):
            break
    return True


def text_of(widget: Widget) -> str:
    """What a widget shows, read through its public API: text, cells, options, labels."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, DataTable):
        return "\n".join(" ".join(str(cell) for cell in widget.get_row_at(row))
                         for row in range(widget.row_count))
    if isinstance(widget, OptionList):
        return "\n".join(str(widget.get_option_at_index(i).prompt)
                         for i in range(widget.option_count))
    if isinstance(widget, Checkbox | Button):
        return str(widget.label)
    if isinstance(widget, MarkdownPreview):
        return widget.plain_text
    if isinstance(widget, Static):
        return str(widget.visual)
    return ""


def screen_text(app: Any, root: Widget | None = None) -> str:
    """Every shown widget's text under `root` (the screen by default), and the screen
    as drawn."""
    root = root or app.screen
    parts = [text_of(w) for w in root.walk_children(Widget, with_self=True) if shown(w)]
    parts.append(app.export_screenshot())
    return "\n".join(parts)


async def visit(pilot: Any, stage_id: str) -> str:
    await enter(pilot, stage_id)
    if stage_id == "self-assessment":
        await self_assessment_built(pilot)
    await settle(pilot)
    stage = pilot.app.query_one(f"#stage-{stage_id}")
    for _ in range(3):  # every part of the stage drawn at least once
        stage.scroll_end(animate=False)
        await idle(pilot)
    return screen_text(pilot.app)


def on_disk(db_path: Path, table: str) -> list[dict[str, Any]]:
    return list(json.loads(db_path.read_text("utf-8")).get(table, {}).values())


async def turn_share_safe(pilot: Any, on: bool) -> None:
    await press(pilot, "ctrl+l")
    await until(pilot, lambda: pilot.app.sharing.on is on)
    await settle(pilot)


@pytest.mark.slow
async def test_no_private_item_shows_on_any_stage_draft_copy_or_export(
        make_app, db_path, tmp_path, notices, monkeypatch):
    copied: list[str] = []
    monkeypatch.setattr(clipboard, "_pyperclip_copy", copied.append)
    marked_workbook(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert TOKEN in await visit(pilot, "paths")  # the markers are there to find
        await turn_share_safe(pilot, True)
        assert "SHARE-SAFE" in screen_text(app)
        for stage_id in STAGE_IDS:
            text = await visit(pilot, stage_id)
            assert TOKEN not in text, f"a private item shows on {stage_id}"
        assert "private items hidden" in await visit(pilot, "goals")
        assert "hidden while sharing" in await visit(pilot, "self-assessment")

        for stage_id in ("agenda", "invite", "follow-up"):  # drafts quoting private items
            await enter(pilot, stage_id)
            assert "hidden while sharing" in screen_text(app)
            await press(pilot, "f3")
            await settle(pilot)
        assert "Not ready to share" in screen_text(app)
        await run_command(pilot, "Copy one-on-one note")
        await enter(pilot, "check-ins")
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        assert TOKEN not in screen_text(app)
        await press(pilot, "f3")
        await settle(pilot)
        await run_command(pilot, "Export workbook")
        await until(pilot, lambda: app.screen is not app.main)
        await press(pilot, "enter")
        await settle(pilot)
        exported = list(tmp_path.glob("careertui-*.md"))
        assert [p.name for p in exported] == ["careertui-shareable-2026-11-25.md"]
        assert "Lead the pricing project" in exported[0].read_text("utf-8")
        assert TOKEN not in exported[0].read_text("utf-8")
        assert copied and all(TOKEN not in text for text in copied)
        assert all(TOKEN not in n.message for n in notices)
        assert any("neither copied" in n.message for n in notices)

        await turn_share_safe(pilot, False)  # everything is back
        assert "SHARE-SAFE" not in screen_text(app)
        assert TOKEN in await visit(pilot, "paths")
        assert TOKEN in await visit(pilot, "self-assessment")
        assert TOKEN in await visit(pilot, "agenda")
    assert TOKEN in db_path.read_text("utf-8")  # nothing private was lost on the way


async def test_items_added_while_sharing_are_shareable_and_say_so(make_app, db_path, notices):
    marked_workbook(db_path)
    app = make_app(share_safe=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await enter(pilot, "meeting")
        await paste(pilot, "a: Book the room for the review @me")
        assert app.focused is app.query_one("#capture", Input)
        await press(pilot, "enter")
        await until(pilot, lambda: "Book the room" in str(
            app.query_one("#capture-feedback", Static).visual))
        feedback = str(app.query_one("#capture-feedback", Static).visual)
        assert "added as shareable" in feedback and "private until" not in feedback
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        goals.table.focus()
        await press(pilot, "ctrl+n")
        await paste(pilot, "Run the Q1 review")
        await settle(pilot)
        assert any("added as shareable" in n.message for n in notices)
        assert await app.save_workbook()
    captured = [c for c in on_disk(db_path, "captures") if c["text"].startswith("Book the room")]
    assert [c["shareable"] for c in captured] == [True]
    new_goals = [g for g in on_disk(db_path, "goals") if g["title"] == "Run the Q1 review"]
    assert [g["shareable"] for g in new_goals] == [True]


async def test_a_line_typed_but_not_entered_survives_turning_it_on(make_app, db_path):
    marked_workbook(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "meeting")
        await paste(pilot, "q: what would the next step need")
        await turn_share_safe(pilot, True)
        await until(pilot, lambda: bool(app.query("#capture")))
        assert app.query_one("#capture", Input).value == "q: what would the next step need"


async def test_share_safe_is_remembered_until_turned_off(make_app, db_path):
    marked_workbook(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await turn_share_safe(pilot, True)
        await until(pilot, lambda: not any(w.is_running for w in app.workers))
    app.workbook.close()
    again = make_app()  # a relaunch in the middle of the call
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.sharing.on and "SHARE-SAFE" in screen_text(again)
        assert TOKEN not in await visit(pilot, "self-assessment")
        await turn_share_safe(pilot, False)
        await until(pilot, lambda: not any(w.is_running for w in again.workers))
    again.workbook.close()
    third = make_app()
    assert not third.sharing.on


def test_the_command_line_starts_in_share_safe_view(monkeypatch, tmp_path):
    from careertui import cli, factory
    from careertui.core.store import WorkbookError

    seen: dict[str, object] = {}

    def fake_create_app(db: object, **options: object) -> None:
        seen.update(options)
        raise WorkbookError("stop here")

    monkeypatch.setattr(factory, "create_app", fake_create_app)
    assert cli.main(["--share-safe", "--db", str(tmp_path / "w.json")]) == 1
    assert seen["share_safe"] is True
    assert cli.main(["--db", str(tmp_path / "w.json")]) == 1
    assert seen["share_safe"] is False
    assert "--share-safe" in cli.build_parser().format_help()


async def test_the_palette_turns_it_on_and_off_and_f1_names_the_key(make_app, db_path):
    from careertui.ui.screens.help import HelpScreen

    marked_workbook(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Share-safe view on/off")
        await until(pilot, lambda: app.sharing.on and app.share_safe)
        await settle(pilot)
        assert TOKEN not in await visit(pilot, "goals")
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "ctrl+l" in screen_text(app) and "Share-safe" in screen_text(app)
        await press(pilot, "ctrl+l")  # a dialog is open: it says to close it first
        await settle(pilot)
        assert app.sharing.on
        await press(pilot, "escape")
        await until(pilot, lambda: app.screen is app.main)
        await run_command(pilot, "Share-safe view on/off")
        await until(pilot, lambda: not app.sharing.on)
        await settle(pilot)
        assert TOKEN in await visit(pilot, "goals")


async def test_conversation_history_and_the_journey_hide_private_items_too(make_app, db_path):
    """Opened from the palette (not only from a stage's own key), the history, one whole
    conversation and the journey read the stages' view: no private item while sharing."""
    from careertui.ui.screens.history import ConversationScreen, HistoryScreen
    from careertui.ui.screens.journey import JourneyScreen

    marked_workbook(db_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await turn_share_safe(pilot, True)
        await run_command(pilot, "Conversation history")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await idle(pilot)
        assert TOKEN not in screen_text(app)
        await press(pilot, "enter")
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        await idle(pilot)
        whole = screen_text(app)
        assert "Send the deck to the team" in whole  # the shareable action item is there
        assert TOKEN not in whole
        await press(pilot, "escape", "escape")
        await until(pilot, lambda: app.screen is app.screen_stack[0])
        await run_command(pilot, "Journey")
        await until(pilot, lambda: isinstance(app.screen, JourneyScreen))
        await idle(pilot)
        assert TOKEN not in screen_text(app)
