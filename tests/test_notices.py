"""Notices: one per action at a time, at most two on screen, short, the file on its own
line; and the save dialog starts where the last file went."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from careertui.core.model import Profile
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.screens.save_file import LAST_FOLDER
from careertui.ui.widgets.record_list import RecordList

from .helpers import enter, idle, paste, press, settle, until

SIZE = (120, 40)


def toasts(app) -> list[str]:
    """The notices on screen now, as a person sees them."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_copying_three_times_leaves_one_copy_notice(make_app, notices):
    app = make_app()
    app.workbook.save_profile(Profile(name="Ana", manager_name="Dana Okafor"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await enter(pilot, "invite")
        for count in range(1, 4):
            await press(pilot, "f3")
            await until(pilot, lambda: len(notices) >= count)  # noqa: B023
            await settle(pilot)
        await until(pilot, lambda: len(toasts(app)) == 1)
        shown = toasts(app)
        assert len(notices) == 3 and len(shown) == 1
        assert "copied" in shown[0] or "clipboard" in shown[0]


async def test_saving_again_replaces_the_saved_notice_and_the_path_has_its_own_line(
    make_app, notices, db_path: Path
):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await enter(pilot, "self-assessment")
        for count in range(1, 4):
            await press(pilot, "ctrl+s")
            await until(pilot, lambda: len(notices) >= count)  # noqa: B023
        await until(pilot, lambda: len(toasts(app)) == 1)
        assert len(toasts(app)) == 1
        assert notices[-1].message.splitlines()[-1] == str(db_path)


async def test_at_most_two_notices_show_and_an_error_stays(make_app):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await idle(pilot)
        app.notify("Could not do the thing.", severity="error")
        for word in ("one", "two", "three"):
            app.notify(f"Done {word}.")
            await idle(pilot)
        await until(pilot, lambda: len(toasts(app)) == 2)
        shown = toasts(app)
        assert len(shown) == 2
        assert any("Could not do the thing." in text for text in shown)
        assert any("Done three." in text for text in shown)


async def test_ctrl_n_outside_a_list_adds_to_the_stages_list(make_app):
    """In the Meeting's capture line, ctrl+n said "move to a list first"."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await enter(pilot, "meeting")
        assert app.focused is not None and app.focused.id == "capture"
        notes = app.query_one("#captures-list", RecordList)
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: len(notes.records) == 1 and app.focused is not None
                    and app.focused.id == "field-text")
        assert app.focused is not None and app.focused.id == "field-text"


async def test_ctrl_n_on_a_stage_without_a_list_says_where_it_works(make_app, notices):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await enter(pilot, "agenda")
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: bool(notices))
        assert "no list on this stage" in notices[-1].message
        assert "goals" in notices[-1].message


async def export_agenda_to(pilot, path: str | None) -> str:
    """f4 on the Agenda: the path the dialog offers; then save to `path` (or cancel)."""
    app = pilot.app
    await press(pilot, "f4")
    await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
    field = app.screen.query_one("#dialog-path", Input)
    offered = field.value
    if path is None:
        await press(pilot, "escape")
    else:
        assert field.selection.end - field.selection.start == len(offered)  # typed over
        await paste(pilot, path)
        await press(pilot, "enter")
    await until(pilot, lambda: not isinstance(app.screen, ChoiceDialog))
    await settle(pilot)
    return offered


async def test_the_save_dialog_starts_in_the_last_folder_used(make_app, tmp_path: Path):
    exports = tmp_path / "my exports"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await enter(pilot, "agenda")
        await press(pilot, "f2")  # draft an agenda to export
        await settle(pilot)
        first = await export_agenda_to(pilot, f"{exports}/")
        assert first == str(tmp_path / Path(first).name)  # the first time: where it started
        await until(pilot, lambda: any(exports.glob("*.md")))
        offered = await export_agenda_to(pilot, None)
        assert Path(offered).parent == exports
    settings = json.loads((tmp_path / "config" / "settings.json").read_text("utf-8"))
    assert settings[LAST_FOLDER] == str(exports.resolve())
    app.workbook.close()

    again = make_app()  # after a restart
    async with again.run_test(size=SIZE) as pilot:
        await enter(pilot, "agenda")
        offered = await export_agenda_to(pilot, None)
        assert Path(offered).parent == exports


async def test_a_remembered_folder_that_is_gone_is_not_offered(make_app, tmp_path: Path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({LAST_FOLDER: str(tmp_path / "gone")}))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await enter(pilot, "agenda")
        await press(pilot, "f2")
        await settle(pilot)
        offered = await export_agenda_to(pilot, None)
        assert Path(offered).parent == tmp_path
