"""The one clipboard helper: desktop clipboard first, terminal always, file when unsure."""

from __future__ import annotations

import stat

from textual.app import App

from careertui.ui import clipboard


async def test_without_a_desktop_clipboard_the_terminal_and_a_file_get_the_text(isolated_home):
    app = App()
    async with app.run_test():
        result = await clipboard.copy_text(app, "Subject: hi\n\nbody é")
    assert app.clipboard == "Subject: hi\n\nbody é"
    assert not result.system_clipboard
    assert result.file == isolated_home / ".local/share/careertui/last-copied.txt"
    assert result.file.read_text("utf-8") == "Subject: hi\n\nbody é"
    assert stat.S_IMODE(result.file.stat().st_mode) == 0o600
    notice = result.notice("Agenda")
    assert "terminal's clipboard" in notice and "~/.local/share/careertui/last-copied.txt" in notice


async def test_with_a_desktop_clipboard_no_file_is_written(monkeypatch, isolated_home):
    copied: list[str] = []
    monkeypatch.setattr(clipboard, "_pyperclip_copy", copied.append)
    app = App()
    async with app.run_test():
        result = await clipboard.copy_text(app, "hello")
    assert copied == ["hello"]
    assert app.clipboard == "hello"  # the terminal is asked too (SSH, tmux)
    assert result.system_clipboard and result.file is None
    assert result.notice("Agenda") == "Agenda copied to the clipboard."
    assert not (isolated_home / ".local/share/careertui/last-copied.txt").exists()


async def test_an_unwritable_data_folder_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = App()
    async with app.run_test():
        result = await clipboard.copy_text(app, "hello", folder=blocker)
    assert app.clipboard == "hello"
    assert result.file is None and "is a file, not a folder" in (result.problem or "")
    assert "could not be saved to a file" in result.notice("Agenda")
