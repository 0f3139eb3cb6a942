"""Crisis words: what shows crisis resources at once, and what must not.

Every sentence here was written for these tests; none is copied from the labelled sets in
bench/data/crisis (test_eval_sets.py checks that).
"""

from __future__ import annotations

import time

import pytest

from clearheart.domain.safety import crisis_rules
from clearheart.domain.safety.crisis import (
    _HURT,
    CRISIS_KINDS,
    NONE,
    Crisis,
    read_crisis,
)
from clearheart.domain.safety.crisis_rules import RULES

SUICIDE = [
    "I want to kill myself.",
    "Honestly I keep thinking it would be easier to end it all.",
    "I've been having suicidal thoughts again this week.",
    "I wish I'd never been born.",
    "I don't want to be alive anymore.",
    "There's no reason for me to keep going.",
    "My family would be better off if I wasn't here.",
    "I'm just a burden to everyone around me.",
    "I swallowed a whole packet of tablets an hour ago.",
    "I've written a note for my mum and put it in the drawer.",
    "By the time you read this I'll be gone.",
    "I tried to take my own life two summers ago and the feeling is back.",
    "Some nights I google the quickest way to go.",
    "I keep standing at the edge of the platform when the fast trains pass, looking down.",
    "You'll never have to worry about me again after tonight.",
    "I stopped making plans past Friday, there's no point in booking things.",
    "I am thinking every day to finish my life.",
    "Nobody will cry for me if I am dying.",
]
SELF_HARM = [
    "I cut myself again last night.",
    "I've been self-harming since March and nobody knows.",
    "I burned my forearm with a lighter on purpose after the call.",
    "The urge to cut is so strong tonight.",
    "I scratch my arms until they bleed when he ignores me.",
    "I wear long sleeves so nobody sees the cuts on my wrists.",
    "Been clean from cutting for 2 months but tonight I slipped.",
    "I keep a razor blade in my drawer for bad nights.",
    "I bang my head against the wall until the noise stops.",
    "Tonight I took it out on my arms again.",
]
HURT_NOW = [
    "He's hitting me right now.",
    "Please stop hitting me, I'll do whatever you want.",
    "I'm locked in the bathroom and he's kicking the door.",
    "She has a knife and she's coming towards me.",
    "I am currently being assaulted by my partner.",
    "He just punched me and he's still standing in the hallway.",
    "I'm hiding in the wardrobe and he's looking for me.",
    "He's got his hands around my neck.",
    "My husband is on top of me and I can't get away.",
    "I'm bleeding and he won't let me call anyone.",
]
TEXTING = [
    ("i wanna kms", "suicide"),
    ("ngl i dont wanna be here anymore", "suicide"),
    ("every1 wd be better off w/o me", "suicide"),
    ("u wont have to deal w me much longer", "suicide"),
    ("im cutting again and i dont know how to stop", "self_harm"),
    ("urges r bad tonight, hiding the sharpeners from myself", "self_harm"),
    ("hes hitting me rn pls call someone", "hurt_now"),
    ("shes outside screaming that shes gonna kill me", "hurt_now"),
]
NOT_A_CRISIS = [
    # everyday hyperbole
    "This commute is killing me.",
    "I could have died of embarrassment at the wedding.",
    "ugh i want to die, i wore my shirt inside out all day 😂",
    "I'd kill for a coffee right now.",
    "My phone is dying, text you later.",
    "I'm dead on my feet after the double shift.",
    "I'd rather die than wear those shoes lol",
    # someone else, or a page or a screen
    "My best friend told me she's been cutting and I don't know what to do.",
    "My brother is suicidal and I'm scared for him.",
    "We watched a film about a man who takes his own life.",
    "In today's seminar we talked about self-harm in teenagers.",
    "My grandad took his own life when I was ten.",
    # a partner's threat to hurt themselves is a safety sign, not the writer's crisis
    "He says he'll kill himself if I leave him.",
    "She threatened to overdose if I went out with my friends.",
    "My boyfriend said he'd jump off the bridge if I broke up with him.",
    # accidents
    "I cut my thumb opening a tin of beans.",
    "I burned my arm on the oven door getting the roast out.",
    "I accidentally cut my leg on the fence while gardening.",
    "Cut myself shaving again this morning, there's a plaster on my chin.",
    # danger that is over, or a dream
    "He hit me once, ten years ago, and I left the next morning. I'm safe now.",
    "I had a nightmare that he was strangling me and woke up screaming.",
    # sadness, tiredness, breaking up, moving on
    "I feel so sad and empty today.",
    "I want to disappear under a blanket and watch films all weekend.",
    "I'm done with him, I'm ending it tonight.",
    "I won't be around much longer, my train leaves at 6.",
    "I don't want to live like this, always waiting for him to text.",
    "I've given all my baby clothes away now that the kids are older.",
    "This is my last message before I board, love you!",
    # a denial
    "I've been feeling down but I have no thoughts of harming myself.",
    # ordinary words that look alarming
    "He's got the big knife out because he's carving the turkey.",
    "The kids are banging on the bathroom door because they want the toilet.",
    "I'm in danger of missing my flight!",
    "Help me pick a dress for Saturday?",
    "We went to the bridge every night on holiday to watch the sunset.",
]


