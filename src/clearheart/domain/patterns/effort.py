"""Effort and length: how much each person writes, how long, and how many questions they ask.

Characters and words count written text only (a photo's placeholder line is not words);
media still counts as a message. A question is a message with a question mark in it, so
"are you ok???" is one question.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import compress, repeat
from operator import add, mul

from clearheart.domain.patterns.periods import PeriodCounts, Periods
from clearheart.domain.patterns.stats import histogram_quantile
from clearheart.domain.patterns.timeline import Basis, Timeline


@dataclass(frozen=True, slots=True)
class EffortStats:
    messages: int
    """Every message, media included."""
    media: int
    share: float | None
    """This person's share of all messages in the same stretch."""
    chars_mean: float | None
    chars_median: float | None
    words_mean: float | None
    words_median: float | None
    questions: int


@dataclass(frozen=True, slots=True)
class PeriodEffort:
    start: date
    label: str
    people: tuple[EffortStats, ...]


@dataclass(frozen=True, slots=True)
class Effort:
    names: tuple[str, ...]
    overall: tuple[EffortStats, ...]
    per_week: tuple[float, ...]
    """Mean messages per calendar week, per participant, over the weeks the chat spans."""
    by_week: tuple[PeriodCounts, ...]
    """Messages per participant per week."""
    by_month: tuple[PeriodEffort, ...]
    basis: Basis


def _codes(timeline: Timeline) -> bytearray | list[int]:
    """Each message's participant number, or len(names) where the message is media."""
    sender = timeline.sender
    small = isinstance(sender, bytes | bytearray)  # fewer than 256 people: media fits too
    codes: bytearray | list[int] = bytearray(sender) if small else list(sender)
    media = len(timeline.names)
    for position in timeline.media_positions:
        codes[position] = media
    return codes


def _split(histogram: Counter[int], width: int, people: int) -> list[Counter[int]]:
    """Undo value * width + code: one histogram of values per participant."""
    parts: list[Counter[int]] = [Counter() for _ in range(people)]
    for key, n in histogram.items():
        value, code = divmod(key, width)
        if code < people:
            parts[code][value] += n
    return parts


def _stats(
    messages: int, chars: Counter[int], words: Counter[int], questions: int, total: int
) -> EffortStats:
    texts = chars.total()
    return EffortStats(
        messages=messages,
        media=messages - texts,
        share=messages / total if total else None,
        chars_mean=sum(v * n for v, n in chars.items()) / texts if texts else None,
        chars_median=histogram_quantile(chars, 0.5),
        words_mean=sum(v * n for v, n in words.items()) / texts if texts else None,
        words_median=histogram_quantile(words, 0.5),
        questions=questions,
    )


def measure_effort(
    timeline: Timeline,
    weeks: Periods,
    months: Periods,
    basis: Basis,
) -> Effort:
    """Lengths are counted once per message, then tallied per month as value * width + code,
    so one Counter per month serves every participant at once.
    """
    chars, words_of, asks_of = timeline.chars, timeline.words, timeline.asks
    people = len(timeline.names)
    width = people + 1
    codes = _codes(timeline)
    totals = [(Counter[int](), Counter[int]()) for _ in range(people)]
    overall_messages = [0] * people
    overall_questions = [0] * people
    by_month = []
    for i, start in enumerate(months.starts):
        # Month by month, so the per-message numbers never pile up into million-long lists.
        lo, hi = months.bounds[i], months.bounds[i + 1]
        owners = codes[lo:hi]
        messages = [timeline.count(p, lo, hi) for p in range(people)]
        questions = Counter(compress(owners, asks_of[lo:hi]))
        lengths = chars[lo:hi]
        char_parts = _split(Counter(map(add, map(mul, lengths, repeat(width)), owners)), width,
                            people)
        words = words_of[lo:hi]
        word_parts = _split(Counter(map(add, map(mul, words, repeat(width)), owners)), width,
                            people)
        row = []
        for p in range(people):
            totals[p][0].update(char_parts[p])
            totals[p][1].update(word_parts[p])
            overall_messages[p] += messages[p]
            overall_questions[p] += questions[p]
            row.append(_stats(messages[p], char_parts[p], word_parts[p], questions[p], hi - lo))
        by_month.append(PeriodEffort(start, months.label(i), tuple(row)))
    overall = tuple(
        _stats(overall_messages[p], totals[p][0], totals[p][1], overall_questions[p],
               timeline.size)
        for p in range(people)
    )
    by_week = []
    for i, start in enumerate(weeks.starts):
        lo, hi = weeks.bounds[i], weeks.bounds[i + 1]
        counts = tuple(timeline.count(p, lo, hi) for p in range(people))
        by_week.append(PeriodCounts(start, weeks.label(i), counts))
    spanned = max(len(weeks), 1)
    return Effort(
        names=timeline.names,
        overall=overall,
        per_week=tuple(n / spanned for n in overall_messages),
        by_week=tuple(by_week),
        by_month=tuple(by_month),
        basis=basis,
    )

