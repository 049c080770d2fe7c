"""`careertui status`: what is due in one line, from a workbook read without changing it,
at an injected time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from careertui import cli
from careertui.core import crypto
from careertui.core.model import CHECK_IN_CADENCE, Capture, CheckIn, Meeting, Request
from careertui.core.sample import write_sample
from careertui.core.status import compute_status, thank_you_due, workbook_status
from careertui.core.store import Workbook

TZ = timezone(timedelta(hours=1))
SAMPLE_END = date(2026, 11, 24)
HOSTILE = "[b]x [/] [link=https://x.y]z[/link] 🚀 目标 مرحبا\t" + "w" * 300


def at(day: date, hour: int = 9, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def clock_at(moment: datetime):  # noqa: ANN201 - a Clock
    return lambda: moment


def sample(tmp_path: Path, years: int) -> Path:
    path = tmp_path / f"sample-{years}y.json"
    write_sample(path, years=years, seed=1, end=SAMPLE_END)
    return path


def run(db: Path, moment: datetime, *extra: str, capsys: pytest.CaptureFixture[str]
        ) -> tuple[int, str, str]:
    code = cli.status_command(str(db), as_json="--json" in extra, clock=clock_at(moment))
    out, err = capsys.readouterr()
    return code, out, err


def one_on_one(day: date) -> CheckIn:
    return CheckIn(date=(day - timedelta(days=14)).isoformat(), next_date=day.isoformat())


# -- the status, from records --------------------------------------------------------


def test_nothing_due_is_said_so_and_exits_0():
    status = compute_status([], [], [], [], "2w", at(date(2026, 11, 25)))
    assert status.line() == "career: nothing due"
    assert not status.overdue and not status.worth_a_banner
    assert status.to_json() == {"next_one_on_one": None, "overdue_actions": 0,
                                "open_actions": 0, "requests_waiting": [],
                                "thank_you_due": None, "overdue": False}


def test_a_one_on_one_counts_down_and_is_overdue_once_past_with_no_check_in():
    today = date(2026, 11, 25)
    checkins = [one_on_one(today + timedelta(days=3))]
    ahead = compute_status([], [], checkins, [], "2w", at(today))
    assert ahead.line() == "career: 1:1 in 3 days"
    assert not ahead.overdue and not ahead.worth_a_banner
    soon = compute_status([], [], checkins, [], "2w", at(today + timedelta(days=2)))
    assert soon.line() == "career: 1:1 tomorrow" and soon.worth_a_banner
    assert soon.banner_line() == "1:1 tomorrow"
    assert compute_status([], [], checkins, [], "2w", at(today + timedelta(days=3))
                          ).line() == "career: 1:1 today"
    late = compute_status([], [], checkins, [], "2w", at(today + timedelta(days=5)))
    assert late.line() == "career: 1:1 overdue by 2 days"
    assert late.overdue and late.to_json()["next_one_on_one"] == {
        "date": (today + timedelta(days=3)).isoformat(), "days": -2}
    noted = [*checkins, CheckIn(date=(today + timedelta(days=4)).isoformat())]
    after = compute_status([], [], noted, [], "2w", at(today + timedelta(days=5)))
    assert after.line() == "career: 1:1 in 13 days" and not after.overdue  # cadence 2w


def test_actions_and_requests_are_counted_never_quoted():
    today = date(2026, 11, 25)
    captures = [
        Capture(kind="action", text=HOSTILE, due="2026-11-20"),
        Capture(kind="action", text=HOSTILE, due="2026-11-24"),
        Capture(kind="action", text="later", due="2026-12-20"),
        Capture(kind="action", text="done", due="2026-11-01", status="done"),
        Capture(kind="note", text=HOSTILE, due="2026-11-01"),
    ]
    requests = [Request(ask=HOSTILE, ledger=[{"status": "asked", "date": "2026-11-13"}]),
                Request(ask=HOSTILE, ledger=[{"status": "draft", "date": "2026-11-01"}])]
    status = compute_status(captures, requests, [], [], "2w", at(today))
    assert status.line() == "career: 2 actions overdue · 1 request waiting 12 days"
    fields = status.to_json()
    assert (fields["overdue_actions"], fields["open_actions"]) == (2, 3)
    assert fields["requests_waiting"] == [{"days": 12}]
    assert status.overdue and status.banner_line() == "2 action items overdue"
    for shown in (status.line(), json.dumps(fields, ensure_ascii=False)):
        assert "w" * 20 not in shown and "目标" not in shown


def test_the_thank_you_clock_runs_24_hours_then_is_overdue_until_sent():
    held = Meeting(date="2026-11-24", time="14:00", status="held")
    status = compute_status([], [], [], [held], "2w", at(date(2026, 11, 25)))  # 09:30
    assert status.thank_you is not None and status.thank_you.hours_left == 5
    assert "thank-you due in 5 h" in status.line()
    assert status.worth_a_banner and not status.thank_you.overdue
    assert status.to_json()["thank_you_due"] == {
        "deadline": "2026-11-25T14:00+01:00", "hours_left": 5, "overdue": False}
    late = compute_status([], [], [], [held], "2w", at(date(2026, 11, 25), 17))
    assert "thank-you overdue by 3 h" in late.line() and late.overdue
    held.thank_you_sent_at = "2026-11-25T16:00:00+01:00"
    assert compute_status([], [], [], [held], "2w", at(date(2026, 11, 25), 17)).thank_you is None


def test_no_thank_you_clock_before_the_conversation_and_overdue_until_sent():
    """As the Follow-up stage says it (a check-in noted since does not hide it: the
    prompt and the app said different things)."""
    planned = Meeting(date="2026-11-24", time="14:00", status="planned")
    assert thank_you_due(planned, at(date(2026, 11, 25))) is None
    assert compute_status([], [], [], [planned], "2w", at(date(2026, 11, 25))).thank_you is None
    held = Meeting(date="2026-11-01", time="10:00", status="held")
    assert thank_you_due(held, at(date(2026, 11, 25))).overdue
    later = CheckIn(date="2026-11-15")
    noted = compute_status([], [], [later], [held], "2w", at(date(2026, 11, 25)))
    assert noted.thank_you is not None and noted.thank_you.overdue


def test_the_next_one_on_one_is_the_one_check_ins_and_follow_up_show():
    """From the latest conversation's Next 1:1 when it is newer than every check-in."""
    held = Meeting(date="2026-11-20", status="held", next_check_in="2026-12-02",
                   thank_you_sent_at="2026-11-20T12:00:00+01:00")
    old = CheckIn(date="2026-11-10", next_date="2026-11-24")
    status = compute_status([], [], [old], [held], "2w", at(date(2026, 11, 25)))
    assert status.next_one_on_one == date(2026, 12, 2) and not status.overdue


