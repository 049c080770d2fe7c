"""What every benchmark shares: the five-year sample workbook and a few statistics."""

from __future__ import annotations

import compileall
import math
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

SAMPLE_YEARS = 5
SAMPLE_SEED = 1


def five_year_sample(folder: Path) -> Path:
    """A fresh copy of the benchmark workbook (seed 1, dated up to today) in `folder`."""
    from careertui.core.sample import write_sample

    path = folder / "five-years.json"
    if not path.exists():
        write_sample(path, years=SAMPLE_YEARS, seed=SAMPLE_SEED)
    return path


def app_command(sample: Path) -> str:
    """The command that runs careertui on `sample`, from bytecode, as an install runs it.

    `pip install .` compiles every module when it installs them. An editable
    install run with PYTHONDONTWRITEBYTECODE set (as on the build machine)
    compiles them from source at every launch and at each stage's first visit,
    about 50 ms at launch that no user pays; so the bytecode is written first.
    """
    import careertui

    compileall.compile_dir(Path(careertui.__file__).parent, quiet=1)
    return f"{sys.executable} -m careertui --db {sample}"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: p95 of 20 values is the 19th smallest."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
