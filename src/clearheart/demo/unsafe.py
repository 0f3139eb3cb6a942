"""The unsafe demo story: eight weeks in which home stops feeling safe for Nadia.

So anyone can see safety mode (`clearheart demo --story unsafe`). The words live in
content/demo/unsafe_en.toml: journal entries, a few behaviour-log notes, one take of
"Am I safe?", the person's country and a safety plan she has half written. This
module checks that file and turns it into one timeline of dated events; demo/build.py
writes each through the ordinary services, so the gate closes because her own
journal words and her answers close it, exactly as they would for anyone.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from clearheart.content.instruments import load_builtin_instruments
from clearheart.content.loader import load_prompts
from clearheart.content.resource_list import load_resources
from clearheart.demo.story import Chapter, Event, Reader, StoryClock, story_start
from clearheart.domain.assess.scoring import clean_answers
from clearheart.domain.behaviour import Draft, check_kind
from clearheart.domain.safety.plan import Plan, plan_from_json
from clearheart.errors import ContentInvalid, InvalidInput
from clearheart.services.help import HelpService

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

UNSAFE_DAYS = 56
"""Eight weeks, ending today."""
_KEYS = frozenset({"schema", "locale", "person", "partner", "country", "chapter", "note", "log",
                   "take", "plan"})
_TAKE_KEYS = frozenset({"instrument", "day", "at", "answers"})
_PLAN_KEYS = frozenset({"day", "at", "parts", "people", "packed", "extra"})

Table = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class LogEvent(Event):
    """A behaviour-log entry."""

    kind: str = ""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TakeEvent(Event):
    """One take of a questionnaire, with every answer given."""

    instrument: str = ""
    answers: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class PlanEvent(Event):
    """The safety plan as saved on this day."""

    plan: Plan = field(default_factory=Plan)


@dataclass(frozen=True, slots=True)
class UnsafeStory:
    person: str
    partner: str
    country: str
    """The code of the country whose helplines she chose."""
    chapters: tuple[Chapter, ...]
    events: tuple[Event, ...]
    """Every event, oldest first."""

    def chapter_of(self, day: int) -> Chapter:
        for chapter in self.chapters:
            if chapter.first <= day <= chapter.last:
                return chapter
        raise KeyError(day)


def unsafe_start(today: date) -> date:
    """The first day of the unsafe story when it ends on `today`."""
    return story_start(today, UNSAFE_DAYS)


# --- reading the story file ----------------------------------------------------------


def _table(reader: Reader, data: Table, key: str) -> Table:
    value = data.get(key)
    if not isinstance(value, dict):
        raise reader.fail(f"'{key}' must be a table")
    return value


def _log(reader: Reader, table: Table, number: int) -> LogEvent:
    where = f"log #{number}"
    note = reader.text(table, "note", where, required=False) or None
    try:
        kind = check_kind(reader.text(table, "kind", where))
    except InvalidInput as exc:
        raise reader.fail(f"{where}: {exc.message}") from None
    return LogEvent(reader.day(table, "day", where), reader.local_time(table, where), kind, note)


def _take(reader: Reader, table: Table) -> TakeEvent:
    unknown = sorted(set(table) - _TAKE_KEYS)
    if unknown:
        raise reader.fail(f"the take has no field called {unknown[0]!r}")
    name = reader.text(table, "instrument", "the take")
    instrument = next((i for i in load_builtin_instruments() if i.id == name), None)
    if instrument is None:
        raise reader.fail(f"the take names an unknown questionnaire {name!r}")
    answers = _table(reader, table, "answers")
    try:
        sheet = clean_answers(instrument, answers)
    except InvalidInput as exc:
        raise reader.fail(f"the take: {exc.message}") from None
    unanswered = [item.id for item in instrument.items if item.id not in sheet]
    if unanswered:
        raise reader.fail(f"the take leaves {', '.join(unanswered)} unanswered")
    return TakeEvent(
        reader.day(table, "day", "the take"), reader.local_time(table, "the take"), instrument.id,
        tuple(sheet.items()),
    )


def _plan(reader: Reader, table: Table) -> PlanEvent:
    unknown = sorted(set(table) - _PLAN_KEYS)
    if unknown:
        raise reader.fail(f"the plan has no field called {unknown[0]!r}")
    try:
        plan = plan_from_json({k: v for k, v in table.items() if k not in ("day", "at")})
    except InvalidInput as exc:
        raise reader.fail(f"the plan: {exc.message}") from None
    if plan.empty:
        raise reader.fail("the plan is empty; write at least one part")
    where = "the plan"
    return PlanEvent(reader.day(table, "day", where), reader.local_time(table, where), plan)


def unsafe_from_data(data: Table, source: str) -> UnsafeStory:
    """The story in a parsed unsafe-story file, checked; ContentInvalid says what is wrong."""
    reader = Reader(source, UNSAFE_DAYS)
    unknown = sorted(set(data) - _KEYS)
    if data.get("schema") != 1 or unknown:
        raise reader.fail(f"expected schema = 1 and only {', '.join(sorted(_KEYS))}")
    locale = reader.text(data, "locale", "the file")
    country = reader.text(data, "country", "the file")
    if load_resources(locale).get(country) is None:
        raise reader.fail(f"country {country!r} is not in resources/{locale}.toml")
    prompts = frozenset(p.id for p in load_prompts(locale))
    notes = tuple(reader.note(t, n, prompts) for n, t in enumerate(reader.tables(data, "note"), 1))
    logs = tuple(_log(reader, t, n) for n, t in enumerate(reader.tables(data, "log"), 1))
    take = _take(reader, _table(reader, data, "take"))
    plan = _plan(reader, _table(reader, data, "plan"))
    events: list[Event] = [*notes, *logs, take, plan]
    return UnsafeStory(
        person=reader.text(data, "person", "the file"),
        partner=reader.text(data, "partner", "the file"),
        country=country,
        chapters=reader.chapters(data),
        events=tuple(sorted(events, key=lambda e: (e.day, e.at))),
    )


@cache
def load_unsafe_story(locale: str = "en") -> UnsafeStory:
    """The unsafe story for a locale, checked; read once per process."""
    source = f"demo/unsafe_{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("demo", f"unsafe_{locale}.toml")
    data: Table = tomllib.loads(resource.read_text(encoding="utf-8"))
    if data.get("locale") != locale:
        raise ContentInvalid(source, f"expected locale = {locale!r}")
    return unsafe_from_data(data, source)


# --- writing it through the services -------------------------------------------------


def write_log(workspace: Workspace, event: Event, at: datetime) -> None:
    assert isinstance(event, LogEvent)
    # `now=at`: a story built to end on a later day is not "the future" to the log.
    workspace.log.add_many([Draft(event.kind, at, event.note)], now=at)


def write_take(workspace: Workspace, event: Event, at: datetime) -> None:
    assert isinstance(event, TakeEvent)
    workspace.assess.take(event.instrument, dict(event.answers), at=at)


def write_plan(workspace: Workspace, event: Event, at: datetime) -> None:
    assert isinstance(event, PlanEvent)
    HelpService(workspace.settings, StoryClock(at)).save_plan(event.plan.to_json())
