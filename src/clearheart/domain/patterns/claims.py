"""Which bench script measures each claim: the topics whose sentences may claim a change.

A sentence with `claims_change` set must come from a topic listed in `TESTED`, whose
script simulates people with no change at all and measures how often the sentence still
claims one (issue 12: 5% or less in every setting). `PENDING` lists topics whose
sentences claim a change or a link but whose bench is not written yet, with why; a guard
test (tests/unit/patterns/test_claims_guard.py) holds both lists to the sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

TESTED: Mapping[str, str] = MappingProxyType({
    "latency": "bench/null_trends.py",
})
"""Topic → the bench script that measures its false-claim rate and power."""
PENDING: Mapping[str, str] = MappingProxyType({
    "loop": "the loop's rework and its bench are separate issue 12 work; its 'after … "
            "tended to' sentences do not yet set claims_change",
})
"""Topic → why its claims are not yet tied to a measured test."""
