"""What a newcomer relies on: the README's two commands, CI running the same one, the keys."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from careertui.ui.keys import KEYS

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


def test_readme_key_table_and_help_list_the_same_keys():
    for key, meaning in KEYS:
        assert f"| `{key}` | {meaning} |" in README


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
