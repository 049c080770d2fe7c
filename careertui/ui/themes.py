"""Themes shipped as TOML files and registered with the app.

The files live in the top-level `themes/` folder of the repository and are
copied to `careertui/themes/` inside the wheel; both places are searched.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.theme import Theme

DEFAULT_THEME = "careertui-dark"
_COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
)


def theme_dirs() -> list[Path]:
    """The wheel's copy if installed, else the repository's folder (editable installs)."""
    package = Path(__file__).resolve().parent.parent  # careertui/
    for candidate in (package / "themes", package.parent / "themes"):
        if candidate.is_dir():
            return [candidate]
    return []


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_theme_file(path: Path) -> Theme:
    """Parse one theme file; raises ValueError with a reason a person can act on."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(str(error)) from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("it has no name")
    if not isinstance(data.get("primary"), str):
        raise ValueError("it has no primary colour")
    colours = {key: data[key] for key in _COLOUR_KEYS if isinstance(data.get(key), str)}
    theme = Theme(name=name.strip(), dark=bool(data.get("dark", True)), **colours)
    try:
        theme.to_color_system().generate()
    except Exception as error:  # Textual raises ColorParseError and friends
        raise ValueError(f"a colour is not valid ({error})") from None
    return theme


def load_themes(directories: list[Path] | None = None) -> LoadedThemes:
    loaded = LoadedThemes()
    seen: set[str] = set()
    for directory in directories or theme_dirs():
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                theme = load_theme_file(path)
            except ValueError as reason:
                loaded.problems.append(f"Theme file {path} was skipped: {reason}")
                continue
            if theme.name not in seen:
                seen.add(theme.name)
                loaded.themes.append(theme)
    return loaded
