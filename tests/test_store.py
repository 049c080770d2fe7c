"""The workbook file: atomic, private, one writer, and nothing lost on bad input."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careertui.core import store
from careertui.core.model import (
    SCHEMA_VERSION,
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Profile,
    Request,
)
from careertui.core.store import (
    Change,
    RecordGone,
    SaveError,
    Settings,
    Workbook,
    WorkbookLocked,
    WorkbookTooNew,
    atomic_write,
    resolve_workbook_path,
)

from .conftest import fixed_clock


def open_book(path: Path, **options) -> Workbook:
    options.setdefault("clock", fixed_clock)
    return Workbook.open(path, **options)


def test_round_trip(db_path: Path):
    book = open_book(db_path)
    book.save_profile(Profile(name="Ada", manager_name="Grace"))
    book.set_value("agenda", "# Agenda")
    assert book.dirty
    book.save()
    assert not book.dirty
    book.close()

    again = open_book(db_path)
    assert again.profile().name == "Ada"
    assert again.profile().manager_name == "Grace"
    assert again.value("agenda") == "# Agenda"
    assert not again.dirty
    again.close()


def test_a_record_read_is_its_own_copy_down_to_its_lists_and_dicts(db_path: Path):
    """A note put into a check-in's progress, or a step onto a request's ledger, before
    `update` is that copy's alone: no other reader sees it, and a save of something
    else does not write it to disk."""
    book = open_book(db_path)
    book.add(CheckIn(id="k1", progress={"g1": "started"}))
    book.add(Request(id="r1", ledger=[{"status": "draft", "date": "2026-11-01"}]))
    book.save()

    check_in = book.get(CheckIn, "k1")
    request = book.get(Request, "r1")
    assert check_in is not None and request is not None
    check_in.progress["g1"] = "unsaved [b]note[/b]"
    request.ledger.append({"status": "sent", "date": "2026-11-02"})
    request.ledger[0]["status"] = "changed"

    assert book.all(CheckIn)[0].progress == {"g1": "started"}
    again = book.get(Request, "r1")
    assert again is not None and again.ledger == [{"status": "draft", "date": "2026-11-01"}]
    book.set_value("agenda", "# Agenda")  # a save of something else
    book.save()
    book.close()

    on_disk = json.loads(db_path.read_text())
    assert [doc["progress"] for doc in on_disk["checkins"].values()] == [{"g1": "started"}]
    assert [doc["ledger"] for doc in on_disk["requests"].values()] == [
        [{"status": "draft", "date": "2026-11-01"}]]


def test_saved_file_is_valid_tinydb_json_readable_by_owner_only(db_path: Path):
    book = open_book(db_path)
    book.save_profile(Profile(name="Ada"))
    book.save()
    data = json.loads(db_path.read_text("utf-8"))
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert data["profile"]["1"]["name"] == "Ada"
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    book.close()


def test_a_fresh_workbook_is_not_written_until_something_changes(db_path: Path):
    book = open_book(db_path)
    assert not book.dirty
    assert not db_path.exists()
    book.close()


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch):
    target = tmp_path / "folder" / "w.json"
    atomic_write(target, b'{"old": {}}')

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, b'{"new": {}}')
    assert target.read_bytes() == b'{"old": {}}'
    assert [p.name for p in target.parent.iterdir()] == ["w.json"]


WRITER = """
import sys
from pathlib import Path
from careertui.core.model import Profile
from careertui.core.store import Workbook
book = Workbook.open(Path(sys.argv[1]), lock=False)
n = 0
print("ready", flush=True)
while True:
    n += 1
    book.save_profile(Profile(name=str(n) * 2000, role="x" * (n % 5000)))
    book.save()
