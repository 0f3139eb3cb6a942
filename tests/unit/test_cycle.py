"""The cycle map's rules: roles in loop order, clean text, stable ids, files written by hand."""

from __future__ import annotations

import copy
import json
import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearheart.content.cycle_copy import load_cycle_copy, validate_cycle_file
from clearheart.content.loader import validate_all
from clearheart.domain.cycle import (
    MAX_PER_ROLE,
    MAX_STEPS,
    MAX_TEXT,
    ROLES,
    CycleMap,
    Step,
    clean_line,
    clean_map,
    keep_ids,
    map_data,
    map_from_data,
    parse_map_text,
)
from clearheart.errors import ContentInvalid, InvalidInput


def cmap(*steps: tuple[str, str], title: str = "Mine", ids: tuple[str, ...] = ()) -> CycleMap:
    given_ids = ids or ("",) * len(steps)
    return CycleMap(None, title, tuple(Step(i, r, t) for i, (r, t) in zip(given_ids, steps,
                                                                              strict=True)))


def field_of(cycle: CycleMap, known: tuple[str, ...] = ()) -> str:
    with pytest.raises(InvalidInput) as caught:
        clean_map(cycle, known)
    return caught.value.field


def test_steps_are_put_in_loop_order_keeping_order_within_a_role() -> None:
    cleaned = clean_map(cmap(("partner_action", "they go quiet"), ("my_action", "I text"),
                             ("trigger", "a slow reply"), ("my_action", "I text again"),
                             ("partner_feeling", "maybe crowded"), ("my_feeling", "scared")))
    assert [s.role for s in cleaned.steps] == ["trigger", "my_feeling", "my_action",
                                               "my_action", "partner_feeling", "partner_action"]
    assert [s.text for s in cleaned.steps if s.role == "my_action"] == ["I text", "I text again"]
    assert ROLES == ("trigger", "my_feeling", "my_action", "partner_feeling", "partner_action")


def test_text_and_title_are_cleaned() -> None:
    cleaned = clean_map(cmap(("trigger", "  a  slow\r\nreply\t \x00 "), title="  Our\nloop "))
    assert cleaned.title == "Our loop"
    assert cleaned.steps[0].text == "a slow reply"
    assert clean_line("Cafe\u0301 ") == "Caf\u00e9"


def test_new_steps_get_fresh_ids_that_skip_known_ones() -> None:
    cleaned = clean_map(cmap(("trigger", "a"), ("my_action", "b"), ("my_action", "c"),
                             ids=("", "s2", "")), known_ids=("s7", "mine"))
    assert [s.id for s in cleaned.steps] == ["s8", "s2", "s9"]


@pytest.mark.parametrize(("cycle", "field"), [
    (cmap(("trigger", "a"), title="  "), "title"),
    (cmap(("trigger", "a"), title="t" * 101), "title"),
    (cmap(), "steps"),
    (cmap(*[("trigger", "a")] * 2, *[("my_action", "b")] * 4, *[("my_feeling", "c")] * 4,
          *[("partner_action", "d")] * 3), "steps"),
    (cmap(*[("my_action", "b")] * (MAX_PER_ROLE + 1)), "steps"),
    (cmap(("trigger", "a"), ("villain", "b")), "steps[2].role"),
    (cmap(("trigger", "a"), ("my_action", " \n ")), "steps[2].text"),
    (cmap(("trigger", "x" * (MAX_TEXT + 1))), "steps[1].text"),
    (cmap(("trigger", "a"), ("my_action", "b"), ids=("s1", "s1")), "steps[2].id"),
    (cmap(("trigger", "a"), ids=("Not An Id",)), "steps[1].id"),
    (cmap(("trigger", "a"), ids=("x" * 41,)), "steps[1].id"),
])
def test_each_rule_names_the_field_at_fault(cycle: CycleMap, field: str) -> None:
    assert field_of(cycle) == field


def test_limits_are_generous_enough_for_a_full_map() -> None:
    full = cmap(*[(role, "words " * 33) for role in ROLES for _ in range(2)],
                ("trigger", "x" * MAX_TEXT), ("my_action", "y"))
    assert len(full.steps) == MAX_STEPS
    assert len(clean_map(full).steps) == MAX_STEPS


def test_keep_ids_gives_an_unchanged_step_its_old_id_once() -> None:
    previous = (Step("s1", "trigger", "a slow reply"), Step("s2", "my_action", "I text"))
    steps = keep_ids((Step("", "trigger", " a slow  reply "), Step("", "my_action", "I text"),
                      Step("", "my_action", "I text"), Step("", "partner_action", "quiet")),
                     previous)
    assert [s.id for s in steps] == ["s1", "s2", "", ""]
    taken = keep_ids((Step("s2", "trigger", "other"), Step("", "my_action", "I text")), previous)
    assert [s.id for s in taken] == ["s2", ""]  # s2 is already given to another step


