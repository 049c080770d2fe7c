"""Opening the mail app never takes over the terminal: only on a desktop, and detached."""

from __future__ import annotations

import subprocess
import webbrowser

import pytest

from careertui.core import desktop
from careertui.core.model import Profile
from careertui.ui.stages.invite import InviteStage

from .conftest import SIZE
from .helpers import enter, until


class FakePopen:
    """Records how the opener would have been started."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict]] = []

    def __call__(self, command: list[str], **options) -> None:
        self.calls.append((command, options))


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ""}, "linux", False),
        ({"TERM": "xterm", "SSH_CONNECTION": "1 2 3 4"}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"DISPLAY": ":0"}, "freebsd14", True),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_a_desktop_is_there_only_with_a_display_on_linux(environ, platform, expected):
    assert desktop.has_desktop(environ, platform) is expected


def test_without_a_desktop_nothing_is_started():
    popen = FakePopen()
    problem = desktop.open_detached("mailto:a@b.c", environ={}, platform="linux", popen=popen)
    assert problem == desktop.NO_DESKTOP
    assert popen.calls == []


def test_the_opener_is_started_detached_from_the_terminal(monkeypatch):
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    popen = FakePopen()
    url = "mailto:p%40example.com?subject=A%20%26%20B"
    problem = desktop.open_detached(url, environ={"DISPLAY": ":0"}, platform="linux", popen=popen)
    assert problem is None
    [(command, options)] = popen.calls
    assert command == ["/usr/bin/xdg-open", url]
    assert options["start_new_session"] is True
    for stream in ("stdin", "stdout", "stderr"):
        assert options[stream] is subprocess.DEVNULL


def test_macos_uses_open(monkeypatch):
    popen = FakePopen()
    assert desktop.open_detached("mailto:x", environ={}, platform="darwin", popen=popen) is None
    assert popen.calls[0][0] == ["open", "mailto:x"]


def test_a_desktop_without_xdg_open_says_so(monkeypatch):
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    popen = FakePopen()
    problem = desktop.open_detached("mailto:x", environ={"DISPLAY": ":0"}, platform="linux",
                                    popen=popen)
    assert problem and "xdg-open" in problem
    assert popen.calls == []


def test_an_opener_that_cannot_start_is_a_reason_not_a_crash(monkeypatch):
    monkeypatch.setattr(desktop.shutil, "which", lambda name: "/usr/bin/xdg-open")

    def broken(command, **options):
        raise PermissionError(13, "Permission denied")

    problem = desktop.open_detached("mailto:x", environ={"DISPLAY": ":0"}, platform="linux",
                                    popen=broken)
    assert problem == "Permission denied"


# ------------------------------------------------------------------ the Invite stage


@pytest.fixture
def no_browser(monkeypatch) -> None:
    """webbrowser.open may start a console browser in the terminal: it must never run."""

    def refuse(*args, **kwargs):
        raise AssertionError("webbrowser.open was called")

    monkeypatch.setattr(webbrowser, "open", refuse)


def notices_of(app) -> list[str]:
    notices: list[str] = []
    original = app.notify

    def notify(message: str, **options) -> None:
        notices.append(message)
        original(message, **options)

    app.notify = notify
    return notices


async def test_without_a_desktop_the_mail_button_points_to_copy_and_eml(
    make_app, monkeypatch, no_browser
):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    popen = FakePopen()
    monkeypatch.setattr(desktop.subprocess, "Popen", popen)
    app = make_app()
    notices = notices_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        app.query_one(InviteStage).query_one("#invite-mailto").press()
        await until(pilot, lambda: notices)
    assert popen.calls == []
    assert notices == [
        "No mail app could be opened: there is no desktop here, only this terminal. "
        "Use Copy email (f3) or Save .eml (f4) instead."
    ]


async def test_on_a_desktop_the_mail_app_is_asked_detached(make_app, monkeypatch, no_browser):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: "/usr/bin/xdg-open")
    popen = FakePopen()
    monkeypatch.setattr(desktop.subprocess, "Popen", popen)
    app = make_app()
    app.workbook.save_profile(Profile(manager_name="Priya", manager_email="priya@example.com"))
    notices = notices_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "invite")
        app.query_one(InviteStage).query_one("#invite-mailto").press()
        await until(pilot, lambda: notices)
    [(command, options)] = popen.calls
    assert command[0] == "/usr/bin/xdg-open"
    assert command[1].startswith("mailto:priya%40example.com?subject=")
    assert options["start_new_session"] is True
    assert notices == ["Asked your mail app to open a new message."]
