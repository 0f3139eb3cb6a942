"""The behaviour log: what actually happened, noted as it happened (concepts A1, A4, B4-B6).

The kinds are data: an id, a short label in our own words, a line of what it
means, and the group it belongs to. Nothing here reads a clock: the caller
passes "now" in, so the same rules hold in tests, the CLI and the web.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from clearheart.errors import InvalidInput

Group = Literal[
    "bids", "distance", "repair", "conflict", "together", "plans", "needs", "answers", "what I did"
]
MAX_NOTE = 2000
MAX_STEP = 40
FUTURE_TOLERANCE = timedelta(minutes=5)
"""A clock a little ahead of another (phone and laptop) is not a mistake."""
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab and newline: invisible, so they are dropped."""
_STEP_OK = re.compile(r"^[\w\-]+$")


@dataclass(frozen=True, slots=True)
class Kind:
    id: str
    label: str
    """Short, for a button or a list: says what happened in a few words."""
    description: str
    group: Group


@dataclass(frozen=True, slots=True)
class GroupInfo:
    id: Group
    title: str
    hint: str


GROUPS: tuple[GroupInfo, ...] = (
    GroupInfo(
        "bids",
        "Reaching out",
        "A bid is any small reach for connection: a question, a touch, a joke, a "
        "photo sent. What matters here is how it was met.",
    ),
    GroupInfo("distance", "Distance", "When they stepped back from you or from a talk."),
    GroupInfo(
        "repair", "Repair", "An attempt to mend things after a rough moment, by either of you."
    ),
    GroupInfo("conflict", "Conflict", "A disagreement that got heated or stuck."),
    GroupInfo("together", "Together", "Time that felt shared."),
    GroupInfo("plans", "Plans", "Plans made, kept or called off."),
    GroupInfo("needs", "Needs", "Whether something you need was met."),
    GroupInfo(
        "answers",
        "When I named a need",
        "How they answered in the moment you said what you need. It describes that moment, "
        "not who they are.",
    ),
    GroupInfo(
        "what I did",
        "What I did",
        "Your own side of the moment. Noting it is not a grade; it helps you see your own pattern.",
    ),
)

KINDS: tuple[Kind, ...] = (
    Kind(
        "bid_toward",
        "They turned toward me",
        "I reached out and they responded: they answered, looked up, joined in.",
        "bids",
    ),
    Kind(
        "bid_away", "They turned away", "I reached out and it went unanswered or unnoticed.", "bids"
    ),
    Kind(
        "bid_against",
        "They turned against me",
        "I reached out and the answer was sharp, cold or dismissive.",
        "bids",
    ),
    Kind(
        "they_withdrew",
        "They pulled back",
        "They went quiet, left the talk or put distance between us.",
        "distance",
    ),
    Kind(
        "repair_mine_accepted",
        "I tried to repair; it was taken up",
        "I reached out to mend things and they met me.",
        "repair",
    ),
    Kind(
        "repair_mine_missed",
        "I tried to repair; it was not taken up",
        "I reached out to mend things and it did not land this time.",
        "repair",
    ),
    Kind(
        "repair_theirs_accepted",
        "They tried to repair; I took it up",
        "They reached out to mend things and I met them.",
        "repair",
    ),
    Kind(
        "repair_theirs_missed",
        "They tried to repair; I was not ready",
        "They reached out to mend things and I could not take it up yet.",
        "repair",
    ),
    Kind(
        "conflict",
        "We had a conflict",
        "A disagreement that got heated, hurt, or went round in circles.",
        "conflict",
    ),
    Kind(
        "quality_time",
        "Good time together",
        "Time together with attention on each other.",
        "together",
    ),
    Kind("plan_made", "A plan was made", "We agreed on something to do together.", "plans"),
    Kind("plan_kept", "A plan was kept", "A plan happened as agreed.", "plans"),
    Kind(
        "plan_cancelled",
        "A plan was called off",
        "A plan was cancelled, moved, or quietly did not happen.",
        "plans",
    ),
    Kind(
        "need_met",
        "A need of mine was met",
        "Something I need came my way, asked for or not.",
        "needs",
    ),
    Kind(
        "need_unmet",
        "A need of mine went unmet",
        "Something I need did not come, or was turned down.",
        "needs",
    ),
    Kind(
        "named_took_on",
        "They took it on",
        "I named a need and they listened, owned their part or offered something.",
        "answers",
    ),
    Kind(
        "named_brushed_off",
        "They brushed it off",
        "I named a need and they changed the subject, joked it away or let it drop.",
        "answers",
    ),
    Kind(
        "named_turned_back",
        "They turned it back on me",
        "I named a need and it came back as blame, or as a list of what I do wrong.",
        "answers",
    ),
    Kind(
        "i_pursued",
        "I pursued",
        "I pushed for contact or an answer: more messages, more calls, pressing.",
        "what I did",
    ),
    Kind(
        "i_gave_space",
        "I gave space",
        "I said I cared, then stepped back and let things be.",
        "what I did",
    ),
    Kind(
        "i_soothed_myself",
        "I soothed myself",
        "I calmed my own body and mind: a walk, breathing, a shower, a friend.",
        "what I did",
    ),
    Kind("i_said_need", "I said what I need", "I named a need calmly, as a request.", "what I did"),
    Kind(
        "i_asked_once",
        "I asked once, then looked after myself",
        "I asked for support one time, then turned to caring for myself.",
        "what I did",
    ),
    Kind(
        "i_paused",
        "I paused instead of chasing",
        "A message was ready to go; I held it and looked after myself first.",
        "what I did",
    ),
)
BY_ID: dict[str, Kind] = {k.id: k for k in KINDS}
GROUP_BY_ID: dict[str, GroupInfo] = {g.id: g for g in GROUPS}

