"""Each kind is found, with the exact words it rests on and its one-sentence why."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clearheart.domain.draftcheck import KINDS, WHY, Reading, check

# (draft, kind, the words the flag must cover)
Check = Callable[[str], Reading]

EXAMPLES = (
    ("You never listen to me when I talk about my day", "criticism", "You never listen"),
    ("You always twist everything I say", "criticism", "You always twist"),
    ("What's wrong with you?", "criticism", "What's wrong with you"),
    ("Honestly you're so selfish.", "criticism", "you're so selfish"),
    ("You're a pathetic excuse for a partner", "contempt", "pathetic excuse for a"),
    ("Grow up and answer your phone", "contempt", "Grow up"),
    ("Sure, whatever 🙄", "contempt", "🙄"),
    ("you're an asshole", "contempt", "you're an asshole"),
    ("Oh great, thanks for nothing", "sarcasm", "thanks for nothing"),
    ("wow, so glad you finally remembered", "sarcasm", "glad you finally"),
    ('Sure, you were "working late". Right.', "sarcasm", 'you were "working late"'),
    ("It's not my fault you can't plan anything", "defensiveness", "It's not my fault"),
    ("I only did that because you ignored me", "defensiveness", "I only did that because you"),
    (
        "If you don't call me tonight then I'm leaving",
        "ultimatum",
        "If you don't call me tonight then I'm leaving",
    ),
    (
        "If you don't come home tonight we're done.",
        "ultimatum",
        "If you don't come home tonight we're done",
    ),
    ("It's me or your friends, choose", "ultimatum", "It's me or your"),
    ("You'll regret this, I promise you", "threat", "You'll regret"),
    ("I'll send your boss those messages", "threat", "I'll send your boss"),
    ("After everything I've done for you, nothing", "guilt_trip", "After everything I've"),
    ("I guess I don't matter", "guilt_trip", "I guess I don't matter"),
    (
        "Don't worry about me, I'll just eat alone again",
        "guilt_trip",
        "Don't worry about me, I'll just",
    ),
    ("Do you still love me?", "reassurance_seeking", "Do you still love me"),
    ("are we ok?", "reassurance_seeking", "are we ok"),
    ("please just answer", "reassurance_seeking", "please just answer"),
    ("Answer me. Answer me. ANSWER ME.", "intensity", "Answer me. Answer me. ANSWER ME"),
    (
        "I HATE THIS!!! WHY DO YOU ALWAYS DO THIS TO ME!!!",
        "intensity",
        "I HATE THIS!!! WHY DO YOU ALWAYS DO THIS TO ME!!!",
    ),
)


@pytest.mark.parametrize(("text", "kind", "words"), EXAMPLES)
def test_each_kind_with_its_span_and_why(read: Check, text: str, kind: str, words: str) -> None:
    reading = read(text)
    flags = [flag for flag in reading.flags if flag.kind == kind]
    assert flags, [(f.kind, text[f.start : f.end]) for f in reading.flags]
    spans = [text[flag.start : flag.end] for flag in flags]
    assert any(words in span or span in words for span in spans), spans
    assert all(flag.why == WHY[kind] and flag.source == "rule" for flag in flags)
    assert reading.pause is True
    assert 1 <= len(reading.tips) <= 3


def test_every_kind_has_an_example_and_a_why() -> None:
    assert {kind for _, kind, _ in EXAMPLES} == set(KINDS)
    for kind in KINDS:
        sentence = WHY[kind]
        assert sentence.endswith(".") and len(sentence) < 110
        assert "!" not in sentence


def test_flags_come_in_text_order_and_one_per_stretch(read: Check) -> None:
    text = "You never listen. You never call. If you don't call tonight we're done."
    reading = read(text)
    starts = [flag.start for flag in reading.flags]
    assert starts == sorted(starts)
    criticism = [f for f in reading.flags if f.kind == "criticism"]
    assert [text[f.start : f.end] for f in criticism] == ["You never listen", "You never call"]


def test_hard_kinds_pause_alone() -> None:
    for text in ("you're an asshole", "You'll regret this", "It's me or your friends"):
        assert check(text).pause is True, text


def test_a_joyful_shout_is_not_intensity_but_an_angry_one_is(read: Check) -> None:
    assert read("WE WON THE CUP!!! BEST DAY EVER!!!").flags == ()
    angry = read("WHERE ARE YOU. I HAVE BEEN WAITING ALL NIGHT!!!")
    assert "intensity" in angry.kinds


def test_sarcasm_about_a_train_is_not_aimed_at_anyone(read: Check) -> None:
    assert read("Oh great, the train's cancelled again. Classic Monday.").pause is False
    assert "sarcasm" in read("Oh great, you forgot our anniversary again").kinds
