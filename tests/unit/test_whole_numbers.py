"""read_whole: the one way a number from outside becomes an int."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearheart.domain.whole_numbers import (
    IDS,
    MAX_ID,
    Bounds,
    in_bounds,
    looks_whole,
    read_whole,
)
from clearheart.errors import InvalidInput

SMALL = Bounds(-5, 5)


@given(st.integers(min_value=-5, max_value=5), st.sampled_from(["", " ", "  \t"]))
def test_every_number_in_range_reads_back_whatever_the_spaces(number: int, pad: str) -> None:
    assert read_whole(f"{pad}{number}{pad}", "n", SMALL) == number


@given(st.integers().filter(lambda n: not -5 <= n <= 5))
def test_every_number_out_of_range_is_refused_naming_the_field(number: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_whole(str(number), "mood", SMALL)
    assert caught.value.field == "mood"
    assert caught.value.reason == "choose a whole number from -5 to 5"


@given(st.text())
def test_any_text_reads_or_is_refused_never_anything_else(text: str) -> None:
    try:
        number = read_whole(text, "n", IDS)
    except InvalidInput:
        return
    assert 1 <= number <= MAX_ID and looks_whole(text)


@pytest.mark.parametrize("text", ["²", "١٢", "1e3", "1.0", "0x10", "+-1", "1 2", "", "NaN",
                                  "9" * 100_000, "0" * 21 + "1"])
def test_text_that_is_not_a_plain_ascii_whole_number_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        read_whole(text, "n", Bounds(-(10**30), 10**30))


def test_ids_stop_at_sqlites_largest_integer() -> None:
    assert read_whole(str(MAX_ID), "id", IDS) == MAX_ID
    with pytest.raises(InvalidInput, match="that cannot be an id"):
        read_whole(str(MAX_ID + 1), "id", IDS)


def test_a_number_already_converted_is_checked_the_same_way() -> None:
    assert in_bounds(5, "n", SMALL) == 5
    with pytest.raises(InvalidInput):
        in_bounds(2**64, "n", SMALL)
