"""The hand-listed part of the coverage table (content/coverage/LOCALE.toml), checked strictly.

The file lists every concept id of the product brief exactly once, in the brief's order,
each with a short name in our words and the pages and CLI commands that carry it. A page
is a path starting with "/" whose placeholders are ones `domain.coverage.PLACEHOLDERS`
knows; a command is its words after `clearheart`. Every broken rule raises ContentInvalid
naming the file and the reason. The other columns come from the content itself (see
content/concept_table.py).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from clearheart.domain.coverage import PLACEHOLDERS, Listed, Surface, placeholders
from clearheart.domain.prompts import CONCEPT_IDS
from clearheart.errors import ContentInvalid

MAX_NAME = 60
_CONCEPT_KEYS = frozenset({"id", "name", "pages", "commands"})
_PAGE_KEYS = frozenset({"path", "carries"})
_COMMAND_KEYS = frozenset({"command", "carries"})


def _order(concept: str) -> tuple[str, int]:
    return concept[0], int(concept[1:])


BRIEF_ORDER = tuple(sorted(CONCEPT_IDS, key=_order))
"""A1 … A8, B1 … G1: the order of the brief's concept map."""


def _text(value: object, source: str, where: str, most: int | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentInvalid(source, f"{where} must be a non-empty string")
    if most is not None and len(value.strip()) > most:
        raise ContentInvalid(source, f"{where} is longer than {most} characters")
    return value.strip()


def _fields(table: object, keys: frozenset[str], source: str, where: str) -> Mapping[str, Any]:
    if not isinstance(table, Mapping):
        raise ContentInvalid(source, f"{where} must be a table")
    extra = sorted(set(table) - keys)
    if extra:
        raise ContentInvalid(source, f"unknown field {extra[0]!r} in {where}")
    missing = sorted(keys - set(table))
    if missing:
        raise ContentInvalid(source, f"missing field {missing[0]!r} in {where}")
    return table


def _surfaces(
    value: object, key: str, keys: frozenset[str], source: str, where: str
) -> tuple[Surface, ...]:
    if not isinstance(value, list):
        raise ContentInvalid(source, f"'{key}s' in {where} must be a list of tables")
    found: list[Surface] = []
    for n, table in enumerate(value, 1):
        at = f"{key} #{n} of {where}"
        fields = _fields(table, keys, source, at)
        found.append(
            Surface(
                _text(fields[key], source, f"'{key}' in {at}"),
                _text(fields["carries"], source, f"'carries' in {at}"),
            )
        )
    seen = [s.at for s in found]
    twice = next((s for s in seen if seen.count(s) > 1), None)
    if twice is not None:
        raise ContentInvalid(source, f"{key} {twice!r} is listed twice in {where}")
    return tuple(found)


def _page(page: Surface, source: str, where: str) -> Surface:
    if not page.at.startswith("/"):
        raise ContentInvalid(source, f"page {page.at!r} in {where} must start with /")
    strange = [p for p in placeholders(page.at) if p not in PLACEHOLDERS]
    if strange:
        raise ContentInvalid(
            source,
            f"page {page.at!r} in {where} has an unknown placeholder {{{strange[0]}}} "
            f"(known: {', '.join(sorted(PLACEHOLDERS))})",
        )
    return page


def _concept(table: object, n: int, source: str) -> Listed:
    fields = _fields(table, _CONCEPT_KEYS, source, f"concept #{n}")
    concept = _text(fields["id"], source, f"'id' of concept #{n}")
    if concept not in CONCEPT_IDS:
        raise ContentInvalid(source, f"unknown concept id {concept!r} (see PRODUCT.md)")
    where = f"concept {concept}"
    pages = _surfaces(fields["pages"], "path", _PAGE_KEYS, source, where)
    return Listed(
        id=concept,
        name=_text(fields["name"], source, f"'name' of {where}", MAX_NAME),
        pages=tuple(_page(p, source, where) for p in pages),
        commands=_surfaces(fields["commands"], "command", _COMMAND_KEYS, source, where),
    )


def validate_coverage_file(data: Mapping[str, Any], source: str, locale: str) -> tuple[Listed, ...]:
    """The file's [[concept]] tables as Listed rows: every concept of the brief once, in
    the brief's order."""
    extra = sorted(set(data) - {"schema", "locale", "concept"})
    if extra:
        raise ContentInvalid(source, f"unknown field {extra[0]!r} at the top")
    if data.get("schema") != 1 or data.get("locale") != locale:
        raise ContentInvalid(source, f"expected schema = 1 and locale = {locale!r}")
    tables = data.get("concept")
    if not isinstance(tables, list):
        raise ContentInvalid(source, "expected [[concept]] tables")
    rows = tuple(_concept(table, n, source) for n, table in enumerate(tables, 1))
    ids = [row.id for row in rows]
    twice = next((c for c in ids if ids.count(c) > 1), None)
    if twice is not None:
        raise ContentInvalid(source, f"concept {twice} is listed twice")
    missing = [c for c in BRIEF_ORDER if c not in ids]
    if missing:
        raise ContentInvalid(source, f"concept {missing[0]} is missing (every concept is listed)")
    if tuple(ids) != BRIEF_ORDER:
        raise ContentInvalid(source, "list the concepts in the brief's order (A1 … G1)")
    return rows


@cache
def load_coverage(locale: str = "en") -> tuple[Listed, ...]:
    source = f"coverage/{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("coverage", f"{locale}.toml")
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise ContentInvalid(source, f"cannot be read ({exc})") from None
    return validate_coverage_file(data, source, locale)
