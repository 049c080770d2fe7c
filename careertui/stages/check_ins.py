"""The Check-ins stage: progress reviewed before each one-on-one."""

from .base import PlaceholderStage


class CheckInsStage(PlaceholderStage):
    TITLE = "Check-ins"
    ABOUT = (
        "Open this before each one-on-one: what moved since last time, what is overdue, "
        "which requests are still waiting on your manager, and what you want to raise next."
    )
