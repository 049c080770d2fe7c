"""Small things several test modules need."""

from __future__ import annotations

from textual.pilot import Pilot


async def run_command(pilot: Pilot, title: str) -> None:
    """Run a command palette entry by typing its name, as a person would."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.2)


async def settle(pilot: Pilot) -> None:
    """Let workers (threads included) and the refresh after them finish."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
