"""The Paths stage: career paths worth exploring inside the company."""

from .base import PlaceholderStage


class PathsStage(PlaceholderStage):
    TITLE = "Paths"
    ABOUT = (
        "Write down the roles and moves open to you here: a step up, a move sideways "
        "or a jump into a new field. Note what each one asks for, where you fall short "
        "today, and what colleagues who already do that work told you."
    )
