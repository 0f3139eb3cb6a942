"""Frozen dataclass values to JSON and back, guided by their type annotations.

Used to keep worked-out results (pattern reports) in the vault. Only what such
values are made of is supported: dataclasses (written as a list of their
fields in order), int, float, str, bool, None, date, datetime, enums, and
tuples (`tuple[X, ...]` or fixed). Anything else is refused when written, and
anything that does not fit the annotations is refused when read, so a stored
value from an older shape is never half-read: `decode` raises ShapeError and
the caller works the value out again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


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
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, name)) for name, _ in _fields(type(value))]
    raise TypeError(f"cannot store a {type(value).__name__}")


def decode(kind: type[T], data: Any) -> T:
    """The value of type `kind` that `encode` turned into `data`."""
    return typing.cast(T, _decode(kind, data))


def _decode(kind: Any, data: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if data is None and len(options) < len(typing.get_args(kind)):
            return None
        if len(options) != 1:
            raise TypeError(f"unsupported union {kind}")
        return _decode(options[0], data)
    if origin is tuple:
        if not isinstance(data, list):
            raise ShapeError(f"expected a list for {kind}")
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise ShapeError(f"expected {len(args)} items for {kind}")
        return tuple(_decode(arg, item) for arg, item in zip(args, data, strict=True))
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            fields = _fields(kind)
            if not isinstance(data, list) or len(data) != len(fields):
                raise ShapeError(f"expected {len(fields)} fields for {kind.__name__}")
            return kind(*(_decode(hint, item)
                          for (_, hint), item in zip(fields, data, strict=True)))
        if issubclass(kind, Enum):
            try:
                return kind(data)
            except ValueError:
                raise ShapeError(f"{data!r} is not a {kind.__name__}") from None
        if kind is datetime or kind is date:
            if not isinstance(data, str):
                raise ShapeError(f"expected text for {kind.__name__}")
            try:
                return kind.fromisoformat(data)
            except ValueError:
                raise ShapeError(f"{data!r} is not a {kind.__name__}") from None
        if kind is float and isinstance(data, (int, float)) and not isinstance(data, bool):
            return float(data)
        if kind in (int, str, bool) and type(data) is kind:
            return data
        if kind in (int, float, str, bool):
            raise ShapeError(f"expected {kind.__name__}, found {type(data).__name__}")
    raise TypeError(f"unsupported annotation {kind!r}")


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
