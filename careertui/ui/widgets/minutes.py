"""The meeting-length field the Invite, Meeting and profile forms share."""

from __future__ import annotations

from textual import events, on
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from ...core.model import MEETING_MINUTES_HELP, meeting_minutes


class _Minutes(Validator):
    def validate(self, value: str) -> ValidationResult:
        if meeting_minutes(value) is None:
            return self.failure(MEETING_MINUTES_HELP)
        return self.success()


class MinutesInput(Input):
    """Minutes from 5 to 240, checked once the person moves on (not on every key:
    "4" on the way to "45" is no mistake).

    Each valid length is posted as `Length` while typing (saved as typed, like
    every field); leaving the field with one out of range marks it, says so, and
    posts the length it had on entering again, so "500" never leaves "50" behind.
    """

    DEFAULT_CSS = """
    MinutesInput.-invalid {
        color: $error;
    }
    """

    class Length(Message):
        """The length to keep: typed, or restored on leaving a bad one."""

        def __init__(self, field: MinutesInput, minutes: int) -> None:
            super().__init__()
            self.field = field
            self.minutes = minutes

        @property
        def control(self) -> MinutesInput:
            return self.field

    def __init__(self, minutes: int, *, say: bool = True, id: str | None = None) -> None:
        super().__init__(str(minutes), id=id, restrict=r"\d*", max_length=3, compact=True,
                         validators=[_Minutes()], validate_on=["blur"])
        self.say = say
        """Say the problem in a notice on leaving (a form with a line for it says it there)."""
        self.kept = minutes
        """The length in use: the last valid one typed, or the one restored on leaving."""
        self._on_entering = minutes

    @property
    def problem(self) -> str:
        """Why the value shown is not used, or "" when it is."""
        if meeting_minutes(self.value) is not None:
            return ""
        return f"{MEETING_MINUTES_HELP}; {self.kept} is kept."

    def show_minutes(self, minutes: int) -> None:
        """Show a length saved elsewhere (the profile form), without posting anything."""
        self.kept = self._on_entering = minutes
        if meeting_minutes(self.value) != minutes:
            with self.prevent(Input.Changed):
                self.value = str(minutes)
        self.remove_class("-invalid")

    def _keep(self, minutes: int) -> None:
        if minutes != self.kept:
            self.kept = minutes
            self.post_message(self.Length(self, minutes))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        minutes = meeting_minutes(event.value)
        if minutes is not None:
            self._keep(minutes)
            self.remove_class("-invalid")  # marked again only on leaving

    def on_focus(self, event: events.Focus) -> None:
        self._on_entering = self.kept

    def on_blur(self, event: events.Blur) -> None:
        """Marked `-invalid` by the validator on leaving; restored and said here."""
        if meeting_minutes(self.value) is None:
            self._keep(self._on_entering)
            if self.say:
                self.notify(self.problem, severity="warning")
