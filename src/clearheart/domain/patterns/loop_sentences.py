"""Sentences about the pursue-and-withdraw loop: what moved together, with its uncertainty."""

from __future__ import annotations

from clearheart.domain.patterns.loop import Lagged
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.sentence import Sentence, them
from clearheart.domain.patterns.wording import count


def _range(lagged: Lagged, r: float) -> str:
    low, high = lagged.r.low, lagged.r.high
    if low is None or high is None:
        return f"correlation {r:.2f}; {count(lagged.pairs, 'pair')} of weeks"
    return (
        f"correlation {r:.2f}, likely between {low:.2f} and {high:.2f}; "
        f"{count(lagged.pairs, 'pair')} of weeks"
    )


def _clear(lagged: Lagged) -> int:
    """+1 or -1 when the interval leaves out zero, else 0."""
    low, high = lagged.r.low, lagged.r.high
    if low is None or high is None:
        return 0
    return 1 if low > 0 else -1 if high < 0 else 0


def loop(report: PatternReport) -> list[Sentence]:
    found = report.loop
    if not found.enough:
        return [Sentence(
            "loop",
            f"Looking for the pursue-and-withdraw loop needs at least "
            f"{count(found.min_weeks, 'pair')} of back-to-back weeks with messages; so far "
            f"there {'is' if found.pairs == 1 else 'are'} {count(found.pairs, 'pair')}. "
            "Not enough data yet.",
            found.pairs,
        )]
    other = them(report)
    said = []
    ahead, behind = found.pursuit_then_distance, found.distance_then_pursuit
    assert ahead is not None and behind is not None
    if ahead.r.value is not None:
        way = _clear(ahead)
        if way:
            change = "less and reply more slowly" if way > 0 else "more and reply more quickly"
            text = (
                f"In weeks after you reached out more than usual, {other} tended to write "
                f"{change} ({_range(ahead, ahead.r.value)})."
            )
        else:
            text = (
                f"There is no clear link between how much you reached out one week and how "
                f"distant {other} seemed the next ({_range(ahead, ahead.r.value)})."
            )
        said.append(Sentence("loop", text, ahead.pairs))
    if behind.r.value is not None:
        way = _clear(behind)
        if way:
            change = "more" if way > 0 else "less"
            text = (
                f"In weeks after {other} seemed more distant than usual, you tended to reach "
                f"out {change} ({_range(behind, behind.r.value)})."
            )
        else:
            text = (
                f"There is no clear link between how distant {other} seemed one week and how "
                f"much you reached out the next ({_range(behind, behind.r.value)})."
            )
        said.append(Sentence("loop", text, behind.pairs))
    said.append(Sentence(
        "loop",
        "A correlation runs from -1 to 1, and near 0 means no link. It shows two things "
        "moving together, not why, and it says nothing about what comes next.",
        found.pairs,
        figure=False,
    ))
    return said
