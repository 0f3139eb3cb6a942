"""Checklist suggestions built from the person's own history (concepts F1-F3, C2, A2, D4).

Each suggestion drawn from history says where it came from and how much it rests on
("from your log: 14 times a named need was brushed off, between … and …"), and is worded
as what the person wants next time, in their terms: it describes moments, never labels
the old partner. Suggestions from the ideas in the source (what to look for, early signs
worth noticing) come in as `offered`, already worded (content/dating).

Rules: a log kind suggests its item once there is at least one entry of it; chats suggest
only from counts of the person's own imported chats (runs of three or more of their
messages before a reply; silences as the patterns page finds them); a value the person
weighed 2 or more in the decision aid suggests a need. Anything already on the checklist
(same id) is not suggested again. Order: the person's history first, then the ideas.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from clearheart.domain.behaviour import LogEntry
from clearheart.domain.dating.checklist import Item, ItemKind, Suggestion
from clearheart.domain.evidence.from_log import times
from clearheart.domain.patterns.wording import count, span


@dataclass(frozen=True, slots=True)
class ChatSeen:
    """One imported chat, as the counts a suggestion needs (no names, no words)."""

    runs_3plus: int
    """Times the person sent three or more messages in a row before a reply."""
    silences: int
    silence_hours: float
    messages: int
    since: date
    until: date


@dataclass(frozen=True, slots=True)
class ValueSeen:
    id: str
    label: str
    """The person's words for the value, or its offered label."""


@dataclass(frozen=True, slots=True)
class History:
    log: tuple[LogEntry, ...] = ()
    values: tuple[ValueSeen, ...] = ()
    """Values weighed 2 or more in the decision aid."""
    chats: tuple[ChatSeen, ...] = ()


@dataclass(frozen=True, slots=True)
class _FromLog:
    kinds: tuple[str, ...]
    key: str
    kind: ItemKind
    concept: str
    text: str
    what: str
    """The count's words after "from your log:": "{n}" is replaced by the count."""


FROM_LOG: tuple[_FromLog, ...] = (
    _FromLog(
        ("named_brushed_off",),
        "log-brushed-off",
        "hurt",
        "D4",
        "When I name a need, it is taken seriously rather than let drop.",
        "{n} a need you named was brushed off",
    ),
    _FromLog(
        ("named_turned_back",),
        "log-turned-back",
        "hurt",
        "D4",
        "When I raise something, it does not come back at me as blame.",
        "{n} a need you named was turned back on you",
    ),
    _FromLog(
        ("need_unmet",),
        "log-need-unmet",
        "need",
        "C1",
        "My needs count from the start; I do not trim them to keep things calm.",
        "{n} a need of yours went unmet",
    ),
    _FromLog(
        ("bid_away", "bid_against"),
        "log-bids-missed",
        "hurt",
        "A1",
        "Small reaches for connection get noticed and answered.",
        "{n} a reach for connection went unanswered or was met coldly",
    ),
    _FromLog(
        ("plan_cancelled",),
        "log-plans-cancelled",
        "hurt",
        "A2",
        "Plans mostly happen, and when one has to change, a new one is offered.",
        "{n} a plan was called off",
    ),
    _FromLog(
        ("they_withdrew",),
        "log-pulled-back",
        "hurt",
        "A1",
        "When talk gets close, they stay, or say they need a pause and come back.",
        "{n} the other person pulled back",
    ),
    _FromLog(
        ("i_pursued",),
        "log-i-pursued",
        "hurt",
        "A3",
        "I notice when I start chasing for an answer, and I look after myself instead.",
        "{n} you noted chasing for an answer",
    ),
)
"""Log kinds that suggest an item, in the order they are offered."""


def _from_log(log: Sequence[LogEntry]) -> list[Suggestion]:
    found: list[Suggestion] = []
    for rule in FROM_LOG:
        days = sorted(e.day for e in log if e.kind in rule.kinds)
        if not days:
            continue
        what = rule.what.replace("{n}", times(len(days)))
        source = f"from your log: {what}, {span(days[0], days[-1])}"
        found.append(Suggestion(Item(rule.key, rule.text, rule.kind, source), rule.concept))
    return found


def _from_chats(chats: Sequence[ChatSeen]) -> list[Suggestion]:
    if not chats:
        return []
    since = min(c.since for c in chats)
    until = max(c.until for c in chats)
    messages = count(sum(c.messages for c in chats), "message")
    where = f"in {messages} {span(since, until)}"
    found: list[Suggestion] = []
    runs = sum(c.runs_3plus for c in chats)
    if runs:
        found.append(
            Suggestion(
                Item(
                    "chat-long-runs",
                    "I do not have to send message after message before an answer comes.",
                    "hurt",
                    f"from your chats: {times(runs)} you sent three or more messages in a row "
                    f"before a reply, {where}",
                ),
                "A2",
            )
        )
    silences = sum(c.silences for c in chats)
    if silences:
        hours = min(c.silence_hours for c in chats)
        found.append(
            Suggestion(
                Item(
                    "chat-silences",
                    "Long quiet spells come with a word, not out of nowhere.",
                    "hurt",
                    f"from your chats: {count(silences, 'silence')} of {hours:g} hours "
                    f"or more, {where}",
                ),
                "A2",
            )
        )
    return found


def _from_values(values: Sequence[ValueSeen]) -> list[Suggestion]:
    return [
        Suggestion(
            Item(
                f"value-{value.id}",
                f"{value.label[:1].upper()}{value.label[1:]}: someone who makes room for it.",
                "need",
                "from your decision aid: you weighed this as mattering a lot to you",
            ),
            "C2",
        )
        for value in values
    ]


def suggest(
    history: History, offered: Sequence[Suggestion], have: Collection[str]
) -> tuple[Suggestion, ...]:
    """What to offer for the checklist: the person's history first, then the ideas."""
    every = [
        *_from_log(history.log),
        *_from_chats(history.chats),
        *_from_values(history.values),
        *offered,
    ]
    return tuple(s for s in every if s.item.id not in have)
