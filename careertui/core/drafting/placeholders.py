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
_PATTERN = re.compile("|".join(re.escape(p) for p in KNOWN))


def values_from(profile: Profile) -> dict[str, str]:
    """What each placeholder is replaced with; empty where the profile says nothing."""
    length = profile.meeting_minutes
    return {
        YOUR_NAME: profile.name.strip(),
        MANAGER_NAME: profile.manager_name.strip(),
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


def describe_unfilled(unfilled: list[str]) -> str:
    if not unfilled:
        return ""
    count = len(unfilled)
    noun = "placeholder" if count == 1 else "placeholders"
    return f"{count} {noun} not filled: {', '.join(unfilled)}"
