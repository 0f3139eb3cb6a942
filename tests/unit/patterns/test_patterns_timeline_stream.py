"""A timeline streamed block by block keeps numbers per message and only the texts plans read."""

from __future__ import annotations

from datetime import datetime, timedelta

from clearheart.domain.chat import Columns, Kind, wall_seconds
from clearheart.domain.patterns.timeline_build import stream_timeline


def _blocks() -> list[Columns]:
    """An offer, a long run by its sender spilling into the next block, then the answer."""
    start = datetime(2024, 1, 1, 9)
    rows = [("Ana", Kind.TEXT, "want to grab dinner on friday?")]
    rows += [("Ana", Kind.TEXT, f"filler {i}") for i in range(5)]
    rows += [("", Kind.SYSTEM, "Sam changed their number"),
             ("Sam", Kind.TEXT, "sorry, can't make it"), ("Sam", Kind.TEXT, "next week?"),
             ("Sam", Kind.TEXT, "x"), ("Sam", Kind.TEXT, "not read")]
    seconds = [wall_seconds(start + timedelta(minutes=i)) for i in range(len(rows))]
    whole = Columns(seconds, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                    [False] * len(rows))

    def cut(lo: int, hi: int) -> Columns:
        return Columns(whole.seconds[lo:hi], whole.senders[lo:hi], whole.kinds[lo:hi],
                       whole.texts[lo:hi], whole.edited[lo:hi])

    return [cut(0, 4), cut(4, 8), cut(8, len(rows))]


def test_streamed_timeline_keeps_the_offer_and_the_first_answers_only() -> None:
    blocks = _blocks()
    timeline = stream_timeline(lambda: iter(blocks), "Ana", ["Sam"])
    assert timeline.size == 10
    assert list(timeline.source) == [0, 1, 2, 3, 4, 5, 7, 8, 9, 10]
    assert dict(timeline.texts) == {0: "want to grab dinner on friday?",
                                    6: "sorry, can't make it", 7: "next week?", 8: "x"}
    assert list(timeline.chars[:2]) == [30, 8]
    assert list(timeline.words[:2]) == [6, 2]
    assert list(timeline.asks) == [1, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    assert list(timeline.turns) == [0, 6]
    assert list(timeline.turn_waits()) == [120.0]
    assert timeline.stamps[6] == datetime(2024, 1, 1, 9, 7)
