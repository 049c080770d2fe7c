"""The progress packet: each shareable goal with its evidence, and nothing private."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from careertui.core.drafting.packet import packet_file_name, render_packet
from careertui.core.model import Achievement, CheckIn, Goal, Profile, Request
from careertui.core.sample import build_sample

from .helpers import run_command, until
from .test_cli import run_cli

TODAY = date(2026, 11, 26)


def test_a_goal_with_its_why_status_over_time_evidence_and_requests():
    goal = Goal(id="g1", title="Lead [b]x 🚀 目标", why="visible work", measure="two launches",
                target_date="2027-03-01", shareable=True, status="agreed",
                history=[{"status": "idea", "date": "2026-05-01"},
                         {"status": "agreed", "date": "2026-05-20"}])
    hidden = Goal(id="g2", title="SECRET goal of mine", shareable=False)
    evidence = [Achievement(date="2026-09-01", what="Shipped the pricing tool",
                            impact="3 teams use it", goal_id="g1", shareable=True),
                Achievement(date="2026-08-01", what="SECRET private win", goal_id="g1")]
    requests = [Request(ask="A mentor", goal_id="g1", shareable=True,
                        ledger=[{"status": "asked", "date": "2026-05-20"}]),
                Request(ask="SECRET ask", goal_id="g1")]
    checkins = [CheckIn(date="2026-10-01", progress={"g1": "halfway"}, shareable=True),
                CheckIn(date="2026-10-15", progress={"g1": "SECRET note"})]
    text = render_packet(Profile(name="Ada"), [hidden, goal], evidence, requests, checkins,
                         TODAY)
    assert text.startswith("# Progress packet: Ada")
    assert "## Lead [b]x 🚀 目标" in text
    assert "idea (Fri 1 May 2026) → agreed (Wed 20 May 2026)" in text
    assert "- Tue 1 Sep 2026: **Shipped the pricing tool**: 3 teams use it" in text
    assert "- Thu 1 Oct 2026: halfway" in text
    assert "- A mentor: asked" in text
    assert "SECRET" not in text
    assert packet_file_name(TODAY) == "careertui-progress-2026-11-26.md"


def test_the_five_year_sample_packet_leaves_every_private_field_out():
    """The same check as the shareable export: private text absent unless also shared."""
    sample = build_sample(5, seed=11, end=TODAY)
    of = {kind: [r for r in sample.records if isinstance(r, kind)]
          for kind in (Goal, Achievement, Request, CheckIn)}
    text = render_packet(sample.profile, of[Goal], of[Achievement], of[Request], of[CheckIn],
                         TODAY)
    assert text.count("\n## ") >= 40 and "### Evidence" in text

    def texts(record) -> list[str]:
        values = [v for v in record.to_doc().values() if isinstance(v, str)]
        values += [v for v in getattr(record, "progress", {}).values()]
        return [" ".join(v.split()) for v in values if len(v.strip()) >= 12]

    shared = "\n".join(t for r in sample.records if r.shareable for t in texts(r))
    checked = 0
    for record in sample.records:
        if record.shareable:
            continue
        for value in texts(record):
            if value in shared or re.fullmatch(r"[\d\-:T+]+", value):
                continue
            assert value not in text, (type(record).__name__, value)
            checked += 1
    assert checked > 100


def test_export_packet_from_the_command_line(tmp_path: Path):
    path = tmp_path / "sample.json"
    run_cli("sample", str(path))
    printed = run_cli("export", "--db", str(path), "--packet")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith("# Progress packet: Maya Lindqvist")
    folder = run_cli("export", "--db", str(path), "--packet", "--out", f"{tmp_path / 'out'}/")
    assert folder.returncode == 0, folder.stderr
    [written] = (tmp_path / "out").iterdir()
    assert written.name == packet_file_name(date.today())
    assert written.read_text("utf-8") == printed.stdout


async def test_export_progress_packet_from_the_palette(make_app, tmp_path: Path):
    app = make_app()
    app.workbook.add(Goal(title="Lead the pricing work", shareable=True))
    app.workbook.add(Goal(title="SECRET private goal"))
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "Export progress packet")
        await pilot.press("enter")  # the suggested file, in the current folder
        written = tmp_path / "careertui-progress-2026-11-25.md"
        await until(pilot, written.exists)
    text = written.read_text("utf-8")
    assert "## Lead the pricing work" in text and "SECRET" not in text
