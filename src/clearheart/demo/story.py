"""The demo vault's story as a timeline of dated events.

The words live in content/demo/en.toml. This module reads them, adds the daily
practices with a fixed seed, and returns one timeline sorted by date. Events
are dated by story day (0 is the first day, STORY_DAYS - 1 is today) plus a
local time of day, so the same story lands on any `today`.

Later kinds of event (chats, behaviour logs, questionnaires) subclass `Event`,
place themselves with `Story.chapter_of` / `Story.chapter`, and join
`timeline`; demo/build.py applies each kind through the services. The unsafe
story (demo/unsafe.py) reads its own file with the same Reader.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources

from clearheart.content.loader import load_emotions, load_prompts
from clearheart.content.practice_copy import load_practice_copy
from clearheart.domain.journal import MOOD_HIGH, MOOD_LOW, Practice
from clearheart.domain.practices import Moment
from clearheart.errors import ContentInvalid

SEED = 20_240_517
STORY_DAYS = 182
"""About six months, ending today."""
PRACTICE_FROM = 81
"""The story day the daily practices begin (early in the third month)."""
WEEK_DENSITY = (0.5, 0.4, 0.7, 0.8, 0.3, 0.6, 0.9, 0.8, 0.2, 0.7, 0.1, 0.8, 0.6, 0.9, 0.9)
"""How fully each week of practices is done from PRACTICE_FROM on; the last value repeats."""
EVENING_TO_MORNING = 0.85
CONNECTION_SHARE = ((0, 0.35), (120, 0.55))
"""(from story day, share of evening reflections that note connection rather than self-care)."""
WEEKLY_DAY = 6
"""Sunday, the default schedule's day for the weekly appreciation."""
RECENT_LINES = 8
"""A practice line is not reused while it is among this many most recent picks."""

Table = Mapping[str, object]


# --- events -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a story day at a local time."""

    day: int
    at: time

    def when(self, start: date) -> datetime:
        """The aware local time of this event in a story that begins on `start`."""
        return datetime.combine(start + timedelta(days=self.day), self.at).astimezone()


@dataclass(frozen=True, slots=True)
class JournalEvent(Event):
    """A journal entry, a mood check-in, or a completed practice."""

    text: str = ""
    prompt_id: str | None = None
    mood: int | None = None
    emotions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    practice: Practice | None = None


@dataclass(frozen=True, slots=True)
class Chapter:
    name: str
    first: int
    last: int
    summary: str


@dataclass(frozen=True, slots=True)
class Line:
    """A practice line and the first story day it fits."""

    text: str
    first_day: int = 0


