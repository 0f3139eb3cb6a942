"""Properties of the engine over many made-up files and answer sheets."""

from __future__ import annotations

import copy
from typing import Any

from assess_helpers import base
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.assess import clean_sheet, parse_instrument, score
from clearheart.errors import ClearheartError, ContentInvalid

INST = parse_instrument(base(), "x.toml")
ANSWER = st.one_of(st.none(), st.integers(1, 7), st.sampled_from(["", "3", "7"]))


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({}, optional={i.id: ANSWER for i in INST.items}))
def test_every_score_stays_within_its_range(answers: dict[str, Any]) -> None:
    try:
        sheet = clean_sheet(INST, answers)
    except ClearheartError:
        assert not any(v not in (None, "") for v in answers.values())
        return
    for result in score(INST, sheet):
        sub = INST.subscale(result.subscale)
        assert sub is not None and result.answered <= result.of
        if result.value is not None:
            assert sub.minimum - 1e-9 <= result.value <= sub.maximum + 1e-9
            assert result.answered >= 0.8 * result.of


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 30),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
PATHS = [
    ("title",),
    ("scale", "min"),
    ("scale", "labels"),
    ("items", 0, "reverse"),
    ("items", 1, "scale"),
    ("items", 2, "safety"),
    ("subscales", 0, "rule"),
    ("subscales", 1, "items"),
    ("subscales", 0, "smallest_change"),
    ("meaning",),
    ("concepts",),
    ("items", 0, "subscale"),
    ("subscales", 1, "combine"),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATHS), JUNK)
def test_a_damaged_file_raises_content_invalid_and_nothing_else(
    path: tuple[Any, ...], value: Any
) -> None:
    data: Any = copy.deepcopy(base())
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    problem: ContentInvalid | None = None
    try:
        parse_instrument(data, "x.toml")
    except ContentInvalid as exc:
        problem = exc
    if problem is not None:
        assert problem.source == "x.toml" and problem.reason
