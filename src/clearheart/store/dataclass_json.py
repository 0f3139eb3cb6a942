"""Frozen dataclass values to JSON and back, guided by their type annotations.

Used to keep worked-out results (pattern reports) in the vault. Only what such
values are made of is supported: dataclasses (written as a list of their
fields in order), int, float, str, bool, None, date, datetime, enums, and
tuples (`tuple[X, ...]` or fixed). A dataclass value met again (the same
object, as when a report lists a message and then links to it) is written once
and then as `{"@": n}`, the n-th dataclass value finished so far. Anything else
is refused when written, and anything that does not fit the annotations is
refused when read, so a stored value from an older shape is never half-read:
`decode` raises ShapeError and the caller works the value out again.

Reading builds one small function per annotation, once, so a large value
costs a call per item rather than a look at its type each time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
Reader = Callable[[Any, list[Any]], Any]
"""Turns stored data back into a value; the list holds the dataclass values read so far."""


class ShapeError(ValueError):
    """Stored data does not have the shape the annotations describe."""


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    if any(not field.init for field in fields):
        raise TypeError(f"{cls.__name__} has fields outside __init__")
    return tuple((field.name, hints[field.name]) for field in fields)


def encode(value: Any) -> Any:
    """A JSON-ready form of `value`."""
    return _Writer(value).write(value)


def json_pieces(value: Any, depth: int = 3) -> Iterator[str]:
    """The compact JSON text of encode(value), in pieces, so the whole never lives at once.

    The top `depth` levels of dataclasses and tuples are written piece by piece; below
    that, each value is encoded whole. The text is the same as
    `json.dumps(encode(value), separators=(",", ":"))`.
    """
    return _Writer(value).pieces(value, depth)


class _Writer:
    """Writes one value; remembers only the dataclass values that can be met again.

    Numbering counts every dataclass value finished, as the reader does, but only the
    ones reachable by two paths (found first by `_met_twice`) are remembered: a report
    has a hundred thousand rows a section for a long chat, and a memo of every one of
    them was the biggest thing alive while the report was kept.
    """

    def __init__(self, root: Any) -> None:
        self.again = _met_twice(root)
        self.done: dict[int, int] = {}
        self.finished = 0

    def _finish(self, value: Any) -> None:
        if id(value) in self.again:
            self.done[id(value)] = self.finished
        self.finished += 1

    def pieces(self, value: Any, depth: int) -> Iterator[str]:
        is_record = dataclasses.is_dataclass(value) and not isinstance(value, type)
        if depth <= 0 or not (isinstance(value, tuple) or is_record) or id(value) in self.done:
            yield json.dumps(self.write(value), separators=(",", ":"))
            return
        kind: type = type(value)
        items = (getattr(value, name) for name, _ in _fields(kind)) if is_record else iter(value)
        yield "["
        for at, item in enumerate(items):
            if at:
                yield ","
            yield from self.pieces(item, depth - 1)
        yield "]"
        if is_record:
            self._finish(value)

    def write(self, value: Any) -> Any:
        if isinstance(value, Enum):
            return value.value
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        if isinstance(value, tuple):
            return [self.write(item) for item in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            seen = self.done.get(id(value))
            if seen is not None:
                return {"@": seen}
            data = [self.write(getattr(value, name)) for name, _ in _fields(type(value))]
            self._finish(value)
            return data
        raise TypeError(f"cannot store a {type(value).__name__}")


def _met_twice(root: Any) -> set[int]:
    """Ids of the dataclass values inside `root` that are reached by more than one path.

    The ids stay valid while the writer runs: every value found is held by `root`
    (fields are stored attributes, never made when read).
    """
    seen: set[int] = set()
    again: set[int] = set()
    stack = [root]
    while stack:
        value = stack.pop()
        if isinstance(value, tuple):
            stack.extend(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            key = id(value)
            if key in seen:
                again.add(key)
                continue
            seen.add(key)
            stack.extend(getattr(value, name) for name, _ in _fields(type(value)))
    return again


def decode(kind: type[T], data: Any) -> T:
    """The value of type `kind` that `encode` turned into `data`."""
    return typing.cast(T, _reader(typing.cast(Any, kind))(data, []))


@cache
def _reader(kind: Any) -> Reader:
    origin = typing.get_origin(kind)
    if origin is typing.Union or origin is types.UnionType:
        return _optional(kind)
    if origin is tuple:
        return _tuple(kind)
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            return _dataclass(kind)
        if issubclass(kind, Enum):
            return _enum(kind)
        if kind is datetime or kind is date:
            return _moment(kind)
        if kind in (int, float, str, bool):
            return _plain(kind)
    raise TypeError(f"unsupported annotation {kind!r}")


def _optional(kind: Any) -> Reader:
    options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    if len(options) != 1 or len(options) == len(typing.get_args(kind)):
        raise TypeError(f"unsupported union {kind}")
    inner = _reader(options[0])

    def read(data: Any, done: list[Any]) -> Any:
        return None if data is None else inner(data, done)
    return read


def _tuple(kind: Any) -> Reader:
    args = typing.get_args(kind)
    if len(args) == 2 and args[1] is Ellipsis:
        item = _reader(args[0])

        def read_many(data: Any, done: list[Any]) -> Any:
            if not isinstance(data, list):
                raise ShapeError(f"expected a list for {kind}")
            return tuple([item(x, done) for x in data])
        return read_many
    items = tuple(_reader(arg) for arg in args)

    def read_fixed(data: Any, done: list[Any]) -> Any:
        if not isinstance(data, list) or len(data) != len(items):
            raise ShapeError(f"expected {len(items)} items for {kind}")
        return tuple([read(x, done) for read, x in zip(items, data, strict=True)])
    return read_fixed


def _dataclass(kind: type) -> Reader:
    fields: list[Reader] = []
    # Filled on first use: a dataclass may (through tuples) name itself.
    size = len(_fields(kind))

    def read(data: Any, done: list[Any]) -> Any:
        if not fields:
            fields.extend(_reader(hint) for _, hint in _fields(kind))
        if isinstance(data, dict):
            at = data.get("@")
            if len(data) != 1 or type(at) is not int or not 0 <= at < len(done) \
                    or type(done[at]) is not kind:
                raise ShapeError(f"a reference to a {kind.__name__} that was not read before")
            return done[at]
        if not isinstance(data, list) or len(data) != size:
            raise ShapeError(f"expected {size} fields for {kind.__name__}")
        value = kind(*[field(x, done) for field, x in zip(fields, data, strict=True)])
        done.append(value)
        return value
    return read


def _enum(kind: type[Enum]) -> Reader:
    def read(data: Any, done: list[Any]) -> Any:
        try:
            return kind(data)
        except ValueError:
            raise ShapeError(f"{data!r} is not a {kind.__name__}") from None
    return read


def _moment(kind: type[date]) -> Reader:
    def read(data: Any, done: list[Any]) -> Any:
        if not isinstance(data, str):
            raise ShapeError(f"expected text for {kind.__name__}")
        try:
            return kind.fromisoformat(data)
        except ValueError:
            raise ShapeError(f"{data!r} is not a {kind.__name__}") from None
    return read


def _plain(kind: type) -> Reader:
    if kind is float:
        def read_float(data: Any, done: list[Any]) -> Any:
            if type(data) is float:
                return data
            if type(data) is int:
                return float(data)
            raise ShapeError(f"expected float, found {type(data).__name__}")
        return read_float

    def read(data: Any, done: list[Any]) -> Any:
        if type(data) is not kind:
            raise ShapeError(f"expected {kind.__name__}, found {type(data).__name__}")
        return data
    return read


def fingerprint(kind: type) -> str:
    """A digest of the shape of `kind` (field names and annotations, all the way down).

    Stored values carry it, so values written by a version whose shape differs
    are recognised without trying to read them.
    """
    seen: list[str] = []

    def walk(item: Any) -> None:
        for arg in typing.get_args(item):
            walk(arg)
        if isinstance(item, type) and dataclasses.is_dataclass(item):
            name = f"{item.__module__}.{item.__qualname__}"
            if name in seen:
                return
            seen.append(name)
            for field_name, hint in _fields(item):
                seen.append(f"{name}.{field_name}:{hint!r}")
                walk(hint)
        elif isinstance(item, type) and issubclass(item, Enum):
            seen.append(f"{item.__qualname__}={[m.value for m in item]!r}")

    walk(kind)
    return hashlib.sha256("\n".join(seen).encode()).hexdigest()
