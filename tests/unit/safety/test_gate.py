"""The gate's rule: unsafe events close it, only the person's "safe" opens it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from clearheart.domain.safety import Gate, Reason, SafetyEvent, Source, decide
from clearheart.domain.safety.legacy import legacy_events, read_flag

T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_no_events_means_coaching() -> None:
    assert decide(()) == Gate(coaching=True)
    assert decide(()).to_json() == {"coaching": True, "since": None, "reasons": []}


def test_any_unsafe_event_closes_and_only_safe_opens() -> None:
    events = [
        SafetyEvent(at(0), True, Source.JOURNAL, ("fear",)),
        SafetyEvent(at(5), True, Source.QUESTIONNAIRE, ("am-i-safe/x4",)),
        SafetyEvent(at(9), True, Source.JOURNAL, ("fear", "control")),
    ]
    gate = decide(events)
    assert not gate.coaching and gate.since == at(0)
    assert [r.code for r in gate.reasons] == [
        "journal:fear", "questionnaire:am-i-safe/x4", "journal:control"]
    assert gate.to_json()["since"] == at(0).isoformat()
    opened = decide([*events, SafetyEvent(at(20), False, Source.SWITCH)])
    assert opened == Gate(coaching=True, safe_since=at(20))
    again = decide([*events, SafetyEvent(at(20), False, Source.SWITCH),
                    SafetyEvent(at(30), True, Source.SWITCH)])
    assert not again.coaching and again.since == at(30) and again.said_unsafe
    assert again.reasons == (Reason(Source.SWITCH),) and again.safe_since == at(20)


def test_order_of_recording_wins_over_timestamps() -> None:
    """A clock moved backwards must not reopen the gate."""
    events = [SafetyEvent(at(10), False, Source.SWITCH), SafetyEvent(at(0), True, Source.DRAFT)]
    assert not decide(events).coaching


def test_a_safe_with_nothing_before_changes_nothing() -> None:
    assert decide([SafetyEvent(at(0), False, Source.SWITCH)]).coaching


@given(st.lists(st.tuples(st.booleans(), st.sampled_from(list(Source))), max_size=30))
def test_the_gate_is_the_last_safe_versus_anything_after_it(
    steps: list[tuple[bool, Source]]
) -> None:
    events = [SafetyEvent(at(n), unsafe, source) for n, (unsafe, source) in enumerate(steps)]
    last_safe = max((n for n, (unsafe, _) in enumerate(steps) if not unsafe), default=-1)
    closed = any(unsafe for unsafe, _ in steps[last_safe + 1 :])
    assert decide(events).coaching is not closed


def test_the_older_flag_reads_as_events() -> None:
    paused = {"paused": True, "since": at(5).isoformat(), "signs": ["am-i-safe/x4"],
              "resumed_at": at(1).isoformat()}
    events = legacy_events(paused)
    assert [(e.unsafe, e.at) for e in events] == [(False, at(1)), (True, at(5))]
    assert not decide(events).coaching
    assert decide(legacy_events({"paused": False, "resumed_at": at(1).isoformat()})).coaching
    # Paused with its date lost still counts: caution over a missing time.
    assert not decide(legacy_events({"paused": True, "since": "not a time"})).coaching
    assert legacy_events(None) == () and legacy_events("junk") == ()
    assert read_flag({"signs": "x"}).signs == ()
