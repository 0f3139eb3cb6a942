"""The reply-time trend rarely claims a change that is not there: bench/null_trends.py, small.

The full run (400 simulated people per setting) lives in bench/ and docs/performance.md;
this keeps CI honest with a seeded, small run of the hardest settings and a generous bound.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).parents[3] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("null_trends", BENCH / "null_trends.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["null_trends"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_with_no_drift_the_trend_sentence_rarely_claims_one(bench: ModuleType) -> None:
    import numpy as np

    for phi, per_month in ((0.0, 100), (0.9, 100), (0.9, 300)):
        rng = np.random.default_rng([7, int(phi * 10), per_month])
        claims = old = 0
        for _ in range(80):
            person, first, last = bench.simulated_person(rng, phi, per_month, 104, False)
            claims += bench.drift(person, first, last, bench.MIN_REPLIES).direction != 0
            old += bench.old_claims(person, first, last)
        assert claims / 80 <= 0.15, (phi, per_month, claims)
        assert old / 80 >= 0.3, (phi, per_month, old)  # the floor: the old rule, far worse


def test_a_doubling_is_sometimes_seen_and_never_called_quicker(bench: ModuleType) -> None:
    import numpy as np

    rng = np.random.default_rng(11)
    seen = 0
    for _ in range(60):
        person, first, last = bench.simulated_person(rng, 0.0, 20, 104, True)
        way = bench.drift(person, first, last, bench.MIN_REPLIES).direction
        assert way >= 0
        seen += way > 0
    assert seen >= 1


def test_generated_chats_through_the_report_make_no_false_claims(bench: ModuleType) -> None:
    claims = next(iter(bench.chat_part(4, 3)))
    assert claims.claims == 0