@dataclass(frozen=True, slots=True)
class Story:
    partner: str
    chapters: tuple[Chapter, ...]
    notes: tuple[JournalEvent, ...]
    morning: tuple[Line, ...]
    connection: tuple[Line, ...]
    self_care: tuple[Line, ...]
    weekly: tuple[Line, ...]

    def chapter_of(self, day: int) -> Chapter:
        for chapter in self.chapters:
            if chapter.first <= day <= chapter.last:
                return chapter
        raise KeyError(day)

    def chapter(self, name: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.name == name:
                return chapter
        raise KeyError(name)


def story_start(today: date, days: int = STORY_DAYS) -> date:
    """The first day of a story `days` long that ends on `today`."""
    return today - timedelta(days=days - 1)


class StoryClock:
    """The time a service sees while the demo writes: the story moment being written."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


# --- reading the story file ---------------------------------------------------------


class Reader:
    """Checks the tables of a demo story file; every failure names the file and the place."""

    def __init__(self, source: str, days: int = STORY_DAYS) -> None:
        self.source = source
        self.days = days

    def fail(self, reason: str) -> ContentInvalid:
        return ContentInvalid(self.source, reason)

    def tables(self, data: Table, key: str) -> list[Table]:
        items = data.get(key)
        if not isinstance(items, list) or not items:
            raise self.fail(f"'{key}' must be a non-empty list of tables")
        if not all(isinstance(item, dict) for item in items):
            raise self.fail(f"every '{key}' must be a table")
        return list(items)

    def text(self, table: Table, key: str, where: str, *, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"'{key}' of {where} must be a non-empty string")
        return value.strip()

    def day(self, table: Table, key: str, where: str, default: int | None = None) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < self.days:
            raise self.fail(f"'{key}' of {where} must be a story day from 0 to {self.days - 1}")
        return value

    def local_time(self, table: Table, where: str) -> time:
        at = table.get("at")
        if not isinstance(at, time):
            raise self.fail(f"'at' of {where} must be a local time such as 21:30:00")
        return at

    def words(self, table: Table, key: str, where: str, allowed: frozenset[str]) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise self.fail(f"'{key}' of {where} must be a list of strings")
        unknown = sorted(set(value) - allowed) if allowed else []
        if unknown:
            raise self.fail(f"{where} uses unknown {key}: {', '.join(unknown)}")
        return tuple(value)

    def note(self, table: Table, number: int, prompts: frozenset[str]) -> JournalEvent:
        where = f"note #{number}"
        day = self.day(table, "day", where)
        at = self.local_time(table, where)
        prompt = table.get("prompt")
        if prompt is not None and prompt not in prompts:
            raise self.fail(f"{where} names an unknown prompt {prompt!r}")
        mood = table.get("mood")
        if mood is not None and (
            isinstance(mood, bool) or not isinstance(mood, int) or not MOOD_LOW <= mood <= MOOD_HIGH
        ):
            raise self.fail(f"'mood' of {where} must be {MOOD_LOW} to {MOOD_HIGH}")
        text = self.text(table, "text", where, required=mood is None)
        feelings = self.words(table, "feelings", where, load_emotions().all_words)
        return JournalEvent(
            day=day, at=at, text=text, prompt_id=prompt if isinstance(prompt, str) else None,
            mood=mood, emotions=feelings, tags=self.words(table, "tags", where, frozenset()),
        )

    def chapters(self, data: Table) -> tuple[Chapter, ...]:
        """The chapters, one after another from day 0 to the story's last day."""
        chapters = tuple(
            Chapter(self.text(t, "name", f"chapter #{n}"), self.day(t, "first", f"chapter #{n}"),
                    self.day(t, "last", f"chapter #{n}"), self.text(t, "summary", f"chapter #{n}"))
            for n, t in enumerate(self.tables(data, "chapter"), 1)
        )
        expected_first = 0
        for chapter in chapters:
            if chapter.first != expected_first or chapter.last < chapter.first:
                raise self.fail(f"chapter {chapter.name!r} must start on day {expected_first}")
            expected_first = chapter.last + 1
        if expected_first != self.days:
            raise self.fail(f"the chapters must end on day {self.days - 1}")
        return chapters

    def lines(self, data: Table, key: str) -> tuple[Line, ...]:
        return tuple(
            Line(self.text(t, "text", f"{key} #{n}"), self.day(t, "from", f"{key} #{n}", 0))
            for n, t in enumerate(self.tables(data, key), 1)
        )


@cache
def load_story(locale: str = "en") -> Story:
    """The demo story for a locale, checked; read once per process."""
    source = f"demo/{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("demo", f"{locale}.toml")
    data: Table = tomllib.loads(resource.read_text(encoding="utf-8"))
    reader = Reader(source)
    if data.get("schema") != 1 or data.get("locale") != locale:
        raise reader.fail("expected schema = 1 and a matching locale")
    prompts = frozenset(p.id for p in load_prompts(locale))
    chapters = reader.chapters(data)
    return Story(
        partner=reader.text(data, "partner", "the file"),
        chapters=chapters,
        notes=tuple(
            reader.note(t, n, prompts) for n, t in enumerate(reader.tables(data, "note"), 1)
        ),
        morning=reader.lines(data, "morning"),
        connection=reader.lines(data, "connection"),
        self_care=reader.lines(data, "self-care"),
        weekly=reader.lines(data, "weekly"),
    )


# --- the daily practices ----------------------------------------------------------------


class _Picker:
    """Draws practice lines that fit the day, avoiding the most recent picks."""

    def __init__(self, lines: Sequence[Line], rng: random.Random) -> None:
        self.lines = lines
        self.rng = rng
        self.recent: list[str] = []

    def pick(self, day: int) -> str:
        fitting = [line.text for line in self.lines if line.first_day <= day]
        fresh = [text for text in fitting if text not in self.recent] or fitting
        text = self.rng.choice(fresh)
        self.recent = [*self.recent, text][-RECENT_LINES:]
        return text


def _minutes_after(start: time, rng: random.Random, span: int) -> time:
    minutes = start.hour * 60 + start.minute + rng.randrange(span)
    return time(minutes // 60, minutes % 60)


def _connection_share(day: int) -> float:
    return max(share for first, share in CONNECTION_SHARE if first <= day)


def practice_events(story: Story, start: date, rng: random.Random) -> list[JournalEvent]:
    """Morning intentions, evening reflections and weekly appreciations from PRACTICE_FROM on.

    Irregular on purpose: full weeks, sparse weeks, a nearly empty one. The last
    two days always have some, so the today page shows recent practice.
    """
    copy = load_practice_copy()
    mornings = _Picker(story.morning, rng)
    connections = _Picker(story.connection, rng)
    self_care = _Picker(story.self_care, rng)
    weekly_used = -1
    events: list[JournalEvent] = []

    def add(day: int, at: time, practice: Practice, text: str, tags: tuple[str, ...] = ()) -> None:
        events.append(JournalEvent(day=day, at=at, text=text, tags=tags, practice=practice,
                                   prompt_id=copy[practice].prompt_id))

    for day in range(PRACTICE_FROM, STORY_DAYS):
        week = (day - PRACTICE_FROM) // 7
        density = WEEK_DENSITY[min(week, len(WEEK_DENSITY) - 1)]
        rolls = [rng.random() for _ in range(4)]
        last_days = day >= STORY_DAYS - 2
        if rolls[0] < density or last_days:
            add(day, _minutes_after(time(7, 0), rng, 120), Practice.MORNING_INTENTION,
                mornings.pick(day))
        if rolls[1] < density * EVENING_TO_MORNING or day == STORY_DAYS - 2:
            connected = rolls[2] < _connection_share(day)
            moment = Moment.CONNECTION if connected else Moment.SELF_CARE
            picker = connections if connected else self_care
            add(day, _minutes_after(time(20, 30), rng, 150), Practice.EVENING_REFLECTION,
                picker.pick(day), (moment.value,))
        is_weekly_day = (start + timedelta(days=day)).weekday() == WEEKLY_DAY
        if is_weekly_day and rolls[3] < min(1.0, density + 0.3):
            fitting = [(line.first_day, -i) for i, line in enumerate(story.weekly)
                       if i > weekly_used and line.first_day <= day]
            if fitting:
                weekly_used = -max(fitting)[1]
                add(day, _minutes_after(time(17, 30), rng, 120), Practice.WEEKLY_APPRECIATION,
                    story.weekly[weekly_used].text)
    return events


def timeline(start: date, story: Story | None = None, seed: int = SEED) -> tuple[Event, ...]:
    """Every event of the story beginning on `start`, oldest first; the same for the same start."""
    story = story or load_story()
    rng = random.Random(seed)
    events: list[Event] = [*story.notes, *practice_events(story, start, rng)]
    return tuple(sorted(events, key=lambda e: (e.day, e.at)))