"""


def test_file_always_parses_when_the_writer_is_killed_mid_save(db_path: Path):
    """SIGKILL a process that saves in a tight loop, many times: never a torn file."""
    kills = 0
    for attempt in range(20):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.02 + (attempt % 7) * 0.013)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        if db_path.exists():
            data = json.loads(db_path.read_text("utf-8"))
            assert data["profile"]["1"]["name"]
    assert kills == 20
    assert db_path.exists()
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".json")] == [
        "workbook.json"
    ]


@pytest.mark.parametrize(
    "content",
    [b"{not json at all", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"profile": {"1": "text"}}'],
)
def test_unreadable_file_is_moved_aside_byte_for_byte(db_path: Path, content: bytes):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    book = open_book(db_path)
    assert book.moved_aside == db_path.with_name("workbook.json.unreadable-20261125-093000")
    assert book.moved_aside.read_bytes() == content
    assert not db_path.exists()
    assert book.profile().name == ""
    book.save_profile(Profile(name="fresh"))
    book.save()
    assert json.loads(db_path.read_text())["profile"]["1"]["name"] == "fresh"
    assert book.moved_aside.read_bytes() == content
    book.close()


def test_second_unreadable_file_in_the_same_second_gets_its_own_name(db_path: Path):
    db_path.parent.mkdir(parents=True)
    for content in (b"first", b"second"):
        db_path.write_bytes(content)
        book = open_book(db_path)
        book.close()
    moved = sorted(p.name for p in db_path.parent.glob("*.unreadable-*"))
    assert moved == [
        "workbook.json.unreadable-20261125-093000",
        "workbook.json.unreadable-20261125-093000-1",
    ]


def test_workbook_from_a_newer_version_is_refused_and_left_alone(db_path: Path):
    db_path.parent.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}).encode()
    db_path.write_bytes(content)
    with pytest.raises(WorkbookTooNew, match="newer careertui"):
        open_book(db_path)
    assert db_path.read_bytes() == content
    # the lock was released: opening a valid file there works again
    db_path.write_text('{"meta": {"1": {"schema_version": 1}}}')
    open_book(db_path).close()


def test_older_workbook_is_migrated_and_the_old_file_kept(db_path: Path, monkeypatch):
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)

    def v1_to_v2(data):
        for doc in data.get("profile", {}).values():
            doc["name"] = doc.pop("full_name")
        return data

    monkeypatch.setitem(store.MIGRATIONS, 1, v1_to_v2)
    v1 = {"meta": {"1": {"schema_version": 1}}, "profile": {"1": {"full_name": "Ada"}}}
    db_path.parent.mkdir(parents=True)
    db_path.write_text(json.dumps(v1))
    book = open_book(db_path)
    assert book.migrated_from == 1
    assert book.profile().name == "Ada"
    assert book.dirty  # the upgraded workbook gets written at the next save
    book.save()
    assert json.loads(db_path.read_text())["meta"]["1"]["schema_version"] == 2
    assert json.loads(db_path.with_name("workbook.json.v1-backup").read_text()) == v1
    book.close()


def test_lock_refuses_a_second_opener_and_names_the_file(db_path: Path):
    first = open_book(db_path)
    with pytest.raises(WorkbookLocked) as refused:
        open_book(db_path)
    assert str(db_path) in str(refused.value)
    first.close()
    open_book(db_path).close()


def test_unwritable_path_reports_the_reason_and_keeps_data_in_memory(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file")
    book = open_book(blocker / "workbook.json")
    book.save_profile(Profile(name="Ada"))
    with pytest.raises(SaveError) as failed:
        book.save()
    assert failed.value.reason == f"{blocker} is a file, not a folder"
    assert book.dirty
    assert book.profile().name == "Ada"
    book.save_as(tmp_path / "elsewhere.json")
    assert not book.dirty
    assert json.loads((tmp_path / "elsewhere.json").read_text())["profile"]["1"]["name"] == "Ada"
    book.close()


def test_a_path_that_cannot_be_read_is_never_written_over(tmp_path: Path):
    folder_in_the_way = tmp_path / "workbook.json"
    folder_in_the_way.mkdir()
    book = open_book(folder_in_the_way)
    assert book.read_error and "could not be read" in book.read_error
    book.save_profile(Profile(name="Ada"))
    with pytest.raises(SaveError, match="not writing over it"):
        book.save()
    assert folder_in_the_way.is_dir()
    book.close()


def test_save_as_refuses_an_existing_file(tmp_path: Path, db_path: Path):
    existing = tmp_path / "existing.json"
    existing.write_text("keep me")
    book = open_book(db_path)
    with pytest.raises(SaveError, match="already exists"):
        book.save_as(existing)
    assert existing.read_text() == "keep me"
    book.close()


def test_workbook_path_comes_from_flag_then_environment_then_data_dir(
    monkeypatch, isolated_home: Path, tmp_path: Path
):
    default = resolve_workbook_path()
    assert default == isolated_home / ".local" / "share" / "careertui" / "workbook.json"
    monkeypatch.setenv("CAREERTUI_DB", str(tmp_path / "env.json"))
    assert resolve_workbook_path() == tmp_path / "env.json"
    assert resolve_workbook_path(str(tmp_path / "flag.json")) == tmp_path / "flag.json"


def test_changes_notify_subscribers(db_path: Path):
    book = open_book(db_path)
    calls: list[int] = []
    book.subscribe(lambda change: calls.append(book.revision))
    book.set_value("k", "v")
    assert calls
    after_first = len(calls)
    book.set_value("k", "v")  # no change, no notification
    assert len(calls) == after_first
    book.close()


def test_a_change_names_its_tables_and_its_origin(db_path: Path):
    """Stages refresh from these announcements: the tables must be the ones written."""
    book = open_book(db_path)
    changes: list[Change] = []
    book.subscribe(changes.append)
    goal = Goal(title="Lead [/] a project")
    book.add(goal)
    assert changes[-1] == Change(frozenset({"goals"}), None)
    writer = object()
    with book.changes_from(writer):
        book.set_value("agenda.text", "# Agenda")
        book.add(Request(ask="Budget", goal_id=goal.id))
    assert changes[-2:] == [Change(frozenset({"values"}), writer),
                            Change(frozenset({"requests"}), writer)]
    book.save_profile(Profile(name="Sam"))
    assert changes[-1].tables == {"profile"} and changes[-1].origin is None
    book.close()


def test_an_update_never_brings_a_deleted_record_back(db_path: Path):
    book = open_book(db_path)
    action = Capture(kind="action", text="Book a course")
    book.add(action)
    book.delete(action)
    action.status = "done"
    with pytest.raises(RecordGone):
        book.update(action)
    assert book.all(Capture) == []
    book.add(action)  # "add it back" is an explicit add
    assert [c.status for c in book.all(Capture)] == ["done"]
    book.close()


def test_settings_survive_a_broken_file(tmp_path: Path):
    (tmp_path / "settings.json").write_text("{broken")
    settings = Settings(tmp_path)
    assert settings.error and "settings.json" in settings.error
    assert settings.get("theme") is None
    assert settings.set("theme", "careertui-light") is None
    assert Settings(tmp_path).get("theme") == "careertui-light"


def test_a_one_megabyte_workbook_saves_and_loads(db_path: Path):
    book = open_book(db_path)
    book.set_value("agenda", "x" * 1_000_000)
    book.save()
    assert db_path.stat().st_size > 1_000_000
    book.close()
    assert len(open_book(db_path).value("agenda")) == 1_000_000


def test_a_save_encodes_only_the_changed_tables_and_matches_a_full_encoding(tmp_path):
    """Every kind of change, in a random order: the bytes saved are always exactly
    the whole workbook, although only changed tables are encoded again."""
    import random

    from careertui.core.model import Achievement, CheckIn, Goal, Profile
    from careertui.core.store import _compact_json

    book = Workbook.open(tmp_path / "wb.json", lock=False)
    rng = random.Random(5)
    records = []
    for step in range(300):
        roll = rng.random()
        if roll < 0.35 or not records:
            record = rng.choice([Achievement, Goal, CheckIn])(shareable=rng.random() < 0.5)
            book.add(record)
            records.append(record)
        elif roll < 0.55:
            record = rng.choice(records)
            record.shareable = not record.shareable
            book.add(record)
        elif roll < 0.65:
            book.delete(records.pop(rng.randrange(len(records))))
        elif roll < 0.85:
            book.set_value(f"key-{rng.randrange(5)}", f"text {step} ünïcode")
        elif roll < 0.95:
            book.save_profile(Profile(name=f"Name {step}"))
        else:
            book.add_all([Achievement(what=f"bulk {step}-{n}") for n in range(3)])
        if rng.random() < 0.5:
            _, payload = book.snapshot()
            assert payload == _compact_json(book._storage._data), step
    book.save()
    again = Workbook.open(tmp_path / "wb.json", lock=False)
    assert again.snapshot()[1] == book.snapshot()[1]
    assert again.count(Achievement) == book.count(Achievement)


def test_typing_in_one_table_keeps_the_encoding_of_the_others(tmp_path):
    from careertui.core.model import Achievement

    book = Workbook.open(tmp_path / "wb.json", lock=False)
    book.add(Achievement(what="kept"))
    book.set_value("agenda.text", "# Agenda")
    book.snapshot()
    kept = book._storage._encoded["achievements"]
    book.set_value("agenda.text", "# Agenda, edited")
    assert "values" not in book._storage._encoded  # to be encoded again
    assert book._storage._encoded["achievements"] is kept  # not


def test_prepare_save_encodes_every_table_ahead_of_the_first_save(tmp_path):
    from careertui.core.model import Achievement, Goal

    path = tmp_path / "wb.json"
    book = Workbook.open(path, lock=False)
    book.add(Achievement(what="x"))
    book.add(Goal(title="y"))
    book.save()
    book.close()
    again = Workbook.open(path, lock=False)
    assert again._storage._encoded == {}
    again.prepare_save()
    assert {"achievements", "goals", "meta"} <= set(again._storage._encoded)


def test_export_to_a_folder_typed_with_a_slash_makes_it(tmp_path, monkeypatch):
    from careertui.core.store import export_file

    monkeypatch.chdir(tmp_path)
    written = export_file("exports/", b"# Agenda", default_name="agenda-2026-11-25.md")
    assert written == tmp_path / "exports" / "agenda-2026-11-25.md"
    assert written.read_bytes() == b"# Agenda"
    plain = export_file("notes", b"x", default_name="agenda.md")  # no slash: a file name
    assert plain == tmp_path / "notes" and plain.is_file()


def _no_locks_here(monkeypatch) -> None:
    """A filesystem without locks (some network disks): flock fails with ENOLCK."""
    import errno

    def take(path):
        raise OSError(errno.ENOLCK, "No locks available", str(path))

    monkeypatch.setattr(store._SingleWriterLock, "take", take)


def test_a_lock_that_cannot_be_taken_is_recorded_and_saving_still_works(
    db_path: Path, monkeypatch
):
    _no_locks_here(monkeypatch)
    book = open_book(db_path)
    assert book.lock_problem == "No locks available"
    book.save_profile(Profile(name="Ada"))
    book.save()
    assert json.loads(db_path.read_text())["profile"]["1"]["name"] == "Ada"
    book.close()


def test_a_taken_lock_leaves_no_problem_to_report(db_path: Path):
    book = open_book(db_path)
    assert book.lock_problem is None
    book.close()


def test_a_migration_whose_backup_cannot_be_kept_does_not_run(db_path: Path, monkeypatch):
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    ran = []
    monkeypatch.setitem(store.MIGRATIONS, 1, lambda data: ran.append(1) or data)
    db_path.parent.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": 1}}, "profile": {}}).encode()
    db_path.write_bytes(content)
    (db_path.parent / "workbook.json.v1-backup").mkdir()  # where the copy must go: taken
    with pytest.raises(store.MigrationBackupFailed) as refused:
        open_book(db_path)
    message = str(refused.value)
    assert "workbook.json.v1-backup could not be written" in message
    assert "the file was not changed" in message
    assert ran == []
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir() if not p.name.endswith(".lock")) == [
        "workbook.json", "workbook.json.v1-backup"
    ]
    open_book(db_path.with_name("other.json")).close()
    # the lock was let go: once the copy can be kept, the upgrade goes ahead
    (db_path.parent / "workbook.json.v1-backup").rmdir()
    book = open_book(db_path)
    assert book.migrated_from == 1 and ran == [1]
    book.close()


def test_save_as_in_steps_switches_file_and_lock(tmp_path: Path, db_path: Path):
    book = open_book(db_path)
    book.save_profile(Profile(name="Ada"))
    revision, payload = book.snapshot()
    written = book.write_new(payload, tmp_path / "new.json")
    assert written == (tmp_path / "new.json").resolve()
    assert book.path == db_path and book.dirty  # nothing switched until move_to
    with pytest.raises(SaveError, match="already exists"):
        book.write_new(payload, written)
    book.move_to(written, revision)
    assert book.path == written and not book.dirty
    open_book(db_path).close()  # the old file's lock was let go
    with pytest.raises(WorkbookLocked):
        open_book(written)  # the new one is held
    book.close()


def test_settings_write_holds_the_last_value_remembered(tmp_path: Path):
    settings = Settings(tmp_path / "config")
    settings.remember("theme", "one")
    settings.remember("theme", "two")
    assert settings.write() is None
    assert Settings(tmp_path / "config").get("theme") == "two"
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert Settings(blocker).set("theme", "x")  # a reason, not an exception


def test_deleting_a_record_clears_every_link_to_it(db_path: Path):
    """No link ever points at nothing: a request's goal, an interview's path, a goal's paths."""
    book = open_book(db_path)
    path, other = CareerPath(id="p1", role="Lead"), CareerPath(id="p2", role="PM")
    goal = Goal(id="g1", title="Lead", path_ids=["p1", "p2"], from_capture="c1")
    book.add_all([path, other, goal, Interview(id="i1", path_id="p1"),
                  Request(id="r1", goal_id="g1"), Achievement(id="a1", goal_id="g1"),
                  Capture(id="c1", linked_id="g1")])
    changes: list[Change] = []
    book.subscribe(changes.append)
    book.delete(path)
    assert book.get(Interview, "i1").path_id == ""
    assert book.get(Goal, "g1").path_ids == ["p2"]
    book.delete(goal)
    assert book.get(Request, "r1").goal_id == "" and book.get(Achievement, "a1").goal_id == ""
    assert book.get(Capture, "c1").linked_id == ""
    touched = set().union(*(c.tables for c in changes))
    assert touched == {"paths", "interviews", "goals", "requests", "achievements", "captures"}
    book.close()
