"""Chats, questionnaires and mood: the items reuse the app's own sentences and figures."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from evidence_vault import NOW, at  # type: ignore[import-not-found]

from clearheart.domain.patterns.sentence import CHART_OF_TOPIC
from clearheart.domain.patterns.sentences import describe
from clearheart.services.workspace import Workspace

CHAT = Path(__file__).parents[2] / "data" / "whatsapp" / "WhatsApp Chat with Sam.txt"


def test_chat_items_are_the_pattern_reports_own_sentences(workspace: Workspace) -> None:
    chat_id = workspace.chats.import_chat(CHAT, me="Alex").chat_id
    digest = workspace.evidence.digest()
    items = {i.key: i for i in digest.items if i.source.startswith("chat-")}
    report = workspace.evidence.own_patterns().report(chat_id)
    said = describe(report)
    assert items, "the chat gives items"
    for item in items.values():
        topic = item.source.removeprefix("chat-")
        assert item.key == f"chat-{topic}:{chat_id}"
        assert item.text == " ".join(s.text for s in said if s.topic == topic)
        assert item.claims_change == any(s.claims_change for s in said if s.topic == topic)
        assert (item.n, item.unit) == (report.basis.messages, "messages")
        assert report.basis.first is not None and item.since == report.basis.first.date()
        assert item.link == f"/chats/{chat_id}#chart-{CHART_OF_TOPIC[topic]}"


def test_a_chat_without_me_chosen_gives_no_items(workspace: Workspace) -> None:
    workspace.chats.import_chat(CHAT, require_me=False)
    assert not [i for i in workspace.evidence.digest().items if i.source.startswith("chat-")]


def test_questionnaire_items_carry_the_results_pages_change_sentence(
    workspace: Workspace,
) -> None:
    items = [f"s{n}" for n in range(1, 6)]
    workspace.assess.take("how-satisfied", dict.fromkeys(items, 2), at=at("2026-03-01"))
    workspace.assess.take(
        "how-satisfied", {**dict.fromkeys(items, 7), "s5": 1}, at=at("2026-05-01")
    )
    item = next(
        i
        for i in workspace.evidence.digest().items
        if i.key == "reflect-how-satisfied-satisfaction"
    )
    change = workspace.assess.changes("how-satisfied")[0]
    assert change.noticeable and item.claims_change
    assert item.text.endswith(change.sentence)
    assert (item.n, item.unit, item.since, item.until) == (
        2,
        "takes",
        date(2026, 3, 1),
        date(2026, 5, 1),
    )
    assert item.link == "/reflect/how-satisfied/results"
    assert item.bears_on == ("needs_unmet",)


def test_a_single_take_claims_nothing(workspace: Workspace) -> None:
    workspace.assess.take("how-satisfied", {f"s{n}": 4 for n in range(1, 6)}, at=at("2026-03-01"))
    item = next(i for i in workspace.evidence.digest().items if i.source.startswith("reflect"))
    assert (item.n, item.unit, item.claims_change) == (1, "take", False)


def test_mood_is_told_month_by_month_with_each_months_count(workspace: Workspace) -> None:
    for days_ago, mood in ((70, 2), (65, 4), (5, 3)):
        workspace.journal.add("A day.", mood=mood, at=NOW - timedelta(days=days_ago))
    workspace.journal.add("No check-in today.", at=NOW - timedelta(days=3))
    item = next(i for i in workspace.evidence.digest().items if i.key == "journal-mood")
    assert (item.n, item.unit, item.until) == (3, "check-ins", date(2026, 6, 30))
    assert "3 times from April 2026 to June 2026; the average was 3.0" in item.text
    assert [(p.start, p.shown, p.n) for p in item.months] == [
        (date(2026, 4, 1), "3.0 of 5", 2),
        (date(2026, 6, 1), "3.0 of 5", 1),
    ]
    assert item.bears_on == ("fear_self_doubt",) and not item.claims_change
