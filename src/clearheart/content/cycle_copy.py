"""The cycle map's wording from TOML: role names and hints, the loop explained, an example."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from clearheart.domain.cycle import ROLES, CycleMap, Step, clean_map
from clearheart.errors import ContentInvalid, InvalidInput

MAX_TEXT = 400
_PAGE = ("untitled", "lead", "empty", "guess")
_TOP = ("schema", "locale", "page", "explanation", "quiet", "role", "example")


@dataclass(frozen=True, slots=True)
class RoleCopy:
    label: str
    hint: str


@dataclass(frozen=True, slots=True)
class CycleCopy:
    untitled: str
    """The title a map gets when none is given."""
    lead: str
    empty: str
    guess: str
    """Said beside the partner's feelings: a guess, never a label."""
    heading: str
    paragraphs: tuple[str, ...]
    quiet_lead: str
    """While coaching rests, the loop's explanation (a shared dance, nobody to blame) is
    not shown: these words are, instead."""
    quiet_heading: str
    quiet_paragraphs: tuple[str, ...]
    roles: dict[str, RoleCopy]
    """By role id, in loop order."""
    example: CycleMap
    """Cleaned, with ids; id None (not stored)."""

    @property
    def labels(self) -> dict[str, str]:
        return {role: copy.label for role, copy in self.roles.items()}


@cache
def load_cycle_copy(locale: str = "en") -> CycleCopy:
    """The cycle map's wording for a locale, checked; read once per process."""
    source = f"cycle/{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("cycle", f"{locale}.toml")
    if not resource.is_file():
        raise ContentInvalid(source, "no such file")
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentInvalid(source, f"not valid TOML: {exc}") from None
    return validate_cycle_file(data, source, locale)


def _text(table: Any, key: str | int, source: str, where: str) -> str:
    """`table[key]` as stripped, non-empty text of at most MAX_TEXT characters."""
    value = table[key] if isinstance(key, int) else table.get(key)
    what = f"#{key + 1}" if isinstance(key, int) else f"'{key}'"
    if not isinstance(value, str) or not value.strip():
        raise ContentInvalid(source, f"{what} of {where} must be a non-empty string")
    if len(value) > MAX_TEXT:
        raise ContentInvalid(source, f"{what} of {where} is over {MAX_TEXT} characters")
    return value.strip()


def _table(data: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ContentInvalid(source, f"'{key}' must be a table")
    return value


def validate_cycle_file(
    data: Mapping[str, Any], source: str, locale: str | None = None
) -> CycleCopy:
    """Check a cycle-map file strictly; raises ContentInvalid naming the problem."""
    if data.get("schema") != 1 or (locale is not None and data.get("locale") != locale):
        raise ContentInvalid(source, "expected schema = 1 and a matching locale")
    extra = sorted(set(data) - set(_TOP))
    if extra:
        raise ContentInvalid(source, f"unknown key {extra[0]!r} at the top of the file")
    page = _table(data, "page", source)
    if sorted(page) != sorted(_PAGE):
        raise ContentInvalid(source, f"'page' needs exactly {', '.join(_PAGE)}")
    explanation = _table(data, "explanation", source)
    paragraphs = explanation.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        raise ContentInvalid(source, "'paragraphs' of the explanation must be a non-empty list")
    texts = tuple(_text(explanation["paragraphs"], n, source, "the explanation's paragraphs")
                  for n in range(len(paragraphs)))
    quiet = _table(data, "quiet", source)
    if sorted(quiet) != ["heading", "lead", "paragraphs"]:
        raise ContentInvalid(source, "'quiet' needs exactly lead, heading and paragraphs")
    quiet_paragraphs = quiet["paragraphs"]
    if not isinstance(quiet_paragraphs, list) or not quiet_paragraphs:
        raise ContentInvalid(source, "'paragraphs' of 'quiet' must be a non-empty list")
    roles: dict[str, RoleCopy] = {}
    raw_roles = data.get("role")
    if not isinstance(raw_roles, list):
        raise ContentInvalid(source, "'role' must be a list of tables")
    for number, item in enumerate(raw_roles, 1):
        if not isinstance(item, dict) or sorted(item) != ["hint", "id", "label"]:
            raise ContentInvalid(source, f"role #{number} needs exactly id, label and hint")
        if item["id"] not in ROLES:
            raise ContentInvalid(source, f"unknown role {item['id']!r}")
        if item["id"] in roles:
            raise ContentInvalid(source, f"role {item['id']!r} is listed twice")
        roles[item["id"]] = RoleCopy(_text(item, "label", source, f"role {item['id']!r}"),
                                     _text(item, "hint", source, f"role {item['id']!r}"))
    if set(roles) != set(ROLES):
        missing = [r for r in ROLES if r not in roles]
        raise ContentInvalid(source, f"missing role {missing[0]!r}")
    return CycleCopy(
        untitled=_text(page, "untitled", source, "'page'"),
        lead=_text(page, "lead", source, "'page'"),
        empty=_text(page, "empty", source, "'page'"),
        guess=_text(page, "guess", source, "'page'"),
        heading=_text(explanation, "heading", source, "the explanation"),
        paragraphs=texts,
        quiet_lead=_text(quiet, "lead", source, "'quiet'"),
        quiet_heading=_text(quiet, "heading", source, "'quiet'"),
        quiet_paragraphs=tuple(_text(quiet_paragraphs, n, source, "'quiet' paragraphs")
                               for n in range(len(quiet_paragraphs))),
        roles={role: roles[role] for role in ROLES},
        example=_example(_table(data, "example", source), source),
    )


def _example(table: Mapping[str, Any], source: str) -> CycleMap:
    if sorted(table) != ["step", "title"]:
        raise ContentInvalid(source, "'example' needs exactly a title and [[example.step]]")
    steps = table["step"]
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise ContentInvalid(source, "'example.step' must be a list of tables")
    try:
        return clean_map(CycleMap(None, str(table["title"]), tuple(
            Step(str(s.get("id", "")), str(s.get("role", "")), str(s.get("text", "")))
            for s in steps
        )))
    except InvalidInput as exc:
        raise ContentInvalid(source, f"the example: {exc.message}") from None
