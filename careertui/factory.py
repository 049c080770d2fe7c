"""The one place an app is built, for the command line and the tests alike."""

from __future__ import annotations

from pathlib import Path

from .core.crypto import Keys
from .core.model import Clock, system_clock
from .core.store import Settings, Workbook, resolve_workbook_path
from .core.store import config_dir as default_config_dir
from .ui.app import CareerApp
from .ui.themes import load_themes, problems_notice, user_theme_dir


def create_app(
    db_path: Path | str | None = None,
    *,
    theme: str | None = None,
    clock: Clock = system_clock,
    config_dir: Path | None = None,
    cursor_blink: bool = True,
    autosave_delay: float = 1.0,
    retry_delay: float = 10.0,
    lock: bool = True,
    tune_gc: bool = True,
    demo: bool = False,
    prebuild: bool = True,
    share_safe: bool = False,
    keys: Keys | None = None,
) -> CareerApp:
    """Open the workbook and build the app around it.

    Raises WorkbookLocked or WorkbookTooNew: those must stop the program before
    any screen is drawn.
    """
    path = resolve_workbook_path(str(db_path) if db_path else None)
    workbook = Workbook.open(path, clock=clock, lock=lock, keys=keys)
    config = config_dir or default_config_dir()
    loaded = load_themes(user_dir=user_theme_dir(config))
    return CareerApp(
        workbook,
        settings=Settings(config),
        themes=loaded.themes,
        theme_problems=[problems_notice(loaded.problems)] if loaded.problems else [],
        theme_name=theme,
        clock=clock,
        cursor_blink=cursor_blink,
        autosave_delay=autosave_delay,
        retry_delay=retry_delay,
        tune_gc=tune_gc,
        demo=demo,
        prebuild=prebuild,
        share_safe=share_safe,
    )
