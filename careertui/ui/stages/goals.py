"""The Goals stage: what you want to achieve, and what you will ask your manager for.

A goal says how you will know it is done and by when; a request is one
specific thing you need, with a dated history of asking. Hints point at what
is missing but never stop you.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from ...core.advice import days_waiting, goal_hints, ledger_summary, set_request_status
from ...core.dates import friendly, month_day
from ...core.model import (
    GOAL_STATUSES,
    REQUEST_KINDS,
    REQUEST_STATUSES,
    Achievement,
    CareerPath,
    CheckIn,
    Goal,
    Record,
    Request,
)
from ...core.overview import progress_history
from ...core.store import Workbook
from ..widgets.record_list import SHARE_COLUMN, Column, Field, RecordList, RecordMessage
from .base import Stage

HORIZONS = (("Short-term (up to a year)", "short-term"), ("Long-term", "long-term"))

GOAL_FIELDS = (
    Field("title", "Goal", placeholder="e.g. Lead a small project end to end"),
    Field("horizon", "Horizon", "choice", HORIZONS),
    Field("why", "Why it matters", "long", placeholder="What it would change for you"),
    Field("measure", "Done when", placeholder="Something you could count or show"),
    Field("target_date", "Target date", "date"),
    Field("status", "Status", "choice", tuple((s.capitalize(), s) for s in GOAL_STATUSES)),
    Field("path_ids", "Linked paths", "links"),
)

REQUEST_FIELDS = (
    Field("ask", "The ask", placeholder="One sentence, e.g. Let me lead the Q1 dashboard"),
    Field("kind", "Kind", "choice", tuple((k.capitalize(), k) for k in REQUEST_KINDS)),
    Field("goal_id", "For goal", "choice"),
    Field("needed_by", "Needed by", "date"),
    Field("status", "Status", "choice", tuple((s.capitalize(), s) for s in REQUEST_STATUSES)),
)



class GoalsStage(Stage):
    TITLE = "Goals"
    SHOWS = frozenset({Goal.TABLE, Request.TABLE, CareerPath.TABLE, CheckIn.TABLE,
                       Achievement.TABLE})
    ABOUT = (
        "Turn what you want into goals your manager can back: say how you will know each "
        "is done and by when, then the specific things you will ask for."
    )

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.goals = workbook.all(Goal)
        self.requests = workbook.all(Request)

    def compose(self) -> ComposeResult:
        today = self.now().date()
        yield from self.compose_intro()
        yield Static("Goals", classes="section-title")
        yield RecordList(
            self.goals,
            fields=GOAL_FIELDS,
            columns=(
                Column("Goal", lambda g: g.title or "(untitled)"),
                Column("Horizon", lambda g: g.horizon, drop=1),
                Column("Target", lambda g: friendly(g.target_date) if g.target_date else "–"),
                Column("Status", lambda g: g.status),
                SHARE_COLUMN,
            ),
            new_record=self._new_goal,
            noun="goal",
            today=today,
            choices=self._choices,
            apply=self._apply_goal,
            source=lambda: self.workbook.all(Goal),
            id="goals-list",
        )
        yield Static("Requests to your manager", classes="section-title")
        yield RecordList(
            self.requests,
            fields=REQUEST_FIELDS,
            columns=(
                Column("Ask", lambda r: r.ask or "(empty)"),
                Column("Kind", lambda r: r.kind, drop=1),
                Column("For goal", self._goal_title),
                Column("Status", lambda r: r.status),
                Column("Waiting", self._waiting, drop=2),
                SHARE_COLUMN,
            ),
            new_record=self._new_request,
            noun="request",
            today=today,
            choices=self._choices,
            apply=self._apply_request,
            source=lambda: self.workbook.all(Request),
            id="requests-list",
        )

    def _choices(self, name: str) -> list[tuple[str, str]]:
        if name == "goal_id":
            goals = [(g.title or "(untitled goal)", g.id) for g in self.workbook.all(Goal)]
            return [("No goal (standalone)", ""), *goals]
        if name == "path_ids":
            return [(p.role or "(untitled path)", p.id) for p in self.workbook.all(CareerPath)]
        return []

    def _goal_title(self, request: Request) -> str:
        goal = self.workbook.get(Goal, request.goal_id) if request.goal_id else None
        return (goal.title or "(untitled goal)") if goal else "–"

    def _waiting(self, request: Request) -> str:
        waiting = days_waiting(request, self.now().date())
        return f"{waiting} d" if waiting is not None else "–"

    def _new_goal(self) -> Goal:
        """Its history starts today, in the app's clock."""
        goal = Goal()
        goal.history = [{"status": goal.status, "date": self.now().date().isoformat()}]
        return goal

    def _apply_goal(self, record: Record, name: str, value: Any) -> bool:
        """A status change is dated in the goal's history, like a request's ledger."""
        if name != "status" or not isinstance(record, Goal):
            return False
        record.change_status(value, self.now().date().isoformat())
        return True

    def _new_request(self) -> Request:
        request = Request()
        set_request_status(request, "draft", self.now().date())
        goals = self.query_one("#goals-list", RecordList)
        if goals.selected is not None:
            request.goal_id = goals.selected.id
        return request

    def _apply_request(self, record: Record, name: str, value: Any) -> bool:
        if name != "status" or not isinstance(record, Request):
            return False
        set_request_status(record, value, self.now().date())
        return True

    # -- persistence and hints ---------------------------------------------------

    def on_record_list_added(self, event: RecordList.Added) -> None:
        super().on_record_list_added(event)
        self._related_changed(event)

    def on_record_list_saved(self, event: RecordList.Saved) -> None:
        super().on_record_list_saved(event)
        self._related_changed(event)

    def on_record_list_deleted(self, event: RecordList.Deleted) -> None:
        super().on_record_list_deleted(event)
        self._related_changed(event)

    def _related_changed(self, event: RecordMessage) -> None:
        """A goal's title is an option of the requests' "For goal" and a column there;
        a request attached to a goal changes the goal's hints."""
        if event.record_list.id == "goals-list":
            self.query_one("#requests-list", RecordList).refresh_records()
        else:
            goals = self.query_one("#goals-list", RecordList)
            if goals.selected is not None:
                self._show_hint(goals, goals.selected)
        if not isinstance(event, RecordList.Deleted):
            self._show_hint(event.record_list, event.record)

    @on(RecordList.Selected)
    def _selected(self, event: RecordList.Selected) -> None:
        self._show_hint(event.record_list, event.record)

    def _show_hint(self, record_list: RecordList, record: Record) -> None:
        today = self.now().date()
        if isinstance(record, Goal):
            requests = self.workbook.all(Request)
            hints = [f"• {hint}" for hint in goal_hints(record, requests, today)]
            evidence = sorted((a for a in self.workbook.all(Achievement)
                               if a.goal_id == record.id and a.what.strip()),
                              key=lambda a: a.date)
            if evidence:
                latest = evidence[-1]
                hints.append(f"Evidence: {len(evidence)} achievement"
                             f"{'s' if len(evidence) != 1 else ''}, latest "
                             f"{month_day(latest.date)} {' '.join(latest.what.split())}".strip())
            if len(record.history) > 1:
                hints.append("Status: " + " → ".join(
                    f"{h.get('status', '')} {month_day(h.get('date', ''))}".strip()
                    for h in record.history[-6:]))
            history = progress_history(record, self.workbook.all(CheckIn))
            if history:
                hints.append("Progress: " + " · ".join(
                    f"{month_day(day)} {note}" for day, note in history[-6:]))
            record_list.set_hint("\n".join(hints))
        elif isinstance(record, Request):
            record_list.set_hint(f"History: {ledger_summary(record, today)}")

    def reload(self) -> None:
        for list_id in ("#goals-list", "#requests-list"):
            self.query_one(list_id, RecordList).refresh_records()
