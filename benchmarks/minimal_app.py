"""The yardstick: a bare Textual app with a header, eight empty tabs and a footer.

ctrl+pagedown moves to the next tab, as in careertui. With `--labelled` each
tab shows its own name, so that a switch changes the screen's text (an empty
tab would change only colours and the underline, which a text capture cannot
tell apart); the terminal stage-switch benchmark runs it that way.
"""

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane, TextArea

LABELS = [
    "Self-assessment",
    "Paths",
    "Goals",
    "Agenda",
    "Invite",
    "Meeting",
    "Follow-up",
    "Check-ins",
]


class MinimalApp(App[None]):
    BINDINGS = [Binding("ctrl+pagedown", "next_tab", "Next tab", priority=True, show=False)]

    def __init__(self, labelled: bool = False, typing: bool = False) -> None:
        super().__init__()
        self.labelled = labelled
        self.typing = typing

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            for index, label in enumerate(LABELS):
                if self.typing and index == 0:
                    yield TabPane(label, TextArea(compact=True), id=f"tab-{index}")
                elif self.labelled:
                    yield TabPane(label, Static(label), id=f"tab-{index}")
                else:
                    yield TabPane(label, id=f"tab-{index}")
        yield Footer()

    def on_mount(self) -> None:
        if self.typing:
            self.query_one(TextArea).focus()

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        index = int((tabs.active or "tab-0").removeprefix("tab-"))
        tabs.active = f"tab-{(index + 1) % len(LABELS)}"


if __name__ == "__main__":
    MinimalApp(labelled="--labelled" in sys.argv[1:], typing="--typing" in sys.argv[1:]).run()
