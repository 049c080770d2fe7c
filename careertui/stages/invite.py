"""The Invite stage: the email that asks for the conversation."""

from .base import PlaceholderStage


class InviteStage(PlaceholderStage):
    TITLE = "Invite"
    ABOUT = (
        "The note that asks for the meeting. It calls it a career development conversation, "
        "so nobody mistakes it for a review or a pay talk, proposes a length and a few "
        "times, and offers to send the agenda beforehand."
    )