@pytest.mark.parametrize("text", SUICIDE)
def test_suicide_is_heard(text: str) -> None:
    assert "suicide" in read_crisis(text).kinds


@pytest.mark.parametrize("text", SELF_HARM)
def test_self_harm_is_heard(text: str) -> None:
    assert "self_harm" in read_crisis(text).kinds


@pytest.mark.parametrize("text", HURT_NOW)
def test_being_hurt_right_now_is_heard(text: str) -> None:
    assert "hurt_now" in read_crisis(text).kinds


@pytest.mark.parametrize(("text", "kind"), TEXTING)
def test_texting_spellings(text: str, kind: str) -> None:
    assert kind in read_crisis(text).kinds


@pytest.mark.parametrize("text", NOT_A_CRISIS)
def test_hard_negatives_stay_quiet(text: str) -> None:
    assert read_crisis(text) == NONE


def test_curly_quotes_and_missing_apostrophes_read_alike() -> None:
    for text in ("I don’t want to live anymore", "I dont want to live anymore"):
        assert read_crisis(text).kinds == ("suicide",)
    assert read_crisis("He’s hitting me") == read_crisis("He's hitting me") != NONE


def test_a_knife_alone_or_a_locked_door_alone_is_not_enough() -> None:
    assert read_crisis("He has a knife.") == NONE
    assert read_crisis("I locked the door and went to bed early.") == NONE
    assert read_crisis("He has a knife. I locked the door and he is banging on it.").kinds == (
        "hurt_now",
    )


def test_kinds_come_in_order_and_the_result_is_falsy_when_empty() -> None:
    both = read_crisis("He's hitting me right now. I cut myself again last night. I want to die.")
    assert both.kinds == CRISIS_KINDS
    assert not NONE
    assert bool(Crisis(("self_harm",)))


def test_rule_names_are_unique_and_kinds_known() -> None:
    names = [name for _, name, _ in RULES]
    assert len(names) == len(set(names))
    assert {kind for kind, _, _ in RULES} == {"suicide", "self_harm"}
    assert {name for name, _ in crisis_rules.UNLESS} <= set(names)
    assert set(names) >= crisis_rules.ANYONE
    assert {group for group, _ in _HURT} >= {"attack", "door", "trapped", "weapon", "plea"}


def test_the_public_names_still_come_from_crisis() -> None:
    from clearheart.domain.safety import crisis

    assert crisis.CRISIS_KINDS is crisis_rules.CRISIS_KINDS
    assert set(crisis.__all__) == {"CRISIS_KINDS", "NONE", "Crisis", "CrisisKind", "read_crisis"}


def _long_text() -> str:
    paragraph = (
        "Work was long, the printer jammed twice and my manager wanted the slides by five. "
        "He texted at lunch to say he'd be late again, so I made pasta and ate it on the sofa. "
        "I keep wondering whether we'll ever talk the way we used to; it's killing me a bit. "
        "My sister rang about the weekend and we laughed about her dog eating a sock. "
    )
    return (paragraph * 80)[:20_000] + " I don't want to be alive anymore."


def test_a_long_entry_is_read_quickly() -> None:
    text = _long_text()
    assert len(text) > 20_000
    best = min(_seconds(read_crisis, text) for _ in range(3))
    assert best < 0.1, f"{best * 1000:.0f} ms for 20,000 characters"
    assert read_crisis(text).kinds == ("suicide",)


@pytest.mark.parametrize(
    "text",
    [" " * 20_000, "a" * 20_000, "i'm " * 5_000, "cut myself " * 1_800, "my " * 6_700],
)
def test_no_text_makes_a_rule_backtrack_without_end(text: str) -> None:
    assert _seconds(read_crisis, text) < 1.5


def _seconds(read: object, text: str) -> float:
    assert callable(read)
    start = time.perf_counter()
    read(text)
    return time.perf_counter() - start
