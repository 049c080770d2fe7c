"""The Agenda stage driven by keys: draft, edit, redraft asks, preview, copy, export."""

from __future__ import annotations

from textual.widgets import TextArea

from careertui.core.meetings import agenda_text, set_agenda
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.screens.draft_beside import DraftBesideScreen
from careertui.ui.stages.agenda import AgendaStage
from careertui.ui.widgets.markdown_editor import MarkdownEditor

from .conftest import SIZE
from .helpers import enter, idle, paste, press, run_command, settle, until
from .sample_data import fill_prepare


async def open_agenda(app, pilot) -> AgendaStage:
    await enter(pilot, "agenda")
    return app.query_one(AgendaStage)


async def export_where_offered(pilot) -> None:
    """f4, and enter in the dialog: the agenda is written where it offers."""
    await press(pilot, "f4")
    await idle(pilot)
    await press(pilot, "enter")
    await settle(pilot)


async def test_entering_focuses_the_editor_and_typing_shows_in_the_preview(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        assert isinstance(app.focused, TextArea)
        await press(pilot, *"# Hello", "enter", "enter")
        await paste(pilot, "- **bold** item")
        await settle(pilot)
        preview = app.query_one(MarkdownEditor).preview.plain_text
        assert "Hello" in preview and "• bold item" in preview
        assert "**" not in preview and "#" not in preview
        assert agenda_text(app.workbook) == "# Hello\n\n- **bold** item"


async def test_ctrl_home_and_ctrl_end_go_to_the_start_and_end_of_the_text(make_app, db_path):
    """After a long paste the only way to its end was the arrows: Textual's text area
    has no keys for it. ctrl+end and ctrl+home now go there, and typing lands there."""
    from careertui.core.store import Workbook

    app = make_app()
    long_text = "\n".join(f"- [b]line {n}[/b] 🚀 目标\t مرحبا" for n in range(400))
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        area = app.focused
        assert isinstance(area, TextArea)
        await paste(pilot, long_text)
        await press(pilot, "ctrl+home")
        await until(pilot, lambda: area.cursor_location == (0, 0))
        await press(pilot, *"Top ")
        await press(pilot, "ctrl+end")
        await until(pilot, lambda: area.cursor_location == area.document.end)
        assert area.scroll_offset.y > 0  # scrolled to the end, where the cursor is
        await press(pilot, *" End")
        await settle(pilot)
        assert await app.save_workbook()
    book = Workbook.open(db_path, lock=False)
    try:
        text = agenda_text(book)
    finally:
        book.close()
    assert text.startswith("Top - [b]line 0[/b]") and text.endswith("مرحبا End")


async def test_draft_uses_shareable_records_and_redraft_asks(make_app):
    app = make_app()
    fill_prepare(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        stage = await open_agenda(app, pilot)
        await press(pilot, "f2")
        await settle(pilot)
        text = agenda_text(app.workbook)
        assert text.startswith("# Career development conversation: Ana Souza")
        assert "SECRET" not in text
        assert "Rebuilt the month-end" in app.query_one(MarkdownEditor).preview.plain_text
        assert not stage.edited
        # edit, then redraft: asked, and "Keep mine" keeps it
        await press(pilot, "end", *" my words")
        await idle(pilot)
        assert stage.edited
        edited = agenda_text(app.workbook)
        await press(pilot, "f2")
        await idle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await press(pilot, "enter")  # Keep mine
        await settle(pilot)
        assert agenda_text(app.workbook) == edited
        # the draft beside it, then take it
        await press(pilot, "f2")
        await idle(pilot)
        await pilot.click("#choice-beside")
        await idle(pilot)
        assert isinstance(app.screen, DraftBesideScreen)
        assert app.screen.query_one("#beside-source", TextArea).text == text
        await pilot.click("#beside-replace")
        await settle(pilot)
        assert agenda_text(app.workbook) == text
        assert not stage.edited


async def test_copy_from_the_palette_anywhere(make_app):
    app = make_app()
    fill_prepare(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await run_command(pilot, "Draft agenda from workbook")
        await settle(pilot)
        await run_command(pilot, "Copy agenda")
        await settle(pilot)
        assert app.active_stage_id == "self-assessment"
        assert app.clipboard == agenda_text(app.workbook)
        assert app.clipboard.startswith("# Career development conversation")


async def test_export_writes_the_file_and_never_overwrites_silently(make_app, tmp_path, notices):
    app = make_app()
    fill_prepare(app.workbook)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await press(pilot, "f2")
        await settle(pilot)
        await export_where_offered(pilot)
        written = tmp_path / "agenda-2026-11-25.md"
        assert written.read_text("utf-8") == agenda_text(app.workbook)
        assert any(str(written) in n.message for n in notices)
        # a folder typed as the target gets the default name inside it
        (tmp_path / "out").mkdir()
        await press(pilot, "f4")
        await idle(pilot)
        path_input = app.screen.query_one("#dialog-path")
        path_input.value = str(tmp_path / "out")
        await press(pilot, "enter")
        await settle(pilot)
        assert (tmp_path / "out" / "agenda-2026-11-25.md").exists()
        # the same file again (the dialog starts in the folder used last): asked, and
        # the answer "Replace it" replaces
        written = tmp_path / "out" / "agenda-2026-11-25.md"
        written.write_text("older")
        await press(pilot, "f4")
        await idle(pilot)
        await press(pilot, "enter")
        await idle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-replace")
        await settle(pilot)
        assert written.read_text("utf-8") == agenda_text(app.workbook)


async def test_an_agenda_typed_without_a_last_line_break_is_exported_with_one(
        make_app, tmp_path):
    """A file should end with a line break: without one, tools reading it line by line
    drop its last line, and `cat` leaves the shell prompt on that line."""
    app = make_app()
    typed = "# [b]Plan[/b] 🚀\n- 目标\tمرحبا [link=x]y[/link]"
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await paste(pilot, typed)
        await settle(pilot)
        await export_where_offered(pilot)
    written = tmp_path / "agenda-2026-11-25.md"
    assert written.read_bytes() == (typed + "\n").encode("utf-8")


async def test_the_agenda_survives_a_relaunch(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await paste(pilot, "Talk about growth")
        await press(pilot, "ctrl+q")
    app.workbook.close()  # as the command line does on exit
    again = make_app(db_path=db_path)
    async with again.run_test(size=SIZE) as pilot:
        await open_agenda(again, pilot)
        assert again.query_one(MarkdownEditor).text == "Talk about growth"
        await settle(pilot)
        assert "Talk about growth" in again.query_one(MarkdownEditor).preview.plain_text


async def test_export_is_named_after_the_meeting_date_when_there_is_one(make_app, tmp_path):
    from careertui.core.model import Invite

    app = make_app()
    app.workbook.add(Invite(slots=["2026-12-03 14:00", "", ""]))
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await press(pilot, "f2")
        await settle(pilot)
        assert "*Thu 3 Dec 2026 · 30 minutes*" in agenda_text(app.workbook)
        await export_where_offered(pilot)
        assert (tmp_path / "agenda-2026-12-03.md").exists()


def long_agenda(sections: int = 30) -> str:
    """About ten lines a section: headings, paragraphs, lists, as a long agenda has."""
    out = ["# Career development conversation", ""]
    for n in range(1, sections + 1):
        out += [f"## Topic {n}", "", f"Words about topic {n}, with *emphasis*.", ""]
        out += [f"- point {n}.{i}" for i in range(1, 4)] + [""]
    return "\n".join(out)


def visible_preview(app) -> list[str]:
    preview = app.query_one(MarkdownEditor).preview
    top = round(preview.scroll_y)
    return preview.plain_text.splitlines()[top : top + preview.scrollable_content_region.height]


async def test_the_preview_follows_the_line_being_typed(make_app):
    app = make_app()
    set_agenda(app.workbook, long_agenda())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await settle(pilot)
        assert "Topic 1" in "\n".join(visible_preview(app))
        # to the end, and type: the preview shows the new words
        await press(pilot, *["pagedown"] * 30, "end", "enter", "enter", *"Zebra at the end")
        await settle(pilot)
        assert app.query_one(MarkdownEditor).text_area.cursor_location[0] > 240
        assert app.query_one(MarkdownEditor).preview.scroll_y > 0
        assert any("Zebra at the end" in line for line in visible_preview(app))
        # back up to a middle line, and type there
        await press(pilot, *["pageup"] * 4, "home")
        await settle(pilot)
        line = app.query_one(MarkdownEditor).text_area.cursor_location[0]
        assert 40 < line < 220
        await press(pilot, *"Quokka ")
        await settle(pilot)
        assert any("Quokka" in shown for shown in visible_preview(app))
        assert "Quokka " in agenda_text(app.workbook).splitlines()[line]


async def test_f6_flips_between_editor_and_preview_at_80_by_24(make_app):
    app = make_app()
    set_agenda(app.workbook, long_agenda())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda(app, pilot)
        editor = app.query_one(MarkdownEditor)
        area, preview = editor.text_area, editor.preview
        await settle(pilot)
        assert area.display and not preview.display  # one at a time
        assert ("f6", "show_preview") in [key[:2] for key in app.query_one("KeysFooter")
                                          .shown_keys]
        await press(pilot, *["pagedown"] * 6, "end", *" [b]x[/] 🚀")
        await settle(pilot)
        where = area.cursor_location
        await press(pilot, "f6")
        await settle(pilot)
        assert preview.display and not area.display
        assert app.focused is preview
        assert any("[b]x[/] 🚀" in line for line in visible_preview(app))  # the part edited
        assert ("f6", "show_editor") in [key[:2] for key in app.query_one("KeysFooter")
                                         .shown_keys]
        await press(pilot, "f6")
        await settle(pilot)
        assert area.display and not preview.display
        assert app.focused is area and area.cursor_location == where
        await press(pilot, *" more")
        await settle(pilot)
        assert "[b]x[/] 🚀 more" in agenda_text(app.workbook).splitlines()[where[0]]


async def test_f6_moves_between_editor_and_preview_side_by_side(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        editor = app.query_one(MarkdownEditor)
        await press(pilot, *"Hello")
        await press(pilot, "f6")
        await settle(pilot)
        assert app.focused is editor.preview and editor.text_area.display
        await press(pilot, "f6")
        await settle(pilot)
        assert app.focused is editor.text_area
        await press(pilot, *" there")
        await settle(pilot)
        assert agenda_text(app.workbook) == "Hello there"


def test_f6_is_in_the_keys_help():
    from careertui.ui import keys

    assert any(key == "f6" and "preview" in meaning for key, meaning in keys.help_rows())


async def test_the_preview_is_drawn_again_only_for_a_new_width(make_app):
    """Each visit to a stage shows its preview again at the same size: rendering every
    line of it afresh then cost a repaint of its own, after the stage's. Only a new
    width renders it again; what a person typed shows as typed, brackets and all."""
    app = make_app()
    hostile = "## [b]x [/] [link=https://x.example]目标[/link] مرحبا 🚀"
    set_agenda(app.workbook, long_agenda() + "\n\n" + hostile + "\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await settle(pilot)
        preview = app.query_one(MarkdownEditor).preview
        lines = preview.plain_text
        rendered = preview._lines  # our widget's own lines, not Textual's
        await press(pilot, "ctrl+pagedown")
        await until(pilot, lambda: app.active_stage_id == "invite")
        await press(pilot, "ctrl+pageup")
        await until(pilot, lambda: app.active_stage_id == "agenda"
                    and app.focused is app.query_one(MarkdownEditor).text_area)
        await settle(pilot)
        assert preview._lines is rendered, "shown again, the preview was rendered again"
        assert preview.plain_text == lines
        assert "[b]x [/] [link=https://x.example]目标[/link] مرحبا" in lines and "🚀" in lines
        await pilot.resize_terminal(130, 40)
        await until(pilot, lambda: preview._lines is not rendered)
        assert "[b]x [/] [link=https://x.example]目标[/link] مرحبا" in preview.plain_text
