"""Email drafts: a subject and a Markdown body, with placeholders for what is missing.

Every template is filled from the profile; what the profile does not know
stays as a visible `[Placeholder]` and is reported, so nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from typing import NamedTuple

from ..capture import owner_label
from ..dates import friendly
from ..model import Capture, Invite, Profile, Slot
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

_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&"}
_LETTER_SOUNDS_LIKE_VOWEL = set("AEFHILMNORSX")
"""Letters whose name starts with a vowel sound: "an SRE", "an MLOps lead", "a QA lead"."""
_VOWEL_LETTER_SOUNDS_LIKE_CONSONANT = ("uni", "use", "usu", "uro", "eu", "one", "once")
"""Words that start with a vowel but are said with a consonant: "a user researcher"."""


def _lower_word(word: str) -> str:
    """"Data" → "data"; "QA", "SRE" and "iOS" stay as written."""
    if len(word) > 1 and word[0].isupper() and word[1].islower():
        return word[:1].lower() + word[1:]
    return word


def role_in_sentence(role: str) -> str:
    """A role as it reads after "growing as": "Data analyst" → "a data analyst",
    "Senior Data Analyst" → "a senior data analyst", "QA lead" → "a QA lead",
    "SRE" → "an SRE". Empty stays empty (the placeholder then stands)."""
    words = role.split()
    if not words:
        return ""
    titled = all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha()
                 for w in words)
    if titled and len(words) > 1:  # "Senior Data Analyst": a title, said in lower case
        words = [_lower_word(w) for w in words]
    else:
        words[0] = _lower_word(words[0])
    first = words[0]
    if first.lower() in {"a", "an", "the"} or not (first[:1].isascii() and first[:1].isalpha()):
        return " ".join(words)  # already has one, or a script without articles
    if len(first) > 1 and first[:2].isupper() or len(first) == 1:
        vowel = first[0].upper() in _LETTER_SOUNDS_LIKE_VOWEL  # said letter by letter
    else:
        vowel = first[0].lower() in "aeiou" and not first.lower().startswith(
            _VOWEL_LETTER_SOUNDS_LIKE_CONSONANT)
    return f"{'an' if vowel else 'a'} {' '.join(words)}"

_CLOSING = "Thank you,\n[Your Name]"


def _slots_paragraph(slots: Sequence[Slot]) -> str:
    """The proposed times in friendly words ("Tue 1 Dec 2026 at 10:00")."""
    chosen = [slot.words for slot in slots if not slot.blank]
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


def _since_we_spoke(last: date, today: date | None) -> str:
    when = f"{last:%B}" if today is not None and last.year == today.year else f"{last:%B %Y}"
    return (f"A few things have moved since we spoke in {when}, and I would like to go "
            "over them with you and look at what comes next.")


def meeting_request(
    profile: Profile, invite: Invite, agenda: str | None = None, *,
    last_talked: date | None = None, today: date | None = None,
) -> Email:
    """The email asking for the conversation.

    `agenda` is the Agenda stage's text, included when the invite asks for it;
    `last_talked`, the day of the conversation before this one, if there was one.
    """
    parts = [_OPENING]
    if last_talked is not None:
        parts.append(_since_we_spoke(last_talked, today))
    if invite.note.strip():
        parts.append(invite.note.strip())
    parts.append(_slots_paragraph(invite.slots))
    parts.append(_agenda_paragraph(agenda if invite.include_agenda else None))
    parts.append(_CLOSING)
    values = ph.values_from(profile)
    values[ph.YOUR_ROLE] = role_in_sentence(profile.role)
    body, unfilled = ph.fill("\n\n".join(parts), values)
    subject, unfilled_subject = ph.fill(MEETING_REQUEST_SUBJECT, values)
    for placeholder in unfilled_subject:
        if placeholder not in unfilled:
            unfilled.append(placeholder)
    return Email(subject, body, unfilled)


def recipient(name: str, address: str) -> Address | None:
    """An email's To (or From): `Name <address>`, or None without a usable address.

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


