"""The shareable toggle's words are true: a shareable record of each kind appears in
exactly the drafts its label names, and a private one in none of them."""

from __future__ import annotations

from datetime import date

import pytest

from careertui.core.drafting.agenda import AgendaInputs, draft_agenda
from careertui.core.drafting.checkin_note import prepare_note
from careertui.core.drafting.emails import thank_you
from careertui.core.drafting.privacy import (
    AGENDA,
    EXPORT,
    NOTE,
    THANK_YOU,
    shareable_label,
    shareable_reach,
)
from careertui.core.drafting.workbook_export import WorkbookContents, render_workbook
from careertui.core.model import (
    Achievement,
    Capture,
    CareerPath,
    CheckIn,
    Goal,
    Interview,
    Meeting,
    Profile,
    Record,
    Reflection,
    Request,
)
from careertui.core.prompts import SELF_ASSESSMENT

TODAY = date(2026, 11, 26)


def marked(shareable: bool) -> list[Record]:
    """One record of every kind, each holding its own marker word."""
    return [
        *(Reflection(key=p.key, text=f"MARK-{p.key}", shareable=shareable)
          for p in SELF_ASSESSMENT),
        Achievement(date="2026-10-01", what="MARK-achievement", shareable=shareable),
        CareerPath(role="MARK-path", shareable=shareable),
        Interview(person="MARK-interview", date="2026-10-02", shareable=shareable),
        Goal(id="g1", title="MARK-goal", shareable=shareable),
        Request(ask="MARK-request", ledger=[{"status": "asked", "date": "2026-11-01"}],
                shareable=shareable),
        Capture(meeting_id="m1", kind="action", text="MARK-action", owner="me",
                due="2026-12-01", shareable=shareable),
        *(Capture(meeting_id="m1", kind=kind, text=f"MARK-capture-{kind}", shareable=shareable)
          for kind in ("strength", "grow", "opportunity", "question", "note")),
        CheckIn(date="2026-11-20", raise_next="MARK-checkin", shareable=shareable),
    ]


def drafts(records: list[Record]) -> dict[str, str]:
    def of(kind: type) -> list:
        return [r for r in records if isinstance(r, kind)]

    profile = Profile(name="Ana", manager_name="Dana Okafor")
    contents = WorkbookContents(
        profile=profile, reflections=of(Reflection), achievements=of(Achievement),
        paths=of(CareerPath), interviews=of(Interview), goals=of(Goal), requests=of(Request),
        meetings=[Meeting(id="m1", date="2026-11-10")], captures=of(Capture),
        checkins=of(CheckIn))
    return {
        AGENDA: draft_agenda(AgendaInputs(
            profile, of(Achievement), of(CareerPath), of(Goal), of(Request),
            reflections=of(Reflection))),
        THANK_YOU: thank_you(profile, of(Capture)).body,
        NOTE: prepare_note(profile, of(Goal), of(Request), of(Capture), of(CheckIn), TODAY),
        EXPORT: render_workbook(contents, today=TODAY, shareable_only=True),
    }


@pytest.mark.parametrize("record", marked(True), ids=lambda r: getattr(r, "key", "") or
                         getattr(r, "kind", "") or type(r).__name__)
def test_a_shareable_record_appears_exactly_where_its_label_says(record: Record) -> None:
    word = next(v for v in vars(record).values() if isinstance(v, str) and "MARK-" in v)
    found = {place for place, text in drafts(marked(True)).items() if word in text}
    assert found == set(shareable_reach(record))
    label = shareable_label(record)
    assert all(place in label for place in found)
    assert len(label) <= 51  # fits a list's form at 80 columns


def test_private_records_appear_in_none_of_them() -> None:
    assert not any("MARK-" in text for text in drafts(marked(False)).values())


def test_the_labels_name_the_places() -> None:
    assert shareable_label(Reflection(key="strengths")) == (
        "Shareable in: agenda, shareable export")
    assert shareable_label(Reflection(key="values")) == "Shareable in: shareable export only"
    assert shareable_label(Capture(kind="action")) == (
        "Shareable in: thank-you, 1:1 note, shareable export")
    assert shareable_label(Capture(kind="strength")) == "Shareable in: thank-you, shareable export"
