"""Pictures of the looking-back screens: the conversation history, one conversation, and
the journey, on the one-year and five-year samples with the fixed clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from careertui.core.sample import write_sample
from careertui.ui.screens.history import ConversationScreen, HistoryScreen
from careertui.ui.screens.journey import JourneyScreen

from .helpers import run_command, self_assessment_built, settle, until

WIDE = (120, 40)
NARROW = (80, 24)
SAMPLE_END = date(2026, 11, 24)


def _sample(make_app, db_path: Path, years: int):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    write_sample(db_path, years=years, seed=1, end=SAMPLE_END)
    return make_app()


def _open(command: str, screen: type, *keys: str):
    async def go(pilot):
        await until(pilot, lambda: pilot.app.query("#stage-self-assessment"))
        await self_assessment_built(pilot)  # the page behind the dialog, complete
        await settle(pilot)
        await run_command(pilot, command)
        await until(pilot, lambda: isinstance(pilot.app.screen, screen))
        if keys:  # once the list is filled and has the cursor, or a key could go astray
            await until(pilot, lambda: any(table.row_count and table.has_focus
                                           for table in pilot.app.screen.query(DataTable)))
            await pilot.press(*keys)
            await until(pilot, lambda: isinstance(pilot.app.screen, ConversationScreen))
            scroll = pilot.app.screen.query_one("#conversation-scroll")

            # the conversation is taller than the dialog: its scrollbar comes frames
            # after its text
            await until(pilot, lambda: scroll.show_vertical_scrollbar)
        await settle(pilot)
        await pilot.pause()

    return go


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_conversation_history_five_years(snap_compare, make_app, db_path, size):
    app = _sample(make_app, db_path, 5)
    assert snap_compare(app, terminal_size=size,
                        run_before=_open("Conversation history", HistoryScreen))


def test_one_conversation_one_year(snap_compare, make_app, db_path):
    app = _sample(make_app, db_path, 1)
    assert snap_compare(app, terminal_size=WIDE,
                        run_before=_open("Conversation history", HistoryScreen, "down", "enter"))


@pytest.mark.parametrize("years", [1, 5])
@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_journey(snap_compare, make_app, db_path, size, years):
    app = _sample(make_app, db_path, years)
    assert snap_compare(app, terminal_size=size, run_before=_open("Journey", JourneyScreen))
