"""Leaving is saving: ctrl+q, a closed terminal (SIGHUP) and a shutdown (SIGTERM)
all save first, and a failed save is asked about (or, with nobody left to ask,
said in the exit code) rather than lost."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.store import SaveError, WorkbookError

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.widget import Widget

    from .app import CareerApp

LEAVE_SIGNALS = ("SIGHUP", "SIGTERM")
"""The terminal window or SSH session closed; a logout or shutdown."""
LEAVE_SAVE_SECONDS = 1.0
"""How long saving may take on the way out after such a signal."""
TYPING_LAND_SECONDS = 0.5
"""How long keys already read may take to reach the workbook before a save that
must not miss them (quitting, a signal, ctrl+s)."""
LEAVE_GRACE_SECONDS = 2.0
"""How long the app may take to hand the terminal back after that, before the
process ends without it (a closed terminal window never answers)."""


class LeaveSignals:
    """SIGHUP and SIGTERM handled on the event loop while the app runs, and given
    back as they were afterwards (tests run many apps in one process)."""

    def __init__(self, on_signal: Callable[[int], None]) -> None:
        self._on_signal = on_signal
        self._previous: dict[int, object] = {}

    def catch(self) -> None:
        loop = asyncio.get_running_loop()
        for name in LEAVE_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is None:  # Windows has no SIGHUP
                continue
            previous = signal.getsignal(signum)
            try:
                loop.add_signal_handler(signum, self._on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):
                continue  # a loop without signal support, or not the main thread
            self._previous[signum] = previous

    def release(self) -> None:
        loop = asyncio.get_running_loop()
        for signum, previous in self._previous.items():
            loop.remove_signal_handler(signum)
            if previous is not None:
                signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()


async def let_typing_land(app: CareerApp, *, through_app: bool) -> None:
    """Wait until keys already read from the terminal have reached their field and the
    field's change has reached the workbook, so that a save now includes them.

    Typing a burst and pressing ctrl+q (or closing the window) a moment later is
    ordinary: the keys then still sit in queues on their way — the app's, the
    field's (a key, then the change it makes), and each container's the change
    bubbles through to its stage. Each queue is passed through in that order,
    by a callback posted behind what is already queued. `through_app` is False
    when called from the app's own message handling (a key binding), which has
    handed every earlier key on already and cannot wait for itself.
    """

    async def behind_queued(pump: MessagePump) -> None:
        passed = asyncio.Event()
        if pump.call_later(passed.set):
            await passed.wait()

    async def through_the_queues() -> None:
        if through_app:
            await behind_queued(app)
        passed: list[Widget] = []
        # a tab among the keys moves on to the next field: through that one as well
        while (focused := app.focused) is not None and focused not in passed:
            passed.append(focused)
            # twice through the field: its keys first, then the changes they posted
            for pump in [focused, *focused.ancestors_with_self]:
                if pump is app:
                    break
                await behind_queued(pump)

    with contextlib.suppress(TimeoutError):  # a queue stuck: save what has landed
        await asyncio.wait_for(through_the_queues(), TYPING_LAND_SECONDS)


async def save_and_leave(app: CareerApp) -> None:
    """After a signal: save (for a second at most), let go of the lock, exit.

    Nobody may be left to answer a dialog, so a failed save is not asked
    about: the exit code and message say it.
    """
    await let_typing_land(app, through_app=True)
    try:
        saved = await asyncio.wait_for(app.autosaver.save(), LEAVE_SAVE_SECONDS)
    except TimeoutError:
        saved = False
    # The terminal may be gone (a closed window): then Textual's last writes to it can
    # block for ever. What matters is on disk by now, so the process ends regardless.
    ending = threading.Timer(LEAVE_GRACE_SECONDS, os._exit, (0 if saved else 1,))
    ending.daemon = True
    ending.start()
    if saved:
        app.workbook.release_lock()
        app.exit()
    else:
        app.exit(
            return_code=1,
            message=f"careertui was closed before your last changes could be saved to "
            f"{app.workbook.path}: {app.autosaver.error or 'saving took too long'}",
        )


async def quit_safely(app: CareerApp) -> None:
    """Save, then quit; if saving fails, ask rather than lose anything."""
    await let_typing_land(app, through_app=False)
    if await app.autosaver.save():
        app.exit()
        return
    from .screens.confirm import ChoiceDialog

    dialog = ChoiceDialog(
        "Your work is not saved",
        f"careertui could not write {app.workbook.path}:\n{app.autosaver.error}\n\n"
        "Your edits are still here. Retry, save them to another file, or quit without saving.",
        [("retry", "Retry"), ("save-as", "Save to this file"), ("quit", "Quit anyway")],
        ask_path=str(Path.home() / "careertui-workbook.json"),
        escape_choice=None,
    )

    async def chosen(choice: str | None) -> None:
        if choice == "retry":
            await quit_safely(app)
        elif choice == "quit":
            app.exit()
        elif choice and choice.startswith("save-as:"):
            target = Path(choice.removeprefix("save-as:"))
            try:
                await app.autosaver.save_as(target)
            except SaveError as error:
                app.notify(f"Could not save to {target}: {error.reason}", severity="error")
                await quit_safely(app)
                return
            except WorkbookError as error:  # the new file is open in another careertui
                app.notify(f"Could not switch to {target}: {error}", severity="error")
                await quit_safely(app)
                return
            app.exit(message=f"Your workbook was saved to {app.workbook.path}")

    app.push_screen(dialog, callback=chosen)
