"""The lessons, and what the person's own records show beside one of them.

Nothing is counted here: the figures are the evidence digest's (services/evidence.py,
which reads the chats' pattern reports, the log, the questionnaires and the mood
check-ins) and the saved cycle map's steps; domain/lessons.py chooses among them.
"""

from __future__ import annotations

from clearheart.content.lesson_copy import Lessons, load_lessons
from clearheart.domain.lessons import Lesson, OwnEvidence, own_evidence
from clearheart.services.cycle import CycleService
from clearheart.services.evidence import EvidenceService
from clearheart.services.patterns import PatternService


class LessonService:
    def __init__(self, evidence: EvidenceService, cycle: CycleService) -> None:
        self.evidence = evidence
        self.cycle = cycle

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
