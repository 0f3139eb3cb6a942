"""Change between two takes, said honestly: how big as shown, and whether it is detectable.

Rule: a change is reported as one that "may reflect a real shift" only when the change as
the person sees it (both scores rounded to one decimal) is at least the subscale's
smallest detectable change (detectable.py), itself rounded up to that precision. Every
reading says what the threshold rests on: a cited spread and reliability, described by
their values, or plainly a rule of thumb. No reading calls a change "within" a threshold.

Edge cases: a change that rounds to nothing "stayed"; takes under different versions of a
questionnaire are not compared (the scoring may differ); a missing score on either side
gives no change for that subscale.
"""

from __future__ import annotations

from clearheart.domain.assess.detectable import detected, shown_delta, smallest_change
from clearheart.domain.assess.model import Change, ChangeBasis, Instrument, Result, Subscale
from clearheart.domain.assess.scoring import fmt

_KIND_WORDS = {
    "test-retest": "test–retest reliability",
    "internal consistency": "internal consistency (a reliability from one sitting)",
}


def _value(number: float) -> str:
    """A reliability as researchers write it: .85, never 0.85 or a blanket adjective."""
    return f"{number:.2f}".removeprefix("0")


def basis_note(sub: Subscale) -> str:
    """What the subscale's threshold rests on, in plain words, with the figures' values."""
    smallest, basis = fmt(smallest_change(sub)), sub.basis
    if basis.kind == "rule of thumb":
        return (
            "No one has yet measured how much answers to these questions move when nothing "
            f"has changed, so {smallest} is a rule of thumb, not a measured limit."
        )
    note = (
        f"That {smallest} is worked out from the published spread (SD {fmt_sd(basis)}) and "
        f"{_KIND_WORDS[basis.kind]} {_value(basis.reliability)} "
        f"({basis.source}), and assumes they hold for you."
    )
    if basis.kind == "internal consistency":
        note += (
            " Internal consistency leaves out day-to-day change, so ordinary movement "
            "may be larger than this."
        )
    return note


def fmt_sd(basis: ChangeBasis) -> str:
    """The spread to two decimals at most, as a source reports it (1.1, 0.95)."""
    return f"{basis.sd:.2f}".rstrip("0").rstrip(".")


def _days(before: Result, after: Result) -> str:
    days = (after.taken_at.date() - before.taken_at.date()).days
    if days <= 0:
        return "on the same day"
    return f"{days} day{'s' if days != 1 else ''} apart"


def _verdict(sub: Subscale, moved: bool, passes: bool) -> str:
    smallest = fmt(smallest_change(sub))
    if sub.basis.kind == "rule of thumb":
        if passes:
            return (
                f"That is at least {smallest}, our rule of thumb for a change worth a "
                "second look, so it may reflect a real shift."
            )
        return (
            f"By our rule of thumb a change needs to be at least {smallest} to stand out, "
            "so this is best read as about the same."
        )
    if passes:
        return (
            f"That is at least {smallest}, the smallest change that stands out from "
            "ordinary day-to-day movement in answers here, so it may reflect a real shift; "
            "one retake is still not proof."
        )
    what = "this one" if moved else "this"
    return (
        f"Here a change needs to be at least {smallest} to stand out from ordinary "
        f"day-to-day movement in answers, so {what} is best read as about the same."
    )


def change_sentence(sub: Subscale, before: float, after: float, days: str) -> str:
    """Kind, plain words: the change as shown, what it rests on, whether it passes the
    smallest detectable change, and what that threshold rests on (`basis_note`)."""
    delta = shown_delta(before, after)
    ground = f"from your last two takes, {days}"
    if delta == 0:
        head = f"{sub.title} stayed at {fmt(after)} ({ground})."
    else:
        way = "up" if delta > 0 else "down"
        head = f"{sub.title} went {way} from {fmt(before)} to {fmt(after)} ({ground})."
    verdict = _verdict(sub, delta != 0, detected(sub, before, after))
    return f"{head} {verdict} {basis_note(sub)}"


def changes_between(instrument: Instrument, before: Result, after: Result) -> tuple[Change, ...]:
    """Per subscale, the change from `before` to `after`; nothing when the versions differ."""
    if before.instrument_version != after.instrument_version:
        return ()
    days = _days(before, after)
    out: list[Change] = []
    for sub in instrument.subscales:
        old, new = before.scores.get(sub.id), after.scores.get(sub.id)
        if old is None or new is None:
            continue
        out.append(
            Change(
                subscale=sub.id,
                before=old,
                after=new,
                delta=shown_delta(old, new),
                noticeable=detected(sub, old, new),
                sentence=change_sentence(sub, old, new, days),
                basis=basis_note(sub),
            )
        )
    return tuple(out)


def latest_changes(instrument: Instrument, results: list[Result]) -> tuple[Change, ...]:
    """The latest take against the one before it (results oldest first)."""
    if len(results) < 2:
        return ()
    return changes_between(instrument, results[-2], results[-1])


def first_take_note(sub: Subscale) -> str:
    """Said before there is a change to show; a change's own sentence says it then."""
    smallest = fmt(smallest_change(sub))
    if sub.basis.kind == "rule of thumb":
        head = (
            f"When you answer again, a change of {smallest} or more is our rule of thumb "
            "for one worth a second look."
        )
    else:
        head = (
            f"When you answer again, a change of {smallest} or more stands out from "
            "ordinary day-to-day movement in answers here."
        )
    return f"{head} {basis_note(sub)}"
