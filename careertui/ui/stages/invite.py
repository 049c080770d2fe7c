"""The Invite stage: the email that asks for the conversation.

The email is drafted from the profile and the fields here, and redrafted as
those change, until the person edits it by hand: from then on their words
are kept, and `Redraft` asks before replacing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from ...core.dates import friendly, iso_or_none, parse_time
from ...core.drafting.emails import Email, StoredDraft, meeting_request
from ...core.drafting.workbook_export import RECORD_TABLES, WorkbookContents
from ...core.meetings import current_meeting, invite_for, planned_meeting
from ...core.model import Invite, Meeting, Profile, Record, Slot
from ...core.since import previous_conversation
from ...core.store import Workbook
from ..closing import unless_closing
from ..widgets.email_draft import DraftActions, DraftSource, EmailDraft, draft_bindings
from ..widgets.fields import DateInput, TickBox, TimeInput
from ..widgets.minutes import MinutesInput
from ..widgets.plain import plain, show_text
from .base import Stage

if TYPE_CHECKING:
    from ...core.calendar import CalendarFile

SLOT_EXAMPLES = (("tue", "10:00"), ("2026-12-02", "14:30"), ("+1w", "9:00"))
"""Three times to offer, as examples short enough to show whole at 80 columns."""


class InviteStage(DraftActions, Stage):
    TITLE = "Invite"
    ABOUT = (
        "Ask for the meeting in writing: calling it a career development conversation tells "
        "your manager what to expect. The draft follows the fields until you edit it."
    )

    SHOWS = frozenset({"profile", Invite.TABLE, *RECORD_TABLES})
    """Every record too: the email says when it quotes one made private since."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *draft_bindings("copy_email"),
        Binding("f9", "save_ics", ".ics", id="save-ics"),
    ]

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.invite = invite_for(workbook, current_meeting(workbook))
        self._shown: dict[str, str] = {}
        """Each profile field's stored value as last shown in it or typed into it: a
        field is rewritten only when the stored value moved on from that (changed
        elsewhere), never because it lags behind keys still on their way."""
        self.draft = EmailDraft(
            DraftSource(
                what="Meeting request email",
                file_stem="meeting-request",
                drafted_from="your profile and the Invite fields",
                draft=self._draft,
                load=self._load,
                save=self._save,
                recipient=self.manager_address,
                sender=self.own_address,
                fill_where="in the fields above",
                sent=self._asked_for_past,
                problems=self._unreadable_times,
                records=self._records,
                sharing=lambda: self.sharing,
                attachment=self._attachment,
            ),
            id_prefix="invite",
            fill=True,
        )

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        profile = self.workbook.profile()
        invite = self.invite
        self._shown = self._profile_values()  # the fields below start with these
        yield from self.compose_intro()
        with Horizontal(classes="form-row"):
            yield Label("To", classes="form-label")
            yield Input(
                profile.manager_name, placeholder="Manager's name", id="invite-manager",
                compact=True, select_on_focus=False,
            )
            yield Input(
                profile.manager_email, placeholder="manager@example.com", id="invite-email",
                compact=True, select_on_focus=False,
            )
            yield Label("Minutes", classes="form-label-inline")
            yield MinutesInput(profile.meeting_minutes, id="invite-minutes")
        with Horizontal(classes="form-row"):
            yield Label("Hi", classes="form-label")
            yield Input(
                profile.greeting, placeholder="Greeting name (the manager's first name)",
                id="invite-greeting", compact=True, select_on_focus=False,
            )
            yield Label("From", classes="form-label-inline invite-pair")
            yield Input(profile.name, placeholder="Your name", id="invite-name", compact=True,
                        select_on_focus=False)
        with Horizontal(classes="form-row"):
            yield Label("As", classes="form-label")
            yield Input(profile.role, placeholder="Your role", id="invite-role", compact=True,
                        select_on_focus=False)
            yield Label("at", classes="form-label-inline invite-pair")
            yield Input(profile.company, placeholder="Company", id="invite-company",
                        compact=True, select_on_focus=False)
        today = self.now().date()
        for index in range(3):
            slot = self._slot(index)
            with Horizontal(classes="form-row invite-slot-row"):
                yield Label(f"Time {index + 1}", classes="form-label")
                day, clock = SLOT_EXAMPLES[index]
                yield DateInput(slot.date, today=today, placeholder=day,
                                id=f"invite-slot-{index}-date")
                yield Label("at", classes="form-label-inline")
                yield TimeInput(slot.time, placeholder=clock, id=f"invite-slot-{index}-time")
        yield Static("", id="invite-slots-problem", classes="field-problem", markup=False)
        with Horizontal(classes="form-row"):
            yield Label("Note", classes="form-label")
            yield Input(
                invite.note, placeholder="A personal line to add (optional)",
                id="invite-note", compact=True, select_on_focus=False,
            )
            yield TickBox(
                "Include the agenda", invite.include_agenda, id="invite-include-agenda",
                compact=True,
            )
            yield TickBox(
                "Attach .ics to .eml", invite.attach_ics, id="invite-attach-ics", compact=True,
            )
        yield self.draft

    @unless_closing
    def on_mount(self) -> None:
        self._show_slot_problems()

    def first_field(self) -> Widget:
        """The manager's name while it is missing, else the first time to offer."""
        manager = self.query_one("#invite-manager", Input)
        return manager if not manager.value.strip() else self.query_one(
            "#invite-slot-0-date", DateInput).input

    # -- drafting ----------------------------------------------------------------

    def _draft(self) -> Email:
        agenda = self._agenda() if self.invite.include_agenda else None
        return meeting_request(self.workbook.profile(), self.invite, agenda,
                               last_talked=self._last_talked(), today=self.now().date())

    def _last_talked(self) -> date | None:
        """The day of the conversation before a planned one, for "since we spoke in May"."""
        meeting = self.workbook.get(Meeting, self.invite.meeting_id)
        if meeting is None or not meeting.planned:
            return None
        last = previous_conversation(self.workbook, meeting)
        return iso_or_none(last.date) if last is not None else None

    def _load(self) -> StoredDraft:
        invite = self.invite
        return StoredDraft(invite.subject, invite.body, invite.drafted_body)

    def _save(self, stored: StoredDraft, write: bool) -> None:
        invite = self.invite
        invite.subject, invite.body, invite.drafted_body = stored
        if write:
            self._save_invite()

    def _records(self) -> list[Record]:
        return WorkbookContents.of(self.whole_workbook).records()

    def _agenda(self) -> str:
        meeting = self.workbook.get(Meeting, self.invite.meeting_id)
        return meeting.agenda if meeting is not None else ""

    def _save_invite(self) -> None:
        """Written on first change, with its conversation: a planned one is started when
        there is none yet."""
        if not self.invite.meeting_id or self.workbook.get(Meeting,
                                                           self.invite.meeting_id) is None:
            meeting = current_meeting(self.workbook)
            if meeting is None:
                meeting = planned_meeting(self.workbook)
                self.add(meeting)
            self.invite.meeting_id = meeting.id
        self.add(self.invite)

    def _asked_for_past(self) -> str:
        """The invite of a conversation that has taken place is not "ready to send": it
        says so, and how to ask for the next one."""
        meeting = self.workbook.get(Meeting, self.invite.meeting_id) \
            if self.invite.meeting_id else None
        if meeting is None or meeting.planned:
            return ""
        when = f" of {friendly(meeting.date)}" if meeting.date else ""
        return (f"This asked for your conversation{when}, which has taken place. To ask "
                "for the next one: ctrl+p, Prepare next conversation")

    def _follow_conversation(self) -> bool:
        """Show the invite of the conversation being prepared (another was started, e.g.
        by Prepare next conversation); True if it changed."""
        meeting = current_meeting(self.workbook)
        if meeting is None or meeting.id == self.invite.meeting_id:
            return False
        self.invite = invite_for(self.workbook, meeting)
        for index in range(3):
            slot = self._slot(index)
            self.query_one(f"#invite-slot-{index}-date", DateInput).set_value(slot.date)
            self.query_one(f"#invite-slot-{index}-time", TimeInput).set_value(slot.time)
        self._show_slot_problems()
        note = self.query_one("#invite-note", Input)
        with note.prevent(Input.Changed):
            note.value = self.invite.note
        tick = self.query_one("#invite-include-agenda", Checkbox)
        with tick.prevent(Checkbox.Changed):
            tick.value = self.invite.include_agenda
        attach = self.query_one("#invite-attach-ics", Checkbox)
        with attach.prevent(Checkbox.Changed):
            attach.value = self.invite.attach_ics
        self.draft.show()
        return True

    def _details_changed(self) -> None:
        """Keep an untouched draft in step with the fields; never touch edited words."""
        self.draft.follow()

    def reload(self) -> None:
        """The profile may have changed in the profile form: show it, redraft if untouched."""
        self._follow_conversation()
        self._show_profile()
        self.query_one(MinutesInput).show_minutes(self.workbook.profile().meeting_minutes)
        self._details_changed()

    def _show_profile(self) -> None:
        """The profile's fields as stored (the greeting as it will be said), without
        posting a change: only what the person types is written."""
        for selector, value in self._profile_values().items():
            if self._shown.get(selector) == value:
                continue  # unchanged elsewhere: what the field shows is newer or the same
            self._shown[selector] = value
            field = self.query_one(selector, Input)
            if field.value.strip() != value and not (field.has_focus and " ".join(
                    field.value.split()) == value):
                with field.prevent(Input.Changed):
                    field.value = value

    def _profile_values(self) -> dict[str, str]:
        profile = self.workbook.profile()
        return {
            "#invite-manager": profile.manager_name,
            "#invite-email": profile.manager_email,
            "#invite-greeting": profile.greeting,
            "#invite-name": profile.name,
            "#invite-role": profile.role,
            "#invite-company": profile.company,
        }

    def _typed(self, event: Input.Changed) -> None:
        """What a person typed, as now stored, is what the field shows: not to be
        written back."""
        selector = f"#{event.input.id}"
        self._shown[selector] = self._profile_values()[selector]

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
        self._typed(event)
        self._show_profile()  # a greeting that follows the manager's name follows it here

    @on(Input.Changed, "#invite-greeting")
    def _greeting_changed(self, event: Input.Changed) -> None:
        profile = self.workbook.profile()
        profile.set_greeting(event.value)
        self._update_profile(greeting_name=profile.greeting_name)
        self._typed(event)

    @on(Input.Changed, "#invite-name")
    def _name_changed(self, event: Input.Changed) -> None:
        self._update_profile(name=event.value.strip())
        self._typed(event)

    @on(Input.Changed, "#invite-role")
    def _role_changed(self, event: Input.Changed) -> None:
        self._update_profile(role=event.value.strip())
        self._typed(event)

    @on(Input.Changed, "#invite-company")
    def _company_changed(self, event: Input.Changed) -> None:
        self._update_profile(company=event.value.strip())
        self._typed(event)

    @on(Input.Changed, "#invite-email")
    def _email_changed(self, event: Input.Changed) -> None:
        self._update_profile(manager_email=event.value.strip())
        self._typed(event)

    @on(MinutesInput.Length, "#invite-minutes")
    def _minutes_changed(self, event: MinutesInput.Length) -> None:
        self._update_profile(meeting_minutes=event.minutes)

    def _slot(self, index: int) -> Slot:
        slots = self.invite.slots
        return slots[index] if index < len(slots) else Slot()

    @on(DateInput.Changed)
    def _slot_date_changed(self, event: DateInput.Changed) -> None:
        self._slot_changed(event.date_input.id or "", "date", event.stored)

    @on(TimeInput.Changed)
    def _slot_time_changed(self, event: TimeInput.Changed) -> None:
        self._slot_changed(event.time_input.id or "", "time", event.stored)

    def _slot_changed(self, field_id: str, part: str, stored: str) -> None:
        """A slot's date or time as its field stores it (understood, or as typed)."""
        if not field_id.startswith("invite-slot-"):
            return
        index = int(field_id.split("-")[2])
        slots = (list(self.invite.slots) + [Slot(), Slot(), Slot()])[:max(3, len(
            self.invite.slots))]
        slot = slots[index]
        if getattr(slot, part) == stored:
            return
        slots[index] = replace(slot, date=stored) if part == "date" else replace(slot, time=stored)
        self.invite.slots = slots
        self._save_invite()
        self._show_slot_problems()
        self._details_changed()

    def _unreadable_times(self) -> list[str]:
        """The proposed times the email would give as typed but a calendar cannot read."""
        bad = [index for index, slot in enumerate(self.invite.slots[:3]) if not slot.blank
               and ((slot.date.strip() and slot.day is None) or parse_time(slot.time).problem)]
        if not bad:
            return []
        names = " and ".join(f"Time {index + 1}" for index in bad)
        return [f"{names} cannot be read as a date and time (see above)"]

    def _show_slot_problems(self) -> None:
        """Name each proposed time a calendar cannot read: kept as typed, retyped here."""
        lines = [f"Time {index + 1} “{slot.date.strip()}” is not a date a calendar can "
                 "read: type it again (tue, +1w, 2026-12-01)."
                 for index, slot in self.invite.unreadable()]
        for index, slot in enumerate(self.invite.slots[:3]):
            problem = parse_time(slot.time).problem
            if problem:
                lines.append(f"Time {index + 1}: {problem}.")
        note = self.query_one("#invite-slots-problem", Static)
        show_text(note, plain("\n".join(lines)))
        note.display = bool(lines)

    @on(Checkbox.Changed, "#invite-attach-ics")
    def _attach_ics_changed(self, event: Checkbox.Changed) -> None:
        if self.invite.attach_ics == event.value:
            return
        self.invite.attach_ics = event.value
        self._save_invite()

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
        if event.value and not self._agenda().strip():
            self.notify(
                "The agenda is empty so far: draft it on the Agenda stage.", severity="warning"
            )
        self._save_invite()
        self._details_changed()

    # -- the calendar file --------------------------------------------------------------

    def _meeting_ics(self) -> CalendarFile:
        """Built when asked for: icalendar takes a tenth of a second to import."""
        from ...core.calendar import local_zone_name, meeting_request_ics

        invite, profile = self.invite, self.workbook.profile()
        text = invite.body.strip() or self._draft().body
        return meeting_request_ics(profile, invite, text, minutes=profile.meeting_minutes,
                                   now=self.now(), zone=local_zone_name(),
                                   private=self.private_words())

    def _keep_sequences(self, made: CalendarFile) -> None:
        """Remember what each slot was sent as, so a slot changed later goes out again
        with a higher sequence and calendars update the event they have."""
        if made.count and made.slots != self.invite.slots:
            self.invite.slots = made.slots
            self._save_invite()

    def _attachment(self) -> tuple[bytes, Callable[[], None]] | None:
        """The proposed times for the `.eml` when the person ticked Attach .ics, and
        what to remember once it is written."""
        if not self.invite.attach_ics:
            return None
        made = self._meeting_ics()
        if not made.count:
            return None
        return made.payload, lambda: self._keep_sequences(made)

    def action_save_ics(self) -> None:
        self.run_worker(self._save_ics(), group="calendar-file", exclusive=True)

    async def _save_ics(self) -> None:
        made = self._meeting_ics()
        written = await self.save_calendar(
            made, "meeting-request", "the meeting request calendar file",
            "no proposed time has a date and a time of day")
        if written is not None:
            self._keep_sequences(made)

    # -- actions: the email's own, so the palette reaches them from any stage ----------

    action_copy_email = DraftActions.action_copy_draft  # the palette's name for it
