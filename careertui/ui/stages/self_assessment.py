"""The Self-assessment stage: where you stand today, before you ask for anything.

Guided prompts (each with an example to show or hide) and a log of
achievements, the evidence the agenda's role review is built from.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static, TextArea

from ...core import sharing
from ...core.model import Achievement, Goal, Reflection
from ...core.prompts import SELF_ASSESSMENT, Prompt
from ...core.store import Workbook
from ..closing import closing, unless_closing
from ..widgets.fields import ShareableToggle
from ..widgets.wrapping import WrappingTextArea
from .base import Stage

REVEAL_AFTER = 0.3
"""Seconds before the prompts below the first are built: long enough for the whole
first screen (footer included, which Textual fills in after the focus settles) to
reach the terminal."""
REVEAL_STEP = 0.02
"""Seconds between building one prompt and the next (Textual's Reveal uses the same)."""


class SelfAssessmentStage(Stage):
    """Examples are hidden until asked for (f2), and then shown for every prompt."""

    TITLE = "Self-assessment"
    SHOWS = frozenset({"profile", Achievement.TABLE, Goal.TABLE})

    BINDINGS = [Binding("f2", "toggle_examples", "Examples", id="examples")]

    show_examples: reactive[bool] = reactive(False)
    built: reactive[bool] = reactive(False)
    """Every prompt and the achievements are mounted (they follow the first frame)."""
    ABOUT = (
        "Take stock before you ask for anything: what you do well, what you want to learn, "
        "what gives and drains energy, where you want to be. f2 shows examples."
    )

    def __init__(self, workbook: Workbook, *, id: str | None = None) -> None:
        super().__init__(workbook, id=id)
        # Every answer, private ones too: an answer hidden while sharing is still the one
        # answer to its prompt, never started again as a new one.
        self.reflections = {r.key: r for r in sharing.whole(workbook).all(Reflection)}
        self._grown_unseen = False
        """Some of the page was mounted while the stage was hidden (`Stage.Grown`)."""

    def compose(self) -> ComposeResult:
        yield from self.compose_intro()
        yield Static("", id="profile-summary", markup=False)
        # Up to the first answer to type into (answers hidden while sharing are one line)
        first = next((i for i, p in enumerate(SELF_ASSESSMENT) if not self._hidden(p.key)), 0)
        for prompt in SELF_ASSESSMENT[:first + 1]:
            yield self._prompt_box(prompt)
        self._prompts_to_build = list(SELF_ASSESSMENT[first + 1:])
        yield Vertical(id="self-assessment-rest")

    @unless_closing
    def on_mount(self) -> None:
        self._show_profile()
        # The first prompt is on screen and typing can start; the rest is built one
        # piece at a time once that frame is out, so no piece holds a keystroke long.
        self.set_timer(REVEAL_AFTER, self._build_next)

    def _hidden(self, key: str) -> bool:
        """A private answer while sharing: shown as one line, with nothing to type into."""
        reflection = self.reflections.get(key)
        return reflection is not None and self.sharing and not sharing.may_show(reflection, True)

    async def _build_next(self) -> None:
        if self.built or not self.is_attached:
            return
        # Each piece takes a layout of the page, which a key typed meanwhile (the first
        # answer, written at once) would wait for: pieces are built in pauses of typing.
        wait = getattr(self.app, "typing_pause_left", lambda: 0.0)()
        if wait > 0:
            self.set_timer(wait, self._build_next)
            return
        rest = self.query_one("#self-assessment-rest")
        self._grown_unseen = self._grown_unseen or not self.is_on_screen
        if self._prompts_to_build:
            await rest.mount(self._prompt_box(self._prompts_to_build.pop(0)))
            self.set_timer(REVEAL_STEP, self._build_next)
        else:
            await rest.mount_all([Static("Achievements and evidence", classes="section-title"),
                                  AchievementsSection(self)])
            self.built = True
            if self._grown_unseen:
                self.post_message(self.Grown(self))

    def achievements(self) -> Widget:
        from ..widgets.record_list import SHARE_COLUMN, Column, Field, RecordList

        fields = (
            Field("date", "Date", "date"),
            Field("what", "What I did", placeholder="e.g. Rebuilt the month-end revenue report"),
            Field("impact", "Its impact", placeholder="What changed, in numbers if you can"),
            Field("link", "Link", placeholder="A document or ticket (optional)"),
            Field("goal_id", "Supports goal", "choice"),
        )
        return RecordList(
            self.workbook.all(Achievement),
            fields=fields,
            columns=(
                Column("Date", lambda a: a.date or "–"),
                Column("What I did", lambda a: a.what or "(empty)"),
                Column("Impact", lambda a: a.impact or "–"),
                SHARE_COLUMN,
            ),
            new_record=lambda: Achievement(date=self.now().date().isoformat()),
            noun="achievement",
            today=self.now().date(),
            choices=self._choices,
            source=lambda: self.workbook.all(Achievement),
            id="achievements-list",
        )

    def _prompt_box(self, prompt: Prompt) -> Vertical:
        reflection = self.reflections.get(prompt.key)
        question = Static(Content.assemble((prompt.title, "bold"), "  ", prompt.question),
                          classes="prompt-question")
        if self._hidden(prompt.key):
            return Vertical(  # a private answer: one line, and nothing to type into
                question,
                Static(sharing.HIDDEN, classes="prompt-hidden", markup=False),
                classes="prompt",
                id=f"prompt-{prompt.key}",
            )
        new_shared = reflection is None and self.sharing  # answered now: added as shareable
        return Vertical(
            question,
            Static(f"Example: {prompt.example}", classes="prompt-example", markup=False),
            WrappingTextArea(
                reflection.text if reflection else "",
                soft_wrap=True,
                tab_behavior="focus",
                compact=True,
                id=f"answer-{prompt.key}",
                classes="prompt-answer",
            ),
            Horizontal(
                ShareableToggle(bool(reflection and reflection.shareable) or new_shared,
                                record=reflection or Reflection(key=prompt.key),
                                id=f"share-{prompt.key}"),
                classes="prompt-share",
            ),
            classes="prompt",
            id=f"prompt-{prompt.key}",
        )

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        for section in self.query(AchievementsSection).results(AchievementsSection):
            if section.started:
                continue
            top = 0  # its place in the page, from the layout (the screen map lags)
            node: object = section
            while node is not self and isinstance(node, Widget):
                top += node.virtual_region.y
                node = node.parent
            if top <= new + self.scrollable_content_region.height + 2:
                self.run_worker(section.build(), group="achievements")

    def watch_show_examples(self, show: bool) -> None:
        self.set_class(show, "-show-examples")

    def action_toggle_examples(self) -> None:
        self.show_examples = not self.show_examples

    def first_field(self) -> Widget:
        for answer in self.query(".prompt-answer").results(TextArea):
            return answer  # the first answer shown (private ones are hidden while sharing)
        return super().first_field()

    def before_entering(self) -> None:
        """An answer not yet visited opens with the cursor at its end: typing goes on
        from there, rather than before what is already written."""
        answer = self.first_field()
        if isinstance(answer, TextArea) and answer.text and answer.cursor_location == (0, 0):
            answer.move_cursor(answer.document.end)

    def _show_profile(self) -> None:
        profile = self.workbook.profile()
        who = ", ".join(part for part in (profile.name, profile.role) if part)
        manager = profile.manager_name or "not set"
        text = f"You: {who or 'not set'} · Manager: {manager} · ctrl+p → Edit profile"
        self.query_one("#profile-summary", Static).update(text)

    def _choices(self, name: str) -> list[tuple[str, str]]:
        goals = [(g.title or "(untitled goal)", g.id) for g in self.workbook.all(Goal)]
        return [("No particular goal", ""), *goals]

    def reload(self) -> None:
        from ..widgets.record_list import RecordList

        self._show_profile()
        for achievements in self.query("#achievements-list").results(RecordList):
            achievements.refresh_records()  # absent for a moment while it is lazily mounted

    # -- saving --------------------------------------------------------------------

    def _reflection(self, key: str) -> Reflection:
        if key not in self.reflections:
            self.reflections[key] = Reflection(key=key,
                                               shareable=sharing.new_is_shareable(self.sharing))
            self.say_added("answer")
        return self.reflections[key]

    @on(TextArea.Changed, ".prompt-answer")
    def _answer_changed(self, event: TextArea.Changed) -> None:
        key = (event.text_area.id or "").removeprefix("answer-")
        reflection = self._reflection(key)
        if reflection.text != event.text_area.text:
            reflection.text = event.text_area.text
            self.add(reflection)  # made on first answer; answers are never deleted

    @on(ShareableToggle.Changed, ".prompt-share ShareableToggle")
    def _share_changed(self, event: ShareableToggle.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("share-")
        reflection = self._reflection(key)
        if reflection.shareable != event.value:
            reflection.shareable = event.value
            self.add(reflection)


class AchievementsSection(Vertical):
    """The evidence log, built when it is about to be seen: scrolled near, or tabbed
    into. Years of achievements and their form hold some 4 MB and a quarter of a
    second of work that a visit to write one answer never needs."""

    EAGER_UP_TO = 20
    """With this many achievements or fewer, the list is cheap: build it at once."""

    def __init__(self, stage: SelfAssessmentStage) -> None:
        super().__init__(id="achievements-section")
        self.stage = stage
        self.count = stage.workbook.count(Achievement)
        self.started = False
        self.can_focus = self.count > self.EAGER_UP_TO

    def compose(self) -> ComposeResult:
        if self.count <= self.EAGER_UP_TO:
            self.started = True
            yield self.stage.achievements()
        else:
            yield Static(
                f"{self.count} achievements. They show when you scroll or tab down to here.",
                id="achievements-waiting",
                classes="record-empty",
            )

    async def build(self, *, focus: bool = False) -> None:
        from ..widgets.record_list import RecordList

        if not self.started:
            self.started = True
            self.can_focus = False
            await self.query_one("#achievements-waiting").remove()
            await self.mount(self.stage.achievements())
        if focus and not closing(self):
            for records in self.query(RecordList).results(RecordList):
                records.table.focus()

    def on_focus(self) -> None:
        self.run_worker(self.build(focus=True), group="achievements")
