"""The workbook's records, as plain dataclasses.

Nothing here knows about Textual or TinyDB: records turn into plain dicts
(`to_doc`) and back (`from_doc`) so the store can persist them and the tests can
build them without an app.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime
from typing import Any, ClassVar, Self

SCHEMA_VERSION = 1
"""Bump when a stored record changes shape, and add a migration in `store.py`."""

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real local time; tests inject a fixed clock instead."""
    return datetime.now().astimezone()


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def timestamp(clock: Clock = system_clock) -> str:
    return clock().isoformat(timespec="seconds")


@dataclass
class Record:
    """Something the person wrote down.

    Every record is private unless it says otherwise: only shareable records
    may reach an agenda, an email or a shareable export.
    """

    TABLE: ClassVar[str] = ""
    SHAREABLE_BY_DEFAULT: ClassVar[bool] = False

    id: str = field(default_factory=new_id)
    created: str = field(default_factory=timestamp)
    updated: str = ""
    shareable: bool | None = None

    def __post_init__(self) -> None:
        if self.shareable is None:
            self.shareable = self.SHAREABLE_BY_DEFAULT
        if not self.updated:
            self.updated = self.created

    def touch(self, clock: Clock = system_clock) -> None:
        self.updated = timestamp(clock)

    def to_doc(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Self:
        """Build a record from a stored dict, tolerating missing keys.

        Missing keys get their defaults so that records written before a
        field existed still load; unknown keys are ignored.
        """
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, f in known.items():
            if name in doc:
                values[name] = doc[name]
            elif f.default is MISSING and f.default_factory is MISSING:
                values[name] = ""
        return cls(**values)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "to_doc"):
        return value.to_doc()
    return value


@dataclass
class Profile(Record):
    """Who you are and who you are talking to; fills the email placeholders."""

    TABLE: ClassVar[str] = "profile"

    name: str = ""
    role: str = ""
    manager_name: str = ""
    manager_email: str = ""
    company: str = ""
    team: str = ""
    meeting_minutes: int = 30

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "name": "Your name",
        "role": "Your role",
        "team": "Your team",
        "company": "Company",
        "manager_name": "Manager's name",
        "manager_email": "Manager's email",
    }
