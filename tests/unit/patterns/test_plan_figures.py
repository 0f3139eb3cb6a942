"""The plans' figures count what came of each suggestion, whatever kind of message settled it."""

from __future__ import annotations

from collections.abc import Callable

from clearheart.domain.chat import Message
from clearheart.domain.patterns.plan_figures import plan_figures
from clearheart.domain.patterns.plans import Outcome
from clearheart.domain.patterns.report import build_report
from clearheart.domain.patterns.sentences import plans as plan_sentences


def test_a_counter_offer_is_a_move_and_a_no_is_a_turn_down(
    chat: Callable[..., list[Message]],
) -> None:
    messages = chat(
        ("2024-03-04 18:00", "Ana", "Want to grab dinner on Friday?"),
        ("2024-03-04 18:05", "Sam", "are you free saturday?"),
        ("2024-03-10 18:00", "Ana", "Want to go for a walk on Sunday?"),
        ("2024-03-10 18:05", "Sam", "no, sorry"),
        ("2024-03-17 18:00", "Ana", "Do you want to see a film on Friday?"),
        ("2024-03-17 18:05", "Sam", "sure!"),
    )
    report = build_report(messages, "Ana")
    figures = plan_figures(report.plans.overall)
    assert figures.outcome(Outcome.RESCHEDULED) == 1
    assert figures.outcome(Outcome.DECLINED) == 1
    assert figures.outcome(Outcome.CONFIRMED) == 1
    # Neither answer is a reschedule or a cancellation message: counting kinds says 0.
    assert sum(p.reschedules for p in report.plans.overall) == 0
    assert figures.cancellations == 0
    assert sum(n for _, n in figures.outcomes) == sum(p.proposals for p in report.plans.overall)
    monthly = [plan_figures(m.people) for m in report.plans.by_month]
    assert sum(f.outcome(Outcome.RESCHEDULED) for f in monthly) == 1
    said = " ".join(s.text for s in plan_sentences(report))
    assert "1 was moved" in said and "1 was turned down" in said and "1 was confirmed" in said
