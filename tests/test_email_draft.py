"""The one email draft, driven through its keys on both stages that show it.

Invite and Follow-up used to carry two copies of this logic; the same test
now runs on each: hostile words in the subject and body, f2 asks before
replacing them, f3 copies them (to the fallback file, as on a headless
server), f4 saves a `.eml` addressed `Name <address>` where the person says.
"""

from __future__ import annotations

import email
from email import policy

import pytest
from textual.widgets import Input, TextArea

from careertui.core.model import Meeting, Profile
from careertui.core.store import data_dir
from careertui.ui.clipboard import LAST_COPIED
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.widgets.email_draft import EmailDraft

from .conftest import SIZE
from .helpers import enter, idle, paste, press, settle, until

MANAGER = 'Łukasz "Luke" [QA], Jr. <boss> 目标'
ADDRESS = "luke@example.com"
OWN_NAME = "Ana [b]Lee[/b] 🚀 مرحبا"
OWN_ADDRESS = "ana@example.com"
SUBJECT = "[/] [b]x [link=https://x.y]z[/link] [@click=app.quit]Q 🚀 目标 مرحبا"
BODY_START = "[b]x [/] [@click=app.quit]Q 🚀 目标 مرحبا\tend " + "w" * 300 + "\n\n"


def notices_of(app, monkeypatch) -> list[str]:
    """Every notice the app shows, recorded through the public `notify`."""
    seen: list[str] = []
    show = app.notify

    def record(message, *args, **kwargs):
        seen.append(str(message))
        return show(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    return seen


def make_stage_app(make_app, stage_id: str):
    app = make_app()
    app.workbook.save_profile(Profile(name=OWN_NAME, email=OWN_ADDRESS,
                                      role="analyst", company="Northwind",
                                      manager_name=MANAGER, manager_email=ADDRESS,
                                      greeting_name=MANAGER))  # "Hi <the whole name>,"
    if stage_id == "follow-up":
        app.workbook.add(Meeting(date="2026-11-25", time="09:00"))
    return app


@pytest.mark.parametrize(("stage_id", "prefix"), [("invite", "invite"),
                                                   ("follow-up", "thank-you")])
async def test_the_draft_through_its_keys_with_hostile_text(
    make_app, tmp_path, monkeypatch, stage_id, prefix
):
    app = make_stage_app(make_app, stage_id)
    notices = notices_of(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, stage_id)
        draft = app.query_one(EmailDraft)
        drafted = draft.source.load().body
        assert MANAGER in drafted and not draft.edited  # the name is written as typed

        subject = app.query_one(f"#{prefix}-subject", Input)
        drafted_subject = subject.value
        subject.focus()  # nothing is selected on focus: the paste adds to the subject
        await idle(pilot)
        await paste(pilot, SUBJECT)
        body = app.query_one(f"#{prefix}-body TextArea", TextArea)
        body.focus()
        await press(pilot, "ctrl+home")
        await paste(pilot, BODY_START)
        await until(pilot, lambda: draft.edited)
        stored = draft.source.load()
        assert stored.subject == drafted_subject + SUBJECT
        assert stored.body == BODY_START + drafted
        assert "edits are kept" in str(app.query_one(f"#{prefix}-status").render())

        await press(pilot, "f2")  # edited: it asks, and keeping is the default
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert isinstance(app.screen, ChoiceDialog)
        await press(pilot, "escape")
        await settle(pilot)
        assert draft.source.load().body == BODY_START + drafted
        assert app.query_one(f"#{prefix}-subject", Input).value == drafted_subject + SUBJECT

        await press(pilot, "f3")  # no desktop clipboard here: the fallback file has it
        await settle(pilot)
        copied = data_dir() / LAST_COPIED
        await until(pilot, copied.exists)
        assert copied.read_text(encoding="utf-8") == (
            f"Subject: {drafted_subject}{SUBJECT}\n\n{BODY_START}{drafted}")
        assert any(LAST_COPIED in notice for notice in notices)

        await press(pilot, "f4")  # the save dialog asks where, with the path selected
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await press(pilot, *"out/mail.eml")
        await press(pilot, "enter")
        written = tmp_path / "out" / "mail.eml"
        await until(pilot, written.exists)
        await settle(pilot)
        raw = written.read_bytes()
        message = email.message_from_bytes(raw, policy=policy.default)
        [to] = message["To"].addresses
        assert (to.display_name, to.addr_spec) == (MANAGER, ADDRESS)
        assert not message["To"].defects
        [own] = message["From"].addresses  # from the person, as mail clients expect
        assert (own.display_name, own.addr_spec) == (OWN_NAME, OWN_ADDRESS)
        assert raw.isascii()  # the name is encoded, never raw in the header
        assert message["Subject"] == drafted_subject + SUBJECT
        assert message.get_content().rstrip("\n") == BODY_START + drafted
        assert any(str(written) in notice for notice in notices)


@pytest.mark.parametrize(("stage_id", "prefix"), [("invite", "invite"),
                                                   ("follow-up", "thank-you")])
async def test_an_untouched_draft_follows_and_a_redraft_can_replace_edits(
    make_app, stage_id, prefix
):
    app = make_stage_app(make_app, stage_id)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, stage_id)
        draft = app.query_one(EmailDraft)
        profile = app.workbook.profile()
        profile.name = "Ana Souza"
        app.workbook.save_profile(profile)  # as the profile form does
        await until(pilot, lambda: draft.source.load().body.rstrip().endswith("Ana Souza"))
        assert draft.source.load().body.rstrip().endswith("Ana Souza")
        app.query_one(f"#{prefix}-body TextArea", TextArea).focus()
        await press(pilot, "ctrl+home", *"Hello ")
        await until(pilot, lambda: draft.edited)
        await press(pilot, "f2")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#choice-replace")
        await settle(pilot)
        assert not draft.edited and not draft.source.load().body.startswith("Hello ")
        assert "Ready to send." in str(app.query_one(f"#{prefix}-status").render())
