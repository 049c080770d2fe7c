"""The careertui App: the eight-stage shell, saving, themes and global keys."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.events import DescendantFocus
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Header, TabbedContent, TabPane

from ..core.model import Clock, system_clock
from ..core.store import Change, SaveError, Settings, Workbook, WorkbookError, display_path
from .stages import STAGE_IDS, STAGES, stage_by_id
from .stages.base import Stage
from .themes import DEFAULT_THEME
from .widgets.footer import KeysFooter

PACKAGE_DIR = Path(__file__).resolve().parent

LEAVE_SIGNALS = ("SIGHUP", "SIGTERM")
"""The terminal window or SSH session closed; a logout or shutdown."""
LEAVE_SAVE_SECONDS = 1.0
"""How long saving may take on the way out after such a signal."""
LEAVE_GRACE_SECONDS = 2.0
"""How long the app may take to hand the terminal back after that, before the
process ends without it (a closed terminal window never answers)."""


def stylesheets() -> list[Path]:
    """Every .tcss file in the package, app first: styles sit next to what they style."""
    found = sorted(PACKAGE_DIR.glob("*/*.tcss"))
    return [PACKAGE_DIR / "app.tcss", *found]


def _settle_memory() -> None:
    """Keep the garbage collector from pausing typing.

    Rendering churns through many small objects; with Python's default
    thresholds a full collection (40 ms and more, scanning every widget and
    cached line) ran several times a minute while typing in the agenda. What
    exists once the app has started (modules, classes, the shell) lives as long
    as the app, so it is frozen out of collections, once, after the garbage of
    start-up is collected; young objects are collected less often. Stages built
    later are not frozen: a frozen widget that is later removed could never be
    freed (freezing after every stage build held 20 MB more after a tour of all
    eight).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(5000, 10, 10)


class StagePane(TabPane):
    """A tab's pane; blank until its stage is built on first visit."""

    def render(self) -> str:
        return ""


class WorkbookScreen(Screen[None]):
    """The screen with the eight stages. The app puts the cursor in the first
    stage's first field itself, so Textual's auto-focus (which would pick the tab
    bar first, and rebuild the footer twice) is off here."""

    AUTO_FOCUS = ""


