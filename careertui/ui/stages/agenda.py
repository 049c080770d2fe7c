"""The Agenda stage: the agenda you send before the conversation.

Drafted from shareable records, then edited freely as Markdown beside a live
preview. Redrafting never replaces edited text without asking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Static

from ...core import sharing
from ...core.dates import friendly, iso_or_none
from ...core.drafting import text_file
from ...core.drafting.agenda import AgendaInputs, draft_agenda
from ...core.drafting.privacy import describe_mentions, private_mentions
from ...core.drafting.workbook_export import WorkbookContents
from ...core.meetings import current_meeting, first_slot, invite_for, planned_meeting
from ...core.model import (
    Achievement,
    CareerPath,
    Goal,
    Invite,
    Meeting,
    Reflection,
    Request,
)
from ...core.since import since_in, start_next
from ..closing import unless_closing
from ..widgets.markdown_editor import MarkdownEditor
from ..widgets.plain import show_text
from .base import Stage

HIDDEN_NOT_COPIED = ("The agenda quotes private items, so while share-safe view is on it is "
                     "neither copied nor exported. f2 redrafts it from shareable records.")


class AgendaStage(Stage):
    TITLE = "Agenda"
    ABOUT = (
        "Send an agenda a day or two ahead so your manager can come prepared. f2 drafts one "
        "from your shareable records; edit it freely, the preview follows as you type."
    )

    SHOWS = frozenset({"profile", Achievement.TABLE, CareerPath.TABLE, Goal.TABLE,
                       Request.TABLE, Meeting.TABLE, Invite.TABLE, Reflection.TABLE})
    """What a draft is made of: an agenda not edited by hand follows it, like the emails."""

    BINDINGS = [
        Binding("f2", "draft", "Draft", id="draft"),
        Binding("f3", "copy_agenda", "Copy", id="copy-draft"),
        Binding("f4", "export_agenda", "Export", id="export-draft"),
        # From a button: the editor's own f6 only hears keys while the cursor is in it.
        Binding("f6", "to_editor", "Editor", id="show-editor"),
    ]

    edited: reactive[bool] = reactive(False, init=False)
    """The text differs from the last draft: redrafting must ask first."""

    def compose(self) -> ComposeResult:
        yield from self.compose_intro()
        yield Static("", id="agenda-status", classes="draft-status", markup=False)
        yield Static("", id="agenda-hidden", classes="draft-hidden", markup=False)
        yield MarkdownEditor(
            self.text,
            placeholder="Press f2 to draft an agenda from your shareable records, "
            "or start typing Markdown here.",
            flip=True,
            id="agenda-editor",
        )
        with Horizontal(classes="button-bar"):
            yield Button("Draft from workbook  f2", id="agenda-draft", variant="primary",
                         compact=True)
            yield Button("Copy agenda  f3", id="agenda-copy", compact=True)
            yield Button("Export agenda  f4", id="agenda-export", compact=True)

    @unless_closing
    def on_mount(self) -> None:
        self._refresh_status()

    def hidden(self) -> bool:
        """While sharing, an agenda that quotes a private item is not shown at all."""
        return self.sharing and bool(self.private_mentions())

    def first_field(self) -> Widget:
        return self.query_one(MarkdownEditor).text_area

    def before_entering(self) -> None:
        """Back on the Agenda, the cursor is in the editor, shown even if the preview
        took its place (80 columns) when the person left."""
        self.query_one(MarkdownEditor).remove_class("-show-preview")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_editor":  # in the editor, its own f6 says Preview or Editor
            focused = self.app.focused
            return focused is None or self.query_one(MarkdownEditor) not in focused.ancestors
        return True

    def action_to_editor(self) -> None:
        self.query_one(MarkdownEditor).action_show_editor()

    def conversation(self) -> Meeting | None:
        """The conversation whose agenda this is: the one being prepared."""
        return current_meeting(self.workbook)

    @property
    def text(self) -> str:
        meeting = self.conversation()
        return meeting.agenda if meeting is not None else ""

    def _is_edited(self) -> bool:
        meeting = self.conversation()
        if meeting is None:
            return False
        return bool(meeting.agenda.strip()) and meeting.agenda != meeting.agenda_drafted

    def _write(self, text: str, drafted: tuple[str, str] | None = None) -> None:
        """Keep the agenda on its conversation; the first words typed with none yet
        start a planned one."""
        meeting = self.conversation()
        if meeting is None:
            if not text and drafted is None:
                return
            meeting = planned_meeting(self.workbook)
        elif meeting.agenda == text and drafted is None:
            return
        meeting.agenda = text
        if drafted is not None:
            meeting.agenda_drafted, meeting.agenda_drafted_at = drafted
        self.add(meeting)

    def _refresh_status(self) -> None:
        self.edited = self._is_edited()
        status = self.query_one("#agenda-status", Static)
        meeting = self.conversation()
        drafted_at = meeting.agenda_drafted_at if meeting is not None else ""
        minutes = self.workbook.profile().meeting_minutes
        if not self.text.strip():
            message = f"No agenda yet: f2 drafts one for a {minutes}-minute meeting."
        elif meeting is not None and not meeting.planned:
            when = f" of {friendly(meeting.date)}" if meeting.date else ""
            drafted = f" (drafted {drafted_at})" if drafted_at else ""
            message = (f"The agenda of your conversation{when}{drafted}, which has taken "
                       "place. f2 starts the next conversation's.")
        elif drafted_at:
            message = f"Drafted {drafted_at}" + (", edited since." if self.edited else ".")
        else:
            message = "Written by hand."
        mentions = self.private_mentions()
        hidden = self.sharing and bool(mentions)
        if hidden:
            message = "⚠ Not ready to share. f2 redrafts it from shareable records."
        elif mentions:
            message = f"⚠ Not ready to share: {describe_mentions(mentions)}. f2 redrafts."
        self._show_hidden(hidden)
        show_text(status, message)
        status.set_class(bool(self.text.strip()) and not mentions, "-ok")
        status.set_class(bool(mentions), "-warning")

    def private_mentions(self) -> list[str]:
        """Words of records marked private since the agenda quoted them."""
        return private_mentions(self.text, WorkbookContents.of(self.whole_workbook).records())

    def _show_hidden(self, hidden: bool) -> None:
        """Hide the editor and its preview while sharing an agenda that quotes private
        items: one line says why, and nothing can be typed over text not shown."""
        line = self.query_one("#agenda-hidden", Static)
        words = sharing.hidden_draft_line(self.text, self.private_words()) if hidden else ""
        show_text(line, words)
        line.display = hidden
        self.query_one(MarkdownEditor).display = not hidden

    def reload(self) -> None:
        """Something the agenda is drafted from changed: an agenda not edited by hand is
        drafted afresh (a goal made private leaves it); an edited one is kept and says
        if it now mentions something private."""
        meeting = self.conversation()
        follows = meeting is None or meeting.planned  # a held one's agenda is as sent
        if follows and self.text.strip() and not self._is_edited():
            draft = self.new_draft()
            if draft != self.text:
                self._use_draft(draft)
                return
        editor = self.query_one(MarkdownEditor)
        if editor.text != self.text:
            editor.set_text(self.text)
        self._refresh_status()

    @on(MarkdownEditor.Changed, "#agenda-editor")
    def _text_changed(self, event: MarkdownEditor.Changed) -> None:
        self._write(event.text)
        if self._is_edited() != self.edited or not event.text.strip():
            self._refresh_status()

    # -- drafting ----------------------------------------------------------------

    def meeting_date(self) -> date | None:
        """The conversation's date: the meeting record's, else the invite's first
        proposed slot that names a date; None when neither says."""
        meeting = self.conversation()
        if meeting is not None and iso_or_none(meeting.date):
            return iso_or_none(meeting.date)
        return iso_or_none(first_slot(invite_for(self.workbook, meeting).slots)[0])

    def new_draft(self) -> str:
        book = self.workbook
        return draft_agenda(
            AgendaInputs(
                profile=book.profile(),
                achievements=book.all(Achievement),
                paths=book.all(CareerPath),
                goals=book.all(Goal),
                requests=book.all(Request),
                meeting_date=self.meeting_date(),
                reflections=book.all(Reflection),
                since=since_in(book, self.conversation(), self.now().date()),
            )
        )

    def _use_draft(self, draft: str) -> None:
        self._write(draft, (draft, f"{self.now():%a %-d %b %Y, %H:%M}"))
        self.query_one(MarkdownEditor).set_text(draft)
        self._refresh_status()

    @on(Button.Pressed, "#agenda-draft")
    def action_draft(self) -> None:
        self._draft()

    def action_prepare_next(self) -> None:
        self._prepare_next()

    @work(exclusive=True, group="agenda-draft")
    async def _prepare_next(self) -> None:
        await self._start_next()

    async def _start_next(self) -> None:
        """Plan the next conversation (or go on with the one already planned) and draft its
        agenda from what happened since the last; the agendas of held ones stay as sent."""
        with self.workbook.changes_from(self):
            meeting, new = start_next(self.workbook)
        self.query_one(MarkdownEditor).set_text(meeting.agenda)
        self._refresh_status()
        if await self._redraft(quiet=True):
            when = friendly(meeting.date) if meeting.date else "a date still to set"
            self.notify(("Started your next conversation" if new else
                         "Went on with the conversation you are planning") +
                        f" ({when}). Its agenda starts with what happened since the last "
                        "one; only shareable records are in it.")

    @work(exclusive=True, group="agenda-draft")
    async def _draft(self) -> None:
        meeting = self.conversation()
        if meeting is not None and not meeting.planned and meeting.agenda.strip():
            from ..screens.confirm import ChoiceDialog

            when = friendly(meeting.date) if meeting.date else "your last conversation"
            answer = await self.app.push_screen_wait(
                ChoiceDialog(
                    "Start the next conversation's agenda?",
                    f"This agenda went with the conversation of {when}, which has taken "
                    "place, and stays as it was. A new draft starts your next conversation.",
                    [("keep", "Cancel"), ("next", "Start the next one")],
                    escape_choice="keep",
                )
            )
            if answer != "next":
                self.notify("Your agenda is unchanged.")
                return
            await self._start_next()
            return
        if await self._redraft():
            self.notify("Agenda drafted from your shareable records. Private notes are left out.")

    async def _redraft(self, quiet: bool = False) -> bool:
        """Draft the agenda of the conversation being prepared, asking before replacing
        edited text; False if the person kept theirs."""
        draft = self.new_draft()
        if self._is_edited() and draft != self.text:
            from ..screens.confirm import ChoiceDialog

            answer = await self.app.push_screen_wait(
                ChoiceDialog(
                    "Replace your edited agenda?",
                    "You have changed the agenda since it was drafted. A new draft would "
                    "replace your text (ctrl+z in the editor brings it back).",
                    [("keep", "Keep mine"), ("beside", "Show the draft beside it"),
                     ("replace", "Replace")],
                    escape_choice="keep",
                )
            )
            if answer == "beside":
                from ..screens.draft_beside import DraftBesideScreen

                answer = await self.app.push_screen_wait(
                    DraftBesideScreen("A new draft of your agenda", draft)
                )
            if answer != "replace":
                self.notify("Your agenda is unchanged.")
                return False
        self._use_draft(draft)
        return True

    # -- copy and export -----------------------------------------------------------

    @on(Button.Pressed, "#agenda-copy")
    async def action_copy_agenda(self) -> None:
        if self.hidden():
            self.notify(HIDDEN_NOT_COPIED, severity="warning")
            return
        if not self.text.strip():
            self.notify("The agenda is empty: press f2 on the Agenda stage to draft it.",
                        severity="warning")
            return
        await self.copy_out(self.text, "Agenda", describe_mentions(self.private_mentions()))

    @on(Button.Pressed, "#agenda-export")
    def action_export_agenda(self) -> None:
        if self.hidden():
            self.notify(HIDDEN_NOT_COPIED, severity="warning")
            return
        if not self.text.strip():
            self.notify("The agenda is empty: nothing to export yet.", severity="warning")
            return
        self._export()

    @work(exclusive=True, group="agenda-export")
    async def _export(self) -> None:
        day = self.meeting_date() or self.now().date()
        name = f"agenda-{day.isoformat()}.md"
        await self.export_out(Path.cwd() / name, text_file(self.text), "the agenda",
                              describe_mentions(self.private_mentions()))
