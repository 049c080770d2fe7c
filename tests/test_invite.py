"""The Invite stage driven by keys: fields, draft, copy, .eml, redraft."""

from __future__ import annotations

import email
import json
from email import policy

import pytest
from textual.widgets import Input

from careertui.core.model import Profile
from careertui.core.store import Workbook
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.screens.profile import ProfileScreen
from careertui.ui.stages.invite import InviteStage
from careertui.ui.widgets.markdown_editor import MarkdownEditor

from .conftest import SIZE
from .helpers import enter, idle, paste, post_keys, press, run_command, settle, until


async def open_invite(app, pilot) -> InviteStage:
    await enter(pilot, "invite")
    return app.query_one(InviteStage)


async def test_profile_form_fills_the_draft(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        assert "[Manager's Name]" in stage.invite.body
        await run_command(pilot, "Edit profile")
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#profile-manager_name", Input).value = "Priya"
        await idle(pilot)
        await press(pilot, "escape")
        await until(pilot, lambda: "Priya" in app.query_one(MarkdownEditor).text)
        body = app.query_one(MarkdownEditor).text
        assert body.startswith("Hi Priya,")
        assert "Hi Priya," in app.query_one(MarkdownEditor).preview.plain_text


async def test_typing_in_the_fields_redrafts_and_updates_the_profile(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "invite-manager"
        await press(pilot, *"Priya")
        await press(pilot, "tab")
        await paste(pilot, "priya@example.com")
        await press(pilot, "tab", "ctrl+a")
        await press(pilot, "ctrl+k", "4", "5", "tab")
        assert app.focused.id == "invite-greeting"
        await press(pilot, "tab", "tab", "tab", "tab")  # from, role, company, then the times
        await paste(pilot, "tue")
        await press(pilot, "tab")  # from the date to its time
        await paste(pilot, "10:00")
        await until(pilot, lambda: "- Tue 1 Dec 2026 at 10:00" in stage.invite.body)
        assert app.workbook.profile().manager_name == "Priya"
        assert app.workbook.profile().manager_email == "priya@example.com"
        assert app.workbook.profile().meeting_minutes == 45
        assert "45 minutes" in stage.invite.body
        await press(pilot, "ctrl+q")
    saved = json.loads(db_path.read_text())
    slot = list(saved["invite"].values())[0]["slots"][0]
    assert (slot["date"], slot["time"]) == ("2026-12-01", "10:00")


async def test_copy_puts_subject_and_body_in_the_clipboard_and_warns(make_app, notices):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        await press(pilot, "f3")
        await settle(pilot)
        subject = "Subject: Could we set up a career development conversation?"
        assert app.clipboard.startswith(f"{subject}\n\nHi ")
        assert app.clipboard.endswith(stage.invite.body)
        messages = [n.message for n in notices]
        assert any("4 placeholders not filled: [Manager's Name]" in m for m in messages)
        assert any("last-copied.txt" in m for m in messages)


async def test_palette_copies_the_email_from_another_stage(make_app, notices):
    app = make_app()
    app.workbook.save_profile(Profile(name="Ana", manager_name="Priya", role="analyst",
                                      company="Northwind"))
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert app.active_stage_id == "self-assessment"
        await run_command(pilot, "Copy meeting request email")
        await settle(pilot)
        assert app.active_stage_id == "self-assessment"  # did not move
        assert "Hi Priya," in app.clipboard and app.clipboard.rstrip().endswith("Ana")
        assert not any("not filled" in n.message for n in notices)


async def test_edits_are_kept_and_redraft_asks(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        area = stage.query_one(MarkdownEditor).text_area
        area.focus()
        await press(pilot, "end", *" Thanks!")
        await idle(pilot)
        assert stage.draft.edited
        edited = stage.invite.body
        app.query_one("#invite-manager", Input).value = "Priya"
        await pilot.pause(0.3)
        assert stage.invite.body == edited  # the person's words are not replaced
        await press(pilot, "f2")
        await idle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await press(pilot, "enter")  # "Keep mine" is the default
        await idle(pilot)
        assert stage.invite.body == edited
        await press(pilot, "f2")
        await idle(pilot)
        await pilot.click("#choice-replace")
        await idle(pilot)
        assert stage.invite.body.startswith("Hi Priya,") and "Thanks!" not in stage.invite.body
        assert not stage.draft.edited


async def test_save_eml_writes_a_parsable_draft_and_asks_before_replacing(
    make_app, tmp_path, notices
):
    app = make_app()
    app.workbook.save_profile(Profile(manager_name="Priya", manager_email="priya@example.com"))
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        await press(pilot, "f4")
        await idle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        path = dialog.query_one("#dialog-path", Input).value
        assert path.endswith("meeting-request-2026-11-25.eml")
        await press(pilot, "enter")
        await settle(pilot)
        written = tmp_path / "meeting-request-2026-11-25.eml"
        message = email.message_from_bytes(written.read_bytes(), policy=policy.default)
        assert message["Subject"] == stage.invite.subject
        assert message["To"] == "Priya <priya@example.com>"
        assert message.get_content().rstrip("\n") == stage.invite.body
        assert any(str(written) in n.message for n in notices)
        written.write_text("mine")
        await press(pilot, "f4")
        await idle(pilot)
        await press(pilot, "enter")
        await idle(pilot)
        assert isinstance(app.screen, ChoiceDialog)  # "Replace the file?"
        await press(pilot, "enter")  # Keep it
        await settle(pilot)
        assert written.read_text() == "mine"


async def test_the_invite_survives_a_relaunch(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        app.query_one("#invite-note", Input).value = "Happy to meet over coffee."
        await until(pilot, lambda: "Happy to meet over coffee." in stage.invite.body)
        await press(pilot, "ctrl+q")
    reopened = Workbook.open(db_path, lock=False)
    try:
        from careertui.core.model import Invite

        invite = reopened.single(Invite)
        assert invite.note == "Happy to meet over coffee."
        assert "Happy to meet over coffee." in invite.body
    finally:
        reopened.close()


@pytest.mark.slow
async def test_greeting_and_company_typed_on_the_invite_reach_every_draft_and_the_file(
        make_app, db_path):
    from careertui.core.model import Meeting
    from careertui.ui.stages.follow_up import FollowUpStage

    app = make_app()
    app.workbook.save_profile(Profile(name="Ana", manager_name="Dana Okafor",
                                      role="Data analyst"))
    app.workbook.add(Meeting(date="2026-11-25", time="09:00", status="planned"))
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        status = stage.query_one("#invite-status")
        assert "Hi Dana," in stage.invite.body  # the manager's first name until changed
        assert "growing as a data analyst at [Company Name]" in stage.invite.body
        assert "fill Company in the fields above" in str(status.render())
        assert app.focused.parent.id == "invite-slot-0-date"  # the manager is named: times first
        await press(pilot, "shift+tab", "shift+tab", "shift+tab", "shift+tab")
        greeting = app.focused
        assert isinstance(greeting, Input) and greeting.id == "invite-greeting"
        assert greeting.value == "Dana"
        await press(pilot, "ctrl+a", "ctrl+k", *"Dee")
        await press(pilot, "tab", "tab", "tab")
        assert app.focused.id == "invite-company"
        await press(pilot, *"Northwind")
        await until(pilot, lambda: "Northwind" in stage.invite.body)
        await until(pilot, lambda: "Hi Dee," in stage.invite.body)
        assert "growing as a data analyst at Northwind," in stage.invite.body
        assert "not filled" not in str(status.render())
        assert "Ready to send." in str(status.render())
        await press(pilot, "ctrl+q")
    app.workbook.close()
    book = Workbook.open(db_path, lock=False)
    assert (book.profile().greeting_name, book.profile().company) == ("Dee", "Northwind")
    book.close()

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        stage = await open_invite(again, pilot)
        assert stage.query_one("#invite-greeting", Input).value == "Dee"
        assert stage.query_one("#invite-company", Input).value == "Northwind"
        assert stage.invite.body.startswith("Hi Dee,")
        await enter(pilot, "follow-up")
        follow_up = again.query_one(FollowUpStage)
        editor = follow_up.query_one(MarkdownEditor)
        await until(pilot, lambda: editor.text.startswith("Hi Dee,"))
        await run_command(pilot, "Edit profile")
        assert isinstance(again.screen, ProfileScreen)
        assert again.screen.query_one("#profile-greeting_name", Input).value == "Dee"
        assert again.screen.query_one("#profile-company", Input).value == "Northwind"


@pytest.mark.slow
async def test_the_greeting_follows_the_manager_name_until_the_person_writes_their_own(
        make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        await press(pilot, *"Sam Lee")
        greeting = stage.query_one("#invite-greeting", Input)
        await until(pilot, lambda: greeting.value == "Sam")
        await until(pilot, lambda: stage.invite.body.startswith("Hi Sam,"))
        assert app.workbook.profile().greeting_name == ""  # still following
        await run_command(pilot, "Edit profile")
        dialog = app.screen
        assert dialog.query_one("#profile-greeting_name", Input).value == "Sam"
        dialog.query_one("#profile-greeting_name", Input).focus()
        await press(pilot, "ctrl+a", "ctrl+k", *"Samantha")
        dialog.query_one("#profile-manager_name", Input).focus()
        await press(pilot, "ctrl+a", "ctrl+k", *"Kim Park")
        await idle(pilot)
        assert dialog.query_one("#profile-greeting_name", Input).value == "Samantha"
        await press(pilot, "escape")
        await until(pilot, lambda: stage.invite.body.startswith("Hi Samantha,"))
        assert greeting.value == "Samantha"
        assert stage.query_one("#invite-manager", Input).value == "Kim Park"


HOSTILE = "[link=https://x.y]z[/link] [b]x 🚀 目标"


async def test_hostile_greeting_and_role_are_shown_and_sent_literally(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_invite(app, pilot)
        stage.query_one("#invite-greeting", Input).focus()
        await paste(pilot, "[/]")
        stage.query_one("#invite-role", Input).focus()
        await paste(pilot, HOSTILE)
        editor = stage.query_one(MarkdownEditor)
        await until(pilot, lambda: "Hi [/]," in stage.invite.body)
        await until(pilot, lambda: f"growing as {HOSTILE} at" in stage.invite.body)
        await until(pilot, lambda: f"growing as {HOSTILE} at" in " ".join(
            editor.preview.plain_text.split()))
        assert "Hi [/]," in editor.preview.plain_text
        assert stage.query_one("#invite-role", Input).value == HOSTILE
        assert app.workbook.profile().greeting_name == "[/]"
        await run_command(pilot, "Edit profile")
        assert app.screen.query_one("#profile-role", Input).value == HOSTILE
        assert app.screen.query_one("#profile-greeting_name", Input).value == "[/]"


async def test_a_burst_across_the_first_profile_fields_keeps_every_field(make_app, db_path):
    """A new workbook: the manager's name, tab, the email, typed as one burst (as a
    terminal delivers keys typed fast). The name's change, handled behind the keys,
    showed the stored profile again in every field, and emptied the email being typed
    (the file kept it until the next key replaced it)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        manager = app.query_one("#invite-manager", Input)
        email_field = app.query_one("#invite-email", Input)
        assert app.focused is manager
        post_keys(app, [*"Ann [b]Lee 目标", "tab", *"ann@x.com"])
        await until(pilot, lambda: email_field.value == "ann@x.com")
        await settle(pilot)
        assert manager.value == "Ann [b]Lee 目标" and email_field.value == "ann@x.com"
        post_keys(app, ["X"])
        await until(pilot, lambda: email_field.value == "ann@x.comX")
        await settle(pilot)
        await until(pilot, lambda: db_path.exists() and not app.workbook.dirty)
    [stored] = json.loads(db_path.read_text("utf-8"))["profile"].values()
    assert stored["manager_name"] == "Ann [b]Lee 目标"
    assert stored["manager_email"] == "ann@x.comX"


async def test_keys_typed_with_the_tab_add_to_the_note_not_replace_it(make_app, db_path):
    """A time changed, tab and a word typed in one burst replaced the whole invite note
    (third new-user trial): the note selected all its text on arrival, and the app
    undid that only once the first keys had landed. Fields are made without it."""
    from careertui.core.model import Invite

    from .helpers import post_keys

    app = make_app()
    app.workbook.add(Invite(note="Kept [b]note 🚀"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        stage = app.main.stage("invite")
        time3 = stage.query_one("#invite-slot-2-time").query_one(Input)
        time3.focus()
        await idle(pilot)
        post_keys(app, ["1", "tab", "x", "y"])
        await settle(pilot)
        assert stage.query_one("#invite-note", Input).value == "Kept [b]note 🚀xy"
        assert await app.save_workbook()
    [invite] = json.loads(db_path.read_text("utf-8"))["invite"].values()
    assert invite["note"] == "Kept [b]note 🚀xy"


async def test_saving_an_email_with_a_time_no_calendar_can_read_says_so_first(
        make_app, tmp_path):
    """A proposed time typed as 2026-02-30 at 25:00 was saved into the .eml with no word
    until it was written (new-user trial): the save dialog says it before anything is."""
    app = make_app()
    app.workbook.save_profile(Profile(manager_name="Priya [b]x[/b]",
                                      manager_email="priya@example.com"))
    async with app.run_test(size=SIZE) as pilot:
        await open_invite(app, pilot)
        date = app.query_one("#invite-slot-0-date Input", Input)
        date.focus()
        await paste(pilot, "2026-02-30")
        await press(pilot, "tab")
        await paste(pilot, "25:00")
        await press(pilot, "tab")
        await settle(pilot)
        await press(pilot, "f4")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        message = str(app.screen.query_one(".dialog-message").render())
        assert "Time 1 cannot be read as a date and time" in message
        await press(pilot, "escape")  # not saved after all
        await settle(pilot)
        assert not list(tmp_path.glob("*.eml"))
