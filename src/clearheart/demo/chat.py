"""The demo's WhatsApp chat with Sam: six months of messages that follow the story's chapters.

The words live in content/demo/chat_en.toml: openings of a conversation ("threads"),
exchanges that carry one on ("asides"), goodnights, plans, follow-ups, and scripted
scenes for the days the journal tells about. This module decides who writes, when, how
fast the other answers and when nobody does, chapter by chapter (PACES), so the chat
shows the arc the pattern pages look for: Sam starting most conversations and answering
within minutes at first; slower, shorter replies, cancelled plans and runs of unanswered
messages from Alex as Sam pulls back; a fight and two days of silence that Sam breaks; a
flat stretch; a calm request and fewer runs; a limit said once; steadier, mixed months.

The same start, today and seed always give the same messages.
"""

from __future__ import annotations

import math
import random
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, TypeVar

from clearheart.demo.story import STORY_DAYS, load_story
from clearheart.domain.chat import PERSON_KINDS, Kind, Message, in_columns
from clearheart.errors import ContentInvalid
from clearheart.store.chat_repo import NewChat, Stored

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

CHAT_SEED = 20_240_518
SOURCE_NAME = "WhatsApp Chat with {partner}.txt"

T = TypeVar("T")
Say = tuple[str, Kind, str]
"""Sender, kind, and the words (a template for text) of one message."""


# --- how the two of them write, chapter by chapter ------------------------------------


@dataclass(frozen=True, slots=True)
class Pace:
    slots: tuple[float, float, float, float]
    """Chance of a conversation in the morning, around midday, in the afternoon, in the evening."""
    sam_starts: float
    """Share of conversations Sam starts."""
    warm: float
    """Chance a conversation has the easy, warm tone rather than the flat one."""
    sam_reply: float
    """Sam's typical (median) time to answer, in minutes."""
    sam_engaged: float
    """Sam's typical time to answer once he has answered in the same conversation."""
    alex_reply: float
    extra: tuple[int, int]
    """How many asides follow an opening, at least and at most."""
    sam_drops: float
    """Chance, at each turn that is Sam's, that no answer comes."""
    alex_runs: float
    """Chance Alex then follows up until three to six messages wait unanswered."""
    late: float
    """Chance per night that Alex writes after midnight."""
    plans: float
    """Plans proposed per week, besides the standing evening."""
    sam_plans: float
    """Share of those plans Sam proposes."""
    cancels: float
    """Share of plans Sam calls off."""
    media: float
    """Chance per conversation of a photo or voice note."""
    anxious: bool = False
    """Whether Alex over-explains: long follow-ups, cheerful "no worries!!" to a cancelled plan."""
    routine: bool = False
    """Whether the standing weekly evening is on."""


