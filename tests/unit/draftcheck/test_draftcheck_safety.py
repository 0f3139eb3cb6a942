"""The safety signal: fear, harm, threats received or coercion mean resources, not coaching."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clearheart.domain.draftcheck import Reading, check
from clearheart.domain.draftcheck.tips import CRISIS_TIP, SAFETY_TIP, TIPS

Check = Callable[[str], Reading]

UNSAFE = (
    "I'm scared of what you'll do when you get home",
    "You took my phone again and won't let me see my friends",
    "you pushed me last night and I still have the bruise",
    "You said you'd hurt me if I told anyone",
    "He threatened to take the kids if I leave",
    "I don't feel safe at home anymore",
    "Please don't lock me out again",
    "You keep saying you'll hurt yourself if I leave. I'm scared.",
    "You check my phone every night and track my location",
)


@pytest.mark.parametrize("text", UNSAFE)
def test_the_sender_may_be_unsafe(read: Check, text: str) -> None:
    reading = read(text)
    assert reading.safety is True
    assert reading.pause is True
    assert "threat" in reading.kinds
    assert reading.tips == (SAFETY_TIP,)
    # Coaching (calm requests, giving space) is never offered when safety is at stake.
    assert not set(reading.tips) & set(TIPS.values())


def test_thoughts_of_self_harm_bring_the_crisis_tip_first(read: Check) -> None:
    reading = read("I don't want to be here anymore")
    assert reading.safety is True and reading.pause is True
    assert reading.tips == (CRISIS_TIP, SAFETY_TIP)
    assert "pain" in reading.flags[0].why


def test_threatening_harm_is_safety_but_threatening_to_expose_is_not() -> None:
    assert check("I'll hurt you if you leave").safety is True
    exposed = check("I'll send your boss those messages")
    assert exposed.pause is True and exposed.safety is False


@pytest.mark.parametrize(
    "text",
    [
        "You really hurt me yesterday when you left early",
        "You pushed me to finally apply for the job, thank you",
        "you hit me up earlier? sorry, was driving",
        "I'm afraid I can't come tonight",
        "I'm scared of heights, can we skip the tower?",
    ],
)
def test_ordinary_words_are_not_a_safety_alarm(read: Check, text: str) -> None:
    assert read(text).safety is False
