"""A self-assessment answer marked shareable with the keys reaches the agenda draft,
and its toggle says so; a private one never does."""

from __future__ import annotations

from textual.widgets import TextArea

from careertui.core.meetings import agenda_text
from careertui.core.model import Reflection
from careertui.core.store import Workbook
from careertui.ui.widgets.fields import PRIVATE_LABEL, ShareableToggle
from careertui.ui.widgets.markdown_editor import MarkdownEditor

from .conftest import SIZE
from .helpers import (
    enter,
    idle,
    paste,
    post_keys,
    press,
    self_assessment_built,
    settle,
    until,
)

ANSWER = "Turning [b]x messy questions into clear reports 🚀 目标"


async def test_an_answer_toggled_shareable_with_the_keys_reaches_the_agenda(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        assert isinstance(app.focused, TextArea) and app.focused.id == "answer-strengths"
        await paste(pilot, ANSWER)
        await press(pilot, "tab")
        toggle = app.focused
        assert isinstance(toggle, ShareableToggle) and toggle.id == "share-strengths"
        assert str(toggle.label) == PRIVATE_LABEL
        await enter(pilot, "agenda")
        await press(pilot, "f2")
        await settle(pilot)
        assert "Turning" not in agenda_text(app.workbook)  # private so far

        await enter(pilot, "self-assessment")
        app.query_one("#share-strengths", ShareableToggle).focus()
        await press(pilot, "space")
        await until(pilot, lambda: toggle.value)
        assert str(toggle.label) == "Shareable in: agenda, shareable export"
        await enter(pilot, "agenda")
        editor = app.query_one(MarkdownEditor)
        await until(pilot, lambda: ANSWER in editor.text)  # an untouched draft follows
        text = agenda_text(app.workbook)
        assert "## 2. Where I want to grow" in text and f"- {ANSWER}" in text
        shown = lambda: " ".join(editor.preview.plain_text.split())  # noqa: E731 (unwrapped)
        await until(pilot, lambda: ANSWER in shown())  # as typed
        await press(pilot, "ctrl+q")
    app.workbook.close()
    book = Workbook.open(db_path, lock=False)
    [answer] = [r for r in book.all(Reflection) if r.key == "strengths"]
    assert answer.shareable and answer.text == ANSWER
    book.close()


async def test_every_toggle_says_where_its_kind_can_appear(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await self_assessment_built(pilot)
        values = app.query_one("#share-values", ShareableToggle)
        values.focus()
        await press(pilot, "space")
        await until(pilot, lambda: values.value)
        assert str(values.label) == "Shareable in: shareable export only"
        five = app.query_one("#share-five-years", ShareableToggle)
        five.focus()
        await press(pilot, "space")
        await until(pilot, lambda: five.value)
        assert str(five.label) == "Shareable in: agenda, shareable export"


async def test_a_list_form_toggle_says_where_its_record_kind_can_appear(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        await press(pilot, "ctrl+n")
        await settle(pilot)
        for _ in range(20):
            if isinstance(app.focused, ShareableToggle):
                break
            await press(pilot, "tab")
        toggle = app.focused
        assert isinstance(toggle, ShareableToggle)
        assert str(toggle.label) == PRIVATE_LABEL
        await press(pilot, "space")
        await until(pilot, lambda: toggle.value)
        assert str(toggle.label) == "Shareable in: agenda, shareable export"


async def test_a_private_toggle_shows_an_empty_box_and_a_shareable_one_a_tick(make_app):
    """Textual's checkbox draws its X whether on or off; here off is an empty box."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await self_assessment_built(pilot)
        toggle = app.query_one("#share-strengths", ShareableToggle)
        assert str(toggle.render()).startswith("▐ ▌")
        toggle.focus()
        await press(pilot, "space")
        await until(pilot, lambda: str(toggle.render()).startswith("▐X▌"))
        await press(pilot, "space")
        await until(pilot, lambda: str(toggle.render()).startswith("▐ ▌"))


def stored_answer(db_path) -> dict[str, object]:
    """The strengths answer as the file on disk has it."""
    book = Workbook.open(db_path, lock=False)
    try:
        [answer] = [r for r in book.all(Reflection) if r.key == "strengths"]
        return {"text": answer.text, "shareable": answer.shareable}
    finally:
        book.close()


async def test_letters_typed_on_a_toggle_are_said_to_go_nowhere(
        make_app, notices, db_path, monkeypatch):
    """Typing on after a tab lands on the Private toggle: the letters are not kept, and
    the app says so at once instead of dropping them without a word (new-user trial).
    The spaces among them are typing too: each one ticked or unticked the box, so an
    odd number of them made the answer shareable (a later trial, "a b")."""
    from careertui.ui.widgets import fields

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await paste(pilot, ANSWER)
        await press(pilot, "tab")
        post_keys(app, "[b]x 目标 مرحبا a")  # a burst with three spaces, as typed on
        await idle(pilot)
        toggle = app.focused
        assert isinstance(toggle, ShareableToggle) and not toggle.value
        said = [n for n in notices if n.title == "Not a text field"]
        assert len(said) == 1 and "space ticks or unticks it" in said[0].message
        assert app.query_one("#answer-strengths", TextArea).text == ANSWER
        assert await app.save_workbook()
        assert not stored_answer(db_path)["shareable"]  # still private in the file
        monkeypatch.setattr(fields, "TYPED_ON", 0.0)  # a moment later, as a person would
        await press(pilot, "space")  # the key that is meant for it still works
        await until(pilot, lambda: toggle.value)
        await press(pilot, "z")  # said once for the burst, and not again so soon
        assert len([n for n in notices if n.title == "Not a text field"]) == len(said)


async def test_a_paste_on_a_toggle_is_said_to_go_nowhere(make_app, notices):
    """A line pasted onto the Private toggle was dropped without a word (new-user trial)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await press(pilot, "tab")
        toggle = app.focused
        assert isinstance(toggle, ShareableToggle)
        await paste(pilot, "[b]x 目标 مرحبا")
        said = [n for n in notices if n.title == "Not a text field"]
        assert len(said) == 1 and "type or paste" in said[0].message and not toggle.value
