"""The demo's "after" chapter, dating again: a checklist kept from Alex's own history, and
a notebook about someone new (Robin), three weeks of entries and one questionnaire take.

Weeks after moving to no contact, Alex has met Robin. Everything is written through
DatingService and AssessService at its story time, so the demo passes the same checks as
a person's own entries. Entries after `until` (the real now) are skipped.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS
from clearheart.domain.dating import NoteDraft
from clearheart.store.dating_repo import DATING_INSTRUMENT

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

NAME = "Robin"
ACCEPTED = (
    "log-brushed-off",
    "chat-long-runs",
    "value-being-seen",
    "f1-two-way",
    "f1-steady",
    "f2-shrink",
    "f3-feelings",
)
"""Suggestions Alex kept, in the order kept."""
OWN = "They are kind to people who can do nothing for them, like waiters."
NOTES: tuple[tuple[int, NoteDraft], ...] = (
    (
        STORY_DAYS - 20,
        NoteDraft(
            date.min,
            "Coffee by the river. Easy to talk to; asked about my week and listened.",
            "date",
            {"f1-two-way": "seen", "f1-steady": "not-yet"},
            None,
            None,
            4,
            "hopeful",
        ),
    ),
    (
        STORY_DAYS - 13,
        NoteDraft(
            date.min,
            "I said I need a text when plans shift. Robin said fair enough and did it "
            "the next day when work ran late.",
            "plans-changed",
            {"log-brushed-off": "seen", "f1-two-way": "seen"},
            "took-on",
            "matched",
            4,
            "steady",
        ),
    ),
    (
        STORY_DAYS - 5,
        NoteDraft(
            date.min,
            "Dinner with my friends. I caught myself toning down my jokes; Robin "
            "laughed at them anyway. The worry was mine, I think.",
            "friends",
            {"f2-shrink": "worry", "f3-feelings": "not-yet"},
            None,
            "not-sure",
            3,
            "unsure",
        ),
    ),
)
"""(story day, note): the day in each note is filled in from the story day."""
TAKE_DAY = STORY_DAYS - 4
TAKE = {"s1": 2, "s2": 1, "s3": 2, "s4": 1, "c1": 2, "c2": 1, "c3": 1, "c4": 1, "c5": 0, "c6": 1}


def _at(start: date, day: int, hour: int) -> datetime:
    return datetime.combine(start + timedelta(days=day), time(hour)).astimezone()


def store_demo_dating(workspace: Workspace, start: date, until: datetime | None) -> None:
    """Write the checklist, the notebook and a take, each at its story time."""
    dating = workspace.dating
    first = _at(start, NOTES[0][0] - 2, 21)
    if until is not None and first > until:
        return
    for n, item in enumerate(ACCEPTED):
        dating.accept(item, at=first + timedelta(minutes=n))
    dating.add(OWN, at=first + timedelta(minutes=len(ACCEPTED)))
    person = dating.add_person(NAME, at=first)
    for day, note in NOTES:
        at = _at(start, day, 22)
        if until is not None and at > until:
            continue
        dating.add_note(
            person.id,
            NoteDraft(
                (start + timedelta(days=day)),
                note.text,
                note.situation,
                note.tags,
                note.answer,
                note.words_actions,
                note.mood,
                note.mood_word,
            ),
            at,
        )
    instrument = workspace.assess.instrument(DATING_INSTRUMENT)
    answers = {item.id: TAKE.get(item.id, 1) for item in instrument.items}
    taken = _at(start, TAKE_DAY, 20)
    if until is None or taken <= until:
        workspace.assess.take(DATING_INSTRUMENT, answers, subject=NAME, at=taken)
