"""Turn a parsed instrument file (TOML as a mapping) into a checked Instrument.

Every rule a file breaks raises ContentInvalid(source, reason) where the reason
names the part of the file at fault ("item 'q03': 'reverse' must be true or
false, not a string"), so whoever wrote it can fix it without guessing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import cast

from clearheart.domain.assess.model import (
    GROUPS,
    Group,
    Instrument,
    Item,
    Kind,
    Scale,
)
from clearheart.domain.assess.reader import Reader, Table, read_scale
from clearheart.domain.assess.subscales import (
    MAX_TITLE,
    read_norms,
    read_own_subscales,
    read_subscales,
)
from clearheart.domain.prompts import CONCEPT_IDS

SCHEMA_VERSIONS = frozenset({1})
MAX_ITEMS = 200
MAX_TEXT, MAX_LONG = 400, 800
MAX_EXAMPLES = 40
RESERVED_ITEM_IDS = frozenset({"subject", "needs"})

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2})?$")
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

_TOP_REQUIRED = ("schema", "id", "version", "title", "locale", "kind", "licence", "about", "scale")
_TOP_OPTIONAL = (
    "citation",
    "per_person",
    "own_items",
    "minutes",
    "concepts",
    "items",
    "subscales",
    "norms",
    "meaning",
    "examples",
    "group",
)
_ITEM_KEYS = ("id", "text", "subscale", "reverse", "safety", "scale")
_DEFAULT_DOES = "A score here sums up how you answered these questions today."
_DEFAULT_DOES_NOT = (
    "It is not a diagnosis, it says nothing certain about who your partner is, and it is "
    "not a verdict on your relationship."
)


def _item(r: Reader, table: Table, number: int, default: Scale, kind: Kind) -> Item:
    raw_id = table.get("id")
    where = f"item {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"item #{number}"
    r.keys(table, ("id",) if kind == "instrument" else ("id", "text"), _ITEM_KEYS, where)
    item_id = r.expect(table["id"], str, f"'id' of {where}")
    if not _ITEM_ID.match(item_id) or len(item_id) > 40:
        raise r.fail(
            f"{where}: the id must be lower-case letters, digits, '-' or '_' "
            '(at most 40), like "q01"'
        )
    if item_id in RESERVED_ITEM_IDS:
        raise r.fail(f"{where}: {item_id!r} is reserved for answer sheets; choose another id")
    blank = kind == "instrument"
    text = r.text(table.get("text", ""), f"'text' of {where}", MAX_TEXT, blank=blank)
    subscale = table.get("subscale")
    if subscale is not None:
        subscale = r.expect(subscale, str, f"'subscale' of {where}")
    scale = read_scale(r, table["scale"], f"the scale of {where}") if "scale" in table else default
    safety = None
    if "safety" in table:
        safety = r.expect(table["safety"], int, f"'safety' of {where}")
        if not scale.min < max(safety, 1) <= scale.max:
            raise r.fail(
                f"{where}: 'safety' = {safety} does not fit its scale {scale.min}–{scale.max}; "
                "a danger sign needs an answer above the lowest point, up to the highest"
            )
    return Item(
        id=item_id,
        text=text or f"Item {number}",
        subscale=subscale,
        reverse=r.flag(table, "reverse", where),
        safety=safety,
        scale=scale,
    )


def _group(
    r: Reader,
    data: Table,
    kind: Kind,
    per_person: bool,
    concepts: tuple[str, ...],
    items: tuple[Item, ...],
) -> Group:
    if "group" in data:
        group = r.expect(data["group"], str, "'group'")
        if group not in GROUPS:
            raise r.fail(f"'group' must be one of {', '.join(GROUPS)}, not {group!r}")
        return group
    if kind == "instrument":
        return "loaded"
    letters = {concept[0] for concept in concepts}
    if any(item.safety is not None for item in items) or "E" in letters:
        return "safety"
    if per_person or "F" in letters:
        return "dating"
    if "D" in letters:
        return "decision"
    return "me"


def parse_instrument(data: Mapping[str, object], source: str) -> Instrument:
    """Check a parsed instrument file against the format and return the Instrument.

    Raises ContentInvalid(source, reason) on the first rule broken, naming the field.
    """
    r = Reader(source)
    if "schema" not in data:
        raise r.fail("missing field 'schema' at the top of the file (write schema = 1)")
    schema = r.expect(data["schema"], int, "'schema'")
    if schema not in SCHEMA_VERSIONS:
        known = ", ".join(str(v) for v in sorted(SCHEMA_VERSIONS))
        raise r.fail(f"schema version {schema} is unknown (known: {known})")
    r.keys(data, _TOP_REQUIRED, _TOP_OPTIONAL, "the top of the file")
    instrument_id = r.expect(data["id"], str, "'id'")
    if not _ID.match(instrument_id) or len(instrument_id) > 64:
        raise r.fail(
            f"'id' {instrument_id!r} must be lower-case words joined by dashes "
            '(a-z, 0-9), at most 64 characters, like "closeness-and-worry"'
        )
    raw_version = data["version"]
    version = (
        str(raw_version)
        if isinstance(raw_version, int) and not isinstance(raw_version, bool)
        else r.expect(raw_version, str, "'version'")
    )
    if not _VERSION.match(version) or len(version) > 20:
        raise r.fail(f'\'version\' {version!r} must be short, like "1" or "2.1"')
    locale = r.expect(data["locale"], str, "'locale'")
    if not _LOCALE.match(locale):
        raise r.fail(f"'locale' {locale!r} is not a locale code like \"en\"")
    kind_text = r.expect(data["kind"], str, "'kind'")
    if kind_text not in ("reflection", "instrument"):
        raise r.fail(f'\'kind\' must be "reflection" or "instrument", not {kind_text!r}')
    kind = cast(Kind, kind_text)
    citation = r.text(data.get("citation", ""), "'citation'", MAX_LONG, blank=True)
    if kind == "instrument" and not citation:
        raise r.fail(
            "'citation' is required for kind = \"instrument\": name the published "
            "source of the questionnaire and its scoring"
        )
    per_person = r.flag(data, "per_person", "the top of the file")
    own_items = r.flag(data, "own_items", "the top of the file")
    concepts = r.strings(data.get("concepts", []), "'concepts'")
    for concept in concepts:
        if concept not in CONCEPT_IDS:
            raise r.fail(
                f"unknown concept {concept!r} in 'concepts' (ids like \"A1\" from the concept map)"
            )
    if len(set(concepts)) != len(concepts):
        raise r.fail("'concepts' lists the same concept twice")
    scale = read_scale(r, data["scale"], "[scale]")
    examples = tuple(
        r.text(e, "each entry of 'examples'", MAX_TITLE)
        for e in r.strings(data.get("examples", []), "'examples'")
    )
    if len(examples) > MAX_EXAMPLES:
        raise r.fail(f"'examples' has {len(examples)} entries, more than {MAX_EXAMPLES}")
    sub_rows = r.tables(data.get("subscales", []), "'subscales'")
    if own_items:
        if data.get("items"):
            raise r.fail(
                "an own_items instrument has no fixed [[items]]: the person names "
                "them; remove the [[items]] or set own_items = false"
            )
        items: tuple[Item, ...] = ()
        subscales = read_own_subscales(r, sub_rows, scale)
    else:
        if examples:
            raise r.fail("'examples' belong to own_items instruments only")
        if "items" not in data:
            raise r.fail(
                "missing [[items]]: an instrument needs at least one item (or own_items = true)"
            )
        item_rows = r.tables(data["items"], "'items'")
        if not item_rows:
            raise r.fail("'items' is empty: an instrument needs at least one item")
        if len(item_rows) > MAX_ITEMS:
            raise r.fail(f"'items' has {len(item_rows)} entries, more than {MAX_ITEMS}")
        items = tuple(_item(r, row, n, scale, kind) for n, row in enumerate(item_rows, 1))
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise r.fail(f"two items have the id {item.id!r}")
            seen.add(item.id)
        if not sub_rows:
            raise r.fail(
                "missing [[subscales]]: say how the items are scored (at least one "
                'subscale with rule = "mean" or "sum")'
            )
        subscales = read_subscales(r, sub_rows, items, kind)
    norms = read_norms(r, data["norms"], subscales) if "norms" in data else ()
    if norms and not citation:
        raise r.fail("'citation' is required when [[norms]] are given: say where they come from")
    meaning = r.expect(data.get("meaning", {}), dict, "[meaning]")
    if kind == "reflection" or meaning:
        r.keys(meaning, ("does", "does_not"), (), "[meaning]")
    minutes = (
        r.expect(data["minutes"], int, "'minutes'")
        if "minutes" in data
        else max(1, math.ceil(len(items) / 6))
    )
    if not 1 <= minutes <= 120:
        raise r.fail(f"'minutes' must be from 1 to 120, not {minutes}")
    return Instrument(
        id=instrument_id,
        version=version,
        title=r.text(data["title"], "'title'", MAX_TITLE),
        locale=locale,
        kind=kind,
        licence=r.text(data["licence"], "'licence'", MAX_LONG),
        citation=citation,
        about=r.text(data["about"], "'about'", MAX_LONG),
        per_person=per_person,
        own_items=own_items,
        minutes=minutes,
        concepts=concepts,
        scale=scale,
        items=items,
        subscales=subscales,
        does=r.text(meaning.get("does", _DEFAULT_DOES), "'does' of [meaning]", MAX_LONG),
        does_not=r.text(
            meaning.get("does_not", _DEFAULT_DOES_NOT), "'does_not' of [meaning]", MAX_LONG
        ),
        examples=examples,
        norms=norms,
        group=_group(r, data, kind, per_person, concepts, items),
    )
