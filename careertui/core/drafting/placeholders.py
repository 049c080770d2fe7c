"""Square-bracket placeholders, filled from the profile, and what is left unfilled."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Profile

YOUR_NAME = "[Your Name]"
MANAGER_NAME = "[Manager's Name]"
COMPANY_NAME = "[Company Name]"
YOUR_ROLE = "[Your Role]"
MEETING_LENGTH = "[Meeting Length]"

KNOWN = (YOUR_NAME, MANAGER_NAME, COMPANY_NAME, YOUR_ROLE, MEETING_LENGTH)

FILLED_BY = {
    YOUR_NAME: "Your name",
    MANAGER_NAME: "Manager's name",
    COMPANY_NAME: "Company",
    YOUR_ROLE: "Your role",
    MEETING_LENGTH: "Minutes",
}
"""The profile field that fills each placeholder, by the label the person sees.
`[Manager's Name]` only ever stands after "Hi": the greeting name fills it, which
follows the manager's name until the person writes their own."""

IN_PROFILE = "in your profile (ctrl+p, Edit profile)"
"""Where every profile field can be filled, from any stage."""
_PATTERN = re.compile("|".join(re.escape(p) for p in KNOWN))


def values_from(profile: Profile) -> dict[str, str]:
    """What each placeholder is replaced with; empty where the profile says nothing."""
    length = profile.meeting_minutes
    return {
        YOUR_NAME: profile.name.strip(),
        MANAGER_NAME: profile.greeting,
        COMPANY_NAME: profile.company.strip(),
        YOUR_ROLE: profile.role.strip(),
        MEETING_LENGTH: f"{length} minutes" if length else "",
    }


def fill(template: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace each placeholder that has a value, in one pass.

    One pass matters: a name that itself contains brackets, or even a
    placeholder, is inserted as written and never filled again. Returns the
    text and the placeholders left as they were, in the order they appear.
    """
    unfilled: list[str] = []

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(0), "")
        if value:
            return value
        if match.group(0) not in unfilled:
            unfilled.append(match.group(0))
        return match.group(0)

    return _PATTERN.sub(replace, template), unfilled


def unfilled_in(text: str) -> list[str]:
    """Placeholders still standing in a text the person may have edited."""
    found: list[str] = []
    for match in _PATTERN.finditer(text):
        if match.group(0) not in found:
            found.append(match.group(0))
    return found


def describe_unfilled(unfilled: list[str], where: str = IN_PROFILE) -> str:
    """"2 placeholders not filled: [Your Role], [Company Name]; fill Your role and
    Company in your profile …": what is missing, and where the person fills it."""
    if not unfilled:
        return ""
    count = len(unfilled)
    noun = "placeholder" if count == 1 else "placeholders"
    fields = [FILLED_BY[p] for p in unfilled if p in FILLED_BY]
    said = f"{count} {noun} not filled: {', '.join(unfilled)}"
    if not fields:
        return said
    names = fields[0] if len(fields) == 1 else f"{', '.join(fields[:-1])} and {fields[-1]}"
    return f"{said}; fill {names} {where}"
