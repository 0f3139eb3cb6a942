"""Before and after a date the person sets, and where a chat's weekly figures shifted.

`compare` joins the chat's pattern report (kept by PatternService), its replies cut into
weeks, the behaviour log and the journal's mood into weekly series, and compares each
before and after the date (domain/before_after). `shifts` searches a chat's main weekly
series for the one week where each stepped most (ruptures, binary segmentation) and keeps
only steps that are clear even allowing for that search (step.Z_SEARCHED).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from clearheart.domain.before_after.chat_series import chat_series, weekly_replies
from clearheart.domain.before_after.compare import Comparison, sentence
from clearheart.domain.before_after.compare import compare as compare_series
from clearheart.domain.before_after.diary_series import log_series, mood_series
from clearheart.domain.before_after.series import Series, scale, split_week
from clearheart.domain.before_after.step import MIN_SIDE_WEEKS, Z_SEARCHED
from clearheart.domain.patterns.periods import whole
from clearheart.domain.patterns.report import PatternReport, Settings
from clearheart.domain.patterns.sentence import Sentence
from clearheart.domain.patterns.timeline_build import stream_timeline
from clearheart.domain.patterns.wording import count, day
from clearheart.errors import UnusableSplit
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace

SHIFT_FIGURES = ("starts", "my_reply", "their_reply", "bids")
"""The weekly series searched for a shift: who reaches out, both reply times, bids met."""

NO_SHIFT = (
    "No week stands out as a clear step in who starts conversations, reply times or "
    "bids met, once the search across every week is allowed for."
)


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    """Every figure before and after `split`: the chat's (if one was given), then the
    behaviour log's and the mood's."""

    split: date
    chat_id: int | None
    comparisons: tuple[Comparison, ...]

    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(
            Sentence(
                "before_after",
                sentence(c),
                c.before.count + c.after.count,
                claims_change=c.claims_change,
            )
            for c in self.comparisons
        )


def compare(
    workspace: Workspace,
    split: date,
    chat_id: int | None = None,
    *,
    patterns: PatternService | None = None,
) -> BeforeAfter:
    """Each figure before against after `split`, with the step test at that date.

    With a chat, the date must fall inside it and leave `MIN_SIDE_WEEKS` whole weeks of
    it on each side (UnusableSplit otherwise, saying which). The log and the mood are
    compared whatever their span; below the minimum their sentences say so.
    """
    service = patterns or PatternService(workspace.chats, workspace.journal)
    found: list[Series] = []
    if chat_id is not None:
        found.extend(_chat(workspace, chat_id, split, service))
    found.extend(_diary(workspace, service))
    return BeforeAfter(split, chat_id, tuple(compare_series(series, split) for series in found))


def shifts(
    workspace: Workspace, chat_id: int, *, patterns: PatternService | None = None
) -> tuple[Comparison, ...]:
    """The clear shifts in the chat's main weekly series and the log's bids, by date."""
    service = patterns or PatternService(workspace.chats, workspace.journal)
    series = [
        s
        for s in (*_chat(workspace, chat_id, None, service), *_diary(workspace, service))
        if s.figure in SHIFT_FIGURES
    ]
    found = [shift for s in series if (shift := find_shift(s)) is not None]
    return tuple(sorted(found, key=lambda c: c.split))


def shift_sentences(found: tuple[Comparison, ...]) -> tuple[Sentence, ...]:
    """One sentence per shift found, or one plain line saying none stood out."""
    if not found:
        return (Sentence("shifts", NO_SHIFT, 0, figure=False),)
    return tuple(
        Sentence(
            "shifts", sentence(c), c.before.count + c.after.count, claims_change=c.claims_change
        )
        for c in found
    )


def find_shift(series: Series) -> Comparison | None:
    """The week where `series` stepped most, beyond its straight-line drift, if clear.

    The search (ruptures' binary segmentation for one change in the mean, on the series
    less its straight line, each side at least `MIN_SIDE_WEEKS` weeks) only places the
    date; whether the step there is clear is the step test with the wider `Z_SEARCHED`,
    calibrated in bench/null_split.py so that weeks with no shift rarely show one.
    """
    import numpy as np
    import ruptures

    weeks = series.weeks
    if len(weeks) < 2 * MIN_SIDE_WEEKS:
        return None
    values = np.array([scale(series, w.value) for w in weeks])
    times = np.array([(w.start - weeks[0].start).days // 7 for w in weeks], dtype=float)
    slope, level = np.polyfit(times, values, 1)
    leftover = (values - level - slope * times).reshape(-1, 1)
    found = ruptures.Binseg(model="l2", min_size=MIN_SIDE_WEEKS, jump=1).fit(leftover)
    at = int(found.predict(n_bkps=1)[0])
    if not MIN_SIDE_WEEKS <= at <= len(weeks) - MIN_SIDE_WEEKS:
        return None
    shift = compare_series(series, weeks[at].start, Z_SEARCHED, searched=True)
    return shift if shift.claims_change else None


def _chat(
    workspace: Workspace, chat_id: int, split: date | None, service: PatternService
) -> tuple[Series, ...]:
    info = workspace.chats.get(chat_id)
    report = service.report(chat_id, info=info)
    if split is not None:
        _check(report, split)
    assert info.me is not None
    others = tuple(name for name in info.participants if name != info.me)
    timeline = stream_timeline(partial(workspace.chats.repo.columns, info.id), info.me, others)
    mine, theirs = weekly_replies(timeline, Settings())
    return chat_series(report, mine, theirs)


def _check(report: PatternReport, split: date) -> None:
    """A split inside the chat, with enough whole weeks of it on each side."""
    first, last = report.basis.first, report.basis.last
    if first is None or last is None:
        raise UnusableSplit(split, "this chat has no messages to compare.")
    if not first.date() < split <= last.date():
        raise UnusableSplit(
            split,
            f"this chat runs from {day(first.date())} to "
            f"{day(last.date())}; pick a date after its first day "
            "and up to its last.",
        )
    monday = split_week(split)
    starts = [
        row.start
        for row in report.conversations.by_week
        if whole("week", row.start, first.date(), last.date())
    ]
    whole_before = sum(1 for s in starts if s < monday)
    whole_after = sum(
        1 for s in starts if s >= (monday if monday == split else monday + timedelta(days=7))
    )
    for side, weeks in (("before", whole_before), ("after", whole_after)):
        if weeks < MIN_SIDE_WEEKS:
            verb = "comes" if weeks == 1 else "come"
            raise UnusableSplit(
                split,
                f"only {count(weeks, 'whole week')} of this chat {verb} {side} it, and a fair "
                f"comparison needs at least {MIN_SIDE_WEEKS} on each side.",
            )


def _diary(workspace: Workspace, service: PatternService) -> tuple[Series, ...]:
    today = workspace.clock.now().date()
    log = workspace.log.weekly()
    mood = service.mood()
    return (
        *log_series(log.weeks, today),
        mood_series([(p.start, p.mean, p.checkins) for p in mood], today),
    )
