"""Instrument files: what a valid file gives, and a precise reason for every broken one."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from assess_helpers import Data, Make, base

from clearheart.content.instruments import load_builtin_instruments, parse_toml
from clearheart.content.loader import validate_all
from clearheart.domain.assess import parse_instrument
from clearheart.errors import ContentInvalid


def test_a_valid_file_gives_items_subscales_and_ranges(make: Make) -> None:
    inst = make()
    assert inst.id == "worry-test" and inst.kind == "reflection" and inst.group == "me"
    assert [i.id for i in inst.items][:2] == ["q1", "q2"]
    assert inst.items[1].reverse and not inst.items[0].reverse
    assert inst.scale.labels == {1: "Not at all", 7: "Very much"}
    worry, distance = inst.subscales
    assert worry.items == ("q1", "q2", "q3", "q4", "q5")
    assert (worry.minimum, worry.maximum) == (1.0, 7.0)
    assert (distance.minimum, distance.maximum) == (2.0, 14.0)
    assert worry.basis.reliability == 0.97 and worry.basis.kind == "test-retest"
    assert distance.basis.kind == "rule of thumb" and distance.basis.source == ""


def test_optional_fields_have_defaults(data: Data) -> None:
    for key in ("minutes", "concepts", "citation"):
        data.pop(key, None)
    inst = parse_instrument(data, "x.toml")
    assert inst.minutes == 2  # 7 items, about 10 seconds each, at least a minute
    assert inst.concepts == () and inst.citation == "" and not inst.per_person


def test_a_licensed_instrument_may_leave_item_text_and_meanings_out(data: Data) -> None:
    data.update(kind="instrument", citation="Someone (2000).")
    del data["meaning"]
    for item in data["items"]:
        del item["text"]
    for sub in data["subscales"]:
        del sub["low"], sub["high"]
    inst = parse_instrument(data, "x.toml")
    assert inst.items[0].text == "Item 1" and inst.group == "loaded"
    assert "not a diagnosis" in inst.does_not


Mutate = Callable[[Data], Any]


def _set(path: str, value: Any) -> Mutate:
    def apply(d: Data) -> None:
        *head, last = path.split(".")
        target: Any = d
        for part in head:
            target = target[int(part)] if isinstance(target, list) else target[part]
        key: Any = int(last) if isinstance(target, list) else last
        if value is _DELETE:
            del target[key]
        elif isinstance(target, list) and key == len(target):
            target.append(value)
        else:
            target[key] = value

    return apply


_DELETE = object()

BROKEN: list[tuple[str, Mutate, str]] = [
    ("no schema", _set("schema", _DELETE), "missing field 'schema'"),
    ("future schema", _set("schema", 9), "schema version 9 is unknown"),
    ("typo key", _set("titel", "x"), "unknown key 'titel' in the top of the file"),
    ("no title", _set("title", _DELETE), "missing field 'title'"),
    ("bad id", _set("id", "Worry Test"), "'id' 'Worry Test' must be lower-case"),
    ("bad kind", _set("kind", "test"), '\'kind\' must be "reflection" or "instrument"'),
    ("instrument needs citation", _set("kind", "instrument"), "'citation' is required"),
    ("bad locale", _set("locale", "english"), "'locale' 'english' is not a locale"),
    ("empty about", _set("about", "  "), "'about' is empty"),
    (
        "bool flag",
        _set("per_person", "yes"),
        "'per_person' in the top of the file must be true or false, not a string",
    ),
    ("unknown concept", _set("concepts", ["Z9"]), "unknown concept 'Z9'"),
    ("scale upside down", _set("scale.max", 0), "[scale] runs from 1 to 0"),
    ("label outside", _set("scale.labels.9", "x"), "label '9' in [scale] is outside"),
    ("label key", _set("scale.labels.one", "x"), "label key 'one' in [scale]"),
    ("label key of 5,000 digits", _set("scale.labels." + "9" * 5_000, "x"), "label key '999"),
    ("label key in other digits", _set("scale.labels.١", "x"), "label key '١' in [scale]"),
    ("no items", _set("items", []), "'items' is empty"),
    ("item typo", _set("items.1.revers", True), "unknown key 'revers' in item 'q2'"),
    (
        "reverse type",
        _set("items.1.reverse", "yes"),
        "'reverse' in item 'q2' must be true or false, not a string",
    ),
    ("item no text", _set("items.0.text", _DELETE), "missing field 'text' in item 'q1'"),
    ("item id", _set("items.0.id", "Q 1"), "item 'Q 1': the id must be lower-case"),
    ("reserved id", _set("items.0.id", "subject"), "'subject' is reserved"),
    ("duplicate item", _set("items.1.id", "q1"), "two items have the id 'q1'"),
    (
        "item names missing subscale",
        _set("items.0.subscale", "wory"),
        "item 'q1' names subscale 'wory', which is not among the [[subscales]]",
    ),
    (
        "safety never fine",
        _set("items.0.safety", 0),
        "item 'q1': 'safety' = 0 does not fit its scale 1–7",
    ),
    ("safety above", _set("items.0.safety", 8), "'safety' = 8 does not fit"),
    ("no subscales", _set("subscales", []), "missing [[subscales]]"),
    (
        "bad rule",
        _set("subscales.0.rule", "median"),
        "'rule' of subscale 'worry' must be \"mean\" or \"sum\", not 'median'",
    ),
    ("no rule", _set("subscales.0.rule", _DELETE), "missing field 'rule' in subscale 'worry'"),
    (
        "spread without its source",
        _set("subscales.0.reliability_source", _DELETE),
        "subscale 'worry': 'sd', 'reliability', 'reliability_kind' and 'reliability_source'"
        " go together",
    ),
    (
        "spread too big",
        _set("subscales.0.sd", 7),
        "'sd' of subscale 'worry' must be above 0 and at most the score's range (6)",
    ),
    (
        "reliability",
        _set("subscales.0.reliability", 1),
        "'reliability' of subscale 'worry' must be above 0 and below 1",
    ),
    (
        "reliability kind",
        _set("subscales.0.reliability_kind", "alpha"),
        "'reliability_kind' of subscale 'worry' must be \"test-retest\" or",
    ),
    (
        "unknown listed item",
        _set("subscales.0.items", ["q1", "q9"]),
        "subscale 'worry' lists item 'q9', which is not among the [[items]]",
    ),
    ("duplicate subscale", _set("subscales.1.id", "worry"), "two subscales have the id 'worry'"),
    (
        "combine unknown",
        _set(
            "subscales.2",
            {
                "id": "both",
                "title": "Both",
                "low": "l",
                "high": "h",
                "combine": ["worry", "nope"],
            },
        ),
        "subscale 'both' combines 'nope', which is not among the [[subscales]]",
    ),
    (
        "subtract alone",
        _set("subscales.0.subtract", "distance"),
        "'subtract' works only together with 'combine'",
    ),
    (
        "norm without citation",
        _set(
            "norms",
            [{"subscale": "worry", "mean": 3.0, "sd": 1.0, "n": 100, "population": "Adults"}],
        ),
        "'citation' is required when [[norms]] are given",
    ),
    ("meaning missing", _set("meaning", {"does": "x"}), "missing field 'does_not' in [meaning]"),
    ("examples on fixed items", _set("examples", ["x"]), "'examples' belong to own_items"),
    ("bad group", _set("group", "them"), "'group' must be one of"),
]


@pytest.mark.parametrize(
    ("mutate", "reason"), [(m, r) for _, m, r in BROKEN], ids=[name for name, _, _ in BROKEN]
)
def test_a_broken_file_names_the_field_and_the_reason(mutate: Mutate, reason: str) -> None:
    data = copy.deepcopy(base())
    mutate(data)
    with pytest.raises(ContentInvalid) as caught:
        parse_instrument(data, "mine.toml")
    assert caught.value.source == "mine.toml"
    assert reason in caught.value.reason, caught.value.reason
    assert caught.value.message.startswith("Content file mine.toml is not valid: ")


def test_a_subscale_cannot_combine_itself(data: Data) -> None:
    data["subscales"] += [
        {
            "id": "a",
            "title": "A",
            "combine": ["b", "worry"],
            "low": "l",
            "high": "h",
        },
        {
            "id": "b",
            "title": "B",
            "combine": ["a", "worry"],
            "low": "l",
            "high": "h",
        },
    ]
    with pytest.raises(ContentInvalid, match="combines itself"):
        parse_instrument(data, "x.toml")


def test_combined_ranges_add_and_subtract(data: Data) -> None:
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
            "id": "avg",
            "title": "M",
            "rule": "mean",
            "combine": ["worry", "distance"],
            "low": "l",
            "high": "h",
        },
    ]
    inst = parse_instrument(data, "x.toml")
    total, diff, avg = inst.subscales[2:]
    assert (total.minimum, total.maximum) == (3.0, 21.0)
    assert (diff.minimum, diff.maximum) == (1.0 - 14.0, 7.0 - 2.0)
    assert (avg.minimum, avg.maximum) == (1.5, 10.5)


def test_own_items_files_describe_only_their_two_scores(data: Data) -> None:
    own = {k: v for k, v in data.items() if k not in ("items", "subscales")}
    own.update(own_items=True, examples=["Time together"])
    inst = parse_instrument(own, "x.toml")
    assert [s.id for s in inst.subscales] == ["met", "not-met"] and inst.items == ()
    own["subscales"] = [{"id": "worry", "title": "W"}]
    with pytest.raises(ContentInvalid, match="own_items instrument has exactly two scores"):
        parse_instrument(own, "x.toml")
    own["subscales"] = []
    own["items"] = data["items"]
    with pytest.raises(ContentInvalid, match="has no fixed"):
        parse_instrument(own, "x.toml")


def test_toml_syntax_errors_name_the_file() -> None:
    with pytest.raises(ContentInvalid, match="not valid TOML") as caught:
        parse_toml('schema = 1\nid = "x', "broken.toml")
    assert caught.value.source == "broken.toml"


def test_the_shipped_questionnaires_pass_and_are_reflection_tools() -> None:
    checked = validate_all()
    shipped = load_builtin_instruments()
    assert shipped, "no built-in questionnaires"
    for inst in shipped:
        assert f"instruments/en/{inst.id}.toml" in checked
        assert inst.kind == "reflection" and inst.locale == "en"
        assert inst.does and inst.does_not
    assert any(i.has_safety for i in shipped), "the safety check needs danger thresholds"
    assert [i.group for i in shipped] == sorted(
        (i.group for i in shipped),
        key=("me", "partner", "us", "decision", "safety", "dating", "loaded").index,
    )


def test_a_file_from_before_derived_thresholds_still_opens(data: Data) -> None:
    """Older files typed `smallest_change` and could name a lone `reliability`: both are
    read and set aside (the rule of thumb applies), so a file someone loaded still opens."""
    distance = data["subscales"][1]
    distance["smallest_change"] = 1.5
    distance["reliability"] = 0.8
    inst = parse_instrument(data, "older.toml")
    assert inst.subscales[1].basis.kind == "rule of thumb"
