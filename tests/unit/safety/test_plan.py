"""The safety plan: every part optional, every field checked and named when it is not right."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from clearheart.domain.safety.plan import (
    BAG,
    MAX_PEOPLE,
    MAX_TEXT,
    PARTS,
    Plan,
    plan_from_json,
)
from clearheart.errors import InvalidInput

WHEN = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def test_an_empty_plan_is_fine() -> None:
    assert plan_from_json(None) == Plan() and Plan().empty
    assert plan_from_json({}).empty


def test_a_plan_round_trips_through_json() -> None:
    data = {
        "parts": {"warning_signs": "  He goes quiet and starts drinking.\r\n", "code_word": "tea"},
        "people": [{"name": "Mira", "how": "07700 900123", "note": "knows the code word"},
                   {"name": "", "how": "", "note": ""}],
        "packed": ["id", "keys", "Spare glasses"],
        "extra": ["Spare glasses", "Spare glasses", "  "],
        "updated": WHEN.isoformat(),
    }
    plan = plan_from_json(data)
    assert plan.part("warning_signs") == "He goes quiet and starts drinking."
    assert [p.name for p in plan.people] == ["Mira"]
    assert plan.extra == ("Spare glasses",) and "Spare glasses" in plan.packed
    assert plan.updated == WHEN
    assert plan_from_json(plan.to_json()) == plan
    assert list(plan.to_json()["parts"]) == [p for p in PARTS if plan.part(p)]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"parts": {"nonsense": "x"}}, "nonsense"),
        ({"parts": {"places": "x" * (MAX_TEXT + 1)}}, "places"),
        ({"people": [{"name": "", "how": "07700 900123"}]}, "person-1"),
        ({"people": [{"name": f"P{n}"} for n in range(MAX_PEOPLE + 1)]}, "people"),
        ({"packed": ["a bicycle"]}, "packed"),
        ({"people": "Mira"}, "people"),
        ({"surprise": 1}, "surprise"),
        ({"updated": "yesterday"}, "updated"),
        ({"parts": {"way_out": "back door\x00"}}, "way_out"),
    ],
)
def test_a_bad_field_is_named(data: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        plan_from_json(data)
    assert caught.value.field == field


def test_the_bag_and_parts_are_fixed_lists() -> None:
    assert "documents" in BAG and "medicines" in BAG
    assert PARTS[0] == "warning_signs" and "way_out" in PARTS
