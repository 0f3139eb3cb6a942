"""Every lesson reads at grade 8 or below (Flesch-Kincaid), and takes a few minutes.

textstat 0.7.3 counts syllables with pyphen's dictionaries and needs no network; later
releases fetch NLTK data when first used, which fails offline (pyproject.toml, dev).
"""

from __future__ import annotations

import textstat  # type: ignore[import-untyped]

from clearheart.content.lesson_copy import load_lessons

MOST_GRADE = 8.0


def test_every_lesson_reads_at_grade_eight_or_below() -> None:
    too_hard = {}
    for lesson in load_lessons().lessons:
        for part, text in (("body", " ".join(lesson.paragraphs)), ("try", lesson.try_this)):
            grade = textstat.flesch_kincaid_grade(text)
            if grade > MOST_GRADE:
                too_hard[f"{lesson.id} ({part})"] = grade
    assert not too_hard, too_hard


def test_the_measure_is_not_blind() -> None:
    hard = (
        "Notwithstanding considerable methodological heterogeneity, longitudinal "
        "investigations substantiate moderate intraindividual attachment stability."
    )
    assert textstat.flesch_kincaid_grade(hard) > MOST_GRADE


def test_every_lesson_takes_two_to_four_minutes() -> None:
    assert all(2 <= x.minutes <= 4 for x in load_lessons().lessons), [
        (x.id, x.words) for x in load_lessons().lessons if not 2 <= x.minutes <= 4
    ]
