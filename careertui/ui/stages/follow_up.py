"""The Follow-up stage: the thank-you within 24 hours, and every action item since.

The thank-you is drafted from the latest meeting's shareable captures and
follows them until edited by hand, like the meeting request. Action items
from all meetings are listed together, overdue ones flagged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from ...core.actions import action_order, apply_action_status, thank_you_status
from ...core.dates import friendly
from ...core.drafting.emails import Email, StoredDraft, thank_you
from ...core.drafting.placeholders import describe_unfilled
from ...core.drafting.workbook_export import RECORD_TABLES, WorkbookContents
from ...core.meetings import current_meeting, latest_held
from ...core.model import CHECK_IN_CADENCE, Capture, CheckIn, Meeting, Record
from ...core.overview import next_since_meeting
from ...core.store import Workbook
from ..closing import unless_closing
from ..widgets.action_items import ACTION_FIELDS, action_columns
from ..widgets.email_draft import DraftActions, DraftSource, EmailDraft, draft_bindings
from ..widgets.fields import DateInput
from ..widgets.plain import show_text
from ..widgets.record_list import RecordList
from .base import Stage

CLOCK_REFRESH = 30.0


class FollowUpStage(DraftActions, Stage):
    TITLE = "Follow-up"
    ABOUT = (
        "Within a day, thank your manager and write down who does what by when: the "
        "email below is drafted from the meeting's shareable notes and action items."
    )

    SHOWS = frozenset({Capture.TABLE, Meeting.TABLE, "profile", "values", *RECORD_TABLES})
    """Every record too: the email says when it quotes one made private since."""

    BINDINGS = [*draft_bindings("copy_thank_you"),
                Binding("f5", "mark_sent", "Sent", id="mark-sent"),
                Binding("f9", "save_actions_ics", ".ics", id="save-ics")]

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.meeting = self._followed(workbook)
        self._sent_asked: tuple[str, tuple[str, ...]] | None = None
        """The meeting and unfilled placeholders f5 last warned of (f5 again: sent)."""
        self.draft = EmailDraft(
            DraftSource(
                what="Thank-you email",
                file_stem="thank-you",
                drafted_from="the meeting's notes and action items",
                draft=self._draft,
                load=self._load,
                save=self._save,
                recipient=self.manager_address,
                sender=self.own_address,
                missing="No meeting yet: capture one on the Meeting stage first.",
                sent=self._sent,
                records=lambda: WorkbookContents.of(self.whole_workbook).records(),
                sharing=lambda: self.sharing,
            ),
            id_prefix="thank-you",
            mail_button=False,
            buttons=[Button("Mark sent  f5", id="thank-you-sent", compact=True)],
        )

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        today = self.now().date()
        yield from self.compose_intro()
        yield Static("", id="thank-you-clock", markup=False)
        with Horizontal(classes="form-row"):
            yield Label("Next 1:1", classes="form-label")
            yield DateInput(meeting.next_check_in if meeting else "", today=today,
                            placeholder="When you will next check in, e.g. +2w",
                            id="next-check-in", disabled=meeting is None)
        yield Static("", id="next-since", markup=False)
        yield self.draft
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
        """When you will next check in: the first thing to settle after the meeting. The
        email below is reached on purpose (tab), so stray keys never land in it."""
        next_check_in = self.query_one("#next-check-in", DateInput)
        if next_check_in.disabled:  # no meeting yet: nowhere to keep a date typed here
            return self.query_one("#actions-list", RecordList).table
        return next_check_in.input

    @unless_closing
    def on_mount(self) -> None:
        self._show_next_since()
        self._update_clock()
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

    def _show_next_since(self) -> None:
        """Under Next 1:1, once a one-on-one has been noted since this conversation:
        the next one as Check-ins has it, so the date planned here is not read as it."""
        note = self.query_one("#next-since", Static)
        book = self.workbook
        upcoming = None if self.meeting is None else next_since_meeting(
            book.all(CheckIn), book.value(CHECK_IN_CADENCE, "2w"), self.now().date(),
            self.meeting)
        show_text(note, "" if upcoming is None else
                  f"Since then, Check-ins has the next: {friendly(upcoming)}.")
        note.display = upcoming is not None

    def _update_clock(self) -> None:
        clock = self.query_one("#thank-you-clock", Static)
        if self.meeting is None:
            show_text(clock, "No meeting yet: capture one on the Meeting stage first.")
            return
        text, severity = thank_you_status(self.meeting, self.now())
        when = f"Meeting of {friendly(self.meeting.date)}" if self.meeting.date else "Meeting"
        show_text(clock, f"{when} · {text}")
        for name in ("due", "overdue", "sent"):
            clock.set_class(severity == name, f"-{name}")

    # -- the thank-you draft ---------------------------------------------------------

    def _captures(self) -> list[Capture]:
        if self.meeting is None:
            return []
        mine = [c for c in self.workbook.all(Capture) if c.meeting_id == self.meeting.id]
        return sorted(mine, key=lambda c: (c.kind == "action", c.position, c.created))

    def _draft(self) -> Email:
        next_check_in = self.meeting.next_check_in if self.meeting else ""
        return thank_you(self.workbook.profile(), self._captures(), next_check_in)

    def _load(self) -> StoredDraft | None:
        meeting = self.meeting
        if meeting is None:
            return None
        return StoredDraft(meeting.thank_you_subject, meeting.thank_you_body,
                           meeting.thank_you_drafted)

    def _save(self, stored: StoredDraft, write: bool) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        meeting.thank_you_subject, meeting.thank_you_body, meeting.thank_you_drafted = stored
        if write:
            self.add(meeting)

    def _sent(self) -> str:
        """When the thank-you was marked sent, in the app's clock: "Sent Fri 27 Nov, 14:05"."""
        stamp = self.meeting.thank_you_sent_at if self.meeting else ""
        try:
            sent = datetime.fromisoformat(stamp) if stamp else None
        except ValueError:
            return f"Sent {stamp}"
        return f"Sent {sent:%a} {sent.day} {sent:%b}, {sent:%H:%M}" if sent else ""

    def _follow(self) -> None:
        """Redraft an untouched email after its sources changed."""
        self.draft.follow()

    def reload(self) -> None:
        before = self.meeting.id if self.meeting is not None else None
        self.meeting = self._followed(self.workbook) or self.meeting
        self._show_next_since()  # check-ins or the cadence changed, or the meeting followed
        next_check_in = self.query_one("#next-check-in", DateInput)
        if self.meeting is not None and next_check_in.disabled:  # the first meeting came
            next_check_in.disabled = False
            next_check_in.set_value(self.meeting.next_check_in)
        elif self.meeting is not None and self.meeting.id != before:  # the next one began
            next_check_in.set_value(self.meeting.next_check_in)
        self.query_one("#actions-list", RecordList).refresh_records()
        first = self.meeting is not None and not self.meeting.thank_you_body
        self.draft.show()  # a new meeting gets its first draft here, written on first change
        if not first:
            self._follow()
        self._update_clock()

    @on(DateInput.Changed, "#next-check-in")
    def _next_changed(self, event: DateInput.Changed) -> None:
        if self.meeting is not None and self.meeting.next_check_in != event.stored:
            self.meeting.next_check_in = event.stored
            self.add(self.meeting)
            self._follow()

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

    action_copy_thank_you = DraftActions.action_copy_draft  # the palette's name for it

    @staticmethod
    def _followed(workbook: Workbook) -> Meeting | None:
        """The latest conversation that took place: a next one being prepared has no
        thank-you to write yet. Before any took place, the one planned."""
        return latest_held(workbook) or current_meeting(workbook)

    @on(Button.Pressed, "#thank-you-sent")
    def action_mark_sent(self) -> None:
        if self.meeting is None:
            self.notify("No meeting yet.", severity="warning")
            return
        if self.meeting.planned:
            self.notify("This conversation has not taken place yet. Once it has, f3 on the "
                        "Meeting stage marks it held; then the thank-you can be sent.",
                        severity="warning", markup=False)
            return
        unfilled = tuple(self.draft.unfilled)
        if unfilled and self._sent_asked != (self.meeting.id, unfilled):
            self._sent_asked = (self.meeting.id, unfilled)  # asked once: f5 again goes ahead
            self.notify(f"The thank-you still has {describe_unfilled(list(unfilled))}. "
                        "Was that what you sent? f5 again marks it sent as it is.",
                        severity="warning", markup=False)
            return
        self._sent_asked = None
        self.meeting.thank_you_sent_at = self.now().isoformat(timespec="minutes")
        self.add(self.meeting)
        self._update_clock()
        self.draft.refresh_status()
        self.notify("Marked as sent.")

    def action_save_actions_ics(self) -> None:
        self.run_worker(self._save_actions_ics(), group="calendar-file", exclusive=True)

    async def _save_actions_ics(self) -> None:
        """Every shareable open action item with a due date, from every conversation."""
        from ...core.calendar import action_items_ics

        made = action_items_ics(self.workbook.all(Capture), self.workbook.profile().manager_name,
                                now=self.now())
        await self.save_calendar(made, "action-items", "the action items calendar file",
                                 "no shareable open action item has a due date")
