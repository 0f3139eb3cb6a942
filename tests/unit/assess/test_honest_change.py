"""Issue 12: the smallest change is derived from a cited spread and reliability (or called a
rule of thumb), reliability is described by its value, and the numbers a person sees are the
numbers compared."""

from __future__ import annotations

import math
import tomllib
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from assess_helpers import Data, Make

from clearheart.domain.assess import Result, changes_between, fmt, parse_instrument


def _result(day: int, scores: dict[str, Any]) -> Result:
    return Result(
        id=day,
        instrument_id="worry-test",
        instrument_version="1",
        taken_at=datetime(2026, 3, day, 9, tzinfo=UTC),
        subject=None,
        answers={},
        scores=scores,
    )


def test_the_numbers_shown_are_the_numbers_compared(make: Make) -> None:
    """1.24 -> 1.76 is shown as 1.2 -> 1.8, a change of 0.6: it must count as 0.6."""
    (worry,) = changes_between(make(), _result(1, {"worry": 1.24}), _result(8, {"worry": 1.76}))
    assert "went up from 1.2 to 1.8" in worry.sentence
    assert worry.noticeable
    assert worry.delta == 0.6
    assert "within" not in worry.sentence


def test_no_sentence_says_within_a_threshold_the_shown_numbers_reach(make: Make) -> None:
    inst = make()
    steps = [round(1 + k * 0.07, 2) for k in range(86)]
    for a in steps[::5]:
        for b in steps:
            for change in changes_between(inst, _result(1, {"worry": a}), _result(9, {"worry": b})):
                shown = abs(float(fmt(b)) - float(fmt(a)))
                assert change.noticeable == (shown >= 0.6 - 1e-9), (a, b)
                assert "within" not in change.sentence


def test_reliability_is_described_by_its_value(data: Data) -> None:
    data["subscales"][0]["reliability"] = 0.95
    inst = parse_instrument(data, "x.toml")
    (worry,) = changes_between(inst, _result(1, {"worry": 3.0}), _result(2, {"worry": 3.2}))
    assert "modest" not in worry.sentence
    assert "test–retest reliability .95" in worry.sentence


def test_internal_consistency_is_named_as_such(data: Data) -> None:
    data["subscales"][0]["reliability_kind"] = "internal consistency"
    inst = parse_instrument(data, "x.toml")
    (worry,) = changes_between(inst, _result(1, {"worry": 3.0}), _result(2, {"worry": 3.2}))
    assert "internal consistency (a reliability from one sitting) .97" in worry.sentence
    assert "day-to-day" in worry.sentence


def test_the_threshold_is_derived_from_the_cited_spread_and_reliability(data: Data) -> None:
    """SDC95 = 1.96·√2·1.1·√.15 = 1.18. As shown, 1.2 is still reached by chance 5.7% of
    the time (rounding lets true differences from 1.1 up reach it), 1.3 only 3.8%."""
    from clearheart.domain.assess.detectable import chance_shown, sdc95, smallest_change

    data["subscales"][0].update(sd=1.1, reliability=0.85)
    worry = parse_instrument(data, "x.toml").subscales[0]
    assert sdc95(1.1, 0.85) == 1.96 * math.sqrt(2) * 1.1 * math.sqrt(1 - 0.85)
    assert chance_shown(1.1, 0.85, 1.2) > 0.05 >= chance_shown(1.1, 0.85, 1.3)
    assert smallest_change(worry) == 1.3


def test_without_published_figures_the_sentence_says_rule_of_thumb(make: Make) -> None:
    inst = make()
    before, after = _result(1, {"distance": 8.0}), _result(2, {"distance": 9.0})
    (distance,) = changes_between(inst, before, after)
    assert "rule of thumb" in distance.sentence
    assert "reliability" not in distance.sentence.replace("rule of thumb", "")


def test_no_content_file_types_a_threshold_in() -> None:
    folder = resources.files("clearheart.content.instruments") / "en"
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            raw = tomllib.loads(entry.read_text(encoding="utf-8"))
            for sub in raw.get("subscales", []):
                assert "smallest_change" not in sub, entry.name
