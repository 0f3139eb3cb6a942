"""Before-and-after and shifts rarely claim a change that is not there: bench/null_split.py,
small.

The full run (400 simulated people per setting) lives in bench/ and docs/performance.md;
this keeps CI honest with a seeded, small run of the hardest settings and a generous bound.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).parents[3] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("null_split", BENCH / "null_split.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["null_split"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_with_no_step_neither_sentence_often_claims_one(bench: ModuleType) -> None:
    for weeks, phi, drift in ((52, 0.9, 0.0), (104, 0.6, 0.0), (52, 0.9, bench.DRIFT)):
        row = bench.series_row("null", weeks, phi, drift, 0.0, 60, random.Random(5))
        assert row.split_claims <= 9, (weeks, phi, drift, row)
        assert row.shift_claims <= 9, (weeks, phi, drift, row)


def test_a_large_step_is_seen_the_right_way(bench: ModuleType) -> None:
    row = bench.series_row("power", 104, 0.0, 0.0, 2.0, 20, random.Random(6))
    assert row.split_claims >= 15
    assert row.shift_claims >= 4


def test_generated_chats_through_the_app_make_no_false_claims(bench: ModuleType) -> None:
    row = bench.chat_row("chats", 4, lambda r, _: bench.null_trends.chat(52, 300 + r), "Sam", "7")
    assert row.split_claims == 0 and row.shift_claims == 0
