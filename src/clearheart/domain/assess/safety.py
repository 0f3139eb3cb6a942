"""The safety pause: once a danger sign shows, coaching waits until the person says they are safe.

Stored as a small JSON value; these functions turn it into a SafetyState and back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from clearheart.domain.assess.model import SafetyState

MAX_SIGNS = 50

SAFETY_MESSAGE = (
    "If you feel afraid, your safety comes first. Here is who can help right now. "
    "Ideas about attachment can explain why someone pulls away; they never excuse "
    "being frightened, controlled or hurt."
)
EMERGENCY_NUMBERS = (
    "911 in the US and Canada, 999 in the UK, 112 across the European Union and in many "
    "other countries"
)
HELPLINES: tuple[tuple[str, str], ...] = (
    (
        "United States",
        "the National Domestic Violence Hotline, day and night. Call 1-800-799-7233, "
        "or text START to 88788.",
    ),
    (
        "United Kingdom",
        "the National Domestic Abuse Helpline, free, 24 hours a day: 0808 2000 247. "
        "For men, the Men’s Advice Line: 0808 801 0327.",
    ),
    (
        "Elsewhere",
        "most countries have a domestic abuse helpline. A doctor, a nurse or a local "
        "support service can also point you to one.",
    ),
)
"""Where, then who: the one list every safety view shows (the /safety page, the pause's
safety card, `clearheart check` and `assess` output)."""
SAFETY_RESOURCES = (
    f"In danger right now: call your local emergency number ({EMERGENCY_NUMBERS}).",
    *(f"{where}: {who}" for where, who in HELPLINES),
)
PAUSED_NOTE = (
    "Coaching suggestions are paused while your safety comes first. When you feel safe, "
    "you can bring them back."
)


def paused(previous: SafetyState, at: datetime, signs: tuple[str, ...]) -> SafetyState:
    """The state after a take that showed `signs` (instrument/item ids)."""
    merged = tuple(dict.fromkeys((*previous.signs, *signs))) if previous.paused else signs
    return SafetyState(
        paused=True,
        since=previous.since if previous.paused and previous.since else at,
        signs=merged[-MAX_SIGNS:],
        resumed_at=previous.resumed_at,
    )


def resumed(previous: SafetyState, at: datetime) -> SafetyState:
    """The person said they are safe now: coaching may be offered again."""
    return SafetyState(paused=False, since=None, signs=(), resumed_at=at)


def to_json(state: SafetyState) -> dict[str, object]:
    return {
        "paused": state.paused,
        "since": state.since.isoformat() if state.since else None,
        "signs": list(state.signs),
        "resumed_at": state.resumed_at.isoformat() if state.resumed_at else None,
    }


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def from_json(data: object) -> SafetyState:
    """Read a stored value; anything unreadable errs on the side of caution only if it said so."""
    if not isinstance(data, Mapping):
        return SafetyState(paused=False)
    signs = data.get("signs")
    return SafetyState(
        paused=bool(data.get("paused")),
        since=_moment(data.get("since")),
        signs=tuple(str(s) for s in signs) if isinstance(signs, list) else (),
        resumed_at=_moment(data.get("resumed_at")),
    )
