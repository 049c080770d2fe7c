"""What may be shown while the person shares their screen (the share-safe view).

Career notes hold candid words about one's manager and plans not yet told. In a
one-on-one held over a video call a person shares the very screen these notes are
on, so while share-safe is on every item not marked shareable is left out of what
the app shows, drafts and copies, and a draft that quotes such an item is hidden
whole. The rule lives here, without Textual, so it can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from .drafting.privacy import PrivateWords
from .model import (
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Record,
    Reflection,
    Request,
)

if TYPE_CHECKING:
    from .store import Workbook

R = TypeVar("R", bound=Record)

SETTING = "share_safe"
"""The settings key: on until the person turns it off, so a relaunch mid-call stays safe."""

HIDDEN = "hidden while sharing"
"""What stands in for a private answer or a draft that quotes a private item."""

ITEM_KINDS: tuple[type[Record], ...] = (Reflection, Achievement, CareerPath, Interview, Goal,
                                        Request, Capture, CheckIn)
"""The items a person marks private or shareable. The profile, the invite and the meeting
records are not items: they hold drafts written for the manager, which are shown unless
they quote a private item (`draft_shown`)."""


def may_show(record: Record, sharing: bool) -> bool:
    """Whether `record` may be on screen, in a draft or in a copy right now."""
    return not sharing or not isinstance(record, ITEM_KINDS) or bool(record.shareable)


def visible(records: Iterable[R], sharing: bool) -> list[R]:
    """The records that may be shown, in their order."""
    return [record for record in records if may_show(record, sharing)]


def hidden_count(records: Iterable[Record], sharing: bool) -> int:
    return sum(1 for record in records if not may_show(record, sharing))


def hidden_note(count: int) -> str:
    """"3 private items hidden" ("" for none): said wherever items were left out."""
    if count <= 0:
        return ""
    return f"{count} private item{'s' if count != 1 else ''} hidden"


def new_is_shareable(sharing: bool) -> bool | None:
    """The flag of a record added now: shareable while sharing (so it never vanishes from a
    meeting's screen as it is typed, and the person is never interrupted to choose); None
    (the kind's own default, private) otherwise."""
    return True if sharing else None


ADDED_SHAREABLE = ("added as shareable because share-safe view is on; "
                   "mark it private once you stop sharing")
"""The words every confirmation of a record added while sharing carries."""


def draft_shown(text: str, sharing: bool, private: PrivateWords) -> bool:
    """A draft (agenda, email, note) may be shown unless, while sharing, it quotes a
    private item: then it is hidden whole, since hiding words would show the rest of
    the sentence around them, and editing a half-hidden text could lose the hidden words."""
    return not sharing or not private.mentions(text)


def hidden_draft_line(text: str, private: PrivateWords) -> str:
    """The one line shown instead of a draft that quotes private items."""
    count = len(private.mentions(text))
    items = f"{count} private item{'s' if count != 1 else ''}"
    return f"This draft quotes {items}: {HIDDEN}. Turn share-safe view off (ctrl+l) to see it."


@dataclass
class ShareSafe:
    """Whether the share-safe view is on: the app's one switch, read by every view."""

    on: bool = False
    records: Callable[[], Iterable[Record]] | None = None
    """Every record of the workbook, to learn which words are private (`words`)."""
    _everything: int = 0
    _words: PrivateWords | None = field(default=None, repr=False)

    @property
    def hiding(self) -> bool:
        """On, and not inside `everything` (which counts what is hidden)."""
        return self.on and self._everything == 0

    def words(self) -> PrivateWords:
        """The workbook's private words, gathered once per change (`forget`)."""
        if self._words is None:
            self._words = PrivateWords.of(self.records() if self.records is not None else ())
        return self._words

    def forget(self) -> None:
        """The workbook changed: a record may have been made private or shareable."""
        self._words = None

    def shows(self, text: str) -> bool:
        """Whether a shareable item's own text may be shown: not while sharing if it
        quotes a private item (a check-in's "Open at the start" listing a private action)."""
        return not self.hiding or not text or not self.words().mentions(text)

    @contextmanager
    def everything(self) -> Iterator[None]:
        """Read every record for a moment, to count what is hidden or to keep private
        links and answers intact when writing."""
        self._everything += 1
        try:
            yield
        finally:
            self._everything -= 1

    def count_hidden(self, source: Callable[[], Sequence[Record]]) -> int:
        """How many records `source` leaves out now (0 when not sharing)."""
        if not self.hiding:
            return 0
        shown = len(source())
        with self.everything():
            return max(0, len(source()) - shown)


class SharedView:
    """The workbook as the stages read it: while sharing, private items are not in it.

    Everything else (writing, values, the profile, meetings, the invite) goes to the
    workbook itself, so a stage built while sharing simply never sees a private item,
    in a list, a choice, a count or a draft, and nothing is written differently.
    """

    def __init__(self, book: Workbook, state: ShareSafe) -> None:
        self.whole = book
        """The workbook with everything in it: to find private words a draft quotes."""
        self.sharing = state

    def all(self, kind: type[R]) -> list[R]:
        records = self.whole.all(kind)
        return visible(records, self.sharing.hiding)

    def get(self, kind: type[R], record_id: str) -> R | None:
        record = self.whole.get(kind, record_id)
        return record if record is not None and may_show(record, self.sharing.hiding) else None

    def count(self, kind: type[Record]) -> int:
        return len(self.all(kind)) if self.sharing.hiding else self.whole.count(kind)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.whole, name)


def whole(book: Workbook | SharedView) -> Workbook:
    """The workbook behind a view (or the workbook itself)."""
    return book.whole if isinstance(book, SharedView) else book
