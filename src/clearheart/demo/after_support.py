"""The demo's "after" chapter, support part: Alex's people and places that help.

In the after chapter Alex moved to no contact with Sam some weeks ago and leans on the
people the story already knows (Maya, Ellie, Jonah, the choir, the counsellor). Each
supporter and each time in touch goes through SupportService on a clock set to its own
story time, so the demo passes the same checks as what a person types. Days count back
from the story's last day, so the same `today` always gives the same list; one person
is past the interval Alex chose, so the nudge shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS, StoryClock
from clearheart.services.support import SupportService

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class DemoSupporter:
    name: str
    good_for: tuple[str, ...]
    words: str
    how: str
    every_days: int | None
    added_ago: int
    """Days before the story's last day that Alex added them."""
    times: tuple[tuple[int, str], ...]
    """(days before the last day, note) for each time in touch."""


PEOPLE: tuple[DemoSupporter, ...] = (
    DemoSupporter(
        "Maya",
        ("talk", "fun"),
        "Wednesdays, whatever happens. She asks what I want, not what Sam wants.",
        "text, or ring after six",
        7,
        40,
        (
            (36, "Wednesday dinner"),
            (29, "long call after the hard evening"),
            (22, "Wednesday, her flat"),
            (15, "walk by the river"),
            (8, "Wednesday, curry and a film"),
            (1, "voice note, just to say hi"),
        ),
    ),
    DemoSupporter(
        "Ellie",
        ("practical", "company"),
        "Turns up with crumpets and does not tell me what to do.",
        "round the corner, 14 Alder Road",
        14,
        40,
        ((33, "helped move Sam's things into boxes"), (12, "Sunday lunch")),
    ),
    DemoSupporter(
        "Jonah",
        ("fun",),
        "Makes me laugh until I forget to check my phone.",
        "group chat",
        21,
        38,
        ((34, "allotment afternoon"),),
    ),
    DemoSupporter(
        "Thursday choir",
        ("company", "fun"),
        "Two hours where I only think about the alto line.",
        "church hall, Thursdays 7pm",
        7,
        39,
        ((31, ""), (24, ""), (17, ""), (10, ""), (3, "stayed for a drink after")),
    ),
    DemoSupporter(
        "Counsellor",
        ("talk", "advice"),
        "Somewhere to untangle it with someone trained to help.",
        "the clinic's booking line",
        None,
        37,
        ((30, "first session back"), (16, "talked about the pull to text him")),
    ),
)
"""Jonah's last time in touch is past Alex's three weeks, so the demo shows a nudge."""


def store_demo_support(workspace: Workspace, start: date, until: datetime | None = None) -> int:
    """Add Alex's people and their times in touch; returns how many times were written.
    Anything dated after `until` is left out."""
    last_day = start + timedelta(days=STORY_DAYS - 1)
    clock = StoryClock(datetime.combine(last_day, time(9)).astimezone())
    support = SupportService(workspace.vault.engine, clock, workspace.safety, workspace.help)
    written = 0
    for person in PEOPLE:
        added = datetime.combine(last_day - timedelta(days=person.added_ago), time(20)).astimezone()
        if until is not None and added > until:
            continue
        clock.moment = added
        kept = support.add(
            person.name, person.good_for, person.words, person.how, person.every_days
        )
        for ago, note in person.times:
            moment = datetime.combine(last_day - timedelta(days=ago), time(21)).astimezone()
            if until is not None and moment > until:
                continue
            clock.moment = moment
            support.reached(kept.id, moment.date(), note)
            written += 1
    return written
