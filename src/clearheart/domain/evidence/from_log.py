"""Evidence from the behaviour log: bids, answers to a named need, repairs, needs, plans,
pulling back and the person's own side, each with its count, its dates and its months.

The rule. Each item counts the entries of its kinds in the dates given and says so plainly
("Of the 30 bids you logged between …, they turned toward 12, …"). A share (a percentage)
is given only with its 95% interval (patterns/share.py: Wilson, widened for weeks that
cluster, the same rule as the chats' share of conversations) and only from
`MIN_SHARE_COUNT` entries on; below that the item says it is too few to read a steady
share from and how many more would help. Months are listed as counts, side by side,
never as a trend: nothing here says that anything changed, so no item claims change.

Edge cases: a source with no entries gives no item. Months are calendar months of the
person's own local days; a month with none of an item's kinds is left out of its list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from clearheart.domain.behaviour import (
    ANSWERS,
    BIDS,
    BY_ID,
    REPAIRS,
    WHAT_I_DID,
    WITHDRAWALS,
    LogEntry,
    week_of,
)
from clearheart.domain.evidence.item import EvidenceItem, Point
from clearheart.domain.evidence.sources import SOURCES
from clearheart.domain.patterns.periods import period_of
from clearheart.domain.patterns.share import MIN_SHARE_COUNT, design_effect, wilson
from clearheart.domain.patterns.wording import count, listing, span
from clearheart.domain.percent import percent, percent_of

NEEDS = ("need_met", "need_unmet")
PLAN_OUTCOMES = ("plan_kept", "plan_cancelled")


@dataclass(frozen=True, slots=True)
class Picked:
    """The entries of one item's kinds, with their tally."""

    entries: tuple[LogEntry, ...]
    counts: Counter[str]

    @property
    def n(self) -> int:
        return len(self.entries)

    @property
    def period(self) -> str:
        return span(self.entries[0].day, self.entries[-1].day)


