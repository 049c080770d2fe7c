"""Leaving is saving: the real app, in a pseudo-terminal, closed by a signal.

Closing the terminal window (SIGHUP) or logging out (SIGTERM) must keep what
was typed a moment before, even within the autosave delay (one second), and
even in a workbook file that did not exist when the app started.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from .helpers import idle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")

COLUMNS, ROWS = 120, 40
STARTUP_SECONDS = 30.0
EXIT_SECONDS = 10.0
AUTOSAVE_SECONDS = 1.0
"""The app's default autosave delay: the signal must come sooner to prove anything."""
TYPED = "Kept 目标 🚀 [b]x"


def _read_available(fd: int, seconds: float) -> bytes:
    """What the app wrote to the terminal within `seconds` (nothing if it wrote nothing)."""
    chunks = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the app closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


class RunningApp:
    """`python -m careertui --db PATH` in a 120x40 pseudo-terminal."""

    def __init__(self, db: Path, home: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(ROWS),
        }
        for name in ("CAREERTUI_DB", "TEXTUAL", "TEXTUAL_DRIVER", "NO_COLOR"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "careertui", "--db", str(db)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            preexec_fn=_own_terminal,  # a session whose controlling terminal is the pty
            close_fds=True,
        )
        os.close(slave)
        self.output = b""

    def wait_until_drawn(self) -> None:
        """Until the first stage's prompt is on screen (the cursor is in its answer then)."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            self.output += _read_available(self.master, 0.1)
            if b"Self-assessment" in self.output and b"strengths" in self.output.lower():
                # one more quiet moment: the first frame is complete
                self.output += _read_available(self.master, 0.2)
                return
        raise AssertionError(f"the app never drew its first screen:\n{self.output[-2000:]!r}")

    def type(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def wait_until_shown(self, text: bytes) -> None:
        """Until the app has drawn `text`: the keys typed have been handled."""
        seen = len(self.output)
        deadline = time.monotonic() + AUTOSAVE_SECONDS
        while time.monotonic() < deadline:
            self.output += _read_available(self.master, 0.01)
            if text in self.output[seen:]:
                return
        raise AssertionError(f"what was typed never showed:\n{self.output[-2000:]!r}")

    def wait_for_exit(self) -> int:
        deadline = time.monotonic() + EXIT_SECONDS
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                return code
            self.output += _read_available(self.master, 0.05)  # never let the pty fill up
        self.process.kill()
        raise AssertionError("the app did not exit after the signal")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def _own_terminal() -> None:
    """As a terminal emulator starts a shell: a new session, the pty its controlling
    terminal, so closing the pty hangs it up (SIGHUP) as closing a window does."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.fixture
def pty_home(tmp_path: Path) -> Path:
    home = tmp_path / "pty-home"
    home.mkdir()
    return home


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_right_after_typing_saves_a_workbook_that_did_not_exist(
    tmp_path: Path, pty_home: Path, signum: int
):
    db = tmp_path / "new" / "workbook.json"
    assert not db.exists()
    app = RunningApp(db, pty_home)
    try:
        app.wait_until_drawn()
        typed_at = time.monotonic()
        app.type(TYPED)
        app.wait_until_shown(b"Kept")
        app.process.send_signal(signum)
        signalled_after = time.monotonic() - typed_at
        assert signalled_after < AUTOSAVE_SECONDS  # so no autosave can have written it
        assert app.wait_for_exit() == 0, app.output[-2000:]
    finally:
        app.close()
    stored = json.loads(db.read_text("utf-8"))
    texts = [doc.get("text") for doc in stored.get("reflections", {}).values()]
    assert TYPED in texts
    # the lock was let go: another careertui can open the workbook now
    from careertui.core.store import Workbook

    Workbook.open(db).close()


async def test_the_app_gives_the_signals_back_as_they_were(make_app):
    """Handled while it runs; afterwards the process's own handlers are back."""

    def mine(signum, frame) -> None:
        pass

    previous = signal.signal(signal.SIGTERM, mine)
    try:
        app = make_app()
        async with app.run_test() as pilot:
            await idle(pilot)
            assert signal.getsignal(signal.SIGTERM) is not mine
        assert signal.getsignal(signal.SIGTERM) is mine
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_closing_the_terminal_window_saves_and_the_process_ends(tmp_path: Path, pty_home: Path):
    """The window goes, so does the terminal: the kernel sends SIGHUP and every later
    write to the terminal fails. careertui saves and is gone, not left hanging."""
    db = tmp_path / "workbook.json"
    app = RunningApp(db, pty_home)
    try:
        app.wait_until_drawn()
        app.type(TYPED)
        app.wait_until_shown(b"Kept")
        os.close(app.master)  # the window closes: the kernel hangs up the terminal
        deadline = time.monotonic() + EXIT_SECONDS
        while app.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.process.poll() is not None, "careertui was left running without a terminal"
    finally:
        if app.process.poll() is None:
            app.process.kill()
            app.process.wait()
    texts = [doc.get("text") for doc in
             json.loads(db.read_text("utf-8")).get("reflections", {}).values()]
    assert TYPED in texts


async def test_keys_already_read_reach_the_workbook_before_a_signal_s_save(make_app):
    """A signal's save runs beside the app's queues, not after them: keys the terminal
    had delivered were still on their way to the field, and the save found nothing
    to write (the closed-window test above failed so on a loaded machine). Before
    saving, the app now waits for what is queued to land."""
    from careertui.core.model import Reflection
    from careertui.ui.leaving import let_typing_land

    from .helpers import post_keys

    app = make_app(autosave_delay=60)
    async with app.run_test() as pilot:
        await idle(pilot)
        post_keys(app, list(TYPED))
        assert not app.workbook.dirty  # the keys are queued, nothing has landed yet
        await let_typing_land(app, through_app=True)  # as the signal's save does first
        assert [r.text for r in app.workbook.all(Reflection)] == [TYPED]
