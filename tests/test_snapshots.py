"""Pictures of the app at a fixed size, clock and data: a change that moves a pixel shows up.

Every stage is pictured filled with the one-year sample (the workbook a person has
after a year of use) at 120×40 and at 80×24 in the dark theme, three stages in the
light and high-contrast themes, and the first launch, help, a dialog and the
README's screenshot.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careertui.core.model import Profile
from careertui.core.sample import write_sample
from careertui.ui.stages import STAGE_IDS
from careertui.ui.widgets.markdown_editor import MarkdownEditor

from .conftest import SIZE
from .helpers import enter, field_shown, self_assessment_built, settle, until
from .sample_data import fill_prepare

WIDE = (120, 40)
NARROW = (80, 24)
SAMPLE_END = date(2026, 11, 24)
"""The day before the fixed clock's: the sample's last conversation is behind it."""


def _go_to(stage_id: str):
    async def go(pilot):
        await enter(pilot, stage_id)
        if stage_id == "self-assessment":
            await self_assessment_built(pilot)
        await settle(pilot)
        stage = pilot.app.query_one(f"#stage-{stage_id}")

        def previews_drawn() -> bool:  # drawn after the stage shows: a picture waits for it
            return all(bool(editor.preview.plain_text.strip()) == bool(editor.text.strip())
                       for editor in stage.query(MarkdownEditor)
                       if editor.preview.region.area)  # at 80 columns one of the two shows

        def field_in_view() -> bool:  # a field below the fold is scrolled to, frames later
            field = pilot.app.focused
            return field is None or not field.region.area or field_shown(stage, field)

        await until(pilot, previews_drawn)
        await until(pilot, field_in_view)
        await pilot.pause()

    return go


def _with_sample(make_app, db_path: Path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    write_sample(db_path, years=1, seed=1, end=SAMPLE_END)
    return make_app()


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
@pytest.mark.parametrize("stage", STAGE_IDS)
def test_every_stage_with_the_one_year_sample(snap_compare, make_app, db_path, stage, size):
    app = _with_sample(make_app, db_path)
    assert snap_compare(app, terminal_size=size, run_before=_go_to(stage))


@pytest.mark.parametrize("stage", ["self-assessment", "agenda", "check-ins"])
@pytest.mark.parametrize("theme", ["careertui-light", "careertui-high-contrast"])
def test_three_stages_in_the_other_themes(snap_compare, make_app, db_path, theme, stage):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    write_sample(db_path, years=1, seed=1, end=SAMPLE_END)
    app = make_app(theme=theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=_go_to(stage))


@pytest.mark.parametrize("stage", STAGE_IDS)
def test_every_stage_in_share_safe_view(snap_compare, make_app, db_path, stage):
    """The one-year sample as shown on a shared screen: private items left out, lists
    saying how many, SHARE-SAFE in the header."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    write_sample(db_path, years=1, seed=1, end=SAMPLE_END)
    app = make_app(share_safe=True)
    assert snap_compare(app, terminal_size=WIDE, run_before=_go_to(stage))


@pytest.mark.parametrize("theme", ["careertui-light", "careertui-high-contrast"])
def test_share_safe_header_in_the_other_themes(snap_compare, make_app, db_path, theme):
    """SHARE-SAFE must stand out in every theme (the warning colour, text contrasting)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    write_sample(db_path, years=1, seed=1, end=SAMPLE_END)
    app = make_app(theme=theme, share_safe=True)
    assert snap_compare(app, terminal_size=NARROW, run_before=_go_to("goals"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_first_launch(snap_compare, make_app, size):
    """What a new person sees first: an empty workbook, the first question."""
    assert snap_compare(make_app(), terminal_size=size, run_before=_go_to("self-assessment"))


def test_check_ins_empty(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=_go_to("check-ins"))


def test_readme_screenshot(snap_compare, make_app):
    app = make_app()
    fill_prepare(app.workbook)

    async def agenda_drafted(pilot):
        await _go_to("agenda")(pilot)
        await pilot.press("f2")
        await settle(pilot)
        # The notice is in the picture: waited for, as its toast is drawn a moment after
        # the draft (on a busy machine the picture was taken before).
        await until(pilot, lambda: any("Agenda drafted" in str(toast.render())
                                       for toast in pilot.app.screen.query("Toast")))
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=agenda_drafted)


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_help_screen(snap_compare, make_app, size):
    # the default workbook under the test's own HOME, shown as ~/...: the same every run;
    # the page behind the dialog complete first (it fills in after the first frame, and a
    # picture taken under load caught it half done)
    assert snap_compare(make_app(db_path=None), terminal_size=size, press=["f1"],
                        run_before=_go_to("self-assessment"))


def test_profile_screen_at_80x24(snap_compare, make_app):
    app = make_app()
    app.workbook.save_profile(Profile(name="Ada Lovelace", manager_name="Grace Hopper"))

    async def open_profile(pilot):
        await _go_to("self-assessment")(pilot)  # the page behind the dialog is complete
        app.action_edit_profile()
        await until(pilot, lambda: app.screen.query("#profile-name"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=NARROW, run_before=open_profile)

