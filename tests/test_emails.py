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
    role_in_sentence,
    thank_you,
    to_eml,
)
from careertui.core.model import Capture, Invite, Profile, Slot

FULL = Profile(
    name="Ana Souza", role="data analyst", manager_name="Priya", company="Northwind",
    manager_email="priya@northwind.example", meeting_minutes=45,
)


def test_all_filled() -> None:
    subject, body, unfilled = meeting_request(FULL, Invite())
    assert "career development conversation" in subject
    assert unfilled == []
    assert body.startswith("Hi Priya,")
    assert "45 minutes" in body and "growing as a data analyst at Northwind" in body
    assert body.rstrip().endswith("Ana Souza")
    assert "[" not in body


def test_unfilled_placeholders_are_kept_and_listed_in_order() -> None:
    draft = meeting_request(Profile(name="Ana"), Invite())
    assert draft.unfilled == ["[Manager's Name]", "[Your Role]", "[Company Name]"]
    assert "Hi [Manager's Name]," in draft.body
    assert ph.describe_unfilled(draft.unfilled) == (
        "3 placeholders not filled: [Manager's Name], [Your Role], [Company Name]; "
        "fill Manager's name, Your role and Company in your profile (ctrl+p, Edit profile)"
    )
    assert ph.describe_unfilled(["[Company Name]"], "in the fields above") == (
        "1 placeholder not filled: [Company Name]; fill Company in the fields above")


def test_names_with_brackets_and_non_ascii_are_inserted_as_written() -> None:
    profile = Profile(
        name="Zoë [Company Name] Ñúñez", manager_name="Łukasz (Luke)", role="QA [lead]",
        company="Café Ünited",
    )
    draft = meeting_request(profile, Invite())
    assert "Hi Łukasz," in draft.body  # the first word of the manager's name
    profile.greeting_name = "Luke [b]x"
    assert "Hi Luke [b]x," in meeting_request(profile, Invite()).body
    assert "Zoë [Company Name] Ñúñez" in draft.body  # not filled a second time
    assert "as a QA [lead] at Café Ünited" in draft.body
    assert draft.unfilled == []


def test_slots_note_and_agenda() -> None:
    invite = Invite(slots=[Slot("2026-12-03", "10:00"), Slot(" ", ""), Slot("2026-12-04", "14:00")],
                    note="Coffee is on me.")
    body = meeting_request(FULL, invite, agenda="# Agenda\n\n- growth").body
    assert "- Thu 3 Dec 2026 at 10:00\n- Fri 4 Dec 2026 at 14:00" in body
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


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_the_from_header_is_the_persons_own_name_and_address(name) -> None:
    raw = to_eml("Hello", "Body", name="Priya", address="priya@example.com",
                 sender=(name, "ana@example.com"))
    assert raw.isascii()
    message = email.message_from_bytes(raw, policy=policy.default)
    [sender] = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (" ".join(name.split()),
                                                       "ana@example.com")
    assert not message["From"].defects and len(message.get_all("From")) == 1


@pytest.mark.parametrize("address", ["", "ana", "a@example.com\r\nBcc: x@evil.example"])
def test_no_usable_address_of_ones_own_leaves_no_from(address) -> None:
    message = email.message_from_bytes(
        to_eml("Hi", "Body", address="p@example.com", sender=("Ana", address)),
        policy=policy.default)
    assert message["From"] is None and message["Bcc"] is None


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


@pytest.mark.parametrize(("role", "said"), [
    ("Data analyst", "a data analyst"),
    ("data analyst", "a data analyst"),
    ("Senior Data Analyst", "a senior data analyst"),
    ("Engineer", "an engineer"),
    ("User researcher", "a user researcher"),
    ("QA lead", "a QA lead"),
    ("SRE", "an SRE"),
    ("UX designer", "a UX designer"),
    ("iOS developer", "an iOS developer"),
    ("an analyst", "an analyst"),
    ("目标 lead", "目标 lead"),
    ("[b]x", "[b]x"),
])
def test_the_invite_reads_well_with_any_role(role, said) -> None:
    body = meeting_request(Profile(role=role, company="Northwind"), Invite()).body
    assert f"keep growing as {said} at Northwind," in body
    assert role_in_sentence(role) == said


def test_the_greeting_name_follows_the_manager_until_the_person_writes_their_own() -> None:
    profile = Profile(manager_name="Dana Okafor")
    assert profile.greeting == "Dana"
    profile.set_greeting("Dana")  # the default as typed: still following
    assert profile.greeting_name == ""
    profile.manager_name = "Sam Lee"
    assert profile.greeting == "Sam"
    profile.set_greeting("  Dr\tLee ")
    assert profile.greeting_name == "Dr Lee"
    profile.manager_name = "Kim Park"
    assert profile.greeting == "Dr Lee"  # kept once the person wrote it
    profile.set_greeting("")
    assert profile.greeting == "Kim"
    assert Profile().greeting == ""
    assert Profile(manager_name="Raman, Priya").greeting == "Raman"


def test_the_thank_you_speaks_to_the_manager_and_recaps_the_shareable_points() -> None:
    profile = Profile(name="Ana", manager_name="Dana Okafor")
    captures = [
        Capture(kind="strength", text="SECRET great with stakeholders"),  # private
        Capture(kind="strength", text="Clear   writing", shareable=True),
        Capture(kind="grow", text="Presenting to senior leaders", shareable=True),
        Capture(kind="opportunity", text="Lead the Q1 pricing dashboard", shareable=True),
        Capture(kind="note", text="SECRET private note"),
        Capture(kind="action", text="Research the AWS certification", owner="me",
                due="2026-12-05", shareable=True),
        Capture(kind="action", text="Connect me with Priya", owner="manager",
                due="2026-12-09", shareable=True),
        Capture(kind="action", text="Send the promotion criteria", owner="Dana",
                shareable=True, status="done"),
        Capture(kind="action", text="Review the plan", owner="Sam", shareable=True),
    ]
    body = thank_you(profile, captures, "2026-12-16").body
    assert body.startswith("Hi Dana,\n")
    recap = body.index("key points")
    assert recap < body.index("Where you see me at my best:\n- Clear writing")
    assert "Where I can grow:\n- Presenting to senior leaders" in body
    assert "Opportunities we talked about:\n- Lead the Q1 pricing dashboard" in body
    steps = body.index("The next steps we agreed:")
    assert steps > body.index("Lead the Q1 pricing dashboard")
    assert "- I will research the AWS certification, by Sat 5 Dec 2026" in body
    assert "- You will connect me with Priya, by Wed 9 Dec 2026" in body
    assert "- You will send the promotion criteria (done)" in body
    assert "- Sam will review the plan" in body
    assert "Dana Okafor" not in body and "my manager" not in body
    assert "SECRET" not in body
    assert "check in on my progress on Wed 16 Dec 2026" in body


def test_the_thank_you_greets_by_the_greeting_name_and_says_so_when_it_is_missing() -> None:
    assert thank_you(Profile(manager_name="Dana Okafor", greeting_name="Dee"), []).body \
        .startswith("Hi Dee,")
    draft = thank_you(Profile(name="Ana"), [])
    assert draft.body.startswith("Hi [Manager's Name],") and draft.unfilled == [
        "[Manager's Name]"]


def test_a_slot_not_understood_is_offered_as_typed() -> None:
    invite = Invite(slots=[Slot("Tue afternoon [b]x", ""), Slot("2026-12-04", ""),
                           Slot("", "10:00")])
    body = meeting_request(FULL, invite).body
    assert "- Tue afternoon [b]x\n- Fri 4 Dec 2026\n- 10:00" in body
