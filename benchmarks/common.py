"""What every benchmark shares: the five-year sample workbook and a few statistics."""

from __future__ import annotations

import math
import statistics
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


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: p95 of 20 values is the 19th smallest."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
