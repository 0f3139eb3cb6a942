"""The help pages' words (help/<locale>.toml): the plan's parts and bag, the guide to
covering your tracks, the crisis card. Checked strictly: a missing or extra part is a
ContentInvalid naming it, so the plan form and the file can never drift apart."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from clearheart.domain.safety.plan import BAG, PARTS
from clearheart.errors import ContentInvalid


@dataclass(frozen=True, slots=True)
class PartCopy:
    id: str
    title: str
    hint: str


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CrisisCopy:
    heading: str
    body: str
    after: str
    hurt_now: str


@dataclass(frozen=True, slots=True)
class HelpCopy:
    plan_lead: str
    print_note: str
    parts: tuple[PartCopy, ...]
    bag: tuple[tuple[str, str], ...]
    """(id, label) in the order shown."""
    tracks_lead: str
    tracks: tuple[Section, ...]
    crisis: CrisisCopy

    def bag_label(self, item: str) -> str:
        return dict(self.bag).get(item, item)


def _str(table: Mapping[str, Any], key: str, source: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentInvalid(source, f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _table(data: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ContentInvalid(source, f"missing table [{key}]")
    return value


def _list(table: Mapping[str, Any], key: str, source: str, where: str) -> list[Mapping[str, Any]]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ContentInvalid(source, f"{where}: expected [[{key}]] tables")
    return value


def validate_help_file(
    data: Mapping[str, Any], source: str, locale: str | None = None
) -> HelpCopy:
    if data.get("schema") != 1 or (locale is not None and data.get("locale") != locale):
        raise ContentInvalid(source, "expected schema = 1 and a matching locale")
    extra = sorted(set(data) - {"schema", "locale", "plan", "tracks", "crisis"})
    if extra:
        raise ContentInvalid(source, f"unknown key {extra[0]!r} at the top of the file")
    plan = _table(data, "plan", source)
    parts = tuple(
        PartCopy(_str(p, "id", source, "plan.part"), _str(p, "title", source, "plan.part"),
                 _str(p, "hint", source, "plan.part"))
        for p in _list(plan, "part", source, "[plan]")
    )
    if tuple(p.id for p in parts) != PARTS:
        raise ContentInvalid(source, f"[[plan.part]] ids must be, in order: {', '.join(PARTS)}")
    bag = tuple(
        (_str(b, "id", source, "plan.bag"), _str(b, "label", source, "plan.bag"))
        for b in _list(plan, "bag", source, "[plan]")
    )
    if tuple(item for item, _ in bag) != BAG:
        raise ContentInvalid(source, f"[[plan.bag]] ids must be, in order: {', '.join(BAG)}")
    tracks = _table(data, "tracks", source)
    sections = []
    for n, section in enumerate(_list(tracks, "section", source, "[tracks]"), 1):
        paragraphs = section.get("paragraphs")
        if (not isinstance(paragraphs, list) or not paragraphs
                or not all(isinstance(p, str) and p.strip() for p in paragraphs)):
            raise ContentInvalid(source, f"tracks section #{n}: paragraphs must be texts")
        sections.append(Section(_str(section, "heading", source, f"tracks section #{n}"),
                                tuple(p.strip() for p in paragraphs)))
    crisis = _table(data, "crisis", source)
    return HelpCopy(
        plan_lead=_str(plan, "lead", source, "[plan]"),
        print_note=_str(plan, "print_note", source, "[plan]"),
        parts=parts,
        bag=bag,
        tracks_lead=_str(tracks, "lead", source, "[tracks]"),
        tracks=tuple(sections),
        crisis=CrisisCopy(*(_str(crisis, k, source, "[crisis]")
                            for k in ("heading", "body", "after", "hurt_now"))),
    )


@cache
def load_help_copy(locale: str = "en") -> HelpCopy:
    source = f"help/{locale}.toml"
    try:
        text = resources.files("clearheart.content").joinpath(source).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise ContentInvalid(source, f"cannot be read ({exc})") from None
    return validate_help_file(data, source, locale)
