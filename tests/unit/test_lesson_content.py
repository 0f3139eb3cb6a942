"""The lessons' files: every shipped lesson loads and the concept map is covered; a broken
file is named with the reason (missing field, unknown concept, duplicate id, ...)."""

from __future__ import annotations

from typing import Any

import pytest

from clearheart.content.lesson_copy import load_lessons, validate_lessons
from clearheart.errors import ContentInvalid, NotFound

REQUIRED = (
    {f"A{i}" for i in range(1, 9)}
    | {f"B{i}" for i in range(1, 9)}
    | {
        "C1",
        "C3",
        "D1",
        "D2",
        "D4",
        "D5",
        "D6",
        "D7",
        "E1",
        "E2",
        "E3",
        "E4",
        "F1",
        "F2",
        "F3",
        "F4",
        "F5",
    }
)
"""The concepts issue 15 asks the lessons to carry (PRODUCT.md's concept map)."""

REFS: dict[str, Any] = {
    "schema": 1,
    "locale": "en",
    "reference": [
        {"id": "bowlby", "cite": "Bowlby (1969)", "found": "A bond.", "limits": "Children."}
    ],
}


def lesson(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "schema": 1,
        "locale": "en",
        "id": "the-loop",
        "version": 1,
        "order": 4,
        "title": "A title",
        "summary": "A line.",
        "concepts": ["A4"],
        "coaching": False,
        "evidence": ["chat-loop", "cycle-map"],
        "references": ["bowlby"],
        "try_this": "Draw it.",
        "paragraphs": ["One.", "Two."],
    }
    return {k: v for k, v in (base | changes).items() if v is not None}


def check(
    files: dict[str, dict[str, Any]],
    refs: dict[str, Any] = REFS,
    moments: dict[str, str] | None = None,
) -> str:
    with pytest.raises(ContentInvalid) as caught:
        validate_lessons(files, refs, "en", {} if moments is None else moments)
    return caught.value.message


def test_the_shipped_lessons_load_in_order_and_cover_the_concepts() -> None:
    lessons = load_lessons()
    assert 18 <= len(lessons.lessons) <= 22
    assert [x.order for x in lessons.lessons] == sorted(x.order for x in lessons.lessons)
    assert {c for x in lessons.lessons for c in x.concepts} >= REQUIRED
    cited = {r for x in lessons.lessons for r in x.references}
    assert cited == {r.id for r in lessons.references}, "every source is cited, and only those"
    assert lessons.lesson("the-loop").concepts == ("A4",)
    with pytest.raises(NotFound):
        lessons.lesson("no-such-lesson")


def test_a_good_file_loads() -> None:
    found = validate_lessons({"04-the-loop.toml": lesson()}, REFS, "en", {"loop": "the-loop"})
    assert found.lessons[0].id == "the-loop" and found.cited_by(found.lessons[0])[0].id == "bowlby"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"title": None}, "missing field 'title' in the lesson"),
        ({"try_this": None}, "missing field 'try_this'"),
        ({"extra": "x"}, "unknown field 'extra'"),
        ({"concepts": ["A9"]}, "unknown concept id 'A9'"),
        ({"concepts": []}, "'concepts' must be a list of non-empty strings"),
        ({"evidence": ["chat-mood"]}, "unknown evidence id 'chat-mood'"),
        ({"references": ["gottman"]}, "unknown reference 'gottman'"),
        ({"coaching": "yes"}, "'coaching' must be true or false"),
        ({"paragraphs": ["", "x"]}, "'paragraphs' must be a list of non-empty strings"),
        ({"order": 0}, "'order' must be a whole number"),
        ({"id": "The Loop"}, "must be lower-case words joined by -"),
        ({"locale": "de"}, "expected schema = 1 and locale = 'en'"),
    ],
)
def test_a_broken_lesson_is_named_with_the_reason(changes: dict[str, Any], words: str) -> None:
    message = check({"04-the-loop.toml": lesson(**changes)})
    assert "lessons/en/04-the-loop.toml" in message and words in message


def test_ids_and_orders_are_unique_and_files_are_named_after_them() -> None:
    twice = {"04-the-loop.toml": lesson(), "05-the-loop.toml": lesson(order=5)}
    assert "duplicate lesson id 'the-loop'" in check(twice)
    orders = {"04-the-loop.toml": lesson(), "04-b.toml": lesson(id="b")}
    assert "duplicate order id '4'" in check(orders)
    assert "name the file 04-the-loop.toml" in check({"the-loop.toml": lesson()})
    assert "no lessons found" in check({})


def test_a_broken_sources_file_is_named() -> None:
    twice = REFS | {"reference": REFS["reference"] * 2}
    assert "duplicate reference id 'bowlby'" in check({"04-the-loop.toml": lesson()}, twice)
    thin = REFS | {"reference": [{"id": "x", "cite": "c", "found": "f"}]}
    assert "missing field 'limits' in reference #1" in check({}, thin)


def test_every_lesson_a_page_offers_must_exist() -> None:
    files = {"04-the-loop.toml": lesson()}
    message = check(files, moments={"chat-loop": "the-loop", "pause": "not-a-verdict"})
    assert message.endswith("no lesson 'not-a-verdict', offered at 'pause'")
