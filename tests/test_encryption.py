"""An encrypted workbook (age format): made, opened, edited, saved and decrypted again,
with no plain copy left on disk, and readable with `pyrage` alone (the person is never
locked in)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyrage
import pytest
from pyrage import passphrase as age_passphrase
from pyrage import x25519
from textual.widgets import Input, TextArea

from careertui import cli
from careertui.core import crypto
from careertui.core.model import Reflection
from careertui.core.sample import write_sample
from careertui.core.store import SaveError, Workbook, WorkbookEncrypted, WorkbookError
from careertui.ui.unlock import UnlockApp

from .helpers import enter, paste, press, settle, until

PASSPHRASE = "correct horse [b]x 目标 🚀"
SECRET = "I plan to leave the team by spring [/] مرحبا"


@pytest.fixture
def passphrase_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", "utf-8")
    monkeypatch.setenv(crypto.ENV_PASSPHRASE_FILE, str(path))
    return path


def encrypted_sample(db_path: Path, years: int = 1) -> dict:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    write_sample(db_path, years=years, seed=3, end=date(2026, 11, 24))
    plain = json.loads(db_path.read_text("utf-8"))
    assert cli.main(["encrypt", "--db", str(db_path)]) == 0
    return plain


def keys_of(db_path: Path) -> crypto.Keys:
    return crypto.unlock(crypto.identity_path(db_path).read_bytes(), PASSPHRASE)


def plain_files_holding(folder: Path, text: str) -> list[Path]:
    needle = text.encode("utf-8")
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.slow
async def test_encrypt_open_edit_autosave_decrypt_on_the_five_year_sample(
        make_app, db_path, passphrase_file, isolated_home):
    plain = encrypted_sample(db_path, years=5)
    raw = db_path.read_bytes()
    assert raw.startswith(crypto.AGE_MAGIC)
    # pyrage alone opens it: the identity with the passphrase, the workbook with the identity
    secret = age_passphrase.decrypt(crypto.identity_path(db_path).read_bytes(), PASSPHRASE)
    identity = x25519.Identity.from_str(secret.decode().strip())
    assert json.loads(pyrage.decrypt(raw, [identity])) == plain

    app = make_app(keys=keys_of(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "self-assessment")
        assert isinstance(app.focused, TextArea)
        await paste(pilot, SECRET)
        await until(pilot, lambda: app.workbook.revision > 0 and not app.workbook.dirty)
        await settle(pilot)
        await press(pilot, "ctrl+q")
    app.workbook.close()
    assert SECRET not in db_path.read_bytes().decode("latin-1")
    data = json.loads(pyrage.decrypt(db_path.read_bytes(), [identity]))
    assert any(SECRET in r["text"] for r in data["reflections"].values())
    assert plain_files_holding(db_path.parent, SECRET) == []
    assert plain_files_holding(isolated_home, SECRET) == []  # the data and config folders

    assert cli.main(["decrypt", "--db", str(db_path)]) == 0
    assert not crypto.identity_path(db_path).exists()
    reopened = Workbook.open(db_path, lock=False)
    assert any(SECRET in r.text for r in reopened.all(Reflection))
    assert reopened.count(Reflection) == len(data["reflections"])
    reopened.close()


def test_an_encrypted_workbook_never_opens_without_its_keys(db_path, passphrase_file):
    encrypted_sample(db_path)
    before = db_path.read_bytes()
    with pytest.raises(WorkbookEncrypted):
        Workbook.open(db_path, lock=False)
    with pytest.raises(crypto.WrongPassphrase):
        crypto.unlock(crypto.identity_path(db_path).read_bytes(), "not it")
    assert db_path.read_bytes() == before


@pytest.mark.slow
def test_a_corrupt_encrypted_workbook_is_kept_byte_for_byte(db_path, passphrase_file):
    encrypted_sample(db_path)
    raw = bytearray(db_path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    db_path.write_bytes(bytes(raw))
    book = Workbook.open(db_path, lock=False, keys=keys_of(db_path))
    assert book.read_error and "encrypted" in book.read_error and "kept" in book.read_error
    with pytest.raises(SaveError):
        book.save()
    with pytest.raises(WorkbookError):
        Workbook.read(db_path, keys=keys_of(db_path))
    assert db_path.read_bytes() == bytes(raw)
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "workbook.json", "workbook.json.key.age", "workbook.json.lock"]


@pytest.mark.slow
async def test_a_wrong_passphrase_asks_again_and_three_quit_untouched(db_path, passphrase_file):
    encrypted_sample(db_path)
    before = db_path.read_bytes()
    identity = crypto.identity_path(db_path).read_bytes()
    app = UnlockApp(db_path, identity)
    async with app.run_test() as pilot:
        field = app.query_one("#unlock-passphrase", Input)
        assert field.password
        for attempt in range(3):
            await until(pilot, lambda: not field.disabled or app.return_code is not None)
            field.focus()
            await paste(pilot, f"wrong {attempt}")
            await press(pilot, "enter")
            if attempt < 2:
                left = ("2 tries left", "1 try left")[attempt]
                await until(pilot, lambda left=left: left in str(
                    app.query_one("#unlock-message").visual) and not field.disabled)
                assert field.value == ""
        await until(pilot, lambda: app.return_code is not None, timeout=60)
    assert app.return_value is None and "three wrong" in (app.problem or "")
    assert db_path.read_bytes() == before

    right = UnlockApp(db_path, identity)
    async with right.run_test() as pilot:
        await paste(pilot, PASSPHRASE)
        await press(pilot, "enter")
        await until(pilot, lambda: right.return_code is not None, timeout=60)
    assert isinstance(right.return_value, crypto.Keys)
    assert right.return_value.decrypt(db_path.read_bytes()).startswith(b"{")


async def test_the_key_derivation_runs_in_another_process(db_path, passphrase_file):
    encrypted_sample(db_path)
    identity = crypto.identity_path(db_path).read_bytes()
    keys = await crypto.unlock_in_process(identity, PASSPHRASE)
    assert keys is not None and keys.decrypt(db_path.read_bytes()).startswith(b"{")
    assert await crypto.unlock_in_process(identity, "wrong") is None
    with pytest.raises(crypto.CryptoError, match="not an age file"):
        await crypto.unlock_in_process(b"not a key file", PASSPHRASE)


WRITER = """
import sys
from pathlib import Path
from careertui.core.model import Reflection
from careertui.core.crypto import Keys
from careertui.core.model import Profile
from careertui.core.store import Workbook
book = Workbook.open(Path(sys.argv[1]), lock=False, keys=Keys(sys.stdin.readline().strip()))
n = 0
print("ready", flush=True)
while True:
    n += 1
    book.save_profile(Profile(name=str(n) * 2000, role="x" * (n % 5000)))
    book.save()
