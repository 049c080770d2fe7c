"""The command line, run as a person runs it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from careertui import __version__
from careertui.model import SCHEMA_VERSION
from careertui.store import Workbook


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "careertui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def test_version_and_help():
    assert run_cli("--version").stdout.strip() == f"careertui {__version__}"
    helped = run_cli("--help")
    assert helped.returncode == 0
    for option in ("--db", "--theme", "--version", "CAREERTUI_DB"):
        assert option in helped.stdout


def test_a_second_careertui_on_the_same_file_exits_1_untouched(db_path: Path):
    holder = Workbook.open(db_path)
    try:
        result = run_cli("--db", str(db_path))
        assert result.returncode == 1
        assert "open in another careertui" in result.stderr
        assert str(db_path) in result.stderr
        assert not db_path.exists()
    finally:
        holder.close()


def test_the_environment_variable_chooses_the_workbook_too(db_path: Path):
    holder = Workbook.open(db_path)
    try:
        result = run_cli(env_extra={"CAREERTUI_DB": str(db_path)})
        assert result.returncode == 1
        assert str(db_path) in result.stderr
    finally:
        holder.close()


def test_a_workbook_from_a_newer_careertui_is_refused(db_path: Path):
    db_path.parent.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 5}}})
    db_path.write_text(content)
    result = run_cli("--db", str(db_path))
    assert result.returncode == 1
    assert "newer careertui" in result.stderr
    assert db_path.read_text() == content
