"""Dating again's wording, from TOML: the ideas offered for the checklist (F1-F3), the three
commitments in our words (F4), and the labels of item kinds and situations."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from clearheart.domain.dating import ITEM_KINDS, SITUATIONS, Item, Suggestion
from clearheart.domain.dating.commitments import COUNT
from clearheart.errors import ContentInvalid

_TOP = {"schema", "locale", "commitments", "kinds", "situations", "ideas"}
_IDEA = {"id", "kind", "concept", "text"}
SOURCES = {
    "look-for": "a general idea, not from your own history",
    "red-flag": "a general idea, not from your own history",
}
"""Where an idea says it came from, by kind."""


@dataclass(frozen=True, slots=True)
class DatingCopy:
    commitments: tuple[str, ...]
    kinds: Mapping[str, str]
    situations: Mapping[str, str]
    ideas: tuple[Suggestion, ...]


@cache
def load_dating_copy(locale: str = "en") -> DatingCopy:
    source = f"dating/{locale}.toml"
    data = tomllib.loads(
        resources.files("clearheart.content").joinpath(source).read_text(encoding="utf-8")
    )
    return validate_dating_file(data, source)


def _labels(
    data: Mapping[str, Any], key: str, wanted: tuple[str, ...], source: str
) -> dict[str, str]:
    found = data.get(key)
    if (
        not isinstance(found, dict)
        or set(found) != set(wanted)
        or not all(isinstance(v, str) and v.strip() for v in found.values())
    ):
        raise ContentInvalid(source, f"[{key}] needs a label for each of: {', '.join(wanted)}")
    return {k: found[k] for k in wanted}


def validate_dating_file(data: Mapping[str, Any], source: str) -> DatingCopy:
    """Check the file strictly; raises ContentInvalid naming the problem."""
    if data.get("schema") != 1 or set(data) != _TOP:
        raise ContentInvalid(source, f"expected schema = 1 and exactly the keys {sorted(_TOP)}")
    commitments = data["commitments"]
    if (
        not isinstance(commitments, list)
        or len(commitments) != COUNT
        or not all(isinstance(c, str) and c.strip() for c in commitments)
    ):
        raise ContentInvalid(source, f"commitments: exactly {COUNT} texts")
    ideas: list[Suggestion] = []
    for idea in data["ideas"]:
        if set(idea) != _IDEA or idea["kind"] not in SOURCES:
            raise ContentInvalid(
                source,
                f"idea {idea.get('id')!r}: needs {sorted(_IDEA)}, kind one of {sorted(SOURCES)}",
            )
        item = Item(idea["id"], idea["text"], idea["kind"], SOURCES[idea["kind"]])
        ideas.append(Suggestion(item, idea["concept"]))
    if len({s.item.id for s in ideas}) != len(ideas):
        raise ContentInvalid(source, "an idea's id is used twice")
    return DatingCopy(
        tuple(commitments),
        _labels(data, "kinds", ITEM_KINDS, source),
        _labels(data, "situations", SITUATIONS, source),
        tuple(ideas),
    )
