"""Email drafts: a subject and a Markdown body, with placeholders for what is missing.

Every template is filled from the profile; what the profile does not know
stays as a visible `[Placeholder]` and is reported, so nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage
from typing import NamedTuple

from ..model import Invite, Profile
from . import placeholders as ph


class EmailDraft(NamedTuple):
    subject: str
    body: str
    unfilled: list[str]

    def as_text(self) -> str:
        """What a copy puts on the clipboard: ready to paste into a new mail."""
        return f"Subject: {self.subject}\n\n{self.body}"


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
) -> EmailDraft:
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
    return EmailDraft(subject, body, unfilled)


def to_eml(subject: str, body: str, *, to: str = "", sender: str = "") -> bytes:
    """A standard .eml file that mail clients open as a message to send.

    `X-Unsent: 1` asks Outlook and Apple Mail to open it as an editable draft.
    """
    message = EmailMessage()
    message["Subject"] = subject
    if to:
        message["To"] = to
    if sender:
        message["From"] = sender
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    return bytes(message)


def mailto_url(subject: str, body: str, to: str = "") -> str:
    from urllib.parse import quote

    return f"mailto:{quote(to)}?subject={quote(subject)}&body={quote(body)}"
