"""Small things several test modules need."""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import Callable, Iterable

from textual.pilot import Pilot


def post_keys(app, keys: Iterable[str]) -> None:
    """Keys as a terminal delivers a burst typed fast: posted at once, no pause between.

    A character is named as Textual's driver names it ("[" is left_square_bracket,
    " " is space, "🚀" is rocket); a longer name ("tab", "ctrl+n") is a key as given.
    """
    from textual import events

    for key in keys:
        if len(key) == 1:
            name = key if key.isalnum() else (
                unicodedata.name(key, key).lower().replace("-", "_").replace(" ", "_"))
            app.post_message(events.Key(name, key))
        else:
            app.post_message(events.Key(key, None))


async def run_command(pilot: Pilot, title: str) -> None:
    """Run a command palette entry by typing its name, as a person would."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await pilot.pause(0)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await paste(pilot, title)
    commands = palette.query_one(CommandList)

    def found() -> bool:  # the palette searches in the background
        return bool(commands.option_count) and title in str(
            commands.get_option_at_index(0).prompt
        )

    await until(pilot, found)
    await pilot.press("enter")
    await until(pilot, lambda: pilot.app.screen is not palette)
    await settle(pilot)


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
    await pilot.pause(0)


async def enter(pilot: Pilot, stage_id: str) -> None:
    """Show a stage and wait until it is built and focused (however slow the machine)."""
    app = pilot.app
    await pilot.pause(0)
    app.enter_stage(stage_id)  # type: ignore[attr-defined]

    def focused_in_stage() -> bool:
        stage = app.stage(stage_id)  # type: ignore[attr-defined]
        focused = app.focused
        return stage is not None and focused is not None and stage in focused.ancestors_with_self

    await until(pilot, focused_in_stage)
    await pilot.pause(0)


async def paste(pilot: Pilot, text: str) -> None:
    """Paste text into the focused field, as a terminal paste arrives: one event, not
    one key press each (key presses cost ~70 ms apiece in a Pilot test)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause(0)


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
    await pilot.pause(0)


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
    await pilot.press("ctrl+n")
    await until(pilot, lambda: app.focused is not None and app.focused.id == "field-role")
    return paths
