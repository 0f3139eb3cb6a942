"""The person's support network (concept C4): the people and places that help, and when
they were last in touch.

Each supporter has a name, what they are good for (a few kinds, plus the person's own
words), how to reach them, and, only if the person chooses one, how often they would
like to be in touch. A nudge comes only from that chosen interval: with none set there
is never a nudge, since no norm of how often people "should" talk is ours to invent.
Nothing here scores a social life; the summary counts, over a stated period.

Rules and edge cases:
- A name is required (a first name, a nickname, "the Tuesday group"); everything else
  is optional. Texts are trimmed, NFC-normalised and kept to their limits.
- An interval is 1 to MAX_EVERY_DAYS days; "10", "10d", "3w", "3 weeks" all read.
- A time in touch is dated by day, never after today and not before MIN_DAY.
- Overdue means strictly more days than the interval since the last time in touch, or,
  with none logged yet, since the day the supporter was added (so a new name does not
  nudge at once).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from clearheart.errors import InvalidInput

MAX_NAME = 200
MAX_WORDS = 500
MAX_HOW = 200
MAX_NOTE = 200
MAX_EVERY_DAYS = 365
MIN_DAY = date(1900, 1, 1)
RECENT_DAYS = 30
"""The summary's window: times in touch in the last this-many days, today included."""


class Kind(StrEnum):
    TALK = "talk"
    COMPANY = "company"
    PRACTICAL = "practical"
    FUN = "fun"
    ADVICE = "advice"


KINDS: dict[Kind, str] = {
    Kind.TALK: "someone to talk to",
    Kind.COMPANY: "company",
    Kind.PRACTICAL: "practical help",
    Kind.FUN: "fun",
    Kind.ADVICE: "advice",
}
"""Each kind and how it reads ("good for …")."""

HARD_MOMENTS = frozenset({Kind.TALK, Kind.COMPANY})
"""The kinds that help in a hard moment, such as an urge to reach out to an ex."""


@dataclass(frozen=True, slots=True)
class Contact:
    """One time the person reached out or spent time with a supporter."""

    id: int
    supporter_id: int
    on: date
    note: str = ""


@dataclass(frozen=True, slots=True)
class Details:
    """What the person says about a supporter, checked (clean_details)."""

    name: str
    good_for: frozenset[Kind] = frozenset()
    words: str = ""
    """What they are good for, in the person's own words."""
    how: str = ""
    """How to reach them: a number, an address, "after choir"."""
    every_days: int | None = None
    """How often the person would like to be in touch, in days; None: no nudges."""


@dataclass(frozen=True, slots=True)
class Supporter:
    id: int
    details: Details
    added: datetime
    contacts: tuple[Contact, ...] = ()
    """Newest first."""

    @property
    def name(self) -> str:
        return self.details.name

    @property
    def last(self) -> date | None:
        """The day of the latest time in touch, or None."""
        return max((c.on for c in self.contacts), default=None)

    def good_for(self, kinds: Iterable[Kind]) -> bool:
        return bool(self.details.good_for & frozenset(kinds))


