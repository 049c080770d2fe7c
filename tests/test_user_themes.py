"""A person's own themes: `themes/*.toml` in the config folder, listed beside the shipped
ones; a file that cannot be used is named once and the app starts anyway."""

from __future__ import annotations

import json
from pathlib import Path

from careertui.ui.themes import DEFAULT_THEME, load_themes, user_theme_dir

from .helpers import choose_theme, idle, settle, until

SIZE = (120, 40)
MINE = 'name = "my-plum"\ndark = true\nprimary = "#b07cc6"\nbackground = "#1b1420"\n'


def own_themes(tmp_path: Path) -> Path:
    folder = user_theme_dir(tmp_path / "config")  # make_app's config folder
    folder.mkdir(parents=True)
    return folder


def test_the_folder_is_themes_in_the_config_folder(tmp_path: Path):
    assert user_theme_dir(tmp_path) == tmp_path / "themes"


def test_own_themes_come_after_the_shipped_ones_and_cannot_take_their_names(tmp_path: Path):
    (tmp_path / "mine.toml").write_text(MINE)
    (tmp_path / "copy.toml").write_text(f'name = "{DEFAULT_THEME}"\nprimary = "#ff0000"\n')
    loaded = load_themes(user_dir=tmp_path)
    names = [theme.name for theme in loaded.themes]
    assert names[-1] == "my-plum" and names.count(DEFAULT_THEME) == 1
    assert loaded.themes[names.index(DEFAULT_THEME)].primary != "#ff0000"
    [problem] = loaded.problems
    assert "copy.toml" in problem and "name" in problem


def test_a_missing_folder_is_no_problem(tmp_path: Path):
    loaded = load_themes(user_dir=tmp_path / "nowhere")
    assert loaded.problems == [] and loaded.themes


async def test_an_own_theme_is_in_the_palette_chosen_and_remembered(make_app, tmp_path: Path):
    (own_themes(tmp_path) / "plum.toml").write_text(MINE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "my-plum" in app.available_themes
        await choose_theme(pilot, "my-plum")  # from the palette's list, as a person does
        assert app.theme == "my-plum"
        settings = tmp_path / "config" / "settings.json"
        await until(pilot, lambda: settings.exists()
                    and json.loads(settings.read_text("utf-8")).get("theme") == "my-plum")
    app.workbook.close()
    again = make_app()  # remembered after a restart
    async with again.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert again.theme == "my-plum"


async def test_a_broken_own_theme_is_named_once_and_the_default_is_used(
    make_app, tmp_path: Path, notices
):
    folder = own_themes(tmp_path)
    (folder / "plum.toml").write_text(MINE)
    config = tmp_path / "config"
    (config / "settings.json").write_text(json.dumps({"theme": "my-plum"}))
    (folder / "plum.toml").write_text("name = \"my-plum\"\nprimary = \n")  # broken since
    (folder / "noname.toml").write_text('primary = "#123456"\n')
    (folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(notices))
        await settle(pilot)
        theme_notices = [n for n in notices if n.title == "Theme"]
        assert len(theme_notices) == 1
        message = theme_notices[0].message
        assert "plum.toml: it is not valid TOML" in message
        assert "noname.toml: it has no name" in message
        assert "binary.toml: it is not UTF-8 text" in message
        assert app.theme == DEFAULT_THEME
        assert app.query_one("#stage-self-assessment")  # the app runs as usual
    # the person's choice is kept for when the file is mended
    assert json.loads((config / "settings.json").read_text("utf-8"))["theme"] == "my-plum"


async def test_an_unreadable_theme_file_does_not_stop_the_app(make_app, tmp_path: Path,
                                                              notices):
    folder = own_themes(tmp_path)
    (folder / "dir.toml").mkdir()  # a folder named like a theme file: cannot be read
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(notices))
        [notice] = [n for n in notices if n.title == "Theme"]
        assert "dir.toml: it cannot be read" in notice.message
        assert app.theme == DEFAULT_THEME


def test_the_readme_says_where_the_folder_is():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert "~/.config/careertui/themes/" in readme
