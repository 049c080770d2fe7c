"""The Self-assessment stage: where you stand today, before you ask for anything."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from .base import Stage


class SelfAssessmentStage(Stage):
    TITLE = "Self-assessment"
    ABOUT = (
        "Take stock of where you are now: what you do well, what you want to get better "
        "at, which work gives you energy and which drains it, and where you would like to "
        "be in a few years. Everything here stays private unless you mark it shareable."
    )

    def compose(self) -> ComposeResult:
        yield from self.compose_intro()
        yield Label("Your name", classes="field-label")
        yield Input(
            self.workbook.profile().name,
            placeholder="How your manager knows you (used to sign your emails)",
            id="profile-name",
        )

    def reload(self) -> None:
        field = self.query_one("#profile-name", Input)
        name = self.workbook.profile().name
        if field.value != name:
            with field.prevent(Input.Changed):
                field.value = name

    @on(Input.Changed, "#profile-name")
    def _name_changed(self, event: Input.Changed) -> None:
        profile = self.workbook.profile()
        if profile.name != event.value:
            profile.name = event.value
            self.workbook.save_profile(profile)
