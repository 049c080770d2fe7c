"""The reminder banner: one row under the header when a one-on-one is close, the
thank-you clock is running or something is overdue (see `core.status`)."""

from __future__ import annotations

from textual.widgets import Static

from .plain import plain


class ReminderBanner(Static):
    """Hidden (no row at all) until there is something to say, so a screen with nothing
    due looks exactly as before. The text is counts and days only, never a person's
    words, and is still shown as plain text."""

    DEFAULT_CSS = """
    ReminderBanner {
        display: none;
        height: 1;
        width: 100%;
        padding: 0 1;
        background: $warning-muted;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReminderBanner.-shown {
        display: block;
    }
    ReminderBanner.-overdue {
        background: $error-muted;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="reminder-banner")
        self.text = ""
        """What it says now ("" while hidden)."""

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def show_reminder(self, text: str, *, overdue: bool, key: str) -> None:
        """Say `text` (with the key that dismisses it), or hide the row when it is ""."""
        self.text = text
        self.set_class(bool(text), "-shown")
        self.set_class(bool(text) and overdue, "-overdue")
        if text:
            self.update(plain(f"Reminder: {text} · {key} dismisses"))
