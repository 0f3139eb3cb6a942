"""Plan rules: every rule on wording it should catch and wording it must leave alone.

Each example runs twice: through `classify` (the rule itself) and through the whole
detector (the anchor scan over a chat, then the rules), so an anchor that misses a rule's
wording fails here too.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from clearheart.domain.chat import Kind, Message
from clearheart.domain.patterns.plan_rules import BY_ID, RULES, PlanKind
from clearheart.domain.patterns.plan_scan import ANCHORS, candidates, prepare
from clearheart.domain.patterns.plans import classify, classify_reply, detect
from clearheart.domain.patterns.timeline_build import build_timeline

POSITIVE = [
    ("Let's grab dinner on Friday", "proposal.lets"),
    ("lets meet up at 7", "proposal.lets"),
    ("Let’s go out tonight!", "proposal.lets"),
    ("Want to grab coffee tomorrow?", "proposal.want"),
    ("do you want to come over later", "proposal.want"),
    ("would you like to see a movie", "proposal.want"),
    ("Fancy a drink after work?", "proposal.want"),
    ("Are you free tomorrow?", "proposal.free"),
    ("r u free this weekend", "proposal.free"),
    ("I'm free to talk later", "proposal.free"),
    ("im free on saturday if that helps", "proposal.free"),
    ("How about Thursday?", "proposal.how_about"),
    ("what about 7pm", "proposal.how_about"),
    ("Shall we meet up this weekend?", "proposal.shall_we"),
    ("can we catch up soon", "proposal.shall_we"),
    ("can we talk tonight?", "proposal.talk"),
    ("I want to talk later", "proposal.talk"),
    ("dinner tomorrow?", "proposal.when_question"),
    ("Drinks at 8?", "proposal.when_question"),
    ("it's a date", "confirm.date"),
    ("See you at 8!", "confirm.see_you"),
    ("ok see you tomorrow", "confirm.see_you"),
    ("looking forward to it", "confirm.looking_forward"),
    ("I booked a table", "confirm.booked"),
    ("I can't make it tonight", "cancel.cant_make_it"),
    ("won't make it, sorry", "cancel.cant_make_it"),
    ("can I take a rain check?", "cancel.rain_check"),
    ("I have to cancel dinner", "cancel.cancel"),
    ("sorry to bail on you", "cancel.cancel"),
    ("let's call it off", "cancel.call_off"),
    ("something came up at work", "cancel.came_up"),
    ("maybe another time", "cancel.another_time"),
    ("can we move it to Thursday?", "reschedule.move"),
    ("push dinner to 8", "reschedule.move"),
    ("How about Thursday instead?", "reschedule.instead"),
    ("instead, maybe next week", "reschedule.instead"),
    ("we need to reschedule", "reschedule.word"),
    ("can we postpone?", "reschedule.word"),
    ("Can't make it tonight, are you free Sunday?", "reschedule.cancel_and_propose"),
]

NEGATIVE = [
    "let's see what happens",
    "let's not fight about this",
    "let me know",
    "I want pizza",
    "I don't want to go out",
    "you want everything your way",
    "I'm not free to talk about it",
    "free shipping on everything",
    "freedom",
    "how about you?",
    "what about your mum's birthday",
    "we can talk about it another day",
    "I had dinner yesterday",
    "dinner was lovely.",
    "I saw a movie on Friday",
    "see you soon",
    "see you later",
    "I can't make it work with my boss",
    "can't make it better by shouting",
    "I cancelled Netflix",
    "they cancel everything at work",
    "call me when you land",
    "I'll call you later",
    "the other day was fun",
    "something came to mind",
    "move on",
    "change the subject",
    "it rained all day, no rain boots",
    "it's a nice day",
    "date night was great last week.",
]


def _detected(text: str) -> tuple[PlanKind, str, str] | None:
    start = datetime(2024, 1, 1, 12, 0)
    messages = [
        Message(start, "Sam", Kind.TEXT, "hi"),
        Message(start + timedelta(minutes=1), "Ana", Kind.TEXT, text),
        Message(start + timedelta(minutes=2), "Sam", Kind.TEXT, "ok"),
    ]
    hits = detect(build_timeline(messages, "Ana"))
    if 1 not in hits:
        return None
    hit = hits[1]
    return hit.kind, hit.rule, hit.matched


@pytest.mark.parametrize(("text", "rule_id"), POSITIVE)
def test_rule_catches_its_wording(text: str, rule_id: str) -> None:
    found = classify(text)
    assert found is not None, text
    rule, start, end = found
    assert rule.id == rule_id
    assert 0 <= start < end <= len(text)
    assert _detected(text) == (BY_ID[rule_id].kind, rule_id, text[start:end])


@pytest.mark.parametrize("text", NEGATIVE)
def test_rule_leaves_ordinary_talk_alone(text: str) -> None:
    assert classify(text) is None, text
    assert _detected(text) is None


def test_every_standalone_rule_has_an_example() -> None:
    tested = {rule_id for _, rule_id in POSITIVE}
    assert {rule.id for rule in RULES if not rule.reply_only} <= tested


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("yes!", "reply.yes"),
        ("Sure, sounds good", "reply.yes"),
        ("ok", "reply.yes"),
        ("I'd love that", "reply.yes"),
        ("no, sorry", "reply.decline"),
        ("Nah", "reply.decline"),
        ("I can't tonight", "reply.decline"),
        ("not tomorrow", "reply.decline"),
        ("I'm busy", "reply.decline"),
    ],
)
def test_reply_rules(text: str, rule_id: str) -> None:
    found = classify_reply(text)
    assert found is not None
    assert found[0].id == rule_id


@pytest.mark.parametrize("text", ["haha", "where?", "I know", "maybe", "hmm let me check"])
def test_reply_rules_need_a_clear_answer(text: str) -> None:
    assert classify_reply(text) is None


def test_yes_alone_is_never_a_plan() -> None:
    """Reply words only count right after an offer (tested in the linking tests)."""
    assert classify("yes") is None
    assert _detected("sure") is None


def test_every_anchor_points_at_real_rules() -> None:
    for anchor in ANCHORS.values():
        assert anchor.rules
        for rule_id in anchor.rules:
            assert rule_id in BY_ID


def test_scan_counts_messages_correctly_around_nul_and_unicode() -> None:
    texts = ["😀 hey", "a\x00b", "Want to grab lunch tomorrow?", "ÉTÉ", "are you free later"]
    assert sorted(candidates(texts)) == [2, 4]
    assert sorted(candidates([t for t in texts if "\x00" not in t])) == [1, 3]
    clean = prepare(["One", "Two\nlines"])
    assert clean == b"\x00 one\x00 two lines"


def test_rules_accept_curly_apostrophes_and_capitals() -> None:
    found = classify("I CAN’T MAKE IT TONIGHT")
    assert found is not None
    assert found[0].id == "cancel.cant_make_it"
