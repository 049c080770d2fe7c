"""The meeting-length field the Invite, Meeting and profile forms share."""

from __future__ import annotations

from textual import events, on
from textual.message import Message
from textual.widgets import Input

from ...core.model import MEETING_MINUTES_HELP, meeting_minutes


class MinutesInput(Input):
    """Minutes from 5 to 240, checked once the person moves on (not on every key:
    "4" on the way to "45" is no mistake).

    Each valid length is posted as `Length` while typing (saved as typed, like
    every field). Leaving the field with a length out of range puts back the
    length it had on entering, and says what was typed and what is kept: the
    field, the workbook and the words said about them always agree ("500"
    never leaves "50" behind, nor shows 500 while 30 is used).
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
        super().__init__(str(minutes), id=id, restrict=r"\d*", max_length=3, compact=True)
        self.say = say
        """Say the problem in a notice on leaving (a form with a line for it says it there)."""
        self.kept = minutes
        """The length in use: the last valid one typed, or the one restored on leaving."""
        self._on_entering = minutes
        self._problem = ""

    @property
    def problem(self) -> str:
        """What the last length left out of range was and what was kept instead;
        "" once a valid length is typed."""
        return self._problem

    def show_minutes(self, minutes: int) -> None:
        """Show a length saved elsewhere (the profile form), without posting anything."""
        self.kept = self._on_entering = minutes
        if meeting_minutes(self.value) != minutes:
            with self.prevent(Input.Changed):
                self.value = str(minutes)

    def _keep(self, minutes: int) -> None:
        if minutes != self.kept:
            self.kept = minutes
            self.post_message(self.Length(self, minutes))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        minutes = meeting_minutes(event.value)
        if minutes is not None:
            self._keep(minutes)
            self._problem = ""

    def on_focus(self, event: events.Focus) -> None:
        self._on_entering = self.kept

    def on_blur(self, event: events.Blur) -> None:
        """A length out of range is put back to the one kept, and said, on leaving."""
        typed = self.value
        if meeting_minutes(typed) is not None:
            return
        kept = self._on_entering
        self._keep(kept)
        with self.prevent(Input.Changed):
            self.value = str(kept)
        shown = typed.strip()
        what = f"“{shown}” was not taken" if shown else "An empty length was not taken"
        self._problem = f"{what}: {MEETING_MINUTES_HELP.lower()}. Kept {kept}."
        if self.say:
            self.notify(self._problem, severity="warning", markup=False)
