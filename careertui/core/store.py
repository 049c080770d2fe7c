"""The one place that reads and writes files.

The workbook is a TinyDB document kept in memory and written to disk whole,
atomically (temp file, fsync, `os.replace`, fsync of the directory), so a crash
or a `kill -9` at any moment leaves either the old file or the new one, never a
torn one. The file and its temp files are readable by their owner only.

Nothing here imports Textual: the app decides *when* to save; this module
decides *how*.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from .crypto import CryptoError, Keys, identity_path, is_encrypted_bytes
from .migrations import v1_to_v2, v2_to_v3
from .model import LINKS, SCHEMA_VERSION, Clock, Profile, Record, system_clock

APP_NAME = "careertui"
WORKBOOK_FILENAME = "workbook.json"
LAST_COPIED_NAME = "last-copied.txt"
"""The clipboard's fallback file in the data folder (never written for an encrypted workbook)."""
ENV_WORKBOOK = "CAREERTUI_DB"
META_TABLE = "meta"
VALUES_TABLE = "values"

R = TypeVar("R", bound=Record)


class WorkbookError(Exception):
    """A problem with the workbook file that the person must be told about."""


class WorkbookLocked(WorkbookError):
    """Another careertui has the workbook open."""


class WorkbookEncrypted(WorkbookError):
    """The workbook is encrypted and was opened without its keys (`crypto.unlock`)."""


class WorkbookTooNew(WorkbookError):
    """The file was written by a newer careertui; we refuse to touch it."""


class RecordGone(WorkbookError):
    """An update of a record that is no longer in the workbook (deleted elsewhere).

    Never re-created silently: the caller keeps what was typed and offers to add it back.
    """


@dataclass(frozen=True)
class Change:
    """What one write changed: the tables touched, and who made it.

    `origin` is whatever the writer named with `Workbook.changes_from` (a stage
    keeps its own view up to date; everyone else refreshes from the workbook).
    """

    tables: frozenset[str]
    origin: object | None = None


class MigrationBackupFailed(WorkbookError):
    """An older workbook needs upgrading, but its copy could not be kept: nothing is touched."""


class SaveError(WorkbookError):
    """Writing failed; the edits are still in memory."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- paths


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_workbook_path() -> Path:
    return data_dir() / WORKBOOK_FILENAME


def resolve_workbook_path(cli_value: str | None = None) -> Path:
    """`--db` wins, then `$CAREERTUI_DB`, then the per-user data dir."""
    chosen = cli_value or os.environ.get(ENV_WORKBOOK)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return default_workbook_path()


def display_path(path: Path) -> str:
    """A path as a person would type it: the home folder as ~."""
    home = Path.home()
    try:
        return "~/" + path.relative_to(home).as_posix()
    except ValueError:
        return str(path)


def ensure_private_dir(directory: Path) -> None:
    """Create `directory` (owner-only) if it is missing; leave an existing one alone."""
    if directory.is_dir():
        return
    directory.parent.mkdir(parents=True, exist_ok=True)
    directory.mkdir(mode=0o700)
    os.chmod(directory, 0o700)


def describe_os_error(error: OSError, path: Path | None = None) -> str:
    """A reason a person can act on, e.g. "/etc/passwd is a file, not a folder"."""
    if path is not None and isinstance(error, FileExistsError | NotADirectoryError):
        for ancestor in path.parents:
            if ancestor.exists() and not ancestor.is_dir():
                return f"{ancestor} is a file, not a folder"
    return error.strerror or str(error) or type(error).__name__


def atomic_write(path: Path, payload: bytes, *, private_dir: bool = True) -> None:
    """Replace `path` with `payload` so that readers see the old or the new file, never half."""
    if private_dir:
        ensure_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp_name)
        raise
    with suppress(OSError):  # not every filesystem lets a directory be fsynced
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_private_text(path: Path, text: str) -> None:
    """A file only its owner can read, in careertui's own (0700) folder."""
    atomic_write(path, text.encode("utf-8"))


