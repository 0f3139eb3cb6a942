"""The gate as it was kept before schema 0005: one JSON flag in the settings.

Vaults and archives from then still hold it; services/safety.py reads it as the
first events of the history. Anything unreadable reads as "no flag".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from clearheart.domain.safety.gate import SafetyEvent, Source

_UNKNOWN = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class LegacyFlag:
    paused: bool
    since: datetime | None = None
    signs: tuple[str, ...] = ()
    """What was noticed, as 'instrument-id/item-id'."""
    resumed_at: datetime | None = None


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def read_flag(data: object) -> LegacyFlag:
    if not isinstance(data, Mapping):
        return LegacyFlag(paused=False)
    signs = data.get("signs")
    return LegacyFlag(
        paused=bool(data.get("paused")),
        since=_moment(data.get("since")),
        signs=tuple(str(s) for s in signs) if isinstance(signs, list) else (),
        resumed_at=_moment(data.get("resumed_at")),
    )


def legacy_events(data: object) -> tuple[SafetyEvent, ...]:
    """The old flag as events, oldest first: a "safe" at resumed_at, an "unsafe" at since."""
    flag = read_flag(data)
    events: list[SafetyEvent] = []
    if flag.resumed_at is not None:
        events.append(SafetyEvent(flag.resumed_at, False, Source.SWITCH))
    if flag.paused:
        # Paused with no readable time still counts: caution over a lost date.
        at = flag.since or flag.resumed_at or _UNKNOWN
        events.append(SafetyEvent(at, True, Source.QUESTIONNAIRE, flag.signs))
    return tuple(sorted(events, key=lambda event: event.at))
