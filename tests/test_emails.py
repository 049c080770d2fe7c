"""Email drafting and placeholders, without an app."""

from __future__ import annotations

import email
from email import policy

from careertui.core.drafting import placeholders as ph
from careertui.core.drafting.emails import mailto_url, meeting_request, to_eml
from careertui.core.model import Invite, Profile

FULL = Profile(
    name="Ana Souza", role="data analyst", manager_name="Priya", company="Northwind",
    manager_email="priya@northwind.example", meeting_minutes=45,
)


def test_all_filled() -> None:
    subject, body, unfilled = meeting_request(FULL, Invite())
    assert "career development conversation" in subject
    assert unfilled == []
    assert body.startswith("Hi Priya,")
    assert "45 minutes" in body and "data analyst at Northwind" in body
    assert body.rstrip().endswith("Ana Souza")
    assert "[" not in body


def test_unfilled_placeholders_are_kept_and_listed_in_order() -> None:
    draft = meeting_request(Profile(name="Ana"), Invite())
    assert draft.unfilled == ["[Manager's Name]", "[Your Role]", "[Company Name]"]
    assert "Hi [Manager's Name]," in draft.body
    assert ph.describe_unfilled(draft.unfilled) == (
        "3 placeholders not filled: [Manager's Name], [Your Role], [Company Name]"
    )


def test_names_with_brackets_and_non_ascii_are_inserted_as_written() -> None:
    profile = Profile(
        name="Zoë [Company Name] Ñúñez", manager_name="Łukasz (Luke)", role="QA [lead]",
        company="Café Ünited",
    )
    draft = meeting_request(profile, Invite())
    assert "Hi Łukasz (Luke)," in draft.body
    assert "Zoë [Company Name] Ñúñez" in draft.body  # not filled a second time
    assert "QA [lead] at Café Ünited" in draft.body
    assert draft.unfilled == []


def test_slots_note_and_agenda() -> None:
    invite = Invite(slots=["Tue 3 Dec, 10:00", " ", "Wed 4 Dec, 14:00"], note="Coffee is on me.")
    body = meeting_request(FULL, invite, agenda="# Agenda\n\n- growth").body
    assert "- Tue 3 Dec, 10:00\n- Wed 4 Dec, 14:00" in body
    assert "Coffee is on me." in body
    assert "# Agenda" not in body  # not asked for
    assert "send a short agenda beforehand" in body
    invite.include_agenda = True
    body = meeting_request(FULL, invite, agenda="# Agenda\n\n- growth").body
    assert "# Agenda\n\n- growth" in body
    no_slots = meeting_request(FULL, Invite()).body
    assert "next week or two" in no_slots


def test_eml_parses_back_with_subject_recipient_and_utf8() -> None:
    draft = meeting_request(Profile(name="Zoë", manager_name="Łukasz"), Invite())
    raw = to_eml(draft.subject, draft.body, name="Łukasz", address="lukasz@example.com")
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == draft.subject
    assert "lukasz@example.com" in message["To"]
    assert message.get_content().rstrip("\n") == draft.body
    assert message["X-Unsent"] == "1"


def test_mailto_encodes_everything() -> None:
    url = mailto_url("A & B?", "line 1\nline 2 é", "p@example.com")
    assert url == "mailto:p%40example.com?subject=A%20%26%20B%3F&body=line%201%0Aline%202%20%C3%A9"


def test_unfilled_in_edited_text() -> None:
    assert ph.unfilled_in("Hi [Manager's Name], [Manager's Name] [Other]") == ["[Manager's Name]"]