PACES: dict[str, Pace] = {
    "warm": Pace(slots=(0.9, 0.7, 0.6, 1.0), sam_starts=0.8, warm=0.95, sam_reply=3, sam_engaged=2,
                 alex_reply=3, extra=(4, 10), sam_drops=0.02, alex_runs=0.0, late=0.0,
                 plans=4.0, sam_plans=0.75, cancels=0.0, media=0.12),
    "closer": Pace(slots=(0.85, 0.6, 0.4, 0.95), sam_starts=0.55, warm=0.85, sam_reply=8,
                   sam_engaged=4, alex_reply=3, extra=(3, 8), sam_drops=0.06, alex_runs=0.05,
                   late=0.05, plans=2.0, sam_plans=0.55, cancels=0.15, media=0.1),
    "pulling-back": Pace(slots=(0.8, 0.8, 0.3, 1.0), sam_starts=0.15, warm=0.15, sam_reply=180,
                         sam_engaged=90, alex_reply=4, extra=(1, 3), sam_drops=0.4,
                         alex_runs=0.65, late=0.45, plans=3.0, sam_plans=0.1, cancels=0.85,
                         media=0.05, anxious=True),
    "fight-and-repair": Pace(slots=(0.6, 0.5, 0.2, 0.9), sam_starts=0.3, warm=0.5, sam_reply=90,
                             sam_engaged=30, alex_reply=8, extra=(1, 4), sam_drops=0.15,
                             alex_runs=0.1, late=0.05, plans=0.5, sam_plans=0.5, cancels=0.0,
                             media=0.05, anxious=True),
    "quiet": Pace(slots=(0.5, 0.5, 0.2, 0.9), sam_starts=0.3, warm=0.3, sam_reply=120,
                  sam_engaged=45, alex_reply=20, extra=(2, 4), sam_drops=0.25, alex_runs=0.12,
                  late=0.04, plans=1.2, sam_plans=0.3, cancels=0.5, media=0.05, anxious=True),
    "needs": Pace(slots=(0.8, 0.7, 0.5, 0.95), sam_starts=0.33, warm=0.55, sam_reply=75,
                  sam_engaged=15, alex_reply=12, extra=(4, 9), sam_drops=0.12, alex_runs=0.05,
                  late=0.0, plans=0.8, sam_plans=0.4, cancels=0.2, media=0.08, routine=True),
    "boundary": Pace(slots=(0.8, 0.7, 0.5, 0.95), sam_starts=0.38, warm=0.6, sam_reply=65,
                     sam_engaged=12, alex_reply=12, extra=(4, 9), sam_drops=0.1, alex_runs=0.04,
                     late=0.0, plans=0.9, sam_plans=0.45, cancels=0.1, media=0.08, routine=True),
    "steadier": Pace(slots=(0.8, 0.7, 0.55, 0.95), sam_starts=0.42, warm=0.7, sam_reply=45,
                     sam_engaged=10, alex_reply=10, extra=(4, 10), sam_drops=0.08, alex_runs=0.03,
                     late=0.0, plans=1.0, sam_plans=0.5, cancels=0.12, media=0.1, routine=True),
    # Stretches inside a chapter: the cottage weekend, and Sam away for work.
    "together": Pace(slots=(0.0, 0.0, 0.0, 0.0), sam_starts=0.5, warm=1.0, sam_reply=3,
                     sam_engaged=3, alex_reply=3, extra=(0, 0), sam_drops=0.0, alex_runs=0.0,
                     late=0.0, plans=0.0, sam_plans=0.5, cancels=0.0, media=0.0),
    "away": Pace(slots=(0.0, 0.0, 0.0, 1.0), sam_starts=0.5, warm=0.4, sam_reply=150,
                 sam_engaged=60, alex_reply=15, extra=(0, 0), sam_drops=0.1, alex_runs=0.0,
                 late=0.0, plans=0.0, sam_plans=0.5, cancels=0.0, media=0.0),
}
STRETCHES: tuple[tuple[int, int, str], ...] = ((28, 29, "together"), (137, 141, "away"))
"""(first day, last day, pace): the cottage weekend, and Sam away for work."""
SAME_DAY_ANSWER = 0.5
"""Chance that Sam answers a message he left waiting later the same day."""
GAP_BEFORE_NEW = timedelta(hours=5)
"""A late answer within this long still belongs to the same conversation."""
MOST_WAITING = 6
"""Alex's longest run of unanswered messages."""
CALM_WAITING = 2
"""Once Alex is calmer, two unanswered messages are enough: the next word is Sam's."""
DAILY = timedelta(hours=20)
"""Outside the scripted silences, somebody writes at least this often."""
ALEX_STOPS_MORNINGS = 79
"""From this story day Alex no longer sends the first good-morning."""
ROUTINE_FROM = 99
"""The standing weekly evening runs from this story day (the first one is a scene)."""

SPREAD = 0.8
"""Spread of reply times around their median (log scale)."""
LONGEST_WAIT = timedelta(hours=16)
MORNING, MIDDAY, AFTERNOON, EVENING = "morning", "day", "afternoon", "evening"
WINDOWS: dict[str, tuple[time, time]] = {
    MORNING: (time(7, 0), time(9, 30)),
    MIDDAY: (time(12, 0), time(14, 0)),
    AFTERNOON: (time(15, 0), time(17, 45)),
    EVENING: (time(19, 0), time(22, 15)),
}
LAST_CALL = (time(17, 45), time(18, 40))
"""Where a plan is kept or called off when the afternoon has gone by."""
AFTER_DATE = (time(22, 40), 70)
"""When the "home safe" messages after an evening together start, and their spread in minutes."""
NIGHT_START = time(23, 45)
NIGHT_SPAN = 75
"""Alex's late-night messages start within this many minutes of NIGHT_START."""


def _sleeps_between(first: datetime, last: datetime, sender_is_sam: bool) -> bool:
    """Whether the sender's night falls between two moments (a reply would wait till morning)."""
    bedtime = time(0, 30) if sender_is_sam else time(1, 30)
    day = first.date()
    while day <= last.date():
        night = datetime.combine(day, bedtime), datetime.combine(day, time(7, 0))
        if first < night[1] and last >= night[0]:
            return True
        day += timedelta(days=1)
    return False


def _suits(when: str, slot: str) -> bool:
    """Whether an aside marked `when` suits a conversation in `slot`."""
    if when == EVENING:
        return slot == EVENING
    if when == MIDDAY:
        return slot != EVENING
    return when == "any" or when == slot


def _asleep(moment: datetime, sender_is_sam: bool) -> bool:
    """Nobody writes between 01:30 and 07:00; Sam is asleep from 00:30."""
    minutes = moment.hour * 60 + moment.minute
    return (30 if sender_is_sam else 90) <= minutes < 7 * 60


# --- the words ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snippet:
    lines: tuple[Say, ...]
    tone: str
    when: str
    first: int
    last: int

    def fits(self, day: int) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Scene:
    day: int
    weekday: int | None
    alone: bool
    lines: tuple[tuple[int, time, Say], ...]
    """(days after the scene's day, time of day, message)."""