def export_file(
    target: Path | str, payload: bytes, *, overwrite: bool = False, default_name: str = ""
) -> Path:
    """Write a file the person asked for (an agenda, an email) where they chose.

    A folder gets `default_name` inside it: an existing one, or one typed with
    a trailing slash ("exports/"), which is made. Refuses to replace an
    existing file unless told to (FileExistsError), so the caller can ask
    first. The folder is created if needed but its mode is left alone: it is
    the person's folder, not ours. Returns the full path written.
    """
    path = Path(target).expanduser()
    a_folder = str(target).endswith(("/", os.sep)) or path.is_dir()
    if default_name and a_folder:
        path = path / default_name
    if path.exists() and not overwrite:
        raise FileExistsError(17, "File exists", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, payload, private_dir=False)
    return path.resolve()


def export_folder(
    target: Path | str, files: Sequence[tuple[str, bytes]], *, overwrite: bool = False,
    default_name: str = "", replaces: Callable[[str], bool] = lambda name: False,
) -> Path:
    """Write a set of files (the progress packet: an index and a document per goal) into
    a folder of their own, where the person chose.

    A new path is that folder. An existing folder, or one typed with a trailing
    slash, gets `default_name` inside it, unless it already holds this kind of set
    (its first file): then it is the folder written into. Refuses (FileExistsError
    naming the first) when a file of the set is already there, unless told to; then
    the files `replaces` names that this set does not hold (left from a goal renamed
    since) are removed, so the folder holds this set only. Other files are never
    touched. Returns the folder written.
    """
    folder = Path(target).expanduser()
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, f"{folder} is a file, not a folder", str(folder))
    into = str(target).endswith(("/", os.sep)) or folder.is_dir()
    if default_name and into and not (files and (folder / files[0][0]).exists()):
        folder = folder / default_name
    if not overwrite:
        for name, _ in files:
            if (folder / name).exists():
                raise FileExistsError(17, "File exists", str(folder / name))
    folder.mkdir(parents=True, exist_ok=True)
    if overwrite:
        keep = {name for name, _ in files}
        for old in folder.iterdir():
            if old.name not in keep and old.is_file() and replaces(old.name):
                old.unlink()
    for name, payload in files:
        atomic_write(folder / name, payload, private_dir=False)
    return folder.resolve()


# -------------------------------------------------------------------------- locks


class _LockHeld(Exception):
    pass


