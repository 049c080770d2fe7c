"""The meeting-length field the Invite, Meeting and profile forms share."""

from __future__ import annotations

from textual import events, on
from textual.widgets import Input

from ...core.model import MEETING_MINUTES_HELP, meeting_minutes


class MinutesInput(Input):
    """Minutes from 5 to 240, checked once the person moves on (not on every key:
    "4" on the way to "45" is no mistake). Its form saves each valid value as typed;
    an out-of-range one is kept on screen, marked, and said once on leaving."""

    DEFAULT_CSS = """
    MinutesInput.-invalid {
        color: $error;
    }
    """

    def __init__(self, minutes: int, *, say: bool = True, id: str | None = None) -> None:
        super().__init__(str(minutes), id=id, restrict=r"\d*", max_length=3, compact=True)
        self.say = say
        """Say the problem in a notice on leaving (a form with a line for it says it there)."""
        self.kept = minutes
        """The last valid length: what the form holds while the field shows a bad one."""

    @property
    def problem(self) -> str:
        """Why the value shown is not used, or "" when it is."""
        if meeting_minutes(self.value) is not None:
            return ""
        return f"{MEETING_MINUTES_HELP}; {self.kept} is kept."

    def show_minutes(self, minutes: int) -> None:
        """Show a length saved elsewhere (the profile form), without posting `Changed`."""
        self.kept = minutes
        if meeting_minutes(self.value) != minutes:
            with self.prevent(Input.Changed):
                self.value = str(minutes)
        self.remove_class("-invalid")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        minutes = meeting_minutes(event.value)
        if minutes is not None:
            self.kept = minutes
            self.remove_class("-invalid")  # marked again only on leaving

    def on_blur(self, event: events.Blur) -> None:
        problem = self.problem
        self.set_class(bool(problem), "-invalid")
        if problem and self.say:
            self.notify(problem, severity="warning")
