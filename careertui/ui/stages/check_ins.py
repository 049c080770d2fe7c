"""The Check-ins stage: why a person reopens careertui before every one-on-one.

The overview at the top answers, in a minute: how long since the last one,
when the next is, what is overdue, what the manager still owes an answer on,
and how each goal is moving. A check-in records progress per goal right here,
and the note for the manager is prepared from shareable records only.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ...core import sharing
from ...core.actions import apply_action_status, is_overdue
from ...core.capture import owner_label
from ...core.dates import friendly, parse_time
from ...core.drafting import text_file
from ...core.drafting.checkin_note import prepare_note
from ...core.drafting.privacy import describe_mentions, private_mentions
from ...core.drafting.workbook_export import WorkbookContents
from ...core.meetings import latest_held
from ...core.model import (
    CADENCES,
    CHECK_IN_CADENCE,
    CHECK_IN_TIME,
    DEFAULT_CHECK_IN_TIME,
    GOAL_STATUSES,
    Capture,
    CheckIn,
    Goal,
    Meeting,
    Record,
    Request,
)
from ...core.overview import (
    active_goals,
    days_since_last,
    last_progress,
    manager_actions,
    newest_first,
    next_check_in,
    open_actions,
    planned_check_in,
    urgency,
    waiting_requests,
)
from ...core.store import Workbook
from ..closing import closing, unless_closing
from ..widgets.action_items import ACTION_FIELDS, action_columns
from ..widgets.choice import ChoiceField
from ..widgets.fields import TimeInput
from ..widgets.plain import plain
from ..widgets.record_list import SHARE_COLUMN, Column, Field, RecordList
from .base import Stage

OVERVIEW_SHOWN = 3
"""Items the overview lists under each heading, the heading's count saying how
many there are. Six of each pushed the list of check-ins, where the cursor goes,
below a 40-row terminal on five years of records: the stage opened scrolled past
its title and its first lines."""

CHECK_IN_FIELDS = (
    Field("date", "Date", "date"),
    Field("open_items", "Open at the start", "long"),
    Field("new_items", "New requests, blockers", "long"),
    Field("raise_next", "Raise next time", "long", placeholder="One topic per line"),
    Field("next_date", "Next one-on-one", "date"),
)


class CheckInsStage(Stage):
    TITLE = "Check-ins"
    ABOUT = (
        "Before each one-on-one: see what moved and what is waiting, note progress on each "
        "goal, and prepare a short note for your manager (f2)."
    )

    SHOWS = frozenset({CheckIn.TABLE, Capture.TABLE, Goal.TABLE, Request.TABLE, Meeting.TABLE,
                       "values", "profile"})
    """Meetings too: Follow-up's Next 1:1 is the next one-on-one until a check-in is noted."""

    BINDINGS = [
        Binding("f2", "prepare", "Prepare note", id="prepare-note"),
        Binding("f8", "journey", "Journey", id="journey"),
        Binding("ctrl+n", "new_check_in", "New check-in", id="add-item"),
        Binding("f9", "save_check_in_ics", ".ics", id="save-ics"),
    ]

    def compose(self) -> ComposeResult:
        today = self.now().date()
        yield from self.compose_intro()
        yield Static("", id="checkin-overview", markup=False)
        with Horizontal(classes="form-row"):
            yield Label("Cadence", classes="form-label")
            yield ChoiceField(CADENCES, value=self._cadence(), id="checkin-cadence")
            yield Button("New check-in  ctrl+n", id="checkin-new", compact=True,
                         variant="primary")
            yield Button("Prepare note  f2", id="checkin-prepare", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Time", classes="form-label")
            yield TimeInput(str(self.workbook.value(CHECK_IN_TIME, DEFAULT_CHECK_IN_TIME) or ""),
                            id="checkin-time")
            yield Static("usual one-on-one time (f9: calendar file)",
                         classes="form-hint", markup=False)
        yield Static("Check-ins, newest first", classes="section-title")
        yield RecordList(
            self.workbook.all(CheckIn),
            fields=CHECK_IN_FIELDS,
            columns=(
                Column("Date", lambda c: c.date or "–"),
                Column("Goals noted", lambda c: sum(1 for n in c.progress.values() if n.strip()),
                       drop=1),
                Column("Raise next time", lambda c: _first_line(c.raise_next)),
                Column("Next", lambda c: c.next_date or "–"),
                SHARE_COLUMN,
            ),
            new_record=self._new_check_in,
            noun="check-in",
            today=today,
            order=lambda c: (c.date, c.created),
            newest_first=True,
            add_first=True,
            main_field="new_items",
            source=lambda: self.workbook.all(CheckIn),
            id="checkins-list",
        )
        yield Static("Progress on goals (in the check-in above): the active ones, and any it "
                     "has a note on", classes="section-title")
        yield Vertical(id="goal-progress")
        yield Static("Open action items", classes="section-title")
        yield RecordList(
            self._open_actions(),
            fields=ACTION_FIELDS,
            columns=action_columns(self),
            new_record=lambda: Capture(kind="action", owner="me"),
            noun="open action item",
            today=today,
            apply=self._apply_action,
            order=lambda c: urgency(c, self.now().date()),
            source=self._open_actions,
            id="checkin-actions",
        )

    def _open_actions(self) -> list[Capture]:
        return open_actions(self.workbook.all(Capture), self.now().date())

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self._progress_lock = asyncio.Lock()

    @unless_closing
    def on_mount(self) -> None:
        self._show_overview()

    _progress_for: CheckIn | None = None
    """The check-in whose per-goal progress rows are shown."""

    def first_field(self) -> Widget:
        """The list of check-ins: ctrl+n starts today's, enter-free browsing of the past."""
        return self.query_one("#checkins-list", RecordList).table

    def _cadence(self) -> str:
        return self.workbook.value(CHECK_IN_CADENCE, "2w")

    # -- the overview -------------------------------------------------------------

    def _show_overview(self) -> None:
        book, today = self.workbook, self.now().date()
        checkins = book.all(CheckIn)
        since = days_since_last(checkins, today)
        upcoming = planned_check_in(checkins, self._cadence(), today, latest_held(book))
        lines = [
            ("Last one-on-one: never noted" if since is None else
             f"Last one-on-one: {since} day{'s' if since != 1 else ''} ago")
            + (" · Next: not set yet" if upcoming is None else
               f" · Next: {friendly(upcoming)}"
               + (" (today)" if upcoming == today else " (overdue)" if upcoming < today else ""))
        ]
        manager = book.profile().manager_name
        actions = open_actions(book.all(Capture), today)
        overdue = sum(1 for a in actions if is_overdue(a, today))
        lines.append("")
        lines.append(f"Open action items: {len(actions)}" + (f", {overdue} overdue" if overdue
                                                             else ""))
        for item in actions[:OVERVIEW_SHOWN]:
            due = f", due {friendly(item.due)}" if item.due else ""
            mark = "⚠ " if is_overdue(item, today) else "• "
            lines.append(f"  {mark}{item.text} ({owner_label(item.owner, manager)}{due})")
        lines += _more(len(actions), OVERVIEW_SHOWN, "in the list of open action items below")
        waiting = waiting_requests(book.all(Request), today)
        owed = manager_actions(book.all(Capture), manager, today)
        lines.append("")
        parts = [f"{len(waiting)} request{'s' if len(waiting) != 1 else ''}"] if waiting else []
        parts += [f"{len(owed)} action item{'s' if len(owed) != 1 else ''}"] if owed else []
        lines.append(f"Waiting on your manager: {len(waiting) + len(owed)}"
                     + (f" ({', '.join(parts)})" if parts else ""))
        for entry in waiting[:OVERVIEW_SHOWN]:
            lines.append(f"  • {entry.request.ask} ({entry.days} days)")
        lines += _more(len(waiting), OVERVIEW_SHOWN, "requests on the Goals stage")
        room = max(0, OVERVIEW_SHOWN - len(waiting))  # requests first, then action items
        for item in owed[:room]:
            due = f"due {friendly(item.due)}" if item.due else "action item"
            mark = "⚠ " if is_overdue(item, today) else "• "
            lines.append(f"  {mark}{item.text} ({due})")
        lines += _more(len(owed), room, "in the list of open action items below")
        goals = active_goals(book.all(Goal))
        lines.append("")
        lines.append(f"Active goals: {len(goals)}")
        for goal in goals[:OVERVIEW_SHOWN]:
            last = last_progress(goal, checkins)
            note = f" · last: {last[1]} ({friendly(last[0])})" if last else ""
            lines.append(f"  • {goal.title} [{goal.status}]{note}")
        lines += _more(len(goals), OVERVIEW_SHOWN, "on the Goals stage")
        hidden = self._hidden_in_overview(len(actions), len(waiting), len(goals))
        if hidden:
            lines[:0] = [sharing.hidden_note(hidden) + " (share-safe view is on)", ""]
        self.query_one("#checkin-overview", Static).update(plain("\n".join(lines)))

    def _hidden_in_overview(self, actions: int, waiting: int, goals: int) -> int:
        """How many private items the overview leaves out while sharing: open action
        items, requests waiting and active goals."""
        if not self.sharing:
            return 0
        book, today = self.whole_workbook, self.now().date()
        return (len(open_actions(book.all(Capture), today)) - actions
                + len(waiting_requests(book.all(Request), today)) - waiting
                + len(active_goals(book.all(Goal))) - goals)

    # -- check-ins ---------------------------------------------------------------------

    def _new_check_in(self) -> CheckIn:
        """Dated today and pre-filled with everything open, so nothing is forgotten."""
        book, today = self.workbook, self.now().date()
        manager = book.profile().manager_name
        open_lines = [
            f"- {a.text} ({owner_label(a.owner, manager)}"
            + (f", due {a.due})" if a.due else ")")
            for a in open_actions(book.all(Capture), today)
        ]
        open_lines += [f"- Waiting: {w.request.ask} ({w.days} days)"
                       for w in waiting_requests(book.all(Request), today)]
        previous = newest_first(book.all(CheckIn))
        raise_before = previous[0].raise_next if previous else ""
        return CheckIn(
            shareable=sharing.new_is_shareable(self.sharing),
            date=today.isoformat(),
            progress={goal.id: "" for goal in active_goals(book.all(Goal))},
            open_items="\n".join(open_lines),
            raise_next=raise_before,
        )

    def action_new_check_in(self) -> None:
        checkins = self.query_one("#checkins-list", RecordList)
        record = self._new_check_in()
        self.add(record)
        checkins.records.insert(0, record)
        checkins.reload(select=record.id)
        self._show_overview()
        shared = f"\nIt was {sharing.ADDED_SHAREABLE}." if self.sharing else ""
        self.notify(f"New check-in for today, with everything still open listed in it.{shared}")

    @on(Button.Pressed, "#checkin-new")
    def _new_pressed(self) -> None:
        self.action_new_check_in()

    @on(TimeInput.Changed, "#checkin-time")
    def _time_changed(self, event: TimeInput.Changed) -> None:
        """Kept as typed even when it is no time (the field says so); the reminders then
        use 10:00 and say why."""
        if event.stored != self.workbook.value(CHECK_IN_TIME, DEFAULT_CHECK_IN_TIME):
            self.set_value(CHECK_IN_TIME, event.stored)

    def action_save_check_in_ics(self) -> None:
        self.run_worker(self._save_check_in_ics(), group="calendar-file", exclusive=True)

    async def _save_check_in_ics(self) -> None:
        """The one-on-ones as a repeating event from the next one, listing what to bring
        (shareable open action items and waiting requests) as it stands now."""
        from ...core.calendar import (
            bring_list,
            check_in_time,
            check_ins_ics,
            first_check_in,
            local_zone_name,
        )

        book, now = self.workbook, self.now()
        today, cadence = now.date(), self._cadence()
        upcoming = next_check_in(book.all(CheckIn), cadence, today, latest_held(book))
        typed = book.value(CHECK_IN_TIME, DEFAULT_CHECK_IN_TIME)
        at = check_in_time(typed)
        profile = book.profile()
        made = check_ins_ics(
            profile, first=first_check_in(upcoming, cadence, today), at=at, cadence=cadence,
            bring=bring_list(book.all(Capture), book.all(Request), profile.manager_name, today),
            now=now, zone=local_zone_name())
        if isinstance(typed, str) and typed.strip() and parse_time(typed).problem:
            made.warnings.append(f"“{typed.strip()}” is no time of day, so the reminders "
                                 f"are at {at}")
        await self.save_calendar(made, "check-ins", "the check-in reminders calendar file",
                                 "the one-on-ones could not be put in a calendar")

    @on(ChoiceField.Changed, "#checkin-cadence")
    def _cadence_changed(self, event: ChoiceField.Changed) -> None:
        if event.value != self._cadence():
            self.set_value(CHECK_IN_CADENCE, event.value)
            self._show_overview()

    def on_record_list_added(self, event: RecordList.Added) -> None:
        super().on_record_list_added(event)
        self._show_overview()

    def on_record_list_saved(self, event: RecordList.Saved) -> None:
        super().on_record_list_saved(event)
        self._show_overview()
        record = event.record
        if isinstance(record, Capture) and record.status != "open":  # done or dropped:
            event.record_list.refresh_records()  # no longer an open action item

    def on_record_list_deleted(self, event: RecordList.Deleted) -> None:
        super().on_record_list_deleted(event)
        self._show_overview()

    @on(RecordList.Selected, "#checkins-list")
    def _check_in_selected(self, event: RecordList.Selected) -> None:
        if isinstance(event.record, CheckIn) and event.record is not self._progress_for:
            self._show_progress(event.record)

    def _apply_action(self, record: Record, name: str, value: Any) -> bool:
        return apply_action_status(record, name, value, self.now().date())

    # -- progress per goal ------------------------------------------------------------

    def _show_progress(self, checkin: CheckIn) -> None:
        """One rebuild at a time: a second call while rows are still being mounted
        waits for the first (removing rows that are not mounted yet breaks them)."""
        self._progress_for = checkin
        self.run_worker(self._build_progress(checkin), group="goal-progress", exclusive=False)

    async def _build_progress(self, checkin: CheckIn) -> None:
        async with self._progress_lock:
            if checkin is not self._progress_for:
                return  # overtaken by a newer selection
            await self._mount_progress(checkin)

    async def _mount_progress(self, checkin: CheckIn) -> None:
        """The rows are built once for the active goals and then only refilled: moving
        through the check-ins rebuilt eight widgets a goal at every step, 110 to 160 ms
        a key on five years of records (holding the down key stuttered)."""
        box = self.query_one("#goal-progress", Vertical)
        goals = self._progress_goals(checkin)
        shape = tuple((goal.id, goal.title) for goal in goals)
        if goals and shape == self._progress_shape:
            self._refill_progress(checkin, goals)
            return
        self._progress_shape = ()
        for note in self.query(ProgressNote):  # rows about to go: their words first
            self._keep_note(note)
        await box.remove_children()
        if closing(self):
            return  # the app is quitting
        if not goals:
            await box.mount(Static("No active goals: add them on the Goals stage.",
                                   classes="record-empty"))
            return
        statuses = [(s.capitalize(), s) for s in GOAL_STATUSES]
        rows = [
            Horizontal(
                Label(plain(goal.title), classes="progress-goal"),
                ProgressNote(checkin, goal.id, placeholder="What moved since last time",
                             compact=True, name=goal.id, classes="progress-note"),
                ChoiceField(statuses, value=goal.status, name=goal.id,
                            classes="progress-status"),
                classes="progress-row",
            )
            for goal in goals
        ]
        await box.mount_all(rows)
        self._progress_shape = shape

    def _progress_goals(self, checkin: CheckIn) -> list[Goal]:
        """The goals with a row: the active ones, then any other the check-in has a note
        on (a goal done since: a past check-in showed only today's goals, and hid what
        it said about the rest)."""
        every = self.workbook.all(Goal)
        active = active_goals(every)
        shown = {goal.id for goal in active}
        noted = [goal for goal in sorted(every, key=lambda g: (g.position, g.created))
                 if goal.id not in shown and checkin.progress.get(goal.id, "").strip()]
        return active + noted

    _progress_shape: tuple[tuple[str, str], ...] = ()
    """The goals (id, title) whose progress rows are mounted, in order."""

    def _refill_progress(self, checkin: CheckIn, goals: list[Goal]) -> None:
        """Show `checkin`'s notes and each goal's status in the rows already there.
        What a field holds is kept in its check-in first: its last word may still be on
        its way (`_progress_changed`). The same check-in shown again keeps its fields
        as they are, words on their way included."""
        status = {goal.id: goal.status for goal in goals}
        for note in self.query(ProgressNote):
            self._keep_note(note)
            if note.checkin_id != checkin.id:
                note.checkin_id = checkin.id
                with note.prevent(Input.Changed):
                    note.value = checkin.progress.get(note.name or "", "")
        for choice in self.query(".progress-status").results(ChoiceField):
            value = status.get(choice.name or "")
            if value is not None:
                choice.value = value  # set from the workbook: no Changed

    def _keep_note(self, note: ProgressNote) -> None:
        """Write the note's text into its check-in, if it differs: into the list's own
        record of it, the one shown when that check-in is selected again (the
        workbook's `get` gives a copy, which shares its progress with the list's only
        by chance of how the store caches documents)."""
        checkins: RecordList[CheckIn] = self.query_one("#checkins-list", RecordList)
        checkin = next((c for c in checkins.records if c.id == note.checkin_id), None)
        goal_id = note.name or ""
        if checkin is None or checkin.progress.get(goal_id, "") == note.value:
            return
        checkin.progress[goal_id] = note.value
        if self.update(checkin, checkins):
            checkins.refresh_row(checkin)  # the field keeps focus: no reload

    @on(Input.Changed, ".progress-note")
    def _progress_changed(self, event: Input.Changed) -> None:
        """Each word as typed. What is kept is the field's value now, not the change's:
        a change overtaken on its way (the field since refilled for another check-in)
        carries words that are not the field's any more."""
        checkin = self._progress_for
        note = event.input
        if checkin is None or not isinstance(note, ProgressNote) or note.checkin_id != checkin.id:
            return
        self._keep_note(note)

    @on(ChoiceField.Changed, ".progress-status")
    def _status_changed(self, event: ChoiceField.Changed) -> None:
        goal = self.workbook.get(Goal, event.field.name or "")
        if goal is None or goal.status == event.value:
            return
        goal.change_status(event.value, self.now().date().isoformat())
        self.update(goal)
        self._show_overview()

    def reload(self) -> None:
        checkins = self.query_one("#checkins-list", RecordList)
        checkins.refresh_records()
        self.query_one("#checkin-actions", RecordList).refresh_records()
        self._show_overview()
        if isinstance(checkins.selected, CheckIn):  # goals may have changed: rebuild
            self._show_progress(checkins.selected)

    # -- the note for the manager -------------------------------------------------------

    def note(self) -> str:
        book = self.workbook
        return prepare_note(book.profile(), book.all(Goal), book.all(Request),
                            book.all(Capture), book.all(CheckIn), self.now().date(),
                            book.all(Meeting))

    def note_warning(self, note: str) -> str:
        """"it mentions 1 private item (…)": a shareable check-in's words may quote a goal
        or a request made private since ("Raise next time: the move to Lisbon"). The
        check-ins' own words are not counted either way: a shareable one would vouch for
        the words it quotes, and a private one's topics are carried into the next."""
        records = [r for r in WorkbookContents.of(self.whole_workbook).records()
                   if not isinstance(r, CheckIn)]
        return describe_mentions(private_mentions(note, records))

    def action_journey(self) -> None:
        from ..screens.journey import show_journey

        show_journey(self.app, self.workbook, self.now().date())

    @on(Button.Pressed, "#checkin-prepare")
    def action_prepare(self) -> None:
        self._prepare()

    @work(exclusive=True, group="checkin-note")
    async def _prepare(self) -> None:
        from ..screens.note import NoteScreen

        note = self.note()
        warning = self.note_warning(note)
        if self._refuse_hidden(warning):
            return
        if not any(c.shareable for c in self.workbook.all(CheckIn)):
            self.notify("Your check-ins are private, so their progress notes are left out: "
                        "mark one shareable to include them.", severity="warning")
        choice = await self.app.push_screen_wait(NoteScreen("Note for your next one-on-one",
                                                            note, warning))
        if choice == "copy":
            await self.copy_out(note, "One-on-one note", warning)
        elif choice == "export":
            name = f"one-on-one-{self.now().date().isoformat()}.md"
            await self.export_out(Path.cwd() / name, text_file(note), "the note", warning)

    async def action_copy_note(self) -> None:
        note = self.note()
        warning = self.note_warning(note)
        if not self._refuse_hidden(warning):
            await self.copy_out(note, "One-on-one note", warning)

    def _refuse_hidden(self, warning: str) -> bool:
        """While sharing, a note that quotes a private item is neither shown nor copied."""
        if self.sharing and warning:
            self.notify("The note quotes private items, so while share-safe view is on it "
                        "is neither shown nor copied.", severity="warning")
            return True
        return False


class ProgressNote(Input):
    """A goal's progress note, knowing the check-in it shows: moving quickly through the
    list, a change typed into the check-in just left arrived after the next was selected,
    and that note was written into the next check-in."""

    def __init__(self, checkin: CheckIn, goal_id: str, **options: Any) -> None:
        super().__init__(checkin.progress.get(goal_id, ""), select_on_focus=False, **options)
        self.checkin_id = checkin.id


def _more(count: int, shown: int, where: str) -> list[str]:
    """"  … and 2 more on the Goals stage": the overview lists the first few of each
    kind, and its count says how many there are (one left out read as one missing)."""
    return [f"  … and {count - shown} more {where}"] if count > shown else []


def _first_line(text: str) -> str:
    lines = [line.strip(" -") for line in text.splitlines() if line.strip(" -")]
    return lines[0] if lines else "–"

