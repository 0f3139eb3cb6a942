"""The behaviour log's shares and the journal's mood, week by week, for before and after.

Weeks are the person's own ISO weeks (Monday first), as the log summary and the mood
chart use. The week holding `today` is not over yet, so it is left out; earlier weeks
count whole, quiet days and all. A week counts for a figure only when it has something to
go on: bids noted with how they were met, repair attempts, or mood check-ins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from clearheart.domain.before_after.series import Series, Week
from clearheart.domain.behaviour_summary import Week as LogWeek


def log_series(weeks: Sequence[LogWeek], today: date) -> tuple[Series, ...]:
    """Bids turned toward (of bids met any way) and repairs taken up (of attempts)."""
    done = [w for w in weeks if w.start + timedelta(days=7) <= today]
    bids = tuple(
        Week(w.start, w.toward / w.answered, w.answered, w.toward) for w in done if w.answered
    )
    repairs = tuple(
        Week(w.start, w.repairs_accepted / w.repairs, w.repairs, w.repairs_accepted)
        for w in done
        if w.repairs
    )
    return (
        Series("bids", "the share of bids turned toward", "share", "bid", bids),
        Series(
            "repairs", "the share of repair attempts taken up", "share", "repair attempt", repairs
        ),
    )


def mood_series(weeks: Sequence[tuple[date, float, int]], today: date) -> Series:
    """Mood from check-ins: (week's Monday, mean of 1 to 5, check-ins) for each week."""
    return Series(
        "mood",
        "your mood from check-ins (1 to 5)",
        "mean",
        "check-in",
        tuple(
            Week(start, mean, checkins)
            for start, mean, checkins in weeks
            if start + timedelta(days=7) <= today
        ),
    )
