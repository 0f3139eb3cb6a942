"""Which lessons the person has read, and where to go on from.

A read is kept per lesson: when it was first and last opened, and the lesson's version at
the last opening. A lesson whose version has moved on since is "changed since" (it is
still read: the mark says so rather than hiding it). The next lesson to read is the first
unread one in reading order among those shown; a lesson only changed since is not
unread, so the pointer never sends the person back over ground they covered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from clearheart.domain.lessons import Lesson


@dataclass(frozen=True, slots=True)
class LessonRead:
    lesson_id: str
    version: int
    """The lesson's version when last opened."""
    first_opened: datetime
    last_opened: datetime


@dataclass(frozen=True, slots=True)
class Marked:
    """One lesson with its read, if any."""

    lesson: Lesson
    read: LessonRead | None

    @property
    def changed_since(self) -> bool:
        """Read, and the lesson has a newer version than the one read."""
        return self.read is not None and self.read.version < self.lesson.version


def marked(lessons: Iterable[Lesson], reads: Iterable[LessonRead]) -> tuple[Marked, ...]:
    """`lessons` in their order, each with its read; reads of other ids are left out."""
    by_id = {r.lesson_id: r for r in reads}
    return tuple(Marked(x, by_id.get(x.id)) for x in lessons)


def next_unread(marks: Iterable[Marked]) -> Lesson | None:
    """The first lesson never opened, in the order given; None when all were opened."""
    return next((m.lesson for m in marks if m.read is None), None)