# -- the command, on the samples ---------------------------------------------------------


@pytest.mark.parametrize("years", [1, 5])
def test_the_samples_with_something_overdue_exit_1(tmp_path, capsys, years):
    db = sample(tmp_path, years)
    code, out, err = run(db, at(date(2026, 12, 10)), capsys=capsys)
    assert code == 1 and err == ""
    assert out.startswith("career: 1:1 overdue by ") and "actions overdue" in out
    assert out.count("\n") == 1
    code, out, _ = run(db, at(date(2026, 12, 10)), "--json", capsys=capsys)
    fields = json.loads(out)
    assert code == 1 and fields["overdue"] and fields["overdue_actions"] >= 3
    assert fields["next_one_on_one"]["days"] < 0
    assert all(set(r) == {"days"} for r in fields["requests_waiting"])


@pytest.mark.parametrize("years", [1, 5])
def test_the_samples_with_a_one_on_one_due_soon(tmp_path, capsys, years):
    db = sample(tmp_path, years)
    book = Workbook.read(db)
    upcoming = workbook_status(book, at(SAMPLE_END)).next_one_on_one
    assert upcoming is not None
    code, out, _ = run(db, at(upcoming - timedelta(days=1)), capsys=capsys)
    assert out.startswith("career: 1:1 tomorrow")
    code, out, _ = run(db, at(upcoming - timedelta(days=1)), "--json", capsys=capsys)
    assert json.loads(out)["next_one_on_one"] == {"date": upcoming.isoformat(), "days": 1}


def test_the_five_year_sample_with_its_overdue_action_done_exits_0(tmp_path, capsys):
    db = sample(tmp_path, 5)
    book = Workbook.open(db, lock=False)
    for item in book.all(Capture):
        if item.kind == "action" and item.status == "open" and item.due < "2026-11-25":
            item.status = "done"
            book.update(item)
    book.save()
    book.close()
    code, out, _ = run(db, at(date(2026, 11, 25)), capsys=capsys)
    assert code == 0 and "overdue" not in out and out.startswith("career: 1:1 in ")


