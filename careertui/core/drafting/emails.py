"""Email drafts: a subject and a Markdown body, with placeholders for what is missing.

Every template is filled from the profile; what the profile does not know
stays as a visible `[Placeholder]` and is reported, so nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from typing import NamedTuple

from ..capture import owner_label
from ..dates import friendly
from ..model import Capture, Invite, Profile
from . import placeholders as ph


class Email(NamedTuple):
    """An email as drafted (or as edited), with the placeholders still in it."""

    subject: str
    body: str
    unfilled: list[str]

    @classmethod
    def as_edited(cls, subject: str, body: str) -> Email:
        """An email as the person left it, with the placeholders still standing in it."""
        return cls(subject, body, ph.unfilled_in(f"{subject}\n{body}"))

    def as_text(self) -> str:
        """What a copy puts on the clipboard: ready to paste into a new mail."""
        return f"Subject: {self.subject}\n\n{self.body}"


class StoredDraft(NamedTuple):
    """An email as a stage keeps it: what is shown, and the body as last drafted."""

    subject: str
    body: str
    drafted: str

    @property
    def edited(self) -> bool:
        """The person changed the body since it was drafted: redrafting must ask."""
        return bool(self.body) and self.body != self.drafted


MEETING_REQUEST_SUBJECT = "Could we set up a career development conversation?"

_OPENING = (
    "Hi [Manager's Name],\n\n"
    "Could we set aside [Meeting Length] for a career development conversation? "
    "I would like to talk about how I can keep growing as [Your Role] at [Company Name], "
    "and about where I might head over the next few years. I have been thinking it "
    "through and would value your view and your advice."
)

_CLOSING = "Thank you,\n[Your Name]"


def _slots_paragraph(slots: Sequence[str]) -> str:
    chosen = [slot.strip() for slot in slots if slot.strip()]
    if not chosen:
        return "Would some time in the next week or two work for you?"
    lines = "\n".join(f"- {slot}" for slot in chosen)
    return (
        f"A few times that would suit me:\n\n{lines}\n\n"
        "If none of them fits, I am glad to work around your calendar."
    )


def _agenda_paragraph(agenda: str | None) -> str:
    if agenda and agenda.strip():
        intro = "So that you know what I would like to cover, here is my agenda:"
        return f"{intro}\n\n{agenda.strip()}"
    return "I will send a short agenda beforehand so you know what I would like to cover."


def meeting_request(
    profile: Profile, invite: Invite, agenda: str | None = None
) -> Email:
    """The email asking for the conversation.

    `agenda` is the Agenda stage's text, included when the invite asks for it.
    """
    parts = [_OPENING]
    if invite.note.strip():
        parts.append(invite.note.strip())
    parts.append(_slots_paragraph(invite.slots))
    parts.append(_agenda_paragraph(agenda if invite.include_agenda else None))
    parts.append(_CLOSING)
    values = ph.values_from(profile)
    body, unfilled = ph.fill("\n\n".join(parts), values)
    subject, unfilled_subject = ph.fill(MEETING_REQUEST_SUBJECT, values)
    for placeholder in unfilled_subject:
        if placeholder not in unfilled:
            unfilled.append(placeholder)
    return Email(subject, body, unfilled)


def recipient(name: str, address: str) -> Address | None:
    """The one To of every email: `Name <address>`, or None without a usable address.

    `Address` quotes and encodes any display name (brackets, quotes, commas,
    non-ASCII), so the header stays valid RFC 5322 whatever the name holds.
    """
    address = address.strip()
    if not address:
        return None
    try:
        found = Address(display_name=" ".join(name.split()), addr_spec=address)
    except (ValueError, IndexError, HeaderParseError):
        return None  # no domain, spaces, line breaks: not something to send to
    return found if found.domain else None


def to_eml(subject: str, body: str, *, name: str = "", address: str = "") -> bytes:
    """A standard .eml file that mail clients open as a message to send, addressed
    to `Name <address>` (no To when the address is not usable).

    `X-Unsent: 1` asks Outlook and Apple Mail to open it as an editable draft.
    """
    message = EmailMessage()
    message["Subject"] = " ".join(subject.splitlines())  # a line break would end the header
    to = recipient(name, address)
    if to is not None:
        message["To"] = to
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    return bytes(message)


def mailto_url(subject: str, body: str, to: str = "") -> str:
    from urllib.parse import quote

    return f"mailto:{quote(to)}?subject={quote(subject)}&body={quote(body)}"


THANK_YOU_SUBJECT = "Thank you for the career development conversation"

TAKEAWAY_KINDS = ("strength", "grow", "opportunity", "question", "note")


def thank_you(
    profile: Profile,
    captures: Sequence[Capture],
    next_check_in: str = "",
) -> Email:
    """The follow-up email: thanks, what I took away, who does what by when.

    Only shareable captures are read: the manager's feedback is private
    unless the person chose to include it.
    """
    shared = [c for c in captures if c.shareable and c.text.strip()]
    takeaways = [c for c in shared if c.kind in TAKEAWAY_KINDS]
    actions = [c for c in shared if c.kind == "action" and c.status != "dropped"]
    parts = [
        "Hi [Manager's Name],",
        "Thank you for making time to talk about my career development. Your view of where "
        "I stand and where I could go was really useful, and I appreciate your support.",
    ]
    if takeaways:
        lines = "\n".join(f"- {_one_line(c.text)}" for c in takeaways)
        parts.append(f"What I am taking away:\n\n{lines}")
    if actions:
        lines = "\n".join(_action_line(c, profile.manager_name) for c in actions)
        parts.append(f"The next steps we agreed:\n\n{lines}")
    else:
        parts.append("I will write up the next steps we agreed and share them shortly.")
    if next_check_in.strip():
        parts.append(f"I will check in on progress on {friendly(next_check_in)}.")
    else:
        parts.append("I will check in on progress in a few weeks.")
    parts.append(_CLOSING)
    values = ph.values_from(profile)
    body, unfilled = ph.fill("\n\n".join(parts), values)
    return Email(THANK_YOU_SUBJECT, body, unfilled)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _action_line(item: Capture, manager_name: str) -> str:
    who = owner_label(item.owner, manager_name.strip())
    owner = "I will" if who == "me" else f"{who} will"
    due = f", by {friendly(item.due)}" if item.due else ""
    done = " (done)" if item.status == "done" else ""
    text = _one_line(item.text)
    if text[1:2].islower():  # "Send the deck" reads "I will send the deck"; "AWS…" stays
        text = text[:1].lower() + text[1:]
    return f"- {owner} {text}{due}{done}"
