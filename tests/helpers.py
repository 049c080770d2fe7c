"""Small things several test modules need."""

from __future__ import annotations

import asyncio
import contextlib
import time
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.pilot import Pilot
from textual.widget import Widget

if TYPE_CHECKING:
    from careertui.ui.widgets.record_list import RecordList


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys one at a time, each handled before the next: `pilot.press` without
    its waits that cost more than the keys.

    After every key `pilot.press` sleeps at least 40 ms, and queues a callback on every
    widget of the screen and waits for each: with a few hundred widgets a screen, about
    a fifth of the suite's time. Here a key waits for the app to handle it, draw and go
    quiet (`idle`): as `pilot.press` does, measured in 2 ms instead of 20 ms windows.
    """
    for key in keys:
        pilot.app.post_message(key_event(key))
        await idle(pilot)


async def idle(pilot: Pilot) -> None:
    """Wait until the app has handled what it was given, drawn what that changed and
    gone quiet (every message queue empty, no worker thread busy). For `pilot.pause()`,
    which walks every widget."""
    app = pilot.app
    await handled(pilot)
    await quiet()
    await _ran(app, app.screen, after_refresh=True)  # and whatever waited for that frame
    await quiet()


async def handled(pilot: Pilot) -> None:
    """Wait until the app has handled every message queued for it so far, and the widget
    in focus what the app passed on to it (a key, a paste)."""
    app = pilot.app
    await _ran(app, app)
    await _ran(app, app.focused or app.screen)


async def _ran(app, pump, *, after_refresh: bool = False) -> None:
    """Wait until a callback queued on `pump` (the app, a screen, a widget) has run, after
    the next frame if `after_refresh`; or until the pump has closed or the app is
    quitting (either way it never runs)."""
    done = asyncio.Event()
    schedule = pump.call_after_refresh if after_refresh else pump.call_later
    if not schedule(done.set):
        return
    deadline = time.monotonic() + 30
    while (not done.is_set() and pump.is_running and app.return_code is None
           and time.monotonic() < deadline):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), timeout=0.05)


async def quiet(window: float = 0.002, most: float = 1.0) -> None:
    """Wait until the process spends under a twentieth of a `window` on the CPU (all
    its threads: workers count), as Textual's own wait for idle does in 20 ms windows."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        before = time.process_time()
        await asyncio.sleep(window)
        if time.process_time() - before < window / 20:
            return


# Textual's shorter names for a few characters' Unicode names (its own table is private).
KEY_NAMES = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
             "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}


def key_event(key: str):
    """The event a terminal sends for `key`, named as `pilot.press` names it: a character
    ("[" is left_square_bracket, " " is space, "🚀" is rocket) or a key ("tab", "ctrl+n")."""
    from textual import events
    from textual.keys import key_to_character

    if len(key) == 1:
        if key.isalnum():
            return events.Key(key, key)
        name = unicodedata.name(key, key).lower().replace("-", "_").replace(" ", "_")
        return events.Key(KEY_NAMES.get(name, name), key)
    return events.Key(key, key_to_character(key))


def post_keys(app, keys: Iterable[str]) -> None:
    """Keys as a terminal delivers a burst typed fast: posted at once, no pause between."""
    for key in keys:
        app.post_message(key_event(key))


async def pick_in_palette(pilot: Pilot, typed: str) -> None:
    """In the palette open now, type `typed` and press enter once it is the first entry."""
    from textual.command import CommandList, CommandPalette

    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await paste(pilot, typed)
    commands = palette.query_one(CommandList)

    def found() -> bool:  # the palette searches in the background
        return bool(commands.option_count) and typed in str(
            commands.get_option_at_index(0).prompt
        )

    await until(pilot, found)
    await press(pilot, "enter")


async def run_command(pilot: Pilot, title: str) -> None:
    """Run a command palette entry by typing its name, as a person would."""
    await press(pilot, "ctrl+p")
    palette = pilot.app.screen
    await pick_in_palette(pilot, title)
    await until(pilot, lambda: pilot.app.screen is not palette)
    await settle(pilot)


async def open_action_items(pilot: Pilot) -> RecordList:
    """Check-ins' list of open action items, the cursor in it and its form showing the
    first."""
    from careertui.ui.widgets.record_list import RecordList

    await enter(pilot, "check-ins")
    actions = pilot.app.query_one("#checkin-actions", RecordList)
    actions.table.focus()
    await until(pilot, lambda: actions.has_form and actions.selected is not None)
    return actions


