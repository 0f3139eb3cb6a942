"""Danger from a partner: what rests coaching, and the everyday hurt that must not.

Every text here was written for these tests; none is copied from the labelled sets in
bench/data/danger (test_eval_sets.py checks that).
"""

from __future__ import annotations

import time

import pytest

from clearheart.domain.safety import danger_rules
from clearheart.domain.safety.danger_rules import RULES
from clearheart.domain.safety.signals import (
    KINDS,
    Sign,
    danger_kinds,
    danger_signs,
)

DANGER = [
    # fear of the partner
    ("I'm terrified of him when he drinks.", "fear"),
    ("I no longer feel safe in my own home.", "fear"),
    ("I do everything I can not to set her off.", "fear"),
    ("My whole body tenses up when I hear his car in the drive.", "fear"),
    ("I never know which version of her is coming home.", "fear"),
    ("You scare me when you shout like that.", "fear"),
    # harm
    ("He slapped me across the face last night.", "harm"),
    ("my bf punched me in the stomach", "harm"),
    ("You pushed me into the wall on Saturday.", "harm"),
    ("He grabbed me by the hair and dragged me to the bedroom.", "harm"),
    ("I had to tell the doctor I fell down the stairs.", "harm"),
    ("My husband forces me to have sex when I don't want to.", "harm"),
    # threats
    ("He said he'll kill me if I ever leave.", "threat"),
    ("She threatened to tell my boss about my past.", "threat"),
    ("he says hell take the kids away and ill never see them again", "threat"),
    ("You said you'd hurt yourself if I went out with my friends again.", "threat"),
    ("He keeps reminding me that he knows where my sister lives.", "threat"),
    # control
    ("He doesn't let me see my friends anymore.", "control"),
    ("My husband takes all my wages and gives me pocket money.", "control"),
    ("you made me quit the gym because you didnt like the trainer", "control"),
    ("I need his permission to visit my parents.", "control"),
    ("He keeps my passport locked in his desk.", "control"),
    # monitoring
    ("He reads all my texts every night.", "monitoring"),
    ("My boyfriend installed a tracking app on my phone.", "monitoring"),
    ("She makes me share my location at all times.", "monitoring"),
    ("He turns up at my work to check on me.", "monitoring"),
    ("I caught him looking through my phone while I was in the shower.", "monitoring"),
    ("u keep logging into my instagram", "monitoring"),
]
EVERYDAY = [
    # fear of being left, distance, ordinary rows
    "I'm terrified he's going to leave me for someone at work.",
    "I'm so afraid of losing him, I check my phone constantly.",
    # "here", "hell", "shell", "shed" are not "he're", "he'll", "she'll", "she'd"
    "Three days of silence and I'm sat here checking my phone like a teenager.",
    "What the hell, you read it and said nothing?",
    "She'd left the shed unlocked and the bikes were gone.",
    "He felt awkward about the row, so he said nothing at all for an hour.",
    "I dread the day he tells me it's over.",
    "He's been in a mood all week because of work, and he barely talks to me.",
    "We had a huge fight about his mum and both said things we regret.",
    "You hurt me when you forgot our anniversary.",
    "Honestly I'm not scared of him, I'm scared of being alone.",
    # the person's own anxious checking
    "I keep checking his location to see if he's really at the gym.",
    "I went through his phone and found nothing, I'm the problem.",
    # arrangements both chose
    "I asked him to keep my bank card so I stop buying clothes online.",
    "We check each other's locations when we're driving at night, it makes us both feel safer.",
    "He has all my passwords written in his notebook because I keep forgetting them.",
    # jokes, games, idioms, kindness, accidents
    "He hit the gym at six and hit the sofa at eight.",
    "She said she'd kill me if I spoiled the finale 😂",
    "He pushed me to apply for the promotion and I got it!",
    "My boyfriend grabbed my hand when the dog ran at us.",
    "You took my car keys by mistake so I couldn't leave, we laughed about it.",
    "He hid my passport so I couldn't lose it before the flight.",
    "He turned up at my work with coffee to say sorry for last night.",
    # other people, the past, pages and screens
    "My boss reads all my emails and it drives me mad.",
    "My ex-landlord threatened me with eviction last year.",
    "A stranger followed me off the bus last night, I was shaking.",
    "My mum is controlling and always wants to know where I am.",
    "The book was about a woman whose husband locks her in the house.",
    "I flinched when he tried to kiss me because I had a cold sore.",
]


@pytest.mark.parametrize(("text", "kind"), DANGER)
def test_danger_is_heard(text: str, kind: str) -> None:
    assert kind in danger_kinds(text)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_hurt_stays_quiet(text: str) -> None:
    assert danger_kinds(text) == ()


def test_a_draft_speaks_to_the_partner_as_you() -> None:
    assert danger_kinds("You went through my phone again.") == ("monitoring",)
    assert danger_kinds("Your brother went through my phone again.") == ()


def test_a_first_name_can_be_the_partner() -> None:
    assert danger_kinds("Marek demanded my passwords after I got home.") == ("monitoring",)


def test_curly_quotes_read_like_straight_ones_and_spans_index_the_text() -> None:
    text = "Tonight he said he’d kill me if I ever left."
    signs = danger_signs(text)
    assert signs and all(isinstance(sign, Sign) for sign in signs)
    assert all(0 <= s.start < s.end <= len(text) for s in signs)
    assert danger_kinds(text) == danger_kinds(text.replace("’", "'")) == ("threat",)
    assert [(s.start, s.end) for s in signs] == sorted((s.start, s.end) for s in signs)


def test_kinds_come_in_order() -> None:
    text = "He reads my texts. He hit me. I'm afraid of him."
    assert danger_kinds(text) == ("fear", "harm", "monitoring")
    assert set(danger_kinds(text)) <= set(KINDS)


def test_rule_names_are_unique_and_every_kind_has_rules() -> None:
    names = [name for _, name, _ in RULES]
    assert len(names) == len(set(names))
    assert {kind for kind, _, _ in RULES} == set(KINDS)
    assert KINDS is danger_rules.KINDS


def _long_text() -> str:
    paragraph = (
        "Work was long, the printer jammed twice and my manager wanted the slides by five. "
        "He texted at lunch to say he'd be late again, so I made pasta and ate it on the sofa. "
        "I keep wondering whether we'll ever talk the way we used to, and I miss him. "
        "My sister rang about the weekend and we laughed about her dog eating a sock. "
    )
    return (paragraph * 80)[:20_000] + " He checks my phone every night."


def test_a_long_entry_is_read_quickly() -> None:
    text = _long_text()
    assert len(text) > 20_000
    best = min(_seconds(text) for _ in range(3))
    assert best < 0.1, f"{best * 1000:.0f} ms for 20,000 characters"
    assert danger_kinds(text) == ("monitoring",)


@pytest.mark.parametrize(
    "text",
    [" " * 20_000, "a" * 20_000, "he's " * 4_000, "Tom Dan Sam " * 1_700, "he hit me " * 2_000],
)
def test_no_text_makes_a_rule_backtrack_without_end(text: str) -> None:
    assert _seconds(text) < 1.5


def _seconds(text: str) -> float:
    start = time.perf_counter()
    danger_signs(text)
    return time.perf_counter() - start
