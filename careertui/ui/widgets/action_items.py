"""How an action item list looks, shared by Follow-up (all of them) and Check-ins (open ones)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.actions import is_overdue
from ...core.capture import owner_label
from ...core.model import ACTION_STATUSES, Capture
from .record_list import Column, Field

if TYPE_CHECKING:
    from ..stages.base import Stage

ACTION_FIELDS = (
    Field("text", "Action", placeholder="What will be done"),
    Field("owner", "Owner", placeholder="me, manager or a name"),
    Field("due", "Due", "date"),
    Field("status", "Status", "choice", tuple((s.capitalize(), s) for s in ACTION_STATUSES)),
)


def action_columns(stage: Stage) -> tuple[Column[Capture], ...]:
    """The columns of an action item list: who owns it, when it is due, whether it is late."""
    return (
        Column("Action", lambda c: c.text or "(empty)"),
        Column("Owner", lambda c: owner_label(c.owner, stage.workbook.profile().manager_name)),
        Column("Due", lambda c: c.due or "–"),
        Column("Status", lambda c: c.status),
        Column("!", lambda c: "overdue" if is_overdue(c, stage.now().date()) else ""),
    )
