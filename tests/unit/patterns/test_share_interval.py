"""The recent share's interval: Wilson, widened when weeks cluster, and its minimum count."""

from __future__ import annotations

from clearheart.domain.patterns.share import MIN_SHARE_COUNT, design_effect, wilson


def test_the_minimum_is_where_an_even_split_is_known_within_15_points() -> None:
    assert MIN_SHARE_COUNT == 43
    low, high = wilson(22, 43)
    assert high - low <= 0.30


def test_weeks_that_cluster_widen_the_interval() -> None:
    even = design_effect([2, 3, 2, 3], [5, 5, 5, 5])
    clustered = design_effect([5, 0, 5, 0], [5, 5, 5, 5])
    assert even == 1.0 and clustered > 2
    plain, wide = wilson(10, 20), wilson(10, 20, clustered)
    assert wide[0] < plain[0] and wide[1] > plain[1]
