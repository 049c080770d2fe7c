"""Themes as TOML files, registered with the app: the shipped ones and the person's own.

The shipped files live in the top-level `themes/` folder of the repository and are
copied to `careertui/themes/` inside the wheel; both places are searched. A person's
own themes, in the same format, go in `themes/` in their config folder
(`user_theme_dir`) and are listed in the palette beside the shipped ones.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.theme import Theme

from ..core.store import display_path

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


def user_theme_dir(config: Path) -> Path:
    """Where a person's own theme files go: `themes/` in careertui's config folder."""
    return config / "themes"


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_theme_file(path: Path) -> Theme:
    """Parse one theme file; raises ValueError with a reason a person can act on."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ValueError(f"it cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"it is not valid TOML ({error})") from None
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


def load_themes(directories: list[Path] | None = None, *,
                user_dir: Path | None = None) -> LoadedThemes:
    """The shipped themes, then the person's own from `user_dir`. A file that cannot be
    used is skipped and named with the reason; a missing folder is no problem."""
    loaded = LoadedThemes()
    seen: set[str] = set()
    folders = [(d, False) for d in (directories or theme_dirs())]
    if user_dir is not None:
        folders.append((user_dir, True))
    for directory, own in folders:
        try:
            paths = sorted(directory.glob("*.toml")) if directory.is_dir() else []
        except OSError as error:  # an unreadable folder: say so, start anyway
            loaded.problems.append(f"{display_path(directory)}: {error.strerror or error}")
            continue
        for path in paths:
            try:
                theme = load_theme_file(path)
            except ValueError as reason:
                loaded.problems.append(f"{display_path(path)}: {reason}")
                continue
            if theme.name in seen:
                if own:
                    loaded.problems.append(
                        f"{display_path(path)}: the name {theme.name!r} is taken by another theme; "
                        "give it a name of its own")
                continue
            seen.add(theme.name)
            loaded.themes.append(theme)
    return loaded


def problems_notice(problems: list[str]) -> str:
    """One notice for every theme file that could not be used, each on its own line."""
    files = "theme file" if len(problems) == 1 else "theme files"
    return f"Skipped {len(problems)} {files} (using the others):\n" + "\n".join(problems)
