"""The careertui App: themes, saving and the keys that work everywhere, around the
eight-stage shell (screens/main.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from time import monotonic
from typing import Any, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.events import DescendantFocus
from textual.notifications import Notification, Notify, SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection

from ..core import sharing
from ..core.autosave import Autosaver
from ..core.model import Clock, Record, system_clock
from ..core.sharing import SharedView, ShareSafe
from ..core.status import RELEVANT_TABLES, workbook_status
from ..core.store import Change, Settings, Workbook, display_path
from .commands import careertui_commands
from .leaving import LeaveSignals, let_typing_land, quit_safely, save_and_leave
from .memory import CHECK_EVERY, FullCollections, settle_memory, tune_collector
from .screens.main import LAUNCH_PAUSE, MainScreen
from .startup import apply_theme, show_startup_messages, stylesheets
from .widgets.minutes import MinutesInput
from .widgets.reminder import ReminderBanner

TYPING_PAUSE = 0.6
"""Seconds without typing after which work put off for typing goes ahead."""

TYPING_KEYS = frozenset({"backspace", "delete", "enter", "space", "tab"})
"""Keys that edit text, beside the printable ones: typing, to the stage builder."""

DISMISS_REMINDER_KEY = "f12"
"""Hides the reminder banner until something in it changes (said on the banner)."""
REMINDER_EVERY = 600.0
"""Seconds between looks at the clock while the app stays open: the thank-you's hours
count down, and an item falls overdue at midnight with nothing in the workbook changing."""
REMINDER_SETTING = "reminder_dismissed_by_workbook"
"""Settings: what the banner was about when it was dismissed (`Status.banner_key`), by
workbook path, so a relaunch with nothing new keeps it quiet."""

NOTICES_AT_ONCE = 2
"""Notices on screen together: more covered half of a 120×40 screen."""


def _every_record(workbook: Workbook) -> list[Record]:
    """Every record, to learn the private words (imported when first sharing, not at start)."""
    from ..core.drafting.workbook_export import WorkbookContents

    return WorkbookContents.of(workbook).records()


class CareerApp(App[None]):
    TITLE = "careertui"
    CSS_PATH = stylesheets()
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+pagedown", "next_stage", "Next stage", priority=True, id="next-stage"),
        Binding("ctrl+pageup", "previous_stage", "Prev stage", priority=True, show=False,
                id="previous-stage"),
        Binding("ctrl+s", "save", "Save", show=False, id="save"),
        Binding("f1", "help", "Keys", id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("ctrl+n", "add_item", "Add", show=False, id="add-item"),
        Binding("ctrl+l", "toggle_share_safe", "Share-safe", priority=True, id="share-safe"),
        Binding(DISMISS_REMINDER_KEY, "dismiss_reminder", "Dismiss reminder",
                id="dismiss-reminder"),
        # Textual's own tab moves the focus once the key has bubbled up from the field,
        # behind whatever that field's saving queued: letters typed right after a tab
        # landed in the field left. Handled first, in the order typed.
        Binding("tab", "focus_next", "Next field", show=False, priority=True,
                id="focus-next"),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True,
                id="focus-previous"),
        # Textual's text area has no keys for its first and last line: after a long paste
        # there was no way but arrows or the mouse to the end of an agenda.
        Binding("ctrl+home", "text_end(False)", "Start of text", show=False, id="text-start"),
        Binding("ctrl+end", "text_end(True)", "End of text", show=False, id="text-end"),
    ]

    save_status: reactive[str] = reactive("", init=False)
    """What the header says about saving (the Autosaver's status): reactive, as shown."""

    share_safe: reactive[bool] = reactive(False, init=False)
    """The share-safe view is on (as `sharing.on`): the header's badge follows it."""

    def __init__(self, workbook: Workbook, *, settings: Settings, themes: Iterable[Theme] = (),
                 theme_problems: Iterable[str] = (), theme_name: str | None = None,
                 clock: Clock = system_clock, cursor_blink: bool = True,
                 autosave_delay: float = 1.0, retry_delay: float = 10.0, tune_gc: bool = True,
                 demo: bool = False, prebuild: bool = True, share_safe: bool = False) -> None:
        super().__init__()
        self.prebuild = prebuild
        """Build the other stages in the background once the first is shown (off in
        most tests, which then build a stage when they first show it)."""
        self.demo = demo
        """A throwaway sample workbook: the header says so."""
        if demo:
            self.title = "careertui DEMO"
        self.tune_gc = tune_gc
        """Freeze long-lived objects out of the garbage collector (off in tests,
        where many apps share one process and frozen objects would pile up)."""
        self.full_collections = FullCollections(lambda: not self.key_pause_left())
        """Full garbage collections, made only in pauses of the keys (with `tune_gc`)."""
        if tune_gc:
            tune_collector()  # before the first screen is built
        self.workbook, self.settings, self.clock = workbook, settings, clock
        self.cursor_blink = cursor_blink
        self.autosaver = Autosaver(
            workbook, clock=clock, delay=autosave_delay, retry_delay=retry_delay,
            set_timer=self.set_timer, start=lambda save: self.run_worker(save, group="save"),
            on_status=lambda status: setattr(self, "save_status", status),
        )
        self.sharing = ShareSafe(on=share_safe or settings.get(sharing.SETTING) is True,
                                 records=lambda: _every_record(workbook))
        """Whether private items are hidden (the screen may be shared): every stage reads
        the workbook through a `SharedView` that follows it."""
        self._settings_to_write = self.sharing.on and settings.get(sharing.SETTING) is not True
        if self._settings_to_write:  # `--share-safe`: on from now until turned off
            settings.remember(sharing.SETTING, True)
        self.set_reactive(CareerApp.share_safe, self.sharing.on)
        self.main = MainScreen(cast(Workbook, SharedView(workbook, self.sharing)))
        self.leave_signals = LeaveSignals(self._leave_on_signal)
        self.left_on_signal: int | None = None
        """The signal (SIGHUP, SIGTERM) that ended the app, if one did."""
        self._shown: list[tuple[Notification, str | None]] = []
        """The notices on screen and their keys, oldest first."""
        self._notice_keys: dict[str, str | None] = {}
        """Keys of notices on their way to the screen, by notification identity."""
        self._reshowing: set[str] = set()
        self.last_typed = float("-inf")
        """When (monotonic) the person last typed or pasted: stages are built ahead
        of time only in a pause, so that building one never delays an echo."""
        self.last_key = float("-inf")
        """When the person last pressed any key (a stage switch included)."""
        self._early_keys: list[events.Key | events.Paste] | None = []
        """Keys and pastes that came before the first field had the cursor; None after."""
        self._reminder_key: dict[str, Any] | None = None
        """What the banner is about now (None: nothing to remind of)."""
        self._reminder_pending = False
        self._notices = [*apply_theme(self, list(themes), theme_name), *theme_problems]
        self._theme_ready = True  # from now on a change of theme is the person's choice

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """However the app ends (ctrl+q, a signal, a dialog), stop building stages first."""
        self.main.stop_prebuilding()
        super().exit(*args, **kwargs)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)):
            self.last_key = monotonic()
            if isinstance(event, events.Paste) or event.is_printable or event.key in TYPING_KEYS:
                self.last_typed = self.last_key
            if self._early_keys is not None and not event.is_forwarded and (
                    self.focused is None and self.screen_stack[-1:] == [self.main]):
                self._early_keys.append(event)  # for the first field, once it has the cursor
                return
        await super().on_event(event)

    def first_field_ready(self) -> None:
        """The first stage's first field has the cursor: the keys typed before it did
        (the terminal hands them over as the app starts, before anything can take
        them) are given to it now, in order, ahead of any typed since."""
        early, self._early_keys = self._early_keys or [], None
        for event in early:
            if isinstance(event, events.Paste):
                self.post_message(events.Paste(event.text))
            else:
                self.post_message(events.Key(event.key, event.character))

    def typing_pause_left(self) -> float:
        """Seconds until the person's typing counts as paused (0: it does)."""
        return max(0.0, self.last_typed + TYPING_PAUSE - monotonic())

    def key_pause_left(self) -> float:
        """Seconds until no key at all, a stage switch's included, has come for
        `TYPING_PAUSE` (0: none has): the person reads rather than moves about."""
        return max(0.0, self.last_key + TYPING_PAUSE - monotonic())

    def after_typing_pause(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the person has not typed for `TYPING_PAUSE` (at once if
        they have not been typing), after the next frame: for work that holds the
        loop for tens of milliseconds or more, which a key typed meanwhile would
        wait for (a stage built ahead, a garbage collection, a page filling in)."""
        wait = self.typing_pause_left()
        if wait > 0:
            self.set_timer(wait, lambda: self.after_typing_pause(callback))
        else:
            self.call_after_refresh(callback)

    def on_mount(self) -> None:
        self.workbook.subscribe(self._workbook_changed)
        self.leave_signals.catch()
        self.save_status = self.autosaver.status
        self.call_after_refresh(show_startup_messages, self, self._notices)
        self.set_interval(REMINDER_EVERY, lambda: self.after_typing_pause(self.refresh_reminder))
        # Not at once: the first key typed came as the screen did, and waited 60 to
        # 80 ms for the workbook's first encoding and the collection before freezing.
        self.set_timer(LAUNCH_PAUSE, lambda: self.after_typing_pause(self._settle_in))
        if self.tune_gc:
            # Behind whatever is queued: a key already read but not yet handled counts.
            self.set_interval(CHECK_EVERY, lambda: self.call_later(self.full_collections.check))
        if self.prebuild:  # its LAUNCH_PAUSE begins after the first frame: after _settle_in's
            self.call_after_refresh(self.main.prebuild_stages)
        if self._settings_to_write:
            self.run_worker(self._write_settings, thread=True, group="settings")

    def _settle_in(self) -> None:
        """Once the person has had the first moments to start typing, and has paused:
        encode the workbook once (later saves then only re-encode what changed) and
        freeze what start-up made out of the garbage collector."""
        self.workbook.prepare_save()
        if self.tune_gc:
            settle_memory()

    def on_unmount(self) -> None:
        self.autosaver.stop()
        self.leave_signals.release()

    def watch_theme(self, name: str) -> None:
        """Remember a theme picked in the app for next time, written in a thread."""
        if getattr(self, "_theme_ready", False) and name != self.settings.get("theme"):
            self.settings.remember("theme", name)
            self.run_worker(self._write_settings, thread=True, group="settings")

    def _write_settings(self) -> None:
        if problem := self.settings.write():
            self.call_from_thread(self.notify, f"Your settings (theme, share-safe view, a "
                                  f"dismissed reminder) could not be remembered: {problem}",
                                  severity="warning")

    def _leave_on_signal(self, signum: int) -> None:
        if self.left_on_signal is None:
            self.left_on_signal = signum
            self.run_worker(save_and_leave(self), group="leave")

    # -- the shell, saving and global keys ---------------------------------------

    def _workbook_changed(self, change: Change) -> None:
        self.sharing.forget()
        self.main.tell_stages(change)
        self.autosaver.changed()
        if change.tables & RELEVANT_TABLES and not self._reminder_pending:
            self._reminder_pending = True  # once per pause in typing, not per key
            self.after_typing_pause(self.refresh_reminder)

    # -- the reminder banner ------------------------------------------------------

    @property
    def reminder_banner(self) -> ReminderBanner | None:
        try:
            return self.main.query_one(ReminderBanner)
        except NoMatches:  # closing
            return None

    def refresh_reminder(self) -> None:
        """Work out what is due (at the app's clock) and show or hide the banner: on
        launch, on entering Check-ins, and after a change to what it counts."""
        self._reminder_pending = False
        banner = self.reminder_banner
        if banner is None or not banner.is_attached:
            return
        status = workbook_status(self.workbook, self.clock())
        key = status.banner_key()
        self._reminder_key = key
        quiet = key is None or key == self._dismissed().get(self._workbook_name())
        text = "" if quiet else status.banner_line()
        if text != banner.text or status.overdue != banner.has_class("-overdue"):
            banner.show_reminder(text, overdue=status.overdue,
                                 key=self.get_key_display(self._dismiss_binding()))
            self.refresh_bindings()

    @staticmethod
    def _dismiss_binding() -> Binding:
        return next(b for b in CareerApp.BINDINGS
                    if isinstance(b, Binding) and b.id == "dismiss-reminder")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The dismiss key is offered (footer) only while the banner shows: not over a
        screen of its own (history, journey) that hides it. ctrl+home and ctrl+end are
        the text's start and end only in a text area (a list has its own)."""
        if action == "dismiss_reminder":
            banner = self.reminder_banner
            return banner is not None and banner.shown and self.screen is self.main
        if action == "text_end":
            return isinstance(self.focused, TextArea)
        return True

    def action_text_end(self, end: bool) -> None:
        """The cursor to the end of the text (or its start), scrolled to."""
        area = self.focused
        if isinstance(area, TextArea):
            area.move_cursor(area.document.end if end else (0, 0), center=False)

    def action_dismiss_reminder(self) -> None:
        """Hide the banner until what it is about changes, and remember that for the
        next launch."""
        banner = self.reminder_banner
        if banner is None or not banner.shown:
            return
        banner.show_reminder("", overdue=False, key="")
        self.refresh_bindings()
        dismissed = self._dismissed()
        dismissed[self._workbook_name()] = self._reminder_key
        self.settings.remember(REMINDER_SETTING, dismissed)
        self.run_worker(self._write_settings, thread=True, group="settings")

    def _workbook_name(self) -> str:
        return str(self.workbook.path.resolve())

    def _dismissed(self) -> dict[str, Any]:
        """What the banner was about when dismissed, for each workbook: dismissing it on
        one workbook said nothing about another's."""
        kept = self.settings.get(REMINDER_SETTING)
        return dict(kept) if isinstance(kept, dict) else {}

    def request_save(self) -> None:
        self.autosaver.request()

    async def save_workbook(self) -> bool:
        """Save now; True when everything is on disk."""
        return await self.autosaver.save()

    @property
    def save_error(self) -> str | None:
        return self.autosaver.error

    def watch_save_status(self, status: str) -> None:
        self.sub_title = f"sample workbook, deleted on quit · {status}" if self.demo else status

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Honour the no-blink setting (deterministic screenshots, calmer terminals), and
        never leave a field's text selected on arrival: the first key typed would replace
        it (a name erased by typing after tab). Fields built here are made without it:
        this catches any other, but only after the field has had its own focus event, so
        keys arriving with the tab could still replace a whole note (third trial). Two
        exceptions, both typed over on purpose: a meeting length (put back if the new
        one is wrong) and the path in a save dialog (typing a new one replaces it, as in
        any file dialog)."""
        widget = event.widget
        if not self.cursor_blink and hasattr(widget, "cursor_blink"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
        if (isinstance(widget, Input) and widget.select_on_focus
                and not isinstance(widget, MinutesInput) and widget.id != "dialog-path"):
            widget.select_on_focus = False
            widget.selection = Selection.cursor(len(widget.value))

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False,
               key: str | None = None) -> None:
        """Show a notice, always as plain text (it quotes paths, names and [placeholders]
        verbatim). A notice replaces the one still shown from the same action: its `key`,
        else its title ("Copied"). Thread-safe, as Textual's own."""
        notification = Notification(message, title, severity,
                                    self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
                                    markup=False)
        self._notice_keys[notification.identity] = key or title or None
        self.post_message(Notify(notification))

    def on_notify(self, event: Notify) -> None:
        """Before Textual shows a notice: let the one from the same action go, and keep at
        most `NOTICES_AT_ONCE` (the oldest that is not an error goes first). Three copy
        notices stacked up and covered half of a 120×40 screen."""
        new = event.notification
        if new.identity in self._reshowing:  # one kept, shown again after a clear
            self._reshowing.discard(new.identity)
            return
        key = self._notice_keys.pop(new.identity, None)
        shown = [(n, k) for n, k in self._shown if not n.has_expired]
        kept = [(n, k) for n, k in shown if key is None or k != key]
        while len(kept) >= NOTICES_AT_ONCE:
            kept.remove(next((e for e in kept if e[0].severity != "error"), kept[0]))
        self._shown = [*kept, (new, key)]
        if len(kept) == len(shown):
            return  # nothing gives way: Textual shows it as usual
        event.prevent_default()
        self.clear_notifications()  # public API has no "remove one": show the rest again,
        shown, self._shown = self._shown, []  # as new notices (a toast being removed would
        for old, key in shown:  # swallow the same one shown again) for the time they had left
            again = Notification(old.message, old.title, old.severity,
                                 max(old.time_left, 1.0), markup=False)
            self._shown.append((again, key))
            self._reshowing.add(again.identity)
            self.post_message(Notify(again))

    @property
    def active_stage_id(self) -> str:
        return self.main.active_stage_id

    def stage(self, stage_id: str):  # noqa: ANN201 - the shell's lookups, for tests and tools
        return self.main.stage(stage_id)

    def enter_stage(self, stage_id: str) -> None:
        self.main.enter_stage(stage_id)

    async def ensure_stage(self, stage_id: str):  # noqa: ANN201
        return await self.main.ensure_stage(stage_id)

    async def run_stage_action(self, stage_id: str, action: str) -> None:
        """Run a stage's action from anywhere: build the stage if it was never shown."""
        await (await self.main.ensure_stage(stage_id)).run_action(action)

    @property
    def default_screen(self) -> Screen:
        return self.main

    def action_next_stage(self) -> None:
        self._close_choices()
        self.main.step_stage(+1)

    def action_previous_stage(self) -> None:
        self._close_choices()
        self.main.step_stage(-1)

    def action_command_palette(self) -> None:
        self._close_choices()
        super().action_command_palette()

    def action_focus_next(self) -> None:
        self._close_choices()
        self.screen.focus_next()

    def action_focus_previous(self) -> None:
        self._close_choices()
        self.screen.focus_previous()

    def _close_choices(self) -> None:
        """A drop-down's open options are closed, unchosen, by a stage switch, tab, the
        palette or the help: they are part of the field, not a dialog asking something.
        Left open under the palette, they floated over the stage it went to, and the
        next enter chose an option for a record on a stage no longer shown; tab did
        nothing, and the words typed after it went to the options' letter search."""
        from .widgets.choice import ChoiceMenu

        if isinstance(self.screen, ChoiceMenu):
            self.pop_screen()  # off the stack at once; the field's screen is the one shown

    async def action_save(self) -> None:
        where = display_path(self.workbook.path)
        await let_typing_land(self, through_app=False)  # keys typed just before ctrl+s
        if not self.workbook.dirty and self.autosaver.error is None:
            self.notify(f"Everything is saved in\n{where}", key="save")
        elif await self.autosaver.save():
            self.notify(f"Saved to\n{where}", key="save")
        else:
            self.notify(f"Could not save: {self.autosaver.error}", severity="error", key="save")

    async def action_quit(self) -> None:
        await quit_safely(self)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self._close_choices()
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(display_path(self.workbook.path),
                                        lock_problem=self.workbook.lock_problem))

    def action_add_item(self) -> None:
        """ctrl+n with the cursor in no list: add to the stage's own list, or say where
        adding works."""
        if self.screen is not self.main:
            return
        stage = self.main.stage(self.active_stage_id)
        records = stage.main_list() if stage is not None else None
        if records is not None:
            records.table.focus()
            records.action_add()
            return
        self.notify("There is no list on this stage to add to. ctrl+n adds achievements, "
                    "paths, goals, requests, notes, action items and check-ins on the "
                    "stages that list them.", key="add")

    async def action_toggle_share_safe(self) -> None:
        """Share-safe view on or off: every stage is built afresh from the workbook as the
        view now shows it, so no private item is left behind in a field, a list or a
        preview; the choice is remembered until turned off."""
        if self.screen is not self.main:
            self.notify("Close this dialog first (escape), then press ctrl+l again.",
                        severity="warning", key="share-safe")
            return
        await self.set_share_safe(not self.sharing.on)

    async def set_share_safe(self, on: bool) -> None:
        if on == self.sharing.on:
            return
        self.sharing.on = on
        self.share_safe = on
        self.settings.remember(sharing.SETTING, on)
        self.run_worker(self._write_settings, thread=True, group="settings")
        await self.main.rebuild_stages()
        if on:
            self.notify("Share-safe view is on: private items are hidden on every stage, "
                        "and new items are added as shareable. ctrl+l turns it off.",
                        title="Share-safe view", key="share-safe")
        else:
            self.notify("Share-safe view is off: private items are shown again.",
                        title="Share-safe view", key="share-safe")

    def action_edit_profile(self) -> None:
        from .screens.profile import ProfileScreen

        if not isinstance(self.screen, ProfileScreen):
            self.push_screen(ProfileScreen(self.workbook))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from careertui_commands(self)
        for command in super().get_system_commands(screen):
            if command.title not in {"Keys"}:
                yield command
