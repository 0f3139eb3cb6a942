"""The decision aid's wording from TOML (content/decide/LOCALE.toml), checked strictly.

The file must describe exactly the options, values, rating keys, scale answers, SURE
questions and plan parts the domain knows (domain/decide), and each option with the
same three parts, so the options stay described evenly.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from clearheart.domain.decide import (
    CONDITIONS,
    ITEMS,
    KEYS,
    OFFERED,
    TOP,
    Option,
    Progress,
    Rating,
    Stage,
)
from clearheart.domain.decide.values import MAX_WEIGHT
from clearheart.errors import ContentInvalid

MAX_TEXT = 500
_PAGE = (
    "decision",
    "lead",
    "choice",
    "even",
    "expectations",
    "attachment",
    "data_can",
    "data_cannot",
    "not_started",
    "questions",
)
_TOP = (
    "schema",
    "locale",
    "page",
    "stages",
    "option",
    "value",
    "weights",
    "rating",
    "scale",
    "groups",
    "sure",
    "sure_page",
    "plan",
    "parts",
)
_OPTION_PARTS = ("involves", "experience", "asks")
PART_NAMES = (
    "experiments",
    "check_in",
    "pause_days",
    "boundaries",
    "support",
    "no_contact",
    "self_care",
    "note",
)
"""Every part of a plan, in the order forms show them."""


@dataclass(frozen=True, slots=True)
class OptionCopy:
    id: Option
    title: str
    involves: str
    experience: str
    asks: str


@dataclass(frozen=True, slots=True)
class RatingCopy:
    key: str
    group: str
    """"condition" (D1) or "signal" (D2)."""
    text: str


@dataclass(frozen=True, slots=True)
class DecideCopy:
    page: Mapping[str, str]
    stages: Mapping[Stage, str]
    options: Mapping[Option, OptionCopy]
    values: Mapping[str, str]
    """Offered value id → label, in offered order."""
    weights: tuple[str, ...]
    """Label of each weight, 0 to MAX_WEIGHT."""
    ratings: tuple[RatingCopy, ...]
    scale: Mapping[Rating, str]
    groups: Mapping[str, str]
    sure: Mapping[str, str]
    sure_lead: str
    plan: Mapping[Option, str]
    review: str
    parts: Mapping[str, str]

    def texts(self) -> list[str]:
        """Every sentence the file can show (for the honesty test)."""
        found = [
            *self.page.values(),
            *self.stages.values(),
            *self.values.values(),
            *self.weights,
            *(r.text for r in self.ratings),
            *self.scale.values(),
            *self.groups.values(),
            *self.sure.values(),
            self.sure_lead,
            *self.plan.values(),
            self.review,
            *self.parts.values(),
        ]
        for option in self.options.values():
            found += [option.title, option.involves, option.experience, option.asks]
        return found


@cache
def load_decide_copy(locale: str = "en") -> DecideCopy:
    """The aid's wording for a locale, checked; read once per process."""
    source = f"decide/{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("decide", f"{locale}.toml")
    if not resource.is_file():
        raise ContentInvalid(source, "no such file")
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentInvalid(source, f"not valid TOML: {exc}") from None
    return validate_decide_file(data, source, locale)


def _text(value: object, source: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentInvalid(source, f"{where} must be a non-empty string")
    if len(value) > MAX_TEXT:
        raise ContentInvalid(source, f"{where} is over {MAX_TEXT} characters")
    return value.strip()


def _exact(
    data: Mapping[str, Any], key: str, names: tuple[str, ...], source: str
) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict) or sorted(table) != sorted(names):
        raise ContentInvalid(source, f"'{key}' needs exactly: {', '.join(names)}")
    return {name: _text(table[name], source, f"'{key}.{name}'") for name in names}