@dataclass(frozen=True, slots=True)
class ChatCopy:
    me: str
    notice: str
    media: str
    call: str
    deleted: str
    weekdays: tuple[str, ...]
    routine: int
    fill: Mapping[str, tuple[str, ...]]
    threads: tuple[Snippet, ...]
    asides: tuple[Snippet, ...]
    closers: tuple[Snippet, ...]
    pools: Mapping[str, tuple[str, ...]]
    scenes: tuple[Scene, ...]
    hush: frozenset[int]


POOLS = (
    "sam-late", "late-reply", "sam-ack", "alex-follow", "alex-follow-calm", "alex-bedtime",
    "alex-night", "propose-sam", "propose-alex", "accept", "accept-flat", "settime",
    "settime-ok", "keep", "keep-reply", "after", "after-reply", "cancel", "cancel-rain",
    "cancel-alt", "cancel-reply-anxious", "cancel-reply-calm", "alt-ok",
    "routine-sam", "routine-alex", "routine-reply",
)
TONES = frozenset({"warm", "flat"})
WHENS = frozenset({MORNING, MIDDAY, EVENING, "any"})
PLAN_FIELDS = frozenset({"day", "when", "alt"})
FIELD = re.compile(r"\{([^{}]*)\}")
SCENE_LINE = re.compile(r"^(?:([+-]\d+) )?(\d\d):(\d\d) ([AS]): (.+)$", re.DOTALL)
MARKS = {"<media>": Kind.MEDIA, "<call>": Kind.CALL, "<deleted>": Kind.DELETED}


