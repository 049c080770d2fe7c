"""The shell driven by keys: stages, autosave, quitting, bad files, themes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, TextArea

from careertui.ui.screens.confirm import ChoiceDialog, MessageDialog
from careertui.ui.screens.help import HelpScreen
from careertui.ui.screens.profile import ProfileScreen
from careertui.ui.stages import STAGE_IDS, STAGES
from careertui.ui.stages.base import Stage

from .conftest import SIZE
from .helpers import idle, new_path, post_keys, press, until


def answers(db_path: Path) -> dict[str, str]:
    """The self-assessment answers as stored in the workbook file."""
    stored = json.loads(db_path.read_text()).get("reflections", {})
    return {doc["key"]: doc["text"] for doc in stored.values()}


def focused_stage(app) -> str | None:
    widget = app.focused
    while widget is not None:
        if isinstance(widget, Stage):
            return widget.id.removeprefix("stage-")
        widget = widget.parent
    return None


async def test_ctrl_pagedown_visits_every_stage_in_order_and_wraps(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert isinstance(app.focused, TextArea)  # typing can start at once
        visited = [app.active_stage_id]
        for _ in range(len(STAGES)):
            await press(pilot, "ctrl+pagedown")
            await idle(pilot)
            visited.append(app.active_stage_id)
            assert focused_stage(app) == app.active_stage_id
        assert visited == [*STAGE_IDS, STAGE_IDS[0]]
        assert isinstance(app.focused, TextArea)


STAGE_KEYS = {
    "self-assessment": "Examples", "paths": "Sort", "agenda": "Draft", "invite": "Redraft",
    "meeting": "Questions", "follow-up": "Sent", "check-ins": "Prepare note",
}


def footer_keys(app) -> list[str]:
    """The descriptions of the keys the footer shows, each found in its line as drawn."""
    from careertui.ui.widgets.footer import KeysFooter

    footer = app.screen.query_one(KeysFooter)
    line = footer.line
    return [key[2] for key in footer.shown_keys or () if f"{key[5]} {key[2]}" in line]


async def test_the_footer_shows_the_keys_of_the_stage_in_focus(make_app):
    from careertui.core.model import Meeting
    from careertui.ui.widgets.footer import KeysFooter

    app = make_app()
    app.workbook.add(Meeting(date="2026-11-24", time="10:00"))  # Follow-up opens in Next 1:1
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert "Examples" in footer_keys(app)  # from the very first frame
        footer = app.query_one(KeysFooter)
        for stage_id in STAGE_IDS[1:]:
            await press(pilot, "ctrl+pagedown")
            wanted = STAGE_KEYS.get(stage_id, "Next stage")
            await until(pilot, lambda wanted=wanted: wanted in footer_keys(app)
                        and not footer.settling)
            keys = footer_keys(app)
            assert "Next stage" in keys and "Quit" in keys
            if stage_id in STAGE_KEYS:
                assert STAGE_KEYS[stage_id] in keys, (stage_id, keys)
            only_theirs = {"self-assessment": "Examples", "follow-up": "Sent",
                           "check-ins": "Prepare note"}
            others = {v for k, v in only_theirs.items() if k != stage_id}
            assert not others & set(keys), (stage_id, keys)


async def test_the_footer_is_not_rebuilt_when_its_keys_stay_the_same(make_app):
    from careertui.ui.widgets.footer import KeysFooter

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        footer = app.query_one(KeysFooter)
        await until(pilot, lambda: not footer.settling)
        shown = footer.shown_keys
        for prompt in ("skills-to-develop", "energises"):  # two more answers: the same keys
            await until(pilot, lambda p=prompt: app.query(f"#answer-{p}"))  # built after
            app.query_one(f"#answer-{prompt}", TextArea).focus()
            await idle(pilot)  # the focus moves, the footer is told
            await until(pilot, lambda: not footer.settling)
        assert footer.shown_keys is shown  # the same keys: not redrawn


async def test_a_key_clicked_in_the_footer_is_pressed(make_app):
    """The footer is one line, not a widget per key: a click still finds its key."""
    from careertui.ui.widgets.footer import KeysFooter

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.query_one(KeysFooter)
        await until(pilot, lambda: "f1 Keys" in footer.line and not footer.settling)
        column = footer.line.index("f1 Keys")
        await pilot.hover(KeysFooter, offset=(column + 1, 0))
        hover = footer.get_component_rich_style("keys-footer--hover", partial=True).bgcolor

        def highlighted() -> bool:  # the key under the pointer is drawn on the hover colour
            return footer.render().get_style_at_offset(app.console, column).bgcolor == hover

        await until(pilot, highlighted)
        await pilot.click(KeysFooter, offset=(column + 1, 0))
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await press(pilot, "escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        palette = footer.line.index("^p palette")
        await pilot.click(KeysFooter, offset=(palette + 1, 0))
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_the_first_frame_has_the_cursor_in_the_first_field_and_its_keys(
        make_app, monkeypatch):
    """The screen is whole in its first frame: the first field focused and drawn so,
    and the footer with that field's keys (f2 Examples). Drawn before them, the footer
    showed only the app's keys, and a second full repaint 25 to 35 ms later completed
    the screen (launch at 1.27 x the minimal app in tmux, 1.10 to 1.14 x since)."""
    from careertui.ui.widgets.footer import KeysFooter

    first_drawn: list[tuple[str, bool]] = []
    render = KeysFooter.render

    def footer_drawn(self: KeysFooter):
        if not first_drawn:  # the footer is drawn with the rest of the first frame
            field = self.app.query_one("#answer-strengths", TextArea)
            first_drawn.append((self.line, field.has_focus))
        return render(self)

    monkeypatch.setattr(KeysFooter, "render", footer_drawn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        [(line, focused)] = first_drawn
        assert "f2 Examples" in line and focused, line


async def test_the_chosen_theme_colours_the_first_frame(make_app):
    app = make_app(theme="careertui-light")
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        light = app.get_theme("careertui-light")
        assert app.screen.styles.background.hex.lower() == light.background.lower()
        assert app.has_class("-light-mode") and not app.has_class("-dark-mode")


async def test_ctrl_pageup_goes_backwards_and_wraps(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await press(pilot, "ctrl+pageup")
        await idle(pilot)
        assert app.active_stage_id == STAGE_IDS[-1]
        await press(pilot, "ctrl+pageup")
        await idle(pilot)
        assert app.active_stage_id == STAGE_IDS[-2]


async def test_fast_presses_land_on_the_right_stage(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await press(pilot, "ctrl+pagedown", "ctrl+pagedown", "ctrl+pagedown")
        await idle(pilot)
        assert app.active_stage_id == "agenda"
        assert focused_stage(app) == "agenda"


async def test_only_the_first_stage_is_built_at_start(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert [stage.id for stage in app.query(Stage)] == ["stage-self-assessment"]


async def test_typing_is_autosaved_and_back_after_reopening(make_app, db_path: Path):
    app = make_app(autosave_delay=0.5)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Ada Lovelace")
        assert app.save_status == "Unsaved changes"
        await until(pilot, lambda: app.save_status.startswith("Saved"))
        assert app.save_status == "Saved 09:30"
        assert app.sub_title == "Saved 09:30"
        assert answers(db_path) == {"strengths": "Ada Lovelace"}
    app.workbook.close()

    reopened = make_app()
    async with reopened.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert reopened.query_one("#answer-strengths", TextArea).text == "Ada Lovelace"


async def test_typing_in_an_answer_after_a_relaunch_goes_on_from_its_end(make_app, db_path):
    """The cursor sat before the saved answer: typing on a relaunch wrote in front of it
    (new-user trial: "Quick words [b]xHello ...")."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        post_keys(app, [*"Hello [b]x 目标"])
        await until(pilot, lambda: app.query_one("#answer-strengths", TextArea).text
                    == "Hello [b]x 目标")
        await press(pilot, "ctrl+q")
    app.workbook.close()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        answer = again.query_one("#answer-strengths", TextArea)
        await until(pilot, lambda: again.focused is answer)
        post_keys(again, [*" more 🚀"])
        await until(pilot, lambda: answer.text.endswith("🚀"))
        assert answer.text == "Hello [b]x 目标 more 🚀"
        await press(pilot, "ctrl+q")
    assert answers(db_path) == {"strengths": "Hello [b]x 目标 more 🚀"}