"""


def test_killed_during_an_encrypted_save_leaves_a_file_that_decrypts(db_path, passphrase_file):
    encrypted_sample(db_path)
    keys = keys_of(db_path)
    for attempt in range(10):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(keys.secret + "\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.02 + (attempt % 7) * 0.013)
        process.send_signal(signal.SIGKILL)
        process.wait()
        data = json.loads(keys.decrypt(db_path.read_bytes()))
        assert data["profile"]["1"]["name"]
    assert sorted(p.name for p in db_path.parent.iterdir() if not p.name.endswith(".tmp")) == [
        "workbook.json", "workbook.json.key.age", "workbook.json.lock"]


@pytest.mark.slow
def test_export_asks_for_the_passphrase_and_says_when_it_cannot(
        db_path, passphrase_file, capsys, monkeypatch):
    encrypted_sample(db_path)
    capsys.readouterr()
    assert cli.main(["export", "--db", str(db_path)]) == 0
    assert "career workbook" in capsys.readouterr().out
    passphrase_file.write_text("not it\n", "utf-8")
    assert cli.main(["export", "--db", str(db_path)]) == 1
    assert "does not open" in capsys.readouterr().err
    monkeypatch.delenv(crypto.ENV_PASSPHRASE_FILE)
    monkeypatch.setattr(sys, "stdin", open("/dev/null"))  # noqa: SIM115 - no terminal
    assert cli.main(["export", "--db", str(db_path)]) == 1
    assert crypto.ENV_PASSPHRASE_FILE in capsys.readouterr().err


async def test_a_copy_from_an_encrypted_workbook_keeps_no_plain_file(
        make_app, db_path, passphrase_file, isolated_home, notices):
    encrypted_sample(db_path)
    app = make_app(keys=keys_of(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "agenda")
        await press(pilot, "f3")
        await until(pilot, lambda: any("encrypted" in n.message for n in notices))
    assert not list(isolated_home.rglob("last-copied.txt"))
    assert "no plain copy" in [n for n in notices if "encrypted" in n.message][0].message