class _Reader:
    def __init__(self, source: str, partner: str) -> None:
        self.source = source
        self.partner = partner
        self.fields: frozenset[str] = frozenset()

    def fail(self, reason: str) -> ContentInvalid:
        return ContentInvalid(self.source, reason)

    def text(self, data: Mapping[str, object], key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be a non-empty string")
        return value.strip()

    def strings(self, data: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(
                isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"'{key}' of {where} must be a non-empty list of strings")
        return tuple(v.strip() for v in value)

    def template(self, text: str, where: str, extra: frozenset[str] = frozenset()) -> str:
        for name in FIELD.findall(text):
            if name not in self.fields | extra and not re.fullmatch(r"\+\d", name):
                raise self.fail(f"{where} uses an unknown field {{{name}}}")
        return text

    def say(self, who: str, text: str, where: str, me: str) -> Say:
        sender = self.partner if who == "S" else me
        kind = MARKS.get(text, Kind.TEXT)
        return sender, kind, self.template(text, where, PLAN_FIELDS)

    def snippets(self, data: Mapping[str, object], key: str, me: str) -> tuple[Snippet, ...]:
        tables = data.get(key)
        if not isinstance(tables, list) or not tables:
            raise self.fail(f"'{key}' must be a non-empty list of tables")
        found: list[Snippet] = []
        for number, table in enumerate(tables, 1):
            where = f"{key} #{number}"
            if not isinstance(table, dict):
                raise self.fail(f"{where} must be a table")
            tone, when = table.get("tone"), table.get("when", "any")
            if tone not in TONES or when not in WHENS:
                raise self.fail(f"{where} needs a tone in {sorted(TONES)} and a known 'when'")
            lines: list[Say] = []
            for line in self.strings(table, "lines", where):
                who, sep, text = line.partition(": ")
                if who not in ("A", "S") or not sep or not text.strip():
                    raise self.fail(f"{where}: every line starts with 'A: ' or 'S: '")
                lines.append(self.say(who, text.strip(), where, me))
            first, last = table.get("from", 0), table.get("until", STORY_DAYS - 1)
            if not isinstance(first, int) or not isinstance(last, int):
                raise self.fail(f"'from' and 'until' of {where} must be story days")
            found.append(Snippet(tuple(lines), str(tone), str(when), first, last))
        return tuple(found)

    def scene(self, table: object, number: int, me: str) -> Scene:
        where = f"scene #{number}"
        if not isinstance(table, dict):
            raise self.fail(f"{where} must be a table")
        day, weekday, alone = table.get("day"), table.get("on"), table.get("alone", False)
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day < STORY_DAYS:
            raise self.fail(f"'day' of {where} must be a story day")
        if weekday is not None and (not isinstance(weekday, int) or not 0 <= weekday <= 6):
            raise self.fail(f"'on' of {where} must be a weekday from 0 (Monday) to 6")
        lines: list[tuple[int, time, Say]] = []
        for line in self.strings(table, "lines", where):
            match = SCENE_LINE.match(line)
            if match is None:
                raise self.fail(f"{where}: '{line[:30]}' is not '[+N ]HH:MM A|S: text'")
            offset, hour, minute, who, text = match.groups()
            lines.append((int(offset or 0), time(int(hour), int(minute)),
                          self.say(who, text.strip(), where, me)))
        if [(o, t) for o, t, _ in lines] != sorted((o, t) for o, t, _ in lines):
            raise self.fail(f"the lines of {where} must be in time order")
        return Scene(day, weekday, bool(alone), tuple(lines))


@cache
def load_chat_copy(locale: str = "en") -> ChatCopy:
    """The demo chat's words for a locale, checked; read once per process."""
    source = f"demo/chat_{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("demo", f"chat_{locale}.toml")
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    reader = _Reader(source, load_story(locale).partner)
    if data.get("schema") != 1 or data.get("locale") != locale:
        raise reader.fail("expected schema = 1 and a matching locale")
    me = reader.text(data, "me")
    fill_table = data.get("fill")
    if not isinstance(fill_table, dict):
        raise reader.fail("'fill' must be a table of word lists")
    fill = {name: reader.strings(fill_table, name, "fill") for name in fill_table}
    reader.fields = frozenset(fill)
    weekdays = reader.strings(data, "weekdays", "the file")
    routine = data.get("routine")
    if len(weekdays) != 7 or not isinstance(routine, int) or not 0 <= routine <= 6:
        raise reader.fail("'weekdays' must name seven days and 'routine' be one of them (0-6)")
    pool_table = data.get("pools")
    if not isinstance(pool_table, dict):
        raise reader.fail("'pools' must be a table of line lists")
    missing = [name for name in POOLS if name not in pool_table]
    if missing:
        raise reader.fail(f"missing pools: {', '.join(missing)}")
    pools = {name: tuple(reader.template(text, f"pool {name}", PLAN_FIELDS)
                         for text in reader.strings(pool_table, name, f"pool {name}"))
             for name in POOLS}
    hush_table = data.get("hush", {})
    hush = hush_table.get("days", []) if isinstance(hush_table, dict) else None
    if not isinstance(hush, list) or not all(isinstance(d, int) for d in hush):
        raise reader.fail("'hush.days' must be a list of story days")
    scenes = data.get("scene")
    if not isinstance(scenes, list) or not scenes:
        raise reader.fail("'scene' must be a non-empty list of tables")
    return ChatCopy(
        me=me, notice=reader.text(data, "notice"), media=reader.text(data, "media"),
        call=reader.text(data, "call"), deleted=reader.text(data, "deleted"),
        weekdays=weekdays, routine=routine, fill=fill,
        threads=reader.snippets(data, "thread", me), asides=reader.snippets(data, "aside", me),
        closers=reader.snippets(data, "closer", me), pools=pools,
        scenes=tuple(reader.scene(t, n, me) for n, t in enumerate(scenes, 1)),
        hush=frozenset(hush),
    )


# --- writing the chat ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plan:
    proposer: str
    day: int
    at: str
    """The agreed time, as said: "7:30"."""
    cancelled: bool
    routine: bool = False


class _Deck:
    """Draws what fits, from the third of the options used longest ago (or never)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: dict[object, int] = {}
        self.tick = 0

    def pick(self, options: Sequence[T]) -> T:
        ranked = sorted(options, key=lambda option: self.used.get(option, -1))
        chosen = self.rng.choice(ranked[:max(1, len(ranked) // 3)])
        self.tick += 1
        self.used[chosen] = self.tick
        return chosen


class _Chat:
    def __init__(self, copy: ChatCopy, partner: str, start: date, days: int,
                 rng: random.Random, chapter_of: Mapping[int, str]) -> None:
        self.copy = copy
        self.sam = partner
        self.me = copy.me
        self.start = start
        self.days = days
        self.rng = rng
        self.chapter_of = chapter_of
        self.out: list[Message] = []
        self.cursor = datetime.combine(start, time(0))
        self.end = datetime.combine(start + timedelta(days=days), time(0))
        self.limit = self.end
        self.waiting = 0
        """Alex's messages since Sam last wrote."""
        self.owed = False
        self.deck = _Deck(rng)
        self.plans: dict[int, list[_Plan]] = {}
        self.scene_messages: list[Message] = []
        self.blocks: list[tuple[datetime, datetime]] = []
        self.scene_days: set[int] = set()
        self._place_scenes()

    # --- time ----------------------------------------------------------------------

    def at(self, day: int, moment: time) -> datetime:
        return datetime.combine(self.start + timedelta(days=day), moment)

    def weekday(self, day: int) -> str:
        return self.copy.weekdays[(self.start + timedelta(days=day)).weekday()]

    def _place_scenes(self) -> None:
        margin = timedelta(minutes=45)
        for scene in self.copy.scenes:
            day = scene.day
            if scene.weekday is not None:
                day += (scene.weekday - (self.start + timedelta(days=day)).weekday()) % 7
            placed = [(day + offset, moment, say) for offset, moment, say in scene.lines
                      if 0 <= day + offset < self.days]
            if not placed:
                continue
            for line_day, moment, (sender, kind, text) in placed:
                self.scene_messages.append(self._message(
                    self.at(line_day, moment), sender, kind, text, {"base": day}))
                self.scene_days.add(line_day)
            first, last = self.scene_messages[-len(placed)].ts, self.scene_messages[-1].ts
            if scene.alone:
                self.blocks.append((self.at(placed[0][0], time(0)),
                                    self.at(placed[-1][0] + 1, time(0))))
            else:
                self.blocks.append((first - margin, last + margin))
        for day in self.copy.hush:
            if day < self.days:
                self.blocks.append((self.at(day, time(0)), self.at(day + 1, time(0))))
                self.scene_days.add(day)
        self.scene_messages.sort(key=lambda m: m.ts)
        self.blocks.sort()

    def _blocked(self, moment: datetime) -> bool:
        return any(first <= moment < last for first, last in self.blocks)

    def _next_block(self, moment: datetime) -> datetime:
        return min((first for first, _ in self.blocks if first >= moment), default=self.end)

    def _reply_at(self, after: datetime, sender: str, pace: Pace,
                  engaged: bool) -> datetime | None:
        """When `sender` answers a message sent at `after`; None if they fall asleep first."""
        if sender == self.sam:
            median = pace.sam_engaged if engaged else pace.sam_reply
        else:
            median = pace.alex_reply
        seconds = round(median * 60 * math.exp(self.rng.gauss(0.0, SPREAD)))
        answer = after + min(timedelta(seconds=max(seconds, 12)), LONGEST_WAIT)
        return None if _sleeps_between(after, answer, sender == self.sam) else answer

    # --- words -----------------------------------------------------------------------

    def _line(self, pool: str) -> str:
        return self.deck.pick(self.copy.pools[pool])

    def _message(self, ts: datetime, sender: str, kind: Kind, text: str,
                 values: Mapping[str, object]) -> Message:
        if kind is Kind.MEDIA:
            return Message(ts, sender, kind, self.copy.media)
        if kind is Kind.CALL:
            return Message(ts, sender, kind, self.copy.call)
        if kind is Kind.DELETED:
            return Message(ts, sender, kind, self.copy.deleted)

        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("+"):
                base = values.get("base")
                assert isinstance(base, int)
                return self.weekday(base + int(name[1:]))
            if name in values:
                return str(values[name])
            return self.rng.choice(self.copy.fill[name])

        return Message(ts, sender, kind, FIELD.sub(fill, text))

    # --- writing -------------------------------------------------------------------

    def _say(self, ts: datetime, sender: str, kind: Kind, text: str,
             values: Mapping[str, object] | None = None) -> bool:
        if ts < self.cursor or ts >= self.limit:
            return False
        self.out.append(self._message(ts, sender, kind, text, values or {}))
        self.cursor = ts
        if sender == self.sam:
            self.waiting = 0
            self.owed = False
        else:
            self.waiting += 1
        return True

    def _play(self, lines: Sequence[Say], start: datetime, pace: Pace,
              values: Mapping[str, object] | None = None, *, drops: bool = True) -> bool:
        """Write a conversation from `start`, each answer after its sender's reply time.

        Returns False when it stopped early: Sam did not answer, or the time ran out.
        """
        moment, previous, engaged = start, "", False
        for sender, kind, text in lines:
            if previous == sender:
                moment += timedelta(seconds=self.rng.randint(8, 95))
            elif previous:
                if sender == self.sam and drops and self.rng.random() < pace.sam_drops:
                    self._unanswered(moment, pace)
                    return False
                answer = self._reply_at(moment, sender, pace, engaged)
                if answer is None:
                    self.owed = self.owed or sender == self.sam
                    return False
                moment = answer
                engaged = engaged or sender == self.sam
            if not self._say(moment, sender, kind, text, values):
                return False
            previous = sender
        return True

    def _unanswered(self, moment: datetime, pace: Pace) -> None:
        """Sam has not answered: Alex may follow up until three to six messages wait.

        Sometimes Sam answers later the same day ("sorry, crazy day"); otherwise the answer
        waits for the next conversation.
        """
        self.owed = True
        if self.rng.random() < pace.alex_runs:
            target = self.rng.randint(3, MOST_WAITING)
            pool = "alex-follow" if pace.anxious else "alex-follow-calm"
            while self.waiting < target:
                moment = moment + timedelta(minutes=self.rng.randint(12, 95),
                                            seconds=self.rng.randrange(60))
                if _asleep(moment, sender_is_sam=False):
                    return
                bedtime = moment.hour >= 22 or moment.hour < 2
                last = bedtime and (self.waiting + 1 >= target or self.rng.random() < 0.3)
                line = self._line("alex-bedtime" if last else pool)
                if not self._say(moment, self.me, Kind.TEXT, line) or last:
                    return
        if self.rng.random() < SAME_DAY_ANSWER:
            answer = self._reply_at(moment, self.sam, pace, engaged=False)
            if answer is not None and answer - moment < GAP_BEFORE_NEW:
                self._play([(self.sam, Kind.TEXT, self._line("sam-late")),
                            (self.me, Kind.TEXT, self._line("late-reply"))],
                           answer, pace, drops=False)

    def _begin(self, day: int, window: tuple[time, time],
               until: datetime | None = None) -> datetime | None:
        """A start inside the window, after whatever was written last; None if there is none."""
        first, last = (self.at(day, moment) for moment in window)
        span = max(1, int((last - first).total_seconds() // 60))
        moment = first + timedelta(minutes=self.rng.randrange(span),
                                   seconds=self.rng.randrange(60))
        earliest = self.cursor + timedelta(minutes=self.rng.randint(15, 50))
        moment = max(moment, earliest)
        if moment > last or self._blocked(moment):
            return None
        self.limit = min(self._next_block(moment), until or self.end)
        self._catch_up(moment)
        return moment

    def _catch_up(self, moment: datetime) -> None:
        """Count scripted messages written since the last conversation as if just said."""
        for message in self.scene_messages:
            if self.cursor < message.ts < moment and message.kind in PERSON_KINDS:
                if message.sender == self.sam:
                    self.waiting, self.owed = 0, False
                else:
                    self.waiting += 1

    # --- conversations -----------------------------------------------------------------

    def _starter(self, pace: Pace) -> str:
        """Who starts the next conversation: Sam as often as the chapter says."""
        patient = CALM_WAITING if not pace.anxious else MOST_WAITING - 2
        if self.waiting >= patient or self.rng.random() < pace.sam_starts:
            return self.sam
        return self.me

    def _opening(self, day: int, slot: str, tone: str, starter: str) -> list[Say] | None:
        when = MIDDAY if slot == AFTERNOON else slot
        options = [s for s in self.copy.threads
                   if s.tone == tone and s.when in (when, "any") and s.fits(day)
                   and s.lines[0][0] == starter
                   and not (starter == self.me and self.waiting and s.lines[1][0] == self.me)]
        if not options:
            return None
        lines = list(self.deck.pick(options).lines)
        if self.owed and starter == self.sam:
            lines.insert(0, (self.sam, Kind.TEXT, self._line("sam-late")))
        return lines

    def _conversation(self, day: int, slot: str, pace: Pace, starter: str,
                      until: datetime | None = None) -> bool:
        """A conversation in the slot, started by `starter`; False if none could begin."""
        start = self._begin(day, WINDOWS[slot], until)
        if start is None:
            return False
        tone = "warm" if self.rng.random() < pace.warm else "flat"
        lines = self._opening(day, slot, tone, starter) or self._opening(day, "any", tone, starter)
        if lines is None:
            return False
        for _ in range(self.rng.randint(*pace.extra)):
            after = self.me if lines[-1][0] == self.sam else self.sam
            options = [s for s in self.copy.asides
                       if s.tone == tone and s.fits(day) and s.lines[0][0] == after
                       and _suits(s.when, slot)]
            lines += self.deck.pick(options).lines
        if self.rng.random() < pace.media:
            self._add_media(lines)
        closing = slot == EVENING and self.rng.random() < (0.7 if tone == "warm" else 0.3)
        if closing:
            lines += self.deck.pick([s for s in self.copy.closers if s.tone == tone]).lines
        elif lines[-1][0] == self.me and self.rng.random() < 1 - 2 * pace.sam_drops:
            lines.append((self.sam, Kind.TEXT, self._line("sam-ack")))
        self._play(lines, start, pace)
        return True

    def _add_media(self, lines: list[Say]) -> None:
        """A photo or voice note after a message that is its sender's only one in a row."""
        single = [i for i, (sender, _, _) in enumerate(lines)
                  if 0 < i < len(lines) - 1 and lines[i - 1][0] != sender != lines[i + 1][0]]
        if single:
            spot = self.rng.choice(single)
            lines.insert(spot + 1, (lines[spot][0], Kind.MEDIA, ""))

    def _late_night(self, day: int) -> None:
        """Alex, awake around midnight, writes one to three messages that wait till morning."""
        start = self.at(day, NIGHT_START) + timedelta(minutes=self.rng.randrange(NIGHT_SPAN),
                                                      seconds=self.rng.randrange(60))
        start = max(start, self.cursor + timedelta(minutes=self.rng.randint(15, 40)))
        if _asleep(start, sender_is_sam=False) or self._blocked(start):
            return
        self.limit = min(self._next_block(start), self.end)
        self._catch_up(start)
        moment = start
        for _ in range(self.rng.randint(1, 3)):
            if self.waiting >= MOST_WAITING or _asleep(moment, sender_is_sam=False):
                break
            if not self._say(moment, self.me, Kind.TEXT, self._line("alex-night")):
                break
            moment += timedelta(minutes=self.rng.randint(6, 35), seconds=self.rng.randrange(60))
        self.owed = True

    # --- plans -------------------------------------------------------------------------

    def _new_plan(self, day: int, pace: Pace) -> _Plan | None:
        ahead = [1, 2, 3, 4]
        self.rng.shuffle(ahead)
        free = [day + n for n in ahead if day + n < self.days and day + n not in self.scene_days
                and day + n not in self.plans and self.pace(day + n).plans > 0]
        if not free:
            return None
        target = free[0]
        proposer = self.sam if self.rng.random() < pace.sam_plans else self.me
        cancelled = self.rng.random() < pace.cancels
        return _Plan(proposer, target, self.rng.choice(self.copy.fill["time"]), cancelled)

    def _propose(self, day: int, slot: str, plan: _Plan, pace: Pace) -> bool:
        """Suggest a plan in the slot; True if it was suggested (and, if it had to be, agreed)."""
        if plan.proposer == self.me and self.waiting >= MOST_WAITING - 1:
            return False
        start = self._begin(day, WINDOWS[slot])
        if start is None:
            return False
        other = self.me if plan.proposer == self.sam else self.sam
        values = {"day": self.weekday(plan.day), "time": plan.at}
        proposer_key = "sam" if plan.proposer == self.sam else "alex"
        pool = f"routine-{proposer_key}" if plan.routine else f"propose-{proposer_key}"
        lines: list[Say] = []
        if self.owed and plan.proposer == self.sam:
            lines.append((self.sam, Kind.TEXT, self._line("sam-late")))
        lines.append((plan.proposer, Kind.TEXT, self._line(pool)))
        needed = len(lines)
        if plan.routine:
            lines.append((other, Kind.TEXT, self._line("routine-reply")))
        elif other == self.sam and pace.anxious and self.rng.random() < 0.6:
            lines.append((other, Kind.TEXT, self._line("accept-flat")))
        else:
            lines.append((other, Kind.TEXT, self._line("accept")))
            lines.append((plan.proposer, Kind.TEXT, self._line("settime")))
            lines.append((other, Kind.TEXT, self._line("settime-ok")))
            needed += 1
        before = len(self.out)
        self._play(lines, start, pace, values, drops=plan.proposer == self.me)
        if len(self.out) - before < needed:
            return False
        self.plans.setdefault(plan.day, []).append(plan)
        return True

    def _plan_day(self, day: int, pace: Pace) -> bool:
        """Keep or call off today's plans; True if they spend the evening together."""
        together = False
        for plan in self.plans.pop(day, []):
            start = self._begin(day, WINDOWS[AFTERNOON]) or self._begin(day, LAST_CALL)
            if start is None:
                continue
            if plan.cancelled:
                self._cancel(day, plan, start, pace)
                continue
            sender = self.sam if self.rng.random() < pace.sam_starts else self.me
            other = self.me if sender == self.sam else self.sam
            lines: list[Say] = [(sender, Kind.TEXT, self._line("keep")),
                                (other, Kind.TEXT, self._line("keep-reply"))]
            self._play(lines, start, pace, {"time": plan.at}, drops=False)
            together = True
        return together

    def _cancel(self, day: int, plan: _Plan, start: datetime, pace: Pace) -> None:
        alt = day + self.rng.randint(2, 3)
        values = {"when": "tonight", "alt": self.weekday(alt), "day": self.weekday(day)}
        lines: list[Say] = [(self.sam, Kind.TEXT, self._line("cancel"))]
        roll = self.rng.random()
        rain, move = (0.5, 0.7) if pace.anxious else (0.3, 0.65)
        if roll < rain:
            lines.append((self.sam, Kind.TEXT, self._line("cancel-rain")))
        moved = rain <= roll < move and alt < self.days and alt not in self.scene_days
        if moved:
            lines.append((self.sam, Kind.TEXT, self._line("cancel-alt")))
        reply = "cancel-reply-anxious" if pace.anxious else "cancel-reply-calm"
        lines.append((self.me, Kind.TEXT, self._line(reply)))
        if moved:
            lines.append((self.me, Kind.TEXT, self._line("alt-ok")))
        if self._play(lines, start, pace, values, drops=False) and moved:
            again = pace.anxious and self.rng.random() < 0.5
            self.plans.setdefault(alt, []).append(_Plan(self.sam, alt, plan.at, again))

    def _routine(self, day: int, pace: Pace) -> _Plan | None:
        """The standing weekly evening, settled one to three days before."""
        for ahead in (1, 2, 3):
            target = day + ahead
            is_routine = (self.start + timedelta(days=target)).weekday() == self.copy.routine
            if not is_routine or target < ROUTINE_FROM or target >= self.days:
                continue
            if not self.pace(target).routine:
                continue
            scripted = target in self.scene_days or target + 1 in self.scene_days
            if scripted or target in self.plans:
                continue
            if self.rng.random() > 1 / (4 - ahead):
                continue
            proposer = self.sam if self.rng.random() < 0.55 else self.me
            cancelled = self.rng.random() < pace.cancels
            return _Plan(proposer, target, self.rng.choice(self.copy.fill["time"]),
                         cancelled, routine=True)
        return None

    # --- the whole story -------------------------------------------------------------

    def pace(self, day: int) -> Pace:
        for first, last, name in STRETCHES:
            if first <= day <= last:
                return PACES[name]
        return PACES[self.chapter_of[day]]

    def run(self) -> list[Message]:
        for day in range(self.days):
            self._day(day, self.pace(day))
        messages = sorted([*self.out, *self.scene_messages], key=lambda m: m.ts)
        if messages:
            notice = Message(messages[0].ts, "", Kind.SYSTEM, self.copy.notice)
            messages.insert(0, notice)
        return messages

    def _day(self, day: int, pace: Pace) -> None:
        """One day: morning to afternoon is mostly one conversation, the evening another."""
        proposals = [plan for plan in (
            self._routine(day, pace) if pace.routine else None,
            self._new_plan(day, pace) if self.rng.random() < pace.plans / 7 else None,
        ) if plan is not None and day not in self.plans]
        evening_plans = [p for p in proposals if day not in self.plans and self.rng.random() < 0.5]
        starter = self._starter(pace)
        morning = self.rng.random() < pace.slots[0]
        if morning and starter == self.me and day >= ALEX_STOPS_MORNINGS:
            morning = False
            starter_midday = True
        else:
            starter_midday = False
        planned = day in self.plans
        until = self.at(day, WINDOWS[AFTERNOON][0]) if planned else None
        started = morning and self._conversation(day, MORNING, pace, starter, until)
        for plan in proposals:
            if plan not in evening_plans and not self._propose(day, MIDDAY, plan, pace):
                evening_plans.append(plan)
        if starter_midday or self.rng.random() < pace.slots[1]:
            self._conversation(day, MIDDAY, pace, self._starter(pace) if started else starter,
                               until)
        if self._plan_day(day, pace):
            self._after_date(day, pace)
            return
        if not planned and self.rng.random() < pace.slots[2]:
            self._conversation(day, AFTERNOON, pace, self._starter(pace))
        for plan in evening_plans:
            self._propose(day, EVENING, plan, pace)
        if self.rng.random() < pace.slots[3] or self._long_quiet(day):
            self._conversation(day, EVENING, pace, self._starter(pace))
        if self.rng.random() < pace.late:
            self._late_night(day)

    def _long_quiet(self, day: int) -> bool:
        """Whether nothing, scripted or not, has been written for DAILY by this evening."""
        evening = self.at(day, WINDOWS[EVENING][0])
        last = max([self.cursor, *(m.ts for m in self.scene_messages if m.ts < evening)])
        return evening - last > DAILY

    def _after_date(self, day: int, pace: Pace) -> None:
        if self.rng.random() > 0.6:
            return
        start = self._begin(day, (AFTER_DATE[0], (self.at(day, AFTER_DATE[0])
                                                  + timedelta(minutes=AFTER_DATE[1])).time()))
        if start is None:
            return
        sender = self.sam if self.rng.random() < pace.sam_starts else self.me
        other = self.me if sender == self.sam else self.sam
        self._play([(sender, Kind.TEXT, self._line("after")),
                    (other, Kind.TEXT, self._line("after-reply"))], start, pace, drops=False)


def demo_chat_messages(start: date, today: date, rng: random.Random) -> list[Message]:
    """The chat between Alex and Sam from `start` to `today`, oldest first (naive local times).

    Follows the demo story's chapters (at most STORY_DAYS days); the same start, today and
    random state give the same messages.
    """
    story = load_story()
    days = min(STORY_DAYS, (today - start).days + 1)
    if days <= 0:
        return []
    chapter_of = {day: story.chapter_of(day).name for day in range(days)}
    unknown = set(chapter_of.values()) - set(PACES)
    if unknown:
        raise ContentInvalid("demo/en.toml", f"no chat pace for chapters {sorted(unknown)}")
    return _Chat(load_chat_copy(), story.partner, start, days, rng, chapter_of).run()


def store_demo_chat(workspace: Workspace, start: date, today: date,
                    until: datetime | None = None, quiet_from: datetime | None = None,
                    after: Sequence[Message] = ()) -> Stored:
    """Write the demo chat into the vault; with `until`, nothing later than it. With
    `quiet_from` (naive local), the story's messages stop there and only `after` follow:
    the chat as exported after the person began keeping distance."""
    messages = demo_chat_messages(start, today, random.Random(CHAT_SEED))
    if quiet_from is not None:
        messages = [m for m in messages if m.ts < quiet_from] + list(after)
    if until is not None:
        last = until.astimezone().replace(tzinfo=None)
        messages = [m for m in messages if m.ts <= last]
    partner = load_story().partner
    me = load_chat_copy().me
    chat = NewChat("whatsapp", partner, SOURCE_NAME.format(partner=partner))
    return workspace.chats.repo.store(chat, in_columns(messages), workspace.clock.now(),
                                      lambda participants, current: me)

