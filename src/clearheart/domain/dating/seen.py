"""What the person has seen of someone new so far, and how much it rests on.

No score of the new person, no verdict, no "compatibility": per checklist item, how many
notes marked it seen, a worry or not yet, over how long and across how many kinds of
situation; and for the notebook as a whole, how many entries over how long.

The rule for "early": fewer than `STEADY_NOTES` entries, or fewer than `STEADY_DAYS` days
from the first to the last, or fewer than `STEADY_SITUATIONS` kinds of situation: people
show who they are across many situations and months (F1), so the view says plainly that
it is early ("3 entries over 9 days: early to see a pattern"). A span counts both its
first and last day; spans of 14 days or more are said in whole weeks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clearheart.domain.dating.checklist import Item
from clearheart.domain.dating.notebook import ANSWERS, MATCHES, Answer, Match, Note
from clearheart.domain.evidence.from_log import times
from clearheart.domain.patterns.wording import count

STEADY_NOTES = 8
STEADY_DAYS = 90
STEADY_SITUATIONS = 3
ANSWER_WORDS: dict[Answer, str] = {
    "took-on": "they took it on",
    "brushed-off": "they brushed it off",
    "turned-back": "they turned it back on you",
}
MATCH_WORDS: dict[Match, str] = {
    "matched": "matched",
    "did-not-match": "did not match",
    "not-sure": "you were not sure",
}


def over(first: date, last: date) -> str:
    """ "on 1 day", "over 9 days", "over 6 weeks": first and last day both count."""
    days = (last - first).days + 1
    if days == 1:
        return "on 1 day"
    if days >= 14:
        return f"over {days // 7} weeks"
    return f"over {count(days, 'day')}"


@dataclass(frozen=True, slots=True)
class ItemSeen:
    item: Item
    seen: int
    worry: int
    not_yet: int
    sentence: str
    """What the notes say of it and what that rests on, or that nothing is noted yet."""


@dataclass(frozen=True, slots=True)
class Overview:
    notes: int
    basis: str
    """"3 entries over 9 days, across 2 kinds of situation: early to see a pattern."""
    early: bool
    items: tuple[ItemSeen, ...]
    answers: str
    """How they answered when a need was named, as counted; "" when never noted."""
    words_actions: str
    moods: str
    """The person's own mood around them, entry by entry; "" when never noted."""


def _item(item: Item, notes: Sequence[Note]) -> ItemSeen:
    tagged = [n for n in notes if item.id in n.draft.tags]
    tally: Counter[str] = Counter(n.draft.tags[item.id] for n in tagged)
    if not tagged:
        return ItemSeen(item, 0, 0, 0, "Nothing noted about this yet.")
    parts = [
        f"{label} {times(tally[tag])}"
        for tag, label in (
            ("seen", "seen"),
            ("worry", "a worry"),
            ("not-yet", "marked not seen yet"),
        )
        if tally[tag]
    ]
    days = [n.draft.on for n in tagged]
    kinds = len({n.draft.situation for n in tagged})
    sentence = (
        f"{', '.join(parts)[:1].upper()}{', '.join(parts)[1:]}: "
        f"{count(len(tagged), 'entry', 'entries')} {over(min(days), max(days))}, "
        f"across {count(kinds, 'kind')} of situation."
    )
    return ItemSeen(item, tally["seen"], tally["worry"], tally["not-yet"], sentence)


def _answers(notes: Sequence[Note]) -> str:
    tally = Counter(n.draft.answer for n in notes if n.draft.answer)
    if not tally:
        return ""
    said = ", ".join(f"{ANSWER_WORDS[a]} {times(tally[a])}" for a in ANSWERS if tally[a])
    return f"When you named a need ({count(sum(tally.values()), 'entry', 'entries')}): {said}."


def _matches(notes: Sequence[Note]) -> str:
    tally = Counter(n.draft.words_actions for n in notes if n.draft.words_actions)
    if not tally:
        return ""
    said = ", ".join(f"{MATCH_WORDS[m]} {times(tally[m])}" for m in MATCHES if tally[m])
    return (
        f"Whether their words and actions matched "
        f"({count(sum(tally.values()), 'entry', 'entries')}): {said}."
    )


def _moods(notes: Sequence[Note]) -> str:
    rated = [n.draft for n in sorted(notes, key=lambda n: n.draft.on) if n.draft.mood]
    if not rated:
        return ""
    marks = ", ".join(f"{d.mood}" + (f" ({d.mood_word})" if d.mood_word else "") for d in rated)
    return (
        f"Your mood around them, 1 low to 5 good, entry by entry "
        f"({count(len(rated), 'entry', 'entries')}): {marks}."
    )


def overview(items: Sequence[Item], notes: Sequence[Note]) -> Overview:
    """The per-person view: each checklist item in list order, then the notebook's ground."""
    if not notes:
        basis = "No entries yet: what you see will gather here as you write."
        early = True
    else:
        days = [n.draft.on for n in notes]
        kinds = len({n.draft.situation for n in notes})
        early = (
            len(notes) < STEADY_NOTES
            or (max(days) - min(days)).days + 1 < STEADY_DAYS
            or kinds < STEADY_SITUATIONS
        )
        basis = (
            f"{count(len(notes), 'entry', 'entries')} {over(min(days), max(days))}, "
            f"across {count(kinds, 'kind')} of situation"
            + (": early to see a pattern." if early else ".")
        )
    return Overview(
        notes=len(notes),
        basis=basis,
        early=early,
        items=tuple(_item(i, notes) for i in items),
        answers=_answers(notes),
        words_actions=_matches(notes),
        moods=_moods(notes),
    )
