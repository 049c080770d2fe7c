"""Mount handlers that let go when the app is quitting.

A widget's `on_mount` runs once its children are mounted. When the person quits
while a stage is still being built (ctrl+q in the first second, say), Textual
removes the children of a widget that is still mounting, and a handler that looks
them up would fail, turning a clean exit into a crash report. Such a handler is
wrapped in `unless_closing`: once the widget is no longer attached to a running
app there is nothing left to show, so it does nothing. Code that goes on after
awaiting a mount asks `closing()` for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from textual.message_pump import MessagePump

P = TypeVar("P", bound=MessagePump)


def closing(node: MessagePump) -> bool:
    """The node is gone, or going with the app: quitting (`App.exit`), or a test's
    `run_test` shutting it down (which stops the app without `exit`)."""
    return not (node.is_attached and node.app.is_running)


def unless_closing(handler: Callable[[P], Any]) -> Callable[[P], Any]:
    """Run the handler only while its widget is attached to a running app."""

    @wraps(handler)
    def run(self: P) -> Any:
        if closing(self):
            return None
        return handler(self)

    return run