BIDS = ("bid_toward", "bid_away", "bid_against")
REPAIRS = (
    "repair_mine_accepted",
    "repair_mine_missed",
    "repair_theirs_accepted",
    "repair_theirs_missed",
)
REPAIRS_ACCEPTED = ("repair_mine_accepted", "repair_theirs_accepted")
WITHDRAWALS = ("they_withdrew",)
ANSWERS = ("named_took_on", "named_brushed_off", "named_turned_back")
"""How they answered when a need was named (concept D4): what happened, never who they are."""
WHAT_I_DID = tuple(k.id for k in KINDS if k.group == "what I did")


def kinds_in(group: Group) -> tuple[Kind, ...]:
    return tuple(k for k in KINDS if k.group == group)


@dataclass(frozen=True, slots=True)
class LogEntry:
    id: int
    at: datetime
    """When it happened: aware, in the time zone it was logged in."""
    kind: str
    note: str | None
    cycle_map_id: int | None
    cycle_step: str | None
    created_at: datetime
    """When it was written down (UTC)."""

    @property
    def label(self) -> str:
        found = BY_ID.get(self.kind)
        return found.label if found else self.kind

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True, slots=True)
class Draft:
    """A log entry as checked, before it is stored."""

    kind: str
    at: datetime
    note: str | None = None
    cycle_map_id: int | None = None
    cycle_step: str | None = None


def check_kind(kind: str) -> str:
    value = kind.strip().lower().replace("-", "_")
    if value not in BY_ID:
        known = ", ".join(k.id for k in KINDS)
        raise InvalidInput("kind", f"there is no kind {kind.strip()!r}; the kinds are: {known}")
    return value


def clean_note(note: str | None) -> str | None:
    """The note normalised (NFC, newlines, invisible characters dropped), or None if empty."""
    if note is None:
        return None
    text = unicodedata.normalize("NFC", note).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InvalidInput("note", "the note contains a NUL character")
    text = _CONTROL.sub("", text).strip()
    if len(text) > MAX_NOTE:
        raise InvalidInput(
            "note", f"a note can be at most {MAX_NOTE:,} characters (this one has {len(text):,})"
        )
    return text or None


def check_at(at: datetime, now: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput("at", "the time needs a time zone")
    if at < EARLIEST:
        raise InvalidInput("at", "the time cannot be before 1970")
    if at > now + FUTURE_TOLERANCE:
        raise InvalidInput("at", "the time is in the future; log what has already happened")
    return at


def check_step(step: str | None) -> str | None:
    if step is None or not step.strip():
        return None
    value = step.strip()
    if len(value) > MAX_STEP or not _STEP_OK.match(value):
        raise InvalidInput("step", "a step id is up to 40 letters, numbers, dashes or underscores")
    return value


def clean(draft: Draft, now: datetime) -> Draft:
    """Return the draft normalised, or raise InvalidInput naming the field at fault.

    Whether a cycle step exists in its map is for the caller to check: it needs the store.
    """
    step = check_step(draft.cycle_step)
    if draft.cycle_map_id is not None and step is None:
        raise InvalidInput("step", "choose a step of the cycle map")
    return Draft(
        kind=check_kind(draft.kind),
        at=check_at(draft.at, now),
        note=clean_note(draft.note),
        cycle_map_id=draft.cycle_map_id if step else None,
        cycle_step=step,
    )


def week_of(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def parse_when(text: str | None, now: datetime, field: str = "at") -> datetime | None:
    """What a person typed for "when": "HH:MM" today, or an ISO date and time.

    Without a zone it is local time, meaning the zone of `now`. Empty means "now" (None).
    """
    value = (text or "").strip()
    if not value:
        return None
    try:
        if len(value) <= 5 and ":" in value:
            moment = datetime.combine(now.date(), time.fromisoformat(value.zfill(5)))
        else:
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            field,
            f"{value!r} is not a time; write HH:MM for today, or a date "
            "and time like 2025-03-04T21:30",
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment
