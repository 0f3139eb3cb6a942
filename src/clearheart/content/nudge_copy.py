"""The words of each reflection nudge (domain/reflection_cues.py), one per kind of cue.

Each is an offer to look again, never a reading of the entry: it does not quote the
entry, name the partner or say what the person should do. Written for Clearheart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from clearheart.domain.reflection_cues import KINDS, CueKind


@dataclass(frozen=True, slots=True)
class Nudge:
    kind: CueKind
    concept: str
    question: str
    hint: str


NUDGES: Mapping[CueKind, Nudge] = MappingProxyType(
    {
        "highs": Nudge(
            "highs",
            "E3",
            "The good moments can shine very brightly. How often did they come, and what "
            "were the ordinary days like in between?",
            "If it helps, you could list the last few weeks as they were, good and hard alike.",
        ),
        "only-one": Nudge(
            "only-one",
            "E3",
            "Who else has understood some part of you, even a small part, at some point?",
            "A friend, a relative, a teacher, someone you met once. Being understood can come "
            "from more than one place.",
        ),
        "too-much": Nudge(
            "too-much",
            "C1",
            "What did you ask for, in plain words? Would it seem too much if a friend asked "
            "for it?",
            "Needs are not a flaw. Naming one is not the same as demanding it.",
        ),
        "missing-despite": Nudge(
            "missing-despite",
            "F5",
            "What exactly do you miss: how it was, or how you hoped it would become?",
            "Missing someone and knowing what happened can both be true at once.",
        ),
        "excusing": Nudge(
            "excusing",
            "E1",
            "An explanation for how someone acts is not the same as a reason to keep bearing "
            "it. What did it cost you?",
            "You can understand where something comes from and still look after yourself.",
        ),
        "familiar": Nudge(
            "familiar",
            "F2",
            "Sometimes calm feels flat after a lot of ups and downs. What does steady feel like "
            "in your body, next to the rush of not knowing?",
            "There is no right answer. Noticing the pull is enough for today.",
        ),
    }
)

assert tuple(NUDGES) == KINDS, "one nudge per kind of cue, in the detector's order"
