"""The command line, run as a person runs it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from careertui import __version__
from careertui.core.model import SCHEMA_VERSION, CheckIn
from careertui.core.store import Workbook


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


def test_sample_writes_a_workbook_once_and_export_prints_it(tmp_path: Path):
    path = tmp_path / "sample.json"
    made = run_cli("sample", str(path), "--years", "2", "--seed", "5")
    assert made.returncode == 0, made.stderr
    assert "check-ins" in made.stdout and f"careertui --db {path}" in made.stdout
    before = path.read_bytes()
    again = run_cli("sample", str(path))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert path.read_bytes() == before

    full = run_cli("export", "--db", str(path))
    assert full.returncode == 0, full.stderr
    assert full.stdout.startswith("# Maya Lindqvist’s career workbook")
    assert "*(private)*" in full.stdout
    shared = run_cli("export", "--db", str(path), "--shareable-only")
    assert "**Shareable only.**" in shared.stdout and "*(private)*" not in shared.stdout
    assert len(shared.stdout) < len(full.stdout)
    assert path.read_bytes() == before  # exporting reads only


def test_export_to_a_file_or_folder_refuses_to_replace(tmp_path: Path):
    path = tmp_path / "sample.json"
    run_cli("sample", str(path))
    out = tmp_path / "mine.md"
    assert run_cli("export", "--db", str(path), "--out", str(out)).returncode == 0
    assert out.read_text("utf-8").startswith("# ")
    refused = run_cli("export", "--db", str(path), "--out", str(out))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    folder = run_cli("export", "--db", str(path), "--out", f"{tmp_path / 'new'}/",
                     "--shareable-only")
    assert folder.returncode == 0, folder.stderr
    assert [p.name for p in (tmp_path / "new").iterdir()] == [
        f"careertui-shareable-{date.today().isoformat()}.md"]


def test_export_says_why_it_cannot_read_and_leaves_the_file_alone(tmp_path: Path):
    missing = run_cli("export", "--db", str(tmp_path / "none.json"))
    assert missing.returncode == 1 and "there is no workbook at" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = run_cli("export", "--db", str(broken))
    assert result.returncode == 1 and "is not a careertui workbook" in result.stderr
    assert broken.read_text() == "{not json"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["broken.json"]


def test_demo_and_db_are_not_mixed_and_years_must_be_positive(tmp_path: Path):
    mixed = run_cli("--demo", "--db", str(tmp_path / "x.json"))
    assert mixed.returncode == 2 and "leave out --db" in mixed.stderr
    zero = run_cli("sample", str(tmp_path / "x.json"), "--years", "0")
    assert zero.returncode == 2 and "must be 1 or more" in zero.stderr
    assert not (tmp_path / "x.json").exists()


def test_demo_opens_a_fresh_sample_copy_and_removes_it_afterwards(monkeypatch):
    """The user's own workbook is never opened; the temporary sample is gone after."""
    from careertui import cli

    seen: dict[str, object] = {}

    def fake_run(db: str | None, theme: str | None, *, demo: bool = False,
                 share_safe: bool = False) -> int:
        path = Path(db or "")
        seen.update(path=path, demo=demo, existed=path.exists(),
                    checkins=Workbook.open(path, lock=False).count(CheckIn))
        return 0

    monkeypatch.setattr(cli, "_run", fake_run)
    assert cli.main(["--demo"]) == 0
    assert seen["demo"] is True and seen["existed"] is True
    assert 20 <= seen["checkins"] <= 30  # a one-year sample
    assert "careertui-demo-" in str(seen["path"]) and not seen["path"].exists()
    assert not seen["path"].parent.exists()


def test_an_upgrade_whose_backup_cannot_be_kept_is_refused_and_the_file_untouched(
    db_path: Path,
):
    db_path.parent.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": 0}}})
    db_path.write_text(content)
    (db_path.parent / "workbook.json.v0-backup").mkdir()  # the copy cannot go there
    result = run_cli("--db", str(db_path))
    assert result.returncode == 1
    assert "needs upgrading from format 0" in result.stderr
    assert "could not be written" in result.stderr
    assert "Traceback" not in result.stderr
    assert db_path.read_text() == content
