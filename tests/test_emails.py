"""Email drafting and placeholders, without an app."""

from __future__ import annotations

import email
from email import policy

import pytest

from careertui.core.drafting import placeholders as ph
from careertui.core.drafting.emails import (
    StoredDraft,
    mailto_url,
    meeting_request,
    recipient,
    to_eml,
)
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


HOSTILE_NAMES = [
    "Priya",
    'Łukasz "Luke" Nowak',
    "Raman, Priya",
    "Priya <boss@evil.example>",
    "[QA] (lead); Jr.",
    "目标 مرحبا 🚀",
    "a\ttab\nand a line break",
    "x" * 300,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_the_to_header_is_name_and_address_whatever_the_name(name) -> None:
    raw = to_eml("Hello", "Body", name=name, address="priya@example.com")
    assert raw.isascii()  # encoded per RFC 2047 where needed, never raw UTF-8
    header_lines = raw.split(b"\n\n", 1)[0].split(b"\n")
    assert all(len(line) <= 998 for line in header_lines)
    message = email.message_from_bytes(raw, policy=policy.default)
    [to] = message["To"].addresses
    assert to.addr_spec == "priya@example.com"  # a name can never smuggle in an address
    assert to.display_name == " ".join(name.split())
    assert not message["To"].defects
    assert message.get_all("To") and len(message.get_all("To")) == 1
    assert message.get("Bcc") is None


def test_a_plain_name_reads_as_name_and_address() -> None:
    raw = to_eml("Hello", "Body", name="Priya Raman", address=" priya@example.com ")
    assert b"\nTo: Priya Raman <priya@example.com>\n" in raw
    assert str(recipient("", "priya@example.com")) == "priya@example.com"


@pytest.mark.parametrize(
    "address",
    ["", "  ", "priya", "not an address", "p@example.com\r\nBcc: x@evil.example",
     "<p@example.com>", "p@example.com, q@example.com"],
)
def test_an_unusable_address_leaves_no_to(address) -> None:
    assert recipient("Priya", address) is None
    message = email.message_from_bytes(to_eml("Hi", "Body", name="Priya", address=address),
                                       policy=policy.default)
    assert message["To"] is None and message["Bcc"] is None


def test_a_line_break_in_the_subject_cannot_add_a_header() -> None:
    raw = to_eml("Hi\nBcc: x@evil.example", "Body", address="p@example.com")
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Bcc"] is None and message["Subject"] == "Hi Bcc: x@evil.example"


def test_edited_means_the_body_changed_since_it_was_drafted() -> None:
    assert not StoredDraft("s", "", "").edited
    assert not StoredDraft("s", "drafted", "drafted").edited
    assert not StoredDraft("another subject", "drafted", "drafted").edited
    assert StoredDraft("s", "mine", "drafted").edited
