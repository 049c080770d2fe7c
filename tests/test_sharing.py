"""The share-safe rule, without a terminal: what may be shown while the screen is shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertui.core import sharing
from careertui.core.drafting.privacy import PrivateWords
from careertui.core.model import (
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Invite,
    Meeting,
    Profile,
    Reflection,
    Request,
)
from careertui.core.store import Workbook

HOSTILE = "Leave for a competitor [b]x [/] [link=https://x.y]z[/link] 🚀 目标 مرحبا\t" + "w" * 300


@pytest.mark.parametrize("kind", sharing.ITEM_KINDS)
def test_a_private_item_of_every_kind_is_hidden_only_while_sharing(kind):
    private, shared = kind(), kind(shareable=True)
    assert private.shareable is False
    assert sharing.may_show(private, sharing=False)
    assert not sharing.may_show(private, sharing=True)
    assert sharing.may_show(shared, sharing=True)


@pytest.mark.parametrize("kind", [Profile, Invite, Meeting])
def test_drafts_and_details_are_no_items_and_stay(kind):
    """The profile, the invite and a meeting carry no private flag a person sets: they
    are shown, and only a draft in them that quotes a private item is hidden."""
    assert sharing.may_show(kind(), sharing=True)


def test_counts_say_how_many_are_hidden():
    records = [Goal(), Goal(shareable=True), Request(), Capture(), Meeting()]
    assert sharing.hidden_count(records, sharing=True) == 3
    assert sharing.hidden_count(records, sharing=False) == 0
    assert sharing.visible(records, sharing=True) == [records[1], records[4]]
    assert sharing.hidden_note(3) == "3 private items hidden"
    assert sharing.hidden_note(1) == "1 private item hidden"
    assert sharing.hidden_note(0) == ""


def test_new_records_are_shareable_while_sharing_and_private_otherwise():
    assert Goal(shareable=sharing.new_is_shareable(True)).shareable is True
    assert Goal(shareable=sharing.new_is_shareable(False)).shareable is False


def test_a_draft_quoting_a_private_item_is_hidden_whole_while_sharing():
    words = PrivateWords.of([Goal(title=HOSTILE), Goal(title="Lead the pricing project",
                                                        shareable=True)])
    quoting = f"Hi,\n\n- {HOSTILE}\n- Lead the pricing project"
    clean = "Hi,\n\n- Lead the pricing project"
    assert not sharing.draft_shown(quoting, True, words)
    assert sharing.draft_shown(quoting, False, words)
    assert sharing.draft_shown(clean, True, words)
    line = sharing.hidden_draft_line(quoting, words)
    assert "1 private item" in line and sharing.HIDDEN in line
    assert "competitor" not in line  # the line never repeats the words it hides


def test_the_shared_view_leaves_private_items_out_and_writes_through(tmp_path: Path):
    book = Workbook.open(tmp_path / "w.json", lock=False)
    secret, shown = Goal(title=HOSTILE), Goal(title="Lead the pricing project", shareable=True)
    book.add_all([secret, shown, Meeting(), Reflection(key="drains", text=HOSTILE)])
    state = sharing.ShareSafe(on=True)
    view = sharing.SharedView(book, state)
    assert [g.id for g in view.all(Goal)] == [shown.id]
    assert view.get(Goal, secret.id) is None and view.get(Goal, shown.id) is not None
    assert view.count(Goal) == 1 and view.all(Reflection) == []
    assert len(view.all(Meeting)) == 1  # not an item: never hidden
    assert state.count_hidden(lambda: view.all(Goal)) == 1
    with state.everything():
        assert view.count(Goal) == 2
    view.add(Goal(title="Added while sharing", shareable=sharing.new_is_shareable(True)))
    assert book.count(Goal) == 3 and view.count(Goal) == 2  # written to the workbook itself
    assert sharing.whole(view) is book and sharing.whole(book) is book  # type: ignore[arg-type]
    state.on = False
    assert view.count(Goal) == 3 and state.count_hidden(lambda: view.all(Goal)) == 0
    book.close()


def test_a_shareable_item_quoting_a_private_one_is_hidden_while_sharing():
    """A shareable check-in lists what was open when it began, private actions included."""
    secret = Capture(kind="action", text=HOSTILE)
    state = sharing.ShareSafe(on=True, records=lambda: [secret, Goal(title="Shared goal here",
                                                                      shareable=True)])
    assert not state.shows(f"- {HOSTILE} (manager)")
    assert state.shows("- Shared goal here") and state.shows("")
    secret.shareable = True
    assert not state.shows(HOSTILE)  # gathered once...
    state.forget()  # ...until the workbook changes
    assert state.shows(HOSTILE)
    state.on = False
    secret.shareable = False
    state.forget()
    assert state.shows(HOSTILE)


def test_every_kind_with_a_shareable_flag_is_an_item():
    """A new kind of record marked private must be hidden too: listed here or not an item."""
    flagged = {Achievement, CareerPath, Interview, Goal, Request, Capture, CheckIn, Reflection}
    assert set(sharing.ITEM_KINDS) == flagged


def test_a_shareable_export_leaves_out_a_check_in_list_quoting_a_private_item():
    from datetime import date

    from careertui.core.drafting.workbook_export import WorkbookContents, render_workbook

    secret = Capture(kind="action", text=HOSTILE)
    checkin = CheckIn(date="2026-11-10", shareable=True, open_items=f"- {HOSTILE} (me)",
                      raise_next="Budget for the course")
    contents = WorkbookContents(profile=Profile(), captures=[secret], checkins=[checkin])
    text = render_workbook(contents, today=date(2026, 11, 25), shareable_only=True)
    assert "competitor" not in text and "Budget for the course" in text
    assert "competitor" in render_workbook(contents, today=date(2026, 11, 25))
