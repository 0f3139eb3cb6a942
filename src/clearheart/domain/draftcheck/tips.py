"""Short, kind suggestions for a flagged draft, in our own words (one to three)."""

from __future__ import annotations

from collections.abc import Iterable

from clearheart.domain.draftcheck.reading import Kind

SAFETY_TIP = (
    "If you feel afraid, your safety comes first. You don't need the right words for them "
    "now; the Safety page (or `clearheart assess safety`) shows who can help right now."
)
CRISIS_TIP = (
    "If you are thinking about hurting yourself, please reach out now: your local emergency "
    "number, a crisis line, or someone you trust nearby."
)

TIPS: dict[Kind, str] = {
    "threat": "Words like these can frighten and can't be unsaid. You could step away and "
    "talk to someone you trust first.",
    "ultimatum": "Big decisions land better in a calm moment. You could say what you need now "
    "and leave the rest for later.",
    "contempt": "Under words that sting there is usually a hurt. You could name the hurt "
    'instead: "I felt … when …".',
    "criticism": 'You could describe one moment, not who they are: "When …, I felt …. '
    'Would you be willing to …?"',
    "sarcasm": "You could say it plainly: what happened and what you would like.",
    "defensiveness": "You could own one small part first; it often lowers the heat on both sides.",
    "guilt_trip": "Your needs are real. You could ask for what you need directly, without "
    "keeping score.",
    "intensity": "The feeling makes sense. You could wait twenty minutes and read it again "
    "before you send it.",
    "reassurance_seeking": "You could ask once, then do something kind for yourself while you "
    "wait.",
}

_ORDER: tuple[Kind, ...] = (
    "threat",
    "ultimatum",
    "contempt",
    "criticism",
    "intensity",
    "sarcasm",
    "guilt_trip",
    "reassurance_seeking",
    "defensiveness",
)

JOURNAL_TIP = "You could write it in your journal first, and send a shorter version later."

MAX_TIPS = 3


def tips_for(
    kinds: Iterable[Kind], *, safety: bool, pause: bool, self_harm: bool = False
) -> tuple[str, ...]:
    """Up to three tips for these flags; none for a calm draft; safety before coaching."""
    if safety:
        return (CRISIS_TIP, SAFETY_TIP) if self_harm else (SAFETY_TIP,)
    present = set(kinds)
    if not present:
        return ()
    chosen = [TIPS[kind] for kind in _ORDER if kind in present][:MAX_TIPS]
    if pause and len(chosen) < MAX_TIPS:
        chosen.append(JOURNAL_TIP)
    return tuple(chosen)
