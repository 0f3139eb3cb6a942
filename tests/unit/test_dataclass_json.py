"""Dataclass values to JSON and back: a real pattern report survives exactly; bad data is
refused."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

import pytest

from clearheart.demo.chat import CHAT_SEED, demo_chat_messages
from clearheart.domain.patterns.report import PatternReport, build_report
from clearheart.store.dataclass_json import ShapeError, decode, encode, fingerprint, json_pieces


def test_a_whole_pattern_report_round_trips_through_json() -> None:
    messages = demo_chat_messages(date(2025, 1, 1), date(2025, 6, 30), random.Random(CHAT_SEED))
    report = build_report(messages, "Alex")
    assert report.plans.hits and report.silences.count and report.loop is not None
    text = json.dumps(encode(report))
    assert decode(PatternReport, json.loads(text)) == report


@pytest.mark.parametrize("depth", [0, 1, 2, 3, 5])
def test_the_json_written_in_pieces_is_the_json_written_whole(depth: int) -> None:
    messages = demo_chat_messages(date(2025, 1, 1), date(2025, 6, 30), random.Random(CHAT_SEED))
    report = build_report(messages, "Alex")
    whole = json.dumps(encode(report), separators=(",", ":"))
    assert "".join(json_pieces(report, depth)) == whole
    shared = Inner(datetime(2026, 1, 2), None, Mood.LOW)
    value = Outer("a", 1, 1.0, False, (shared, shared, shared), (1, "b"))
    assert "".join(json_pieces(value, depth)) == json.dumps(encode(value), separators=(",", ":"))


class Mood(Enum):
    LOW = "low"
    HIGH = "high"


@dataclass(frozen=True)
class Inner:
    when: datetime
    day: date | None
    mood: Mood


@dataclass(frozen=True)
class Outer:
    name: str
    count: int
    share: float
    flag: bool
    items: tuple[Inner, ...]
    pair: tuple[int, str]


def test_every_supported_kind_comes_back_as_it_went_in() -> None:
    value = Outer("a", 3, 2.0, True, (Inner(datetime(2026, 1, 2, 3, 4, 5), None, Mood.HIGH),
                                      Inner(datetime(2026, 1, 2), date(2026, 2, 1), Mood.LOW)),
                  (7, "x"))
    assert decode(Outer, json.loads(json.dumps(encode(value)))) == value


@pytest.mark.parametrize("data", [
    ["a", 3, 2.0, True, [], [7]],              # a fixed tuple of the wrong length
    ["a", "3", 2.0, True, [], [7, "x"]],       # text where a number belongs
    ["a", 3, 2.0, 1, [], [7, "x"]],            # a number where a yes/no belongs
    ["a", 3, 2.0, True, [["not a time", None, "low"]], [7, "x"]],
    ["a", 3, 2.0, True, [["2026-01-02T00:00:00", None, "medium"]], [7, "x"]],
    ["a", 3, 2.0, True, []],                   # a field missing: an older shape
])
def test_data_of_another_shape_is_refused(data: list[object]) -> None:
    with pytest.raises(ShapeError):
        decode(Outer, data)


def test_values_it_cannot_keep_are_refused_when_written() -> None:
    with pytest.raises(TypeError):
        encode({"a": 1})


def test_the_fingerprint_follows_the_shape() -> None:
    @dataclass(frozen=True)
    class Wider:
        name: str
        count: int
        extra: int

    assert fingerprint(Outer) == fingerprint(Outer)
    assert fingerprint(Outer) != fingerprint(Inner) != fingerprint(Wider)
    assert len(fingerprint(PatternReport)) == 64


def test_a_value_met_again_is_written_once_and_read_back_as_the_same_object() -> None:
    shared = Inner(datetime(2026, 1, 2), None, Mood.LOW)
    value = Outer("a", 1, 1.0, False, (shared, shared, shared), (1, "b"))
    data = encode(value)
    assert data[4][1] == {"@": 0} and data[4][2] == {"@": 0}
    back = decode(Outer, json.loads(json.dumps(data)))
    assert back == value and back.items[0] is back.items[2]


@pytest.mark.parametrize("reference", [{"@": 5}, {"@": "0"}, {"@": 0, "x": 1}, {"#": 0}])
def test_a_reference_to_nothing_read_before_is_refused(reference: object) -> None:
    with pytest.raises(ShapeError):
        decode(Outer, ["a", 1, 1.0, False, [reference], [1, "b"]])