def _list(
    data: Mapping[str, Any], key: str, fields: tuple[str, ...], source: str
) -> list[dict[str, str]]:
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise ContentInvalid(source, f"'{key}' must be a list of tables")
    checked = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or sorted(item) != sorted(fields):
            raise ContentInvalid(source, f"{key} #{number} needs exactly {', '.join(fields)}")
        checked.append({f: _text(item[f], source, f"{key} #{number} '{f}'") for f in fields})
    return checked


def _ids(found: list[str], expected: tuple[str, ...], source: str, what: str) -> None:
    if found != list(expected):
        raise ContentInvalid(source, f"{what} must be exactly, in order: {', '.join(expected)}")


def validate_decide_file(
    data: Mapping[str, Any], source: str, locale: str | None = None
) -> DecideCopy:
    """Check a decision-aid file; raises ContentInvalid naming the first problem."""
    if data.get("schema") != 1 or (locale is not None and data.get("locale") != locale):
        raise ContentInvalid(source, "expected schema = 1 and a matching locale")
    extra = sorted(set(data) - set(_TOP))
    if extra:
        raise ContentInvalid(source, f"unknown key {extra[0]!r} at the top of the file")
    options = _list(data, "option", ("id", "title", *_OPTION_PARTS), source)
    _ids([o["id"] for o in options], tuple(o.value for o in Option), source, "options")
    values = _list(data, "value", ("id", "label"), source)
    _ids([v["id"] for v in values], OFFERED, source, "values")
    ratings = _list(data, "rating", ("key", "group", "text"), source)
    _ids([r["key"] for r in ratings], KEYS, source, "ratings")
    for rating in ratings:
        if rating["group"] != ("condition" if rating["key"] in CONDITIONS else "signal"):
            raise ContentInvalid(source, f"rating {rating['key']} is in the wrong group")
    sure = _list(data, "sure", ("id", "text"), source)
    _ids([s["id"] for s in sure], ITEMS, source, "SURE questions")
    weights = _exact(data, "weights", tuple(str(n) for n in range(MAX_WEIGHT + 1)), source)
    stages = _exact(data, "stages", tuple(s.value for s in Stage), source)
    scale = _exact(data, "scale", tuple(r.value for r in Rating), source)
    plan = _exact(data, "plan", (*(o.value for o in Option), "review"), source)
    return DecideCopy(
        page=_exact(data, "page", _PAGE, source),
        stages={Stage(k): v for k, v in stages.items()},
        options={
            Option(o["id"]): OptionCopy(
                Option(o["id"]), o["title"], o["involves"], o["experience"], o["asks"]
            )
            for o in options
        },
        values={v["id"]: v["label"] for v in values},
        weights=tuple(weights[str(n)] for n in range(MAX_WEIGHT + 1)),
        ratings=tuple(RatingCopy(r["key"], r["group"], r["text"]) for r in ratings),
        scale={Rating(k): v for k, v in scale.items()},
        groups=_exact(data, "groups", ("condition", "signal"), source),
        sure={s["id"]: s["text"] for s in sure},
        sure_lead=_exact(data, "sure_page", ("lead",), source)["lead"],
        plan={o: plan[o.value] for o in Option},
        review=plan["review"],
        parts=_exact(data, "parts", PART_NAMES, source),
    )


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def progress_sentence(progress: Progress) -> str:
    """The SURE takes as the person's own progress: each score with its date and the
    number of takes it rests on; never a reading of what to choose."""
    if progress.before is None:
        return "You have not answered the four questions yet."
    first = progress.before
    if progress.after is None:
        return (
            f"On {_day(first.at)} you answered yes to {first.score} of the {TOP} questions "
            "(1 time so far). You can answer again whenever you like and see how it moves."
        )
    latest = progress.after
    return (
        f"Your first answers, on {_day(first.at)}: yes to {first.score} of {TOP}. "
        f"Your latest, on {_day(latest.at)}: yes to {latest.score} of {TOP} "
        f"({progress.takes} times in all)."
    )
