"""Typing ahead: keys pressed as careertui starts, before its first screen is drawn,
land in the first field in order (the terminal holds them until the app reads them,
and they came before any field could take them)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from .test_signals import RunningApp, pty_home  # noqa: F401  (a fixture)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys")

AHEAD = "Typed ahead [b]x 目标 "
DURING = "while it starts 🚀"


def test_keys_typed_before_the_first_screen_land_in_the_first_field(
        tmp_path: Path, pty_home: Path) -> None:  # noqa: F811
    db = tmp_path / "workbook.json"
    app = RunningApp(db, pty_home)
    try:
        app.type(AHEAD)  # the process has only just started: nothing is drawn yet
        time.sleep(0.2)
        assert b"Self-assessment" not in app.output
        app.type(DURING)
        app.wait_until_drawn()
        app.wait_until_shown(b"starts")
        app.type("\x11")  # ctrl+q
        assert app.wait_for_exit() == 0, app.output[-2000:]
    finally:
        app.close()
    texts = [doc.get("text") for doc in
             json.loads(db.read_text("utf-8")).get("reflections", {}).values()]
    assert AHEAD + DURING in texts, texts
