"""What a newcomer relies on: the README's two commands, CI running the same one, the keys."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from careertui.ui import keys

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section, flags=re.S)


def test_readme_gives_exactly_two_setup_commands():
    commands = setup_commands()
    assert len(commands) == 2
    run, test = commands
    assert "\n" not in run and run.endswith("careertui")
    assert "\n" not in test and "[test]" in test and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "set -euo pipefail" in ci
    assert setup_commands()[1] in ci


def test_readme_key_table_is_the_one_generated_from_the_bindings():
    """If this fails, paste the output of `python -m careertui.ui.keys` into README.md."""
    section = README.split("## Keys", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    assert table == keys.readme_table()


def test_every_binding_has_an_id_and_a_row_in_the_help():
    listed = {binding_id for entry in keys.HELP for binding_id in entry.ids}
    declared = set()
    for owner, binding in keys.bindings():
        assert binding.id, f"{owner.__name__} binds {binding.key} without an id"
        declared.add(binding.id)
        assert binding.id in listed or binding.id in keys.UNLISTED, (
            f"{owner.__name__}'s {binding.key} ({binding.id}) is missing from keys.HELP"
        )
    assert listed <= declared, f"keys.HELP names bindings nobody declares: {listed - declared}"


def test_the_help_rows_read_their_keys_from_the_bindings(monkeypatch):
    from textual.binding import Binding

    from careertui.ui.app import CareerApp

    rows = dict((meaning, key) for key, meaning in keys.help_rows())
    assert rows["Move the selected item up or down a list"] == "ctrl+up / ctrl+down"
    assert rows["Draft, redraft, examples, question bank or note (see the footer)"] == "f2"
    assert rows["Next / previous field"] == "tab / shift+tab"
    moved = [Binding("f12", "save", "Save", id="save") if getattr(b, "id", None) == "save"
             else b for b in CareerApp.BINDINGS]
    monkeypatch.setattr(CareerApp, "BINDINGS", moved)
    rows = dict((meaning, key) for key, meaning in keys.help_rows())
    assert rows["Save now (also saved a second after you stop typing)"] == "f12"


def test_readme_screenshot_exists():
    match = re.search(r"!\[[^\]]*\]\(([^)]+\.svg)\)", README)
    assert match and (ROOT / match.group(1)).is_file()


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_the_wheel_ships_themes_and_stylesheets(tmp_path: Path):
    pytest.importorskip("hatchling")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("careertui-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for theme in (ROOT / "themes").glob("*.toml"):
        assert f"careertui/themes/{theme.name}" in names
    for sheet in (ROOT / "careertui").rglob("*.tcss"):
        assert sheet.relative_to(ROOT).as_posix() in names
