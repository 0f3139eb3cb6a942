"""Times for the evidence tests' vaults: a fixed clock and a helper for "noon that day"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2026, 6, 30, 21, 0, tzinfo=PARIS)


@dataclass
class Fixed:
    moment: datetime = NOW

    def now(self) -> datetime:
        return self.moment


def at(day: str, hour: int = 12) -> datetime:
    """Noon (or `hour`) on an ISO day, in the vault's time zone."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=PARIS)
