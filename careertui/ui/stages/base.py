"""What every stage has in common."""

from __future__ import annotations

import asyncio
from datetime import datetime
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Static

from ...core import sharing as rule
from ...core.drafting.privacy import PrivateWords
from ...core.model import Profile, Record
from ...core.store import Change, RecordGone, Workbook

if TYPE_CHECKING:  # the list's module is imported when a stage first shows one
    from ...core.calendar import CalendarFile  # icalendar takes 0.1 s to import: when asked
    from ..widgets.record_list import RecordList


LAYOUT_WAIT = 3.0
"""Seconds a stage just shown waits for its first field to be laid out, to scroll to it."""
LAYOUT_POLL = 0.02

class Stage(VerticalScroll):
    """One tab of the workbook.

    A stage reads and writes the workbook only through the `Workbook` API it
    is given, and says nothing to other stages directly. Its own writes go
    through `add`, `update` and `delete` here, which name the stage as their
    origin: the stage keeps its own view up to date as it writes, and every
    other stage that shows one of the tables touched (`SHOWS`) is told by the
    app (`workbook_changed`) and reloads, at once if it is on screen, else
    when it is next shown.
    """

    class Grown(Message):
        """Parts were mounted in the stage while it was hidden (a stage that fills in
        after the first frame, left before it finished): they have no size until the
        stage is laid out again, and were drawn unwrapped, then wrapped, on the
        person's return. The screen lays the stage out and draws it unseen again."""

        def __init__(self, stage: Stage) -> None:
            super().__init__()
            self.stage = stage

        @property
        def control(self) -> Stage:
            return self.stage

    can_focus = False
    """Not a tab stop: the cursor goes from field to field, never to the page around them
    (which showed nothing focused). It still scrolls with the keys from any field."""

    TITLE: ClassVar[str] = ""
    ABOUT: ClassVar[str] = ""
    SHOWS: ClassVar[frozenset[str]] = frozenset()
    """The workbook tables whose contents this stage shows or drafts from."""
    CARRIED: ClassVar[tuple[str, ...]] = ()
    """Ids of inputs whose text is written only on enter (quick capture): kept when the
    stage is built afresh (`carry_over`, `restore`)."""

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="stage")
        self.workbook = workbook
        self.ready = asyncio.Event()
        """Set by the app once the stage and everything it composes are mounted."""
        self.stale = False
        """Something it shows changed while it was hidden: reload when next shown."""
        self._entry_scroll: tuple[Size, float] | None = None
        """Where the stage was scrolled to show its first field, at which terminal size."""

    # -- the share-safe view ------------------------------------------------------------

    @property
    def sharing(self) -> bool:
        """Private items are hidden now (the screen may be shared): the workbook this
        stage reads (`SharedView`) leaves them out; drafts that quote one are hidden."""
        state = getattr(self.workbook, "sharing", None)
        return isinstance(state, rule.ShareSafe) and state.hiding

    @property
    def whole_workbook(self) -> Workbook:
        """Every record, private ones included: to tell which words a draft must not show."""
        return rule.whole(self.workbook)

    def private_words(self) -> PrivateWords:
        from ...core.drafting.workbook_export import WorkbookContents

        return PrivateWords.of(WorkbookContents.of(self.whole_workbook).records())

    def carry_over(self) -> dict[str, str]:
        """Text typed and not yet written (see `CARRIED`), to put back in a new build."""
        from textual.widgets import Input

        return {key: field.value for key in self.CARRIED
                for field in self.query(f"#{key}").results(Input) if field.value}

    def restore(self, carried: dict[str, str]) -> None:
        from textual.widgets import Input

        for key, value in carried.items():
            for field in self.query(f"#{key}").results(Input):
                field.value = value

    def say_added(self, noun: str) -> None:
        """The confirmation of a record added while sharing: it was made shareable."""
        if self.sharing:
            self.notify(f"New {noun} {rule.ADDED_SHAREABLE}.", title="Share-safe view")

    # -- writing, and hearing about other writers ------------------------------------

    def add(self, record: Record) -> None:
        with self.workbook.changes_from(self):
            self.workbook.add(record)

    def update(self, record: Record, record_list: RecordList | None = None) -> bool:
        """Save an edited record; False (and the list told) if it was deleted elsewhere."""
        try:
            with self.workbook.changes_from(self):
                self.workbook.update(record)
        except RecordGone:
            if record_list is not None:
                record_list.show_gone(record)
            else:
                self.notify("This item was deleted elsewhere; your change was not saved.",
                            severity="warning")
            return False
        return True

    def delete(self, record: Record) -> None:
        with self.workbook.changes_from(self):
            self.workbook.delete(record)

    def save_profile(self, profile: Profile) -> None:
        with self.workbook.changes_from(self):
            self.workbook.save_profile(profile)

    def set_value(self, key: str, value: object) -> None:
        with self.workbook.changes_from(self):
            self.workbook.set_value(key, value)

    def on_record_list_added(self, event: RecordList.Added) -> None:
        """Lists post what the person did; by default the stage just writes it."""
        self.add(event.record)

    def on_record_list_saved(self, event: RecordList.Saved) -> None:
        if self.update(event.record, event.record_list) and self.sharing and not (
                rule.may_show(event.record, True)):
            event.record_list.refresh_records()  # marked private while sharing: it goes

    def on_record_list_deleted(self, event: RecordList.Deleted) -> None:
        self.delete(event.record)

    def workbook_changed(self, change: Change, *, shown: bool) -> None:
        """Called by the app after another writer changed the workbook."""
        if change.origin is self or not (change.tables & self.SHOWS):
            return
        self.stale = True
        if shown and self.ready.is_set():  # else hidden, or still being built: when shown
            self.reload_if_stale()

    def reload_if_stale(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()

    def compose_intro(self) -> ComposeResult:
        yield Static(self.TITLE, classes="stage-title")
        yield Static(self.ABOUT, classes="stage-about")

    def first_field(self) -> Widget:
        """Where typing starts on entering the stage: the first focusable widget."""
        for widget in self.walk_children(Widget):
            if widget.focusable:
                return widget
        return self

    def main_list(self) -> RecordList[Any] | None:
        """The list ctrl+n adds to when the cursor is in none: the stage's first."""
        from ..widgets.record_list import RecordList

        return next(iter(self.query(RecordList).results(RecordList)), None)

    def focus_first(self) -> None:
        """Put the cursor in the first field once the messages already queued are
        handled (`focus_now`), if the stage is still the one shown by then."""

        def focus_if_still_shown() -> None:
            # A person may have moved on to another stage by then, and typing must
            # not land in a hidden field.
            pane = self.parent
            if pane is not None and pane.display and self.is_attached:
                self.focus_now()

        self.app.call_later(focus_if_still_shown)

    def focus_now(self) -> None:
        """The stage opens at its top (its title and what it is for) with the cursor in
        its first field; a field below the fold is scrolled into view instead. Left
        scrolled down, the stage showed the bottom while the cursor sat hidden at the top."""
        self.before_entering()
        field = self.first_field()
        self.screen.set_focus(field, scroll_visible=False)
        # Back at the same terminal size, the stage opens where it opened last time:
        # scrolled home and then to a field below the fold, it was drawn twice (at its
        # top, then a frame or two later at the field). Checked below all the same.
        remembered = self._entry_scroll
        if remembered is not None and remembered[0] == self.app.size:
            self.scroll_to(y=remembered[1], animate=False, immediate=True)
        else:
            self.scroll_home(animate=False, immediate=True)

        give_up = monotonic() + LAYOUT_WAIT
        left_at = self.scroll_y  # where these checks left the stage scrolled

        def show_field(frames: int = 4) -> None:
            """Checked once the field is laid out, and over the few frames after: the
            parts of a stage filled in after it shows (an overview, a list's rows) can
            push the field below the fold."""
            # The screen's focus, not `has_focus`, which follows a moment later (once
            # the field has handled its Focus event): a focus elsewhere means the
            # person moved on. So does a scroll made meanwhile: by the person, or to
            # show what their first line became (Meeting), which a scroll home undid.
            nonlocal left_at
            if (not field.is_attached or self.screen.focused is not field
                    or self.scroll_y != left_at):
                return
            region, view = self.field_and_view(field)
            if not region.area:
                # Not laid out yet (a stage just built on a busy machine). Waited for by
                # the clock: callbacks after a refresh can all run before the layout.
                if monotonic() < give_up:
                    self.set_timer(LAYOUT_POLL, partial(show_field, frames))
                return
            if not view.contains_region(region):
                # now, laid out (where it ends is remembered next frame)
                self._bring_into_view(field, region)
            elif self.scroll_y and region.bottom + self.scroll_y <= view.bottom:
                # the top fits above the field again; now, while the field has the focus
                # (a scroll left for later could undo one made meanwhile, by ctrl+n say)
                self.scroll_home(animate=False, immediate=True)
            else:
                self._entry_scroll = (self.app.size, self.scroll_y)
            left_at = self.scroll_y
            if frames:
                self.call_after_refresh(show_field, frames - 1)

        self.call_after_refresh(show_field)

    def before_entering(self) -> None:
        """Put the stage the way a person expects to find it on coming back."""

    def work_out_entry_scroll(self) -> None:
        """Laid out where it cannot be seen (built ahead): work out now where the stage
        opens when its first field is below the fold, so its first visit is drawn there
        at once. Worked out on the visit, the stage was drawn at its top and scrolled a
        frame later (Check-ins at 80x24, two new-user trials)."""
        field = self.first_field()
        if field is self or not field.region.area:
            return
        # As the entry's own check (`focus_now`) reckons it, from this layout's regions
        # (unseen, all shifted alike): a stage whose field fits at its top opens there.
        region, view = self.field_and_view(field)
        if region.bottom + self.scroll_y <= view.bottom:
            return
        self.scroll_home(animate=False, immediate=True)
        self._bring_into_view(field, region)
        if self.scroll_y:  # at its top, it opens as it would have anyway
            self._entry_scroll = (self.app.size, self.scroll_y)

    def field_and_view(self, field: Widget) -> tuple[Region, Region]:
        """The part of `field` that must be on screen on entering (`must_be_seen`), and
        the part of the stage it must be in: the stage for a whole field, the stage
        inside its padding for a list's rows (brought to its very bottom)."""
        region = must_be_seen(field)
        return region, self.region if region == field.region else self.scrollable_content_region

    def _bring_into_view(self, field: Widget, region: Region) -> None:
        """Scroll just enough to show `region` of `field` (`field_and_view`)."""
        if region == field.region:
            field.scroll_visible(animate=False, immediate=True)
        else:  # just the rows that must be seen, at the bottom
            from ..widgets.in_view import show_rows

            show_rows(field, 0, region.height)

    def reload(self) -> None:
        """Show the workbook afresh after it changed outside this stage."""

    def now(self) -> datetime:
        """The app's clock (fixed in tests), so drafts and file names are reproducible."""
        clock = getattr(self.app, "clock", None)
        return clock() if clock is not None else datetime.now().astimezone()

    def own_address(self) -> tuple[str, str]:
        """The person's own name and email, from their profile: who their emails are from."""
        profile = self.workbook.profile()
        return profile.name, profile.email

    def manager_address(self) -> tuple[str, str]:
        """The manager's name and email, from the profile: whom the emails are to."""
        profile = self.workbook.profile()
        return profile.manager_name, profile.manager_email

    # -- helpers for copy and export actions -------------------------------------

    async def copy_out(self, text: str, what: str, warning: str = "") -> None:
        """Copy through the app's one clipboard helper and say where the text went."""
        from ..clipboard import copy_text

        result = await copy_text(self.app, text)
        message = result.notice(what)
        if warning:
            message = f"{message}\nNote: {warning}."
        severity: SeverityLevel = "warning" if warning or result.problem else "information"
        self.notify(message, title="Copied" if not result.problem else "Copy", severity=severity,
                    timeout=10)

    async def save_calendar(self, made: CalendarFile, stem: str, what: str,
                            empty: str) -> Path | None:
        """Save a calendar file through the one save dialog, naming in the notice what it
        left out (a proposed time a calendar cannot read); with nothing in it, say why.

        Must run in a worker (it waits on dialogs).
        """
        if not made.count:
            reasons = "".join(f"\n{warning[:1].upper()}{warning[1:]}." for warning in made.warnings)
            self.notify(f"Nothing to save yet: {empty}.{reasons}", title="Calendar file",
                        severity="warning", timeout=10, markup=False)
            return None
        default = Path.cwd() / f"{stem}-{self.now().date().isoformat()}.ics"
        return await self.export_out(default, made.payload, what, "; ".join(made.warnings))

    async def export_out(self, default: Path, payload: bytes, what: str,
                         warning: str = "") -> Path | None:
        """Ask where to save, ask again before replacing a file, then say where it went,
        with `warning` as a note, as `copy_out` does.

        Must run in a worker (it waits on dialogs).
        """
        from ..screens.save_file import save_to_chosen_file

        return await save_to_chosen_file(self.app, default, payload, what, warning)


def must_be_seen(field: Widget) -> Region:
    """The part of a stage's first field that must be on screen when the stage opens:
    a list's rows down to the one with the cursor, not the whole list. Its lower rows
    can stay below the fold, and the stage opens at its top (the title, and on
    Check-ins its overview, which scrolled away to show a whole list of check-ins)."""
    from textual.widgets import DataTable  # not needed for the first frame

    from ..widgets.in_view import rows_to_cursor

    region = field.region
    if isinstance(field, DataTable) and field.row_count:
        region = Region(region.x, region.y, region.width,
                        min(region.height, rows_to_cursor(field)))
    return region
