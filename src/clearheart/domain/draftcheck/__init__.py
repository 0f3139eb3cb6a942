"""The draft check: what in a message about to be sent may land badly, and why.

Pure domain code. `check(text, tone=..., model=...)` returns a Reading: whether to pause,
the flags (each with the exact span of text it rests on and one sentence of why), up to
three tips, and whether the draft shows a safety concern. The rules are transparent data
(rules_blame, rules_pressure, safety); the tone scorer (VADER) and the embedding model
come in from the service layer. See docs/decisions/0007-draft-check.md.
"""

from __future__ import annotations

from clearheart.domain.draftcheck.engine import check
from clearheart.domain.draftcheck.reading import (
    KINDS,
    WHY,
    Evidence,
    Flag,
    Judgement,
    Kind,
    Model,
    Reading,
    Tone,
    ToneScores,
)

__all__ = [
    "KINDS",
    "WHY",
    "Evidence",
    "Flag",
    "Judgement",
    "Kind",
    "Model",
    "Reading",
    "Tone",
    "ToneScores",
    "check",
]
