"""The cycle map: the person's own drawing of the loop they and their partner get caught in.

A map is a short list of steps, each with a role, in the order the loop goes
round: what sets it off, what I feel underneath, what I do, what my partner
may feel (a guess, never a label), what they do, and round again to the start.
Step ids are stable: behaviour-log entries point at them, so editing a step's
words keeps its id, and an id once used in a map is never handed to a new step.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final, Literal, cast

from clearheart.errors import InvalidInput

Role = Literal["trigger", "my_feeling", "my_action", "partner_feeling", "partner_action"]
ROLES: Final[tuple[Role, ...]] = (
    "trigger", "my_feeling", "my_action", "partner_feeling", "partner_action",
)
"""The roles in the order the loop goes round; after the last comes the first again."""
MINE: Final = frozenset({"my_feeling", "my_action"})
THEIRS: Final = frozenset({"partner_feeling", "partner_action"})

MAX_STEPS = 12
MAX_PER_ROLE = 4
MAX_TEXT = 200
MAX_TITLE = 100
MAX_ID = 40
"""behaviour_log.cycle_step is 40 characters wide."""
_ID = re.compile(r"^[a-z0-9](?:[a-z0-9_-]{0,39})$")
_NEW_ID = re.compile(r"^s(\d{1,6})$")
_FORMATS = ("json", "toml")
_IGNORED_TOP = ("id", "created", "updated", "log_entries")
_IGNORED_STEP = ("label", "log_entries")
"""What `cycle show --json` adds; a file saved from it can be read back unchanged."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the loop; `id` is empty until the step is first saved."""

    id: str
    role: str
    text: str


@dataclass(frozen=True, slots=True)
class CycleMap:
    id: int | None
    title: str
    steps: tuple[Step, ...]
    created_at: datetime | None = None
    """When the map was first saved (UTC); None before that."""
    updated_at: datetime | None = None

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def by_role(self, role: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.role == role)


