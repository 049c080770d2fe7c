"""The Follow-up stage: the thank-you within 24 hours, and every action item since.

The thank-you is drafted from the latest meeting's shareable captures and
follows them until edited by hand, like the meeting request. Action items
from all meetings are listed together, overdue ones flagged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ...core.actions import action_order, apply_action_status, thank_you_status
from ...core.dates import friendly
from ...core.drafting import placeholders as ph
from ...core.drafting.emails import EmailDraft, thank_you, to_eml
from ...core.meetings import latest_meeting
from ...core.model import Capture, Meeting, Record
from ...core.store import Workbook
from ..widgets.action_items import ACTION_FIELDS, action_columns
from ..widgets.fields import DateInput
from ..widgets.markdown_editor import MarkdownEditor
from ..widgets.record_list import RecordList
from .base import Stage

CLOCK_REFRESH = 30.0


class FollowUpStage(Stage):
    TITLE = "Follow-up"
    ABOUT = (
        "Within a day, thank your manager and write down who does what by when: the "
        "email below is drafted from the meeting's shareable notes and action items."
    )

    SHOWS = frozenset({Capture.TABLE, Meeting.TABLE, "profile"})

    BINDINGS = [
        Binding("f2", "redraft", "Redraft", id="redraft"),
        Binding("f3", "copy_thank_you", "Copy", id="copy-draft"),
        Binding("f4", "save_eml", ".eml", id="export-draft"),
        Binding("f5", "mark_sent", "Sent", id="mark-sent"),
    ]

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.meeting = latest_meeting(workbook)
        if self.meeting is not None and not self.meeting.thank_you_body:
            self._apply_draft(self._draft(), save=False)  # before compose shows it

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        today = self.now().date()
        yield from self.compose_intro()
        yield Static("", id="thank-you-clock", markup=False)
        with Horizontal(classes="form-row"):
            yield Label("Next 1:1", classes="form-label")
            yield DateInput(meeting.next_check_in if meeting else "", today=today,
                            placeholder="When you will next check in, e.g. +2w",
                            id="next-check-in")
        with Horizontal(classes="form-row"):
            yield Label("Subject", classes="form-label")
            yield Input(meeting.thank_you_subject if meeting else "", id="thank-you-subject",
                        compact=True)
        yield Static("", id="thank-you-status", classes="draft-status", markup=False)
        yield MarkdownEditor(meeting.thank_you_body if meeting else "", breaks=True,
                             id="thank-you-body")
        with Horizontal(classes="button-bar"):
            yield Button("Copy email  f3", id="thank-you-copy", variant="primary", compact=True)
            yield Button("Save .eml  f4", id="thank-you-eml", compact=True)
            yield Button("Mark sent  f5", id="thank-you-sent", compact=True)
            yield Button("Redraft  f2", id="thank-you-redraft", compact=True)
        yield Static("All action items", classes="section-title")
        yield RecordList(
            self._actions(),
            fields=ACTION_FIELDS,
            columns=action_columns(self),
            new_record=self._new_action,
            noun="action item",
            today=today,
            sortable=True,
            apply=self._apply_action,
            order=action_order,
            source=self._actions,
            id="actions-list",
        )


    def first_field(self) -> Widget:
        """The email itself: what you came here to finish."""
        return self.query_one(MarkdownEditor).text_area

    def on_mount(self) -> None:
        self._update_clock()
        self._update_unfilled()
        self.set_interval(CLOCK_REFRESH, self._update_clock)

    def _actions(self) -> list[Capture]:
        actions = [c for c in self.workbook.all(Capture) if c.kind == "action"]
        return sorted(actions, key=action_order)

    def _new_action(self) -> Capture:
        return Capture(kind="action", owner="me",
                       meeting_id=self.meeting.id if self.meeting else "")

    def _apply_action(self, record: Record, name: str, value: Any) -> bool:
        return apply_action_status(record, name, value, self.now().date())

    # -- the clock -------------------------------------------------------------------

    def _update_clock(self) -> None:
        clock = self.query_one("#thank-you-clock", Static)
        if self.meeting is None:
            clock.update("No meeting yet: capture one on the Meeting stage first.")
            return
        text, severity = thank_you_status(self.meeting, self.now())
        when = f"Meeting of {friendly(self.meeting.date)}" if self.meeting.date else "Meeting"
        clock.update(f"{when} · {text}")
        for name in ("due", "overdue", "sent"):
            clock.set_class(severity == name, f"-{name}")

    # -- the thank-you draft ---------------------------------------------------------

    def _captures(self) -> list[Capture]:
        if self.meeting is None:
            return []
        mine = [c for c in self.workbook.all(Capture) if c.meeting_id == self.meeting.id]
        return sorted(mine, key=lambda c: (c.kind == "action", c.position, c.created))

    def _draft(self) -> EmailDraft:
        next_check_in = self.meeting.next_check_in if self.meeting else ""
        return thank_you(self.workbook.profile(), self._captures(), next_check_in)

    def _edited(self) -> bool:
        meeting = self.meeting
        return bool(meeting and meeting.thank_you_body
                    and meeting.thank_you_body != meeting.thank_you_drafted)

    def _apply_draft(self, draft: EmailDraft, *, save: bool = True) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        meeting.thank_you_subject = draft.subject
        meeting.thank_you_body = meeting.thank_you_drafted = draft.body
        if save:
            self.add(meeting)
        if self.is_mounted:
            subject = self.query_one("#thank-you-subject", Input)
            with subject.prevent(Input.Changed):
                subject.value = draft.subject
            self.query_one(MarkdownEditor).set_text(draft.body)
            self._update_unfilled()

    def _update_unfilled(self) -> None:
        status = self.query_one("#thank-you-status", Static)
        if self.meeting is None:
            status.update("")
            return
        meeting = self.meeting
        draft = EmailDraft.as_edited(meeting.thank_you_subject, meeting.thank_you_body)
        self.show_draft_status(status, draft.unfilled, self._edited())

    def _follow(self) -> None:
        """Redraft an untouched email after its sources changed."""
        if self.meeting is not None and not self._edited():
            self._apply_draft(self._draft())

    def reload(self) -> None:
        self.meeting = latest_meeting(self.workbook) or self.meeting
        self.query_one("#actions-list", RecordList).refresh_records()
        if self.meeting is not None:
            if not self.meeting.thank_you_body:
                self._apply_draft(self._draft(), save=False)
            else:
                self._follow()
        self._update_clock()

    @on(DateInput.Changed, "#next-check-in")
    def _next_changed(self, event: DateInput.Changed) -> None:
        if self.meeting is not None and self.meeting.next_check_in != event.stored:
            self.meeting.next_check_in = event.stored
            self.add(self.meeting)
            self._follow()

    @on(Input.Changed, "#thank-you-subject")
    def _subject_changed(self, event: Input.Changed) -> None:
        if self.meeting is not None and self.meeting.thank_you_subject != event.value:
            self.meeting.thank_you_subject = event.value
            self.add(self.meeting)
            self._update_unfilled()

    @on(MarkdownEditor.Changed, "#thank-you-body")
    def _body_changed(self, event: MarkdownEditor.Changed) -> None:
        if self.meeting is not None and self.meeting.thank_you_body != event.text:
            self.meeting.thank_you_body = event.text
            self.add(self.meeting)
            self._update_unfilled()

    def on_record_list_added(self, event: RecordList.Added) -> None:
        super().on_record_list_added(event)
        self._follow()

    def on_record_list_saved(self, event: RecordList.Saved) -> None:
        super().on_record_list_saved(event)
        self._follow()

    def on_record_list_deleted(self, event: RecordList.Deleted) -> None:
        super().on_record_list_deleted(event)
        self._follow()

    # -- actions -----------------------------------------------------------------------

    def _current(self) -> EmailDraft | None:
        if self.meeting is None:
            self.notify("No meeting yet: capture one on the Meeting stage first.",
                        severity="warning")
            return None
        subject, body = self.meeting.thank_you_subject, self.meeting.thank_you_body
        if not body.strip():
            return self._draft()
        return EmailDraft.as_edited(subject, body)

    @on(Button.Pressed, "#thank-you-copy")
    async def action_copy_thank_you(self) -> None:
        draft = self._current()
        if draft is not None:
            await self.copy_out(draft.as_text(), "Thank-you email",
                                ph.describe_unfilled(draft.unfilled))

    @on(Button.Pressed, "#thank-you-eml")
    def action_save_eml(self) -> None:
        self._save_eml()

    @work(exclusive=True, group="thank-you-export")
    async def _save_eml(self) -> None:
        draft = self._current()
        if draft is None:
            return
        profile = self.workbook.profile()
        payload = to_eml(draft.subject, draft.body, to=profile.manager_email)
        name = f"thank-you-{self.now().date().isoformat()}.eml"
        await self.export_out(Path.cwd() / name, payload, "the thank-you email")

    @on(Button.Pressed, "#thank-you-sent")
    def action_mark_sent(self) -> None:
        if self.meeting is None:
            self.notify("No meeting yet.", severity="warning")
            return
        self.meeting.thank_you_sent_at = self.now().isoformat(timespec="minutes")
        self.add(self.meeting)
        self._update_clock()
        self.notify("Marked as sent.")

    @on(Button.Pressed, "#thank-you-redraft")
    def action_redraft(self) -> None:
        self._redraft()

    @work(exclusive=True, group="thank-you-redraft")
    async def _redraft(self) -> None:
        if self.meeting is None:
            self.notify("No meeting yet.", severity="warning")
            return
        if self._edited() and not await self.confirm_replace_edits("the meeting"):
            return
        self._apply_draft(self._draft())
        self.notify("Thank-you email redrafted from the meeting.")
