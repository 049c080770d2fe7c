"""The Follow-up stage: the thank-you and the action items agreed."""

from .base import PlaceholderStage


class FollowUpStage(PlaceholderStage):
    TITLE = "Follow-up"
    ABOUT = (
        "Within a day of the meeting, a short thank-you that recaps what you agreed, who "
        "does what and by when; then the running list of those action items until each "
        "one is done."
    )
