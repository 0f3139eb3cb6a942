"""The safety pause: set by a danger sign, kept until the person says they are safe."""

from __future__ import annotations

from datetime import UTC, datetime

from clearheart.domain.assess import SafetyState
from clearheart.domain.assess import safety as rules

T1 = datetime(2026, 3, 1, 9, tzinfo=UTC)
T2 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_a_danger_sign_pauses_and_later_signs_add_up() -> None:
    first = rules.paused(SafetyState(paused=False), T1, ("am-i-safe/x4",))
    assert first == SafetyState(paused=True, since=T1, signs=("am-i-safe/x4",))
    second = rules.paused(first, T2, ("am-i-safe/x4", "am-i-safe/f1"))
    assert second.since == T1 and second.signs == ("am-i-safe/x4", "am-i-safe/f1")


def test_resuming_clears_the_pause_and_records_when() -> None:
    state = rules.resumed(rules.paused(SafetyState(paused=False), T1, ("a/b",)), T2)
    assert state == SafetyState(paused=False, since=None, signs=(), resumed_at=T2)
    again = rules.paused(state, T2, ("a/c",))
    assert again.signs == ("a/c",) and again.resumed_at == T2


def test_json_round_trip_and_unreadable_values() -> None:
    state = SafetyState(paused=True, since=T1, signs=("a/b",), resumed_at=T2)
    assert rules.from_json(rules.to_json(state)) == state
    assert rules.from_json(None) == SafetyState(paused=False)
    assert rules.from_json({"paused": True, "since": "not a time", "signs": "x"}) == SafetyState(
        paused=True, since=None, signs=()
    )


def test_the_safety_words_put_safety_first_and_never_excuse_harm() -> None:
    assert rules.SAFETY_MESSAGE.startswith("If you feel afraid, your safety comes first.")
    assert "never excuse" in rules.SAFETY_MESSAGE
    assert any("emergency" in line for line in rules.SAFETY_RESOURCES)
