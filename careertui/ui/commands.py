"""The command palette's entries, and the whole-workbook exports it offers."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from .stages import STAGES

if TYPE_CHECKING:
    from .app import CareerApp


def careertui_commands(app: CareerApp) -> Iterable[SystemCommand]:
    """Go to each stage, each stage's own commands (the stage is built when one runs),
    and the shell's actions."""
    for stage in STAGES:
        yield SystemCommand(
            f"Go to {stage.label}", f"Show the {stage.label} stage",
            partial(app.enter_stage, stage.id),
        )
    for stage in STAGES:
        for command in stage.commands:
            yield SystemCommand(
                command.title, command.help,
                partial(app.run_stage_action, stage.id, command.action),
            )
    yield SystemCommand(
        "Prepare next conversation",
        "Plan the next one: its agenda starts with what happened since the last",
        partial(prepare_next, app),
    )
    yield SystemCommand(
        "Conversation history",
        "Every conversation, newest first: what was agreed and what became of it",
        partial(show_history, app),
    )
    yield SystemCommand(
        "Journey",
        "Conversations, check-ins, achievements and goals month by month, on one screen",
        partial(show_journey, app),
    )
    yield SystemCommand(
        "Edit profile", "Your name, role, manager and company", app.action_edit_profile
    )
    yield SystemCommand(
        "Export workbook",
        "Everything as one Markdown document, private notes included and labelled",
        partial(export_workbook, app, False),
    )
    yield SystemCommand(
        "Export shareable workbook",
        "One Markdown document with only what you marked shareable",
        partial(export_workbook, app, True),
    )
    yield SystemCommand(
        "Export progress packet",
        "Each shareable goal with its evidence, status over time and requests",
        partial(export_packet, app),
    )
    yield SystemCommand(
        "Share-safe view on/off",
        "Hide every private item while you share your screen (ctrl+l)",
        app.action_toggle_share_safe,
    )
    yield SystemCommand("Save now", "Write the workbook to disk", app.action_save)
    yield SystemCommand("Show keys", "Every key careertui answers to", app.action_help)


async def prepare_next(app: CareerApp) -> None:
    """Show the Agenda, where the new draft can be read and edited, and draft it there."""
    app.enter_stage("agenda")
    await app.run_stage_action("agenda", "prepare_next")


def show_history(app: CareerApp) -> None:
    """From the stages' own view of the workbook: while share-safe view is on, the
    private items stay hidden here too."""
    from .screens.history import show_history as show

    show(app, app.main.workbook, app.clock().date())


def show_journey(app: CareerApp) -> None:
    from .screens.journey import show_journey as show

    show(app, app.main.workbook, app.clock().date())


def export_workbook(app: CareerApp, shareable_only: bool = False) -> None:
    """While share-safe view is on, every export is the shareable one."""
    if app.sharing.on and not shareable_only:
        shareable_only = True
        app.notify("Share-safe view is on, so this export holds shareable items only.",
                   key="export-share-safe")
    app.run_worker(_export_workbook(app, shareable_only), group="export-workbook",
                   exclusive=True)


async def _export_workbook(app: CareerApp, shareable_only: bool) -> None:
    from ..core.drafting.workbook_export import (
        WorkbookContents,
        export_file_name,
        render_workbook,
    )
    from .screens.save_file import save_to_chosen_file

    today = app.clock().date()
    contents = WorkbookContents.of(app.workbook)  # on the loop: records do not move under it
    text = await asyncio.to_thread(
        render_workbook, contents, today=today, shareable_only=shareable_only
    )
    what = "the shareable workbook" if shareable_only else "the whole workbook"
    default = Path.cwd() / export_file_name(today, shareable_only)
    await save_to_chosen_file(app, default, text.encode("utf-8"), what)


def export_packet(app: CareerApp) -> None:
    app.run_worker(_export_packet(app), group="export-workbook", exclusive=True)


async def _export_packet(app: CareerApp) -> None:
    """An index and a document per shareable goal, in a folder of their own."""
    from ..core.drafting.packet import is_packet_file, packet_documents, packet_folder_name
    from ..core.model import Achievement, CheckIn, Goal, Request
    from .screens.save_file import save_to_chosen_folder

    today = app.clock().date()
    book = app.workbook
    documents = packet_documents(book.profile(), book.all(Goal), book.all(Achievement),
                                 book.all(Request), book.all(CheckIn), today)
    files = [(document.name, document.text.encode("utf-8")) for document in documents]
    goals = len(documents) - 1
    await save_to_chosen_folder(
        app, Path.cwd() / packet_folder_name(today), files,
        f"the progress packet ({goals} goal{'s' if goals != 1 else ''})", is_packet_file)
