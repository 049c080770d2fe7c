"""A person's whole journey through careertui, as a seeded random walk over the real app.

One app per seed, driven by keys and the command palette: records added, edited,
flipped shareable and deleted in every stage, quick-capture lines (good and bad
dates), the profile edited, stages visited in any order, drafts redrafted,
copied and exported. Text comes from a hostile corpus (markup, emoji, scripts,
tabs, a 300-character word, pasted escape characters). After every step:

- the app is still running;
- the saved file equals the test's own model of the workbook (ids, text fields,
  shareable flags, links and statuses; not timestamps);
- no link points at a record that is gone;
- no private text reaches the agenda draft, either email, the one-on-one note or
  the shareable export (computed from the file with the core functions), nor
  anything copied or exported;

and every few steps, each built stage's lists show the records the file holds.

CAREERTUI_JOURNEY_SEEDS / CAREERTUI_JOURNEY_STEPS run a longer walk
(e.g. `CAREERTUI_JOURNEY_SEEDS=20 CAREERTUI_JOURNEY_STEPS=300`).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from careertui.ui import clipboard
from careertui.ui.stages import STAGE_IDS
from careertui.ui.widgets.choice import ChoiceField
from careertui.ui.widgets.fields import ShareableToggle
from careertui.ui.widgets.record_list import RecordList

from .conftest import FIXED_NOW
from .helpers import idle, paste, press, run_command, settle, until
from .journey_model import (
    HOSTILE,
    Model,
    as_input,
    as_text_area,
    capture_values,
    contents_of,
    dangling_links,
    differences,
    expected_rows,
    file_view,
    leaks,
    outputs,
    read_file,
)

SEEDS = int(os.environ.get("CAREERTUI_JOURNEY_SEEDS", "1"))
SIZE = (80, 24)
"""The smallest screen careertui is made for: every frame costs less to draw than at
120x40 (drawing is most of a step's time), and the walk sees the tightest layout."""
STEPS = int(os.environ.get("CAREERTUI_JOURNEY_STEPS", "20"))
"""A step costs nearly two seconds (key presses, stage switches, frames drawn and the
checks after it): 1 x 20 keeps the suite within its budget; the long run
(20 seeds x 300 steps) goes before an issue is resolved."""
STAGE_CHECK_EVERY = 5
PROFILE = bool(os.environ.get("CAREERTUI_JOURNEY_PROFILE"))
KEEP_GOING = os.environ.get("CAREERTUI_JOURNEY_KEEP_GOING", "")
"""Explore: append each problem to this file, take the file as the new model, walk on."""
TODAY = FIXED_NOW.date()

# list id -> (stage, table, the text fields a person types into: name -> one line or many)
LISTS: dict[str, tuple[str, str, dict[str, str]]] = {
    "achievements-list": ("self-assessment", "achievements", {"what": "line", "impact": "line"}),
    "paths-list": ("paths", "paths", {"role": "line", "notes": "lines"}),
    "interviews-list": ("paths", "interviews", {"person": "line", "learned": "lines"}),
    "goals-list": ("goals", "goals", {"title": "line", "why": "lines"}),
    "requests-list": ("goals", "requests", {"ask": "line"}),
    "captures-list": ("meeting", "captures", {"text": "line", "owner": "line"}),
    "actions-list": ("follow-up", "captures", {"text": "line", "owner": "line"}),
    "checkins-list": ("check-ins", "checkins", {"raise_next": "lines", "new_items": "lines"}),
    "checkin-actions": ("check-ins", "captures", {"text": "line"}),
}
STATUS_CHOICES = {
    "paths-list": ("exploring", "talked to someone", "applied", "not for me"),
    "goals-list": ("idea", "discussed", "agreed", "in progress", "done", "dropped"),
    "requests-list": ("draft", "asked", "agreed", "delivered", "declined"),
    "actions-list": ("open", "done", "dropped"),
    "checkin-actions": ("open", "done", "dropped"),
}
CAPTURE_LINES = (
    "s: {}", "g: {}", "o: {}", "q: {}", "{}", "a: {} @me 2026-13-45", "a: {} @manager +1w",
    "a: {} @sam fri", "a: {}", "a: {} by 2026-12-24",
)
COMMANDS = (
    "Draft agenda from workbook", "Redraft thank-you email", "Redraft meeting request email",
    "Copy agenda", "Copy thank-you email", "Copy one-on-one note", "Copy meeting request email",
    "Export shareable workbook", "Prepare next one-on-one",
)


class JourneyFailed(AssertionError):
    pass


class Journey:
    """One person, one app, one seed: picks the next step and keeps the model."""

    def __init__(self, pilot: Pilot, seed: int, db_path: Path, copied: list[str]) -> None:
        self.pilot = pilot
        self.app: Any = pilot.app
        self.rng = random.Random(seed)
        self.seed = seed
        self.db_path = db_path
        self.model = Model()
        self.log: list[str] = []
        self.copied = copied
        self.count = 0
        self.exports = 0

    # -- text ------------------------------------------------------------------------

    def text(self) -> tuple[str, str]:
        """A unique marker (to find the text again in any output) and hostile text after it."""
        self.count += 1
        marker = f"zq{self.count}k"
        parts = [self.rng.choice(HOSTILE) for _ in range(self.rng.choice((1, 1, 2)))]
        return marker, " ".join([marker, *parts])

    def note(self, line: str) -> None:
        self.log.append(line)

    # -- moving about ----------------------------------------------------------------

    async def close_dialogs(self) -> None:
        for _ in range(3):
            if self.app.screen is self.app.screen_stack[0]:
                return
            await press(self.pilot, "escape")
            await idle(self.pilot)

    async def go_to(self, stage_id: str) -> Any:
        """ctrl+pagedown / ctrl+pageup until the stage shows, then wait for it to be built."""
        await self.close_dialogs()
        app = self.app
        for _ in range(len(STAGE_IDS)):
            if app.active_stage_id == stage_id:
                break
            forward = (STAGE_IDS.index(stage_id) - STAGE_IDS.index(app.active_stage_id)) % 8
            await press(self.pilot, "ctrl+pagedown" if forward <= 4 else "ctrl+pageup")
        stage = None

        def ready() -> bool:
            nonlocal stage
            stage = app.stage(stage_id)
            focused = app.focused
            return bool(stage is not None and stage.ready.is_set() and focused is not None
                        and stage in focused.ancestors_with_self)

        await until(self.pilot, ready)
        assert app.active_stage_id == stage_id, f"could not reach {stage_id}"
        if stage_id == "self-assessment":
            await until(self.pilot, lambda: stage.built and stage.query("#achievements-list"))
        return stage

    async def record_list(self, list_id: str) -> RecordList:
        await self.go_to(LISTS[list_id][0])
        return self.app.query_one(f"#{list_id}", RecordList)

    async def pick_row(self, records: RecordList) -> Any:
        """Put the cursor on a random row with the arrow keys; the record it shows."""
        table = records.table
        table.focus()  # as a click on the list would
        await idle(self.pilot)
        if not records.records or table.row_count == 0:
            return None
        target = self.rng.randrange(table.row_count)
        step = "down" if target > table.cursor_row else "up"
        for _ in range(abs(target - table.cursor_row)):
            await press(self.pilot, step)
        await idle(self.pilot)
        return records.selected

    def table_of(self, list_id: str) -> str:
        return LISTS[list_id][1]

    # -- steps -----------------------------------------------------------------------

    async def add(self, list_id: str) -> None:
        records = await self.record_list(list_id)
        table = self.table_of(list_id)
        defaults: dict[str, Any] = {}
        if list_id == "requests-list":
            goal = self.app.query_one("#goals-list", RecordList).selected
            defaults["goal_id"] = goal.id if goal else ""
        if list_id == "interviews-list":
            path = self.app.query_one("#paths-list", RecordList).selected
            defaults["path_id"] = path.id if path else ""
        if list_id in {"actions-list", "checkin-actions"}:
            defaults.update(kind="action", owner="me")  # private, like every new record
        records.table.focus()
        await idle(self.pilot)
        known = set(self.model.tables[table])
        await press(self.pilot, "ctrl+n")
        await until(self.pilot, lambda: records.selected is not None
                    and records.selected.id not in known and records.has_form)
        record = records.selected
        assert record is not None and record.id not in known, f"ctrl+n added nothing to {list_id}"
        if table == "checkins":  # pre-filled by the app from the last check-in, not typed
            defaults["raise_next"] = record.raise_next
        self.model.add(table, record.id, **defaults)
        self.note(f"{list_id}: ctrl+n -> {record.id}")
        if self.rng.random() < 0.8:
            await self.edit(list_id, record)

    async def edit(self, list_id: str, record: Any = None) -> None:
        records = await self.record_list(list_id)
        if record is None:
            record = await self.pick_row(records)
            if record is None:
                return await self.add(list_id)
        name, kind = self.rng.choice(list(LISTS[list_id][2].items()))
        marker, text = self.text()
        widget = records.query_one(f"#field-{name}")
        widget.focus()  # as a click (or tabbing) to the field would
        await idle(self.pilot)
        if isinstance(widget, TextArea):
            await press(self.pilot, "f7")  # select all, so the paste replaces
        elif isinstance(widget, Input):  # focus selects nothing: select the line first
            await press(self.pilot, "home", "shift+end")
        await paste(self.pilot, text)
        value = as_input(text) if kind == "line" else as_text_area(text)
        self.model.set(self.table_of(list_id), record.id, name, value)
        self.model.markers[marker] = (self.table_of(list_id), record.id)
        self.note(f"{list_id}: {record.id}.{name} <- paste {text!r:.60}")

    async def flip(self, list_id: str) -> None:
        records = await self.record_list(list_id)
        record = await self.pick_row(records)
        if record is None:
            return await self.add(list_id)
        toggle = records.query_one("#field-shareable", ShareableToggle)
        toggle.focus()
        await idle(self.pilot)
        await press(self.pilot, "space")
        table = self.table_of(list_id)
        now = not self.model.tables[table][record.id]["shareable"]
        self.model.set(table, record.id, "shareable", now)
        self.note(f"{list_id}: {record.id} space on the toggle -> shareable={now}")

    async def delete(self, list_id: str) -> None:
        records = await self.record_list(list_id)
        record = await self.pick_row(records)
        if record is None:
            return
        await press(self.pilot, "delete")
        await until(self.pilot, lambda: self.app.screen is not self.app.screen_stack[0])
        keep = self.rng.random() < 0.2
        if keep:
            await press(self.pilot, "escape")
        else:
            await press(self.pilot, "tab", "enter")  # from "Keep it" to "Delete"
        await until(self.pilot, lambda: self.app.screen is self.app.screen_stack[0])
        if not keep:
            self.model.delete(self.table_of(list_id), record.id)
        self.note(f"{list_id}: {record.id} delete -> {'kept' if keep else 'deleted'}")

    async def status(self, list_id: str) -> None:
        records = await self.record_list(list_id)
        record = await self.pick_row(records)
        if record is None:
            return await self.add(list_id)
        choices = STATUS_CHOICES[list_id]
        table = self.table_of(list_id)
        current = self.model.tables[table][record.id]["status"]
        await self.choose(records.query_one("#field-status", ChoiceField), choices.index(current),
                          downs := self.rng.randrange(len(choices)))
        value = choices[(choices.index(current) + downs) % len(choices)]  # the list wraps
        self.model.set(table, record.id, "status", value)
        self.note(f"{list_id}: {record.id} status {current} -> {value}")

    async def link(self) -> None:
        """Point a request at another goal, or at none (clearing the link)."""
        records = await self.record_list("requests-list")
        record = await self.pick_row(records)
        if record is None:
            return await self.add("requests-list")
        options = ["", *self.model.tables["goals"]]
        current = self.model.tables["requests"][record.id]["goal_id"]
        if current not in options:
            return
        downs = self.rng.randrange(-len(options) + 1, len(options))
        await self.choose(records.query_one("#field-goal_id", ChoiceField), options.index(current),
                          downs)
        value = options[(options.index(current) + downs) % len(options)]  # the list wraps
        self.model.set("requests", record.id, "goal_id", value)
        self.note(f"requests-list: {record.id} goal {current or '-'} -> {value or '-'}")

    async def choose(self, select: ChoiceField, current: int, moves: int) -> None:
        """Open a drop-down with enter, move with the arrows, choose with enter."""
        select.focus()
        await idle(self.pilot)
        await press(self.pilot, "enter")
        await idle(self.pilot)
        for _ in range(abs(moves)):
            await press(self.pilot, "down" if moves > 0 else "up")
        await press(self.pilot, "enter")
        await idle(self.pilot)

    async def capture(self) -> None:
        stage = await self.go_to("meeting")
        marker, text = self.text()
        line = as_input(self.rng.choice(CAPTURE_LINES).format(text))
        if self.rng.random() < 0.1:
            line = self.rng.choice(("   ", "a:", "s:  ", "a: @me 2026-02-30"))
        field = stage.query_one("#capture", Input)
        field.focus()
        await idle(self.pilot)
        await paste(self.pilot, line)
        records = stage.query_one("#captures-list", RecordList)
        known = set(self.model.tables["captures"])
        await press(self.pilot, "enter")
        values = capture_values(line, TODAY)
        self.note(f"meeting: capture {line!r:.70}")
        if values is None:
            return
        await until(self.pilot, lambda: records.selected is not None
                    and records.selected.id not in known)
        record = records.selected
        assert record is not None and record.id not in known, f"{line!r} captured nothing"
        self.model.add("captures", record.id, **values)
        self.model.markers[marker] = ("captures", record.id)
        self.log[-1] += f" -> {record.id}"

    async def profile(self) -> None:
        from careertui.ui.screens.profile import ProfileScreen

        await self.close_dialogs()
        await run_command(self.pilot, "Edit profile")
        await until(self.pilot, lambda: isinstance(self.app.screen, ProfileScreen))
        screen = self.app.screen
        assert isinstance(screen, ProfileScreen), "Edit profile did not open the profile"
        name = self.rng.choice(tuple(self.model.profile))
        marker, text = self.text()
        screen.query_one(f"#profile-{name}", Input).focus()
        await idle(self.pilot)
        await press(self.pilot, "home", "shift+end")  # so the paste replaces the line
        await paste(self.pilot, text)
        await press(self.pilot, "escape")
        await until(self.pilot, lambda: self.app.screen is self.app.screen_stack[0])
        self.model.profile[name] = as_input(text).strip()
        self.note(f"profile: {name} <- paste {text!r:.60}")

    async def command(self) -> None:
        await self.close_dialogs()
        title = self.rng.choice(COMMANDS)
        before = len(self.copied)
        await run_command(self.pilot, title)
        self.note(f"palette: {title}")
        await settle(self.pilot)
        if title == "Export shareable workbook":
            await until(self.pilot, lambda: self.app.screen is not self.app.screen_stack[0])
            self.exports += 1
            target = Path.cwd() / f"shareable-{self.exports}.md"
            await paste(self.pilot, str(target))
            await press(self.pilot, "enter")
            await until(self.pilot, target.exists)
            assert target.exists(), "the shareable export was not written"
            exported = target.read_text("utf-8")
            # The agenda and the meeting request are the person's own documents.
            kept = [part for part in exported.split("\n## ")
                    if not part.startswith(("Agenda", "Invite"))]
            self.check_leaks({"exported shareable workbook": "\n## ".join(kept)})
        elif title == "Prepare next one-on-one":
            await until(self.pilot, lambda: self.app.screen is not self.app.screen_stack[0])
        if title.startswith("Copy") and title != "Copy agenda":
            await until(self.pilot, lambda: len(self.copied) > before)
            self.check_leaks({f"copied text ({title})": "\n".join(self.copied[before:])})
        await self.close_dialogs()

    async def visit(self) -> None:
        stage_id = self.rng.choice(STAGE_IDS)
        await self.go_to(stage_id)
        self.note(f"go to {stage_id}")

    # -- checks ----------------------------------------------------------------------

    def fail(self, problems: list[str]) -> None:
        steps = "\n".join(f"  {i}. {s}" for i, s in enumerate(self.log, 1))
        report = (f"seed {self.seed}, after step {len(self.log)}:\n"
                  + "\n".join(problems[:12]) + f"\nsteps:\n{steps[-3000:]}")
        if not KEEP_GOING or not self.app.is_running:
            raise JourneyFailed(report)
        with Path(KEEP_GOING).open("a", encoding="utf-8") as out:
            out.write(f"\n=== {report[:2500]}\n")
        self.resync()

    def resync(self) -> None:
        """Take what the file holds as what the person sees from now on (KEEP_GOING)."""
        data = read_file(self.db_path)
        self.model.tables = {t: {i: dict(r) for i, r in rows.items()}
                             for t, rows in file_view(data).items()}
        profile = contents_of(data).profile
        self.model.profile = {name: getattr(profile, name) for name in self.model.profile}

    def check_leaks(self, texts: dict[str, str]) -> None:
        found = leaks(self.model.private_markers(), texts)
        if found:
            self.fail(found)

    async def check(self, stages: bool) -> None:
        if not self.app.is_running:
            self.fail(["the app stopped running"])
        problems: list[str] = []
        for attempt in range(2):
            if attempt:
                await settle(self.pilot)
            await self.app.save_workbook()
            data = read_file(self.db_path)
            problems = differences(self.model, data) + dangling_links(data)
            if not problems:
                break
        if problems:
            self.fail(problems)
            data = read_file(self.db_path)
        self.check_leaks(outputs(data, TODAY))
        if stages:
            self.fail_if(self.stage_problems(data))

    def fail_if(self, problems: list[str]) -> None:
        if problems:
            self.fail(problems)

    def stage_problems(self, data: dict[str, list[dict[str, Any]]]) -> list[str]:
        problems = []
        for list_id, (stage_id, _, _) in LISTS.items():
            stage = self.app.stage(stage_id)
            if stage is None or stage.stale:
                continue  # not built, or told of a change and refreshed when next shown
            for records in stage.query(f"#{list_id}").results(RecordList):
                meeting = getattr(stage, "meeting", None)
                expected = expected_rows(list_id, data, TODAY, meeting.id if meeting else "")
                shown = {str(key.value) for key in records.table.rows}
                if shown != expected:
                    problems.append(f"{stage_id} {list_id} shows {sorted(shown)}, the file has "
                                    f"{sorted(expected)}")
        return problems

    # -- the walk --------------------------------------------------------------------

    async def step(self) -> None:
        rng = self.rng
        lists = list(LISTS)
        kind = rng.choices(
            ("add", "edit", "flip", "delete", "status", "link", "capture", "visit", "profile",
             "command"),
            weights=(18, 24, 12, 7, 6, 4, 12, 6, 4, 7),
        )[0]
        if kind == "status":
            await self.status(rng.choice(list(STATUS_CHOICES)))
        elif kind == "link":
            await self.link()
        elif kind in {"add", "edit", "flip", "delete"}:
            await getattr(self, kind)(rng.choice(lists))
        else:
            await getattr(self, kind)()

    async def walk(self, steps: int) -> None:
        for number in range(1, steps + 1):
            try:
                started = time.perf_counter()
                await self.step()
                if PROFILE:
                    took = time.perf_counter() - started
                    print(f"{took:.2f}s {self.log[-1] if self.log else ''}")
            except JourneyFailed:
                raise
            except Exception as error:  # the app or a step broke: say where
                self.fail([f"step raised {type(error).__name__}: {error}"])
            await self.check(stages=number % STAGE_CHECK_EVERY == 0)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(SEEDS))
async def test_journey(seed: int, make_app, db_path: Path, monkeypatch: pytest.MonkeyPatch):
    copied: list[str] = []
    monkeypatch.setattr(clipboard, "_pyperclip_copy", copied.append)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        journey = Journey(pilot, seed, db_path, copied)
        await journey.walk(STEPS)