def to_eml(subject: str, body: str, *, name: str = "", address: str = "",
           sender: tuple[str, str] = ("", ""),
           calendar: bytes | None = None, calendar_name: str = "invite.ics") -> bytes:
    """A standard .eml file that mail clients open as a message to send, addressed
    to `Name <address>` (no To when the address is not usable) from `sender` (the
    person's name and address; no From when that address is not usable either), with
    `calendar` (an .ics) attached as a text/calendar part when given.

    `X-Unsent: 1` asks Outlook and Apple Mail to open it as an editable draft.
    """
    message = EmailMessage()
    message["Subject"] = " ".join(subject.splitlines())  # a line break would end the header
    to = recipient(name, address)
    if to is not None:
        message["To"] = to
    own = recipient(*sender)
    if own is not None:
        message["From"] = own
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    if calendar is not None:
        message.add_attachment(calendar, maintype="text", subtype="calendar",
                               filename=calendar_name, params={"method": "PUBLISH"})
    return bytes(message)


def mailto_url(subject: str, body: str, to: str = "") -> str:
    from urllib.parse import quote

    return f"mailto:{quote(to)}?subject={quote(subject)}&body={quote(body)}"


THANK_YOU_SUBJECT = "Thank you for the career development conversation"

RECAP = (
    ("strength", "Where you see me at my best:"),
    ("grow", "Where I can grow:"),
    ("opportunity", "Opportunities we talked about:"),
    ("question", "Questions we went through:"),
    ("note", "Also worth keeping in mind:"),
)
"""The key points of the discussion, in the order the email recaps them."""
TAKEAWAY_KINDS = tuple(kind for kind, _ in RECAP)


def thank_you(
    profile: Profile,
    captures: Sequence[Capture],
    next_check_in: str = "",
) -> Email:
    """The follow-up email the guide asks for within a day: thanks, the key points of
    the discussion, then the next steps with who does what by when.

    It speaks to the manager ("you will …") and reads only shareable captures: the
    manager's feedback stays private unless the person chose to include it.
    """
    shared = [c for c in captures if c.shareable and c.text.strip()]
    actions = [c for c in shared if c.kind == "action" and c.status != "dropped"]
    parts = [
        "Hi [Manager's Name],",
        "Thank you again for meeting with me to talk about my career development. I "
        "appreciate your insights and your support.",
    ]
    recap = []
    for kind, heading in RECAP:
        points = [f"- {_one_line(c.text)}" for c in shared if c.kind == kind]
        if points:
            recap.append(heading + "\n" + "\n".join(points))
    if recap:
        parts.append("To sum up the key points of our conversation:")
        parts += recap
    if actions:
        lines = "\n".join(_action_line(c, profile) for c in actions)
        parts.append(f"The next steps we agreed:\n\n{lines}")
    else:
        parts.append("I will write up the next steps we agreed and share them shortly.")
    ahead = "I look forward to continuing this conversation and will check in on my progress"
    if next_check_in.strip():
        parts.append(f"{ahead} on {friendly(next_check_in)}.")
    else:
        parts.append(f"{ahead} in a few weeks.")
    parts.append(_CLOSING)
    values = ph.values_from(profile)
    body, unfilled = ph.fill("\n\n".join(parts), values)
    return Email(THANK_YOU_SUBJECT, body, unfilled)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _owner(owner: str, profile: Profile) -> str:
    """Who does it, as said to the manager: "I", "you", or the person named."""
    if owner in {"", "me"}:
        return "I"
    named = owner.strip().lower()
    manager = {profile.manager_name.strip().lower(), profile.default_greeting.lower(),
               profile.greeting.lower()} - {""}
    if owner == "manager" or named in manager:
        return "you"
    return owner_label(owner, profile.manager_name.strip())


def _action_line(item: Capture, profile: Profile) -> str:
    who = _owner(item.owner, profile)
    due = f", by {friendly(item.due)}" if item.due else ""
    done = " (done)" if item.status == "done" else ""
    text = _one_line(item.text)
    if text[1:2].islower():  # "Send the deck" reads "I will send the deck"; "AWS…" stays
        text = text[:1].lower() + text[1:]
    return f"- {who[:1].upper()}{who[1:]} will {text}{due}{done}"
