"""The reminder banner under the header: shown when something is due, dismissed by its
key until what it is about changes (remembered across launches), gone when nothing is."""

from __future__ import annotations

import json

from careertui.core.model import Capture, CheckIn, Meeting
from careertui.core.store import Workbook
from careertui.ui.app import DISMISS_REMINDER_KEY, REMINDER_SETTING
from careertui.ui.widgets.footer import KeysFooter
from careertui.ui.widgets.reminder import ReminderBanner

from .conftest import SIZE
from .helpers import enter, press, settle, until

HOSTILE = "[b]x [/] [link=https://x.y]z[/link] 🚀 目标 مرحبا"


def banner_of(app) -> ReminderBanner:  # noqa: ANN001
    return app.query_one(ReminderBanner)


def shown_text(app) -> str:  # noqa: ANN001
    banner = banner_of(app)
    return str(banner.render()) if banner.display else ""


def footer_actions(app) -> set[str]:  # noqa: ANN001
    return {action for _, action, *_ in app.query_one(KeysFooter).shown_keys or ()}


def due_workbook(db_path) -> None:  # noqa: ANN001
    """A check-in every two weeks (the next one in a week) and one action item overdue."""
    book = Workbook.open(db_path, lock=False)
    book.add(CheckIn(date="2026-11-18", next_date="2026-12-02"))
    book.add(Capture(id="late1", kind="action", text=HOSTILE, due="2026-11-20"))
    book.add(Capture(id="later", kind="action", text=HOSTILE, due="2026-11-27"))
    book.save()
    book.close()


async def test_the_banner_shows_an_overdue_action_and_its_key_dismisses_it(
        make_app, db_path, tmp_path):
    due_workbook(db_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: shown_text(app))
        await settle(pilot)
        text = shown_text(app)
        assert text == f"Reminder: 1 action item overdue · {DISMISS_REMINDER_KEY} dismisses"
        assert "目标" not in text and banner_of(app).has_class("-overdue")
        assert banner_of(app).region.y == 1  # right under the header, above the tabs
        assert "dismiss_reminder" in footer_actions(app)
        await press(pilot, DISMISS_REMINDER_KEY)
        await until(pilot, lambda: not banner_of(app).display)
        await settle(pilot)
        assert "dismiss_reminder" not in footer_actions(app)
        await until(pilot, lambda: (tmp_path / "config" / "settings.json").exists()
                    and REMINDER_SETTING in json.loads(
                        (tmp_path / "config" / "settings.json").read_text("utf-8")))
        # entering Check-ins looks again: nothing new, so it stays away
        await enter(pilot, "check-ins")
        await settle(pilot)
        assert not banner_of(app).display


async def test_a_newly_overdue_item_brings_the_banner_back(make_app, db_path):
    due_workbook(db_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: shown_text(app))
        await press(pilot, DISMISS_REMINDER_KEY)
        await until(pilot, lambda: not banner_of(app).display)
        await enter(pilot, "follow-up")
        item = app.workbook.get(Capture, "later")
        item.due = "2026-11-24"  # as if edited on the Follow-up stage: a second one is late
        app.workbook.update(item)
        await until(pilot, lambda: "2 action items overdue" in shown_text(app))
        # and marking both done there clears it without a key
        for record_id in ("late1", "later"):
            done = app.workbook.get(Capture, record_id)
            done.status = "done"
            app.workbook.update(done)
        await until(pilot, lambda: not banner_of(app).display)


async def dismiss_and_quit(app, saying: str) -> None:
    """Launch, wait for the banner to say `saying`, dismiss it with its key, quit."""
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: saying in shown_text(app))
        await press(pilot, DISMISS_REMINDER_KEY)
        await until(pilot, lambda: not banner_of(app).display)
        await settle(pilot)
        await press(pilot, "ctrl+q")
    app.workbook.close()


async def test_a_dismissed_banner_stays_away_after_a_relaunch_with_nothing_new(
        make_app, db_path):
    due_workbook(db_path)
    app = make_app()
    await dismiss_and_quit(app, "1 action item overdue")
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await enter(pilot, "check-ins")
        await settle(pilot)
        assert not banner_of(again).display
    again.workbook.close()
    book = Workbook.open(db_path, lock=False)  # a new item falls due while it was closed
    late = book.get(Capture, "later")
    late.due = "2026-11-23"
    book.update(late)
    book.save()
    book.close()
    third = make_app()
    async with third.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "2 action items overdue" in shown_text(third))
    third.workbook.close()
    # Dismissed on this workbook says nothing about another with the same items due.
    other = db_path.with_name("other.json")
    other.write_bytes(db_path.read_bytes())
    await dismiss_and_quit(make_app(db_path=other), "2 action items overdue")
    back = make_app()
    async with back.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "2 action items overdue" in shown_text(back))


async def test_a_close_one_on_one_and_the_thank_you_clock_show_too(make_app, db_path):
    book = Workbook.open(db_path, lock=False)
    book.add(CheckIn(date="2026-11-12", next_date="2026-11-26"))
    book.save()
    book.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: shown_text(app))
        assert shown_text(app) == "Reminder: 1:1 tomorrow · f12 dismisses"
        assert not banner_of(app).has_class("-overdue")
        app.workbook.add(Meeting(date="2026-11-24", time="14:00", status="held"))
        await until(pilot, lambda: "thank-you" in shown_text(app))
        # the conversation sets the next one-on-one (its date + 2 weeks): not close now
        assert shown_text(app) == "Reminder: thank-you due in 5 h · f12 dismisses"


async def test_no_banner_when_nothing_is_due(make_app, db_path):
    book = Workbook.open(db_path, lock=False)
    book.add(CheckIn(date="2026-11-18", next_date="2026-12-02"))
    book.add(Capture(kind="action", text=HOSTILE, due="2026-12-20"))
    book.save()
    book.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await enter(pilot, "check-ins")
        await settle(pilot)
        assert not banner_of(app).display
        assert "dismiss_reminder" not in footer_actions(app)
        await press(pilot, DISMISS_REMINDER_KEY)  # does nothing, says nothing
        await settle(pilot)
        assert not banner_of(app).display


async def test_entering_check_ins_looks_again_as_time_passes(make_app, db_path):
    """Nothing changed in the workbook, but a day went by: the 1:1 is now tomorrow."""
    from datetime import timedelta

    from .conftest import FIXED_NOW

    book = Workbook.open(db_path, lock=False)
    book.add(CheckIn(date="2026-11-13", next_date="2026-11-27"))
    book.save()
    book.close()
    now = [FIXED_NOW - timedelta(days=1)]
    app = make_app(clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not banner_of(app).display  # three days away: not yet
        now[0] = FIXED_NOW + timedelta(days=1)
        await enter(pilot, "check-ins")
        await until(pilot, lambda: shown_text(app) == "Reminder: 1:1 tomorrow · f12 dismisses")
