"""The Goals stage: concrete goals, each with a request the manager can act on."""

from .base import PlaceholderStage


class GoalsStage(PlaceholderStage):
    TITLE = "Goals"
    ABOUT = (
        "Turn what you learned about yourself and the paths into a few specific goals. "
        "Give each one a way to tell it is done and a date, and pair it with a request "
        "your manager can say yes to: a project to lead, a mentor, a course, "
        "time to shadow someone."
    )
