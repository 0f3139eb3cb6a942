"""The built-in reflection questionnaires: they parse, they are framed as reflection, never
as labels, and the safety questionnaire catches danger."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from clearheart.content.instruments import load_builtin_instruments
from clearheart.domain.assess import (
    OWN_MET,
    OWN_NOT_MET,
    Instrument,
    danger_signs,
    parse_instrument,
    score,
)

LICENCE = "Written for Clearheart. A reflection tool, not a clinical test."
GROUPS = {
    "closeness-and-worry": "me",
    "how-i-see-us": "partner",
    "our-conflict-pattern": "us",
    "how-satisfied": "us",
    "my-needs": "me",
    "where-things-stand": "decision",
    "am-i-safe": "safety",
    "dating-again": "dating",
}
CONCEPTS = {
    "how-i-see-us": {"A1", "A7"},
    "our-conflict-pattern": {"A4"},
    "my-needs": {"C1"},
    "where-things-stand": {"D1", "D2", "D4"},
    "am-i-safe": {"E2", "E3", "E4"},
    "dating-again": {"F1", "F2", "F3", "F4"},
}
LABELS = re.compile(
    r"\b(avoidants?|narcissis\w*|toxic|needy|clingy|psychopath\w*|sociopath\w*|abusers?"
    r"|commitment[- ]phobe|emotionally unavailable|you should (leave|stay)"
    r"|your (attachment )?(type|style))\b"
)
FIRST_PERSON = re.compile(r"\b(I|I'm|me|my|we|us|our)\b", re.IGNORECASE)
MAX_ITEM = 140


def _all() -> dict[str, Instrument]:
    return {instrument.id: instrument for instrument in load_builtin_instruments()}


def _texts(instrument: Instrument) -> list[str]:
    texts = [
        instrument.title,
        instrument.about,
        instrument.does,
        instrument.does_not,
        *instrument.examples,
        *instrument.scale.labels.values(),
    ]
    for item in instrument.items:
        texts += [item.text, *item.scale.labels.values()]
    for sub in instrument.subscales:
        texts += [sub.title, sub.low, sub.high]
    return texts


def test_all_eight_built_ins_load_with_their_groups() -> None:
    instruments = _all()
    assert {i: instruments[i].group for i in instruments} == GROUPS


def test_each_file_parses_on_its_own_and_matches_its_name() -> None:
    folder = resources.files("clearheart.content.instruments").joinpath("en")
    names = sorted(e.name for e in folder.iterdir() if e.name.endswith(".toml"))
    assert names == sorted(f"{i}.toml" for i in GROUPS)
    for name in names:
        data = tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        assert data["group"] == GROUPS[name.removesuffix(".toml")]
        instrument = parse_instrument(data, f"instruments/en/{name}")
        assert instrument.id == name.removesuffix(".toml")


@pytest.mark.parametrize("instrument_id", sorted(GROUPS))
def test_each_is_a_reflection_tool_without_norms(instrument_id: str) -> None:
    instrument = _all()[instrument_id]
    assert instrument.kind == "reflection"
    assert instrument.licence == LICENCE
    assert instrument.citation == ""
    assert instrument.norms == ()
    assert instrument.locale == "en"
    assert 1 <= instrument.minutes <= 6
    assert CONCEPTS.get(instrument_id, set()) <= set(instrument.concepts)
    assert instrument.concepts
    assert "precise" in instrument.does_not.lower()


@pytest.mark.parametrize("instrument_id", sorted(GROUPS))
def test_no_text_labels_the_partner_or_gives_a_verdict(instrument_id: str) -> None:
    for text in _texts(_all()[instrument_id]):
        assert not LABELS.search(text.lower()), f"{instrument_id}: {text}"


@pytest.mark.parametrize("instrument_id", sorted(GROUPS))
def test_items_are_short_and_in_the_first_person(instrument_id: str) -> None:
    instrument = _all()[instrument_id]
    for item in instrument.items:
        assert len(item.text) <= MAX_ITEM, item.id
        assert FIRST_PERSON.search(item.text) or instrument.per_person, item.id
    for example in instrument.examples:
        assert len(example) <= 40


@pytest.mark.parametrize("instrument_id", sorted(GROUPS))
def test_our_own_wording_has_no_published_figures_so_a_rule_of_thumb(instrument_id: str) -> None:
    for sub in _all()[instrument_id].subscales:
        assert sub.basis.kind == "rule of thumb" and sub.basis.source == "", sub.id


def test_partner_items_describe_what_the_user_notices() -> None:
    instrument = _all()["how-i-see-us"]
    for item in instrument.items:
        assert re.search(r"\bI (notice|find)\b|\bto me\b", item.text), item.id
    assert "what you notice, not who your partner is" in instrument.does_not


def test_closeness_has_two_short_subscales_with_reverse_items() -> None:
    instrument = _all()["closeness-and-worry"]
    assert [s.id for s in instrument.subscales] == ["worry", "distance"]
    for sub in instrument.subscales:
        assert len(sub.items) == 6
        assert any(item.reverse for item in instrument.items if item.id in sub.items)
    assert (instrument.scale.min, instrument.scale.max) == (1, 7)


def test_conflict_pattern_runs_both_ways_and_counts_what_goes_well() -> None:
    instrument = _all()["our-conflict-pattern"]
    ids = {s.id for s in instrument.subscales}
    assert {"i-pursue", "partner-pursues", "goes-well"} <= ids
    which = instrument.subscale("which-way")
    assert which is not None
    assert (which.combine, which.subtract) == (("i-pursue",), "partner-pursues")
    me_first = {i.id: 4 for i in instrument.items if i.subscale == "i-pursue"}
    they_first = {i.id: 0 for i in instrument.items if i.subscale == "partner-pursues"}
    well = {i.id: 2 for i in instrument.items if i.subscale == "goes-well"}
    values = {s.subscale: s.value for s in score(instrument, {**me_first, **they_first, **well})}
    assert values == {"i-pursue": 4, "partner-pursues": 0, "which-way": 4, "goes-well": 2}


def test_decision_evidence_is_never_a_verdict() -> None:
    instrument = _all()["where-things-stand"]
    assert [s.id for s in instrument.subscales] == ["healing", "letting-go", "change-cues"]
    assert "not an answer" in instrument.does_not
    assert "choice stays with you" in instrument.does_not


def test_the_safety_questionnaire_has_danger_thresholds() -> None:
    instruments = _all()
    safe = instruments["am-i-safe"]
    assert [s.id for s in safe.subscales] == ["worn-down", "control-harm", "self-talk", "fear"]
    thresholds = {item.id: item.safety for item in safe.items if item.safety is not None}
    assert len(thresholds) >= 8
    assert sum(1 for t in thresholds.values() if t == 1) >= 5
    for item_id in ("f1", "f4", "x4", "x6", "x7"):  # afraid, unsafe, threats, hurt, coerced
        assert thresholds[item_id] == 1
    control = [i for i in safe.items if i.subscale == "control-harm"]
    assert all(i.safety is not None for i in control)
    quiet = {item.id: 0 for item in safe.items}
    assert danger_signs(safe, quiet) == ()
    assert danger_signs(safe, {**quiet, "f1": 1}) == ("f1",)
    assert danger_signs(safe, {**quiet, "x2": 1}) == ()
    assert danger_signs(safe, {**quiet, "x2": 2, "t1": 3}) == ("x2",)
    assert "safety resources first" in safe.about
    assert "coaching" in safe.about
    assert "never excuse" in safe.does_not
    others = [i for i in instruments.values() if i.id != "am-i-safe"]
    assert not any(i.has_safety for i in others)


def test_my_needs_is_own_items_with_examples() -> None:
    needs = _all()["my-needs"]
    assert needs.own_items and not needs.per_person
    assert needs.items == ()
    assert 10 <= len(needs.examples) <= 15
    assert len(set(needs.examples)) == len(needs.examples)
    assert [s.id for s in needs.subscales] == [OWN_MET, OWN_NOT_MET]
    assert all(s.low and s.high for s in needs.subscales)
    sheet = {
        "needs": [
            {"name": "Feeling listened to", "rating": 1},
            {"name": "Time together", "rating": 5},
        ]
    }
    assert {s.subscale: s.value for s in score(needs, sheet)} == {OWN_MET: 3, OWN_NOT_MET: 1}


def test_dating_again_is_kept_per_person() -> None:
    dating = _all()["dating-again"]
    assert dating.per_person and not dating.own_items
    assert (dating.scale.min, dating.scale.max) == (0, 2)
    assert {"steady", "close", "needs", "watch", "my-pulls"} == {s.id for s in dating.subscales}


def test_only_dating_is_per_person_and_only_needs_has_own_items() -> None:
    instruments = _all()
    assert [i for i in instruments if instruments[i].per_person] == ["dating-again"]
    assert [i for i in instruments if instruments[i].own_items] == ["my-needs"]


@pytest.mark.parametrize("instrument_id", sorted(set(GROUPS) - {"my-needs"}))
def test_a_full_sheet_scores_every_subscale_within_its_range(instrument_id: str) -> None:
    instrument = _all()[instrument_id]
    for pick in (min, max):
        sheet = {i.id: pick(i.scale.points) for i in instrument.items}
        for result in score(instrument, sheet):
            sub = instrument.subscale(result.subscale)
            assert sub is not None and result.value is not None
            assert sub.minimum <= result.value <= sub.maximum
