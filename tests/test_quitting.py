"""Quitting at any moment is a clean exit, even while a stage is still being built."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Static

from careertui.core.model import Achievement
from careertui.ui.widgets.fields import DateInput
from careertui.ui.widgets.record_list import Column, Field, RecordList

from .helpers import press


def a_list() -> RecordList[Achievement]:
    return RecordList(
            [Achievement(id="a1", what="[b]x 🚀 平和 سلام", date="2026-11-01")],
            fields=(Field("date", "Date", "date"), Field("what", "What I did")),
            columns=(Column("What I did", lambda a: a.what),),
            new_record=Achievement,
            noun="achievement",
            today=date(2026, 11, 27),
            source=lambda: [],
        )


class QuitWhileMounting(App[None]):
    """Mounts a list with its form and quits in the same moment: Textual then removes
    the list's children while the list is still mounting."""

    def compose(self) -> ComposeResult:
        yield Static("")

    def on_mount(self) -> None:
        self.mount(a_list(), DateInput("+1w", today=date(2026, 11, 27)))
        self.exit()


async def test_a_list_still_mounting_when_the_app_quits_is_no_error():
    for _ in range(3):  # it failed every time before the fix; three to be sure
        app = QuitWhileMounting()
        async with app.run_test():
            pass  # run_test raises the app's first error on the way out
        assert app.return_code == 0


async def test_a_test_ending_while_a_list_mounts_is_no_error():
    """`run_test` stops the app without `exit` when a test ends: the same care applies."""
    for _ in range(3):
        app = App[None]()
        async with app.run_test():
            app.mount(a_list(), DateInput("+1w", today=date(2026, 11, 27)))


async def test_ctrl_q_at_once_after_launch_quits_cleanly(make_app):
    from careertui.core.sample import build_sample

    sample = build_sample(1, end=date(2026, 11, 25))
    app = make_app(prebuild=True)
    app.workbook.save_profile(sample.profile)
    app.workbook.add_all(sample.records)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "ctrl+q")
    assert app.return_code == 0
