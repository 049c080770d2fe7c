"""The private names of Textual and TinyDB careertui relies on still exist.

When one of these fails after an upgrade, the message names what moved: adapt
careertui/ui/compat.py (Textual) or store.TINYDB_WRITE_HOOK (TinyDB), nothing else.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import textual
import tinydb
from tinydb.table import Table

from careertui.core import store
from careertui.ui import compat

ROOT = Path(__file__).resolve().parent.parent


def test_the_private_textual_names_in_compat_still_exist():
    for owner, names in compat.PRIVATE_NAMES.items():
        for name in names:
            assert hasattr(owner, name), (
                f"Textual {textual.__version__} has no {owner.__name__}.{name}: "
                "update careertui/ui/compat.py"
            )
    parameters = inspect.signature(compat.App._refresh_truecolor_filter).parameters
    assert list(parameters) == ["self", "theme"], (
        f"App._refresh_truecolor_filter changed its arguments in Textual {textual.__version__}"
    )


def test_tinydb_still_writes_through_its_private_hook():
    hook = getattr(Table, store.TINYDB_WRITE_HOOK, None)
    assert callable(hook), (
        f"TinyDB {tinydb.__version__} has no Table.{store.TINYDB_WRITE_HOOK}: "
        "the storage would never learn which table changed"
    )
    writes = inspect.getsource(Table.insert) + inspect.getsource(Table.update)
    assert writes.count(f"self.{store.TINYDB_WRITE_HOOK}(") >= 2


def test_no_other_module_uses_a_private_textual_name():
    allowed = {ROOT / "careertui" / "ui" / "compat.py"}
    private_import = re.compile(r"from textual(\.\w+)*\._\w+ import|import textual(\.\w+)*\._")
    for path in [*(ROOT / "careertui").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        if path in allowed or path == Path(__file__):
            continue
        text = path.read_text("utf-8")
        assert not private_import.search(text), f"{path} imports a private Textual module"
        for names in compat.PRIVATE_NAMES.values():
            for name in names:
                assert f".{name}" not in text, f"{path} uses {name}: go through compat.py"
    assert "_notifications" not in "".join(
        p.read_text("utf-8") for p in (ROOT / "tests").rglob("*.py") if p != Path(__file__)
    )
