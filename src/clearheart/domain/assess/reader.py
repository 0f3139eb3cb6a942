"""Reading one instrument file's fields: type checks whose failures name the field."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TypeVar, cast

from clearheart.domain.assess.model import Scale
from clearheart.errors import ContentInvalid

MAX_POINTS = 21
MAX_LABEL = 60

_TYPE_NAMES: dict[type, str] = {
    bool: "true or false",
    str: "a string",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "a table",
}

Table = Mapping[str, object]
_T = TypeVar("_T")


class Reader:
    """Checks for one file; every failure names the file and the part at fault."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, reason: str) -> ContentInvalid:
        return ContentInvalid(self.source, reason)

    def expect(self, value: object, kind: type[_T], what: str) -> _T:
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return cast(_T, float(value))
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        got = _TYPE_NAMES.get(type(value), type(value).__name__)
        if isinstance(value, bool):
            got = "true/false"
        raise self.fail(f"{what} must be {_TYPE_NAMES.get(kind, kind.__name__)}, not {got}")

    def keys(
        self, table: Table, required: tuple[str, ...], optional: tuple[str, ...], where: str
    ) -> None:
        allowed = (*required, *optional)
        for key in table:
            if key not in allowed:
                raise self.fail(f"unknown key {key!r} in {where} (allowed: {', '.join(allowed)})")
        for key in required:
            if key not in table:
                raise self.fail(f"missing field {key!r} in {where}")

    def text(self, value: object, what: str, limit: int, *, blank: bool = False) -> str:
        text = " ".join(self.expect(value, str, what).split())
        if not text and not blank:
            raise self.fail(f"{what} is empty")
        if len(text) > limit:
            raise self.fail(f"{what} is {len(text)} characters long, over the limit of {limit}")
        return text

    def flag(self, table: Table, key: str, where: str) -> bool:
        return self.expect(table[key], bool, f"{key!r} in {where}") if key in table else False

    def tables(self, value: object, what: str) -> list[Table]:
        rows = self.expect(value, list, what)
        return [self.expect(row, dict, f"{what} #{n}") for n, row in enumerate(rows, 1)]

    def strings(self, value: object, what: str) -> tuple[str, ...]:
        rows = self.expect(value, list, what)
        return tuple(self.expect(row, str, f"each entry of {what}") for row in rows)


def read_scale(r: Reader, value: object, where: str) -> Scale:
    table = r.expect(value, dict, where)
    r.keys(table, ("min", "max"), ("labels",), where)
    low = r.expect(table["min"], int, f"'min' of {where}")
    high = r.expect(table["max"], int, f"'max' of {where}")
    if high <= low:
        raise r.fail(f"{where} runs from {low} to {high}: 'max' must be above 'min'")
    if high - low + 1 > MAX_POINTS:
        raise r.fail(f"{where} has {high - low + 1} points, more than {MAX_POINTS}")
    labels: dict[int, str] = {}
    raw = r.expect(table.get("labels", {}), dict, f"'labels' of {where}")
    for key, text in raw.items():
        if not isinstance(key, str) or not re.fullmatch(r"-?[0-9]{1,20}", key):
            raise r.fail(
                f'label key {key!r} in {where} must be a whole number in quotes, like "{low}"'
            )
        point = int(key)
        if not low <= point <= high:
            raise r.fail(f"label {key!r} in {where} is outside the scale {low}–{high}")
        labels[point] = r.text(text, f"label {key!r} of {where}", MAX_LABEL)
    return Scale(low, high, dict(sorted(labels.items())))


def read_number(r: Reader, table: Table, key: str, where: str) -> float:
    value = r.expect(table[key], float, f"{key!r} of {where}")
    if not math.isfinite(value):
        raise r.fail(f"{key!r} of {where} must be a finite number")
    return value


def fmt_number(value: float) -> str:
    return f"{value:g}"
