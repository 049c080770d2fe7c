"""The eight-stage shell: tabs built ahead of time while the person reads the first
(or on first visit, if that comes sooner), the cursor kept in the stage shown, and
every built stage told when the workbook changes."""

from __future__ import annotations

import asyncio
from contextlib import ExitStack, suppress
from time import monotonic

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs

from ...core.store import Change, Workbook
from ..closing import closing
from ..stages import STAGE_IDS, STAGES, stage_by_id
from ..stages.base import Stage
from ..widgets.footer import KeysFooter
from ..widgets.header import WorkbookHeader
from ..widgets.reminder import ReminderBanner

LAUNCH_PAUSE = 0.15
"""Seconds after the first screen before stages are built ahead of time (and then
only in pauses of typing). Typing begun sooner holds them back, so the first keys
never wait for a build. Begun any later, a person looking at the first screen for
half a second and then touring met "Opening Paths…" on the first three stages:
at 0.6 s, Paths and Goals took 154 to 230 ms to show (tmux, five-year sample);
at 0.15 s, 54 to 108 ms. The first key typed mid-build waits either way: 83 to
89 ms when typing began 0.7 to 1 s after launch with 0.6 s here; 58 to 65 ms
when it began 0.3 to 0.8 s after launch with 0.15 s."""

KEY_SETTLE = 0.1
"""Seconds after any key before work ahead (a build, an unseen layout) begins: the
frame the key asked for, a stage switch's (40 to 60 ms in tmux), is drawn first.
Begun just after the key, a build's first steps ran ahead of that frame and held it
20 to 30 ms (Goals shown in 83 ms instead of about 50, a tour a key every 0.5 s)."""

UNSEEN_LAYOUTS = 8
"""At most this many frames to lay a stage built ahead out unseen (it takes three or four)."""
SETTLED_SHAPES = 3
"""Frames with layouts after which a stage laid out unseen is taken as settled when its
widgets' sizes were the same at each."""
UNSEEN_TRIES = 3
"""Times to try again to lay a stage out unseen after keys cut it short."""
UNSEEN_FRAME_WAIT = 1.0
"""Seconds to wait for one of those frames before leaving the stage as it is."""
PAINT_SLICE = 0.004
"""Seconds of painting a stage ahead (`MainScreen._paint_unseen`) between looks at
the keys: a key pressed meanwhile waits about this long at most."""

REMINDED_ON = "check-ins"
"""The stage on whose entry the reminder banner is worked out afresh (as on launch)."""


class StagePane(TabPane):
    """A tab's pane. Until its stage is built (on a first visit in the first moments,
    before it was built ahead) it says the stage is on its way: a blank page read as
    a stage with nothing in it."""

    unseen = False
    """Being laid out where it cannot be seen (`MainScreen._lay_out_unseen`)."""

    def set_unseen(self, unseen: bool) -> None:
        """Out of the flow, below the screen's bottom edge and out of the focus chain,
        or back in place. Inline styles, not a class: a class on the pane restyled
        every widget in its stage, each time it was added and each time it was taken
        off (over a third of the cost of laying a stage out unseen)."""
        if unseen == self.unseen:
            return
        self.unseen = unseen
        if unseen:
            self.styles.overlay = "screen"
            self.styles.offset = (0, 1000)
        else:
            self.styles.clear_rule("overlay")
            self.styles.clear_rule("offset")
            self.refresh(layout=True)

    def render(self) -> Text:
        # Set where a stage's title goes; no pane style, which its stage would inherit.
        return Text(f"\n  Opening {stage_by_id(self.id or '').label}…", style="dim")

    def allow_focus_children(self) -> bool:
        """Nothing in a stage laid out unseen (`MainScreen._lay_out_unseen`) can take
        the focus: a tab pressed meanwhile must not carry the cursor off the screen."""
        return not self.unseen and super().allow_focus_children()


