"""Evidence from the questionnaires: the latest take's reading and its change sentence.

For each subscale linked in `sources.QUESTIONNAIRES`, the item reads the latest take as
the results page does (assess.describe) and, when there is a take before it, adds the
change sentence the results page shows (assess/change.py), which says a change "may
reflect a real shift" only past the subscale's smallest detectable change; the item
claims change exactly then (benched by bench/null_takes.py). It rests on the takes, from
the first to the latest. A questionnaire never taken gives no items.
"""

from __future__ import annotations

from collections.abc import Sequence

from clearheart.domain.assess import Change, Instrument, Result, Score, describe
from clearheart.domain.evidence.item import EvidenceItem
from clearheart.domain.evidence.sources import QUESTIONNAIRES, SOURCES, questionnaire_source


def questionnaire_items(
    instrument: Instrument,
    results: Sequence[Result],
    scores: Sequence[Score],
    changes: Sequence[Change],
) -> tuple[EvidenceItem, ...]:
    """Items for one questionnaire: `results` oldest first, `scores` and `changes` the
    latest take's (against the one before it)."""
    if not results:
        return ()
    first, last = results[0].taken_at.date(), results[-1].taken_at.date()
    by_sub = {c.subscale: c for c in changes}
    items = []
    for score in scores:
        if (instrument.id, score.subscale) not in QUESTIONNAIRES:
            continue
        source = SOURCES[questionnaire_source(instrument.id, score.subscale)]
        change = by_sub.get(score.subscale)
        text = describe(instrument, score) + (f" {change.sentence}" if change else "")
        sub = next(s for s in instrument.subscales if s.id == score.subscale)
        items.append(
            EvidenceItem(
                key=source.id,
                concept=source.concept,
                bears_on=source.bears_on,
                title=f"{instrument.title}: {sub.title}",
                text=text,
                n=len(results),
                unit="takes" if len(results) != 1 else "take",
                since=first,
                until=last,
                link=f"/reflect/{instrument.id}/results",
                claims_change=bool(change and change.noticeable),
            )
        )
    return tuple(items)
