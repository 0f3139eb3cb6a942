"""The questionnaires section: each questionnaire's latest take in the dates, and its
change from the take before, as one small table per questionnaire.

Scores and changes are the results page's own (services/assess.py, domain/assess): a
change "stands out" only when it passes the questionnaire's smallest detectable change,
and is read only between two takes inside the dates asked for, of the same version.

Takes about someone new (the "dating" group) are left out: they belong with the
person's notebook for that someone, not in notes about the relationship, and a printed
page should not carry a new person's name.
"""

from __future__ import annotations

from clearheart.domain.assess import (
    OWN_NOT_MET,
    Change,
    Instrument,
    Result,
    Score,
    changes_between,
    fmt,
)
from clearheart.domain.behaviour_summary import plural
from clearheart.web.clarity.model import Section
from clearheart.web.clarity.sources import Sources
from clearheart.web.pattern_parts import Table, day_text

HEAD = ("Part", "Latest", "Answers", "Since the take before")
READING = (
    "A change stands out only when it is larger than the ordinary movement in "
    "answers from one day to the next, by each questionnaire's own measure; smaller "
    "ones read as about the same. Each score is a snapshot of how you answered on one "
    "day, not a label for anyone."
)


def _latest(instrument: Instrument, score: Score) -> str:
    sub = instrument.subscale(score.subscale)
    if score.value is None or sub is None:
        return "not enough answers"
    if instrument.own_items and sub.id == OWN_NOT_MET:
        return f"{round(score.value)} of {score.answered} not well met"
    return f"{fmt(score.value)} (range {fmt(sub.minimum)} to {fmt(sub.maximum)})"


def _change(change: Change | None) -> str:
    if change is None:
        return "no take before in these dates"
    if change.delta == 0:
        return "the same"
    way = "up" if change.delta > 0 else "down"
    read = "stands out" if change.noticeable else "about the same"
    return f"{way} {fmt(abs(change.delta))} from {fmt(change.before)}: {read}"


def _table(
    sources: Sources, instrument: Instrument, takes: list[Result], subject: str | None
) -> Table:
    latest = takes[-1]
    changes = {
        c.subscale: c
        for c in (changes_between(instrument, takes[-2], latest) if len(takes) > 1 else ())
    }
    title = f"{instrument.title} (about {subject})" if subject else instrument.title
    span = sources.period(takes[0].taken_at.date(), latest.taken_at.date())
    rows = []
    for score in sources.workspace.assess.scores(latest):
        sub = instrument.subscale(score.subscale)
        rows.append(
            (
                sub.title if sub else score.subscale,
                _latest(instrument, score),
                f"{score.answered} of {score.of}" if score.of else str(score.answered),
                _change(changes.get(score.subscale)),
            )
        )
    latest_on = f"; the latest on {day_text(latest.taken_at)}" if len(takes) > 1 else ""
    return Table(f"{title} ({plural(len(takes), 'take')} {span}{latest_on})", HEAD, tuple(rows))


def questionnaires(sources: Sources) -> Section | None:
    """Every questionnaire taken from `since` on; None when none was."""
    assess = sources.workspace.assess
    tables: list[Table] = []
    total = 0
    for instrument in assess.instruments():
        if instrument.group == "dating":
            continue
        # A per-person questionnaire gets one table for each person it was taken about.
        subjects = assess.subjects(instrument.id) if instrument.per_person else [None]
        for subject in subjects:
            takes = [
                r
                for r in assess.results(instrument.id, subject)
                if sources.since is None or r.taken_at.date() >= sources.since
            ]
            if takes:
                total += len(takes)
                tables.append(_table(sources, instrument, takes, subject))
    if not tables:
        return None
    return Section(
        id="questionnaires",
        heading="Questionnaires",
        basis=f"{plural(total, 'take')} of {plural(len(tables), 'questionnaire')} in all.",
        lead=READING,
        tables=tuple(tables),
    )
