"""A plan for the path the person chose, with a review date they set.

Each option has its own parts: working on it together has small agreed experiments and
a check-in; a pause has a length in days and boundaries; letting go has support
people, a no-contact plan and self-care. Parts that belong to another option are
refused rather than dropped, so nothing the person wrote disappears silently.

The review date may be today or later when the plan is made (a plan restored from an
archive keeps the date it was given). Every version is kept: changing one's mind adds
a version, and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from clearheart.domain.decide.options import Option
from clearheart.errors import InvalidInput

MAX_TEXT = 1000
MAX_ITEMS = 12
MAX_PAUSE_DAYS = 365
LISTS = ("experiments", "boundaries", "support", "self_care")
TEXTS = ("check_in", "no_contact", "note")
PARTS: dict[Option, tuple[str, ...]] = {
    Option.TOGETHER: ("experiments", "check_in"),
    Option.PAUSE: ("pause_days", "boundaries"),
    Option.LET_GO: ("support", "no_contact", "self_care"),
}
"""The parts each option's plan has (every plan may also hold a `note`)."""


@dataclass(frozen=True, slots=True)
class Plan:
    option: Option
    review_on: date
    experiments: tuple[str, ...] = ()
    check_in: str = ""
    pause_days: int | None = None
    boundaries: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    no_contact: str = ""
    self_care: tuple[str, ...] = ()
    note: str = ""
    """Anything else, in the person's words: why this path, for now."""

    def parts(self) -> dict[str, object]:
        """The filled parts, by name (as stored)."""
        found: dict[str, object] = {}
        for name in (*PARTS[self.option], "note"):
            value = getattr(self, name)
            if value not in ((), "", None):
                found[name] = list(value) if isinstance(value, tuple) else value
        return found


@dataclass(frozen=True, slots=True)
class PlanVersion:
    """One saved version of the choice and plan."""

    id: int
    made_at: datetime
    plan: Plan


def _text(name: str, value: str) -> str:
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            name.replace("_", " "), f"keep it under {MAX_TEXT:,} characters (it has {len(text):,})"
        )
    return text


def _items(name: str, values: Sequence[str]) -> tuple[str, ...]:
    items = tuple(t for t in (_text(name, v) for v in values) if t)
    if len(items) > MAX_ITEMS:
        raise InvalidInput(name.replace("_", " "), f"list at most {MAX_ITEMS}")
    return items


def clean_plan(plan: Plan, today: date | None) -> Plan:
    """The plan with its texts trimmed, or InvalidInput naming the part at fault. `today`
    is None for a plan restored as it was (its review date is not held to today)."""
    option = plan.option
    if not isinstance(option, Option):
        raise InvalidInput("option", "choose one of " + ", ".join(o.value for o in Option))
    if today is not None and plan.review_on < today:
        raise InvalidInput("review date", f"choose today ({today.isoformat()}) or a later day")
    cleaned = Plan(
        option,
        plan.review_on,
        experiments=_items("experiments", plan.experiments),
        check_in=_text("check_in", plan.check_in),
        pause_days=plan.pause_days,
        boundaries=_items("boundaries", plan.boundaries),
        support=_items("support", plan.support),
        no_contact=_text("no_contact", plan.no_contact),
        self_care=_items("self_care", plan.self_care),
        note=_text("note", plan.note),
    )
    days = cleaned.pause_days
    if days is not None and (
        isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_PAUSE_DAYS
    ):
        raise InvalidInput("pause length", f"give a number of days from 1 to {MAX_PAUSE_DAYS}")
    for name in (*LISTS, *TEXTS, "pause_days"):
        if (
            name != "note"
            and name not in PARTS[option]
            and getattr(cleaned, name) not in ((), "", None)
        ):
            raise InvalidInput(
                name.replace("_", " "), f"is part of another path's plan, not {option.value}"
            )
    return cleaned


def _stored_list(parts: dict[str, object], name: str) -> tuple[str, ...]:
    value = parts.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(name, "expected a list of texts")
    return tuple(value)


def _stored_text(parts: dict[str, object], name: str) -> str:
    value = parts.get(name, "")
    if not isinstance(value, str):
        raise InvalidInput(name, "expected a text")
    return value


def plan_from_parts(option: Option, review_on: date, parts: dict[str, object]) -> Plan:
    """A plan from its stored parts (the inverse of Plan.parts); unknown parts raise."""
    unknown = sorted(set(parts) - {*LISTS, *TEXTS, "pause_days"})
    if unknown:
        raise InvalidInput("plan", f"unknown part {unknown[0][:40]!r}")
    days = parts.get("pause_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)):
        raise InvalidInput("pause_days", "expected a whole number of days")
    return Plan(
        option,
        review_on,
        experiments=_stored_list(parts, "experiments"),
        check_in=_stored_text(parts, "check_in"),
        pause_days=days,
        boundaries=_stored_list(parts, "boundaries"),
        support=_stored_list(parts, "support"),
        no_contact=_stored_text(parts, "no_contact"),
        self_care=_stored_list(parts, "self_care"),
        note=_stored_text(parts, "note"),
    )
