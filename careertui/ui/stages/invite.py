"""The Invite stage: the email that asks for the conversation.

The email is drafted from the profile and the fields here, and redrafted as
those change, until the person edits it by hand: from then on their words
are kept, and `Redraft` asks before replacing them.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Label, Static

from ...core.drafting import placeholders as ph
from ...core.drafting.emails import EmailDraft, mailto_url, meeting_request, to_eml
from ...core.model import AGENDA_TEXT, Invite, Profile
from ...core.store import Workbook
from ..widgets.markdown_editor import MarkdownEditor
from .base import Stage

MAX_MINUTES = 240
REDRAFT_DELAY = 0.12
"""Seconds after the last keystroke in a field before the email is redrafted:
typing a name stays instant, and the draft follows a moment later."""


class InviteStage(Stage):
    TITLE = "Invite"
    ABOUT = (
        "Ask for the meeting in writing: calling it a career development conversation tells "
        "your manager what to expect. The draft follows the fields until you edit it."
    )

    SHOWS = frozenset({"profile", "values"})

    BINDINGS = [
        Binding("f2", "redraft", "Redraft", id="redraft"),
        Binding("f3", "copy_email", "Copy", id="copy-draft"),
        Binding("f4", "save_eml", ".eml", id="export-draft"),
    ]

    unfilled: reactive[tuple[str, ...]] = reactive((), init=False)
    """Placeholders still in the subject or body: listed under the fields, marked in the preview."""

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.invite = workbook.single(Invite)
        self._redraft_timer: Timer | None = None
        if not self.invite.body:
            self._apply_draft(self._draft(), save=False)

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        profile = self.workbook.profile()
        invite = self.invite
        yield from self.compose_intro()
        with Horizontal(classes="form-row"):
            yield Label("To", classes="form-label")
            yield Input(
                profile.manager_name, placeholder="Manager's name", id="invite-manager",
                compact=True,
            )
            yield Input(
                profile.manager_email, placeholder="manager@example.com", id="invite-email",
                compact=True,
            )
            yield Label("Minutes", classes="form-label-inline")
            yield Input(
                str(profile.meeting_minutes), id="invite-minutes", type="integer",
                max_length=3, compact=True,
            )
        with Horizontal(classes="form-row"):
            yield Label("Times", classes="form-label")
            for index in range(3):
                slot = invite.slots[index] if index < len(invite.slots) else ""
                yield Input(
                    slot, placeholder=f"Option {index + 1}, e.g. Tue 3 Dec, 10:00",
                    id=f"invite-slot-{index}", classes="invite-slot", compact=True,
                )
        with Horizontal(classes="form-row"):
            yield Label("Note", classes="form-label")
            yield Input(
                invite.note, placeholder="A personal line to add (optional)",
                id="invite-note", compact=True,
            )
            yield Checkbox(
                "Include the agenda", invite.include_agenda, id="invite-include-agenda",
                compact=True,
            )
        with Horizontal(classes="form-row"):
            yield Label("Subject", classes="form-label")
            yield Input(invite.subject, id="invite-subject", compact=True)
        yield Static("", id="invite-status", classes="draft-status", markup=False)
        yield MarkdownEditor(invite.body, breaks=True, id="invite-body")
        with Horizontal(classes="button-bar"):
            yield Button("Copy email  f3", id="invite-copy", variant="primary", compact=True)
            yield Button("Save .eml  f4", id="invite-eml", compact=True)
            yield Button("Open in mail app", id="invite-mailto", compact=True)
            yield Button("Redraft  f2", id="invite-redraft", compact=True)

    def on_mount(self) -> None:
        self._update_unfilled()
        self.watch_unfilled(self.unfilled)  # the watcher only runs on a change

    # -- drafting ----------------------------------------------------------------

    def _draft(self) -> EmailDraft:
        agenda = self.workbook.value(AGENDA_TEXT, "") if self.invite.include_agenda else None
        return meeting_request(self.workbook.profile(), self.invite, agenda)

    def _apply_draft(self, draft: EmailDraft, *, save: bool = True) -> None:
        self.invite.subject = draft.subject
        self.invite.body = draft.body
        self.invite.drafted_body = draft.body
        if save:
            self._save_invite()
        if self.is_mounted:
            subject = self.query_one("#invite-subject", Input)
            with subject.prevent(Input.Changed):
                subject.value = draft.subject
            self.query_one(MarkdownEditor).set_text(draft.body)
            self._update_unfilled()

    def _details_changed(self) -> None:
        """Keep an untouched draft in step with the fields; never touch edited words."""
        if self._redraft_timer is not None:
            self._redraft_timer.stop()
        self._redraft_timer = self.set_timer(REDRAFT_DELAY, self._follow_details)

    def _follow_details(self) -> None:
        self._redraft_timer = None
        if self.invite.edited:
            self._update_unfilled()
            return
        self._apply_draft(self._draft())

    def _save_invite(self) -> None:
        self.add(self.invite)  # the one invite: written on first change

    def _update_unfilled(self) -> None:
        self.unfilled = tuple(EmailDraft.as_edited(self.invite.subject, self.invite.body).unfilled)

    def watch_unfilled(self, unfilled: tuple[str, ...]) -> None:
        status = self.query_one("#invite-status", Static)
        self.show_draft_status(status, unfilled, self.invite.edited)

    def reload(self) -> None:
        """The profile may have changed in the profile form: show it, redraft if untouched."""
        profile = self.workbook.profile()
        for selector, value in (
            ("#invite-manager", profile.manager_name),
            ("#invite-email", profile.manager_email),
            ("#invite-minutes", str(profile.meeting_minutes)),
        ):
            field = self.query_one(selector, Input)
            if field.value != value:
                with field.prevent(Input.Changed):
                    field.value = value
        self._details_changed()

    # -- fields ------------------------------------------------------------------

    def _update_profile(self, **changes: object) -> None:
        profile: Profile = self.workbook.profile()
        if all(getattr(profile, key) == value for key, value in changes.items()):
            return
        for key, value in changes.items():
            setattr(profile, key, value)
        self.save_profile(profile)
        self._details_changed()

    @on(Input.Changed, "#invite-manager")
    def _manager_changed(self, event: Input.Changed) -> None:
        self._update_profile(manager_name=event.value.strip())

    @on(Input.Changed, "#invite-email")
    def _email_changed(self, event: Input.Changed) -> None:
        self._update_profile(manager_email=event.value.strip())

    @on(Input.Changed, "#invite-minutes")
    def _minutes_changed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        minutes = int(text) if text.isdigit() else 0
        if not 5 <= minutes <= MAX_MINUTES:
            event.input.set_class(True, "-invalid")
            if text:
                self.notify(
                    f"Meeting length is in minutes, from 5 to {MAX_MINUTES}; kept "
                    f"{self.workbook.profile().meeting_minutes}.",
                    severity="warning",
                )
            return
        event.input.set_class(False, "-invalid")
        self._update_profile(meeting_minutes=minutes)

    @on(Input.Changed, ".invite-slot")
    def _slot_changed(self, event: Input.Changed) -> None:
        index = int((event.input.id or "0").rsplit("-", 1)[1])
        slots = (list(self.invite.slots) + ["", "", ""])[:3]
        if slots[index] == event.value:
            return
        slots[index] = event.value
        self.invite.slots = slots
        self._save_invite()
        self._details_changed()

    @on(Input.Changed, "#invite-note")
    def _note_changed(self, event: Input.Changed) -> None:
        if self.invite.note == event.value:
            return
        self.invite.note = event.value
        self._save_invite()
        self._details_changed()

    @on(Checkbox.Changed, "#invite-include-agenda")
    def _include_agenda_changed(self, event: Checkbox.Changed) -> None:
        if self.invite.include_agenda == event.value:
            return
        self.invite.include_agenda = event.value
        if event.value and not self.workbook.value(AGENDA_TEXT, "").strip():
            self.notify(
                "The agenda is empty so far: draft it on the Agenda stage.", severity="warning"
            )
        self._save_invite()
        self._details_changed()

    @on(Input.Changed, "#invite-subject")
    def _subject_changed(self, event: Input.Changed) -> None:
        if self.invite.subject == event.value:
            return
        self.invite.subject = event.value
        self._save_invite()
        self._update_unfilled()

    @on(MarkdownEditor.Changed, "#invite-body")
    def _body_changed(self, event: MarkdownEditor.Changed) -> None:
        if event.text == self.invite.body:
            return
        self.invite.body = event.text
        self._save_invite()
        self._update_unfilled()

    # -- actions -----------------------------------------------------------------

    @on(Button.Pressed, "#invite-copy")
    async def action_copy_email(self) -> None:
        draft = self._current()
        warning = ph.describe_unfilled(draft.unfilled)
        await self.copy_out(draft.as_text(), "Meeting request email", warning)

    @on(Button.Pressed, "#invite-eml")
    def action_save_eml(self) -> None:
        self._save_eml()

    @work(exclusive=True, group="invite-export")
    async def _save_eml(self) -> None:
        draft = self._current()
        profile = self.workbook.profile()
        to = _address(profile.manager_name, profile.manager_email)
        payload = to_eml(draft.subject, draft.body, to=to)
        name = f"meeting-request-{self.now().date().isoformat()}.eml"
        written = await self.export_out(Path.cwd() / name, payload, "the meeting request")
        if written and draft.unfilled:
            self.notify(ph.describe_unfilled(draft.unfilled), severity="warning")

    @on(Button.Pressed, "#invite-mailto")
    def action_open_mail(self) -> None:
        """Only on a desktop, and detached: a console browser must never take the terminal."""
        from ...core.desktop import open_detached

        draft = self._current()
        profile = self.workbook.profile()
        url = mailto_url(draft.subject, draft.body, profile.manager_email)
        problem = open_detached(url)
        if problem is None:
            self.notify("Asked your mail app to open a new message.")
        else:
            self.notify(
                f"No mail app could be opened: {problem}. "
                "Use Copy email (f3) or Save .eml (f4) instead.",
                severity="warning",
                timeout=10,
            )

    @on(Button.Pressed, "#invite-redraft")
    def action_redraft(self) -> None:
        self._redraft()

    @work(exclusive=True, group="invite-redraft")
    async def _redraft(self) -> None:
        if self.invite.edited and not await self.confirm_replace_edits(
            "your profile and the fields above"
        ):
            return
        self._apply_draft(self._draft())
        self.notify("Email redrafted from your profile and the Invite fields.")

    def _current(self) -> EmailDraft:
        """The email as it stands now, edits included (and pending field changes)."""
        if self._redraft_timer is not None:
            self._redraft_timer.stop()
            self._follow_details()
        subject, body = self.invite.subject, self.invite.body
        if not body.strip():
            return self._draft()
        return EmailDraft.as_edited(subject, body)


def _address(name: str, email: str) -> str:
    if not email:
        return ""
    from email.headerregistry import Address

    try:
        return str(Address(display_name=name, addr_spec=email))
    except (ValueError, IndexError):
        return email