async def test_ctrl_q_saves_before_quitting(make_app, db_path: Path):
    app = make_app(autosave_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Grace")
        assert not db_path.exists()
        await press(pilot, "ctrl+q")
        await idle(pilot)
    assert app.return_code == 0
    assert answers(db_path) == {"strengths": "Grace"}


HOSTILE_BURST = "Kept 目标 🚀 [b]x [/] [link=https://x.y]سلام"


async def test_keys_typed_just_before_ctrl_q_are_saved(make_app, db_path: Path):
    """A burst typed and ctrl+q at once (a terminal delivers them together): the keys
    were still on their way to the field when the save ran, and quitting lost them."""
    app = make_app(autosave_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        post_keys(app, [*HOSTILE_BURST, "ctrl+q"])
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    assert answers(db_path) == {"strengths": HOSTILE_BURST}


async def test_a_paste_and_a_burst_into_a_form_just_before_ctrl_q_are_saved(
    make_app, db_path: Path
):
    """The same through a record form's fields: a paste into one, tab, keys in the next."""
    app = make_app(autosave_delay=60)
    pasted = "W" * 299 + "]\t" + " 平和 سلام [b]x" * 2000
    async with app.run_test(size=SIZE) as pilot:
        await new_path(pilot)
        app.post_message(events.Paste(pasted))
        post_keys(app, ["tab", *"[b]Team🚀", "ctrl+q"])
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    [path] = json.loads(db_path.read_text("utf-8"))["paths"].values()
    assert path["role"] == pasted.replace("\n", " ")
    assert path["team"] == "[b]Team🚀"


async def test_keys_typed_just_before_ctrl_s_are_saved_before_it_says_so(
    make_app, db_path: Path, notices
):
    app = make_app(autosave_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        post_keys(app, [*HOSTILE_BURST, "ctrl+s"])
        await until(pilot, lambda: any("Saved to" in n.message for n in notices))
        assert answers(db_path) == {"strengths": HOSTILE_BURST}
        assert not any("Everything is saved" in n.message for n in notices)


async def test_ctrl_s_saves_now(make_app, db_path: Path):
    app = make_app(autosave_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Grace", "ctrl+s")
        await idle(pilot)
        assert answers(db_path) == {"strengths": "Grace"}
        assert app.save_status == "Saved 09:30"


async def test_switching_stage_saves(make_app, db_path: Path):
    app = make_app(autosave_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Grace", "ctrl+pagedown")
        await until(pilot, lambda: db_path.exists() and not app.workbook.dirty)
        assert answers(db_path) == {"strengths": "Grace"}


async def test_failed_save_shows_in_header_and_quit_offers_another_file(make_app, tmp_path: Path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    app = make_app(db_path=blocker / "workbook.json", retry_delay=60)
    rescue = tmp_path / "rescued.json"
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Ada")
        await until(pilot, lambda: app.sub_title.startswith("Save failed: "))
        assert app.sub_title.startswith("Save failed: ")
        await press(pilot, "ctrl+q")
        await idle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert app.is_running
        path_input = app.screen.query_one("#dialog-path", Input)
        path_input.value = str(rescue)
        await pilot.click("#choice-save-as")
        await idle(pilot)
    assert answers(rescue) == {"strengths": "Ada"}


async def test_quit_anyway_is_a_choice_not_a_default(make_app, tmp_path: Path):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    app = make_app(db_path=blocker / "workbook.json", retry_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Ada", "ctrl+q")
        await idle(pilot)
        await press(pilot, "escape")  # escape does not throw work away
        await idle(pilot)
        assert app.is_running and not isinstance(app.screen, ChoiceDialog)
        await press(pilot, "ctrl+q")
        await idle(pilot)
        await pilot.click("#choice-quit")
        await idle(pilot)
    assert not app.is_running


async def test_unreadable_workbook_is_explained_in_a_dialog(make_app, db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"\x00 this is not json")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert isinstance(app.screen, MessageDialog)
        message = str(app.screen.message)
        assert "workbook.json.unreadable-20261125-093000" in message
        await press(pilot, "enter")
        await idle(pilot)
        assert isinstance(app.focused, TextArea)
    assert (db_path.parent / "workbook.json.unreadable-20261125-093000").read_bytes() == (
        b"\x00 this is not json"
    )


async def test_f1_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f1")
        await idle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        await idle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_lists_every_stage_and_the_shell_actions(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
    for stage in STAGES:
        assert f"Go to {stage.label}" in titles
    for title in ("Edit profile", "Save now", "Show keys", "Theme", "Quit"):
        assert title in titles


async def test_palette_command_goes_to_a_stage(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+p")
        await idle(pilot)
        await press(pilot, *"Go to Check-ins")
        options = app.screen.query_one(CommandList)
        await until(pilot, lambda: options.option_count
                    and "Go to Check-ins" in str(options.get_option_at_index(0).prompt))
        await press(pilot, "enter")
        await until(pilot, lambda: focused_stage(app) == "check-ins")
        assert app.active_stage_id == "check-ins"
        assert focused_stage(app) == "check-ins"


async def test_profile_edits_are_saved_as_typed_and_reach_the_stage(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.action_edit_profile()
        await idle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        await press(pilot, *"Ada", "tab", *"Engineer")
        await press(pilot, "tab", "tab", "tab", "tab", "tab", "tab", "tab", "2")  # selects "30"
        await idle(pilot)
        assert "from 5 to 240" not in str(app.screen.query_one("#profile-problem").render())
        await press(pilot, "tab")  # said once the person moves on, not on every key
        await idle(pilot)
        assert "from 5 to 240" in str(app.screen.query_one("#profile-problem").render())
        await press(pilot, "escape")
        await idle(pilot)
        profile = app.workbook.profile()
        assert (profile.name, profile.role, profile.meeting_minutes) == ("Ada", "Engineer", 30)
        summary = app.query_one("#profile-summary").render()
        assert "You: Ada, Engineer" in str(summary)


async def test_theme_choice_is_remembered(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "careertui-dark"
        app.theme = "careertui-light"
        await idle(pilot)
    app.workbook.close()
    again = make_app()
    async with again.run_test(size=SIZE):
        assert again.theme == "careertui-light"


async def test_unknown_theme_falls_back_with_a_notice(make_app, notices):
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert app.theme == "careertui-dark"
        assert any("no-such-theme" in str(n.message) for n in notices)




@pytest.mark.slow
async def test_two_keys_in_one_burst_land_on_the_stage_after_next_and_stay(make_app):
    """A terminal delivers keys typed fast in one read, with no pause between them:
    the late focus of the stage passed through must not pull its tab back (it once
    made the screen flip between two stages for seconds)."""
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in STAGE_IDS:  # every stage built: the switch focuses at once
            await press(pilot, "ctrl+pagedown")
        await until(pilot, lambda: focused_stage(app) == STAGE_IDS[0])
        for expected in ("goals", "invite", "follow-up", "self-assessment"):
            app.post_message(events.Key("ctrl+pagedown", None))
            app.post_message(events.Key("ctrl+pagedown", None))
            await until(pilot, lambda: focused_stage(app) == expected)  # noqa: B023
            for _ in range(10):  # and it stays there
                await pilot.pause(0.02)
                assert app.active_stage_id == expected
                assert focused_stage(app) == expected