def test_json_and_toml_files_are_read_with_their_shape_checked() -> None:
    as_json = json.dumps({"title": "Mine", "steps": [{"role": "trigger", "text": "a"},
                                                     {"id": "s4", "role": "my_action",
                                                      "text": "b", "log_entries": 3}]})
    title, steps = parse_map_text(as_json, "json")
    assert title == "Mine" and steps == (Step("", "trigger", "a"), Step("s4", "my_action", "b"))
    as_toml = 'title = "Mine"\n[[step]]\nrole = "trigger"\ntext = "a"\n'
    assert parse_map_text(as_toml, "toml") == ("Mine", (Step("", "trigger", "a"),))
    assert parse_map_text('steps = [{role = "trigger", text = "a"}]', "toml")[0] is None


@pytest.mark.parametrize(("text", "fmt", "field"), [
    ("{not json", "json", "file"),
    ("title = ", "toml", "file"),
    ("[1, 2]", "json", "file"),
    ('{"title": "x", "steps": [], "colour": 1}', "json", "file"),
    ('{"title": "x"}', "json", "steps"),
    ('{"title": "x", "steps": []}', "json", "steps"),
    ('{"title": 3, "steps": [{"role": "trigger", "text": "a"}]}', "json", "title"),
    ('{"steps": ["a"]}', "json", "steps[1]"),
    ('{"steps": [{"role": "trigger"}]}', "json", "steps[1].text"),
    ('{"steps": [{"role": 1, "text": "a"}]}', "json", "steps[1].role"),
    ('{"steps": [{"role": "trigger", "text": "a", "id": 4}]}', "json", "steps[1].id"),
    ('{"steps": [{"role": "trigger", "text": "a", "when": 4}]}', "json", "steps[1]"),
    ('steps = [{role = "trigger", text = "a"}]\n[[step]]\nrole = "x"\ntext = "y"', "toml",
     "steps"),
    ("", "yaml", "format"),
])
def test_a_bad_file_names_what_is_wrong(text: str, fmt: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_map_text(text, fmt)
    assert caught.value.field == field


def test_map_data_reads_back_as_the_same_map() -> None:
    cleaned = clean_map(cmap(("trigger", "a"), ("partner_feeling", "maybe tired")))
    title, steps = map_from_data(json.loads(json.dumps(map_data(cleaned))))
    assert clean_map(CycleMap(None, title or "", steps)) == cleaned


@given(st.lists(st.tuples(st.sampled_from(ROLES), st.text(max_size=60)), min_size=1,
                max_size=MAX_STEPS))
def test_clean_map_either_refuses_or_returns_a_valid_map(raw: list[tuple[str, str]]) -> None:
    cycle = cmap(*raw)
    try:
        cleaned = clean_map(cycle)
    except InvalidInput as exc:
        field = exc.field
        cleaned = None
    if cleaned is None:
        assert field.startswith(("steps", "title"))
        return
    assert clean_map(cleaned) == cleaned  # cleaning twice changes nothing
    assert len({s.id for s in cleaned.steps}) == len(cleaned.steps)
    assert all(s.text and len(s.text) <= MAX_TEXT for s in cleaned.steps)


# --- the shipped wording ------------------------------------------------------------------


def _file() -> dict[str, Any]:
    from importlib import resources

    text = resources.files("clearheart.content").joinpath("cycle", "en.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_the_shipped_wording_loads_and_is_checked_with_the_rest() -> None:
    copy_ = load_cycle_copy()
    assert list(copy_.roles) == list(ROLES)
    assert "cycle/en.toml" in validate_all()
    assert len(copy_.example.steps) == 5
    assert {s.role for s in copy_.example.steps} == set(ROLES)
    words = " ".join(copy_.paragraphs).lower()
    for idea in ("blame", "first step", "safety"):
        assert idea in words
    assert "avoidant" not in words
    assert "guess" in copy_.roles["partner_feeling"].label


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d.update(schema=2), "schema"),
    (lambda d: d.update(colour="blue"), "unknown key"),
    (lambda d: d["page"].pop("lead"), "'page' needs exactly"),
    (lambda d: d["explanation"].update(paragraphs=[]), "non-empty list"),
    (lambda d: d["explanation"].update(paragraphs=["ok", " "]), "#2 of the explanation"),
    (lambda d: d["role"].pop(), "missing role 'partner_action'"),
    (lambda d: d["role"].append(dict(d["role"][0])), "listed twice"),
    (lambda d: d["role"][0].update(id="villain"), "unknown role"),
    (lambda d: d["example"]["step"][0].update(role="villain"), "the example: steps[1].role"),
    (lambda d: d["example"].update(title=""), "the example: title"),
])
def test_each_rule_of_the_wording_file_rejects_a_bad_file(change: Any, reason: str) -> None:
    data = copy.deepcopy(_file())
    change(data)
    with pytest.raises(ContentInvalid) as caught:
        validate_cycle_file(data, "cycle/en.toml", "en")
    assert reason in caught.value.reason
