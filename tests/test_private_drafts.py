"""Every draft a person sends says when it quotes something they have since made private.

A new-user trial: the agenda warned "Not ready to share", yet the invite that
includes it said "Ready to send." and f3 copied the private goal with no word;
f4 on the agenda saved it without the note its copy gives. Each test presses the
keys a person would, then reads the status, the notices and the files on disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Static, TextArea

from careertui.core.meetings import set_agenda
from careertui.core.model import Capture, CheckIn, Goal, Meeting
from careertui.ui.screens.note import NoteScreen
from careertui.ui.widgets.fields import ShareableToggle
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, idle, paste, press, settle, until
from .sample_data import fill_profile

SIZE = (120, 40)
SECRET = "Leave for a competitor [b]x 🚀 目标"
SHARED = "Lead the pricing project"


def on_disk(db_path: Path, table: str) -> list[dict[str, Any]]:
    return list(json.loads(db_path.read_text("utf-8")).get(table, {}).values())


def status_of(app, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def make_goal_private(pilot) -> None:
    """Goals: the first goal's shareable toggle, space."""
    await enter(pilot, "goals")
    goals = pilot.app.query_one("#goals-list", RecordList)
    goals.query_one("#field-shareable", ShareableToggle).focus()
    await idle(pilot)
    await press(pilot, "space")
    await settle(pilot)


async def save_here(pilot, key: str) -> None:
    """Press the save key, then Save in the dialog at the file name offered."""
    screen = pilot.app.screen
    await press(pilot, key)
    await until(pilot, lambda: pilot.app.screen is not screen)
    await press(pilot, "enter")
    await settle(pilot)


async def test_the_invite_with_the_agenda_warns_of_a_goal_made_private(
    make_app, db_path, tmp_path, notices
):
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Goal(id="g1", title=SECRET, shareable=True))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "agenda")
        await paste(pilot, f"# Agenda\n\n- {SECRET}\n- {SHARED}\n")  # written by hand
        await enter(pilot, "invite")
        app.query_one("#invite-include-agenda").focus()
        await press(pilot, "space")
        await settle(pilot)
        assert "Ready to send." in status_of(app, "#invite-status")
        await make_goal_private(pilot)
        await enter(pilot, "agenda")
        await until(pilot, lambda: "Not ready to share" in status_of(app, "#agenda-status"))
        await enter(pilot, "invite")
        await until(pilot, lambda: "Not ready to share" in status_of(app, "#invite-status"))
        status = status_of(app, "#invite-status")
        assert "it mentions 1 private item (“Leave for a competitor [b]x" in status
        assert "Ready to send" not in status

        await press(pilot, "f3")
        await until(pilot, lambda: any(n.title in {"Copied", "Copy"} for n in notices))
        copied = next(n for n in notices if n.title in {"Copied", "Copy"})
        assert "Note: it mentions 1 private item" in copied.message
        assert copied.severity == "warning"

        await save_here(pilot, "f4")
        saved = next(n for n in notices if n.message.startswith("Saved the meeting request"))
        assert "Note: it mentions 1 private item" in saved.message
        assert saved.severity == "warning"
        await app.save_workbook()
    assert [g["shareable"] for g in on_disk(db_path, "goals")] == [False]
    [eml] = tmp_path.glob("meeting-request-*.eml")
    assert eml.stat().st_size > 0  # saved as asked: the person was told, not stopped


async def test_the_agenda_export_warns_as_its_copy_does(make_app, tmp_path, notices):
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Goal(id="g1", title=SECRET, shareable=False))
    app.workbook.add(Goal(id="g2", title="Reach the data team", shareable=False))
    set_agenda(app.workbook, f"# Agenda\n\n- {SECRET}\n- Reach the data team\n")
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "agenda")
        await save_here(pilot, "f4")
        saved = next(n for n in notices if n.message.startswith("Saved the agenda"))
        assert "\nNote: it mentions 2 private items (“" in saved.message
        assert saved.severity == "warning"
    assert SECRET in next(tmp_path.glob("agenda-*.md")).read_text("utf-8")


async def test_an_agenda_with_nothing_private_saves_without_a_note(make_app, tmp_path, notices):
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Goal(id="g1", title=SHARED, shareable=True))
    set_agenda(app.workbook, f"# Agenda\n\n- {SHARED}\n")
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "agenda")
        await save_here(pilot, "f4")
        saved = next(n for n in notices if n.message.startswith("Saved the agenda"))
        assert "Note" not in saved.message and saved.severity == "information"


