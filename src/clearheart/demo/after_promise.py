"""The demo's "after" chapter, PROMISE part: the promise written a few weeks into no
contact, rewritten once, two journal entries pinned beside it, and one entry whose words
bring a reflection nudge.

Everything goes through PromiseService and JournalService at its story time, so the demo
passes the same checks as a person's own words.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS
from clearheart.domain.promise import Part

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

DAYS_BEFORE_END = (12, 5)
"""The first version and the rewrite, this many days before the story ends."""

FIRST = (
    Part(
        "us",
        "What I hoped we would be",
        "Two people who make plans and keep them. Sunday markets, a trip we actually book.",
    ),
    Part(
        "hard-times",
        "What I hoped Sam would do when things were hard",
        "Stay in the room. Say 'I'm here' even if there was nothing else to say.",
        ("attempts_ignored", "refuses_to_engage", "safe_space"),
    ),
    Part(
        "me",
        "What I hoped I would feel",
        "Settled. Not checking my phone at midnight.",
        ("needs_unmet", "fear_self_doubt"),
    ),
)
REWRITE = (
    "Stay in the room. Say 'I'm here' even if there was nothing else to say. "
    "Ask how my week went, and wait for the answer."
)
PINNED = (
    (
        "hard-times",
        "The evening I said I was scared about the job, the reply came the next "
        "afternoon: a thumbs up. I remember holding the phone for a long time.",
    ),
    (
        "us",
        "Looked back through the calendar. Three trips talked about this year, none "
        "booked. The markets were mostly me on my own.",
    ),
)
NUDGED = "I still miss them even though the last months were mostly silence."


def store_demo_promise(workspace: Workspace, start: date, until: datetime | None = None) -> bool:
    """Write the promise and its pins on their story days; False when still to come."""
    end = start + timedelta(days=STORY_DAYS - 1)
    first, second = (
        datetime.combine(end - timedelta(days=d), time(21, 10)).astimezone()
        for d in DAYS_BEFORE_END
    )
    if until is not None and second > until:
        return False
    journal, promise = workspace.journal, workspace.promise
    entries = [
        (key, journal.add(text, mood=2, at=first - timedelta(days=n + 1)))
        for n, (key, text) in enumerate(PINNED)
    ]
    journal.add(NUDGED, mood=2, at=second - timedelta(hours=1))
    if promise.resting():
        return False
    promise.save(FIRST, first)
    promise.save(
        [
            Part(p.key, p.heading, REWRITE, p.looks_at) if p.key == "hard-times" else p
            for p in FIRST
        ],
        second,
    )
    for key, entry in entries:
        promise.pin(key, entry.id, second + timedelta(minutes=2))
    return True
