"""The demo's holding pen: drafts Alex held before deciding, and one still waiting today.

The words live in content/demo/pen_en.toml. Each draft goes through
PauseService on a clock set to its story time, so it passes the same checks as
a draft a person holds, and "journaled" writes its journal entry that evening,
as the service does. The draft still waiting is held at its story time when
`today` is fixed; on the real clock it is held a few minutes before the demo
opens, so the pause page shows a live timer. The same `today` always gives the
same pen.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS, StoryClock
from clearheart.domain.holding import MAX_MINUTES, Status, check_decision, check_minutes, clean_text
from clearheart.errors import ContentInvalid, InvalidInput
from clearheart.services.behaviour import BehaviourService
from clearheart.services.journal import JournalService
from clearheart.services.pause import PauseService
from clearheart.services.safety import SafetyService

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

LIVE_AGO = timedelta(minutes=4)
"""On the real clock, how long before the demo opens the waiting draft went into the pen."""
_REQUIRED = ("day", "at", "minutes", "text")
_OPTIONAL = ("rewrite", "decision", "decided_after")

Table = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class HeldEvent:
    """A draft put in the pen on a story day, and what was decided (None: still waiting)."""

    day: int
    at: time
    minutes: int
    text: str
    rewrite: str | None = None
    decision: Status | None = None
    decided_after: int = 0
    """Minutes from holding the draft to deciding."""


def _int(table: Table, key: str, fail: ContentInvalid) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail
    return value


def _event(table: Table, where: str, source: str) -> HeldEvent:
    for key in table:
        if key not in (*_REQUIRED, *_OPTIONAL):
            raise ContentInvalid(source, f"unknown key {key!r} in {where}")
    for key in _REQUIRED:
        if key not in table:
            raise ContentInvalid(source, f"missing field {key!r} in {where}")
    day = _int(table, "day", ContentInvalid(
        source, f"'day' of {where} must be a story day from 0 to {STORY_DAYS - 1}"))
    if not 0 <= day < STORY_DAYS:
        raise ContentInvalid(source, f"'day' of {where} must be a story day from 0 to "
                                     f"{STORY_DAYS - 1}")
    at = table["at"]
    if not isinstance(at, time):
        raise ContentInvalid(source, f"'at' of {where} must be a local time such as 21:30:00")
    minutes = _int(
        table, "minutes", ContentInvalid(source, f"'minutes' of {where} must be a whole number")
    )
    text, rewrite, decision = table["text"], table.get("rewrite"), table.get("decision")
    if not isinstance(text, str) or not isinstance(rewrite, str | None) or not isinstance(
        decision, str | None
    ):
        raise ContentInvalid(source, f"'text', 'rewrite' and 'decision' of {where} are strings")
    try:
        check_minutes(minutes)
        event = HeldEvent(
            day, at, minutes, clean_text(text),
            clean_text(rewrite, "rewrite") if rewrite is not None else None,
            check_decision(decision) if decision is not None else None,
        )
    except InvalidInput as exc:
        raise ContentInvalid(source, f"{where}: {exc.message}") from None
    if event.decision is None:
        if "decided_after" in table:
            raise ContentInvalid(source, f"{where} is still waiting, so has no 'decided_after'")
        return event
    after = _int(table, "decided_after", ContentInvalid(
        source, f"{where} was decided, so needs 'decided_after' in whole minutes"))
    if not 0 <= after <= MAX_MINUTES:
        raise ContentInvalid(source, f"'decided_after' of {where} must be 0 to {MAX_MINUTES}")
    return HeldEvent(day, at, minutes, event.text, event.rewrite, event.decision, after)


def pen_from_data(data: Table, source: str) -> tuple[HeldEvent, ...]:
    """The drafts of a demo pen file, checked, in story order."""
    if data.get("schema") != 1 or set(data) != {"schema", "locale", "draft"}:
        raise ContentInvalid(source, "expected schema = 1, a locale and [[draft]]")
    tables = data["draft"]
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise ContentInvalid(source, "'draft' must be a non-empty list of tables")
    events = tuple(_event(t, f"draft #{n}", source) for n, t in enumerate(tables, 1))
    if [(e.day, e.at) for e in events] != sorted((e.day, e.at) for e in events):
        raise ContentInvalid(source, "the drafts must be in story order")
    for number, event in enumerate(events, 1):
        last = number == len(events)
        if event.decision is None and not (last and event.day == STORY_DAYS - 1):
            raise ContentInvalid(
                source, f"draft #{number} is still waiting, so it must be the last draft, on "
                        f"the story's last day ({STORY_DAYS - 1})"
            )
    return events


@cache
def load_demo_pen(locale: str = "en") -> tuple[HeldEvent, ...]:
    """The demo pen's drafts, checked; read once per process."""
    source = f"demo/pen_{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("demo", f"pen_{locale}.toml")
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    if data.get("locale") != locale:
        raise ContentInvalid(source, f"expected locale = {locale!r}")
    return pen_from_data(data, source)


def store_demo_pen(workspace: Workspace, start: date, until: datetime | None = None) -> int:
    """Hold the demo drafts and decide them on their story days; return how many were held.

    With `until` (the real clock), nothing later than it is written, and the draft
    still waiting is held LIVE_AGO before it.
    """
    engine = workspace.vault.engine
    clock = StoryClock(datetime.combine(start, time()).astimezone())  # each draft's own time
    safety = SafetyService(engine, workspace.settings, clock)
    pen = PauseService(engine, clock, JournalService(engine, clock, safety),
                       BehaviourService(engine, clock), safety)
    held = 0
    for event in load_demo_pen():
        at = datetime.combine(start + timedelta(days=event.day), event.at).astimezone()
        if event.decision is None and until is not None:
            at = (until - LIVE_AGO).replace(microsecond=0)
        if until is not None and at > until:
            continue
        clock.moment = at
        draft = pen.hold(event.text, event.minutes, event.rewrite)
        held += 1
        decided = at + timedelta(minutes=event.decided_after)
        if event.decision is not None and (until is None or decided <= until):
            clock.moment = decided
            pen.decide(draft.id, event.decision)
    return held
