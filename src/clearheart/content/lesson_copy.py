"""The lessons (lessons/<locale>/NN-<id>.toml) and the research they rest on
(lessons/sources/<locale>.toml), loaded and checked strictly.

Every rule a file breaks raises ContentInvalid naming the file and the reason: a missing
or unknown field, a concept id the product brief does not define, an evidence id no
source gives, a reference that is not on the sources page, an id used twice, or a file
name that does not match its id and order (so ids stay stable: pages link to them), or
a set of lessons lacking one that a page offers at the moment it matters (MOMENTS).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from clearheart.domain.lessons import EVIDENCE_IDS, LESSON_ID, MOMENTS, Lesson, Reference
from clearheart.domain.prompts import CONCEPT_IDS
from clearheart.errors import ContentInvalid, NotFound

_LESSON_KEYS = (
    "schema",
    "locale",
    "id",
    "version",
    "order",
    "title",
    "summary",
    "concepts",
    "coaching",
    "evidence",
    "references",
    "try_this",
    "paragraphs",
)
_REFERENCE_KEYS = ("id", "cite", "found", "limits")


@dataclass(frozen=True, slots=True)
class Lessons:
    """Every lesson in reading order, and the references they cite."""

    lessons: tuple[Lesson, ...]
    references: tuple[Reference, ...]

    def lesson(self, lesson_id: str) -> Lesson:
        """One lesson; NotFound for an id no lesson has."""
        found = next((x for x in self.lessons if x.id == lesson_id), None)
        if found is None:
            raise NotFound("lesson", lesson_id)
        return found

    def cited_by(self, lesson: Lesson) -> tuple[Reference, ...]:
        return tuple(r for r in self.references if r.id in lesson.references)


def _keys(table: Mapping[str, Any], keys: tuple[str, ...], source: str, where: str) -> None:
    for key in table:
        if key not in keys:
            raise ContentInvalid(source, f"unknown field {key!r} in {where}")
    for key in keys:
        if key not in table:
            raise ContentInvalid(source, f"missing field {key!r} in {where}")


def _text(table: Mapping[str, Any], key: str, source: str) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise ContentInvalid(source, f"{key!r} must be a non-empty string")
    return value.strip()


def _texts(
    table: Mapping[str, Any], key: str, source: str, *, empty: bool = False
) -> tuple[str, ...]:
    value = table[key]
    if (
        not isinstance(value, list)
        or (not value and not empty)
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise ContentInvalid(source, f"{key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _whole(table: Mapping[str, Any], key: str, source: str) -> int:
    value = table[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ContentInvalid(source, f"{key!r} must be a whole number of 1 or more")
    return value


def _header(data: Mapping[str, Any], source: str, locale: str) -> None:
    if data.get("schema") != 1 or data.get("locale") != locale:
        raise ContentInvalid(source, f"expected schema = 1 and locale = {locale!r}")


def validate_lesson(
    data: Mapping[str, Any], source: str, locale: str, references: Iterable[str]
) -> Lesson:
    """One lesson file's table as a Lesson; `references` are the known reference ids."""
    _keys(data, _LESSON_KEYS, source, "the lesson")
    _header(data, source, locale)
    lesson_id = _text(data, "id", source)
    if not LESSON_ID.match(lesson_id):
        raise ContentInvalid(source, f"id {lesson_id!r} must be lower-case words joined by -")
    concepts = _texts(data, "concepts", source)
    unknown = [c for c in concepts if c not in CONCEPT_IDS]
    if unknown:
        raise ContentInvalid(source, f"unknown concept id {unknown[0]!r} (see PRODUCT.md)")
    evidence = _texts(data, "evidence", source)
    unknown = [e for e in evidence if e not in EVIDENCE_IDS]
    if unknown:
        raise ContentInvalid(source, f"unknown evidence id {unknown[0]!r}")
    cited, known = _texts(data, "references", source), set(references)
    unknown = [r for r in cited if r not in known]
    if unknown:
        raise ContentInvalid(source, f"unknown reference {unknown[0]!r}")
    if not isinstance(data["coaching"], bool):
        raise ContentInvalid(source, "'coaching' must be true or false")
    return Lesson(
        id=lesson_id,
        version=_whole(data, "version", source),
        order=_whole(data, "order", source),
        title=_text(data, "title", source),
        summary=_text(data, "summary", source),
        concepts=concepts,
        paragraphs=_texts(data, "paragraphs", source),
        try_this=_text(data, "try_this", source),
        evidence=evidence,
        references=cited,
        coaching=data["coaching"],
    )


def validate_references(data: Mapping[str, Any], source: str, locale: str) -> tuple[Reference, ...]:
    """The sources file: [[reference]] tables with unique ids."""
    _keys(data, ("schema", "locale", "reference"), source, "the file")
    _header(data, source, locale)
    tables = data["reference"]
    if not isinstance(tables, list) or not tables:
        raise ContentInvalid(source, "expected [[reference]] tables")
    found: list[Reference] = []
    for n, table in enumerate(tables, 1):
        if not isinstance(table, Mapping):
            raise ContentInvalid(source, f"reference #{n} must be a table")
        _keys(table, _REFERENCE_KEYS, source, f"reference #{n}")
        found.append(Reference(*(_text(table, k, source) for k in _REFERENCE_KEYS)))
    _unique((r.id for r in found), source, "reference")
    return tuple(found)


def _unique(ids: Iterable[str], source: str, what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ContentInvalid(source, f"duplicate {what} id {item!r}")
        seen.add(item)


def validate_lessons(
    files: Mapping[str, Mapping[str, Any]],
    references: Mapping[str, Any],
    locale: str,
    moments: Mapping[str, str] = MOMENTS,
) -> Lessons:
    """Every lesson file (name → table) with the sources file: checked one by one, then
    together (unique ids and orders; each file named NN-<id>.toml after its order and id;
    a lesson for every place in `moments`).
    """
    refs = validate_references(references, f"lessons/sources/{locale}.toml", locale)
    lessons = []
    for name, data in sorted(files.items()):
        source = f"lessons/{locale}/{name}"
        lesson = validate_lesson(data, source, locale, (r.id for r in refs))
        if name != f"{lesson.order:02d}-{lesson.id}.toml":
            raise ContentInvalid(source, f"name the file {lesson.order:02d}-{lesson.id}.toml")
        lessons.append(lesson)
    if not lessons:
        raise ContentInvalid(f"lessons/{locale}/", "no lessons found")
    _unique((x.id for x in lessons), f"lessons/{locale}/", "lesson")
    _unique((str(x.order) for x in lessons), f"lessons/{locale}/", "order")
    ids = {x.id for x in lessons}
    missing = sorted((place, lesson) for place, lesson in moments.items() if lesson not in ids)
    if missing:
        place, lesson_id = missing[0]
        raise ContentInvalid(f"lessons/{locale}/", f"no lesson {lesson_id!r}, offered at {place!r}")
    return Lessons(tuple(sorted(lessons, key=lambda x: x.order)), refs)


def _read(item: Traversable, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(item.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise ContentInvalid(source, f"cannot be read ({exc})") from None


@cache
def load_lessons(locale: str = "en") -> Lessons:
    root = resources.files("clearheart.content").joinpath("lessons")
    folder = root.joinpath(locale)
    files = (
        {
            item.name: _read(item, f"lessons/{locale}/{item.name}")
            for item in folder.iterdir()
            if item.name.endswith(".toml")
        }
        if folder.is_dir()
        else {}
    )
    sources = _read(root.joinpath("sources", f"{locale}.toml"), f"lessons/sources/{locale}.toml")
    return validate_lessons(files, sources, locale)
