"""An encrypted workbook, in the standard age format (the `pyrage` library).

A work laptop's home folder may be backed up, indexed or inspected; an encrypted
workbook is unreadable there without its passphrase, and opens without careertui
too (`age -d -i identity workbook.json`), so the person is never locked in.

Passphrase (scrypt) encryption costs seconds and hundreds of MiB, and holds the
GIL, so it is done once per launch, in a separate process (`unlock_in_process`).
age's own pattern makes that enough: the workbook is encrypted to an X25519
recipient (a millisecond per save, no passphrase), and the identity that opens it
is kept beside it, itself encrypted with the passphrase (`<workbook>.key.age`).
"""

from __future__ import annotations

import base64
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AGE_MAGIC = b"age-encryption.org/v1\n"
"""How every age file begins: an encrypted workbook is recognised by it."""
KEY_SUFFIX = ".key.age"
ENV_PASSPHRASE_FILE = "CAREERTUI_PASSPHRASE_FILE"
"""A file holding the passphrase, for `careertui export` in scripts (and the tests)."""


class CryptoError(Exception):
    """An encrypted workbook cannot be opened or made; the message says why."""


class WrongPassphrase(CryptoError):
    """The passphrase does not open the identity file."""


def identity_path(workbook: Path) -> Path:
    """Where the passphrase-encrypted identity of `workbook` is kept: beside it."""
    return workbook.with_name(workbook.name + KEY_SUFFIX)


def is_encrypted_bytes(data: bytes) -> bool:
    return data.startswith(AGE_MAGIC)


def is_encrypted(path: Path) -> bool:
    """The file at `path` is an age file (a missing or unreadable file is not)."""
    try:
        with open(path, "rb") as handle:
            return is_encrypted_bytes(handle.read(len(AGE_MAGIC)))
    except OSError:
        return False


@dataclass(frozen=True)
class Keys:
    """The unlocked identity of a workbook: encrypts every save, decrypts on opening."""

    secret: str
    """The age identity ("AGE-SECRET-KEY-1…"): kept in memory only."""

    def _identity(self) -> Any:
        from pyrage import x25519

        return x25519.Identity.from_str(self.secret)

    @property
    def recipient(self) -> str:
        return str(self._identity().to_public())

    def encrypt(self, payload: bytes) -> bytes:
        """Under a millisecond per 100 kB: safe for every autosave, in the save thread."""
        import pyrage

        return bytes(pyrage.encrypt(payload, [self._identity().to_public()]))

    def decrypt(self, data: bytes) -> bytes:
        """Raises CryptoError when `data` is not a file these keys open (or is damaged)."""
        import pyrage

        try:
            return bytes(pyrage.decrypt(data, [self._identity()]))
        except pyrage.DecryptError as error:
            raise CryptoError(f"it could not be decrypted ({error})") from None


def new_keys() -> Keys:
    from pyrage import x25519

    return Keys(str(x25519.Identity.generate()))


def lock_identity(keys: Keys, passphrase: str) -> bytes:
    """The identity file's contents: the identity, encrypted with the passphrase (scrypt,
    seconds of work: the command line's `encrypt`, never the app's event loop)."""
    from pyrage import passphrase as age_passphrase

    return bytes(age_passphrase.encrypt(f"{keys.secret}\n".encode(), passphrase))


def unlock(identity_file: bytes, passphrase: str) -> Keys:
    """Open the identity file with the passphrase (scrypt: seconds, much memory, the GIL
    held throughout). Raises WrongPassphrase, or CryptoError for a damaged file."""
    import pyrage
    from pyrage import passphrase as age_passphrase

    if not is_encrypted_bytes(identity_file):
        raise CryptoError("its key file is not an age file")
    try:
        secret = bytes(age_passphrase.decrypt(identity_file, passphrase)).decode().strip()
    except pyrage.DecryptError:
        raise WrongPassphrase("that passphrase does not open this workbook") from None
    except UnicodeDecodeError:
        raise CryptoError("its identity file is damaged") from None
    if not secret.startswith("AGE-SECRET-KEY-"):
        raise CryptoError("its identity file holds no age identity")
    return Keys(secret)


async def unlock_in_process(identity_file: bytes, passphrase: str) -> Keys | None:
    """Run `unlock` in a separate process (`python -m careertui.core.crypto`), so the
    app's loop keeps drawing its progress while scrypt holds that process's GIL.

    The passphrase and the key file go through a pipe, never the command line (which
    other users can list). Returns None for a wrong passphrase; raises CryptoError for
    a damaged key file or a child that could not run.
    """
    import asyncio  # here: the commands that never start the app stay quick to import

    request = json.dumps({"identity": base64.b64encode(identity_file).decode(),
                          "passphrase": passphrase}).encode()
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "careertui.core.crypto", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await child.communicate(request)
    try:
        answer = json.loads(out.decode())
    except ValueError:
        reason = err.decode(errors="replace").strip().splitlines()[-1:] or ["no answer"]
        raise CryptoError(f"the key file could not be opened ({reason[0]})") from None
    if answer.get("problem"):
        raise CryptoError(str(answer["problem"]))
    secret = answer.get("secret")
    return Keys(secret) if isinstance(secret, str) else None


def _child() -> None:
    """`python -m careertui.core.crypto`: one unlock, asked and answered as JSON."""
    request = json.loads(sys.stdin.buffer.read().decode())
    try:
        keys = unlock(base64.b64decode(request["identity"]), request["passphrase"])
    except WrongPassphrase:
        answer: dict[str, str | None] = {"secret": None}
    except CryptoError as error:
        answer = {"problem": str(error)}
    else:
        answer = {"secret": keys.secret}
    sys.stdout.write(json.dumps(answer))


def passphrase_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The passphrase in the file `$CAREERTUI_PASSPHRASE_FILE` names (its first line),
    for scripts; None when the variable is not set. Raises CryptoError if unreadable."""
    environ = os.environ if environ is None else environ
    name = environ.get(ENV_PASSPHRASE_FILE)
    if not name:
        return None
    try:
        text = Path(name).expanduser().read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CryptoError(f"{ENV_PASSPHRASE_FILE} names {name}, which cannot be read "
                          f"({error})") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


if __name__ == "__main__":
    _child()
