"""Pictures of the app at a fixed size, clock and data: a change that moves a pixel shows up."""

from __future__ import annotations

import pytest

from careertui.model import Profile, Reflection

from .conftest import SIZE
from .sample_data import fill_invite, fill_prepare

SHIPPED_THEMES = ["careertui-dark", "careertui-light", "careertui-high-contrast"]


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
def test_shell_in_each_theme(snap_compare, make_app, theme):
    assert snap_compare(make_app(theme=theme), terminal_size=SIZE)


def test_readme_screenshot(snap_compare, make_app):
    app = make_app()
    fill_prepare(app.workbook)
    assert snap_compare(app, terminal_size=SIZE, run_before=_agenda_drafted)


def test_placeholder_stage(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_go_to("meeting"))


def test_help_screen(snap_compare, make_app):
    # the default workbook under the test's own HOME, shown as ~/...: the same every run
    assert snap_compare(make_app(db_path=None), terminal_size=SIZE, press=["f1"])


def test_profile_screen_at_80x24(snap_compare, make_app):
    app = make_app()
    app.workbook.save_profile(Profile(name="Ada Lovelace", manager_name="Grace Hopper"))

    async def open_profile(pilot):
        app.action_edit_profile()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_profile)


def _go_to(stage_id: str):
    async def go(pilot):
        await pilot.pause()
        pilot.app.enter_stage(stage_id)
        await pilot.pause(0.3)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return go


def test_invite_empty(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_go_to("invite"))


def test_invite_filled(snap_compare, make_app):
    app = make_app()
    fill_invite(app.workbook)
    app.workbook.mark_saved(app.workbook.revision)
    assert snap_compare(app, terminal_size=SIZE, run_before=_go_to("invite"))


def test_invite_at_80x24(snap_compare, make_app):
    app = make_app()
    fill_invite(app.workbook)
    app.workbook.mark_saved(app.workbook.revision)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_go_to("invite"))


def test_agenda_empty(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_go_to("agenda"))


async def _agenda_drafted(pilot):
    await _go_to("agenda")(pilot)
    await pilot.press("f2")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)


def test_agenda_drafted(snap_compare, make_app):
    app = make_app()
    fill_prepare(app.workbook)
    assert snap_compare(app, terminal_size=SIZE, run_before=_agenda_drafted)


def test_agenda_at_80x24(snap_compare, make_app):
    app = make_app()
    fill_prepare(app.workbook)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_agenda_drafted)


def _filled(make_app):
    app = make_app()
    fill_prepare(app.workbook)
    app.workbook.put(Reflection(id="r1", key="strengths", text="Turning vague questions into "
                                "clear reports; explaining numbers to non-specialists."))
    app.workbook.mark_saved(app.workbook.revision)
    return app


@pytest.mark.parametrize("stage", ["self-assessment", "paths", "goals"])
def test_prepare_stage_empty(snap_compare, make_app, stage):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_go_to(stage))


@pytest.mark.parametrize("stage", ["self-assessment", "paths", "goals"])
def test_prepare_stage_filled(snap_compare, make_app, stage):
    assert snap_compare(_filled(make_app), terminal_size=SIZE, run_before=_go_to(stage))


def test_goals_at_80x24(snap_compare, make_app):
    assert snap_compare(_filled(make_app), terminal_size=(80, 24), run_before=_go_to("goals"))
