"""The loop's false-claim rate, at a small size: the full run is bench/null_loop.py.

Independent weekly series with long memory (phi 0.9), with and without a shared drift, and
a handful of synthetic chats through build_report; seeded, so the counts are fixed. The
bound is generous (the goal is 5%; 120 replicates put a true 5% under 12% almost always),
yet the code this replaced claimed a link for 35–50% of such people.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[3] / "bench"))

from clearheart.domain.patterns.loop import DEFAULT_MIN_WEEKS
from null_loop import chat, chat_claims, new_claims, pair_series


def test_independent_series_rarely_show_a_link() -> None:
    rng = random.Random(12)
    for trend in (0.0, 2.0):
        claims = sum(new_claims(*pair_series(60, 0.9, trend, 0.0, rng), DEFAULT_MIN_WEEKS)[0]
                     for _ in range(120))
        assert claims <= 14, (trend, claims)


def test_a_modest_link_shows_at_two_years() -> None:
    rng = random.Random(13)
    found = sum(new_claims(*pair_series(104, 0.6, 0.0, 0.3, rng), DEFAULT_MIN_WEEKS)[1]
                for _ in range(60))
    assert found >= 30


def test_independent_chats_rarely_show_a_link() -> None:
    rng = random.Random(14)
    claims = sum(chat_claims(chat(60, 0.6, 2.0, 0.0, rng), rng)[0][0] for _ in range(12))
    assert claims <= 3
