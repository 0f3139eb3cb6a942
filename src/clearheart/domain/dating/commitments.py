"""The three commitments for dating again (concept F4), in our words or the person's own.

There are always exactly three, in a fixed order (closeness, energy, needs); the person
may reword any of them, and each rewrite is a new version (earlier ones are kept). A blank
line goes back to our wording for that one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from clearheart.domain.dating.checklist import clean_text
from clearheart.errors import InvalidInput

COUNT = 3
MAX_COMMITMENT = 300


@dataclass(frozen=True, slots=True)
class Commitments:
    texts: tuple[str, ...]
    own: tuple[bool, ...]
    """Per commitment, whether it is in the person's own words."""
    version: int = 0
    saved_at: datetime | None = None


def clean_commitments(given: Sequence[str], defaults: Sequence[str]) -> tuple[str, ...]:
    """Three texts: each given one tidied, a blank one back to its default."""
    if len(given) != COUNT or len(defaults) != COUNT:
        raise InvalidInput("commitments", f"there are {COUNT} commitments; give all {COUNT}")
    return tuple(
        clean_text(text, f"commitment {n}", MAX_COMMITMENT) if text.strip() else default
        for n, (text, default) in enumerate(zip(given, defaults, strict=True), 1)
    )


def commitments_of(
    texts: Sequence[str] | None,
    defaults: Sequence[str],
    version: int = 0,
    saved_at: datetime | None = None,
) -> Commitments:
    """The commitments as shown: the saved texts, or ours before any are saved."""
    shown = tuple(texts) if texts is not None else tuple(defaults)
    return Commitments(
        shown, tuple(t != d for t, d in zip(shown, defaults, strict=True)), version, saved_at
    )