def clean_line(raw: str) -> str:
    """One line of plain text: NFC, whitespace (newlines too) folded to single spaces."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return re.sub(r"\s+", " ", text).strip()


def clean_title(raw: str) -> str:
    title = clean_line(raw)
    if not title:
        raise InvalidInput("title", "give the map a short title")
    if len(title) > MAX_TITLE:
        raise InvalidInput("title", f"a title can be at most {MAX_TITLE} characters")
    return title


def _clean_step(step: Step, where: str) -> Step:
    if step.role not in ROLES:
        raise InvalidInput(f"{where}.role", f"{step.role!r} is not a role; choose one of "
                           f"{', '.join(ROLES)}")
    text = clean_line(step.text)
    if not text:
        raise InvalidInput(f"{where}.text", "write a few words for this step")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"{where}.text", f"a step can be at most {MAX_TEXT} characters "
                           f"(this one has {len(text)})")
    step_id = step.id.strip()
    if step_id and not _ID.match(step_id):
        raise InvalidInput(f"{where}.id", f"{step_id!r} is not a step id: use at most {MAX_ID} "
                           "lower-case letters, digits, dashes or underscores")
    return Step(step_id, step.role, text)


def next_ids(taken: Iterable[str]) -> Iterable[str]:
    """Fresh ids "s1", "s2", ... above every id of that shape in `taken`."""
    highest = max((int(m.group(1)) for t in taken if (m := _NEW_ID.match(t))), default=0)
    number = highest
    while True:
        number += 1
        yield f"s{number}"


def clean_map(cycle: CycleMap, known_ids: Iterable[str] = ()) -> CycleMap:
    """Return the map normalised, or raise InvalidInput naming the field at fault.

    Steps are put in loop order (by role, keeping their order within a role).
    A step without an id gets a new one that is neither in the map nor in
    `known_ids`: the ids the map used before and the ids log entries point to,
    so a new step never inherits an old step's log entries.
    """
    title = clean_title(cycle.title)
    if not cycle.steps:
        raise InvalidInput("steps", "add at least one step")
    if len(cycle.steps) > MAX_STEPS:
        raise InvalidInput("steps", f"a map can have at most {MAX_STEPS} steps")
    steps = [_clean_step(s, f"steps[{n}]") for n, s in enumerate(cycle.steps, 1)]
    seen: set[str] = set()
    for number, step in enumerate(steps, 1):
        if step.id and step.id in seen:
            raise InvalidInput(f"steps[{number}].id", f"the id {step.id!r} is used twice")
        seen.add(step.id)
    for role in ROLES:
        if sum(1 for s in steps if s.role == role) > MAX_PER_ROLE:
            raise InvalidInput("steps", f"a map can have at most {MAX_PER_ROLE} steps with the "
                               f"role {role!r}")
    fresh = iter(next_ids([*seen, *known_ids]))
    steps = [s if s.id else replace(s, id=next(fresh)) for s in steps]
    steps.sort(key=lambda s: ROLES.index(cast(Role, s.role)))
    return replace(cycle, title=title, steps=tuple(steps))


def keep_ids(steps: Iterable[Step], previous: Iterable[Step]) -> tuple[Step, ...]:
    """Give a step without an id the id of an earlier step with the same role and words.

    A file written by hand often leaves ids out; an unchanged step then keeps
    its log entries.
    """
    earlier: dict[tuple[str, str], str] = {}
    for step in previous:
        earlier.setdefault((step.role, clean_line(step.text)), step.id)
    given = {s.id for s in steps if s.id}
    result: list[Step] = []
    for step in steps:
        if not step.id.strip():
            match = earlier.get((step.role, clean_line(step.text)))
            if match and match not in given:
                given.add(match)
                step = replace(step, id=match)
        result.append(step)
    return tuple(result)


# --- maps written as JSON or TOML ---------------------------------------------------------


def parse_map_text(text: str, fmt: str) -> tuple[str | None, tuple[Step, ...]]:
    """Read a map written by hand: `title` (optional) and a list of steps.

    JSON: {"title": ..., "steps": [{"role": ..., "text": ..., "id": ...}, ...]}.
    TOML: title = "..." and [[step]] tables (or `steps = [...]`). Only the shape
    is checked here; `clean_map` checks the values.
    """
    if fmt not in _FORMATS:
        raise InvalidInput("format", f"choose one of {', '.join(_FORMATS)}")
    data: object
    try:
        data = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput("file", f"this is not valid {fmt.upper()}: {exc}") from None
    return map_from_data(data)


def map_from_data(data: object) -> tuple[str | None, tuple[Step, ...]]:
    if not isinstance(data, Mapping):
        raise InvalidInput("file", "expected a table with a title and a list of steps")
    table = cast(Mapping[str, Any], data)
    unknown = sorted(set(table) - {"title", "steps", "step", *_IGNORED_TOP})
    if unknown:
        raise InvalidInput("file", f"unknown key {unknown[0]!r}; use title and steps")
    if "steps" in table and "step" in table:
        raise InvalidInput("steps", "give the steps once, as either 'steps' or [[step]]")
    title = table.get("title")
    if title is not None and not isinstance(title, str):
        raise InvalidInput("title", "the title must be text")
    raw = table.get("steps", table.get("step"))
    if not isinstance(raw, list) or not raw:
        raise InvalidInput("steps", "expected a non-empty list of steps")
    steps: list[Step] = []
    for number, item in enumerate(raw, 1):
        where = f"steps[{number}]"
        if not isinstance(item, Mapping):
            raise InvalidInput(where, "each step needs a role and a text")
        extra = sorted(set(item) - {"id", "role", "text", *_IGNORED_STEP})
        if extra:
            raise InvalidInput(where, f"unknown key {extra[0]!r}; a step has role, text and id")
        for key in ("role", "text"):
            if not isinstance(item.get(key), str):
                raise InvalidInput(f"{where}.{key}", f"the {key} must be text")
        step_id = item.get("id", "")
        if not isinstance(step_id, str):
            raise InvalidInput(f"{where}.id", "the id must be text")
        steps.append(Step(step_id, item["role"], item["text"]))
    return title, tuple(steps)


def map_data(cycle: CycleMap) -> dict[str, Any]:
    """The map as JSON-ready data, in the shape `map_from_data` reads back."""
    return {
        "title": cycle.title,
        "steps": [{"id": s.id, "role": s.role, "text": s.text} for s in cycle.steps],
    }
