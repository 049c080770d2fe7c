"""The profile form: who you are and who your manager is."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...core.model import Profile
from ...core.store import Workbook
from ..widgets.minutes import MinutesInput

PLACEHOLDERS = {"greeting_name": "The manager's first name, after “Hi”"}


class ProfileScreen(ModalScreen[bool]):
    """Edit the profile. Each change is written to the workbook as it is typed,
    like everywhere else in careertui, so closing or quitting loses nothing."""

    BINDINGS = [Binding("escape", "close", "Close", id="close-dialog")]

    def __init__(self, workbook: Workbook) -> None:
        super().__init__()
        self.workbook = workbook

    def compose(self) -> ComposeResult:
        profile = self.workbook.profile()
        with Vertical(classes="dialog", id="profile-box"):
            yield Static("Your profile", classes="dialog-title")
            with Grid(id="profile-grid"):
                for name, label in Profile.FIELD_LABELS.items():
                    yield Label(label)
                    value = profile.greeting if name == "greeting_name" else getattr(profile, name)
                    yield Input(str(value), id=f"profile-{name}", compact=True,
                                placeholder=PLACEHOLDERS.get(name, ""), select_on_focus=False)
                yield Label("Meeting minutes")
                yield MinutesInput(profile.meeting_minutes, say=False,
                                   id="profile-meeting_minutes")
            yield Static("", id="profile-problem", classes="field-problem")
            yield Static(
                "These fill the placeholders in your emails and agenda. Saved as you type.",
                classes="dialog-note",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Done", id="done", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#profile-name", Input).focus()

    @on(Input.Changed)
    def _field_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("profile-")
        profile = self.workbook.profile()
        if name == "meeting_minutes":
            return  # posted as a `MinutesInput.Length`
        if name == "greeting_name":
            before = profile.greeting_name
            profile.set_greeting(event.value)
            if profile.greeting_name != before:
                self.workbook.save_profile(profile)
            return
        value = event.value.strip()
        if getattr(profile, name) != value:
            setattr(profile, name, value)
            self.workbook.save_profile(profile)
        if name == "manager_name" and not profile.greeting_name:
            greeting = self.query_one("#profile-greeting_name", Input)
            with greeting.prevent(Input.Changed):  # it follows the manager's name
                greeting.value = profile.greeting

    @on(MinutesInput.Length)
    def _minutes_changed(self, event: MinutesInput.Length) -> None:
        self.query_one("#profile-problem", Static).update(event.field.problem)
        profile = self.workbook.profile()
        if profile.meeting_minutes != event.minutes:
            profile.meeting_minutes = event.minutes
            self.workbook.save_profile(profile)

    @on(Input.Blurred, "#profile-meeting_minutes")
    def _minutes_left(self, event: Input.Blurred) -> None:
        """A length out of range is said once the person moves on, not on every key."""
        assert isinstance(event.input, MinutesInput)
        self.query_one("#profile-problem", Static).update(event.input.problem)

    @on(Button.Pressed, "#done")
    def action_close(self) -> None:
        self.dismiss(True)