class _SingleWriterLock:
    """One careertui per workbook: an advisory lock on `<workbook>.lock`.

    On POSIX an `flock` on a file only its owner can read, released by the
    kernel if the process dies; elsewhere the `filelock` package (imported only
    there: it costs 20 ms of start-up).
    """

    def __init__(self, release: Callable[[], None]) -> None:
        self.release = release

    @classmethod
    def take(cls, path: Path) -> _SingleWriterLock:
        try:
            import fcntl
        except ImportError:
            return cls._take_portably(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise _LockHeld from None
        except OSError:
            os.close(fd)
            raise

        def release() -> None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

        return cls(release)

    @classmethod
    def _take_portably(cls, path: Path) -> _SingleWriterLock:
        from filelock import FileLock, Timeout

        lock = FileLock(str(path), timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise _LockHeld from None
        return cls(lock.release)


# ------------------------------------------------------------------------ storage


def _is_tinydb_layout(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    for table in data.values():
        if not isinstance(table, dict):
            return False
        for doc_id, doc in table.items():
            if not isinstance(doc, dict) or not str(doc_id).isdigit():
                return False
    return True


class WorkbookStorage(Storage):
    """TinyDB storage that lives in memory and is flushed to disk atomically on demand.

    TinyDB's own JSONStorage rewrites the file in place on every change, so a
    crash mid-write leaves a broken file and every keystroke would touch the
    disk. Here TinyDB only ever changes memory; the app flushes when it chooses.

    The JSON of each table is kept between saves and only the tables changed
    since are encoded again: typing in the agenda re-encodes a few kilobytes,
    not the whole workbook, so a save holds the event loop for well under a
    millisecond.
    """

    def __init__(self, data: dict[str, Any], on_change: Callable[[frozenset[str]], None]) -> None:
        self._data = data
        self._on_change = on_change
        self._encoded: dict[str, bytes] = {}
        self.changed_tables: set[str] = set()
        """Filled in by `_TrackedTable` just before TinyDB writes."""

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if data is not self._data or not self.changed_tables:
            self._encoded.clear()  # a change we cannot place: encode everything anew
            changed = frozenset(data) | frozenset(self._data)
        else:
            changed = frozenset(self.changed_tables)
        for name in self.changed_tables:
            self._encoded.pop(name, None)
        self.changed_tables.clear()
        self._data = data
        self._on_change(changed)

    def replace(self, data: dict[str, Any]) -> None:
        """Start from `data` (a loaded file), forgetting every encoded table."""
        self._data = data
        self._encoded.clear()

    def serialize(self) -> bytes:
        """The same bytes as `json.dumps(data, ensure_ascii=False, separators=(",", ":"))`."""
        parts = []
        for name, table in self._data.items():
            encoded = self._encoded.get(name)
            if encoded is None:
                encoded = self._encoded[name] = _compact_json(table)
            parts.append(_compact_json(name) + b":" + encoded)
        return b"{" + b",".join(parts) + b"}"

    def close(self) -> None:
        pass


def _compact_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


TINYDB_WRITE_HOOK = "_update_table"
"""The one private TinyDB name careertui relies on: every write to a table goes
through `Table._update_table` (insert, update, remove, truncate), so overriding it
is how the storage learns which table changed and re-encodes only that one.
There is no public hook; tests/test_compat.py fails, naming it, if TinyDB moves it."""


class _TrackedTable(Table):
    """A TinyDB table that tells the storage which table a write changes."""

    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        storage = self.storage
        if isinstance(storage, WorkbookStorage):
            storage.changed_tables.add(self.name)
        super()._update_table(updater)  # see TINYDB_WRITE_HOOK


class _WorkbookDB(TinyDB):
    table_class = _TrackedTable


# --------------------------------------------------------------------- migrations


def _migrate_noop(data: dict[str, Any]) -> dict[str, Any]:
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: v1_to_v2,
                                                                   2: v2_to_v3}
"""`MIGRATIONS[n]` turns a version-n document into a version-(n+1) one."""


def migrate(data: dict[str, Any], from_version: int) -> dict[str, Any]:
    version = from_version
    while version < SCHEMA_VERSION:
        data = MIGRATIONS.get(version, _migrate_noop)(data)
        version += 1
    return data


# ----------------------------------------------------------------------- workbook


class Workbook:
    """The person's workbook: records in TinyDB tables, saved as one file.

    Stages read and write through this API only. Every change bumps
    `revision` and announces a `Change` (the tables it touched) to the
    subscribers: that is how the app schedules an autosave and how every stage
    learns that what it shows is out of date.
    """

    def __init__(self, path: Path, *, clock: Clock = system_clock,
                 keys: Keys | None = None) -> None:
        self.path = path
        self.clock = clock
        self.keys = keys
        """An encrypted workbook's unlocked identity: every save is encrypted with it
        (in the save thread), and no plain copy of the workbook is ever written."""
        self.revision = 0
        self.saved_revision = 0
        self.moved_aside: Path | None = None
        """Where an unreadable file was moved before starting afresh."""
        self.read_error: str | None = None
        """Why the existing file could not be read; saving over it is refused."""
        self.migrated_from: int | None = None
        self.lock_problem: str | None = None
        """Why the single-writer lock could not be taken; saving still works without it."""
        self._subscribers: list[Callable[[Change], None]] = []
        self._origin: object | None = None
        self._lock: Any = None
        self._read_only = False
        self._storage = WorkbookStorage({}, self._changed)
        self._db = _WorkbookDB(storage=lambda: self._storage)

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, clock: Clock = system_clock, lock: bool = True,
             keys: Keys | None = None) -> Workbook:
        """Open (or start) the workbook at `path`, with `keys` if it is encrypted.

        Raises WorkbookLocked, WorkbookTooNew or WorkbookEncrypted; every other problem
        is recorded on the workbook (`moved_aside`, `read_error`) for the app to show.
        """
        book = cls(path, clock=clock, keys=keys)
        if lock:
            book._acquire_lock()
        try:
            book._load()
        except BaseException:
            book.close()
            raise
        return book

    @classmethod
    def read(cls, path: Path, *, keys: Keys | None = None) -> Workbook:
        """Open `path` to read only (an export): nothing on disk is moved, locked or written.

        Raises WorkbookError when the file is missing or cannot be read.
        """
        book = cls(path, keys=keys)
        book._read_only = True
        book._load()
        if book.read_error:
            raise WorkbookError(book.read_error)
        return book

    def _acquire_lock(self) -> None:
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            ensure_private_dir(self.path.parent)
            self._lock = _SingleWriterLock.take(lock_path)
        except _LockHeld:
            raise WorkbookLocked(
                f"The workbook {self.path} is open in another careertui.\n"
                "Close that one first (or choose another file with --db)."
            ) from None
        except OSError as error:  # e.g. ENOLCK on a network disk: say so, and carry on
            self.lock_problem = describe_os_error(error)
        else:
            self.lock_problem = None

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            if self._read_only:
                raise WorkbookError(f"there is no workbook at {self.path}") from None
            self._start_fresh()  # nothing there to protect; saving will say if the path is bad
            return
        except OSError as error:
            self.read_error = f"{self.path} could not be read ({describe_os_error(error)})"
            self._start_fresh()
            return
        if not raw.strip():
            self._start_fresh()
            return
        plain = raw
        if is_encrypted_bytes(raw):
            if self.keys is None:
                raise WorkbookEncrypted(f"{self.path} is encrypted: it opens with its passphrase")
            try:
                plain = self.keys.decrypt(raw)
                data = json.loads(plain.decode("utf-8"))
                if not _is_tinydb_layout(data):
                    raise ValueError("not a TinyDB layout")
            except (CryptoError, ValueError) as error:
                reason = error if isinstance(error, CryptoError) else "it is not a workbook"
                if self._read_only:
                    raise WorkbookError(f"{self.path} is encrypted, but {reason}") from None
                self.read_error = (f"{self.path} is encrypted, but {reason}; it is kept "
                                   "exactly as it is")  # never moved, never written over
                self._start_fresh()
                return
        try:
            data = json.loads(plain.decode("utf-8"))
            if not _is_tinydb_layout(data):
                raise ValueError("not a TinyDB layout")
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            if self._read_only:
                raise WorkbookError(f"{self.path} is not a careertui workbook") from None
            self._move_aside()
            self._start_fresh()
            return
        version = self._schema_version(data)
        if version > SCHEMA_VERSION:
            raise WorkbookTooNew(
                f"The workbook {self.path} was written by a newer careertui "
                f"(format {version}; this version reads up to {SCHEMA_VERSION}).\n"
                "Upgrade careertui to open it. The file was not changed."
            )
        if version < SCHEMA_VERSION:
            backup = self.path.with_name(f"{self.path.name}.v{version}-backup")
            if not self._read_only:
                try:
                    atomic_write(backup, raw)
                except OSError as error:
                    raise MigrationBackupFailed(
                        f"The workbook {self.path} needs upgrading from format {version} to "
                        f"{SCHEMA_VERSION}, and careertui first keeps a copy of it, but the copy "
                        f"{backup} could not be written ({describe_os_error(error, backup)}).\n"
                        "Nothing was upgraded and the file was not changed. Make room or fix "
                        "the folder's permissions, then start careertui again."
                    ) from None
            data = migrate(data, version)
            self.migrated_from = version
        self._storage.replace(data)
        self._set_schema_version()
        if self.migrated_from is None:
            self.saved_revision = self.revision

    @staticmethod
    def _schema_version(data: dict[str, Any]) -> int:
        for doc in data.get(META_TABLE, {}).values():
            version = doc.get("schema_version")
            if isinstance(version, int):
                return version
        return SCHEMA_VERSION  # a bare TinyDB file: nothing to migrate

    def _set_schema_version(self) -> None:
        meta = self._db.table(META_TABLE)
        meta.truncate()
        meta.insert({"schema_version": SCHEMA_VERSION})

    def _start_fresh(self) -> None:
        self._storage.replace({})
        self._set_schema_version()
        self.saved_revision = self.revision

    def _move_aside(self) -> None:
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{counter}")
            counter += 1
        try:
            os.rename(self.path, target)
        except OSError as error:
            self.read_error = (
                f"{self.path} is not a careertui workbook and could not be moved aside "
                f"({describe_os_error(error)})"
            )
        else:
            self.moved_aside = target

    # -- change tracking -------------------------------------------------------

    def _changed(self, tables: frozenset[str]) -> None:
        self.revision += 1
        change = Change(tables, self._origin)
        for callback in list(self._subscribers):
            callback(change)

    def subscribe(self, callback: Callable[[Change], None]) -> None:
        self._subscribers.append(callback)

    @contextmanager
    def changes_from(self, origin: object) -> Iterator[None]:
        """Name the writer of the changes made inside the block (see `Change.origin`)."""
        previous, self._origin = self._origin, origin
        try:
            yield
        finally:
            self._origin = previous

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    # -- saving ----------------------------------------------------------------

    def prepare_save(self) -> None:
        """Encode every table now, at a quiet moment (after start-up), so that no save
        made while the person types has to encode the whole workbook."""
        self._storage.serialize()

    def snapshot(self) -> tuple[int, bytes]:
        """The whole workbook as bytes, taken on the caller's thread so it is consistent."""
        return self.revision, self._storage.serialize()

    def write(self, payload: bytes, path: Path | None = None) -> None:
        """Write a snapshot; safe to call from a worker thread. Raises SaveError."""
        if self.read_error and path is None:
            raise SaveError(f"{self.read_error}; not writing over it. Save to another file.")
        target = path or self.path
        if self.keys is not None:  # in the save thread: a millisecond, no passphrase
            payload = self.keys.encrypt(payload)
        try:
            atomic_write(target, payload)
        except OSError as error:
            raise SaveError(describe_os_error(error, target)) from None

    def mark_saved(self, revision: int) -> None:
        self.saved_revision = revision

    def save(self) -> None:
        revision, payload = self.snapshot()
        self.write(payload)
        self.mark_saved(revision)

    def save_as(self, new_path: Path) -> None:
        """Write to a new file and make it the workbook from now on.

        The app does the same in three steps so that only the writing leaves the
        event loop: `snapshot` and `move_to` on the loop, `write_new` in a thread.
        """
        revision, payload = self.snapshot()
        written = self.write_new(payload, new_path)
        self.move_to(written, revision)

    def write_new(self, payload: bytes, new_path: Path) -> Path:
        """Write a snapshot to a file that must not exist yet; safe from a worker thread.

        Returns the full path written. Raises SaveError.
        """
        new_path = new_path.expanduser().resolve()
        if new_path.exists():
            raise SaveError(f"{new_path} already exists; choose a new file name")
        if self.keys is not None:  # an encrypted copy opens only with its key file beside it
            try:
                atomic_write(identity_path(new_path), identity_path(self.path).read_bytes())
            except OSError as error:
                raise SaveError(describe_os_error(error, new_path)) from None
        self.write(payload, new_path)
        return new_path

    def move_to(self, new_path: Path, revision: int) -> None:
        """Make the file just written by `write_new` the workbook, with its own lock."""
        self.release_lock()
        self.path = new_path
        self.read_error = None
        self._acquire_lock()
        self.mark_saved(revision)

    def release_lock(self) -> None:
        if self._lock is not None:
            with suppress(Exception):
                self._lock.release()
            self._lock = None

    def close(self) -> None:
        self.release_lock()

    # -- records ---------------------------------------------------------------

    def all(self, kind: type[R]) -> list[R]:
        return [kind.from_doc(doc) for doc in self._db.table(kind.TABLE).all()]

    def get(self, kind: type[R], record_id: str) -> R | None:
        doc = self._db.table(kind.TABLE).get(Query().id == record_id)
        return kind.from_doc(doc) if isinstance(doc, dict) else None

    def add(self, record: Record) -> None:
        """Insert a new record, stamping its update time.

        A record whose id is already there is updated instead (adding the same
        record twice, e.g. "add it back" pressed twice, must not duplicate it).
        """
        record.touch(self.clock)
        table = self._db.table(record.TABLE)
        if table.contains(Query().id == record.id):
            table.update(record.to_doc(), Query().id == record.id)
        else:
            table.insert(record.to_doc())

    def update(self, record: Record) -> None:
        """Write the changes to a record that exists; raises RecordGone if it was deleted."""
        table = self._db.table(record.TABLE)
        if not table.contains(Query().id == record.id):
            raise RecordGone(f"this {type(record).__name__.lower()} was deleted")
        record.touch(self.clock)
        table.update(record.to_doc(), Query().id == record.id)

    def add_all(self, records: Iterable[Record]) -> None:
        """Insert many new records at once, keeping their own timestamps (a sample, an import).

        One write instead of one lookup per record: `put` would be quadratic here.
        """
        by_table: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            by_table.setdefault(record.TABLE, []).append(record.to_doc())
        for table, docs in by_table.items():
            self._db.table(table).insert_multiple(docs)

    def delete(self, record: Record) -> None:
        """Remove a record and clear every link to it (a request's goal, an interview's path)."""
        self._db.table(record.TABLE).remove(Query().id == record.id)
        gone = record.id

        def points_at_gone(value: Any) -> bool:
            return value == gone or (isinstance(value, list) and gone in value)

        for table_name, name, targets in LINKS:
            if record.TABLE not in targets:
                continue
            table = self._db.table(table_name)

            def unlink(doc: MutableMapping[str, Any], name: str = name) -> None:
                value = doc[name]
                doc[name] = [v for v in value if v != gone] if isinstance(value, list) else ""

            if table.contains(Query()[name].test(points_at_gone)):
                table.update(unlink, Query()[name].test(points_at_gone))

    def single(self, kind: type[R]) -> R:
        """The one record of a kind kept once per workbook (the invite), or a fresh one."""
        docs = self._db.table(kind.TABLE).all()
        return kind.from_doc(docs[0]) if docs else kind()

    def count(self, kind: type[Record]) -> int:
        return len(self._db.table(kind.TABLE))

    def profile(self) -> Profile:
        docs = self._db.table(Profile.TABLE).all()
        return Profile.from_doc(docs[0]) if docs else Profile()

    def save_profile(self, profile: Profile) -> None:
        table = self._db.table(Profile.TABLE)
        profile.touch(self.clock)
        table.truncate()
        table.insert(profile.to_doc())

    def value(self, key: str, default: Any = None) -> Any:
        """A single named value (an agenda text, a setting of a stage)."""
        doc = self._db.table(VALUES_TABLE).get(Query().key == key)
        return doc["value"] if isinstance(doc, dict) else default

    def set_value(self, key: str, value: Any) -> None:
        if self.value(key) == value:
            return
        self._db.table(VALUES_TABLE).upsert({"key": key, "value": value}, Query().key == key)


# ----------------------------------------------------------------------- settings


class Settings:
    """Per-user preferences (the theme) kept outside the workbook."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or config_dir()) / "settings.json"
        self.values: dict[str, Any] = {}
        self.error: str | None = None
        self._write_lock = threading.Lock()
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
            if isinstance(loaded, dict):
                self.values = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            self.error = f"{self.path} could not be read ({error}); using defaults"

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> str | None:
        """Store a preference; returns a reason if it could not be written."""
        self.remember(key, value)
        return self.write()

    def remember(self, key: str, value: Any) -> None:
        """Change a preference in memory only (on the event loop, in the order chosen)."""
        self.values[key] = value

    def write(self) -> str | None:
        """Write the preferences as they are now; safe from a worker thread.

        Writes take turns, and each writes the values current when its turn
        comes, so the last one written always holds the last choice.
        Returns a reason if the file could not be written.
        """
        with self._write_lock:
            payload = json.dumps(dict(self.values), indent=2).encode("utf-8")
            try:
                atomic_write(self.path, payload)
            except OSError as error:
                return describe_os_error(error, self.path)
        return None
