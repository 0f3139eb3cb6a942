"""Scoring: reverse keys, mean and sum, the 80% rule with pro-rating, combinations, answers."""

from __future__ import annotations

from typing import Any

import pytest
from assess_helpers import Data, Make

from clearheart.domain.assess import (
    clean_sheet,
    danger_signs,
    describe,
    not_well_met,
    parse_instrument,
    reading,
    score,
    score_values,
)
from clearheart.errors import InvalidInput


def _scores(inst: Any, answers: dict[str, Any]) -> dict[str, Any]:
    return {s.subscale: s for s in score(inst, clean_sheet(inst, answers))}


def test_mean_with_a_reverse_keyed_item(make: Make) -> None:
    inst = make()
    # q2 is reverse-keyed on 1-7: an answer of 2 counts as 1 + 7 - 2 = 6.
    got = _scores(inst, {"q1": 4, "q2": 2, "q3": 5, "q4": 7, "q5": 3, "d1": 1, "d2": 6})
    assert got["worry"].value == pytest.approx((4 + 6 + 5 + 7 + 3) / 5)
    assert (got["worry"].answered, got["worry"].of, got["worry"].note) == (5, 5, None)
    assert got["distance"].value == 7.0


def test_eighty_percent_rule_mean_uses_what_was_answered(make: Make) -> None:
    inst = make()
    # 4 of 5 answered is exactly 80%: scored from those four.
    got = _scores(inst, {"q1": 4, "q2": 7, "q3": 5, "q4": 3, "d1": 2})
    assert got["worry"].value == pytest.approx((4 + 1 + 5 + 3) / 4)
    assert (got["worry"].answered, got["worry"].of) == (4, 5)
    # 1 of 2 is 50%: not enough to say.
    assert got["distance"].value is None
    assert got["distance"].note and "not enough answers" in got["distance"].note
    assert "1 of 2 answered" in got["distance"].note


def test_three_of_five_is_not_enough(make: Make) -> None:
    got = _scores(make(), {"q1": 4, "q2": 7, "q3": 5})
    assert got["worry"].value is None and "at least 4 are needed" in str(got["worry"].note)


def test_a_sum_with_a_missing_answer_is_pro_rated_and_says_so(data: Data) -> None:
    data["subscales"][1]["items"] = ["d1", "d2", "q1", "q3", "q4"]
    inst = parse_instrument(data, "x.toml")
    got = _scores(inst, {"d1": 2, "d2": 4, "q1": 6, "q3": 3})
    distance = got["distance"]
    assert distance.value == pytest.approx((2 + 4 + 6 + 3) * 5 / 4)
    assert distance.note and "estimated from 4 of 5 answers" in distance.note


def test_combine_and_subtract(data: Data) -> None:
    data["subscales"] += [
        {
            "id": "total",
            "title": "T",
            "combine": ["worry", "distance"],
            "low": "l",
            "high": "h",
        },
        {
            "id": "diff",
            "title": "D",
            "combine": ["worry"],
            "subtract": "distance",
            "low": "l",
            "high": "h",
        },
        {
            "id": "avg-diff",
            "title": "M",
            "rule": "mean",
            "combine": ["worry"],
            "subtract": "distance",
            "low": "l",
            "high": "h",
        },
    ]
    inst = parse_instrument(data, "x.toml")
    got = _scores(inst, {"q1": 7, "q2": 1, "q3": 7, "q4": 7, "q5": 7, "d1": 3, "d2": 2})
    assert got["worry"].value == 7.0 and got["distance"].value == 5.0
    assert got["total"].value == 12.0 and (got["total"].answered, got["total"].of) == (7, 7)
    assert got["diff"].value == 2.0 and got["avg-diff"].value == 2.0
    partial = _scores(inst, {"q1": 7, "q2": 1, "q3": 7, "q4": 7, "q5": 7, "d1": 3})
    assert partial["total"].value is None and "a part of it" in str(partial["total"].note)


