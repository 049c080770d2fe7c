"""The eight stages, in the order a person works through them.

Stage modules are imported only when their tab is first shown, so start-up
pays for one stage, not eight.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Stage


@dataclass(frozen=True)
class StageCommand:
    """A palette command that runs a stage's action, from any stage.

    Kept here as plain data so the palette lists it before the stage's module
    is imported; the app builds the stage when the command runs.
    """

    title: str
    help: str
    action: str


@dataclass(frozen=True)
class StageInfo:
    id: str
    label: str
    module: str
    class_name: str
    commands: tuple[StageCommand, ...] = ()

    def load(self) -> type[Stage]:
        module = importlib.import_module(f"careertui.ui.stages.{self.module}")
        return getattr(module, self.class_name)


STAGES: tuple[StageInfo, ...] = (
    StageInfo("self-assessment", "Self-assessment", "self_assessment", "SelfAssessmentStage"),
    StageInfo("paths", "Paths", "paths", "PathsStage"),
    StageInfo("goals", "Goals", "goals", "GoalsStage"),
    StageInfo(
        "agenda",
        "Agenda",
        "agenda",
        "AgendaStage",
        (
            StageCommand(
                "Draft agenda from workbook",
                "A Markdown agenda from your shareable records (asks before replacing edits)",
                "draft",
            ),
            StageCommand("Copy agenda", "The agenda's Markdown, to paste into mail", "copy_agenda"),
            StageCommand(
                "Export agenda", "Save the agenda as agenda-YYYY-MM-DD.md", "export_agenda"
            ),
        ),
    ),
    StageInfo(
        "invite",
        "Invite",
        "invite",
        "InviteStage",
        (
            StageCommand(
                "Copy meeting request email",
                "Subject and body of the email asking for the conversation",
                "copy_email",
            ),
            StageCommand(
                "Save meeting request as .eml",
                "A file your mail app opens as a draft",
                "save_eml",
            ),
            StageCommand(
                "Save meeting request as .ics",
                "Each proposed time as a tentative event your calendar app can open",
                "save_ics",
            ),
            StageCommand(
                "Open meeting request in mail app",
                "A new message in your default mail program (mailto: link)",
                "open_mail",
            ),
            StageCommand(
                "Redraft meeting request email",
                "Write the email afresh from your profile and the Invite fields",
                "redraft",
            ),
        ),
    ),
    StageInfo(
        "meeting",
        "Meeting",
        "meeting",
        "MeetingStage",
        (
            StageCommand(
                "Insert a question from the bank",
                "Good questions for the conversation, into the quick-capture line",
                "insert_question",
            ),
            StageCommand(
                "Start a new meeting record",
                "A fresh meeting for your next career conversation (the old one is kept)",
                "new_meeting",
            ),
        ),
    ),
    StageInfo(
        "follow-up",
        "Follow-up",
        "follow_up",
        "FollowUpStage",
        (
            StageCommand(
                "Copy thank-you email",
                "Subject and body of the follow-up, to paste into mail",
                "copy_thank_you",
            ),
            StageCommand(
                "Save thank-you email as .eml",
                "A file your mail app opens as a draft",
                "save_eml",
            ),
            StageCommand("Mark thank-you sent", "Stop the 24-hour clock", "mark_sent"),
            StageCommand(
                "Save action items as .ics",
                "Shareable open action items with a due date, as to-dos for your calendar",
                "save_actions_ics",
            ),
            StageCommand(
                "Redraft thank-you email",
                "Write it afresh from the meeting's notes and action items",
                "redraft",
            ),
        ),
    ),
    StageInfo(
        "check-ins",
        "Check-ins",
        "check_ins",
        "CheckInsStage",
        (
            StageCommand(
                "New check-in",
                "Dated today, listing everything still open",
                "new_check_in",
            ),
            StageCommand(
                "Prepare next one-on-one",
                "A short note for your manager from shareable records, to copy or export",
                "prepare",
            ),
            StageCommand(
                "Copy one-on-one note",
                "The prepared note, straight to the clipboard",
                "copy_note",
            ),
            StageCommand(
                "Save check-in reminders as .ics",
                "Your one-on-ones as a repeating event, with what to bring",
                "save_check_in_ics",
            ),
        ),
    ),
)

STAGE_IDS = tuple(stage.id for stage in STAGES)


def stage_by_id(stage_id: str) -> StageInfo:
    for stage in STAGES:
        if stage.id == stage_id:
            return stage
    raise KeyError(stage_id)
