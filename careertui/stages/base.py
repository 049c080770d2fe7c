"""What every stage has in common."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
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

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="stage")
        self.workbook = workbook

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
        self.first_field().focus()

    def reload(self) -> None:
        """Show the workbook afresh after it changed outside this stage."""


class PlaceholderStage(Stage):
    """A stage whose tools are still to be built: it explains what it is for."""

    can_focus = True
    COMING: ClassVar[str] = "The tools for this stage arrive in a later version of careertui."

    def compose(self) -> ComposeResult:
        yield from self.compose_intro()
        yield Static(self.COMING, classes="stage-coming")
