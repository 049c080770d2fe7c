"""One email draft, as Invite and Follow-up both show it.

The subject, a status line, the Markdown editor with its preview, and the
buttons to copy it, save it as `.eml`, open it in a mail app or redraft it.
The draft follows its sources (the fields around it, the meeting) until the
person edits it by hand: from then on their words are kept, and redrafting
asks first. Each stage lends the widget a small `DraftSource`: how to draft,
where the email is kept, and who it goes to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Static

from ...core import sharing as share_rule
from ...core.drafting.emails import Email, StoredDraft, mailto_url, recipient, to_eml
from ...core.drafting.placeholders import IN_PROFILE, describe_unfilled
from ...core.drafting.privacy import PrivateWords, describe_mentions
from ...core.model import Record
from ..closing import unless_closing
from .markdown_editor import NARROW_BELOW, MarkdownEditor
from .plain import show_text

REDRAFT_DELAY = 0.12
"""Seconds after the last change to a source before the email is redrafted:
typing a name stays instant, and the draft follows a moment later."""


def draft_bindings(copy_action: str) -> list[BindingType]:
    """The same keys on every stage with an email: f2 redraft, f3 copy, f4 `.eml`.

    They sit on the stage (not the widget) so they work from any field on it.
    """
    return [
        Binding("f2", "redraft", "Redraft", id="redraft"),
        Binding("f3", copy_action, "Copy", id="copy-draft"),
        Binding("f4", "save_eml", ".eml", id="export-draft"),
    ]


class DraftActions:
    """A stage's email keys and palette commands, handed to its `EmailDraft` (`self.draft`):
    the stage holds them so they work from any of its fields and from the palette."""

    draft: EmailDraft

    def action_copy_draft(self) -> None:
        self.draft.copy()

    def action_save_eml(self) -> None:
        self.draft.save_eml()

    def action_open_mail(self) -> None:
        self.draft.open_mail()

    def action_redraft(self) -> None:
        self.draft.redraft()


@dataclass(frozen=True)
class DraftSource:
    """What a stage lends its email draft."""

    what: str
    """The email's name in notices: "Meeting request email"."""
    file_stem: str
    """The `.eml` file's name before the date: "meeting-request"."""
    drafted_from: str
    """What a redraft writes from, for the question before replacing edits."""
    draft: Callable[[], Email]
    """A fresh draft from the sources as they are now."""
    load: Callable[[], StoredDraft | None]
    """The email as kept, or None while there is nothing to draft from."""
    save: Callable[[StoredDraft, bool], None]
    """Keep the email; write it to the workbook when the flag is True."""
    recipient: Callable[[], tuple[str, str]]
    """The name and address the email goes to."""
    sender: Callable[[], tuple[str, str]] = lambda: ("", "")
    """The name and address it is from: the person's own (the `.eml`'s From)."""
    missing: str = "Nothing to draft from yet."
    """Said when an action is asked for while `load` gives None."""
    fill_where: str = IN_PROFILE
    """Where the fields that fill a placeholder are, in the warning: "in the fields above"."""
    sent: Callable[[], str] = lambda: ""
    """Once the email was sent, the status line says so ("Sent Fri 27 Nov, 14:05")
    instead of "Ready to send."; "" while it is not sent."""
    problems: Callable[[], Sequence[str]] = lambda: ()
    """What is wrong in its sources beside the email itself (a proposed time no calendar
    can read): the status line names it instead of saying "Ready to send"."""
    records: Callable[[], Sequence[Record]] = lambda: ()
    """Every record of the workbook: an email that quotes one made private since (a goal
    in the agenda it includes, an action item) is "Not ready to share", and copying,
    saving or opening it says so."""
    attachment: Callable[[], tuple[bytes, Callable[[], None]] | None] = lambda: None
    """A calendar file to attach to the `.eml` (the proposed times) and what to do once
    the file is written, or None."""
    sharing: Callable[[], bool] = lambda: False
    """Share-safe view is on: an email that quotes a private item is hidden whole, and
    neither copied, saved nor opened."""


