"""The cycle map drawn as SVG: valid, accessible, escaped, deterministic, an arrow per step."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.content.cycle_copy import load_cycle_copy
from clearheart.domain.cycle import MAX_STEPS, ROLES, CycleMap, Step, clean_map
from clearheart.domain.cycle_diagram import (
    NARROW_WIDTH,
    WIDTH,
    describe,
    layout,
    render_svg,
    wrap,
)
from clearheart.errors import InvalidInput

NS = "{http://www.w3.org/2000/svg}"
LABELS = load_cycle_copy().labels


def make(count: int, text: str = "step {n} of the loop, in a few plain words") -> CycleMap:
    roles = [ROLES[n % len(ROLES)] for n in range(count)]
    steps = tuple(Step("", role, text.format(n=n + 1)) for n, role in enumerate(roles))
    return clean_map(CycleMap(7, "Our loop", steps))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def steps_of(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if g.get("class") == "step"]


def arrows_of(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == "arrow"]


def box_text(group: ET.Element) -> str:
    text = next(t for t in group.iter(f"{NS}text") if t.get("class") == "step-text")
    return " ".join(span.text or "" for span in text.iter(f"{NS}tspan"))


@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("count", [1, 2, 3, 5, 6, 9, MAX_STEPS])
def test_every_step_is_a_box_with_its_words_and_one_arrow_leaves_it(count: int,
                                                                   narrow: bool) -> None:
    cycle = make(count)
    root = parse(render_svg(cycle, LABELS, narrow=narrow))
    groups = steps_of(root)
    assert [g.get("data-step") for g in groups] == [s.id for s in cycle.steps]
    for group, step in zip(groups, cycle.steps, strict=True):
        assert box_text(group) == step.text
        assert group.get("data-role") == step.role
        assert group.find(f"{NS}rect") is not None
    arrows = arrows_of(root)
    assert len(arrows) == count
    ids = [s.id for s in cycle.steps]
    pairs = [(a.get("data-from"), a.get("data-to")) for a in arrows]
    assert pairs == [(ids[n], ids[(n + 1) % count]) for n in range(count)]  # round and back
    assert all(a.get("marker-end") == "url(#cycle-head)" for a in arrows)
    width = float(root.get("viewBox", "").split()[2])
    assert width == (NARROW_WIDTH if narrow else WIDTH)


def test_it_is_accessible_and_says_the_whole_loop() -> None:
    cycle = make(5)
    root = parse(render_svg(cycle, LABELS, id_prefix="m1"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "m1-title m1-desc"
    assert root.find(f"{NS}title").text == "Our loop"  # type: ignore[union-attr]
    desc = root.find(f"{NS}desc")
    assert desc is not None and desc.get("id") == "m1-desc"
    assert desc.text == describe(cycle, LABELS)
    for step in cycle.steps:
        assert step.text in (desc.text or "")
    assert "starts again" in (desc.text or "")
    labels = [t for t in root.iter(f"{NS}text") if t.get("class") == "role"]
    assert "".join(labels[3].itertext()).startswith("4. What they may feel")


def test_all_text_is_escaped() -> None:
    nasty = 'He said "fine" & left </text><script>alert(1)</script> \x01'
    cycle = CycleMap(1, "<b>Us</b> & \"them\"", (Step("s1", "trigger", nasty),
                                               Step("a&b", "my_action", "ok")))
    svg = render_svg(cycle, {"trigger": "<When>", "my_action": "I & me"}, heading=True,
                     notes={"s1": "<3 entries>"})
    assert "<script>" not in svg and "<b>" not in svg
    root = parse(svg)
    group = steps_of(root)[0]
    clean = nasty.replace("\x01", "")  # a control character is not XML; it is dropped
    assert group.find(f"{NS}title").text == f"1. <When>: {clean}"  # type: ignore[union-attr]
    assert "</script>" in box_text(group)
    assert root.find(f"{NS}title").text == '<b>Us</b> & "them"'  # type: ignore[union-attr]
    assert steps_of(root)[1].get("data-step") == "a&b"
    notes = [t.text for t in root.iter(f"{NS}text") if t.get("class") == "note"]
    assert notes == ["<3 entries>"]


def test_counts_heading_and_background_only_when_asked() -> None:
    cycle = make(3)
    plain = parse(render_svg(cycle, LABELS))
    assert not [t for t in plain.iter(f"{NS}text") if t.get("class") in ("note", "heading")]
    assert plain.find(f"{NS}rect") is None  # inline: the page shows through
    full = parse(render_svg(cycle, LABELS, heading=True,
                            notes={cycle.steps[1].id: "2 log entries"}))
    notes = [(g.get("data-step"), t.text) for g in steps_of(full) for t in g.iter(f"{NS}text")
             if t.get("class") == "note"]
    assert notes == [(cycle.steps[1].id, "2 log entries")]
    heading = [t.text for t in full.iter(f"{NS}text") if t.get("class") == "heading"]
    assert heading == ["Our loop"]
    assert full.find(f"{NS}rect") is not None


def test_it_prints_in_black_and_white_and_needs_no_css() -> None:
    cycle = make(5)
    svg = render_svg(cycle, LABELS, heading=True)
    assert "style" not in svg  # a strict Content-Security-Policy blocks style attributes
    root = parse(svg)
    dashed = {step.role for step, g in zip(cycle.steps, steps_of(root), strict=True)
              if g.find(f"{NS}rect").get("stroke-dasharray")}  # type: ignore[union-attr]
    assert dashed == {"partner_feeling", "partner_action"}  # told apart without colour


def test_a_file_on_its_own_carries_no_metadata_of_the_app() -> None:
    """A downloaded drawing shows the person's words and nothing else: no class naming the
    map, no role names (they say "partner"); inline in the page, both stay."""
    cycle = make(5)
    alone = render_svg(cycle, LABELS, heading=True, id_prefix="drawing")
    assert "cycle" not in alone.lower() and "partner" not in alone.lower()
    assert "data-role" not in alone
    assert parse(alone).get("aria-labelledby") == "drawing-title drawing-desc"
    inline = parse(render_svg(cycle, LABELS))
    assert inline.get("class") == "cycle-svg"
    assert [g.get("data-role") for g in steps_of(inline)] == [s.role for s in cycle.steps]


def test_the_same_map_always_draws_the_same_svg() -> None:
    cycle = make(7)
    assert render_svg(cycle, LABELS) == render_svg(cycle, LABELS)
    assert not re.search(r"\d\.\d{2,}", render_svg(cycle, LABELS))  # rounded coordinates


def test_boxes_never_overlap_and_stay_inside_the_drawing() -> None:
    for count in range(1, MAX_STEPS + 1):
        for narrow in (False, True):
            boxes = layout(make(count, "word " * 38), LABELS, narrow=narrow)
            width = NARROW_WIDTH if narrow else WIDTH
            for n, a in enumerate(boxes):
                assert a.x >= 0 and a.x + a.width <= width
                for b in boxes[n + 1:]:
                    apart = (a.x + a.width <= b.x or b.x + b.width <= a.x
                             or a.y + a.height <= b.y or b.y + b.height <= a.y)
                    assert apart, (count, narrow, a.number, b.number)


def test_wrap_keeps_every_word_and_splits_only_overlong_ones() -> None:
    lines = wrap("a tight worry that I matter less to them than they do to me", 15, 196)
    assert " ".join(lines) == "a tight worry that I matter less to them than they do to me"
    assert all(len(line) <= 23 for line in lines)
    long = wrap("x" * 60, 15, 196)
    assert "".join(line.rstrip("-") for line in long) == "x" * 60
    assert wrap("", 15, 196) == ("",)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ROLES), st.text(min_size=1, max_size=200)),
                min_size=1, max_size=MAX_STEPS),
       st.text(min_size=1, max_size=100))
def test_any_valid_map_draws_as_well_formed_svg(raw: list[tuple[str, str]], title: str) -> None:
    try:
        cycle = clean_map(CycleMap(None, title, tuple(Step("", r, t) for r, t in raw)))
    except InvalidInput:  # maps the rules refuse are not drawn
        return
    root = parse(render_svg(cycle, LABELS, heading=True))
    assert len(steps_of(root)) == len(arrows_of(root)) == len(cycle.steps)
