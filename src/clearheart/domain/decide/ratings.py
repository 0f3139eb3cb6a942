"""The person's own ratings of the conditions for healing and the signals for letting go.

Conditions (concept D1): both are willing, there is a safe space to be open, both work
on their own side, actions back words. Signals (D2): the partner refuses to engage or
reflect, needs stay unmet, attempts to connect are ignored, the relationship keeps
bringing fear or self-doubt. Each is rated on one plain scale of how true it feels,
with "not sure" as an answer of its own; an item left out is simply not rated yet.

These are the person's impressions, kept beside (never merged with) what the log and
chats show; nothing here adds them up, because a sum would read as a verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from clearheart.errors import InvalidInput

CONDITIONS = ("both_willing", "safe_space", "own_work", "actions_match_words")
SIGNALS = ("refuses_to_engage", "needs_unmet", "attempts_ignored", "fear_self_doubt")
KEYS = CONDITIONS + SIGNALS


class Rating(StrEnum):
    NOT_AT_ALL = "not-at-all"
    A_LITTLE = "a-little"
    MOSTLY = "mostly"
    VERY_MUCH = "very-much"
    NOT_SURE = "not-sure"


def clean_ratings(given: Mapping[str, str]) -> dict[str, Rating]:
    """Ratings by key, in KEYS order; unknown keys or answers raise InvalidInput."""
    ratings: dict[str, Rating] = {}
    for key, answer in given.items():
        if key not in KEYS:
            raise InvalidInput("rating", f"{key[:40]!r} is not one of: {', '.join(KEYS)}")
        try:
            ratings[key] = Rating(answer)
        except ValueError:
            raise InvalidInput(
                key, "answer with one of: " + ", ".join(r.value for r in Rating)
            ) from None
    return {key: ratings[key] for key in KEYS if key in ratings}
