"""The Agenda stage: the outline sent ahead so the manager can prepare."""

from .base import PlaceholderStage


class AgendaStage(PlaceholderStage):
    TITLE = "Agenda"
    ABOUT = (
        "A short outline to send before the meeting so your manager can come prepared: "
        "a look at your current role, where you want to head, your goals and requests, "
        "and the feedback you would like from them."
    )
