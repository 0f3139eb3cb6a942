"""Change between two takes, said honestly: how big, and whether it is bigger than the wobble."""

from __future__ import annotations

from clearheart.domain.assess.model import Change, Instrument, Result, Subscale
from clearheart.domain.assess.scoring import fmt

_WOBBLE = (
    "answers to the same questions shift a little from one day to the next even when "
    "nothing has changed, so a single retake is only a rough guide."
)


def modest_note(sub: Subscale) -> str:
    """Why one retake is a rough guide: retest reliability is modest, in plain words."""
    if sub.reliability is not None:
        return (
            f"Retest reliability (how closely a score repeats itself) is about "
            f"{sub.reliability:.2f} here, which is modest: {_WOBBLE}"
        )
    return f"Retest reliability (how closely a score repeats itself) is modest: {_WOBBLE}"


def _days(before: Result, after: Result) -> str:
    days = (after.taken_at.date() - before.taken_at.date()).days
    if days <= 0:
        return "on the same day"
    return f"{days} day{'s' if days != 1 else ''} apart"


def _noticeable(sub: Subscale, delta: float) -> bool:
    return abs(delta) >= sub.smallest_change - 1e-9


def change_sentence(sub: Subscale, before: float, after: float, days: str) -> str:
    """Kind, plain words: the change, what it rests on, the smallest change worth noticing,
    and that retest reliability is modest (the last sentence is `modest_note(sub)`)."""
    delta = after - before
    smallest = fmt(sub.smallest_change)
    ground = f"from your last two takes, {days}"
    if abs(delta) < 0.05:
        head = f"{sub.title} stayed at {fmt(after)} ({ground})."
    else:
        way = "up" if delta > 0 else "down"
        head = f"{sub.title} went {way} from {fmt(before)} to {fmt(after)} ({ground})."
    if _noticeable(sub, delta):
        verdict = (
            f"That is at least {smallest}, the smallest change worth noticing here, "
            "so it may reflect a real shift."
        )
    else:
        verdict = (
            f"Changes smaller than {smallest} are within the usual wobble, so this "
            "one is best read as about the same."
        )
    return f"{head} {verdict} {modest_note(sub)}"


def changes_between(instrument: Instrument, before: Result, after: Result) -> tuple[Change, ...]:
    """Per subscale, the change from `before` to `after`; nothing when the versions differ.

    A new version may score differently, so its numbers are not set beside the old ones.
    """
    if before.instrument_version != after.instrument_version:
        return ()
    days = _days(before, after)
    out: list[Change] = []
    for sub in instrument.subscales:
        old, new = before.scores.get(sub.id), after.scores.get(sub.id)
        if old is None or new is None:
            continue
        delta = round(new - old, 4)
        out.append(
            Change(
                subscale=sub.id,
                before=old,
                after=new,
                delta=delta,
                noticeable=_noticeable(sub, delta),
                sentence=change_sentence(sub, old, new, days),
            )
        )
    return tuple(out)


def latest_changes(instrument: Instrument, results: list[Result]) -> tuple[Change, ...]:
    """The latest take against the one before it (results oldest first)."""
    if len(results) < 2:
        return ()
    return changes_between(instrument, results[-2], results[-1])
