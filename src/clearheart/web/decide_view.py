"""Reading the decision aid's forms into domain values, and the steps as the nav shows them.

Every field is read as text and handed to the domain's rules (domain/decide), so the web
and the CLI refuse the same things with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from starlette.datastructures import FormData

from clearheart.domain.decide import (
    KEYS,
    MAX_WEIGHT,
    OFFERED,
    PARTS,
    STEPS,
    Aid,
    Option,
    Plan,
    Stage,
    Value,
    read_option,
)
from clearheart.domain.decide.plan import MAX_PAUSE_DAYS
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput

OWN_SLOTS = 3
"""Boxes for values in the person's own words."""
PATHS = {
    Stage.VALUES: "/decide/values",
    Stage.EVIDENCE: "/decide/evidence",
    Stage.OPTIONS: "/decide/options",
    Stage.PLAN: "/decide/plan",
}


@dataclass(frozen=True, slots=True)
class StepLink:
    stage: Stage
    label: str
    href: str
    here: bool
    """The page being shown."""
    current: bool
    """Where the person last was (their stage)."""


def step_links(aid: Aid, labels: dict[Stage, str], shown: Stage | None) -> list[StepLink]:
    return [StepLink(s, labels[s], PATHS[s], s is shown, s is aid.stage) for s in STEPS]


def _text(form: FormData, name: str) -> str:
    return str(form.get(name, ""))


def _lines(form: FormData, name: str) -> tuple[str, ...]:
    return tuple(line for line in _text(form, name).splitlines() if line.strip())


def _weight(raw: str) -> int:
    if not raw.strip():
        return 0
    return read_whole(
        raw, "weight", Bounds(0, MAX_WEIGHT, f"weigh each value from 0 to {MAX_WEIGHT}")
    )


def values_of(form: FormData) -> list[Value]:
    """Offered values (weight-ID) and up to OWN_SLOTS of the person's own (own-N, words-N)."""
    values = [
        Value(key, _weight(_text(form, f"weight-{key}")), _text(form, f"words-{key}"))
        for key in OFFERED
    ]
    for n in range(1, OWN_SLOTS + 1):
        words = _text(form, f"words-own-{n}")
        if words.strip():
            values.append(Value(f"own-{n}", _weight(_text(form, f"weight-own-{n}") or "1"), words))
    return values


def ratings_of(form: FormData) -> dict[str, str]:
    return {key: _text(form, key) for key in KEYS if _text(form, key)}


def sure_of(form: FormData) -> dict[str, str]:
    return {key: _text(form, key) for key in form if key != "csrf"}


def order_of(form: FormData) -> list[str]:
    """The options by the place the person gave each (1 to 3); blank for the usual order."""
    places = {o: _text(form, f"place-{o.value}").strip() for o in Option}
    if not any(places.values()):
        return []
    ranked = sorted(Option, key=lambda o: (places[o] or "9", list(Option).index(o)))
    if sorted(places.values()) != ["1", "2", "3"]:
        raise InvalidInput("order", "give each path its own place, 1, 2 and 3")
    return [o.value for o in ranked]


def plan_of(form: FormData) -> Plan:
    """The chosen path's parts only; the other paths' boxes are not read."""
    raw = _text(form, "option")
    if not raw:
        raise InvalidInput("option", "choose the path this plan is for")
    option = read_option(raw)
    try:
        review_on = date.fromisoformat(_text(form, "review_on").strip())
    except ValueError:
        raise InvalidInput("review date", "choose a day to look at this again") from None
    parts = PARTS[option]
    days = _text(form, "pause_days").strip() if "pause_days" in parts else ""
    return Plan(
        option,
        review_on,
        experiments=_lines(form, "experiments") if "experiments" in parts else (),
        check_in=_text(form, "check_in") if "check_in" in parts else "",
        pause_days=read_whole(
            days,
            "pause length",
            Bounds(1, MAX_PAUSE_DAYS, f"give a number of days from 1 to {MAX_PAUSE_DAYS}"),
        )
        if days
        else None,
        boundaries=_lines(form, "boundaries") if "boundaries" in parts else (),
        support=_lines(form, "support") if "support" in parts else (),
        no_contact=_text(form, "no_contact") if "no_contact" in parts else "",
        self_care=_lines(form, "self_care") if "self_care" in parts else (),
        note=_text(form, "note"),
    )
