"""The lessons, what the person's own records show beside one of them, and which lessons
the person has read.

Nothing is counted here: the figures are the evidence digest's (services/evidence.py,
which reads the chats' pattern reports, the log, the questionnaires and the mood
check-ins) and the saved cycle map's steps; domain/lessons.py chooses among them.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from clearheart.content.lesson_copy import Lessons, load_lessons
from clearheart.domain.lesson_reads import LessonRead, Marked, marked
from clearheart.domain.lessons import Lesson, OwnEvidence, own_evidence
from clearheart.errors import ClearheartError
from clearheart.services.clock import Clock
from clearheart.services.cycle import CycleService
from clearheart.services.evidence import EvidenceService
from clearheart.services.patterns import PatternService
from clearheart.services.safety import SafetyService
from clearheart.store.lesson_reads_repo import LessonReadsRepo


class LessonService:
    def __init__(
        self,
        engine: sa.Engine,
        clock: Clock,
        safety: SafetyService,
        evidence: EvidenceService,
        cycle: CycleService,
    ) -> None:
        self.clock = clock
        self.safety = safety
        self.evidence = evidence
        self.cycle = cycle
        self.repo = LessonReadsRepo(engine)

    @staticmethod
    def all(locale: str = "en") -> Lessons:
        """Every lesson in reading order, with the references they cite."""
        return load_lessons(locale)

    def lesson(self, lesson_id: str) -> Lesson:
        """One lesson; NotFound for an unknown id."""
        return load_lessons().lesson(lesson_id)

    def own(
        self,
        lesson: Lesson,
        *,
        patterns: PatternService | None = None,
        inline_most: int | None = None,
    ) -> OwnEvidence:
        """What the person's records show for `lesson` (see EvidenceService.digest for
        `patterns` and `inline_most`)."""
        digest = self.evidence.digest(patterns=patterns, inline_most=inline_most)
        current = self.cycle.current()
        steps = len(current.steps) if current is not None else 0
        return own_evidence(lesson, digest.items, steps, digest.waiting)

    def opened(self, lesson_id: str, at: datetime | None = None) -> LessonRead | None:
        """Record that the person opened the lesson (now, or `at`), with its version.

        NotFound for an unknown id, and nothing is stored. A coaching lesson opened while
        coaching rests showed only its title, so it is not counted as read (None).
        """
        lesson = self.lesson(lesson_id)
        if lesson.coaching and not self.safety.coaching():
            return None
        return self.repo.opened(lesson.id, lesson.version, at or self.clock.now())

    def note_opened(self, lesson: Lesson) -> None:
        """`opened`, for a page or command that shows the lesson whatever happens: reading
        never waits on remembering, so a write the vault refuses (locked meanwhile, a full
        disk) leaves the lesson unmarked rather than unshown."""
        with suppress(ClearheartError, SQLAlchemyError):
            self.opened(lesson.id)

    def reads(self) -> tuple[LessonRead, ...]:
        """Every lesson opened (ids no longer in the content included), most recent first;
        each read's `version` against the lesson's says whether it changed since."""
        return self.repo.reads()

    def marked(self, lessons: Iterable[Lesson]) -> tuple[Marked, ...]:
        """`lessons` in their order, each with its read (see domain/lesson_reads.py)."""
        return marked(lessons, self.reads())

    def forget(self) -> int:
        """Forget which lessons were read (nothing else); returns how many were."""
        return self.repo.forget()
