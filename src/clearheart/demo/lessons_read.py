"""The lessons Alex has read in the demo story: a few, opened at the moments they mattered.

The closeness lesson early in the pulling back (and once more weeks later), the loop
lesson in the flat stretch after the fight, "not a verdict" past midnight during the
wobble, and "missing the promise" a few days after the promise was rewritten. Each goes
through LessonService at its story time; anything later than `until` is left out.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

READS = (
    # story day, local time, lesson id
    (45, time(23, 10), "closeness-and-distance"),
    (74, time(21, 35), "the-loop"),
    (97, time(20, 50), "closeness-and-distance"),
    (133, time(0, 40), "not-a-verdict"),
    (STORY_DAYS - 3, time(21, 30), "missing-the-promise"),
)


def store_demo_lessons_read(workspace: Workspace, start: date, until: datetime | None) -> int:
    """Open the story's lessons on their days; returns how many openings were written."""
    written = 0
    for day, clock, lesson_id in READS:
        at = datetime.combine(start + timedelta(days=day), clock).astimezone()
        if until is not None and at > until:
            continue
        workspace.lessons.opened(lesson_id, at)
        written += 1
    return written
