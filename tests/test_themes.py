from pathlib import Path

from careertui.ui.themes import DEFAULT_THEME, load_themes, theme_dirs

from .helpers import idle

SHIPPED = {"careertui-dark", "careertui-light", "careertui-high-contrast"}


def test_shipped_themes_load_without_problems():
    loaded = load_themes()
    assert loaded.problems == []
    assert {theme.name for theme in loaded.themes} == SHIPPED
    assert DEFAULT_THEME in SHIPPED
    assert any(not theme.dark for theme in loaded.themes)


def test_theme_folder_is_found():
    assert theme_dirs() and theme_dirs()[0].is_dir()


def test_a_broken_theme_file_is_named_and_skipped(tmp_path: Path):
    (tmp_path / "good.toml").write_text('name = "good"\nprimary = "#336699"\n')
    (tmp_path / "broken.toml").write_text("name = \n")
    (tmp_path / "nameless.toml").write_text('primary = "#336699"\n')
    (tmp_path / "badcolour.toml").write_text('name = "bad"\nprimary = "not-a-colour"\n')
    loaded = load_themes([tmp_path])
    assert [theme.name for theme in loaded.themes] == ["good"]
    assert len(loaded.problems) == 3
    for name in ("broken.toml", "nameless.toml", "badcolour.toml"):
        assert any(name in problem for problem in loaded.problems)


async def test_broken_theme_gives_one_notice_and_the_default_theme(
    make_app, monkeypatch, tmp_path, notices
):
    themes = tmp_path / "themes"
    themes.mkdir()
    for path in theme_dirs()[0].glob("*.toml"):
        (themes / path.name).write_text(path.read_text())
    (themes / "zz-broken.toml").write_text("this is not toml [")
    monkeypatch.setattr("careertui.ui.themes.theme_dirs", lambda: [themes])
    app = make_app()
    async with app.run_test() as pilot:
        await idle(pilot)
        notes = [str(n.message) for n in notices if "zz-broken.toml" in str(n.message)]
        assert len(notes) == 1
        assert app.theme == DEFAULT_THEME


async def test_the_ansi_themes_chosen_in_the_palette_draw_the_previews_and_relaunch(
        make_app, tmp_path):
    """ansi-light and ansi-dark name the terminal's own colours ("ansi_blue"), which
    the previews handed to Rich as they were: choosing one in the palette crashed the
    app on the next preview or resize, and, the choice being remembered, on every
    launch after it (new-user trial)."""

    from careertui.core.meetings import agenda_text
    from careertui.ui.widgets.markdown_preview import MarkdownPreview

    from .helpers import choose_theme, enter, press, settle, until
    from .sample_data import fill_prepare

    app = make_app()
    fill_prepare(app.workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_theme(pilot, "ansi-light")
        await enter(pilot, "agenda")
        await press(pilot, "f2")  # drafted from the workbook: headings, lists, bold
        await settle(pilot)
        await press(pilot, *"[b]x[/b] 目标")
        await pilot.resize_terminal(120, 40)  # wide enough for the preview beside
        await settle(pilot)
        agenda = app.query_one("#stage-agenda").query_one(MarkdownPreview)
        await until(pilot, lambda: "[b]x[/b] 目标" in agenda.plain_text)
        await enter(pilot, "invite")  # its preview marks the unfilled placeholders
        await settle(pilot)
        invite = app.query_one("#stage-invite").query_one(MarkdownPreview)
        await until(pilot, lambda: bool(invite.plain_text.strip()))
        assert app.is_running
    app.workbook.close()
    again = make_app()  # remembered, and the app starts with it
    async with again.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "agenda")
        await settle(pilot)
        assert again.theme == "ansi-light"
        agenda = again.query_one("#stage-agenda").query_one(MarkdownPreview)
        await until(pilot, lambda: "[b]x[/b] 目标" in agenda.plain_text)
        assert "[b]x[/b] 目标" in agenda_text(again.workbook)


async def test_every_theme_offered_draws_the_previews(make_app):
    """Each theme the palette offers, Textual's own included, draws the agenda preview
    and an email's, placeholders marked: none names a colour the previews cannot use."""
    from careertui.ui.widgets.markdown_preview import MarkdownPreview

    from .helpers import enter, press, settle, until
    from .sample_data import fill_prepare

    app = make_app()
    fill_prepare(app.workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        assert {"ansi-dark", "ansi-light", "careertui-light"} <= set(app.available_themes)
        await enter(pilot, "agenda")
        await press(pilot, "f2")
        await settle(pilot)
        agenda = app.query_one("#stage-agenda").query_one(MarkdownPreview)
        await enter(pilot, "invite")
        invite = app.query_one("#stage-invite").query_one(MarkdownPreview)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await enter(pilot, "invite")
            await until(pilot, lambda: bool(invite.plain_text.strip()))
            await enter(pilot, "agenda")
            await until(pilot, lambda: bool(agenda.plain_text.strip()))
            assert app.is_running, theme