async def test_an_edited_thank_you_warns_of_an_action_item_made_private(
    make_app, db_path, notices
):
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Meeting(id="m1", date="2026-11-25", time="09:00"))
    app.workbook.add(Capture(id="a1", meeting_id="m1", kind="action", owner="me",
                             text="Ask about the Lisbon office move", shareable=True))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "follow-up")
        body = app.query_one("#thank-you-body TextArea", TextArea)
        assert "Lisbon office move" in body.text
        body.focus()
        await paste(pilot, "Dear Priya,\n")  # edited by hand: kept from now on
        await settle(pilot)
        assert "Ready to send." in status_of(app, "#thank-you-status")
        actions = app.query_one("#actions-list", RecordList)
        actions.query_one("#field-shareable", ShareableToggle).focus()
        await idle(pilot)
        await press(pilot, "space")  # the action item is private now
        await until(pilot, lambda: "Not ready to share" in status_of(app, "#thank-you-status"))
        assert "Lisbon office move" in body.text  # the person's words are never touched
        await press(pilot, "f3")
        await until(pilot, lambda: any(n.title in {"Copied", "Copy"} for n in notices))
        copied = next(n for n in notices if n.title in {"Copied", "Copy"})
        assert "Note: it mentions 1 private item (“Ask about the Lisbon" in copied.message
        await app.save_workbook()
    assert [c["shareable"] for c in on_disk(db_path, "captures")] == [False]


async def test_the_check_in_note_warns_of_a_topic_made_private(make_app, tmp_path, notices):
    """A shareable check-in's "Raise next time" quotes a goal made private since."""
    app = make_app()
    fill_profile(app.workbook)
    app.workbook.add(Goal(id="g1", title=SECRET, shareable=False))
    app.workbook.add(CheckIn(date="2026-11-20", raise_next=f"- {SECRET}", shareable=True))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        warning = str(app.screen.query_one("#note-warning", Static).render())
        assert warning.startswith("⚠ Not ready to share: it mentions 1 private item")
        await press(pilot, "f3")
        await until(pilot, lambda: any(n.title in {"Copied", "Copy"} for n in notices))
        copied = next(n for n in notices if n.title in {"Copied", "Copy"})
        assert "Note: it mentions 1 private item" in copied.message
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        await save_here(pilot, "f4")
        saved = next(n for n in notices if n.message.startswith("Saved the note"))
        assert "Note: it mentions 1 private item" in saved.message
    assert SECRET in next(tmp_path.glob("one-on-one-*.md")).read_text("utf-8")


async def test_a_note_from_shareable_words_only_says_so(make_app):
    app = make_app()
    app.workbook.add(CheckIn(date="2026-11-20", raise_next=f"- {SHARED}", shareable=True))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "check-ins")
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        assert not app.screen.query("#note-warning")
        assert "Built from shareable records only." in str(
            app.screen.query_one(".dialog-hint", Static).render())


def test_private_words_are_found_in_any_case_and_gathered_once():
    """The thank-you writes an action item "Ask about the move" as "I will ask about the
    move": the words were private and went unnoticed."""
    from careertui.core.drafting.privacy import PrivateWords, private_mentions

    item = Capture(kind="action", text="Ask about the Lisbon office move")
    twin = Goal(title="ask about the lisbon office move", shareable=True)
    email = "- I will ask about the Lisbon office move\n"
    assert private_mentions(email, [item]) == ["Ask about the Lisbon office move"]
    assert private_mentions(email, [item, twin]) == []  # shareable in another case too
    words = PrivateWords.of([item, Goal(title=SECRET)])
    assert words.mentions(f"x {SECRET.upper()} y") == [SECRET]
    assert words.mentions("nothing here") == []


def test_one_private_item_quoted_twice_is_one_item():
    """An achievement made private whose words and impact both reach the agenda was
    counted as "2 private items"."""
    from careertui.core.drafting.privacy import describe_mentions, private_mentions
    from careertui.core.model import Achievement

    item = Achievement(what="Shipped [b]x 🚀 漢字", impact="Cut costs by مرحبا 30%")
    other = Goal(title="Leave the team [/]")
    agenda = f"- {item.what}: {item.impact}\n- {other.title}\n"
    found = private_mentions(agenda, [item, other])
    assert len(found) == 2 and found[1] == other.title
    assert describe_mentions(private_mentions(f"- {item.what}: {item.impact}", [item, other])
                             ).startswith("it mentions 1 private item (")
