"""Calm messages pass untouched, even with words that look alarming out of context.

False pauses teach a person to ignore the check, so every trap here must give no flag,
no tip and no pause, with VADER and without it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clearheart.domain.draftcheck import Reading, check

Check = Callable[[str], Reading]

CALM_TRAPS = (
    "You always make me laugh",
    "If you're free tomorrow…",
    "If you're free tomorrow, want to get lunch?",
    "I'm done with work",
    "I'm done with work, heading home now",
    "WE GOT THE APARTMENT!!!",
    "OMG YOU GOT THE JOB!!! SO PROUD OF YOU",
    "You never fail to cheer me up",
    "You always know what to say ❤️",
    "You never have to apologise for being tired",
    "I'm leaving the office at 6, want anything from the shop?",
    "If you don't mind, I'll take the car tomorrow",
    "Are we ok for Saturday at 7?",
    "Are you okay? You seemed tired today",
    "We need to talk about dinner plans for your mum's visit",
    "I hate this printer so much, it jammed again",
    "This traffic is ridiculous, running 10 min late",
    "You're such a dork 😂 love you",
    "You're crazy, that was amazing",
    "I'll kill you if you spoil the finale 😂",
    "Shut up!! No way, that's incredible",
    "Thanks a lot for the flowers, they're gorgeous",
    "Oh great, see you at 8 then!",
    "It's not your fault at all, don't worry about it",
    "I'm sorry, that was my fault. I'll do better.",
    "When the plans changed last minute I felt let down. "
    "Could we agree to text if something comes up?",
    "I'm going to take a bath and read. Talk later.",
    "Can you call me when you get a sec? No rush.",
    "Please reply when you get a chance about the tickets",
    "Or else we could just order in?",
    "My boss always interrupts me in meetings, so annoying",
    "I'm scared of spiders, can you come deal with one",
    "I'm afraid I can't make it tonight, sorry!",
    "We're done with the kitchen, come see!",
    "Last chance to grab tickets for the gig, want me to buy two?",
    "Happy birthday!!! Have the best day!!!",
    "I know you're busy, no pressure to reply tonight. Love you.",
    "I felt a bit lonely tonight. Could we plan a call tomorrow?",
    "I got the promotion!!!!! I can't believe it",
    "ugh my train is cancelled again, going to be late",
    "I'll tell everyone at the party you said hi",
    "Wanna watch something or else play cards?",
    "I'm through security, boarding soon",
    "Don't mind me, just grabbing my charger",
    "I'll remember that for next time, good tip",
    "Why do you always look so good in photos",
    "You're so tired lately, is work ok?",
    "Sorry, am I interrupting? I can call back later",
    "It's me or the dog on the sofa tonight 😂",
    "I'm warning you, the film is really long",
    "I have proof of purchase if the shop asks",
    "Honestly nobody cares about the dishes, relax and enjoy your evening",
    "Thanks for the update! See you at 6",
    "I feel so loved today, thank you for the flowers",
    "This is the last time I buy that brand of coffee",
    "If it's not too much trouble, could you grab bread on the way?",
    "I'll hurt myself laughing if you keep sending these memes",
    "I'm never drinking tequila again 🙃",
    "holy shit I passed my driving test!!!!",
)


@pytest.mark.parametrize("text", CALM_TRAPS)
def test_a_calm_message_gets_no_flag_and_no_pause(read: Check, text: str) -> None:
    reading = read(text)
    assert reading.flags == (), [(f.kind, f.rule, text[f.start : f.end]) for f in reading.flags]
    assert reading.pause is False
    assert reading.tips == ()
    assert reading.safety is False


@pytest.mark.parametrize("text", CALM_TRAPS)
def test_calm_without_the_tone_scorer_too(text: str) -> None:
    assert check(text).pause is False


def test_there_are_enough_traps() -> None:
    assert len(set(CALM_TRAPS)) >= 34


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_reads_as_nothing(text: str) -> None:
    reading = check(text)
    assert (reading.pause, reading.flags, reading.tips, reading.safety) == (False, (), (), False)
