"""What every stage has in common."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from ..store import Workbook


class Stage(VerticalScroll):
    """One tab of the workbook.

    A stage reads and writes the workbook only through the `Workbook` API it
    is given, and says nothing to other stages directly: the app calls
    `reload()` when data changed elsewhere.
    """

    TITLE: ClassVar[str] = ""
    ABOUT: ClassVar[str] = ""

    class WorkbookChanged(Message):
        """This stage changed records other stages show: the app has them reload."""

        def __init__(self, stage: Stage) -> None:
            super().__init__()
            self.stage = stage

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="stage")
        self.workbook = workbook
        self.ready = asyncio.Event()
        """Set by the app once the stage and everything it composes are mounted."""

    def compose_intro(self) -> ComposeResult:
        yield Static(self.TITLE, classes="stage-title")
        yield Static(self.ABOUT, classes="stage-about")

    def first_field(self) -> Widget:
        """Where typing starts on entering the stage: the first focusable widget."""
        for widget in self.walk_children(Widget):
            if widget.focusable:
                return widget
        return self

    def focus_first(self) -> None:
        """The stage opens at its top (its title and what it is for), not scrolled
        down to wherever the field happens to sit."""
        self.first_field().focus(scroll_visible=False)

    def reload(self) -> None:
        """Show the workbook afresh after it changed outside this stage."""

    def now(self) -> datetime:
        """The app's clock (fixed in tests), so drafts and file names are reproducible."""
        clock = getattr(self.app, "clock", None)
        return clock() if clock is not None else datetime.now().astimezone()

    # -- helpers for email drafts ---------------------------------------------------

    def show_draft_status(self, status: Static, unfilled: Sequence[str], edited: bool) -> None:
        """The line under an email's fields: ready, or which placeholders are left;
        the same placeholders are marked in the stage's preview."""
        from ..drafting.placeholders import describe_unfilled
        from ..widgets.markdown_editor import MarkdownEditor

        kept = " Your edits are kept; f2 redrafts." if edited else ""
        if unfilled:
            status.update(f"⚠ {describe_unfilled(list(unfilled))}.{kept}")
        else:
            status.update(f"Ready to send.{kept}")
        status.set_class(bool(unfilled), "-warning")
        status.set_class(not unfilled, "-ok")
        self.query_one(MarkdownEditor).preview.highlights = tuple(unfilled)

    async def confirm_replace_edits(self, sources: str) -> bool:
        """Ask before a redraft replaces an email the person edited (must run in a worker)."""
        from ..screens.confirm import ChoiceDialog

        answer = await self.app.push_screen_wait(
            ChoiceDialog(
                "Replace your edits?",
                f"You have edited this email. Redrafting writes it afresh from {sources} "
                "(ctrl+z in the editor brings your text back).",
                [("keep", "Keep mine"), ("replace", "Replace")],
                escape_choice="keep",
            )
        )
        return answer == "replace"

    # -- helpers for copy and export actions -------------------------------------

    async def copy_out(self, text: str, what: str, warning: str = "") -> None:
        """Copy through the app's one clipboard helper and say where the text went."""
        from ..clipboard import copy_text

        result = await copy_text(self.app, text)
        message = result.notice(what)
        if warning:
            message = f"{message}\nNote: {warning}."
        severity = "warning" if warning or result.problem else "information"
        self.notify(message, title="Copied" if not result.problem else "Copy", severity=severity,
                    timeout=10)

    async def export_out(self, default: Path, payload: bytes, what: str) -> Path | None:
        """Ask where to save, ask again before replacing a file, then say where it went.

        Must run in a worker (it waits on dialogs).
        """
        from ..screens.save_file import save_to_chosen_file

        return await save_to_chosen_file(self.app, default, payload, what)
