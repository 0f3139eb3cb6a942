"""The person's preferences: a discreet name, the practice schedule, auto-lock, quick exit."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any

from clearheart.domain.practices import Schedule
from clearheart.errors import InvalidInput

MAX_NAME = 40
DEFAULT_NAME = "Notes"
"""Neutral by default: the tab, the history and bookmarks show this, never the product's name."""
LEGACY_DEFAULT_NAMES = frozenset({"clearheart"})
"""Defaults of earlier versions, saved with the rest of the preferences: they read as today's
default, since nobody chose them as a discreet name."""
DEFAULT_EXIT = "/weather"
"""The quick exit lands on a bland built-in page unless the person picks another address."""
_FORBIDDEN_IN_TITLES = ("relationship", "partner", "abuse", "breakup", "break-up", "avoidant",
                        "clearheart", "safety", "danger", "crisis", "help me")
"""Words a chosen name may not hold: it shows in every tab title and history entry."""


@dataclass(frozen=True, slots=True)
class Preferences:
    display_name: str = DEFAULT_NAME
    """Shown in page titles; a neutral word keeps browser history discreet."""
    idle_minutes: float = 10.0
    exit_url: str = DEFAULT_EXIT
    schedule: Schedule = field(default_factory=Schedule)

    def to_json(self) -> dict[str, Any]:
        s = self.schedule
        return {
            "display_name": self.display_name,
            "idle_minutes": self.idle_minutes,
            "exit_url": self.exit_url,
            "schedule": {
                "morning": s.morning.strftime("%H:%M"),
                "evening": s.evening.strftime("%H:%M"),
                "evening_opens": s.evening_opens.strftime("%H:%M"),
                "weekly_day": s.weekly_day,
                "weekly_time": s.weekly_time.strftime("%H:%M"),
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Preferences:
        base = cls()
        sched = data.get("schedule", {})
        schedule = Schedule(
            morning=parse_time("morning", sched.get("morning", "08:00")),
            evening=parse_time("evening", sched.get("evening", "21:00")),
            evening_opens=parse_time("evening_opens", sched.get("evening_opens", "16:00")),
            weekly_day=int(sched.get("weekly_day", 6)),
            weekly_time=parse_time("weekly_time", sched.get("weekly_time", "18:00")),
        )
        name = str(data.get("display_name", base.display_name))
        if " ".join(name.split()).lower() in LEGACY_DEFAULT_NAMES:
            name = base.display_name
        return clean(
            replace(
                base,
                display_name=name,
                idle_minutes=float(data.get("idle_minutes", base.idle_minutes)),
                exit_url=str(data.get("exit_url", base.exit_url)),
                schedule=schedule,
            )
        )


def parse_time(name: str, text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidInput(name, f"expected a time like 08:30, got {text!r}") from None


def clean(prefs: Preferences) -> Preferences:
    """Validate and normalise; raises InvalidInput naming the field."""
    name = " ".join(prefs.display_name.split())
    if not name:
        raise InvalidInput("display_name", "choose a short name, for example Notes")
    if len(name) > MAX_NAME:
        raise InvalidInput("display_name", f"keep it to {MAX_NAME} characters")
    if any(word in name.lower() for word in _FORBIDDEN_IN_TITLES):
        raise InvalidInput(
            "display_name", "this name would show in tab titles and history; pick a neutral one"
        )
    if not 1 <= prefs.idle_minutes <= 240:
        raise InvalidInput("idle_minutes", "choose between 1 and 240 minutes")
    exit_url = prefs.exit_url.strip()
    if not (exit_url.startswith("/") and not exit_url.startswith("//")) and not (
        exit_url.startswith("https://") and len(exit_url) > len("https://x.xx")
    ):
        raise InvalidInput("exit_url", "use a full https:// address, or leave the built-in page")
    return replace(prefs, display_name=name, exit_url=exit_url)
