"""The registry and the honesty rules every item holds to, over a vault with every source.

Every decision question has a source; every questionnaire link names a real subscale; every
item shows its count and its dates; no item labels the partner or gives a verdict; an item
that uses words of change either claims change (and its source's claim is benched in
patterns/claims.py) or says in so many words that it claims none.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from evidence_vault import NOW, at  # type: ignore[import-not-found]

from clearheart.content.instruments import load_builtin_instruments
from clearheart.domain.evidence import KEYS, SOURCES, EvidenceItem, sources_for
from clearheart.domain.evidence.sources import QUESTIONNAIRES
from clearheart.domain.patterns.claims import TESTED
from clearheart.services.workspace import Workspace

ROOT = Path(__file__).parents[3]
CHAT = ROOT / "tests" / "data" / "whatsapp" / "WhatsApp Chat with Sam.txt"
LABELS = re.compile(
    r"\b(avoidant|needy|clingy|toxic|narcissis\w*|manipulat\w*|abusive|selfish|"
    r"cold-hearted|immature|(good|bad) partner|doesn't care|they don't love)\b",
    re.IGNORECASE,
)
VERDICT = re.compile(
    r"\b(you should|time to (leave|go|let go)|(should|must|need to) (leave|stay)|"
    r"(will|won't|never) change|break ?up|worth saving|not worth|give up on)\b",
    re.IGNORECASE,
)
CHANGE = re.compile(
    r"more than|less than|\bup\b(?! to\b)|\bdown\b|slower|quicker|\brose\b|\bfell\b|"
    r"went together|changed|increase|decrease|real shift",
    re.IGNORECASE,
)
"""The claims guard's words of change (tests/unit/patterns/test_claims_guard.py)."""
NO_CLAIM = ("about the same", "not enough to tell", "too few")


def test_every_question_has_a_source_and_every_source_a_question() -> None:
    for key in KEYS:
        assert sources_for(key), key
    assert {k for s in SOURCES.values() for k in s.bears_on} == set(KEYS)


def test_every_questionnaire_link_names_a_real_subscale() -> None:
    subscales = {(i.id, s.id) for i in load_builtin_instruments() for s in i.subscales}
    assert set(QUESTIONNAIRES) <= subscales
    assert not {i for i, _ in QUESTIONNAIRES} & {"am-i-safe", "dating-again"}


def test_every_claim_a_source_may_make_is_benched() -> None:
    for source in SOURCES.values():
        if source.claims is not None:
            assert source.claims in TESTED, source.id
            assert (ROOT / TESTED[source.claims]).is_file()


@pytest.fixture
def full(workspace: Workspace) -> tuple[EvidenceItem, ...]:
    """A vault with a chat, a log of every kind, two takes of each linked questionnaire
    and mood check-ins: every kind of item."""
    assert workspace.chats.import_chat(CHAT, me="Alex").chat_id
    for n, kind in enumerate(k.id for k in workspace.log.kinds()):
        workspace.log.add(kind, at=at("2026-05-01") + timedelta(days=n))
    for instrument in load_builtin_instruments():
        if instrument.id not in {i for i, _ in QUESTIONNAIRES}:
            continue
        for value, day in (
            (instrument.scale.min, "2026-04-01"),
            (instrument.scale.max, "2026-06-01"),
        ):
            answers: dict[str, object] = {item.id: value for item in instrument.items}
            if instrument.own_items:
                answers = {"needs": [{"name": "Being asked about my day", "rating": value}]}
            workspace.assess.take(instrument.id, answers, at=at(day))
    workspace.safety.safe()
    for n, mood in enumerate((2, 4, 3)):
        workspace.journal.add("A quiet day.", mood=mood, at=NOW - timedelta(days=20 * n))
    return workspace.evidence.digest().items


def test_every_item_shows_its_count_its_dates_and_where_it_came_from(
    full: tuple[EvidenceItem, ...],
) -> None:
    assert {i.source for i in full} >= {s for s in SOURCES if not s.startswith("chat-")}
    assert any(i.source.startswith("chat-") for i in full)
    for item in full:
        assert item.n >= 1 and item.unit and item.since <= item.until, item.key
        assert item.link.startswith("/"), item.key
        assert item.source in SOURCES, item.key
        for point in item.months:
            assert point.n >= 1 and point.shown, item.key


def test_no_item_labels_the_partner_or_gives_a_verdict(full: tuple[EvidenceItem, ...]) -> None:
    for item in full:
        for text in (item.title, item.text):
            assert not LABELS.search(text), (item.key, text)
            assert not VERDICT.search(text), (item.key, text)


def test_words_of_change_come_with_a_benched_claim(full: tuple[EvidenceItem, ...]) -> None:
    assert any(i.claims_change for i in full)  # the questionnaires moved end to end
    for item in full:
        if item.claims_change:
            assert SOURCES[item.source].claims in TESTED, item.key
        else:
            loose = CHANGE.search(item.text) and not any(p in item.text for p in NO_CLAIM)
            assert not loose, (item.key, item.text)