class CareerApp(App[None]):
    TITLE = "careertui"
    CSS_PATH = stylesheets()
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("ctrl+pagedown", "next_stage", "Next stage", priority=True),
        Binding("ctrl+pageup", "previous_stage", "Prev stage", priority=True, show=False),
        Binding("ctrl+s", "save", "Save", show=False),
        Binding("f1", "help", "Keys"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+n", "add_item", "Add", show=False),
    ]

    save_status: reactive[str] = reactive("", init=False)
    """What the header says about saving: shown on screen, so reactive."""

    def __init__(
        self,
        workbook: Workbook,
        *,
        settings: Settings,
        themes: Iterable[Theme] = (),
        theme_problems: Iterable[str] = (),
        theme_name: str | None = None,
        clock: Clock = system_clock,
        cursor_blink: bool = True,
        autosave_delay: float = 1.0,
        retry_delay: float = 10.0,
        tune_gc: bool = True,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.demo = demo
        """A throwaway sample workbook: the header says so."""
        if demo:
            self.title = "careertui DEMO"
        self.tune_gc = tune_gc
        """Freeze long-lived objects out of the garbage collector (off in tests,
        where many apps share one process and frozen objects would pile up)."""
        self.workbook = workbook
        self.settings = settings
        self.clock = clock
        self.cursor_blink = cursor_blink
        self.autosave_delay = autosave_delay
        self.retry_delay = retry_delay
        self._themes = list(themes)
        self._theme_problems = list(theme_problems)
        self._requested_theme = theme_name
        self._theme_ready = False
        self._save_lock = asyncio.Lock()
        self._autosave_timer: Timer | None = None
        self._builds: dict[str, asyncio.Task[Stage]] = {}
        self._retry_timer: Timer | None = None
        self._theme_notices: list[str] = []
        self._caught_signals: dict[int, object] = {}
        """Signals handled while the app runs, with the handlers they had before."""
        self.left_on_signal: int | None = None
        """The signal (SIGHUP, SIGTERM) that ended the app, if one did."""
        self._apply_theme()  # before the first style pass, so the DOM is styled only once
        self.saved_at: datetime | None = None
        self.save_error: str | None = workbook.read_error and (
            f"{workbook.read_error}; not writing over it"
        )

    # -- layout ----------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return WorkbookScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        first = STAGES[0]
        with TabbedContent(id="stages", initial=first.id):
            with StagePane(first.label, id=first.id):
                yield first.load()(self.workbook, id=f"stage-{first.id}")
            for stage in STAGES[1:]:
                yield StagePane(stage.label, id=stage.id)
        yield KeysFooter()

    def on_mount(self) -> None:
        first = self.stage(STAGES[0].id)
        if first is not None:  # composed with the app: mounted by now
            first.ready.set()
            first.focus_first()  # the cursor in the first field before the first frame
        self.workbook.subscribe(self._workbook_changed)
        self._catch_leave_signals()
        self._update_save_status()
        self.call_after_refresh(self._show_startup_messages)
        self.call_after_refresh(self.workbook.prepare_save)
        if self.tune_gc:
            self.call_after_refresh(_settle_memory)

    def _apply_theme(self) -> None:
        for theme in self._themes:
            self.register_theme(theme)
        wanted = self._requested_theme or self.settings.get("theme") or DEFAULT_THEME
        if wanted not in self.available_themes:
            if self._requested_theme:
                names = ", ".join(t.name for t in self._themes) or "none"
                self._theme_notices.append(
                    f"There is no theme called {wanted!r}; using {DEFAULT_THEME}. "
                    f"Shipped themes: {names}."
                )
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        # Set without the watcher: it would parse and apply every stylesheet a second
        # time at start-up, when the first parse (still to come) can use this theme.
        self.set_reactive(CareerApp.theme, wanted)
        dark = self.current_theme.dark
        self.set_class(True, f"-theme-{wanted}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)  # as the watcher would
        self.stylesheet.set_variables(self.get_css_variables())  # parsed once, with these
        self._theme_ready = True

    def watch_theme(self, name: str) -> None:
        """Remember a theme picked in the app for next time; the file is written in a
        thread, so a slow disk never stalls the theme picker."""
        if self._theme_ready and name != self.settings.get("theme"):
            self.settings.remember("theme", name)
            self.run_worker(self._write_settings, thread=True, group="settings")

    def _write_settings(self) -> None:
        problem = self.settings.write()
        if problem:
            self.call_from_thread(
                self.notify,
                f"The theme choice could not be remembered: {problem}",
                severity="warning",
            )

    def _show_startup_messages(self) -> None:
        for problem in [*self._theme_notices, *self._theme_problems]:
            self.notify(problem, title="Theme", severity="warning", timeout=10)
        if self.settings.error:
            self.notify(self.settings.error, severity="warning", timeout=10)
        book = self.workbook
        if book.moved_aside is not None:
            from .screens.confirm import MessageDialog

            self.push_screen(
                MessageDialog(
                    "The workbook could not be read",
                    f"{book.path} is not a workbook careertui can read, so it was moved, "
                    f"unchanged, to\n\n  {book.moved_aside}\n\n"
                    "You are starting with a fresh workbook. Nothing in the old file was deleted.",
                ),
                callback=lambda _: self._focus_active_stage(),
            )
        elif book.read_error is not None:
            from .screens.confirm import MessageDialog

            self.push_screen(
                MessageDialog(
                    "The workbook could not be opened",
                    f"{book.read_error}.\n\nYou can work as usual, but careertui will not write "
                    "over that file. When you quit you can save your work to another file.",
                ),
                callback=lambda _: self._focus_active_stage(),
            )
        if book.migrated_from is not None:
            self.notify(
                f"Your workbook was upgraded from format {book.migrated_from}; "
                "a copy of the old file was kept beside it.",
            )

    # -- stages ----------------------------------------------------------------

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#stages", TabbedContent)

    @property
    def active_stage_id(self) -> str:
        return self.tabs.active or STAGES[0].id

    def stage(self, stage_id: str) -> Stage | None:
        """The stage widget if it has been built (stages are built when first shown)."""
        pane = self.tabs.get_pane(stage_id)
        for child in pane.children:  # the stage is the pane's one child: no walk of its tree
            if isinstance(child, Stage):
                return child
        return None

    async def ensure_stage(self, stage_id: str) -> Stage:
        """The stage, built on first use; callers that arrive while it is being built
        (a key, the palette and a tab click at once) share that one build."""
        build = self._builds.get(stage_id)
        if build is None:
            existing = self.stage(stage_id)
            if existing is not None:  # the first stage, composed with the app
                await existing.ready.wait()
                return existing
            build = self._builds[stage_id] = asyncio.create_task(self._build_stage(stage_id))
        return await asyncio.shield(build)  # a cancelled caller must not cancel the build

    async def _build_stage(self, stage_id: str) -> Stage:
        stage = stage_by_id(stage_id).load()(self.workbook, id=f"stage-{stage_id}")
        await self.tabs.get_pane(stage_id).mount(stage)
        stage.ready.set()
        stage.reload_if_stale()  # the workbook changed while it was being built
        return stage

    def enter_stage(self, stage_id: str) -> None:
        """Show a stage and put the cursor in its first field."""
        # Let go of the focus first: when a focused field is hidden, Textual hands
        # the focus to a sibling in the same (hidden) pane, which shows that pane again.
        self.screen.set_focus(None)
        self.tabs.active = stage_id
        self._focus_active_stage()

    def _focus_active_stage(self) -> None:
        stage_id = self.active_stage_id
        stage = self.stage(stage_id)
        if stage is None or not stage.ready.is_set():  # first visit: build, then focus
            self.run_worker(self._build_and_focus(stage_id), group="build-stage")
        elif self.screen is self.default_screen:  # now, so the next frame shows it focused
            stage.focus_first()

    async def _build_and_focus(self, stage_id: str) -> None:
        stage = await self.ensure_stage(stage_id)
        if self.active_stage_id == stage_id and self.screen is self.default_screen:
            stage.focus_first()

    @property
    def default_screen(self) -> Screen:
        return self.screen_stack[0]

    @on(TabbedContent.TabActivated, "#stages")
    def _stage_shown(self) -> None:
        """Tabs can change by key, click or palette: always act on the tab shown now."""
        stage = self.stage(self.active_stage_id)
        if stage is not None and stage.ready.is_set():
            stage.reload_if_stale()
        self._focus_active_stage()
        self.request_save()

    def action_next_stage(self) -> None:
        self._step_stage(+1)

    def action_previous_stage(self) -> None:
        self._step_stage(-1)

    def _step_stage(self, step: int) -> None:
        if self.screen is not self.default_screen:
            return
        index = STAGE_IDS.index(self.active_stage_id)
        self.enter_stage(STAGE_IDS[(index + step) % len(STAGE_IDS)])

    def _tell_stages(self, change: Change) -> None:
        """Every built stage that shows what changed refreshes: now if on screen,
        else when next shown (the stage that made the change keeps itself current)."""
        active = self.active_stage_id
        for stage_id in STAGE_IDS:
            stage = self.stage(stage_id)
            if stage is not None:
                stage.workbook_changed(change, shown=stage_id == active)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Honour the no-blink setting (deterministic screenshots, calmer terminals)."""
        if not self.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False  # type: ignore[attr-defined]

    # -- saving ----------------------------------------------------------------

    def _workbook_changed(self, change: Change) -> None:
        self._tell_stages(change)
        self._update_save_status()
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(self.autosave_delay, self.request_save)

    def request_save(self) -> None:
        if self.workbook.dirty:
            self.run_worker(self.save_workbook(), group="save")

    async def save_workbook(self) -> bool:
        """Write the workbook off the event loop; True when everything is on disk."""
        async with self._save_lock:
            if not self.workbook.dirty:
                return self.save_error is None
            revision, payload = self.workbook.snapshot()
            try:
                await asyncio.to_thread(self.workbook.write, payload)
            except SaveError as error:
                self.save_error = error.reason
                self._schedule_retry()
            else:
                self.workbook.mark_saved(revision)
                self.save_error = None
                self.saved_at = self.clock()
            self._update_save_status()
            return self.save_error is None and not self.workbook.dirty

    def _schedule_retry(self) -> None:
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(self.retry_delay, self._retry_save)

    def _retry_save(self) -> None:
        if self.save_error is None or not self.workbook.dirty:
            if self._retry_timer is not None:
                self._retry_timer.stop()
                self._retry_timer = None
            return
        self.request_save()

    def _update_save_status(self) -> None:
        if self.save_error:
            status = f"Save failed: {self.save_error}"
        elif self.workbook.dirty:
            status = "Unsaved changes"
        elif self.saved_at is not None:
            status = f"Saved {self.saved_at:%H:%M}"
        else:
            status = "All saved"
        if self.workbook.lock_problem:
            status = f"{status} · Not locked: {self.workbook.lock_problem}"
        self.save_status = status

    def watch_save_status(self, status: str) -> None:
        self.sub_title = f"sample workbook, deleted on quit · {status}" if self.demo else status

    async def action_save(self) -> None:
        if not self.workbook.dirty and self.save_error is None:
            self.notify(f"Everything is saved in {display_path(self.workbook.path)}")
            return
        if await self.save_workbook():
            self.notify(f"Saved to {display_path(self.workbook.path)}")
        else:
            self.notify(f"Could not save: {self.save_error}", severity="error")

    async def action_quit(self) -> None:
        """Save, then quit; if saving fails, ask rather than lose anything."""
        if await self.save_workbook():
            self.exit()
            return
        from .screens.confirm import ChoiceDialog

        dialog = ChoiceDialog(
            "Your work is not saved",
            f"careertui could not write {self.workbook.path}:\n{self.save_error}\n\n"
            "Your edits are still here. Retry, save them to another file, or quit without saving.",
            [("retry", "Retry"), ("save-as", "Save to this file"), ("quit", "Quit anyway")],
            ask_path=str(Path.home() / "careertui-workbook.json"),
            escape_choice=None,
        )
        self.push_screen(dialog, callback=self._quit_choice)

    def _catch_leave_signals(self) -> None:
        """Leaving is saving: SIGHUP and SIGTERM save and quit like ctrl+q, instead of
        ending the process with the last words typed still only in memory."""
        loop = asyncio.get_running_loop()
        for name in LEAVE_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is None:  # Windows has no SIGHUP
                continue
            previous = signal.getsignal(signum)
            try:
                loop.add_signal_handler(signum, self._leave_on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):
                continue  # a loop without signal support, or not the main thread
            self._caught_signals[signum] = previous

    def on_unmount(self) -> None:
        """Give the signals back as they were (tests run many apps in one process)."""
        loop = asyncio.get_running_loop()
        for signum, previous in self._caught_signals.items():
            loop.remove_signal_handler(signum)
            if previous is not None:
                signal.signal(signum, previous)  # type: ignore[arg-type]
        self._caught_signals.clear()

    def _leave_on_signal(self, signum: int) -> None:
        if self.left_on_signal is None:
            self.left_on_signal = signum
            self.run_worker(self._save_and_leave(), group="leave")

    async def _save_and_leave(self) -> None:
        """Save (through the save lock, for a second at most), let go of the lock, exit.

        Nobody may be left to answer a dialog, so a failed save is not asked
        about: the exit code and message say it.
        """
        try:
            saved = await asyncio.wait_for(self.save_workbook(), LEAVE_SAVE_SECONDS)
        except TimeoutError:
            saved = False
        # The terminal may be gone (a closed window): then Textual's last writes to it can
        # block for ever. What matters is on disk by now, so the process ends regardless.
        ending = threading.Timer(LEAVE_GRACE_SECONDS, os._exit, (0 if saved else 1,))
        ending.daemon = True
        ending.start()
        if saved:
            self.workbook.release_lock()
            self.exit()
        else:
            self.exit(
                return_code=1,
                message=f"careertui was closed before your last changes could be saved to "
                f"{self.workbook.path}: {self.save_error or 'saving took too long'}",
            )

    async def _quit_choice(self, choice: str | None) -> None:
        if choice == "retry":
            await self.action_quit()
        elif choice == "quit":
            self.exit()
        elif choice and choice.startswith("save-as:"):
            target = Path(choice.removeprefix("save-as:"))
            try:
                await self.save_workbook_as(target)
            except SaveError as error:
                self.notify(f"Could not save to {target}: {error.reason}", severity="error")
                await self.action_quit()
                return
            except WorkbookError as error:  # the new file is open in another careertui
                self.notify(f"Could not switch to {target}: {error}", severity="error")
                await self.action_quit()
                return
            self.exit(message=f"Your workbook was saved to {self.workbook.path}")

    async def save_workbook_as(self, target: Path) -> None:
        """Write the workbook to a new file and keep working in it. Raises SaveError.

        Under the same lock as every other save, so a retry timer firing meanwhile
        waits; the snapshot and the switch of path and lock happen on the event
        loop, only the writing in a thread.
        """
        async with self._save_lock:
            revision, payload = self.workbook.snapshot()
            written = await asyncio.to_thread(self.workbook.write_new, payload, target)
            self.workbook.move_to(written, revision)
            self.save_error = None
            self.saved_at = self.clock()
            self._update_save_status()

    # -- other actions ---------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices are plain text: they quote paths, names and [placeholders] verbatim."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(
                HelpScreen(
                    display_path(self.workbook.path), lock_problem=self.workbook.lock_problem
                )
            )

    def action_add_item(self) -> None:
        self.notify("ctrl+n adds to the list in focus; move to a list first (tab).")

    def action_edit_profile(self) -> None:
        from .screens.profile import ProfileScreen

        if not isinstance(self.screen, ProfileScreen):
            self.push_screen(ProfileScreen(self.workbook))

    def action_export_workbook(self, shareable_only: bool = False) -> None:
        self.run_worker(self._export_workbook(shareable_only), group="export-workbook",
                        exclusive=True)

    async def _export_workbook(self, shareable_only: bool) -> None:
        from ..core.drafting.workbook_export import (
            WorkbookContents,
            export_file_name,
            render_workbook,
        )
        from .screens.save_file import save_to_chosen_file

        today = self.clock().date()
        contents = WorkbookContents.of(self.workbook)  # on the loop: records do not move under it
        text = await asyncio.to_thread(
            render_workbook, contents, today=today, shareable_only=shareable_only
        )
        what = "the shareable workbook" if shareable_only else "the whole workbook"
        default = Path.cwd() / export_file_name(today, shareable_only)
        await save_to_chosen_file(self, default, text.encode("utf-8"), what)

    async def run_stage_action(self, stage_id: str, action: str) -> None:
        """Run a stage's action from anywhere: build the stage if it was never shown."""
        stage = await self.ensure_stage(stage_id)
        await stage.run_action(action)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for stage in STAGES:
            yield SystemCommand(
                f"Go to {stage.label}",
                f"Show the {stage.label} stage",
                partial(self.enter_stage, stage.id),
            )
        for stage in STAGES:
            for command in stage.commands:
                yield SystemCommand(
                    command.title,
                    command.help,
                    partial(self.run_stage_action, stage.id, command.action),
                )
        yield SystemCommand(
            "Edit profile", "Your name, role, manager and company", self.action_edit_profile
        )
        yield SystemCommand(
            "Export workbook",
            "Everything as one Markdown document, private notes included and labelled",
            self.action_export_workbook,
        )
        yield SystemCommand(
            "Export shareable workbook",
            "One Markdown document with only what you marked shareable",
            partial(self.action_export_workbook, True),
        )
        yield SystemCommand("Save now", "Write the workbook to disk", self.action_save)
        yield SystemCommand("Show keys", "Every key careertui answers to", self.action_help)
        for command in super().get_system_commands(screen):
            if command.title not in {"Keys"}:
                yield command
