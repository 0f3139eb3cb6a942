"""Which bench script measures each claim: the topics whose sentences may claim a change.

A sentence with `claims_change` set (here, or an evidence item's: domain/evidence) must
come from a topic listed in `TESTED`, whose
script simulates people with no change or link at all and measures how often the sentence
still claims one (issue 12: 5% or less in every setting), and its power. A guard test
(tests/unit/patterns/test_claims_guard.py) holds the list to the sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

TESTED: Mapping[str, str] = MappingProxyType(
    {
        "latency": "bench/null_trends.py",
        "loop": "bench/null_loop.py",
        "questionnaire": "bench/null_takes.py",
        "before_after": "bench/null_split.py",
        "shifts": "bench/null_split.py",
    }
)
"""Topic → the bench script that measures its false-claim rate and power."""
