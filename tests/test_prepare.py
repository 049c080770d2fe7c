"""The Prepare stages (Self-assessment, Paths, Goals) driven by keys only."""

from __future__ import annotations

import json

from textual.widgets import Input, TextArea

from careertui.core.model import Achievement, CareerPath, Goal, Interview, Request
from careertui.core.store import Workbook
from careertui.ui.screens.confirm import ChoiceDialog
from careertui.ui.screens.pick import PickScreen
from careertui.ui.widgets.record_list import RecordList

from .conftest import SIZE
from .helpers import choose, enter, idle, paste, press, self_assessment_built, settle, until


def stored(db_path, table: str) -> list[dict]:
    return list(json.loads(db_path.read_text()).get(table, {}).values())


async def test_self_assessment_answers_example_and_achievements(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await self_assessment_built(pilot)
        await paste(pilot, "I explain numbers well")
        # examples show and hide from the keyboard (all at once)
        example = app.query_one("#prompt-skills-to-develop .prompt-example")
        assert not example.display
        await press(pilot, "f2")
        await idle(pilot)
        assert example.display and "Example: Leading a project" in str(example.render())
        await press(pilot, "f2")
        await idle(pilot)
        assert not example.display
        # an achievement: ctrl+n from the list puts the cursor in What I did (dated today)
        achievements = app.query_one("#achievements-list", RecordList)
        achievements.table.focus()
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "field-what")
        await paste(pilot, "Rebuilt the revenue report")
        await press(pilot, "tab")
        await paste(pilot, "3 days to 1")
        await idle(pilot)
        await press(pilot, "ctrl+q")
    reflections = {doc["key"]: doc for doc in stored(db_path, "reflections")}
    assert reflections["strengths"]["text"] == "I explain numbers well"
    assert reflections["strengths"]["shareable"] is False  # notes are private by default
    [achievement] = stored(db_path, "achievements")
    assert achievement["what"] == "Rebuilt the revenue report"
    assert achievement["impact"] == "3 days to 1"
    assert achievement["date"] == "2026-11-25" and achievement["shareable"] is False