@pytest.mark.parametrize(
    ("answers", "field", "reason"),
    [
        ({"q1": 8}, "q1", "choose a whole number from 1 to 7"),
        ({"q1": 0}, "q1", "from 1 to 7"),
        ({"q1": 2.5}, "q1", "from 1 to 7"),
        ({"q1": True}, "q1", "from 1 to 7"),
        ({"q1": "four"}, "q1", "from 1 to 7"),
        ({"q9": 3}, "q9", "there is no question 'q9'"),
        ({}, "answers", "answer at least one question"),
        ({"q1": "", "q2": None}, "answers", "answer at least one question"),
    ],
)
def test_bad_answers_name_the_item(
    make: Make, answers: dict[str, Any], field: str, reason: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_sheet(make(), answers)
    assert caught.value.field == field and reason in caught.value.reason


def test_web_forms_send_digits_as_text_and_blanks(make: Make) -> None:
    sheet = clean_sheet(make(), {"q1": "5", "q2": " 3 ", "q3": "", "d1": 2.0})
    assert sheet == {"q1": 5, "q2": 3, "d1": 2}


def test_per_item_scale_overrides_the_default(data: Data) -> None:
    data["items"][0]["scale"] = {"min": 0, "max": 1}
    inst = parse_instrument(data, "x.toml")
    with pytest.raises(InvalidInput, match="from 0 to 1"):
        clean_sheet(inst, {"q1": 2})
    assert clean_sheet(inst, {"q1": 0}) == {"q1": 0}


def test_danger_signs_cross_their_threshold(data: Data) -> None:
    data["items"][0]["safety"] = 5
    data["items"][5]["scale"] = {"min": 0, "max": 3}
    data["items"][5]["safety"] = 0  # any answer above 0 on a 0-3 item
    inst = parse_instrument(data, "x.toml")
    assert danger_signs(inst, {"q1": 4, "d1": 0}) == ()
    assert danger_signs(inst, {"q1": 5, "d1": 1}) == ("q1", "d1")
    assert danger_signs(inst, {"q2": 7}) == ()


def test_stored_values_are_rounded(make: Make) -> None:
    inst = make()
    values = score_values(score(inst, {"q1": 1, "q2": 7, "q3": 2, "q4": 1, "q5": 1}))
    assert values == {"worry": round(6 / 5, 4), "distance": None}


def test_reading_says_where_a_score_sits(make: Make) -> None:
    worry = make().subscales[0]
    assert reading(worry, 6.2) == (
        "Worry: 6.2 on a range from 1 to 7, toward the higher end. High."
    )
    assert reading(worry, 1.0).endswith("toward the lower end. Low.")
    assert reading(worry, 4.0).endswith("near the middle.")


def _own(data: Data) -> Any:
    own = {k: v for k, v in data.items() if k not in ("items", "subscales")}
    own.update(own_items=True, scale={"min": 1, "max": 7})
    return parse_instrument(own, "needs.toml")


def test_own_items_mean_rating_and_needs_not_well_met(data: Data) -> None:
    inst = _own(data)
    needs = [
        {"name": "Time together", "rating": 2},
        {"name": "  Being   heard ", "rating": "3"},
        {"name": "Plans kept", "rating": 6},
        {"name": "", "rating": ""},
    ]
    sheet = clean_sheet(inst, {"needs": needs})
    assert sheet == {
        "needs": [
            {"name": "Time together", "rating": 2},
            {"name": "Being heard", "rating": 3},
            {"name": "Plans kept", "rating": 6},
        ]
    }
    met, low = score(inst, sheet)
    assert met.value == pytest.approx(11 / 3) and (met.answered, met.of) == (3, 3)
    # The lower third of 1-7 is 1 to 3: two of the three needs.
    assert low.value == 2.0
    assert describe(inst, low).startswith("2 of the 3 needs you named are not well met")
    assert [not_well_met(inst.scale, r) for r in (3, 4)] == [True, False]


@pytest.mark.parametrize(
    ("needs", "field", "reason"),
    [
        ([], "needs", "name from 1 to 20 needs"),
        ([{"name": f"n{i}", "rating": 3} for i in range(21)], "needs", "from 1 to 20"),
        ([{"name": "x" * 81, "rating": 3}], "needs #1", "at most 80 characters"),
        ([{"name": "Rest", "rating": 3}, {"name": "rest", "rating": 4}], "needs #2", "twice"),
        ([{"name": "Rest", "rating": 9}], "needs #1", "from 1 to 7"),
        ([{"name": "Rest"}], "needs #1", "rate how well 'Rest' is met"),
        ([{"rating": 3}], "needs #1", "give the need a name"),
        ("Rest", "needs", "give a list of needs"),
    ],
)
def test_own_items_errors(data: Data, needs: Any, field: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_sheet(_own(data), {"needs": needs})
    assert caught.value.field == field and reason in caught.value.reason


def test_own_items_refuse_fixed_answers(data: Data) -> None:
    with pytest.raises(InvalidInput, match="only a list of needs"):
        clean_sheet(_own(data), {"q1": 3})
