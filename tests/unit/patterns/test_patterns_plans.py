"""Plans: what came of each proposal, and the counts per person and month."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clearheart.domain.chat import Message
from clearheart.domain.patterns.plan_rules import PlanKind
from clearheart.domain.patterns.plans import Outcome, Plans
from clearheart.domain.patterns.report import Settings, build_report

Chat = Callable[..., list[Message]]


def plans(messages: list[Message], **settings: float) -> Plans:
    return build_report(
        messages, "Ana", settings=Settings(**settings)  # type: ignore[arg-type]
    ).plans


def outcome(messages: list[Message]) -> tuple[Outcome, str | None]:
    (first, *_) = plans(messages).links
    return first.outcome, None if first.settled_by is None else first.settled_by.rule


OFFER = ("2024-03-04 18:00", "Ana", "Want to grab dinner on Friday?")


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([("2024-03-04 18:05", "Sam", "sure!")], (Outcome.CONFIRMED, "reply.yes")),
        ([("2024-03-04 18:05", "Sam", "see you at 8")], (Outcome.CONFIRMED, "confirm.see_you")),
        ([("2024-03-04 18:05", "Sam", "no, sorry")], (Outcome.DECLINED, "reply.decline")),
        (
            [("2024-03-04 18:05", "Sam", "I can't make it friday")],
            (Outcome.DECLINED, "cancel.cant_make_it"),
        ),
        (
            [
                ("2024-03-04 18:05", "Sam", "yes!"),
                ("2024-03-05 09:00", "Sam", "so sorry, something came up"),
            ],
            (Outcome.CANCELLED, "cancel.came_up"),
        ),
        (
            [("2024-03-04 18:05", "Sam", "how about Thursday instead?")],
            (Outcome.RESCHEDULED, "reschedule.instead"),
        ),
        (
            [("2024-03-04 18:05", "Sam", "are you free saturday?")],
            (Outcome.RESCHEDULED, "proposal.free"),
        ),
        ([("2024-03-04 18:05", "Sam", "haha")], (Outcome.UNCLEAR, None)),
        ([("2024-03-08 18:05", "Sam", "yes")], (Outcome.NO_REPLY, None)),
        ([], (Outcome.NO_REPLY, None)),
        (
            [("2024-03-04 18:01", "Ana", "actually I can't make it, sorry")],
            (Outcome.CANCELLED, "cancel.cant_make_it"),
        ),
    ],
)
def test_what_came_of_a_proposal(
    chat: Chat, answers: list[tuple[str, str, str]], expected: tuple[Outcome, str | None]
) -> None:
    assert outcome(chat(OFFER, *answers)) == expected


def test_a_later_unrelated_proposal_closes_the_window(chat: Chat) -> None:
    messages = chat(
        OFFER,
        ("2024-03-04 18:05", "Sam", "haha maybe"),
        ("2024-03-04 18:10", "Ana", "ok"),
        ("2024-03-05 12:00", "Sam", "are you free for lunch tomorrow?"),
        ("2024-03-05 12:01", "Ana", "yes!"),
    )
    first, second = plans(messages).links
    assert first.outcome is Outcome.UNCLEAR
    assert second.outcome is Outcome.CONFIRMED
    assert second.offer.sender == "Sam"


def test_the_window_is_a_setting(chat: Chat) -> None:
    messages = chat(OFFER, ("2024-03-05 20:00", "Sam", "yes"))
    assert plans(messages).links[0].outcome is Outcome.CONFIRMED
    assert plans(messages, plan_window_hours=12).links[0].outcome is Outcome.NO_REPLY


def test_a_reschedule_is_an_offer_of_its_own(chat: Chat) -> None:
    messages = chat(
        OFFER,
        ("2024-03-04 18:05", "Sam", "can we move it to Saturday?"),
        ("2024-03-04 18:06", "Ana", "perfect"),
    )
    first, moved = plans(messages).links
    assert first.outcome is Outcome.RESCHEDULED
    assert moved.offer.kind is PlanKind.RESCHEDULE
    assert moved.outcome is Outcome.CONFIRMED


def test_hits_show_which_messages_counted(chat: Chat) -> None:
    messages = chat(
        ("2024-03-04 17:00", "Sam", "hey"),
        OFFER,
        ("2024-03-04 18:05", "Sam", "sure!"),
    )
    found = plans(messages)
    offer, answer = found.hits
    assert (offer.index, offer.sender, offer.kind, offer.rule) == (
        1, "Ana", PlanKind.PROPOSAL, "proposal.want"
    )
    assert offer.matched == "Want to grab dinner"
    assert messages[1].text[offer.span[0] : offer.span[1]] == offer.matched
    assert (answer.index, answer.kind, answer.rule, answer.matched) == (
        2, PlanKind.CONFIRMATION, "reply.yes", "sure"
    )


def test_counts_per_person_and_month(chat: Chat) -> None:
    messages = chat(
        OFFER,
        ("2024-03-04 18:05", "Sam", "sure!"),
        ("2024-03-20 10:00", "Sam", "let's meet up this weekend"),
        ("2024-03-20 10:30", "Ana", "I can't this weekend, sorry"),
        ("2024-04-02 09:00", "Sam", "rain check on tonight?"),
    )
    found = plans(messages)
    ana, sam = found.overall
    assert (ana.proposals, ana.confirmations, ana.declines) == (1, 0, 1)
    assert (sam.proposals, sam.confirmations, sam.cancellations) == (1, 1, 1)
    assert ana.outcome(Outcome.CONFIRMED) == 1
    assert sam.outcome(Outcome.DECLINED) == 1
    march, april = found.by_month
    assert (march.label, april.label) == ("2024-03", "2024-04")
    assert march.people[1].proposals == 1
    assert april.people[1].cancellations == 1
    assert april.people[0] == type(april.people[0])(outcomes=april.people[0].outcomes)


def test_no_plans_in_small_talk(chat: Chat) -> None:
    messages = chat(
        ("2024-03-04 18:00", "Ana", "how was your day?"),
        ("2024-03-04 18:05", "Sam", "long. I'll call you later"),
        ("2024-03-04 18:06", "Ana", "ok"),
    )
    found = plans(messages)
    assert found.hits == ()
    assert found.links == ()
