"""Subscales of an instrument file: items or combinations, ranges, own-items scores, norms."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import cast

from clearheart.domain.assess.basis import BASIS_KEYS, LEGACY_SMALLEST, read_basis
from clearheart.domain.assess.model import (
    OWN_MAX_NEEDS,
    OWN_MET,
    OWN_NOT_MET,
    Item,
    Kind,
    Norm,
    Rule,
    Scale,
    Subscale,
)
from clearheart.domain.assess.reader import Reader, Table, read_number

MAX_SUBSCALES = 40
MAX_TITLE, MAX_SHORT = 80, 300

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SUB_KEYS = (
    "id",
    "title",
    "rule",
    "items",
    "combine",
    "subtract",
    "low",
    "high",
    *BASIS_KEYS,
    LEGACY_SMALLEST,
)
_NORM_KEYS = ("subscale", "mean", "sd", "n", "population")
_OWN_TITLES = {OWN_MET: "How well my needs are met", OWN_NOT_MET: "Needs not well met"}


def _item_range(items: list[Item], rule: Rule) -> tuple[float, float]:
    lows = [item.scale.min for item in items]
    highs = [item.scale.max for item in items]
    if rule == "sum":
        return float(sum(lows)), float(sum(highs))
    return sum(lows) / len(lows), sum(highs) / len(highs)


def read_subscales(
    r: Reader, rows: list[Table], items: tuple[Item, ...], kind: Kind
) -> tuple[Subscale, ...]:
    if len(rows) > MAX_SUBSCALES:
        raise r.fail(f"'subscales' has {len(rows)} entries, more than {MAX_SUBSCALES}")
    drafts: dict[str, Table] = {}
    order: list[str] = []
    for number, table in enumerate(rows, 1):
        raw_id = table.get("id")
        where = (
            f"subscale {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"subscale #{number}"
        )
        required = (
            ("id", "title")
            if kind == "instrument"
            else ("id", "title", "low", "high")
        )
        r.keys(table, required, _SUB_KEYS, where)
        sub_id = r.expect(table["id"], str, f"'id' of {where}")
        if not _ID.match(sub_id) or len(sub_id) > 40:
            raise r.fail(f'{where}: the id must be kebab-case (a-z, 0-9, dashes), like "worry"')
        if sub_id in drafts:
            raise r.fail(f"two subscales have the id {sub_id!r}")
        drafts[sub_id] = table
        order.append(sub_id)
    by_item = {item.id: item for item in items}
    for item in items:
        if item.subscale is not None and item.subscale not in drafts:
            raise r.fail(
                f"item {item.id!r} names subscale {item.subscale!r}, which is not "
                "among the [[subscales]]"
            )
    built: dict[str, Subscale] = {}
    visiting: set[str] = set()

    def build(sub_id: str) -> Subscale:
        if sub_id in built:
            return built[sub_id]
        if sub_id in visiting:
            raise r.fail(f"subscale {sub_id!r} combines itself (directly or through another)")
        visiting.add(sub_id)
        built[sub_id] = _subscale(r, sub_id, drafts[sub_id], by_item, items, drafts, build, kind)
        visiting.discard(sub_id)
        return built[sub_id]

    return tuple(build(sub_id) for sub_id in order)


def _subscale(
    r: Reader,
    sub_id: str,
    table: Table,
    by_item: dict[str, Item],
    items: tuple[Item, ...],
    drafts: Mapping[str, Table],
    build: Callable[[str], Subscale],
    kind: Kind,
) -> Subscale:
    where = f"subscale {sub_id!r}"
    title = r.text(table["title"], f"'title' of {where}", MAX_TITLE)
    combine = r.strings(table["combine"], f"'combine' of {where}") if "combine" in table else ()
    subtract = (
        r.expect(table["subtract"], str, f"'subtract' of {where}") if "subtract" in table else None
    )
    if subtract is not None and not combine:
        raise r.fail(f"{where}: 'subtract' works only together with 'combine'")
    rule_raw = table.get("rule", "sum" if combine else None)
    if rule_raw is None:
        raise r.fail(f'missing field \'rule\' in {where} ("mean" or "sum")')
    rule_text = r.expect(rule_raw, str, f"'rule' of {where}")
    if rule_text not in ("mean", "sum"):
        raise r.fail(f'\'rule\' of {where} must be "mean" or "sum", not {rule_text!r}')
    rule = cast(Rule, rule_text)
    builder = build
    if combine:
        if "items" in table:
            raise r.fail(f"{where} has both 'items' and 'combine'; use one of them")
        if any(item.subscale == sub_id for item in items):
            raise r.fail(
                f"{where} combines other subscales, so no item can name it as its 'subscale'"
            )
        for part in (*combine, *([subtract] if subtract else [])):
            if part not in drafts:
                raise r.fail(f"{where} combines {part!r}, which is not among the [[subscales]]")
            builder(part)
        if len(set(combine)) != len(combine):
            raise r.fail(f"{where} lists the same subscale twice in 'combine'")
        added = [builder(p) for p in combine if p != subtract]
        taken = builder(subtract) if subtract else None
        if not added:
            raise r.fail(
                f"{where} only subtracts: 'combine' needs another subscale besides {subtract!r}"
            )
        share = 1 / len(added) if rule == "mean" else 1.0
        low = share * sum(p.minimum for p in added) - (taken.maximum if taken else 0.0)
        high = share * sum(p.maximum for p in added) - (taken.minimum if taken else 0.0)
        item_ids: tuple[str, ...] = ()
    else:
        if "items" in table:
            item_ids = r.strings(table["items"], f"'items' of {where}")
            for item_id in item_ids:
                if item_id not in by_item:
                    raise r.fail(
                        f"{where} lists item {item_id!r}, which is not among the [[items]]"
                    )
            if len(set(item_ids)) != len(item_ids):
                raise r.fail(f"{where} lists the same item twice")
        else:
            item_ids = tuple(item.id for item in items if item.subscale == sub_id)
        if not item_ids:
            raise r.fail(
                f"{where} has no items: list them in its 'items', give items "
                f"subscale = \"{sub_id}\", or use 'combine'"
            )
        low, high = _item_range([by_item[i] for i in item_ids], rule)
    blank = kind == "instrument"
    return Subscale(
        id=sub_id,
        title=title,
        rule=rule,
        items=item_ids,
        low=r.text(table.get("low", ""), f"'low' of {where}", MAX_SHORT, blank=blank),
        high=r.text(table.get("high", ""), f"'high' of {where}", MAX_SHORT, blank=blank),
        basis=read_basis(r, table, where, low, high),
        minimum=low,
        maximum=high,
        combine=combine,
        subtract=subtract,
    )


def read_own_subscales(r: Reader, rows: list[Table], scale: Scale) -> tuple[Subscale, ...]:
    given: dict[str, Table] = {}
    for number, table in enumerate(rows, 1):
        sub_id = table.get("id")
        if sub_id not in _OWN_TITLES:
            raise r.fail(
                f"subscale #{number} ({sub_id!r}): an own_items instrument has exactly two "
                f"scores, {OWN_MET!r} (the mean rating) and {OWN_NOT_MET!r} (how many needs "
                "sit in the lower third of the scale); its [[subscales]] may only describe "
                "those two"
            )
        where = f"subscale {sub_id!r}"
        r.keys(
            table,
            ("id",),
            ("title", "low", "high", "rule", *BASIS_KEYS, LEGACY_SMALLEST),
            where,
        )
        given[sub_id] = table
    out: list[Subscale] = []
    for sub_id, default_title in _OWN_TITLES.items():
        table = given.get(sub_id, {})
        where = f"subscale {sub_id!r}"
        low = float(scale.min) if sub_id == OWN_MET else 0.0
        high = float(scale.max) if sub_id == OWN_MET else float(OWN_MAX_NEEDS)
        out.append(
            Subscale(
                id=sub_id,
                title=r.text(table.get("title", default_title), f"'title' of {where}", MAX_TITLE),
                rule="mean" if sub_id == OWN_MET else "sum",
                items=(),
                low=r.text(table.get("low", ""), f"'low' of {where}", MAX_SHORT, blank=True),
                high=r.text(table.get("high", ""), f"'high' of {where}", MAX_SHORT, blank=True),
                basis=read_basis(r, table, where, low, high),
                minimum=low,
                maximum=high,
            )
        )
    return tuple(out)


def read_norms(r: Reader, value: object, subscales: tuple[Subscale, ...]) -> tuple[Norm, ...]:
    ids = {sub.id for sub in subscales}
    norms: list[Norm] = []
    for number, table in enumerate(r.tables(value, "'norms'"), 1):
        where = f"norm #{number}"
        r.keys(table, _NORM_KEYS, (), where)
        sub_id = r.expect(table["subscale"], str, f"'subscale' of {where}")
        if sub_id not in ids:
            raise r.fail(
                f"{where} is for subscale {sub_id!r}, which is not among the [[subscales]]"
            )
        sd = read_number(r, table, "sd", where)
        if sd <= 0:
            raise r.fail(f"'sd' of {where} must be above 0")
        n = r.expect(table["n"], int, f"'n' of {where}")
        if n < 1:
            raise r.fail(f"'n' of {where} must be 1 or more")
        norms.append(
            Norm(
                sub_id,
                read_number(r, table, "mean", where),
                sd,
                n,
                r.text(table["population"], f"'population' of {where}", MAX_SHORT),
            )
        )
    return tuple(norms)