@dataclass(frozen=True, slots=True)
class Due:
    """A supporter past the interval the person chose."""

    supporter: Supporter
    days: int
    """Days since the last time in touch (or since added, with none logged)."""
    since_added: bool
    """True when nothing was logged yet, so `days` counts from the day they were added."""

    @property
    def sentence(self) -> str:
        """The nudge, gently: an offer, never a reproach."""
        name, span = self.supporter.name, span_words(self.days)
        if self.since_added:
            return f"You added {name} {span} ago. Would a short message be nice?"
        return (
            f"It has been {span} since you were last in touch with {name}. "
            "Would a short message be nice?"
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts only: no score of anyone's social life."""

    people: int
    reached: int
    """Supporters with at least one time in touch in the window."""
    times: int
    """Times in touch logged in the window."""
    since: date
    until: date


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_EVERY = re.compile(r"(\d{1,4})\s*(d|day|days|w|wk|wks|week|weeks)?", re.ASCII)


def _count(number: int, unit: str) -> str:
    said = _SMALL[number] if number < len(_SMALL) else f"{number:,}"
    return f"{said} {unit}{'' if number == 1 else 's'}"


def span_words(days: int) -> str:
    """A span said plainly: "a day", "ten days", "three weeks" (whole weeks from 14 days)."""
    if days < 14:
        return "a day" if days == 1 else _count(days, "day")
    return _count(days // 7, "week")


def every_words(days: int) -> str:
    """ "every day", "every 10 days", "every 3 weeks" (weeks when it divides evenly)."""
    if days == 1:
        return "every day"
    if days % 7 == 0:
        weeks = days // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return f"every {days} days"


def _text(value: object, field: str, limit: int, *, line: bool = True) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(field, "expected text")
    cleaned = unicodedata.normalize("NFC", value).replace("\r\n", "\n").strip()
    if line:
        cleaned = " ".join(cleaned.split())
    if "\x00" in cleaned:
        raise InvalidInput(field, "the text holds a character that cannot be kept")
    if len(cleaned) > limit:
        raise InvalidInput(field, f"keep this to {limit:,} characters (it has {len(cleaned):,})")
    return cleaned


def read_every(text: str) -> int | None:
    """An interval as typed ("", "10", "10d", "3w", "3 weeks") in days; "" is None."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    match = _EVERY.fullmatch(cleaned)
    if match is None:
        raise InvalidInput("every", "write a number of days or weeks, like 10d or 3w")
    days = int(match.group(1)) * (7 if (match.group(2) or "d").startswith("w") else 1)
    return check_every(days)


def check_every(days: int | None) -> int | None:
    if days is not None and not 1 <= days <= MAX_EVERY_DAYS:
        raise InvalidInput("every", f"choose from 1 day to {MAX_EVERY_DAYS} days (a year)")
    return days


def read_kinds(values: Iterable[str]) -> frozenset[Kind]:
    """Kind ids as given (case and spaces forgiven); InvalidInput names an unknown one."""
    kinds: set[Kind] = set()
    for value in values:
        cleaned = value.strip().lower()
        if not cleaned:
            continue
        try:
            kinds.add(Kind(cleaned))
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            raise InvalidInput(
                "good_for", f"{value!r} is not a kind; choose from {known}"
            ) from None
    return frozenset(kinds)


def clean_details(
    name: object,
    good_for: Iterable[str] = (),
    words: object = "",
    how: object = "",
    every_days: int | None = None,
) -> Details:
    """Check what a form, a command or a file gave; InvalidInput names the field at fault."""
    kept = _text(name, "name", MAX_NAME)
    if not kept:
        raise InvalidInput("name", "add a name (a first name, a nickname or a place)")
    return Details(
        name=kept,
        good_for=read_kinds(good_for),
        words=_text(words, "words", MAX_WORDS, line=False),
        how=_text(how, "how", MAX_HOW),
        every_days=check_every(every_days),
    )


def clean_contact_day(on: date, today: date) -> date:
    if on > today:
        raise InvalidInput("on", "choose today or a day before; a time to come is not logged yet")
    if on < MIN_DAY:
        raise InvalidInput("on", f"choose a day after {MIN_DAY.year}")
    return on


def clean_note(note: object) -> str:
    return _text(note, "note", MAX_NOTE)


def read_day(text: str, today: date) -> date:
    """A day as typed (YYYY-MM-DD, or "" for today), checked as clean_contact_day does."""
    cleaned = text.strip()
    if not cleaned:
        return today
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise InvalidInput("on", "write the day as YYYY-MM-DD, like 2026-03-14") from None
    return clean_contact_day(day, today)


def due(supporters: Iterable[Supporter], today: date) -> tuple[Due, ...]:
    """Those past their own interval, the furthest past it (by share of it) first."""
    found: list[Due] = []
    for supporter in supporters:
        every = supporter.details.every_days
        if every is None:
            continue
        last = supporter.last
        start = last if last is not None else supporter.added.date()
        days = (today - start).days
        if days > every:
            found.append(Due(supporter, days, last is None))
    return tuple(
        sorted(
            found,
            key=lambda d: (
                -d.days / (d.supporter.details.every_days or 1),
                d.supporter.name.casefold(),
                d.supporter.id,
            ),
        )
    )


def for_hard_moments(supporters: Iterable[Supporter]) -> tuple[Supporter, ...]:
    """Those marked good for talk or company, most recently in touch first."""
    chosen = [s for s in supporters if s.good_for(HARD_MOMENTS)]
    return tuple(
        sorted(
            chosen,
            key=lambda s: (s.last is None, -(s.last or MIN_DAY).toordinal(), s.name.casefold()),
        )
    )


def summarise(supporters: Sequence[Supporter], today: date) -> Summary:
    since = today - timedelta(days=RECENT_DAYS - 1)
    recent = [c for s in supporters for c in s.contacts if since <= c.on <= today]
    return Summary(
        people=len(supporters),
        reached=len({c.supporter_id for c in recent}),
        times=len(recent),
        since=since,
        until=today,
    )


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same person's as far as words can tell (case, spaces)."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def on_plan(supporters: Iterable[Supporter], plan_names: Iterable[str]) -> frozenset[int]:
    """Ids of supporters whose name is also among the safety plan's people. The plan holds
    copies (so it stays printable on its own), so the names are what tie them."""
    names = tuple(plan_names)
    return frozenset(s.id for s in supporters if any(same_name(s.name, n) for n in names))