class EmailDraft(Vertical):
    """An email the person finishes and sends: see the module's docstring."""

    DEFAULT_CSS = """
    EmailDraft {
        height: auto;
    }
    EmailDraft.-fill {
        height: 1fr;
    }
    EmailDraft.-fill.-narrow {
        height: auto;
    }
    EmailDraft > .form-row > Input {
        width: 1fr;
    }
    """

    unfilled: reactive[tuple[str, ...]] = reactive((), init=False, always_update=True)
    """Placeholders still in the subject or body: listed in the status line, marked
    in the preview."""

    def __init__(
        self,
        source: DraftSource,
        *,
        id_prefix: str,
        mail_button: bool = True,
        buttons: Sequence[Button] = (),
        fill: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="-fill" if fill else None)
        self.source = source
        self.prefix = id_prefix
        self._mail_button = mail_button
        self._buttons = tuple(buttons)
        self._timer: Timer | None = None
        self._private: PrivateWords | None = None
        """The workbook's private words, gathered when first needed after a change."""
        self.mentions: tuple[str, ...] = ()
        """Private words the email quotes, as the status line last said."""
        stored = source.load()
        if stored is not None and not stored.body:
            self._keep(source.draft(), write=False)  # shown at once, written on first change

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        stored = self.source.load() or StoredDraft("", "", "")
        prefix = self.prefix
        with Horizontal(classes="form-row"):
            yield Label("Subject", classes="form-label")
            yield Input(stored.subject, id=f"{prefix}-subject", compact=True,
                        select_on_focus=False)
        yield Static("", id=f"{prefix}-status", classes="draft-status", markup=False)
        yield Static("", id=f"{prefix}-hidden", classes="draft-hidden", markup=False)
        yield MarkdownEditor(stored.body, breaks=True, id=f"{prefix}-body")
        with Horizontal(classes="button-bar"):
            yield Button("Copy email  f3", id=f"{prefix}-copy", variant="primary", compact=True)
            yield Button("Save .eml  f4", id=f"{prefix}-eml", compact=True)
            if self._mail_button:
                yield Button("Open in mail app", id=f"{prefix}-mailto", compact=True)
            yield from self._buttons
            yield Button("Redraft  f2", id=f"{prefix}-redraft", compact=True)

    @unless_closing
    def on_mount(self) -> None:
        self.on_resize()
        self.refresh_status()

    def on_resize(self) -> None:
        """Stacked like the editor on narrow terminals, where the stage scrolls."""
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")

    @property
    def editor(self) -> MarkdownEditor:
        return self.query_one(MarkdownEditor)

    @property
    def subject_input(self) -> Input:
        return self.query_one(f"#{self.prefix}-subject", Input)

    # -- the draft and its sources -----------------------------------------------

    @property
    def edited(self) -> bool:
        """The body was changed by hand since it was last drafted."""
        stored = self.source.load()
        return stored is not None and stored.edited

    def _keep(self, email: Email, *, write: bool = True) -> None:
        self.source.save(StoredDraft(email.subject, email.body, email.body), write)
        if self.is_mounted:
            subject = self.subject_input
            with subject.prevent(Input.Changed):
                subject.value = email.subject
            self.editor.set_text(email.body)
            self.refresh_status()

    def private_mentions(self, text: str) -> list[str]:
        """Words of records marked private that `text` quotes."""
        if self._private is None:
            self._private = PrivateWords.of(self.source.records())
        return self._private.mentions(text)

    def follow(self) -> None:
        """A source changed: redraft a moment later, unless the person edited the email."""
        self._private = None  # a record may have been made private
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(REDRAFT_DELAY, self._follow_now)

    def _follow_now(self) -> None:
        self._timer = None
        stored = self.source.load()
        if stored is None or self.source.sent():
            self.refresh_status()  # an email sent stays as it was sent
        elif not stored.body or not stored.edited:
            self._keep(self.source.draft())
        else:
            self.refresh_status()  # edited words are never touched

    def show(self) -> None:
        """Show the email as kept now (another stage changed it, or a new meeting)."""
        self._private = None
        stored = self.source.load()
        if stored is not None and not stored.body:
            self._keep(self.source.draft(), write=False)
            return
        stored = stored or StoredDraft("", "", "")
        subject = self.subject_input
        if subject.value != stored.subject:
            with subject.prevent(Input.Changed):
                subject.value = stored.subject
        if self.editor.text != stored.body:
            self.editor.set_text(stored.body)
        self.refresh_status()

    def refresh_status(self) -> None:
        stored = self.source.load()
        if stored is None:
            self.mentions = ()
            self.unfilled = ()
            show_text(self.query_one(f"#{self.prefix}-status", Static), "")
            return
        self.mentions = tuple(self.private_mentions(f"{stored.subject}\n{stored.body}"))
        self._show_hidden(f"{stored.subject}\n{stored.body}")
        self.unfilled = tuple(Email.as_edited(stored.subject, stored.body).unfilled)

    @property
    def hidden(self) -> bool:
        """While sharing, an email that quotes a private item is not shown at all."""
        return bool(self.mentions) and self.source.sharing()

    def _show_hidden(self, text: str) -> None:
        """The subject and body give way to one line while `hidden`: hiding only the
        quoted words would show the sentence around them."""
        hidden = self.hidden
        line = self.query_one(f"#{self.prefix}-hidden", Static)
        if hidden:
            assert self._private is not None  # gathered by `private_mentions` just now
            show_text(line, share_rule.hidden_draft_line(text, self._private))
        else:
            show_text(line, "")
        line.display = hidden
        self.subject_input.parent.display = not hidden  # type: ignore[union-attr]
        self.editor.display = not hidden

    def refuse_hidden(self) -> bool:
        """Say so and return True when the email may not leave the app now."""
        if self.hidden:
            self.notify(f"{self.source.what} quotes private items, so while share-safe "
                        "view is on it is neither copied, saved nor opened. f2 redrafts it.",
                        severity="warning")
            return True
        return False

    def watch_unfilled(self, unfilled: tuple[str, ...]) -> None:
        """The line under the subject: ready, or what is private or left to fill."""
        if self.source.load() is None:
            return
        status = self.query_one(f"#{self.prefix}-status", Static)
        kept = " Your edits are kept; f2 redrafts." if self.edited else ""
        sent = self.source.sent()
        problems = []
        if self.hidden:  # the quoted words are not repeated on a shared screen
            problems.append("Not ready to share.")
        elif self.mentions:
            problems.append(f"Not ready to share: {describe_mentions(list(self.mentions))}.")
        if unfilled:
            problems.append(f"{describe_unfilled(list(unfilled), self.source.fill_where)}.")
        problems += [f"{problem}." for problem in self.source.problems()]
        if sent:
            show_text(status, f"{sent}.")
        elif problems:
            show_text(status, f"⚠ {' '.join(problems)}{kept}")
        else:
            show_text(status, f"Ready to send.{kept}")
        status.set_class(bool(problems) and not sent, "-warning")
        status.set_class(not problems or bool(sent), "-ok")
        self.editor.preview.highlights = unfilled

    def current(self) -> Email | None:
        """The email as it stands now, edits and pending source changes included;
        None (and the person told why) while there is nothing to draft from."""
        if self._timer is not None:
            self._timer.stop()
            self._follow_now()
        stored = self.source.load()
        if stored is None:
            self.notify(self.source.missing, severity="warning")
            return None
        if not stored.body.strip():
            return self.source.draft()
        return Email.as_edited(stored.subject, stored.body)

    # -- typing --------------------------------------------------------------------

    @on(Input.Changed)
    def _subject_changed(self, event: Input.Changed) -> None:
        event.stop()
        stored = self.source.load()
        if stored is not None and stored.subject != event.value:
            self.source.save(stored._replace(subject=event.value), True)
            self.refresh_status()

    @on(MarkdownEditor.Changed)
    def _body_changed(self, event: MarkdownEditor.Changed) -> None:
        event.stop()
        stored = self.source.load()
        if stored is not None and stored.body != event.text:
            self.source.save(stored._replace(body=event.text), True)
            self.refresh_status()

    # -- actions ---------------------------------------------------------------------

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions: dict[str, Callable[[], object]] = {
            f"{self.prefix}-copy": self.copy,
            f"{self.prefix}-eml": self.save_eml,
            f"{self.prefix}-mailto": self.open_mail,
            f"{self.prefix}-redraft": self.redraft,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            event.stop()
            action()

    @work(exclusive=True, group="email-copy")
    async def copy(self) -> None:
        """Copy the subject and body through the app's one clipboard helper."""
        from ..clipboard import copy_text

        email = self.current()
        if email is None or self.refuse_hidden():
            return
        result = await copy_text(self.app, email.as_text())
        message = result.notice(self.source.what)
        warning = "; ".join(w for w in (
            describe_mentions(self.private_mentions(email.as_text())),
            describe_unfilled(email.unfilled, self.source.fill_where)) if w)
        if warning:
            message = f"{message}\nNote: {warning}."
        self.notify(message, title="Copied" if not result.problem else "Copy",
                    severity="warning" if warning or result.problem else "information",
                    timeout=10)

    @work(exclusive=True, group="email-export")
    async def save_eml(self) -> None:
        """Ask where, save a `.eml` from the person to `Name <address>`, and say what is
        unfilled."""
        from ..screens.save_file import save_to_chosen_file

        email = self.current()
        if email is None or self.refuse_hidden():
            return
        name, address = self.source.recipient()
        attached = self.source.attachment()
        payload = to_eml(email.subject, email.body, name=name, address=address,
                         sender=self.source.sender(),
                         calendar=attached[0] if attached is not None else None,
                         calendar_name=f"{self.source.file_stem}.ics")
        clock = getattr(self.app, "clock", None)  # fixed in tests
        today = (clock() if clock is not None else datetime.now().astimezone()).date()
        default = Path.cwd() / f"{self.source.file_stem}-{today.isoformat()}.eml"
        what = f"the {self.source.what[:1].lower()}{self.source.what[1:]}"
        privacy = describe_mentions(self.private_mentions(email.as_text()))
        warning = "; ".join(part for part in (privacy, *self.source.problems()) if part)
        written = await save_to_chosen_file(self.app, default, payload, what, warning)
        if written is None:
            return
        if attached is not None:
            attached[1]()
        problems = []
        if email.unfilled:
            problems.append(describe_unfilled(email.unfilled, self.source.fill_where))
        if address.strip() and recipient(name, address) is None:
            problems.append(f"“{address.strip()}” does not look like an email address, "
                            "so the file has no To")
        if problems:
            self.notify(".\n".join(problems) + ".", severity="warning", timeout=10)

    def open_mail(self) -> None:
        """Only on a desktop, and detached: a console browser must never take the terminal."""
        from ...core.desktop import open_detached

        email = self.current()
        if email is None or self.refuse_hidden():
            return
        _, address = self.source.recipient()
        problem = open_detached(mailto_url(email.subject, email.body, address.strip()))
        privacy = describe_mentions(self.private_mentions(email.as_text()))
        if problem is None and privacy:
            self.notify(f"Asked your mail app to open a new message.\nNote: {privacy}.",
                        severity="warning", timeout=10)
        elif problem is None:
            self.notify("Asked your mail app to open a new message.")
        else:
            self.notify(
                f"No mail app could be opened: {problem}. "
                "Use Copy email (f3) or Save .eml (f4) instead.",
                severity="warning",
                timeout=10,
            )

    @work(exclusive=True, group="email-redraft")
    async def redraft(self) -> None:
        """Write the email afresh; ask first when the person has edited it."""
        if self.source.load() is None:
            self.notify(self.source.missing, severity="warning")
            return
        if self.edited and not await self._confirm_replace():
            return
        self._keep(self.source.draft())
        self.notify(f"{self.source.what} redrafted from {self.source.drafted_from}.")

    async def _confirm_replace(self) -> bool:
        from ..screens.confirm import ChoiceDialog

        answer = await self.app.push_screen_wait(
            ChoiceDialog(
                "Replace your edits?",
                f"You have edited this email. Redrafting writes it afresh from "
                f"{self.source.drafted_from} (ctrl+z in the editor brings your text back).",
                [("keep", "Keep mine"), ("replace", "Replace")],
                escape_choice="keep",
            )
        )
        return answer == "replace"
