"""The header: the app's name and the save status, which changes as a person types."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.events import Click
from textual.widget import Widget
from textual.widgets import Static


class HeaderIcon(Static):
    """The icon at the left; a click opens the command palette, as in Textual's header."""

    DEFAULT_CSS = """
    HeaderIcon {
        dock: left;
        padding: 0 1;
        width: 8;
        content-align: left middle;
    }
    HeaderIcon:hover {
        background: $foreground 10%;
    }
    """

    def on_mount(self) -> None:
        self.tooltip = "Open the command palette"

    def on_click(self, event: Click) -> None:
        event.stop()
        self.app.action_command_palette()


class StatusTitle(Static):
    """The title and the save status. Always the header's width and one row high, so
    a new status ("unsaved changes", then "saved") repaints this row alone; Textual's
    own header title asks for a layout of the whole screen on every change, which
    was twice for each key typed."""

    DEFAULT_CSS = """
    StatusTitle {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
        width: 100%;
    }
    """

    def show(self, title: Content) -> None:
        self.update(title, layout=False)


class WorkbookHeader(Widget):
    """One row: the icon, the app's title with its status, and room on the right (as
    wide as Textual's header clock, so the title sits centred on the screen)."""

    DEFAULT_CSS = """
    WorkbookHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    WorkbookHeader .header-space {
        dock: right;
        width: 10;
        padding: 0 1;
    }
    WorkbookHeader .header-space.-share-safe {
        padding: 0;
        background: $warning;
        color: auto 95%;
        text-style: bold;
    }
    """

    def __init__(self, icon: str = "◆") -> None:
        super().__init__()
        self.icon = icon

    def compose(self) -> ComposeResult:
        yield HeaderIcon(self.icon)
        yield StatusTitle(self.format_title())
        yield Static(classes="header-space", id="share-safe-badge")

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show_title, init=False)
        self.watch(self.app, "sub_title", self._show_title, init=False)
        if hasattr(self.app, "share_safe"):
            self.watch(self.app, "share_safe", self._show_share_safe)

    def _show_share_safe(self, on: bool) -> None:
        """SHARE-SAFE on the right while private items are hidden, in the theme's
        warning colour with text that contrasts with it, so every theme shows it."""
        badge = self.query_one("#share-safe-badge", Static)
        badge.update("SHARE-SAFE" if on else "")
        badge.set_class(on, "-share-safe")

    def format_title(self) -> Content:
        """The title as shown (plain text: a status may quote a file name)."""
        return self.app.format_title(self.app.title, self.app.sub_title)

    def _show_title(self) -> None:
        self.query_one(StatusTitle).show(self.format_title())