class StageTabs(TabbedContent):
    """The stage tabs. Only a key, a click or the palette changes the stage shown.

    Textual shows the tab of any widget that gets the focus. Focus is given
    later than it is asked for, so the focus of a stage a person has already
    moved past (two ctrl+pagedown in one burst) would pull its tab back, and the
    two stages' focus requests could then pull the tabs to and fro for seconds.
    """

    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        if event.tab_pane.id != self.active:
            event.prevent_default()  # the stage shown keeps the screen
            event.stop()


class MainScreen(Screen[None]):
    """The screen with the eight stages. It puts the cursor in the first stage's
    first field itself, so Textual's auto-focus (which would pick the tab bar
    first, and rebuild the footer twice) is off here."""

    AUTO_FOCUS = ""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, without repainting the whole screen on every move of the focus
    (every tab, every stage switch): the two widgets whose focus changed are
    restyled and repainted on their own, and a full repaint of a stage cost
    20 to 30 ms a key."""

    def __init__(self, workbook: Workbook) -> None:
        super().__init__(id="_default")
        self.workbook = workbook
        self._builds: dict[str, asyncio.Task[Stage]] = {}
        self._prebuilding = False
        self._launch_pause: Timer | None = None
        """While the first `LAUNCH_PAUSE` holds the builds ahead back."""
        self._heading = 1
        """The way the person last stepped through the stages (+1 onward, -1 back)."""
        self._laid_out: set[str] = {STAGES[0].id}
        """Stages laid out at their size: shown at least once, or laid out unseen."""
        self._unseen_tries: dict[str, int] = {}
        self._carried: dict[str, dict[str, str]] = {}
        """What was typed and not yet saved in a stage rebuilt (`rebuild_stages`), by stage."""

    def compose(self) -> ComposeResult:
        yield WorkbookHeader(icon="◆")
        yield ReminderBanner()
        first = STAGES[0]
        with StageTabs(id="stages", initial=first.id):
            with StagePane(first.label, id=first.id):
                yield first.load()(self.workbook, id=f"stage-{first.id}")
            for stage in STAGES[1:]:
                yield StagePane(stage.label, id=stage.id)
        yield KeysFooter()

    def on_mount(self) -> None:
        # The reminder is part of the first frame: shown later, it moved everything
        # down a row under the person's eyes (and under a stage just scrolled).
        refresh_reminder = getattr(self.app, "refresh_reminder", None)
        if refresh_reminder is not None:
            refresh_reminder()
        # The tab bar is no tab stop (it showed nothing a person could type into);
        # stages change with ctrl+pageup/pagedown, the palette or a click.
        self.tabs.query_one(Tabs).can_focus = False
        first = self.stage(STAGES[0].id)
        if first is not None:  # composed with the screen: mounted by now
            first.ready.set()
            # The first frame shows the cursor in the first field and the footer with
            # that field's keys (f2 Examples): drawn before them, a second full repaint
            # followed 25 to 35 ms later, and that was when the screen was whole.
            batch = ExitStack()
            batch.enter_context(self.app.batch_update())
            first.focus_now()
            self._draw_once_focused(batch)
        first_field_ready = getattr(self.app, "first_field_ready", None)
        if first_field_ready is not None:  # after the focus just asked for
            self.app.call_later(first_field_ready)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#stages", TabbedContent)

    @property
    def active_stage_id(self) -> str:
        return self.tabs.active or STAGES[0].id

    def pane(self, stage_id: str) -> StagePane:
        """A stage's tab pane, built or not."""
        pane = self.tabs.get_pane(stage_id)
        if not isinstance(pane, StagePane):
            raise NoMatches(f"no stage pane {stage_id!r}")
        return pane

    def stage(self, stage_id: str) -> Stage | None:
        """The stage widget if it has been built (stages are built when first shown)."""
        try:
            pane = self.tabs.get_pane(stage_id)
        except NoMatches:  # the app is closing and its panes are already gone
            return None
        for child in pane.children:  # the stage is the pane's one child: no walk of its tree
            if isinstance(child, Stage):
                return child
        return None

    @property
    def builds_begun(self) -> frozenset[str]:
        """The stages whose build has begun, finished or not (the first stage is not
        among them: it is composed with the screen)."""
        return frozenset(self._builds)

    @property
    def working_ahead(self) -> bool:
        """Stages are still to be built, laid out or drawn ahead of their first visit."""
        return self._prebuilding

    async def ensure_stage(self, stage_id: str) -> Stage:
        """The stage, built on first use; callers that arrive while it is being built
        (a key, the palette and a tab click at once) share that one build."""
        build = self._builds.get(stage_id)
        if build is None:
            existing = self.stage(stage_id)
            if existing is not None:  # the first stage, composed with the screen
                await existing.ready.wait()
                return existing
            build = self._builds[stage_id] = asyncio.create_task(self._build_stage(stage_id))
        return await asyncio.shield(build)  # a cancelled caller must not cancel the build

    async def _build_stage(self, stage_id: str) -> Stage:
        stage = stage_by_id(stage_id).load()(self.workbook, id=f"stage-{stage_id}")
        await self.tabs.get_pane(stage_id).mount(stage)
        if closing(stage):
            stage.ready.set()  # the app is quitting: nothing to restore into
            return stage
        stage.restore(self._carried.pop(stage_id, {}))
        stage.ready.set()
        stage.reload_if_stale()  # the workbook changed while it was being built
        return stage

    async def _lay_out_unseen(self, stage_id: str) -> None:
        """Lay a stage built ahead of time out at the size it will be shown at, unseen.

        A hidden pane is never laid out, so on its first visit every widget in it
        went from no size to its size: Textual lays the screen out again for that,
        the lists refill their tables for their width, and the stage's scrollbar
        comes in a third layout, each a frame of its own (three layouts, about 150 ms,
        against one on a later visit). Laid out once here where it cannot be seen
        (`StagePane.set_unseen`: out of the flow, below the screen's edge, out of the
        focus chain),
        the first visit is drawn as a later one is. A person arriving meanwhile finds
        it shown at once.

        Begun only in a pause of typing, as a build is: a person touring the stages
        presses a key every half second or so, and a stage laid out between two of
        them is shown in one layout instead of three (first visits while touring,
        p50 234 -> 163 ms in tmux). Meanwhile each layout is of two stages, the one
        shown and this one, so any key, a stage switch's too, cuts it short; it is
        tried again later (`_prebuild_now`).
        """
        pane = self.pane(stage_id)
        if pane.display or closing(pane) or stage_id in self._laid_out:
            return  # shown already: laid out as it is
        began = monotonic()
        layouts = 0

        def laid_out(screen: Screen[None]) -> None:
            nonlocal layouts
            layouts += 1

        self.screen_layout_refresh_signal.subscribe(pane, laid_out)
        pane.set_unseen(True)
        pane.display = True
        try:
            # The first layout, the one its widgets' new sizes ask for, the scrollbars',
            # a table's measured after it: until a frame passes with none, or two pass
            # leaving every size in the stage as it was. (The first stage filling in
            # its page below the first screen lays the screen out at every frame for
            # a while: Paths, laid out then, took seven layouts and was left unfinished.)
            seen = -1
            shapes: list[tuple[tuple[Size, Size], ...]] = [()] * SETTLED_SHAPES
            for _ in range(UNSEEN_LAYOUTS):
                if layouts:
                    shapes.append(tuple((widget.outer_size, widget.virtual_size)
                                        for widget in pane.walk_children(Widget)))
                if layouts == seen or (shapes[-1] and len(set(shapes[-SETTLED_SHAPES:])) == 1):
                    self._laid_out.add(stage_id)
                    stage = self.stage(stage_id)
                    if stage is not None:
                        top = stage.scroll_y
                        stage.work_out_entry_scroll()
                        await self._paint_unseen(stage, began, round(stage.scroll_y - top))
                    break
                if self.app.last_key > began:  # type: ignore[attr-defined]
                    break  # each layout now lays out both stages: a key must not wait
                seen = layouts
                refreshed = asyncio.Event()
                self.call_after_refresh(refreshed.set)
                try:  # no frame comes once the app is closing
                    await asyncio.wait_for(refreshed.wait(), UNSEEN_FRAME_WAIT)
                except TimeoutError:
                    break
        finally:
            self.screen_layout_refresh_signal.unsubscribe(pane)
            pane.set_unseen(False)
            with suppress(NoMatches):  # the app is closing and its panes are going
                pane.display = self.active_stage_id == stage_id

    async def _paint_unseen(self, stage: Stage, began: float, scrolled: int) -> None:
        """Render the lines its first visit will show of every widget in a stage laid
        out unseen (`_lay_out_unseen`), into each widget's own cache of its lines: the
        first visit then puts lines already made together, as a later visit does.
        Made on the visit, they took most of its first frame: Invite's 37 ms against
        15 ms for a later visit (headless, five-year sample).

        A widget shows the part of its region inside the stage's and its containers'
        (all as laid out unseen, before `scrolled` rows of the stage's entry scroll).
        Done a few milliseconds at a time; a key stops it: a switch to this stage
        just makes the rest on its visit, and one elsewhere leaves the rest unmade."""
        window = stage.region.translate((0, scrolled))
        slice_began = monotonic()
        for widget in stage.walk_children(Widget, with_self=True):
            if self.app.last_key > began:  # type: ignore[attr-defined]
                return
            region = widget.region
            shown = region.intersection(window)
            for container in widget.ancestors:
                if container is stage or not shown or not isinstance(container, Widget):
                    break
                shown = shown.intersection(container.region)
            if shown:
                widget.render_lines(shown.translate((-region.x, -region.y)))
            if monotonic() - slice_began > PAINT_SLICE:
                await asyncio.sleep(0)  # a key that came meanwhile goes first
                slice_began = monotonic()

    def prebuild_stages(self) -> None:
        """Build the stages not shown yet in the background, one per idle moment, the
        one a person would reach next first (`next_to_prebuild`), and lay each out and
        draw it unseen (`_lay_out_unseen`), so a first visit finds its stage built and
        is drawn as a later one is.

        Each build starts only once the app has answered everything queued and drawn
        the screen (`call_after_refresh`), and only in a pause of typing (and not in the
        first `LAUNCH_PAUSE`), so a build never holds up the echo of a key; a stage's own
        mounting runs as many small steps that keys can pass between.
        """
        self._prebuilding = True
        if self._launch_pause is not None:  # built afresh within the first moments
            self._launch_pause.stop()
        # The first moments are when typing begins.
        self._launch_pause = self.set_timer(LAUNCH_PAUSE, self._end_launch_pause)

    def nearest_first(self) -> list[str]:
        """The other stages in the order a person touring them is likely to reach them,
        wherever they started and whichever way they go: a step the way they last
        stepped counts one, a step back counts two (ties go their way). Taken evenly,
        the stage behind (Check-ins, from the first stage) was built before the second
        ahead, and a tour of a key every 0.25 s met "Opening Goals…" for 150 to 190 ms."""
        here = STAGE_IDS.index(self.active_stage_id)
        count = len(STAGE_IDS)
        reach: dict[str, tuple[int, int]] = {}
        for distance in range(1, count):
            for way, cost in ((self._heading, distance), (-self._heading, 2 * distance)):
                stage_id = STAGE_IDS[(here + way * distance) % count]
                reach[stage_id] = min(reach.get(stage_id, (count * 2, 0)),
                                      (cost, 0 if way == self._heading else 1))
        return sorted(reach, key=reach.__getitem__)

    def next_to_prebuild(self) -> str | None:
        """The nearest stage (`nearest_first`) not yet ready for its first visit: not
        built, or built and not laid out unseen (a key cut that short; tried again up
        to `UNSEEN_TRIES` times). Nearest first whichever it lacks: Invite, its layout
        cut short, waited behind the builds of the three stages after it, and its first
        visit then took three layouts (tmux, a tour a key every 0.3 s)."""
        for stage_id in self.nearest_first():
            build = self._builds.get(stage_id)
            if build is None and self.stage(stage_id) is None:
                return stage_id  # not built
            if build is not None and not build.done():
                continue  # being built: laid out, if it can be, once it is
            if (stage_id not in self._laid_out
                    and self._unseen_tries.get(stage_id, 0) < UNSEEN_TRIES):
                return stage_id
        return None

    async def rebuild_stages(self) -> None:
        """Build every stage afresh from the workbook (the share-safe view turned on or
        off): nothing shown before is left in a field, a list, a preview or a draft.
        Everything typed is already in the workbook, but for a quick-capture line not yet
        entered, which each stage carries over (`Stage.carry_over`)."""
        self.stop_prebuilding()
        for build in list(self._builds.values()):
            with suppress(Exception):
                await asyncio.shield(build)
        self.set_focus(None)
        for stage_id in STAGE_IDS:
            stage = self.stage(stage_id)
            if stage is not None:
                self._carried[stage_id] = stage.carry_over()
                await stage.remove()
        self._builds.clear()
        self._laid_out, self._unseen_tries = {self.active_stage_id}, {}
        stage = await self.ensure_stage(self.active_stage_id)
        if self.app.screen is self:
            stage.focus_first()
        if getattr(self.app, "prebuild", False):
            self.prebuild_stages()

    def stop_prebuilding(self) -> None:
        """On the way out nothing more is built: a stage half-mounted while the app
        closes (after a signal, say) would fail and turn a clean exit into an error."""
        self._prebuilding = False
        self.workers.cancel_group(self, "prebuild-stage")

    def _prebuild_next(self) -> None:
        if self._prebuilding:
            self.app.after_typing_pause(self._prebuild_now)  # type: ignore[attr-defined]

    def _end_launch_pause(self) -> None:
        """The first moments are over, or the person has moved to another stage in
        them: touring, not typing, so the stage they will reach next is built now."""
        if self._launch_pause is not None:
            self._launch_pause.stop()
            self._launch_pause = None
            self._prebuild_next()

    def _prebuild_now(self) -> None:
        if not self._prebuilding or not self.is_attached:
            return
        shown = self._builds.get(self.active_stage_id)
        if shown is not None and not shown.done():  # the stage shown comes first
            shown.add_done_callback(lambda _: self.call_after_refresh(self._prebuild_next))
            return
        if settle := self._key_settle_left():
            self.set_timer(settle, self._prebuild_next)
            return
        stage_id = self.next_to_prebuild()
        if stage_id is None:
            self._prebuilding = False  # every stage is built and laid out
        elif stage_id not in self._builds and self.stage(stage_id) is None:
            self.run_worker(self._prebuild(stage_id), group="prebuild-stage")
        elif wait := self.app.typing_pause_left():  # type: ignore[attr-defined]
            self.set_timer(wait, self._prebuild_next)  # not while the person types
        else:
            self.run_worker(self._lay_out_then_next(stage_id), group="prebuild-stage")

    async def _lay_out_then_next(self, stage_id: str) -> None:
        self._unseen_tries[stage_id] = self._unseen_tries.get(stage_id, 0) + 1
        await self._lay_out_unseen(stage_id)
        self.call_after_refresh(self._prebuild_next)

    async def _prebuild(self, stage_id: str) -> None:
        await self.ensure_stage(stage_id)
        if not (self.app.typing_pause_left()  # type: ignore[attr-defined]
                or self._key_settle_left()):
            await self._lay_out_unseen(stage_id)  # else later (`_prebuild_now`)
        self.call_after_refresh(self._prebuild_next)

    def _key_settle_left(self) -> float:
        """Seconds until the frame of the last key is surely drawn (`KEY_SETTLE`)."""
        return max(0.0, self.app.last_key + KEY_SETTLE - monotonic())  # type: ignore[attr-defined]

    def enter_stage(self, stage_id: str) -> None:
        """Show a stage and put the cursor in its first field."""
        # Let go of the focus first: when a focused field is hidden, Textual hands
        # the focus to a sibling in the same (hidden) pane, which shows that pane again.
        self.set_focus(None)
        self._show_pane(stage_id)
        self.tabs.active = stage_id
        stage = self.stage(stage_id)
        if stage is None or not stage.ready.is_set() or self.app.screen is not self:
            self.focus_active_stage()  # built first, focused once built
            return
        # Built (ahead of time, or on an earlier visit): the new stage, its focus and
        # its footer keys are drawn as one frame. Drawn one by one, each made its own
        # layout and repaint of the whole screen, and the footer came last.
        batch = ExitStack()
        batch.enter_context(self.app.batch_update())
        stage.focus_now()
        self._draw_once_focused(batch)

    def _draw_once_focused(self, batch: ExitStack) -> None:
        """Let the screen be drawn (`batch`, holding it, closed) once the footer shows
        the keys of the focus as it is now and the field given the cursor has restyled
        itself for it (its Focus event, queued: its scrollbars change colour). Drawn
        apart, that restyle was a second repaint 40 ms after the stage's."""
        focused = self.focused
        self.set_timer(0.5, batch.close)  # never hold the screen longer, whatever happens

        def draw() -> None:
            if not (focused is not None and focused.is_attached
                    and focused.call_later(batch.close)):
                batch.close()

        self.query_one(KeysFooter).show_keys_now(then=draw)  # then draw, once

    def step_stage(self, step: int) -> None:
        """The next (+1) or previous (-1) stage, wrapping round; only with no dialog open."""
        if self.app.screen is self:
            self._heading = 1 if step > 0 else -1
            index = STAGE_IDS.index(self.active_stage_id)
            self.enter_stage(STAGE_IDS[(index + step) % len(STAGE_IDS)])
            if self._launch_pause is not None:  # once this switch is drawn
                self.call_after_refresh(self._end_launch_pause)

    def focus_active_stage(self) -> None:
        stage_id = self.active_stage_id
        stage = self.stage(stage_id)
        if stage is None or not stage.ready.is_set():  # first visit: build, then focus
            self.run_worker(self._build_and_focus(stage_id), group="build-stage")
        elif self.app.screen is self:  # now, so the next frame shows it focused
            stage.focus_first()

    async def _build_and_focus(self, stage_id: str) -> None:
        stage = await self.ensure_stage(stage_id)
        if self.active_stage_id == stage_id and self.app.screen is self:
            stage.focus_first()

    def _show_pane(self, stage_id: str) -> None:
        """A stage being laid out unseen is shown in place, in this frame."""
        self.pane(stage_id).set_unseen(False)
        self._laid_out.add(stage_id)

    @on(Stage.Grown)
    def _lay_out_again(self, event: Stage.Grown) -> None:
        """A hidden stage grew: laid out and drawn unseen again, ahead of its next visit."""
        stage_id = (event.stage.id or "").removeprefix("stage-")
        if stage_id not in STAGE_IDS or stage_id == self.active_stage_id or closing(self):
            return  # shown: laid out as it grows
        self._laid_out.discard(stage_id)
        self._unseen_tries.pop(stage_id, None)
        if getattr(self.app, "prebuild", False) and not self._prebuilding:
            self._prebuilding = True
            self._prebuild_next()

    @on(TabbedContent.TabActivated, "#stages")
    def _stage_shown(self) -> None:
        """Tabs can change by key, click or palette: always act on the tab shown now."""
        self._show_pane(self.active_stage_id)
        stage = self.stage(self.active_stage_id)
        if stage is not None and stage.ready.is_set():
            stage.reload_if_stale()
        focused = self.focused
        if stage is None or focused is None or stage not in focused.ancestors:
            self.focus_active_stage()  # not yet focused by `enter_stage` (a click, say)
        self.app.request_save()  # type: ignore[attr-defined]
        if self.active_stage_id == REMINDED_ON:  # a look at what is due: is it still?
            self.app.refresh_reminder()  # type: ignore[attr-defined]

    def tell_stages(self, change: Change) -> None:
        """Every built stage that shows what changed refreshes: now if on screen,
        else when next shown (the stage that made the change keeps itself current)."""
        try:
            active = self.active_stage_id
        except NoMatches:  # the app is closing (a draft saved on its way out)
            return
        for stage_id in STAGE_IDS:
            stage = self.stage(stage_id)
            if stage is not None:
                stage.workbook_changed(change, shown=stage_id == active)
