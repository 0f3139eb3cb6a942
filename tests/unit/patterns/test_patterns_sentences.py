"""Sentences: kind, plain, never judging, and always saying how much data they rest on."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta

import pytest

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.report import PatternReport, Settings, build_report
from clearheart.domain.patterns.sentence import Sentence
from clearheart.domain.patterns.sentences import describe
from clearheart.domain.patterns.wording import count, day, duration, listing, month
from clearheart.domain.percent import percent

FORBIDDEN = (
    "avoidant", "needy", "toxic", "narcissist", "doesn't care", "does not care", "you should",
    "clingy", "obsess", "too much", "fault", "will leave", "break up", "should",
)
COUNT = re.compile(r"\d")


def rich_chat(weeks: int = 30, seed: int = 3) -> list[Message]:
    """Weeks of back-and-forth with plans, runs, media, calls and a few long silences."""
    rng = random.Random(seed)
    messages: list[Message] = []
    at = datetime(2024, 1, 1, 8, 0)
    lines = ["morning!", "how was work?", "ok", "haha yes", "tired", "miss you", "sure",
             "want to grab dinner on friday?", "can't make it tonight, sorry",
             "how about thursday instead?", "see you at 8", "are you there?"]
    for week in range(weeks):
        for _ in range(rng.randint(15, 40)):
            at += timedelta(minutes=rng.choice([1, 3, 10, 45, 200, 600]))
            sender = "Ana" if rng.random() < 0.6 else "Sam"
            kind = Kind.MEDIA if rng.random() < 0.05 else Kind.TEXT
            messages.append(Message(at, sender, kind, rng.choice(lines)))
        if week % 9 == 4:
            at += timedelta(days=3)
            messages.append(Message(at, "Sam", Kind.CALL, "Missed voice call"))
        at = datetime(2024, 1, 1, 8, 0) + timedelta(weeks=week + 1)
    return messages


def sentences(messages: list[Message], **kwargs: object) -> tuple[Sentence, ...]:
    found: PatternReport = build_report(
        messages, "Ana", settings=Settings(loop_min_weeks=3), **kwargs  # type: ignore[arg-type]
    )
    return describe(found)


@pytest.fixture(scope="module")
def said() -> tuple[Sentence, ...]:
    return sentences(rich_chat())


def test_every_topic_gets_a_sentence(said: tuple[Sentence, ...]) -> None:
    assert {s.topic for s in said} == {
        "conversations", "latency", "unanswered", "silences", "effort", "plans", "loop"
    }


def test_no_judging_words(said: tuple[Sentence, ...]) -> None:
    thin = sentences(rich_chat(weeks=1))
    for sentence in (*said, *thin):
        lowered = sentence.text.lower()
        for word in FORBIDDEN:
            assert word not in lowered, sentence.text


def test_every_figure_states_its_count(said: tuple[Sentence, ...]) -> None:
    thin = sentences(rich_chat(weeks=1))
    for sentence in (*said, *thin):
        if sentence.figure:
            assert COUNT.search(sentence.text), sentence.text
            assert f"{sentence.rests_on:,}" in sentence.text, sentence.text


def test_sentences_are_plain_text(said: tuple[Sentence, ...]) -> None:
    for sentence in said:
        assert sentence.text[0].isupper()
        assert sentence.text.endswith(".")
        assert "  " not in sentence.text
        assert "None" not in sentence.text


def test_thin_data_says_not_enough_yet() -> None:
    messages = rich_chat(weeks=1)[:8]
    said = sentences(messages)
    texts = " ".join(s.text for s in said)
    assert "not enough" in texts.lower() or "too few" in texts.lower()
    loop = [s for s in said if s.topic == "loop"]
    assert len(loop) == 1 and "Not enough to tell yet" in loop[0].text


def test_an_empty_chat_still_reads_kindly() -> None:
    for sentence in sentences([]):
        assert COUNT.search(sentence.text)


def test_the_loop_never_predicts(said: tuple[Sentence, ...]) -> None:
    loop = " ".join(s.text for s in said if s.topic == "loop").lower()
    assert "will" not in loop.split()
    assert "is not a cause" in loop
    assert "after" not in loop.split()


def test_the_wording_of_numbers() -> None:
    assert duration(20) == "under a minute"
    assert duration(25 * 60) == "25 min"
    assert duration(2 * 3600 + 10 * 60) == "2 h 10 min"
    assert duration(3 * 3600) == "3 h"
    assert duration(3 * 86400) == "3 days"
    assert percent(0.616) == "62%"
    assert count(1, "reply", "replies") == "1 reply"
    assert count(2104, "reply", "replies") == "2,104 replies"
    assert day(date(2025, 10, 3)) == "3 October 2025"
    assert month(date(2025, 6, 1)) == "June 2025"
    assert listing(["a", "b", "c"]) == "a, b and c"


def test_a_worked_example() -> None:
    # From 1 June to 30 November: June and October are the only whole months with 20
    # replies, too few for a trend, so the sentence says how many it takes.
    start = datetime(2025, 6, 1, 9, 0)
    messages = []
    for i in range(30):
        messages.append(Message(start + timedelta(hours=i), "Ana", Kind.TEXT, "hi"))
        messages.append(Message(start + timedelta(hours=i, minutes=25), "Sam", Kind.TEXT, "hey"))
    later = datetime(2025, 10, 6, 9, 0)
    for i in range(30):
        messages.append(Message(later + timedelta(hours=3 * i), "Ana", Kind.TEXT, "hi"))
        messages.append(
            Message(later + timedelta(hours=3 * i, minutes=130), "Sam", Kind.TEXT, "hey")
        )
    messages.append(Message(datetime(2025, 11, 30, 9, 0), "Ana", Kind.TEXT, "hi"))
    said = [s.text for s in sentences(messages) if s.topic == "latency"]
    assert (
        "Telling whether Sam's replies have got quicker or slower takes at least 6 whole "
        "months with 20 or more replies each; so far there are 2, so there is not enough to "
        "tell yet (60 replies)."
    ) in said
