"""Sentences about the pursue-and-withdraw loop: a link only where the test found one.

A link sentence (claims_change) comes only from `Link.clear`, the Granger-style test with
Holm's correction whose false-claim rate is measured in bench/null_loop.py. Every other
sentence says that nothing clear was found, and how much more data would let a modest link
show. The wording says the two "went together" and never that one came in answer to the
other; no interval is given, as its coverage was not measured.
"""

from __future__ import annotations

from clearheart.domain.patterns.loop import Link, Loop
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.sentence import Sentence, them
from clearheart.domain.patterns.wording import count

_ROW = "runs of three weeks in a row with messages from both sides"


def _weeks(n: int) -> str:
    return f"{n:,} {'run' if n == 1 else 'runs'} of three weeks in a row"


def _number(link: Link) -> str:
    return f"correlation {link.r:.2f}".replace("-", "−")


def _ahead(link: Link, other: str) -> Sentence:
    if link.clear:
        how = "slower" if link.r > 0 else "quicker"
        text = (f"Weeks when you reached out more than usual went together with {how} replies "
                f"from {other} the following week, beyond what each side's own previous week "
                f"and the slow drift of the chat would suggest ({_number(link)}; "
                f"{_weeks(link.pairs)}).")
        return Sentence("loop", text, link.pairs, claims_change=True)
    return Sentence("loop", f"There is no clear link between how much you reached out one week "
                            f"and how quickly {other} replied the next ({_number(link)}; "
                            f"{_weeks(link.pairs)}).", link.pairs)


def _behind(link: Link, other: str) -> Sentence:
    if link.clear:
        how = "more" if link.r > 0 else "less"
        text = (f"Weeks when {other} replied more slowly than usual went together with you "
                f"reaching out {how} the following week, beyond what each side's own previous "
                f"week and the slow drift of the chat would suggest ({_number(link)}; "
                f"{_weeks(link.pairs)}).")
        return Sentence("loop", text, link.pairs, claims_change=True)
    return Sentence("loop", f"There is no clear link between how quickly {other} replied one "
                            f"week and how much you reached out the next ({_number(link)}; "
                            f"{_weeks(link.pairs)}).", link.pairs)


def _more(found: Loop, needed: int) -> str:
    more = needed - found.pairs
    return f"about {count(more, 'more week')}" if more > 0 else "no more weeks"


def loop(report: PatternReport) -> list[Sentence]:
    found = report.loop
    if not found.whole_chat:
        return [Sentence(
            "loop",
            "The loop is looked for across the whole chat only, not within chosen dates: "
            "trying many stretches of dates would turn up links by chance alone. Clear the "
            "dates to see it.",
            found.pairs, figure=False,
        )]
    if not found.enough:
        return [Sentence(
            "loop",
            f"Looking for the pursue-and-withdraw loop needs at least {found.min_weeks} "
            f"{_ROW}; so far there {'is' if found.pairs == 1 else 'are'} {found.pairs:,}, so "
            f"{_more(found, found.min_weeks)} of messages would be needed. Not enough to tell "
            "yet.",
            found.pairs,
        )]
    other = them(report)
    ahead, behind = found.pursuit_then_distance, found.distance_then_pursuit
    assert ahead is not None and behind is not None
    said = [_ahead(ahead, other), _behind(behind, other)]
    if not (ahead.clear or behind.clear) and found.pairs < found.weeks_for_a_modest_link:
        said.append(Sentence(
            "loop",
            f"With {_weeks(found.pairs)}, a modest link could easily go unseen; with "
            f"{_more(found, found.weeks_for_a_modest_link)} of messages it would show about "
            "four times in five. Not seeing one is not the same as there being none.",
            found.pairs,
        ))
    said.append(Sentence(
        "loop",
        "Each correlation runs from −1 to 1 and compares what was unusual in one side's week "
        "with what was unusual in the other side's next week, once each side's own previous "
        "week and the chat's slow drift are set aside; near 0 means no link. A link is not a "
        "cause: it cannot say why, and something else may move both.",
        found.pairs,
        figure=False,
    ))
    return said