def test_an_empty_workbook_has_nothing_due(tmp_path, capsys):
    db = tmp_path / "empty.json"
    db.write_text("", "utf-8")
    assert run(db, at(date(2026, 11, 25)), capsys=capsys) == (0, "career: nothing due\n", "")
    book = Workbook.open(tmp_path / "fresh.json", lock=False)
    book.set_value(CHECK_IN_CADENCE, "1w")
    book.save()
    book.close()
    code, out, _ = run(tmp_path / "fresh.json", at(date(2026, 11, 25)), "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["next_one_on_one"] is None


@pytest.mark.parametrize(("content", "said"), [
    (None, "there is no workbook at"),
    (b"{not json", "is not a careertui workbook"),
    (b'{"meta": {"1": {"schema_version": 999}}}', "newer careertui"),
])
def test_an_unreadable_workbook_says_why_and_exits_2(tmp_path, capsys, content, said):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "workbook.json"
    if content is not None:
        db.write_bytes(content)
    code, out, err = run(db, at(date(2026, 11, 25)), capsys=capsys)
    assert (code, out) == (2, "")
    assert said in err and str(db) in err
    if content is not None:
        assert db.read_bytes() == content
    assert sorted(p.name for p in folder.iterdir()) == (["workbook.json"] if content else [])


def test_status_leaves_the_file_exactly_as_it_was(tmp_path):
    """No move, no lock file, no migration backup, no write: even for an older format."""
    db = sample(tmp_path, 1)
    data = json.loads(db.read_text("utf-8"))
    data["meta"] = {"1": {"schema_version": 1}}  # an older workbook: migrated in memory only
    db.write_text(json.dumps(data), "utf-8")
    os.utime(db, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before, listing = db.read_bytes(), sorted(tmp_path.iterdir())
    mtime = db.stat().st_mtime_ns
    result = subprocess.run([sys.executable, "-m", "careertui", "status", "--db", str(db)],
                            capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode in (0, 1) and result.stdout.startswith("career: ")
    assert result.stderr == ""
    assert db.read_bytes() == before and db.stat().st_mtime_ns == mtime
    assert sorted(tmp_path.iterdir()) == listing


def test_status_reads_beside_a_running_careertui(tmp_path, capsys):
    db = sample(tmp_path, 1)
    holder = Workbook.open(db)  # holds the lock
    try:
        code, out, _ = run(db, at(date(2026, 11, 25)), capsys=capsys)
        assert code == 1 and out.startswith("career: ")
    finally:
        holder.close()


def test_an_encrypted_workbook_opens_with_the_passphrase_file(tmp_path, capsys, monkeypatch):
    db = sample(tmp_path, 1)
    secret = tmp_path / "passphrase.txt"
    secret.write_text("a passphrase [/] 目标\n", "utf-8")
    monkeypatch.setenv(crypto.ENV_PASSPHRASE_FILE, str(secret))
    assert cli.main(["encrypt", "--db", str(db)]) == 0
    capsys.readouterr()
    before = db.read_bytes()
    code, out, err = run(db, at(date(2026, 11, 25)), capsys=capsys)
    assert code == 1 and out.startswith("career: 1:1 in ") and err == ""
    assert db.read_bytes() == before
    secret.write_text("not it\n", "utf-8")
    code, out, err = run(db, at(date(2026, 11, 25)), capsys=capsys)
    assert (code, out) == (2, "") and "does not open" in err
    monkeypatch.delenv(crypto.ENV_PASSPHRASE_FILE)
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 - no terminal
    code, out, err = run(db, at(date(2026, 11, 25)), capsys=capsys)
    assert code == 2 and crypto.ENV_PASSPHRASE_FILE in err


def test_the_command_line_answers_without_importing_textual(tmp_path):
    db = sample(tmp_path, 1)
    probe = ("import sys; from careertui import cli; code = cli.main(['status', '--db', "
             f"{str(db)!r}, '--json']); print('textual' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, stdin=subprocess.DEVNULL)
    assert result.stderr.strip() == "False"
    assert set(json.loads(result.stdout)) >= {"next_one_on_one", "overdue_actions",
                                               "open_actions", "requests_waiting",
                                               "thank_you_due"}


def test_the_next_one_on_one_is_known_only_with_something_to_count_from():
    """The one rule `status` and the Check-ins stage share: nothing held, nothing noted
    is no date (not today); a held conversation or a check-in gives one."""
    from careertui.core.model import CheckIn, Meeting
    from careertui.core.overview import planned_check_in

    today = date(2026, 11, 28)
    assert planned_check_in([], "2w", today, None) is None
    assert planned_check_in([], "2w", today, Meeting(date="")) is None
    assert planned_check_in([], "2w", today, Meeting(date="2026-11-20")) == date(2026, 12, 4)
    assert planned_check_in([CheckIn(date="2026-11-27")], "2w", today) == date(2026, 12, 11)
