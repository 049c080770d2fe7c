"""The Meeting stage: notes taken while the conversation happens."""

from .base import PlaceholderStage


class MeetingStage(PlaceholderStage):
    TITLE = "Meeting"
    ABOUT = (
        "Quick notes while you talk: the strengths and growth areas your manager sees, "
        "opportunities they mention, answers to your questions, and the next steps you "
        "agree on, each with an owner and a date."
    )
