"""The recent-share interval holds the window's share about 95% of the time (bench, small).

The full run (2,000 replicates per setting) is in docs/performance.md; this seeded run of
the most clustered settings keeps CI honest with a bound that allows for its own noise.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

BENCH = Path(__file__).parents[3] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("null_shares", BENCH / "null_shares.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["null_shares"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("tau", "phi"), [(0.0, 0.0), (1.0, 0.0), (1.0, 0.9)])
def test_the_interval_holds_the_windows_share(bench: ModuleType, tau: float, phi: float) -> None:
    rng = np.random.default_rng([5, int(tau * 10), int(phi * 10)])
    found = bench.one_setting(rng, 100, 0.5, tau, phi, 300)
    assert found.shown >= 290
    assert found.window / found.shown >= 0.9, found


def test_below_the_minimum_no_interval_is_given(bench: ModuleType) -> None:
    found = bench.one_setting(np.random.default_rng(4), 20, 0.5, 0.5, 0.5, 200)
    assert found.shown <= 10
