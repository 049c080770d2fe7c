"""Pictures of the app at a fixed size, clock and data: a change that moves a pixel shows up."""

from __future__ import annotations

import pytest

from careertui.core.model import Profile, Reflection

from .conftest import SIZE
from .helpers import enter, self_assessment_built, settle, until
from .sample_data import fill_invite, fill_prepare, fill_three_months

SHIPPED_THEMES = ["careertui-dark", "careertui-light", "careertui-high-contrast"]


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
def test_shell_in_each_theme(snap_compare, make_app, theme):
    app = make_app(theme=theme)
    assert snap_compare(app, terminal_size=SIZE, run_before=_go_to("self-assessment"))


def test_readme_screenshot(snap_compare, make_app):
    app = make_app()
    fill_prepare(app.workbook)
    assert snap_compare(app, terminal_size=SIZE, run_before=_agenda_drafted)


def test_check_ins_empty(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_go_to("check-ins"))


def test_help_screen(snap_compare, make_app):
    # the default workbook under the test's own HOME, shown as ~/...: the same every run
    assert snap_compare(make_app(db_path=None), terminal_size=SIZE, press=["f1"])


def test_profile_screen_at_80x24(snap_compare, make_app):
    app = make_app()
    app.workbook.save_profile(Profile(name="Ada Lovelace", manager_name="Grace Hopper"))

    async def open_profile(pilot):
        await _go_to("self-assessment")(pilot)  # the page behind the dialog is complete
        app.action_edit_profile()
        await until(pilot, lambda: app.screen.query("#profile-name"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_profile)


def _go_to(stage_id: str):
    async def go(pilot):
        await enter(pilot, stage_id)
        if stage_id == "self-assessment":
            await self_assessment_built(pilot)
        await settle(pilot)

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
    await settle(pilot)
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
    app.workbook.add(Reflection(id="r1", key="strengths", text="Turning vague questions into "
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


def _with_meeting(make_app):
    from careertui.core.model import Capture, Meeting

    app = _filled(make_app)
    book = app.workbook
    book.add(Meeting(id="m1", date="2026-11-25", time="08:00", agenda="# Agenda"))
    lines = [
        ("strength", "Explains data clearly to non-specialists", "", "", False),
        ("grow", "Presenting to senior leaders", "", "", False),
        ("opportunity", "Lead the Q1 pricing dashboard project", "", "", True),
        ("action", "Research the AWS data certification", "me", "2026-12-02", True),
        ("action", "Introduce me to Sam in product", "manager", "2026-11-27", True),
        ("action", "Send last quarter's report", "me", "2026-11-20", True),
    ]
    for number, (kind, text, owner, due, shared) in enumerate(lines, start=1):
        book.add(Capture(id=f"c{number}", meeting_id="m1", kind=kind, text=text, owner=owner,
                         due=due, shareable=shared, position=number))
    book.mark_saved(book.revision)
    return app


@pytest.mark.parametrize("stage", ["meeting", "follow-up"])
def test_meeting_stages_filled(snap_compare, make_app, stage):
    assert snap_compare(_with_meeting(make_app), terminal_size=SIZE, run_before=_go_to(stage))


@pytest.mark.parametrize("stage", ["meeting", "follow-up"])
def test_meeting_stages_at_80x24(snap_compare, make_app, stage):
    app = _with_meeting(make_app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_go_to(stage))


def _three_months(make_app):
    app = make_app()
    fill_three_months(app.workbook)
    app.workbook.mark_saved(app.workbook.revision)
    return app


def test_check_ins_with_three_months(snap_compare, make_app):
    assert snap_compare(_three_months(make_app), terminal_size=SIZE,
                        run_before=_go_to("check-ins"))


def test_check_ins_at_80x24(snap_compare, make_app):
    assert snap_compare(_three_months(make_app), terminal_size=(80, 24),
                        run_before=_go_to("check-ins"))
