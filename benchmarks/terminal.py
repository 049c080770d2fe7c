"""Driving a program in a real terminal: tmux sessions, keys, the screen's text, memory.

The benchmarks that time what a person sees run the program in a detached tmux
session and read the screen as tmux holds it. `Terminal` keeps one tmux client
in control mode open, so reading the screen every few milliseconds costs a
fraction of a millisecond instead of starting a `tmux` process each time (which
would take 3 ms and steal CPU from the program being timed).
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import IO

WIDTH, HEIGHT = 120, 40


def tmux(*args: str) -> str:
    """Run one tmux command and return what it printed."""
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def start(session: str, command: str, width: int = WIDTH, height: int = HEIGHT) -> None:
    """Run `command` in a new detached session of the given size (end an old one first)."""
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(width),
                    "-y", str(height), f"exec {command}"], check=True)


def kill(session: str) -> None:
    """End a session and wait for its program to exit.

    careertui saves and lets go of its workbook's lock when the terminal hangs
    up; a run started before that is refused as a second instance.
    """
    pids = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()
    tmux("kill-session", "-t", session)
    deadline = time.perf_counter() + 10
    while pids and Path(f"/proc/{pids[0]}").exists() and time.perf_counter() < deadline:
        time.sleep(0.01)


def peak_rss_mb(session: str) -> float:
    """The peak resident memory (VmHWM) of the program running in a tmux session."""
    pid = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0]
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmHWM:")) / 1024


class Terminal:
    """A tmux control-mode client: send keys and read screens cheaply.

    The client sits in a session of its own, so it never resizes the sessions
    it reads (their windows keep the size they were started with).
    """

    def __init__(self, name: str = "bench-control") -> None:
        self.name = name
        kill(name)
        self._process = subprocess.Popen(
            ["tmux", "-C", "new-session", "-s", name, "-x", "80", "-y", "24", "cat"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self._command("display-message -p bench-ready", until="bench-ready")

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        stdin: IO[str] | None = self._process.stdin
        if stdin is not None:
            stdin.close()
        kill(self.name)
        self._process.wait(timeout=5)

    def _command(self, command: str, until: str | None = None) -> list[str]:
        """Send one command and return its output lines (the block tmux frames with %begin).

        Blocks whose flags are not 1 answer commands this client did not send
        (the new-session that started it, which can come late) and are skipped.
        """
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(command + "\n")
        self._process.stdin.flush()
        while True:
            lines: list[str] = []
            inside = False
            for raw in self._process.stdout:
                line = raw.rstrip("\n")
                if line.startswith("%begin"):
                    inside, lines = line.split()[-1] == "1", []
                elif inside and line.startswith(("%end", "%error")):
                    break
                elif inside:
                    lines.append(line)
            else:
                raise RuntimeError("the tmux control client went away")
            if line.startswith("%error"):
                raise RuntimeError(f"tmux {command!r}: {' '.join(lines)}")
            if until is None or until in lines:
                return lines

    def screen(self, session: str) -> list[str]:
        """The text on the session's screen now, one string a row (colours left out)."""
        return self._command(f"capture-pane -p -t {session}")

    def send(self, session: str, key: str) -> float:
        """Press a key (tmux's name for it, e.g. C-PgDn); returns when it was sent."""
        sent = time.perf_counter()
        self._command(f"send-keys -t {session} {key}")
        return sent
