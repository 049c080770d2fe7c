"""The Paths stage: the roles you might grow into, compared side by side.

A step up, a move across or a new area each get the same questions: what it
needs, what you still lack, how much it draws you. Informational interviews
with people in those roles are noted here too (private by default).
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from ...core.dates import friendly
from ...core.model import PATH_KINDS, PATH_SOURCES, PATH_STATUSES, CareerPath, Interview, Record
from ...core.prompts import INTERVIEW_QUESTIONS
from ...core.store import Workbook
from ..widgets.record_list import SHARE_COLUMN, Column, Field, RecordList
from .base import Stage

KIND_CHOICES = tuple((f"{key.replace('-', ' ').capitalize()} ({label})", key)
                     for key, label in PATH_KINDS.items())

PATH_FIELDS = (
    Field("role", "Role or title", placeholder="e.g. Analytics team lead"),
    Field("team", "Team", placeholder="Team or department"),
    Field("kind", "Kind", "choice", KIND_CHOICES),
    Field("source", "Heard of it", "choice",
          (("Not set", ""), *((s.capitalize(), s) for s in PATH_SOURCES))),
    Field("skills_needed", "Skills it needs", "long", placeholder="Comma-separated"),
    Field("gap", "My gap", "long", placeholder="Skills you still need, comma-separated"),
    Field("interest", "Interest", "choice", tuple((f"{n} of 5", str(n)) for n in range(5, 0, -1))),
    Field("status", "Status", "choice", tuple((s.capitalize(), s) for s in PATH_STATUSES)),
    Field("notes", "Notes", "long"),
)

INTERVIEW_FIELDS = (
    Field("person", "Person", placeholder="Who you talked to"),
    Field("their_role", "Their role"),
    Field("date", "Date", "date"),
    Field("path_id", "About path", "choice"),
    Field("questions", "Questions", "long", placeholder="f2 inserts a question from the bank"),
    Field("learned", "What I learned", "long"),
    Field("thank_you", "Thank-you", "choice", (("Not sent yet", "not yet"), ("Sent", "sent"))),
    Field("next_step", "Next step"),
)


def gap_size(path: CareerPath) -> int:
    """How many skills are still missing: the comma- or line-separated items of the gap."""
    items = [part.strip() for part in path.gap.replace("\n", ",").split(",")]
    return sum(1 for item in items if item)


class PathsStage(Stage):
    TITLE = "Paths"
    ABOUT = (
        "Note the roles you could grow into, a step up or a move across, and what each would "
        "take. s sorts the table to weigh them side by side."
    )

    SHOWS = frozenset({CareerPath.TABLE, Interview.TABLE})

    BINDINGS = [Binding("f2", "insert_question", "Questions", id="insert-question")]

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        self.paths = workbook.all(CareerPath)
        self.interviews = workbook.all(Interview)

    def compose(self) -> ComposeResult:
        today = self.now().date()
        yield from self.compose_intro()
        yield Static("Career paths", classes="section-title")
        yield RecordList(
            self.paths,
            fields=PATH_FIELDS,
            columns=(
                Column("Role", lambda p: p.role or "(untitled)"),
                Column("Kind", lambda p: p.kind_label, drop=1),
                Column("Interest", lambda p: p.interest),
                Column("Gap", gap_size),
                Column("Interviews", self._interview_count, drop=2),
                Column("Status", lambda p: p.status),
                SHARE_COLUMN,
            ),
            new_record=CareerPath,
            noun="path",
            today=today,
            sortable=True,
            apply=_apply_number,
            source=lambda: self.workbook.all(CareerPath),
            id="paths-list",
        )
        yield Static("Informational interviews", classes="section-title")
        yield RecordList(
            self.interviews,
            fields=INTERVIEW_FIELDS,
            columns=(
                Column("Person", lambda i: i.person or "(unnamed)"),
                Column("Their role", lambda i: i.their_role, drop=1),
                Column("Date", lambda i: friendly(i.date) if i.date else "–"),
                Column("About", self._path_role),
                Column("Thank-you", lambda i: i.thank_you),
            ),
            new_record=self._new_interview,
            noun="interview",
            today=today,
            choices=self._choices,
            source=lambda: self.workbook.all(Interview),
            id="interviews-list",
        )

    def _interview_count(self, path: CareerPath) -> int:
        return sum(1 for i in self.workbook.all(Interview) if i.path_id == path.id)

    def _path_role(self, interview: Interview) -> str:
        path = self.workbook.get(CareerPath, interview.path_id) if interview.path_id else None
        return path.role if path else "–"

    def _choices(self, name: str) -> list[tuple[str, str]]:
        if name == "path_id":
            paths = [(p.role or "(untitled path)", p.id) for p in self.workbook.all(CareerPath)]
            return [("No particular path", ""), *paths]
        return []

    def _new_interview(self) -> Interview:
        interview = Interview(date=self.now().date().isoformat())
        paths = self.query_one("#paths-list", RecordList)
        if paths.selected is not None:
            interview.path_id = paths.selected.id
        return interview

    def on_record_list_added(self, event: RecordList.Added) -> None:
        super().on_record_list_added(event)
        self._related_changed(event.record_list)

    def on_record_list_saved(self, event: RecordList.Saved) -> None:
        super().on_record_list_saved(event)
        self._related_changed(event.record_list)

    def on_record_list_deleted(self, event: RecordList.Deleted) -> None:
        super().on_record_list_deleted(event)
        self._related_changed(event.record_list)

    def _related_changed(self, changed: RecordList) -> None:
        if changed.id == "paths-list":  # its role is an option there; a deleted path unlinks
            self.query_one("#interviews-list", RecordList).refresh_records()
        else:  # interview counts in the comparison table
            paths: RecordList[CareerPath] = self.query_one("#paths-list", RecordList)
            for path in paths.records:
                paths.refresh_row(path)

    def reload(self) -> None:
        for records in self.query(RecordList).results(RecordList):
            records.refresh_records()

    # -- the question bank -----------------------------------------------------------

    def action_insert_question(self) -> None:
        interviews = self.query_one("#interviews-list", RecordList)
        if interviews.selected is None:
            self.notify("Add an interview first (ctrl+n in the interviews list).",
                        severity="warning")
            return
        self._pick_question(interviews)

    @work(exclusive=True, group="question-bank")
    async def _pick_question(self, interviews: RecordList) -> None:
        from ..screens.pick import PickScreen

        question = await self.app.push_screen_wait(
            PickScreen("Questions worth asking", INTERVIEW_QUESTIONS)
        )
        if not question:
            return
        area = interviews.query_one("#field-questions", TextArea)
        text = area.text.rstrip("\n")
        area.load_text(f"{text}\n- {question}" if text else f"- {question}")
        interviews.edit("questions", area.text)
        area.focus()
        area.move_cursor(area.document.end)


def _apply_number(record: Record, name: str, value: Any) -> bool:
    """Interest is a number, though the list offers it as text."""
    if name == "interest" and isinstance(record, CareerPath):
        record.interest = int(value)
        return True
    return False
