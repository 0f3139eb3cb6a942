"""The demo's questionnaires: a few takes over the six months that follow the story's arc.

Each take is given as a target level per subscale on that day; the answers are
made from the targets (reverse-keyed items mirrored, a little fixed jitter so
the sheets look filled in by a person) and stored through AssessService, so
the demo's results pass the same checks and scoring as anyone's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from clearheart.domain.assess import Instrument
from clearheart.services.workspace import Workspace

SEED = 20_261_122


@dataclass(frozen=True, slots=True)
class DemoTake:
    instrument: str
    day: int
    """Days from the story's first day (0) to today (181)."""
    targets: dict[str, float]
    """The level each subscale should come out near, in that subscale's own units."""


TAKES: tuple[DemoTake, ...] = (
    DemoTake("closeness-and-worry", 12, {"worry": 2.6, "distance": 1.8}),
    DemoTake("how-satisfied", 12, {"satisfaction": 6.2}),
    DemoTake("closeness-and-worry", 56, {"worry": 5.3, "distance": 2.1}),
    DemoTake("how-satisfied", 56, {"satisfaction": 3.8}),
    DemoTake("how-i-see-us", 58, {"pulling-back": 3.0, "mixed-signals": 2.9}),
    DemoTake("our-conflict-pattern", 69, {"i-pursue": 3.1, "partner-pursues": 0.8,
                                          "goes-well": 1.6}),
    DemoTake("how-satisfied", 69, {"satisfaction": 3.0}),
    DemoTake("am-i-safe", 92, {"worn-down": 0.6, "control-harm": 0.0, "self-talk": 0.8,
                               "fear": 0.0}),
    DemoTake("my-needs", 96, {}),
    DemoTake("closeness-and-worry", 100, {"worry": 4.6, "distance": 2.2}),
    DemoTake("how-satisfied", 112, {"satisfaction": 4.1}),
    DemoTake("our-conflict-pattern", 126, {"i-pursue": 2.2, "partner-pursues": 1.0,
                                           "goes-well": 2.3}),
    DemoTake("closeness-and-worry", 142, {"worry": 3.7, "distance": 2.0}),
    DemoTake("how-satisfied", 142, {"satisfaction": 4.6}),
    DemoTake("how-i-see-us", 150, {"pulling-back": 2.2, "mixed-signals": 1.9}),
    DemoTake("where-things-stand", 162, {"healing": 2.5, "letting-go": 1.6,
                                         "change-cues": 2.3}),
    DemoTake("my-needs", 166, {}),
    DemoTake("closeness-and-worry", 176, {"worry": 3.2, "distance": 1.9}),
    DemoTake("how-satisfied", 176, {"satisfaction": 4.8}),
    DemoTake("our-conflict-pattern", 178, {"i-pursue": 1.7, "partner-pursues": 1.0,
                                           "goes-well": 2.6}),
)

NEEDS: dict[int, tuple[tuple[str, int], ...]] = {
    96: (("Plans that hold", 2), ("A reply when something matters", 2),
         ("Time with my friends", 4), ("Feeling I can bring up hard things", 2),
         ("Affection without asking", 3)),
    166: (("Plans that hold", 3), ("A reply when something matters", 3),
          ("Time with my friends", 5), ("Feeling I can bring up hard things", 3),
          ("Affection without asking", 4)),
}
"""The needs Alex names and how met each felt, on the two days Alex takes it."""


def answers_for(instrument: Instrument, targets: dict[str, float],
                rng: random.Random) -> dict[str, object]:
    """An answer sheet whose subscales come out near `targets`.

    Items that carry a danger threshold get no jitter: the demo's person is
    safe, and a stray answer must not switch the demo into its safety view.
    """
    sheet: dict[str, object] = {}
    for item in instrument.items:
        scale = item.scale
        target = targets.get(item.subscale or "", float(scale.min))
        jitter = 0.0 if item.safety else rng.choice((-0.6, -0.3, 0.0, 0.0, 0.3, 0.6))
        level = target + jitter
        answer = min(scale.max, max(scale.min, round(level)))
        sheet[item.id] = scale.min + scale.max - answer if item.reverse else answer
    return sheet


def store_demo_assessments(workspace: Workspace, start: date,
                           until: datetime | None = None) -> int:
    """Write the demo's takes (none after `until`); returns how many were written."""
    rng = random.Random(SEED)
    written = 0
    for take in TAKES:
        at = datetime.combine(start + timedelta(days=take.day), time(21, 10)).astimezone()
        if until is not None and at > until:
            continue
        instrument = workspace.assess.instrument(take.instrument)
        if instrument.own_items:
            sheet: dict[str, object] = {"needs": [{"name": name, "rating": rating}
                                                  for name, rating in NEEDS[take.day]]}
        else:
            sheet = answers_for(instrument, take.targets, rng)
        workspace.assess.take(take.instrument, sheet, at=at)
        written += 1
    return written
