"""Saving a person can trust: one writer at a time, nothing slow on the event loop,
and every problem said rather than swallowed."""

from __future__ import annotations

import asyncio
import errno
import json
import threading
from pathlib import Path

from textual.widgets import Input, Static

from careertui.core import store
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.screens.help import HelpScreen

from .conftest import SIZE
from .helpers import idle, press, run_command, settle, until


async def test_save_as_on_quit_takes_turns_with_the_retry_timer(
    make_app, tmp_path: Path, monkeypatch
):
    """The retry timer fires every 50 ms while the rescue file is written slowly: no two
    writes ever overlap, and the workbook is read only on the event loop."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    rescue = tmp_path / "rescued.json"
    writing = threading.Lock()
    overlaps: list[Path] = []
    snapshot_threads: list[threading.Thread] = []
    original_write = store.atomic_write
    rescue_started = threading.Event()
    release_rescue = threading.Event()

    def slow_atomic_write(path: Path, payload: bytes, **options) -> None:
        if not writing.acquire(blocking=False):
            overlaps.append(path)
            writing.acquire()
        try:
            if path == rescue:
                rescue_started.set()
                release_rescue.wait(5)
            original_write(path, payload, **options)
        finally:
            writing.release()

    monkeypatch.setattr(store, "atomic_write", slow_atomic_write)
    app = make_app(db_path=blocker / "workbook.json", retry_delay=0.05)
    original_snapshot = app.workbook.snapshot

    def snapshot():
        snapshot_threads.append(threading.current_thread())
        return original_snapshot()

    app.workbook.snapshot = snapshot
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Ada")
        await until(pilot, lambda: app.sub_title.startswith("Save failed: "))
        await press(pilot, "ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        app.screen.query_one("#dialog-path", Input).value = str(rescue)
        await pilot.click("#choice-save-as")
        await until(pilot, rescue_started.is_set)
        assert rescue_started.is_set()
        # Retries come due while the rescue file is being written (a fixed wait: there is
        # nothing to wait on, as the app runs no timer while the save-as is awaited). A
        # plain sleep: `pilot.pause` also waits for every widget, held up by the write.
        await asyncio.sleep(0.2)
        release_rescue.set()
        await until(pilot, lambda: not app.is_running)
    assert overlaps == []
    assert snapshot_threads and all(t is threading.main_thread() for t in snapshot_threads)
    assert json.loads(rescue.read_text())["reflections"]["1"]["text"] == "Ada"
    assert app.workbook.path == rescue.resolve()


def _no_locks_here(monkeypatch) -> None:
    def take(path):
        raise OSError(errno.ENOLCK, "No locks available", str(path))

    monkeypatch.setattr(store._SingleWriterLock, "take", take)


async def test_a_workbook_that_cannot_be_locked_says_so_and_still_saves(
    make_app, db_path: Path, monkeypatch
):
    _no_locks_here(monkeypatch)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert app.sub_title == "All saved · Not locked: No locks available"
        await press(pilot, *"Ada", "ctrl+s")
        await until(pilot, lambda: app.sub_title.startswith("Saved"))
        assert app.sub_title == "Saved 09:30 · Not locked: No locks available"
        assert json.loads(db_path.read_text())["reflections"]["1"]["text"] == "Ada"
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        note = str(app.screen.query_one("#help-lock-problem", Static).render())
        assert "could not be locked (No locks available)" in note
        assert "Saving works as usual" in note


async def test_a_locked_workbook_says_nothing_about_locks(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not app.screen.query("#help-lock-problem")
        assert "lock" not in app.sub_title.lower()


async def test_the_theme_is_remembered_off_the_event_loop(make_app, tmp_path: Path, monkeypatch):
    threads: list[threading.Thread] = []
    original = store.atomic_write

    def recording_write(path: Path, payload: bytes, **options) -> None:
        threads.append(threading.current_thread())
        original(path, payload, **options)

    monkeypatch.setattr(store, "atomic_write", recording_write)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "careertui-light"
        await until(pilot, lambda: threads)
        await settle(pilot)
    assert threads and threading.main_thread() not in threads
    settings = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert settings["theme"] == "careertui-light"


async def test_a_theme_that_cannot_be_remembered_is_a_notice(
    make_app, tmp_path: Path, notices
):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    app = make_app(config_dir=blocker / "config")
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "careertui-light"
        await until(pilot, lambda: any("could not be remembered" in n.message for n in notices))
    warnings = [n.message for n in notices if n.severity == "warning"]
    assert any(f"could not be remembered: {blocker} is a file" in n for n in warnings), notices


async def test_an_export_is_written_off_the_event_loop(
    make_app, tmp_path: Path, monkeypatch, notices
):
    from careertui.ui.screens import save_file

    threads: list[threading.Thread] = []
    original = save_file.export_file

    def recording_export(*args, **options):
        threads.append(threading.current_thread())
        return original(*args, **options)

    monkeypatch.setattr(save_file, "export_file", recording_export)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Export workbook")
        await press(pilot, "enter")
        await settle(pilot)
        await until(pilot, lambda: any("Saved the whole workbook" in n.message for n in notices))
    assert threads and threading.main_thread() not in threads
    assert (tmp_path / "careertui-workbook-2026-11-25.md").read_text("utf-8").startswith("#")
