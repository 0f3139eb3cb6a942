"""One plain, kind sentence per figure of a pattern report, in Clearheart's voice.

Every figure sentence says how much data it rests on, describes what happened rather than
what anyone is like, and never tells the person what to do or what comes next. Where the data
is thin it says so instead of giving a number that would mislead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from clearheart.domain.patterns.effort import EffortStats
from clearheart.domain.patterns.latency import LatencyStats, PersonLatency
from clearheart.domain.patterns.loop_sentences import loop
from clearheart.domain.patterns.periods import PeriodCounts
from clearheart.domain.patterns.plan_figures import plan_figures
from clearheart.domain.patterns.plans import Outcome, PlanCounts
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.sentence import Sentence, cap, them, who, whose
from clearheart.domain.patterns.share import HALF_WIDTH, MIN_SHARE_COUNT, design_effect, wilson
from clearheart.domain.patterns.trend import MIN_MONTHS, drift
from clearheart.domain.patterns.wording import (
    count,
    day,
    duration,
    listing,
    month,
    possessive,
    span,
)
from clearheart.domain.percent import percent

MIN_CONVERSATIONS = 10
MIN_REPLIES = 20
"""Replies a month needs before its median counts in the reply-time trend."""
MIN_MESSAGES = 20
RECENT_WEEKS = 12


def describe(report: PatternReport) -> tuple[Sentence, ...]:
    """Sentences for every part of the report, in reading order."""
    return (
        *conversations(report),
        *latency(report),
        *unanswered(report),
        *silences(report),
        *effort(report),
        *plans(report),
        *loop(report),
    )


def conversations(report: PatternReport) -> list[Sentence]:
    found = report.conversations
    if found.count < MIN_CONVERSATIONS:
        return [Sentence(
            "conversations",
            f"There {'is' if found.count == 1 else 'are'} only "
            f"{count(found.count, 'conversation')} here so far, too few yet to say who "
            "usually reaches out first.",
            found.count,
        )]
    first, last = report.basis.first, report.basis.last
    assert first is not None and last is not None
    share = found.share(0) or 0.0
    said = [Sentence(
        "conversations",
        f"You started {percent(share)} of conversations {span(first.date(), last.date())} "
        f"({count(found.count, 'conversation')}).",
        found.count,
    )]
    recent = found.by_week[-RECENT_WEEKS:]
    total = sum(row.total for row in recent)
    if len(found.by_week) > RECENT_WEEKS:
        said.append(_recent(recent, total, last.date()))
    return said


def _recent(recent: Sequence[PeriodCounts], total: int, last: date) -> Sentence:
    """The share started in the last weeks, with its interval (share.py), or "too few".

    It is not compared with the whole stretch: no test of that difference is made, so the
    sentence gives the recent figure and how sure it is, nothing more.
    """
    window = f"In the {RECENT_WEEKS} weeks up to {day(last)}"
    if total < MIN_SHARE_COUNT:
        return Sentence(
            "conversations",
            f"{window} there {'was' if total == 1 else 'were'} "
            f"{count(total, 'conversation')}: too few to say who started more of them. A "
            f"share of that stretch needs about {MIN_SHARE_COUNT} conversations before it "
            f"is known within {percent(HALF_WIDTH)} either way.",
            total,
        )
    mine = sum(row.counts[0] for row in recent)
    effect = design_effect([row.counts[0] for row in recent], [row.total for row in recent])
    low, high = wilson(mine, total, effect)
    return Sentence(
        "conversations",
        f"{window}, you started {percent(mine / total)} of {count(total, 'conversation')}; "
        f"with this many, the true share could be anywhere from {percent(low)} to "
        f"{percent(high)}.",
        total,
    )


def _ratio(value: float) -> str:
    """A ratio of reply times as a plain change: "35% slower", "20% quicker", "no change"."""
    if value >= 1:
        more = percent(value - 1)
        return "no change" if more == "0%" else f"{more} slower"
    less = percent(1 - value)
    return "no change" if less == "0%" else f"{less} quicker"


def _drift(owner: str, person: PersonLatency, first: date, last: date) -> Sentence:
    """Whether one person's typical reply time drifted across whole months (trend.drift).

    `owner` is "your" or "Sam's". Only a clear drift claims a change; otherwise the
    sentence says "about the same" with the range a steady change could lie in, or, below
    the minimum, how many whole months are still needed.
    """
    found = drift(person, first, last, MIN_REPLIES)
    rests = count(found.replies, "reply", "replies")
    if not found.enough:
        return Sentence(
            "latency",
            f"Telling whether {owner} replies have "
            f"got quicker or slower takes at least {MIN_MONTHS} whole months with "
            f"{MIN_REPLIES} or more replies each; so far there "
            f"{'is' if found.months == 1 else 'are'} {found.months}, so there is not "
            f"enough to tell yet ({rests}).",
            found.replies,
        )
    assert found.first is not None and found.last is not None
    assert found.start is not None and found.end is not None
    assert found.low is not None and found.high is not None
    stretch = (
        f"Across the {found.months} whole months from {month(found.first)} to "
        f"{month(found.last)}"
    )
    if found.direction == 0:
        high = "much slower" if math.isinf(found.high) else _ratio(found.high)
        return Sentence(
            "latency",
            f"{stretch}, {owner} typical reply time "
            f"stayed about the same: any steady change is somewhere between "
            f"{_ratio(found.low)} and {high}, within the usual ups and downs ({rests}).",
            found.replies,
        )
    way, bound = ("slower", found.low) if found.direction > 0 else ("quicker", found.high)
    return Sentence(
        "latency",
        f"{stretch}, {owner} replies got {way}: the "
        f"typical reply time went from about {duration(found.start)} to about "
        f"{duration(found.end)}, a change of at least {_ratio(bound).removesuffix(' ' + way)}"
        f", more than the usual ups and downs explain ({rests}).",
        found.replies,
        claims_change=True,
    )


def latency(report: PatternReport) -> list[Sentence]:
    said = []
    for person, mine in enumerate(report.latency.people):
        owner = cap(whose(report, person))
        overall: LatencyStats = mine.overall
        if overall.replies < MIN_REPLIES:
            said.append(Sentence(
                "latency",
                f"{owner} replies: only {count(overall.replies, 'reply', 'replies')} so far, "
                "not enough yet to give a typical time.",
                overall.replies,
            ))
            continue
        assert overall.median is not None and overall.p90 is not None
        said.append(Sentence(
            "latency",
            f"{owner} replies took a median of {duration(overall.median)}, and nine in ten "
            f"came within {duration(overall.p90)} "
            f"({count(overall.replies, 'reply', 'replies')}).",
            overall.replies,
        ))
        first, last = report.basis.first, report.basis.last
        if first is not None and last is not None:
            said.append(_drift(whose(report, person), mine, first.date(), last.date()))
    return said


def unanswered(report: PatternReport) -> list[Sentence]:
    said = []
    runs = report.unanswered.people
    mine = runs[0]
    if mine.longest and mine.longest[0].length >= 3:
        top = mine.longest[0]
        if top.wait is None:
            after = "no reply has come yet in these messages"
        elif top.wait < 60:
            after = "the reply came within a minute of the last one"
        else:
            after = f"the reply came {duration(top.wait)} after the last one"
        hard = top.length >= 4 and (top.wait is None or top.wait >= 3600)
        said.append(Sentence(
            "unanswered",
            f"The most messages you sent in a row before a reply was {top.length}, on "
            f"{day(top.first.date())}; {after}."
            + (" That kind of waiting is hard." if hard else ""),
            top.length,
        ))
    for person, theirs in enumerate(runs):
        if theirs.runs == 0:
            continue
        name = cap(who(report, person))
        if theirs.runs_3plus:
            did = f"sent three or more messages in a row {count(theirs.runs_3plus, 'time')}"
        else:
            did = "never sent three or more messages in a row"
        said.append(Sentence(
            "unanswered", f"{name} {did} ({count(theirs.runs, 'turn')} in all).", theirs.runs
        ))
    for bucket in reversed(mine.lengths):
        if bucket.low >= 2 and bucket.answered >= 5 and bucket.median_wait is not None:
            size = f"{bucket.low} or more" if bucket.high is None else (
                str(bucket.low) if bucket.high == bucket.low else f"{bucket.low} to {bucket.high}"
            )
            said.append(Sentence(
                "unanswered",
                f"After you sent {size} messages in a row, the reply took a median of "
                f"{duration(bucket.median_wait)} ({count(bucket.answered, 'time')}).",
                bucket.answered,
            ))
            break
    return said


def silences(report: PatternReport) -> list[Sentence]:
    found = report.silences
    length = duration(found.threshold_hours * 3600)
    if found.count == 0:
        return [Sentence(
            "silences",
            f"No silence of {length} or longer in these messages "
            f"({count(report.basis.messages, 'message')}).",
            report.basis.messages,
        )]
    ended = [
        f"{who(report, p)} ended {n}" for p, n in enumerate(found.broken_by) if n
    ]
    said = [Sentence(
        "silences",
        f"There {'was' if found.count == 1 else 'were'} {count(found.count, 'silence')} of "
        f"{length} or longer; {listing(ended)}.",
        found.count,
    )]
    longest = found.longest[0]
    calls = ""
    if longest.calls:
        calls = f"; {count(longest.calls, 'call')} {'was' if longest.calls == 1 else 'were'}"
        calls += " logged during it"
    which = "It" if found.count == 1 else f"The longest of the {found.count:,} silences"
    said.append(Sentence(
        "silences",
        f"{which} lasted {duration(longest.hours * 3600)}, from {day(longest.start.date())} "
        f"to {day(longest.end.date())}{calls}.",
        found.count,
    ))
    return said


def _length(stats: EffortStats) -> str:
    assert stats.chars_mean is not None and stats.words_mean is not None
    return f"{round(stats.chars_mean)} characters ({round(stats.words_mean)} words)"


def effort(report: PatternReport) -> list[Sentence]:
    found = report.effort
    total = report.basis.messages
    if total < MIN_MESSAGES:
        return [Sentence(
            "effort",
            f"Only {count(total, 'message')} so far, not enough yet to compare how much each "
            "of you writes.",
            total,
        )]
    me = found.overall[0]
    other = them(report)
    others_per_week = sum(found.per_week[1:])
    said = [Sentence(
        "effort",
        f"You sent {percent(me.share or 0.0)} of the messages: about "
        f"{round(found.per_week[0]):,} a week, and {other} about {round(others_per_week):,} "
        f"({count(total, 'message')} over {count(report.basis.weeks, 'week')}).",
        total,
    )]
    written = [s for s in found.overall if s.chars_mean is not None]
    if len(written) == len(found.overall) and len(found.overall) == 2:
        partner = found.overall[1]
        texts = (me.messages - me.media) + (partner.messages - partner.media)
        said.append(Sentence(
            "effort",
            f"Your written messages averaged {_length(me)}; {possessive(other)} averaged "
            f"{_length(partner)} ({count(texts, 'written message')}).",
            texts,
        ))
    asked = [f"{who(report, p)} asked {s.questions:,}" for p, s in enumerate(found.overall)]
    said.append(Sentence(
        "effort",
        f"Counting messages with a question mark, {listing(asked)} "
        f"({count(total, 'message')}).",
        total,
    ))
    return said


_OUTCOME_WORDS = {
    Outcome.CONFIRMED: ("was confirmed", "were confirmed"),
    Outcome.RESCHEDULED: ("was moved", "were moved"),
    Outcome.DECLINED: ("was turned down", "were turned down"),
    Outcome.CANCELLED: ("was called off later", "were called off later"),
    Outcome.NO_REPLY: ("got no reply", "got no reply"),
    Outcome.UNCLEAR: ("had no clear answer", "had no clear answer"),
}


def _outcomes(counts: PlanCounts) -> str:
    parts = []
    for outcome, (one, many) in _OUTCOME_WORDS.items():
        n = counts.outcome(outcome)
        if n:
            parts.append(f"{n:,} {one if n == 1 else many}")
    return listing(parts)


def plans(report: PatternReport) -> list[Sentence]:
    found = report.plans
    if not found.hits:
        return [Sentence(
            "plans",
            f"No plans were spotted in these messages ({count(report.basis.messages, 'message')}"
            "). The rules only count clear wording, so some plans may be missed.",
            report.basis.messages,
        )]
    said = []
    figures = plan_figures(found.overall)
    if figures.suggested:
        offered = [
            f"{who(report, p)} suggested {count(c.proposals, 'plan')}"
            for p, c in enumerate(found.overall)
        ]
        said.append(Sentence(
            "plans",
            f"{cap(listing(offered))} ({count(len(found.hits), 'message')} looked like plans).",
            len(found.hits),
        ))
    else:
        said.append(Sentence(
            "plans",
            f"No suggestions of plans were spotted, though {count(len(found.hits), 'message')} "
            f"{'touches' if len(found.hits) == 1 else 'touch'} on one (confirming, moving or "
            "calling off).",
            len(found.hits),
        ))
    for person, counts in enumerate(found.overall):
        offers = sum(n for _, n in counts.outcomes)
        if offers:
            said.append(Sentence(
                "plans",
                f"Of {whose(report, person)} {count(offers, 'suggestion')}, "
                f"{_outcomes(counts)}.",
                offers,
            ))
    total = figures.cancellations
    if total:
        called = [
            f"{who(report, p)} {count(c.cancellations, 'time')}"
            for p, c in enumerate(found.overall)
        ]
        said.append(Sentence(
            "plans",
            f"Calling off a plan or saying you can't make it: {listing(called)} "
            f"({count(total, 'message')}).",
            total,
        ))
    return said
