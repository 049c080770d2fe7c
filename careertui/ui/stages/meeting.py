"""The Meeting stage: used during the conversation, so typing comes first.

One line in the quick-capture field becomes one record; the prefixes are on
screen. Captured lines can be edited afterwards, and an opportunity can be
turned into a goal or a request with one key.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Collapsible, Input, Label, Static

from ...core import sharing
from ...core.actions import meeting_start
from ...core.capture import parse_capture
from ...core.dates import FORMS, friendly
from ...core.meetings import current_meeting, first_slot, invite_for, mark_held
from ...core.model import (
    CAPTURE_KINDS,
    CHECKLIST,
    Capture,
    Goal,
    Meeting,
    Record,
    Request,
)
from ...core.prompts import MEETING_QUESTIONS
from ...core.store import Workbook
from ..widgets.fields import DateInput, LineInput, TickBox
from ..widgets.minutes import MinutesInput
from ..widgets.plain import show_text
from ..widgets.record_list import SHARE_COLUMN, Column, Field, RecordList
from .base import Stage

KIND_ORDER = list(CAPTURE_KINDS)

CAPTURE_FIELDS = (
    Field("kind", "Kind", "choice", tuple((label, key) for key, label in CAPTURE_KINDS.items())),
    Field("text", "Text"),
    Field("owner", "Owner", placeholder="me, manager or a name (action items)"),
    Field("due", "Due", "date"),
)

CAPTURE_HELP = (
    "s: strength · g: to grow · o: opportunity · q: question · a: action @who date · else a note"
)


class CaptureFeedback(Static):
    """Says what the last captured line became, and brings that into view.

    It sits below the line typed, under the fold of a short terminal (80x24).
    It is scrolled to once laid out at its new size: scrolled to any earlier, it
    had the height of the last message (none at first), and stayed hidden.
    """

    def __init__(self, *, id: str) -> None:
        super().__init__("", id=id, markup=False)
        self.fresh = False  # a message not yet seen; cleared as the next line is typed

    def show(self, message: str, *, problem: bool) -> None:
        self.update(message)
        self.set_class(problem, "-problem")
        self.fresh = True
        self.call_after_refresh(self._into_view)  # the same height: no resize to wait for

    def on_resize(self) -> None:
        self._into_view()

    def _into_view(self) -> None:
        if self.fresh and self.size.height:
            self.scroll_visible(animate=False)


class MeetingStage(Stage):
    TITLE = "Meeting"
    ABOUT = (
        "Keep your eyes on the conversation: type one line per point and press enter. "
        "Open with the purpose and a thank-you, follow the agenda, close on next steps."
    )

    SHOWS = frozenset({Capture.TABLE, Meeting.TABLE})
    CARRIED = ("capture",)

    BINDINGS = [
        Binding("f2", "insert_question", "Questions", id="insert-question"),
        Binding("f3", "toggle_held", "Held", id="toggle-held"),
        Binding("f7", "conversation_history", "History", id="conversation-history"),
        Binding("g", "to_goal", "To goal", id="to-goal"),
        Binding("r", "to_request", "To request", id="to-request"),
    ]

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.meeting = current_meeting(workbook) or self._fresh_meeting()

    def _fresh_meeting(self) -> Meeting:
        """Not saved until something is typed; dated from the invite's first proposed
        time when it names one (2026-12-01 10:00), else when the stage is built."""
        day, time = first_slot(invite_for(self.workbook, None).slots)
        return Meeting(
            date=day,
            time=time,
            minutes=self.workbook.profile().meeting_minutes,
            status="planned",
        )

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        if not meeting.date and self.workbook.get(Meeting, meeting.id) is None:
            now = self.now()  # a first meeting, typed as it happens; a planned one waits
            meeting.date, meeting.time = now.date().isoformat(), meeting.time or f"{now:%H:%M}"
        yield from self.compose_intro()
        with Horizontal(classes="form-row"):
            yield Label("Date", classes="form-label")
            yield DateInput(meeting.date, today=self.now().date(), id="meeting-date")
            yield Label("Time", classes="form-label-inline")
            yield Input(meeting.time, placeholder="10:00", id="meeting-time", compact=True,
                        max_length=5, select_on_focus=False)
            yield Label("Minutes", classes="form-label-inline")
            yield MinutesInput(meeting.minutes, id="meeting-minutes")
        with Horizontal(classes="checklist"):
            yield Label("Checklist", classes="form-label")
            for key, label in CHECKLIST:
                yield TickBox(label, meeting.checklist.get(key, False), compact=True,
                               id=f"check-{key}")
        yield Static(self._status_text(), id="meeting-status", markup=False)
        yield Static(CAPTURE_HELP, classes="capture-help")
        yield LineInput(placeholder="Type a line and press enter", id="capture")
        yield CaptureFeedback(id="capture-feedback")
        yield RecordList(
            self._captures(),
            fields=CAPTURE_FIELDS,
            columns=(
                Column("Kind", lambda c: c.kind_label),
                Column("Text", lambda c: c.text),
                Column("Owner", lambda c: c.owner if c.kind == "action" else ""),
                Column("Due", lambda c: c.due),
                SHARE_COLUMN,
            ),
            new_record=self._new_capture,
            noun="note",
            today=self.now().date(),
            order=self._capture_order,
            source=self._captures,
            id="captures-list",
        )
        with Collapsible(title="The agenda for this meeting", collapsed=True, id="meeting-agenda"):
            yield Static(self._agenda_text(), id="meeting-agenda-text", markup=False)

    def _status_text(self) -> str:
        meeting = self.meeting
        if meeting.planned and not meeting.date:
            return ("Planned, no date yet: lines captured now are notes for it. f3 marks it "
                    "held once you have talked.")
        if meeting.planned:
            when = friendly(meeting.date) + (f", {meeting.time}" if meeting.time else "")
            return (f"Planned for {when}: f3 marks it held once you have talked (so does a "
                    "line captured from then on).")
        if meeting.thank_you_sent_at:  # marked sent on Follow-up: no longer to do
            return (f"Held; the thank-you went out {friendly(meeting.thank_you_sent_at[:10])}. "
                    "f7 shows every conversation.")
        return "Held: send the thank-you within a day (Follow-up). f7 shows every conversation."

    def _show_status(self) -> None:
        show_text(self.query_one("#meeting-status", Static), self._status_text())

    def _agenda_text(self) -> str:
        agenda = self.meeting.agenda
        if agenda and self.sharing:
            words = self.private_words()
            if not sharing.draft_shown(agenda, True, words):
                return sharing.hidden_draft_line(agenda, words)
        return agenda or "No agenda was written before this meeting."

    def action_new_meeting(self) -> None:
        """Start the record of the next conversation; earlier ones stay in the workbook."""
        self.meeting = self._fresh_meeting()
        now = self.now()
        self.meeting.date, self.meeting.time = now.date().isoformat(), f"{now:%H:%M}"
        self._save_meeting()
        self._show_meeting()
        self.reload()
        self.notify(f"New meeting record for {self.meeting.date}; the earlier ones are kept.")

    def _show_meeting(self) -> None:
        """Fill the fields from `self.meeting` (another conversation is now the one shown)."""
        meeting = self.meeting
        self.query_one("#meeting-date", DateInput).set_value(meeting.date)
        field = self.query_one("#meeting-time", Input)
        with field.prevent(Input.Changed):
            field.value = meeting.time
        self.query_one(MinutesInput).show_minutes(meeting.minutes)
        for key, _label in CHECKLIST:
            checkbox = self.query_one(f"#check-{key}", Checkbox)
            with checkbox.prevent(Checkbox.Changed):
                checkbox.value = meeting.checklist.get(key, False)
        show_text(self.query_one("#meeting-agenda-text", Static), self._agenda_text())
        self._show_status()

    def action_conversation_history(self) -> None:
        from ..screens.history import show_history

        show_history(self.app, self.workbook, self.now().date())

    def action_toggle_held(self) -> None:
        """Say the conversation took place (the thank-you clock starts), or undo that."""
        meeting = self.meeting
        if meeting.planned:
            dated = bool(meeting.date)
            mark_held(meeting, self.now)
            message = "Marked as held: the 24-hour thank-you clock has started."
            if not dated:
                message += f" Dated today, {friendly(meeting.date)}, {meeting.time}."
                self._show_meeting()
        else:
            meeting.status, meeting.held_at = "planned", ""
            message = "Marked as planned again: no thank-you clock until it is held."
        self._save_meeting()
        self._show_status()
        self.notify(message)

    def first_field(self) -> Widget:
        return self.query_one("#capture", Input)

    def _captures(self) -> list[Capture]:
        items = [c for c in self.workbook.all(Capture) if c.meeting_id == self.meeting.id]
        return sorted(items, key=self._capture_order)

    @staticmethod
    def _capture_order(capture: Capture) -> tuple[int, int, str]:
        kind = KIND_ORDER.index(capture.kind) if capture.kind in KIND_ORDER else 99
        return kind, capture.position, capture.created

    def _new_capture(self) -> Capture:
        return Capture(meeting_id=self.meeting.id)

    def _save_meeting(self) -> None:
        self.add(self.meeting)  # written on the first thing typed; meetings are kept

    # -- quick capture -----------------------------------------------------------

    @on(Input.Submitted, "#capture")
    def _captured(self, event: Input.Submitted) -> None:
        captured = parse_capture(event.value, self.now().date())
        feedback = self.query_one(CaptureFeedback)
        if captured is None:
            return
        record = Capture(
            meeting_id=self.meeting.id,
            kind=captured.kind,
            text=captured.text,
            raw=captured.raw,
            owner=captured.owner,
            due=captured.due,
            shareable=sharing.new_is_shareable(self.sharing),
        )
        if self.meeting.planned and self._has_begun():
            mark_held(self.meeting, self.now)  # notes are being taken: it is happening
            self._save_meeting()
            self._show_status()
        elif not self.workbook.get(Meeting, self.meeting.id):
            self._save_meeting()
        captures = self.query_one("#captures-list", RecordList)
        record.position = max((c.position for c in captures.records), default=0) + 1
        self.add(record)
        captures.records = self._captures()
        captures.reload(select=record.id)  # the field was emptied as enter was pressed
        message = f"✓ {record.kind_label}: {record.text}"
        if record.kind == "action":
            due = f", due {friendly(record.due)}" if record.due else ", no due date"
            message += f" (owner: {record.owner}{due})"
        if record.shareable:  # share-safe view: said each time, never asked
            message += f" · {sharing.ADDED_SHAREABLE}"
        else:
            message += " · private until you mark it shareable"
        if captured.problem:  # saved all the same: the date stays in the text as typed
            message += f"\n⚠ {captured.problem}, so it stays in the text. Dates can be {FORMS}."
        feedback.show(message, problem=bool(captured.problem))

    @on(Input.Changed, "#capture")
    def _next_line_typed(self, event: Input.Changed) -> None:
        if event.value:  # not the field emptied as enter was pressed
            self.query_one(CaptureFeedback).fresh = False

    # -- the meeting's details ------------------------------------------------------

    @on(DateInput.Changed, "#meeting-date")
    def _date_changed(self, event: DateInput.Changed) -> None:
        if self.meeting.date != event.stored:
            self.meeting.date = event.stored
            self._save_meeting()

    @on(Input.Changed, "#meeting-time")
    def _time_changed(self, event: Input.Changed) -> None:
        if self.meeting.time != event.value.strip():
            self.meeting.time = event.value.strip()
            self._save_meeting()

    @on(MinutesInput.Length, "#meeting-minutes")
    def _minutes_changed(self, event: MinutesInput.Length) -> None:
        if event.minutes != self.meeting.minutes:
            self.meeting.minutes = event.minutes
            self._save_meeting()

    @on(Checkbox.Changed, ".checklist Checkbox")
    def _ticked(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("check-")
        if self.meeting.checklist.get(key, False) != event.value:
            self.meeting.checklist[key] = event.value
            self._save_meeting()

    def _has_begun(self) -> bool:
        """Its date and time have come: a line typed now is a note of the conversation,
        not a question prepared ahead of it. One not dated yet is still being prepared
        (f3 says when it took place)."""
        start = meeting_start(self.meeting, self.now().tzinfo)
        return start is not None and start <= self.now()

    def reload(self) -> None:
        """Another stage changed captures (Follow-up's action items), this meeting (the
        thank-you marked sent there), or started the next conversation."""
        current = current_meeting(self.workbook)
        if current is not None and current.id != self.meeting.id:
            self.meeting = current
            self._show_meeting()
        else:
            self.meeting = self.workbook.get(Meeting, self.meeting.id) or self.meeting
            self._show_status()
        self.query_one("#captures-list", RecordList).refresh_records()

    # -- question bank and opportunities -------------------------------------------

    def action_insert_question(self) -> None:
        self._pick_question()

    @work(exclusive=True, group="meeting-questions")
    async def _pick_question(self) -> None:
        from ..screens.pick import PickScreen

        question = await self.app.push_screen_wait(
            PickScreen("Questions for this conversation", MEETING_QUESTIONS)
        )
        if question:
            field = self.query_one("#capture", Input)
            field.value = f"q: {question} "
            field.focus()
            field.cursor_position = len(field.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"to_goal", "to_request"}:
            captures = self.query_one("#captures-list", RecordList)
            return captures.table.has_focus and captures.selected is not None
        return True

    def action_to_goal(self) -> None:
        self._promote(Goal)

    def action_to_request(self) -> None:
        self._promote(Request)

    def _promote(self, kind: type[Goal] | type[Request]) -> None:
        captures = self.query_one("#captures-list", RecordList)
        capture = captures.selected
        if not isinstance(capture, Capture):
            return
        if capture.linked_id:
            self.notify("This line already became a goal or a request.", severity="warning")
            return
        record: Record
        if kind is Goal:
            record = Goal(title=capture.text, status="discussed", from_capture=capture.id,
                          shareable=sharing.new_is_shareable(self.sharing),
                          history=[{"status": "discussed",
                                    "date": self.now().date().isoformat()}])
            noun = "goal"
        else:
            record = Request(ask=capture.text, from_capture=capture.id,
                             shareable=sharing.new_is_shareable(self.sharing),
                             ledger=[{"status": "asked", "date": self.now().date().isoformat()}])
            noun = "request"
        self.add(record)
        capture.linked_id = record.id
        if not self.update(capture, captures):
            return
        added = f" ({sharing.ADDED_SHAREABLE})" if self.sharing else ""
        self.notify(f"Added to the Goals stage as a {noun}: {capture.text}{added}")
