"""A deterministic journal of N entries for benchmarks, written in bulk."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from clearheart.domain.journal import Draft, Mood
from clearheart.services.workspace import Workspace

WORDS = [
    "quiet",
    "morning",
    "walk",
    "river",
    "coffee",
    "friend",
    "message",
    "waited",
    "reply",
    "evening",
    "tired",
    "calm",
    "hopeful",
    "worried",
    "dinner",
    "talked",
    "listened",
    "space",
    "needed",
    "asked",
    "boundary",
    "felt",
    "steady",
    "phone",
    "silence",
    "laughed",
    "planned",
    "weekend",
    "cancelled",
    "moved",
    "slowly",
    "breathed",
    "noticed",
    "kind",
    "warm",
    "distant",
    "close",
    "tea",
    "book",
    "music",
    "rain",
    "sunlight",
    "work",
    "sister",
    "home",
]
EMOTIONS = ("calm", "hopeful", "tired", "worried", "lonely", "content")


def fill(workspace: Workspace, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    allowed = sorted(set(EMOTIONS) & workspace_emotions())
    drafts = []
    for i in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 140)))
        mood = Mood(rng.randint(1, 5), tuple(rng.sample(allowed, 2))) if i % 3 == 0 else None
        drafts.append(
            (
                Draft(text.capitalize() + ".", mood=mood, tags=(rng.choice(WORDS),)),
                start + timedelta(hours=7 * i + rng.randint(0, 5)),
            )
        )
    workspace.journal.add_many(drafts)


def workspace_emotions() -> frozenset[str]:
    from clearheart.content.loader import load_emotions

    return load_emotions().all_words
