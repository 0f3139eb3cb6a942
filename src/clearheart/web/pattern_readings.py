"""The sentences above and under each chart: the domain's wording, in the chosen names.

The domain (patterns/sentences.py) writes several plain sentences per topic,
each saying how much it rests on. The first becomes the chart's reading, the
one sentence above it; the rest sit under the chart as notes. The timeline of
messages and mood is the web page's own, so its sentence is written here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.sentence import CHART_OF_TOPIC
from clearheart.domain.patterns.sentences import describe
from clearheart.web.pattern_parts import Shown


def sentences(report: PatternReport, shown: Shown) -> dict[str, list[str]]:
    """Each chart's sentences in reading order, with the other people as the person named them.

    Only the names change: the domain names others from `report.names`, so a copy
    of the report with the chosen names is described instead.
    """
    named = replace(report, names=(report.names[0], *map(shown, report.names[1:])))
    found: dict[str, list[str]] = defaultdict(list)
    for sentence in describe(named):
        found[CHART_OF_TOPIC[sentence.topic]].append(sentence.text)
    return found


def timeline(checkins: int, mean: float | None, each: str) -> str:
    if not checkins or mean is None:
        return (f"Your messages {each} by {each}; when you note how you feel in the journal, "
                "your mood shows on the same dates.")
    return (f"Your messages {each} by {each}, and on the same dates your mood: "
            f"{checkins:,} check-ins from your journal, {mean:.1f} of 5 on average.")