def times(n: int) -> str:
    """ "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(n, f"{n:,} times")


def _pick(entries: Sequence[LogEntry], kinds: Iterable[str]) -> Picked:
    wanted = set(kinds)
    found = tuple(sorted((e for e in entries if e.kind in wanted), key=lambda e: e.at))
    return Picked(found, Counter(e.kind for e in found))


def share_note(entries: Sequence[LogEntry], part: Iterable[str], of: str) -> str:
    """The share of `part` kinds with its interval, or how many more entries would help."""
    kinds = set(part)
    n = len(entries)
    if n < MIN_SHARE_COUNT:
        return (
            f" That is too few to read a steady share from yet; about "
            f"{MIN_SHARE_COUNT - n} more {of} would help."
        )
    weeks: dict[date, list[int]] = {}
    for entry in entries:
        tally = weeks.setdefault(week_of(entry.day), [0, 0])
        tally[0] += entry.kind in kinds
        tally[1] += 1
    hits = sum(t[0] for t in weeks.values())
    low, high = wilson(
        hits, n, design_effect([t[0] for t in weeks.values()], [t[1] for t in weeks.values()])
    )
    return (
        f" That is {percent_of(hits, n)}; with this many, the share could be anywhere "
        f"from {percent(low)} to {percent(high)}."
    )


def _months(picked: Picked, show: Callable[[Counter[str]], str]) -> tuple[Point, ...]:
    by_month: dict[date, Counter[str]] = {}
    for entry in picked.entries:
        by_month.setdefault(period_of("month", entry.day), Counter())[entry.kind] += 1
    return tuple(
        Point(start, show(tally), sum(tally.values())) for start, tally in by_month.items()
    )


def _link(kinds: Iterable[str]) -> str:
    return "/log?" + urlencode([("kind", k) for k in kinds])


def _item(
    source: str,
    title: str,
    text: str,
    picked: Picked,
    kinds: Sequence[str],
    months: Callable[[Counter[str]], str] | None = None,
) -> EvidenceItem:
    found = SOURCES[source]
    return EvidenceItem(
        key=source,
        concept=found.concept,
        bears_on=found.bears_on,
        title=title,
        text=text,
        n=picked.n,
        unit="log entries" if picked.n != 1 else "log entry",
        since=picked.entries[0].day,
        until=picked.entries[-1].day,
        link=_link(kinds),
        months=_months(picked, months) if months else (),
    )


def _of(part: str, whole: Iterable[str]) -> Callable[[Counter[str]], str]:
    kinds = tuple(whole)
    return lambda tally: f"{tally[part]} of {sum(tally[k] for k in kinds)}"


def bids(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, BIDS)
    if not got.n:
        return None
    c = got.counts
    text = (
        f"Of the {count(got.n, 'bid')} you logged {got.period}, they turned toward "
        f"{c['bid_toward']}, away from {c['bid_away']} and against {c['bid_against']}."
        + share_note(got.entries, ("bid_toward",), "bids")
    )
    return _item(
        "log-bids", "Reaching out: how bids were met", text, got, BIDS, _of("bid_toward", BIDS)
    )


def answers(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, ANSWERS)
    if not got.n:
        return None
    c = got.counts
    text = (
        f"When you named a need, you logged how they answered {times(got.n)} "
        f"{got.period}: they took it on {times(c['named_took_on'])}, brushed it "
        f"off {times(c['named_brushed_off'])} and turned it back on you "
        f"{times(c['named_turned_back'])}."
    )
    said = sum(
        1
        for e in entries
        if e.kind == "i_said_need" and got.entries[0].day <= e.day <= got.entries[-1].day
    )
    if said:
        text += f" In the same dates you noted naming a need {times(said)}."
    text += share_note(got.entries, ("named_took_on",), "answers")
    return _item(
        "log-answers", "When you named a need", text, got, ANSWERS, _of("named_took_on", ANSWERS)
    )


def repairs(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, REPAIRS)
    if not got.n:
        return None
    c = got.counts
    mine = c["repair_mine_accepted"] + c["repair_mine_missed"]
    theirs = c["repair_theirs_accepted"] + c["repair_theirs_missed"]
    text = (
        f"You logged {count(got.n, 'repair attempt')} {got.period}: {mine} by you, of "
        f"which they accepted {c['repair_mine_accepted']}, and {theirs} by them, of which "
        f"you accepted {c['repair_theirs_accepted']}."
    )
    accepted = ("repair_mine_accepted", "repair_theirs_accepted")
    return _item(
        "log-repairs",
        "Repairs after a rough moment",
        text,
        got,
        REPAIRS,
        lambda t: f"{sum(t[k] for k in accepted)} of {sum(t.values())} accepted",
    )


def needs(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, NEEDS)
    if not got.n:
        return None
    c = got.counts
    text = (
        f"Of the {count(got.n, 'need')} you logged {got.period}, {c['need_met']} "
        f"{'was' if c['need_met'] == 1 else 'were'} met and {c['need_unmet']} went unmet."
        + share_note(got.entries, ("need_met",), "needs logged")
    )
    return _item(
        "log-needs",
        "Needs met and unmet",
        text,
        got,
        NEEDS,
        lambda t: f"{t['need_met']} of {sum(t.values())} met",
    )


def plans(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, PLAN_OUTCOMES)
    if not got.n:
        return None
    c = got.counts
    made = sum(1 for e in entries if e.kind == "plan_made")
    text = (
        f"Of the {count(got.n, 'plan')} whose outcome you logged {got.period}, "
        f"{c['plan_kept']} {'was' if c['plan_kept'] == 1 else 'were'} kept and "
        f"{c['plan_cancelled']} called off."
    )
    if made:
        text += f" You also noted {count(made, 'plan')} being made."
    return _item(
        "log-plans",
        "Plans kept and called off",
        text,
        got,
        PLAN_OUTCOMES,
        lambda t: f"{t['plan_kept']} of {sum(t.values())} kept",
    )


def pulling_back(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, WITHDRAWALS)
    if not got.n:
        return None
    text = f"You noted them pulling back {times(got.n)} {got.period}."
    return _item(
        "log-pulling-back",
        "Times they pulled back",
        text,
        got,
        WITHDRAWALS,
        lambda t: f"{sum(t.values())}",
    )


def own_side(entries: Sequence[LogEntry]) -> EvidenceItem | None:
    got = _pick(entries, WHAT_I_DID)
    if not got.n:
        return None
    parts = [f"{BY_ID[k].label} ({v})" for k, v in got.counts.most_common()]
    text = (
        f"You logged {count(got.n, 'entry', 'entries')} about your own side "
        f"{got.period}: {listing(parts)}."
    )
    return _item("log-own-side", "Your own side", text, got, WHAT_I_DID)


def log_items(entries: Iterable[LogEntry]) -> tuple[EvidenceItem, ...]:
    """Every log item the entries give, in registry order; sources with no entries give none."""
    found = list(entries)
    made = (
        bids(found),
        answers(found),
        repairs(found),
        needs(found),
        plans(found),
        pulling_back(found),
        own_side(found),
    )
    return tuple(item for item in made if item is not None)
