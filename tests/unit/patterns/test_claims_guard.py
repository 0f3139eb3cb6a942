"""No sentence words a change it has not tested, and every tested claim has its bench.

Walks describe() and the before-and-after sentences at each chat's middle day over
generated chats of several lengths (bench/gen_whatsapp.py) and two chats whose reply time
clearly quadruples (steadily, and all at once), so both kinds of latency and comparison
sentence appear. A sentence using words of comparison or change must set claims_change,
unless it says in so many words that it makes no claim ("about the same", "not enough to
tell", "too few"); "up to" a date is not "up". A claims_change sentence's topic must be
in claims.TESTED, whose scripts must exist.
"""

from __future__ import annotations

import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clearheart.domain.before_after.chat_series import chat_series, weekly_replies
from clearheart.domain.before_after.compare import compare, sentence
from clearheart.domain.chat import Columns, Kind, Message
from clearheart.domain.patterns.claims import TESTED
from clearheart.domain.patterns.report import Settings, build_report
from clearheart.domain.patterns.sentence import Sentence
from clearheart.domain.patterns.sentences import describe
from clearheart.domain.patterns.timeline_build import build_timeline

ROOT = Path(__file__).parents[3]
CHANGE = re.compile(
    r"more than|less than|\bup\b(?! to\b)|\bdown\b|slower|quicker|\brose\b|\bfell\b|"
    r"went together|changed|increase|decrease",
    re.IGNORECASE,
)
NO_CLAIM = ("about the same", "not enough to tell", "too few")


def _generated(weeks: int, seed: int) -> list[Message]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from gen_whatsapp import events
    finally:
        sys.path.remove(str(ROOT / "bench"))
    end = datetime(2021, 3, 1) + timedelta(weeks=weeks, days=1)
    kinds = {"text": Kind.TEXT, "edited": Kind.TEXT}
    return [Message(e.ts, e.sender, kinds[e.kind], e.text)
            for e in events(weeks * 7 * 40, seed) if e.ts < end and e.kind in kinds]


def _slowing(step: bool = False) -> list[Message]:
    """Four questions a day for two years; Sam's replies go from 2 to 8 minutes, steadily
    (or, with `step`, all at once halfway)."""
    rng = random.Random(3)
    found = []
    start = datetime(2023, 1, 1)
    for day in range(730):
        for hour in (9, 12, 15, 18):
            asked = start + timedelta(days=day, hours=hour)
            grown = (4 if day >= 365 else 1) if step else 4 ** (day / 730)
            wait = 120 * grown * rng.lognormvariate(0, 0.3)
            found.append(Message(asked, "Ana", Kind.TEXT, "how is it going?"))
            found.append(Message(asked + timedelta(seconds=wait), "Sam", Kind.TEXT, "fine"))
    return found


def _compared(messages: list[Message], me: str) -> list[Sentence]:
    """The before-and-after sentences at the chat's middle day, as the service words them."""
    columns = Columns.of(messages)
    report = build_report(columns, me)
    mine, theirs = weekly_replies(build_timeline(columns, me), Settings())
    middle = messages[0].ts + (messages[-1].ts - messages[0].ts) / 2
    return [Sentence("before_after", sentence(c), c.before.count + c.after.count,
                     claims_change=c.claims_change)
            for c in (compare(s, middle.date()) for s in chat_series(report, mine, theirs))]


def _said() -> list[Sentence]:
    chats = [(_generated(weeks, seed), "Sam") for weeks, seed in ((12, 1), (52, 2), (104, 3))]
    chats += [(_slowing(), "Ana"), (_slowing(step=True), "Ana")]
    return [sentence for messages, me in chats
            for sentence in (*describe(build_report(messages, me)), *_compared(messages, me))]


@pytest.fixture(scope="module")
def said() -> list[Sentence]:
    return _said()


def test_words_of_change_come_with_claims_change(said: list[Sentence]) -> None:
    loose = [s.text for s in said if not s.claims_change
             and CHANGE.search(s.text) and not any(p in s.text for p in NO_CLAIM)]
    assert not loose


def test_every_claim_has_its_bench(said: list[Sentence]) -> None:
    claims = {s.topic for s in said if s.claims_change}
    assert {"latency", "before_after"} <= claims  # the slowing chat: real claims are seen
    assert claims <= set(TESTED)
    for script in TESTED.values():
        assert (ROOT / script).is_file(), script
