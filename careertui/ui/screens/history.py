"""Conversation history: every conversation newest first, and each one whole, read-only.

Everything shown is read from the workbook when the screen opens; nothing here
writes, so looking back can never change what was sent.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ...core import sharing
from ...core.actions import THANK_YOU_WITHIN
from ...core.dates import friendly
from ...core.history import Conversation, conversation, conversation_list, sent_within
from ...core.model import Capture, Goal, Invite, Meeting, Request
from ...core.store import Workbook
from ..closing import unless_closing
from ..widgets.plain import plain

if TYPE_CHECKING:
    from textual.app import App


def show_history(app: App[Any], workbook: Workbook, today: date) -> None:
    """Open the history over whatever is on screen (the palette, the Meeting stage's key)."""
    app.push_screen(HistoryScreen(workbook, today))


def _when(meeting: Meeting) -> str:
    day = friendly(meeting.date) if meeting.date else "No date yet"
    return f"{day}, {meeting.time}" if meeting.time else day


class HistoryScreen(ModalScreen[None]):
    """Every conversation, newest first: enter opens one."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="close-dialog")]

    def __init__(self, workbook: Workbook, today: date) -> None:
        super().__init__()
        self.workbook = workbook
        self.today = today

    def compose(self) -> ComposeResult:
        box = Vertical(id="history-box", classes="dialog wide-dialog")
        box.border_title = "Conversation history"
        box.border_subtitle = "enter opens one · escape closes"
        with box:
            table: DataTable[object] = DataTable(id="history-table", cursor_type="row",
                                                 zebra_stripes=True)
            yield table
            yield Static("", id="history-empty", classes="dialog-note")

    @unless_closing
    def on_mount(self) -> None:
        table = self.query_one("#history-table", DataTable)
        table.add_columns("When", "Minutes", "Agreed", "Done", "Dropped", "Open", "Thank-you")
        rows = conversation_list(self.workbook.all(Meeting), self.workbook.all(Capture))
        for row in rows:
            meeting = row.meeting
            day = friendly(meeting.date) if meeting.date else "No date yet"
            table.add_row(plain(day), meeting.minutes, row.agreed, row.done, row.dropped,
                          row.open, plain(row.thank_you), key=meeting.id)
        empty = self.query_one("#history-empty", Static)
        if rows:
            empty.update(f"{len(rows)} conversation{'s' if len(rows) != 1 else ''}. "
                         "Looking back changes nothing.")
        else:
            empty.update("No conversations yet: the Meeting stage starts the first one.")
        table.focus()

    @on(DataTable.RowSelected, "#history-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        meeting = self.workbook.get(Meeting, str(event.row_key.value))
        if meeting is None:
            return
        book = self.workbook
        whole = conversation(meeting, book.all(Invite), book.all(Capture), book.all(Goal),
                             book.all(Request), self.today)
        state = getattr(book, "sharing", None)
        self.app.push_screen(ConversationScreen(
            whole, state if isinstance(state, sharing.ShareSafe) and state.hiding else None))


class ConversationScreen(ModalScreen[None]):
    """One conversation whole, as it was: read-only."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="close-dialog")]

    def __init__(self, whole: Conversation, hiding: sharing.ShareSafe | None = None) -> None:
        super().__init__()
        self.whole = whole
        self.hiding = hiding
        """While share-safe view is on: a draft that quotes a private item is hidden
        whole, as on the stages (the records themselves come already filtered)."""

    def _draft(self, text: str) -> str:
        if self.hiding is None or not text or self.hiding.shows(text):
            return text
        return sharing.hidden_draft_line(text, self.hiding.words())

    def compose(self) -> ComposeResult:
        whole, meeting = self.whole, self.whole.meeting
        box = Vertical(id="conversation-box", classes="dialog wide-dialog")
        box.border_title = f"Conversation of {_when(meeting)}"
        box.border_subtitle = "read-only · ↑↓ scroll · escape goes back"
        with box, VerticalScroll(id="conversation-scroll"):
            status = "planned" if meeting.planned else "held"
            yield Static(plain(f"{meeting.minutes} minutes · {status}"), classes="dialog-note")
            yield from self._section("Agenda as sent", self._draft(meeting.agenda.strip()),
                                     "No agenda was kept for this one.", "conversation-agenda")
            yield from self._section("Invite", self._draft(self._invite(whole.invite)),
                                     "No invite was kept for this one.", "conversation-invite")
            yield from self._section("What was said", self._heard(),
                                     "Nothing was captured.", "conversation-heard")
            yield from self._section("Thank-you", self._draft(self._thank_you()),
                                     "No thank-you yet.", "conversation-thank-you")
            yield from self._section("Action items", self._actions(),
                                     "No action items were agreed.", "conversation-actions")
            yield from self._section("Goals and requests that came from it", self._grown(),
                                     "None so far.", "conversation-grown")

    @staticmethod
    def _section(title: str, text: str, empty: str, widget_id: str) -> ComposeResult:
        yield Static(title, classes="section-title")
        yield Static(plain(text) if text else empty, id=widget_id,
                     classes="conversation-text" if text else "dialog-hint")

    @staticmethod
    def _invite(invite: Invite | None) -> str:
        if invite is None or not (invite.body.strip() or any(not s.blank for s in invite.slots)):
            return ""
        lines = []
        slots = [s.words for s in invite.slots if not s.blank]
        if slots:
            lines.append("Times offered: " + "; ".join(slots))
        if invite.subject.strip():
            lines.append(f"Subject: {invite.subject.strip()}")
        if invite.body.strip():
            lines += ["", invite.body.strip()]
        return "\n".join(lines)

    def _heard(self) -> str:
        lines = []
        for label, captures in self.whole.heard:
            lines.append(f"{label}:")
            lines += [f"  • {c.text}" for c in captures]
        return "\n".join(lines)

    def _thank_you(self) -> str:
        meeting = self.whole.meeting
        if not (meeting.thank_you_body.strip() or meeting.thank_you_sent_at):
            return ""
        lines = []
        if meeting.thank_you_sent_at:
            try:
                sent = datetime.fromisoformat(meeting.thank_you_sent_at)
            except ValueError:
                lines.append(f"Sent {meeting.thank_you_sent_at}")
            else:
                when = f"Sent {friendly(sent.date())}, {sent:%H:%M}"
                after = sent_within(meeting)
                if after is not None:
                    hours = max(0, int(after.total_seconds() // 3600))
                    late = "within 24 hours" if after <= THANK_YOU_WITHIN else "after 24 hours"
                    when += f", {hours} h after the conversation ({late})"
                lines.append(when + ".")
        else:
            lines.append("Not marked sent.")
        if meeting.thank_you_subject.strip():
            lines += ["", f"Subject: {meeting.thank_you_subject.strip()}"]
        if meeting.thank_you_body.strip():
            lines += ["", meeting.thank_you_body.strip()]
        return "\n".join(lines)

    def _actions(self) -> str:
        lines = []
        for item, outcome in self.whole.actions:
            owner = item.owner.strip() or "no owner"
            due = f"due {friendly(item.due)}" if item.due else "no due date"
            lines.append(f"• {item.text} ({owner}, {due}): {outcome}")
        return "\n".join(lines)

    def _grown(self) -> str:
        lines = [f"• Goal: {g.title} ({g.status})" for g in self.whole.goals]
        lines += [f"• Request: {r.ask} ({r.status})" for r in self.whole.requests]
        return "\n".join(lines)

    @unless_closing
    def on_mount(self) -> None:
        self.query_one("#conversation-scroll").focus()