async def test_paths_add_compare_sort_reorder_delete(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        paths = app.query_one("#paths-list", RecordList)
        assert app.focused is paths.table
        for role in ("Team lead", "Product analyst"):
            await press(pilot, "ctrl+n")
            await idle(pilot)
            await press(pilot, *role)
            paths.table.focus()
            await idle(pilot)
        second = paths.records[1]
        second.kind = "lateral"
        second.interest = 5
        app.workbook.add(second)
        paths._fill_table()
        await idle(pilot)
        # sort by role, then by kind, then interest (highest first)
        await press(pilot, "s", "s", "s")
        await idle(pilot)
        assert str(paths.table.get_row_at(0)[0]) == "Product analyst"
        # reorder by keyboard: back to own order, move the first down
        await press(pilot, "s", "s", "s", "s", "s")
        paths.table.move_cursor(row=0)
        await press(pilot, "ctrl+down")
        await idle(pilot)
        assert [p.role for p in paths.records] == ["Product analyst", "Team lead"]
        # delete asks first; "Keep it" is the default
        await press(pilot, "delete")
        await idle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await press(pilot, "enter")
        await idle(pilot)
        assert len(paths.records) == 2
        await press(pilot, "delete")
        await idle(pilot)
        await pilot.click("#choice-delete")
        await settle(pilot)
        assert [p.role for p in paths.records] == ["Product analyst"]
        await press(pilot, "ctrl+q")
    book = Workbook.open(db_path, lock=False)
    try:
        [path] = book.all(CareerPath)
        assert (path.role, path.kind, path.interest, path.position) == (
            "Product analyst", "lateral", 5, 1)
    finally:
        book.close()


async def test_interview_question_bank_and_private_default(make_app, db_path):
    app = make_app()
    app.workbook.add(CareerPath(id="p1", role="Team lead"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        interviews = app.query_one("#interviews-list", RecordList)
        interviews.table.focus()
        await press(pilot, "ctrl+n")
        await idle(pilot)
        paths = app.query_one("#paths-list", RecordList)  # its interview count follows
        await until(pilot, lambda: paths.table.get_cell("p1", "Interviews") == 1)
        await press(pilot, *"Sam")
        await press(pilot, "f2")
        await idle(pilot)
        assert isinstance(app.screen, PickScreen)
        await press(pilot, "down", "enter")
        await settle(pilot)
        questions = interviews.query_one("#field-questions", TextArea).text
        assert questions == "- What do the people who do well in this role have in common?"
        await press(pilot, "ctrl+q")
    [interview] = stored(db_path, "interviews")
    assert interview["person"] == "Sam" and interview["questions"] == questions
    assert interview["shareable"] is False
    assert interview["path_id"] == "p1"  # the path highlighted in the table above


async def test_goals_hint_flags_a_vague_goal_and_requests_keep_a_ledger(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await press(pilot, "ctrl+n")
        await idle(pilot)
        await paste(pilot, "Get better at SQL")
        await idle(pilot)
        hint = str(goals.query_one(".record-hint").render())
        assert "“get better at” says what, not how much" in hint
        assert "No request attached" in hint
        # the target date: typed relative, shown, stored as ISO
        date_field = goals.query_one("#field-target_date")
        date_field.input.focus()
        await press(pilot, *"+2w")
        await idle(pilot)
        assert "Wed 9 Dec 2026" in str(date_field.query_one(".date-hint").render())
        date_field.input.value = "31/12"
        await idle(pilot)
        assert "not a date" in str(date_field.query_one(".date-hint").render())
        assert goals.selected.target_date == "31/12"  # kept as typed, never dropped
        date_field.input.value = "2027-06-30"
        await idle(pilot)
        # a request for the selected goal; its status ledger is dated
        requests = app.query_one("#requests-list", RecordList)
        requests.table.focus()
        await press(pilot, "ctrl+n")
        await idle(pilot)
        await paste(pilot, "Fund an SQL course")
        request = requests.selected
        assert request.goal_id == goals.records[0].id
        await choose(pilot, requests.query_one("#field-status"), "asked")
        await until(pilot, lambda: [e["status"] for e in request.ledger] == ["draft", "asked"])
        await until(pilot, lambda: "waiting 0 days"
                    in str(requests.query_one(".record-hint").render()))
        await press(pilot, "ctrl+q")
    book = Workbook.open(db_path, lock=False)
    try:
        [goal] = book.all(Goal)
        [request] = book.all(Request)
        assert goal.title == "Get better at SQL" and goal.target_date == "2027-06-30"
        assert request.status == "asked" and request.ledger[-1]["date"] == "2026-11-25"
    finally:
        book.close()


async def test_prepare_records_survive_a_relaunch(make_app, db_path):
    app = make_app()
    app.workbook.add(Achievement(what="Shipped the report"))
    app.workbook.add(Interview(person="Sam"))
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await press(pilot, "ctrl+q")
    app.workbook.close()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await self_assessment_built(pilot)
        table = again.query_one("#achievements-list", RecordList).table
        assert str(table.get_row_at(0)[1]) == "Shipped the report"
        await enter(pilot, "paths")
        assert again.query_one("#interviews-list", RecordList).records[0].person == "Sam"


async def test_a_long_achievements_log_is_built_when_scrolled_or_tabbed_to(make_app):
    from careertui.ui.stages.self_assessment import AchievementsSection, SelfAssessmentStage

    app = make_app()
    app.workbook.add_all([Achievement(what=f"Thing {n}", date=f"2026-01-{n % 28 + 1:02d}")
                          for n in range(40)])
    async with app.run_test(size=SIZE) as pilot:
        stage = app.query_one(SelfAssessmentStage)
        await until(pilot, lambda: stage.built)
        section = app.query_one(AchievementsSection)
        assert not section.started and not app.query("#achievements-list")
        assert "40 achievements" in str(section.query_one("#achievements-waiting").render())
        stage.scroll_end(animate=False)
        await settle(pilot)
        await until(pilot, lambda: app.query("#achievements-list"))
        records = app.query_one("#achievements-list", RecordList)
        assert len(records.records) == 40
        await until(pilot, lambda: records.has_form)  # not closed while its form mounts
        await settle(pilot)
    app.workbook.close()

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        stage = again.query_one(SelfAssessmentStage)
        await until(pilot, lambda: stage.built)
        again.query_one(AchievementsSection).focus()  # as tab from the last prompt does
        await settle(pilot)
        await until(pilot, lambda: again.query("#achievements-list"))
        records = again.query_one("#achievements-list", RecordList)
        await until(pilot, lambda: again.focused is records.table and records.has_form)
        assert again.focused is records.table
        await settle(pilot)


async def test_a_goal_keeps_a_dated_history_of_its_status(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await press(pilot, "ctrl+n")
        await idle(pilot)
        await paste(pilot, "Lead the [b]x 🚀 目标 project")
        await idle(pilot)
        await choose(pilot, goals.query_one("#field-status"), "agreed")
        await until(pilot, lambda: len(goals.selected.history) == 2)
        assert "idea 25 Nov → agreed 25 Nov" in str(goals.query_one(".record-hint").render())
        await press(pilot, "ctrl+q")
    book = Workbook.open(db_path, lock=False)
    try:
        [goal] = book.all(Goal)
        assert goal.history == [{"status": "idea", "date": "2026-11-25"},
                                {"status": "agreed", "date": "2026-11-25"}]
    finally:
        book.close()


async def test_a_goal_shows_the_achievements_that_support_it(make_app):
    from careertui.core.model import Achievement

    app = make_app()
    app.workbook.add(Goal(id="g1", title="Lead the pricing work"))
    app.workbook.add(Achievement(date="2026-10-02", what="Ran the [b]x review", goal_id="g1"))
    app.workbook.add(Achievement(date="2026-11-03", what="Shipped 🚀 目标", goal_id="g1"))
    app.workbook.add(Achievement(date="2026-11-04", what="Something else"))
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        goals.table.focus()
        await press(pilot, "down", "up")
        await until(pilot, lambda: "Evidence: 2 achievements, latest 3 Nov Shipped 🚀 目标"
                    in str(goals.query_one(".record-hint").render()))


async def test_a_request_for_an_untitled_goal_names_it_in_the_table(make_app, db_path):
    """The request's form said "For goal (untitled goal)" while its table cell was
    blank: both say it now, and the title typed later replaces it in the table."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "goals")
        goals = app.query_one("#goals-list", RecordList)
        await press(pilot, "ctrl+n")  # a goal, left untitled for now
        await until(pilot, lambda: len(goals.records) == 1)
        requests = app.query_one("#requests-list", RecordList)
        requests.table.focus()
        await press(pilot, "ctrl+n")
        await until(pilot, lambda: len(requests.records) == 1)
        request = requests.records[0]

        def cell() -> str:
            return str(requests.table.get_cell(request.id, "For goal"))

        await until(pilot, lambda: cell() == "(untitled goal)")
        goals.query_one("#field-title").focus()  # back to the goal's title
        await until(pilot, lambda: app.focused is not None and app.focused.id == "field-title")
        await paste(pilot, "[b]Lead 🚀 目标")
        await until(pilot, lambda: cell() == "[b]Lead 🚀 目标")
        await settle(pilot)
        assert await app.save_workbook()
    [stored_request] = stored(db_path, "requests")
    assert stored_request["goal_id"] == stored(db_path, "goals")[0]["id"]


async def test_sorting_keeps_the_form_on_the_highlighted_record(make_app, db_path):
    """After `s` the cursor stays on its record: the form, the highlight and what is
    typed all concern the same path (the form kept one record while the highlight
    moved to another, and typing went to the highlighted one)."""
    book = Workbook.open(db_path, lock=False)
    for position, role in enumerate(("Zed [b]lead", "Analyst 目标", "Manager 🚀"), start=1):
        book.add(CareerPath(role=role, position=position))
    book.save()
    book.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await enter(pilot, "paths")
        paths = app.query_one("#paths-list", RecordList)
        await until(pilot, lambda: paths.has_form)
        role = paths.query_one("#field-role", Input)
        await until(pilot, lambda: role.value == "Zed [b]lead")
        assert app.focused is paths.table
        await press(pilot, "s")  # by role: Analyst, Manager, Zed
        await until(pilot, lambda: str(paths.table.get_row_at(0)[0]).startswith("Analyst"))
        assert paths.selected is not None and paths.selected.role == "Zed [b]lead"
        assert role.value == "Zed [b]lead"
        assert str(paths.table.get_row_at(paths.table.cursor_row)[0]) == "Zed [b]lead"
        await press(pilot, "up")  # the highlight and the form move together
        await until(pilot, lambda: role.value == "Manager 🚀")
        await press(pilot, "tab", "end", *" x")
        await until(pilot, lambda: role.value == "Manager 🚀 x")
        await press(pilot, "ctrl+q")
    book = Workbook.open(db_path, lock=False)
    try:
        assert sorted(path.role for path in book.all(CareerPath)) == [
            "Analyst 目标", "Manager 🚀 x", "Zed [b]lead"]
    finally:
        book.close()
