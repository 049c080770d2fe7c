"""Every test runs in its own HOME with a fixed clock: nothing touches the real workbook."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from careertui.factory import create_app
from careertui.ui.app import CareerApp

# A test process builds and drops hundreds of apps: with Python's default thresholds
# the cycle collector runs every few hundred allocations over an ever larger heap, a
# sixth of the suite's time. Collected less often, the same tests run in less.
gc.set_threshold(100_000, 50, 100)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything imported by now (Textual, careertui, the tests) lives as long as the
    process: frozen out of the collector, whose full passes no longer walk it (a tenth
    of the suite's CPU time). The app does the same at launch (`tune_gc`)."""
    gc.collect()
    gc.freeze()

def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest tests first: the workers share out the rest while they run, instead
    of one worker finishing a long test alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


FIXED_NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=1)))
SIZE = (100, 30)


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("CAREERTUI_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture(autouse=True)
def no_desktop_clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Tests never touch the real clipboard: pyperclip behaves as on a headless server.

    A test that wants a working desktop clipboard replaces `_pyperclip_copy` again.
    """
    import pyperclip

    from careertui.ui import clipboard

    def unavailable(text: str) -> None:
        raise pyperclip.PyperclipException("no copy/paste mechanism (test)")

    monkeypatch.setattr(clipboard, "_pyperclip_copy", unavailable)
    return []


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "workbook.json"


@pytest.fixture
def make_app(db_path: Path, tmp_path: Path) -> Iterator[Callable[..., CareerApp]]:
    """Build apps the way the CLI does, with a fixed clock and no cursor blink."""
    built: list[CareerApp] = []

    def make(**options: object) -> CareerApp:
        options.setdefault("db_path", db_path)
        options.setdefault("clock", fixed_clock)
        options.setdefault("cursor_blink", False)
        options.setdefault("config_dir", tmp_path / "config")
        options.setdefault("autosave_delay", 0.05)
        options.setdefault("tune_gc", False)
        options.setdefault("prebuild", False)  # tests that need it turn it on
        app = create_app(**options)  # type: ignore[arg-type]
        # Textual's own setting for people who turn animation off (TEXTUAL_ANIMATIONS):
        # a test then reads each stage's final state without waiting, after every
        # key, for the tab underline's 0.3 s slide (the workers' idle time fell from
        # 197 to 171 s of the suite's 518).
        app.animation_level = "none"
        built.append(app)
        return app

    yield make
    for app in built:
        app.workbook.close()


@dataclass(frozen=True)
class Notice:
    message: str
    severity: str
    title: str


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[Notice]:
    """Every notice any app in the test shows, in order, recorded through the app's own
    `notify` (Textual keeps its notifications in a private attribute)."""
    shown: list[Notice] = []
    original = CareerApp.notify

    def notify(self: CareerApp, message: str, *, title: str = "",
               severity: str = "information", **options: object) -> None:
        shown.append(Notice(message, severity, title))
        original(self, message, title=title, severity=severity, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(CareerApp, "notify", notify)
    return shown
