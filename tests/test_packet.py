"""The progress packet: each shareable goal with its evidence, and nothing private."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from careertui.core.drafting.packet import (
    goal_file_name,
    is_packet_file,
    packet_documents,
    packet_folder_name,
    render_packet,
)
from careertui.core.model import Achievement, CheckIn, Goal, Profile, Request
from careertui.core.sample import build_sample
from careertui.core.store import export_folder

from .helpers import press, run_command, until
from .test_cli import run_cli
from .test_plain_text import screen_text

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
    documents = packet_documents(Profile(name="Ada"), [hidden, goal], evidence, requests,
                                 checkins, TODAY)
    assert [d.name for d in documents] == ["index.md", "01-lead-b-x-目标.md"]
    index, text = (d.text for d in documents)
    assert index.startswith("# Progress packet: Ada")
    assert r"1. [Lead \[b\]x 🚀 目标](<01-lead-b-x-目标.md>): agreed, 1 piece of evidence" in index
    assert text.startswith("# Lead [b]x 🚀 目标\n")
    assert "idea (Fri 1 May 2026) → agreed (Wed 20 May 2026)" in text
    assert "- Tue 1 Sep 2026: **Shipped the pricing tool**: 3 teams use it" in text
    assert "- Thu 1 Oct 2026: halfway" in text
    assert "- A mentor: asked" in text
    assert "SECRET" not in index + text
    assert packet_folder_name(TODAY) == "careertui-progress-2026-11-26"


def test_goal_file_names_are_numbered_words_never_a_path():
    assert goal_file_name(3, "Lead the pricing work!") == "03-lead-the-pricing-work.md"
    assert goal_file_name(1, "../../etc/passwd") == "01-etc-passwd.md"
    assert goal_file_name(12, "[/] 🚀 ...") == "12-goal.md"
    assert goal_file_name(2, "مرحبا\tالعالم") == "02-مرحبا-العالم.md"
    assert len(goal_file_name(1, "x" * 300)) <= 60
    assert all(is_packet_file(goal_file_name(n, "a b")) for n in (1, 99, 100))
    assert is_packet_file("index.md") and not is_packet_file("notes.md")


def test_a_replaced_packet_holds_only_its_own_documents(tmp_path: Path):
    """A goal renamed since leaves no stale document; the person's own files stay."""
    folder = tmp_path / "packet"
    export_folder(folder, [("index.md", b"1"), ("01-old-name.md", b"old")])
    (folder / "my-notes.md").write_text("mine")
    new = [("index.md", b"2"), ("01-new-name.md", b"new")]
    try:
        export_folder(folder, new)
    except FileExistsError as error:
        assert error.filename == str(folder / "index.md")
    else:
        raise AssertionError("replaced a packet without asking")
    assert export_folder(folder, new, overwrite=True, replaces=is_packet_file) == folder
    assert sorted(p.name for p in folder.iterdir()) == ["01-new-name.md", "index.md",
                                                         "my-notes.md"]
    assert oct((folder / "01-new-name.md").stat().st_mode & 0o777) == "0o600"
    # An existing folder that holds no packet gets the packet's own folder inside it.
    inside = export_folder(tmp_path, new, default_name="careertui-progress-2026-11-26")
    assert inside == tmp_path / "careertui-progress-2026-11-26"


def test_the_five_year_sample_packet_leaves_every_private_field_out():
    """The same check as the shareable export: private text absent unless also shared."""
    sample = build_sample(5, seed=11, end=TODAY)
    of = {kind: [r for r in sample.records if isinstance(r, kind)]
          for kind in (Goal, Achievement, Request, CheckIn)}
    documents = packet_documents(sample.profile, of[Goal], of[Achievement], of[Request],
                                 of[CheckIn], TODAY)
    assert len(documents) >= 41 and all("## Evidence" in d.text for d in documents[1:])
    assert len({d.name for d in documents}) == len(documents)  # duplicate titles too
    text = render_packet(documents)

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
    assert written.name == packet_folder_name(date.today())
    names = sorted(p.name for p in written.iterdir())
    assert names[-1] == "index.md" and len(names) > 2, names
    assert f"an index and {len(names) - 1} goal documents" in folder.stderr
    index = (written / "index.md").read_text("utf-8")
    assert printed.stdout.startswith(index)
    for name in names[:-1]:
        assert (written / name).read_text("utf-8") in printed.stdout
        assert f"(<{name}>)" in index
    again = run_cli("export", "--db", str(path), "--packet", "--out", f"{tmp_path / 'out'}/")
    assert again.returncode == 1
    assert f"{written.name} already holds a progress packet" in again.stderr


async def test_export_progress_packet_from_the_palette(make_app, tmp_path: Path, notices):
    app = make_app()
    app.workbook.add(Goal(title="Lead the pricing work", shareable=True))
    app.workbook.add(Goal(title="SECRET private goal"))
    app.workbook.add(Goal(title="Grow [b]x 🚀 مرحبا", shareable=True))
    folder = tmp_path / "careertui-progress-2026-11-25"
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "Export progress packet")
        await press(pilot, "enter")  # the suggested folder, in the current one
        await until(pilot, lambda: (folder / "index.md").exists())
        await until(pilot, lambda: any("Saved the progress packet (2 goals) to" in n.message
                                          for n in notices))
        # Again the same day: the dialog asks before replacing, and keeps it on escape.
        await run_command(pilot, "Export progress packet")
        await press(pilot, "enter")
        await until(pilot, lambda: "Replace the files" in screen_text(app))
        await press(pilot, "escape")
        await until(pilot, lambda: any("what was there is unchanged" in n.message
                                          for n in notices))
    assert sorted(p.name for p in folder.iterdir()) == [
        "01-lead-the-pricing-work.md", "02-grow-b-x-مرحبا.md", "index.md"]
    text = "".join(p.read_text("utf-8") for p in folder.iterdir())
    assert "# Lead the pricing work" in text and "# Grow [b]x 🚀 مرحبا" in text
    assert "SECRET" not in text
