"""The layers hold: the core runs without Textual, so `export` and `sample` never load it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import careertui
import careertui.core


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(careertui.core.__path__, "careertui.core.")]


def test_every_core_module_imports_without_textual_or_the_ui():
    modules = ["careertui.cli", *core_modules()]
    assert "careertui.core.store" in modules and "careertui.core.drafting.agenda" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
        " or m.startswith('careertui.ui'))\n"
        "print(bad)\n"
    )
    root = Path(careertui.__file__).resolve().parents[1]  # this checkout, first on the path
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=root)
    assert result.stdout.strip() == "[]"
