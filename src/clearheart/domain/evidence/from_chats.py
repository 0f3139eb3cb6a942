"""Evidence from an imported chat: its pattern report's own sentences, topic by topic.

Nothing is worked out again here: each item is the report's sentences for one topic
(patterns/sentences.py), so the figures are the ones the patterns page shows, and an
item claims change exactly when one of its sentences does (those are benched:
patterns/claims.py). Each item rests on the messages the report read, between the first
and the last of them. A chat with no messages gives no items.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from clearheart.domain.evidence.item import EvidenceItem
from clearheart.domain.evidence.sources import SOURCES
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.sentence import CHART_OF_TOPIC, Topic
from clearheart.domain.patterns.sentences import describe

TOPIC_TITLES: Mapping[Topic, str] = MappingProxyType(
    {
        "conversations": "Who reaches out first",
        "latency": "How long replies take",
        "unanswered": "Messages in a row without a reply",
        "silences": "Long silences",
        "effort": "Message length and share",
        "plans": "Plans in the chat",
        "loop": "The loop",
    }
)


def chat_items(chat_id: int, title: str, report: PatternReport) -> tuple[EvidenceItem, ...]:
    """One item per topic of the chat's report, in the report's reading order."""
    basis = report.basis
    if not basis.messages or basis.first is None or basis.last is None:
        return ()
    said = describe(report)
    items = []
    for topic, heading in TOPIC_TITLES.items():
        sentences = [s for s in said if s.topic == topic]
        if not sentences:
            continue
        source = SOURCES[f"chat-{topic}"]
        items.append(
            EvidenceItem(
                key=f"{source.id}:{chat_id}",
                concept=source.concept,
                bears_on=source.bears_on,
                title=f"{heading} ({title})",
                text=" ".join(s.text for s in sentences),
                n=basis.messages,
                unit="messages" if basis.messages != 1 else "message",
                since=basis.first.date(),
                until=basis.last.date(),
                link=f"/chats/{chat_id}#chart-{CHART_OF_TOPIC[topic]}",
                claims_change=any(s.claims_change for s in sentences),
            )
        )
    return tuple(items)
