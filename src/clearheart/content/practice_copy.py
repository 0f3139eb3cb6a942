"""The practices' titles, explanations and neutral reminder wording, from TOML."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from clearheart.domain.journal import Practice
from clearheart.errors import ContentInvalid

_FIELDS = ("id", "prompt", "title", "summary", "done", "reminder", "reminder_detail")


@dataclass(frozen=True, slots=True)
class PracticeCopy:
    practice: Practice
    prompt_id: str
    title: str
    summary: str
    done: str
    reminder: str
    reminder_detail: str


@cache
def load_practice_copy(locale: str = "en") -> dict[Practice, PracticeCopy]:
    source = f"practices/{locale}.toml"
    data = tomllib.loads(
        resources.files("clearheart.content").joinpath(source).read_text(encoding="utf-8")
    )
    return validate_practices_file(data, source, locale)


def validate_practices_file(
    data: Mapping[str, Any], source: str, locale: str | None = None
) -> dict[Practice, PracticeCopy]:
    """Check a practices file strictly; raises ContentInvalid naming the problem."""
    if data.get("schema") != 1 or (locale is not None and data.get("locale") != locale):
        raise ContentInvalid(source, "expected schema = 1 and a matching locale")
    extra_keys = sorted(set(data) - {"schema", "locale", "practice"})
    if extra_keys:
        raise ContentInvalid(source, f"unknown keys {extra_keys}")
    found: dict[Practice, PracticeCopy] = {}
    for item in data.get("practice", []):
        missing = [f for f in _FIELDS if not isinstance(item.get(f), str) or not item[f].strip()]
        extra = sorted(set(item) - set(_FIELDS))
        if missing or extra:
            raise ContentInvalid(source, f"practice {item.get('id')!r}: missing {missing}, "
                                 f"unknown {extra}")
        try:
            practice = Practice(item["id"])
        except ValueError:
            raise ContentInvalid(source, f"unknown practice {item['id']!r}") from None
        if practice in found:
            raise ContentInvalid(source, f"practice {item['id']!r} is listed twice")
        found[practice] = PracticeCopy(
            practice, item["prompt"], item["title"], item["summary"], item["done"],
            item["reminder"], item["reminder_detail"],
        )
    if set(found) != set(Practice):
        raise ContentInvalid(source, "every practice needs exactly one entry")
    return found