async def choose_theme(pilot: Pilot, name: str) -> None:
    """Choose a theme as a person does: the palette's Theme list, its name typed, enter."""
    await run_command(pilot, "Theme")
    await pick_in_palette(pilot, name)
    await until(pilot, lambda: pilot.app.theme == name)


async def settle(pilot: Pilot) -> None:
    """Let workers (threads included), the footer's rebuild and the refresh after them finish.

    Polls rather than `workers.wait_for_complete()`, which raises when an
    exclusive worker was (rightly) cancelled by a newer one.
    """
    from careertui.ui.widgets.footer import KeysFooter

    app = pilot.app
    footers = app.screen_stack[0].query(KeysFooter)

    def settled() -> bool:
        if app.screen is not app.screen_stack[0]:
            return True  # a dialog is open: the worker behind it waits for an answer
        busy = any(worker.is_running for worker in app.workers)
        return not busy and not any(footer.settling for footer in footers)

    await until(pilot, settled)
    await idle(pilot)


async def enter(pilot: Pilot, stage_id: str) -> None:
    """Show a stage and wait until it is built and focused (however slow the machine)."""
    app = pilot.app
    await idle(pilot)
    app.enter_stage(stage_id)  # type: ignore[attr-defined]

    def focused_in_stage() -> bool:
        stage = app.stage(stage_id)  # type: ignore[attr-defined]
        focused = app.focused
        return stage is not None and focused is not None and stage in focused.ancestors_with_self

    await until(pilot, focused_in_stage)
    await idle(pilot)


async def paste(pilot: Pilot, text: str) -> None:
    """Paste text into the focused field, as a terminal paste arrives: one event, not
    one key press each (key presses cost ~70 ms apiece in a Pilot test)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await idle(pilot)


async def self_assessment_built(pilot: Pilot) -> None:
    """Wait until the prompts below the first and the achievements are mounted
    (built one at a time after the first frame; a long achievements list only when
    it is scrolled to)."""
    from careertui.ui.stages.self_assessment import SelfAssessmentStage

    stage = pilot.app.query_one(SelfAssessmentStage)
    await until(pilot, lambda: stage.built)
    assert stage.built, "the Self-assessment stage was never fully built"
    from careertui.ui.stages.self_assessment import AchievementsSection

    await stage.query_one(AchievementsSection).build()  # as scrolling down to it would
    await idle(pilot)


async def until(pilot: Pilot, condition: Callable[[], object], timeout: float = 30.0) -> None:
    """Wait until `condition()` holds; fail the test if it does not within `timeout` seconds.

    Polls with a plain sleep, not `pilot.pause()`: a pause queues a callback on
    every widget of the screen and waits for each (65 ms of CPU on a screen with
    every stage built), which made the waiting cost more than the work waited for.
    The app keeps processing its messages and drawing while the test sleeps.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout:g} s: {condition}")
        await asyncio.sleep(0.01)


async def new_path(pilot: Pilot):
    """On Paths, ctrl+n in its list: a new path, the cursor in its role. Returns the list."""
    from careertui.ui.widgets.record_list import RecordList

    app = pilot.app
    await enter(pilot, "paths")
    paths = app.query_one("#paths-list", RecordList)
    paths.table.focus()
    await press(pilot, "ctrl+n")
    await until(pilot, lambda: app.focused is not None and app.focused.id == "field-role")
    return paths


def field_shown(stage: Widget, field: Widget) -> bool:
    """The part of a stage's focused field a person must see is on screen, as the stage
    itself checks it on entry: a list's rows down to its cursor, else the whole field."""
    from careertui.ui.stages.base import Stage

    assert isinstance(stage, Stage), stage
    seen, view = stage.field_and_view(field)
    return bool(seen.area) and view.contains_region(seen)


async def choose(pilot: Pilot, field: Widget, value: str) -> None:
    """Pick `value` in a drop-down as a person does: focus it, enter opens the options,
    home, down to the option, enter chooses."""
    from careertui.ui.widgets.choice import ChoiceField, ChoiceMenu

    assert isinstance(field, ChoiceField), field
    values = [option for _, option in field.options]
    field.focus()
    await until(pilot, lambda: pilot.app.focused is field)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceMenu))
    await pilot.press("home", *["down"] * values.index(value), "enter")
    # closed (the field may show another record's choice by now: one marked done leaves
    # a list of open items)
    await until(pilot, lambda: not isinstance(pilot.app.screen, ChoiceMenu))
