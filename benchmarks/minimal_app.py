"""The yardstick: a bare Textual app with a header, eight empty tabs and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, TabbedContent, TabPane

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
    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            for label in LABELS:
                yield TabPane(label)
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
