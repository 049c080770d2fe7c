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
