"""Every source of evidence, and the decision questions it speaks to: the registry.

One entry per source, in the order the page lists them: where it comes from, which of the
questions in `item.KEYS` it bears on, and one line on how the person can add to it (shown
when a question has nothing yet). A source whose text may say that something changed
names the topic in `patterns.claims.TESTED` whose bench measures that claim.

Why these links. The log's bids and the chats' unanswered runs and reply times show what
happens when the person reaches out; who starts conversations and message share show
whether both put effort in; plans kept or called off are actions beside words; pulling
back, long silences and the loop show talks stalling; needs met or unmet speak for
themselves; how they answered when a need was named is the capacity-to-change cue
(concept D4); the person's own side of the log is their own work; mood check-ins and the
worry questionnaire are how the person feels in themselves (D2, C3). Questionnaire
subscales are linked one by one in `QUESTIONNAIRES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from clearheart.domain.evidence.item import KEYS, Concept, DecisionKey

Origin = Literal["log", "chats", "questionnaires", "journal"]


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    origin: Origin
    concept: Concept
    bears_on: tuple[DecisionKey, ...]
    adds: str
    """How the person adds evidence here: one plain line, an offer, not an instruction."""
    claims: str | None = None
    """The patterns.claims.TESTED topic benching its change claims; None: it never claims."""


def _log(id: str, concept: Concept, bears_on: tuple[DecisionKey, ...], adds: str) -> Source:
    return Source(id, "log", concept, bears_on, adds)


def _chat(id: str, bears_on: tuple[DecisionKey, ...], claims: str | None = None) -> Source:
    return Source(
        id,
        "chats",
        "D2" if set(bears_on) - _D1 else "D1",
        bears_on,
        "An imported chat, with your own name chosen in it, adds its patterns.",
        claims,
    )


_D1 = {"both_willing", "safe_space", "own_work", "actions_match_words"}

QUESTIONNAIRES: Mapping[tuple[str, str], tuple[Concept, tuple[DecisionKey, ...]]] = (
    MappingProxyType(
        {
            ("where-things-stand", "healing"): (
                "D1",
                ("both_willing", "safe_space", "own_work", "actions_match_words"),
            ),
            ("where-things-stand", "letting-go"): (
                "D2",
                ("refuses_to_engage", "needs_unmet", "attempts_ignored", "fear_self_doubt"),
            ),
            ("where-things-stand", "change-cues"): ("D4", ("both_willing", "refuses_to_engage")),
            ("how-i-see-us", "pulling-back"): ("D2", ("refuses_to_engage",)),
            ("how-i-see-us", "mixed-signals"): ("D1", ("actions_match_words",)),
            ("my-needs", "met"): ("D2", ("needs_unmet",)),
            ("my-needs", "not-met"): ("D2", ("needs_unmet",)),
            ("how-satisfied", "satisfaction"): ("D2", ("needs_unmet",)),
            ("closeness-and-worry", "worry"): ("C3", ("fear_self_doubt",)),
            ("closeness-and-worry", "distance"): ("D1", ("own_work",)),
            ("our-conflict-pattern", "i-pursue"): ("D1", ("safe_space",)),
            ("our-conflict-pattern", "partner-pursues"): ("D1", ("own_work",)),
            ("our-conflict-pattern", "goes-well"): ("D1", ("both_willing", "safe_space")),
        }
    )
)
"""(questionnaire, subscale) → its concept and the questions it bears on. Left out on
purpose: the safety questionnaire (it speaks to the safety gate, not to this choice) and
dating again (it is about someone new)."""


def questionnaire_source(instrument: str, subscale: str) -> str:
    return f"reflect-{instrument}-{subscale}"


_ALL: tuple[Source, ...] = (
    _log(
        "log-bids",
        "D2",
        ("attempts_ignored", "both_willing"),
        "Each time you reach out, one tap in the log notes how it was met.",
    ),
    _log(
        "log-answers",
        "D4",
        ("both_willing", "refuses_to_engage", "safe_space"),
        "When you name a need, the log can note how they answered.",
    ),
    _log(
        "log-repairs",
        "D1",
        ("both_willing", "safe_space"),
        "After a rough moment, the log can note who tried to mend it and how it went.",
    ),
    _log(
        "log-needs",
        "D2",
        ("needs_unmet",),
        "The log can note when a need of yours was met, and when it was not.",
    ),
    _log(
        "log-plans",
        "D1",
        ("actions_match_words",),
        "The log can note plans made, kept and called off.",
    ),
    _log(
        "log-pulling-back", "D2", ("refuses_to_engage",), "The log can note when they pulled back."
    ),
    _log(
        "log-own-side",
        "D1",
        ("own_work",),
        "The log's 'What I did' group notes your own side, without grading it.",
    ),
    _chat("chat-conversations", ("both_willing",)),
    _chat("chat-latency", ("attempts_ignored",), claims="latency"),
    _chat("chat-unanswered", ("attempts_ignored",)),
    _chat("chat-silences", ("refuses_to_engage",)),
    _chat("chat-effort", ("both_willing",)),
    _chat("chat-plans", ("actions_match_words",)),
    _chat("chat-loop", ("safe_space", "refuses_to_engage"), claims="loop"),
    Source(
        "journal-mood",
        "journal",
        "C3",
        ("fear_self_doubt",),
        "A mood check-in with a journal entry adds a point here.",
    ),
    *(
        Source(
            questionnaire_source(instrument, subscale),
            "questionnaires",
            concept,
            bears_on,
            "Answering this questionnaire again adds a take.",
            claims="questionnaire",
        )
        for (instrument, subscale), (concept, bears_on) in QUESTIONNAIRES.items()
    ),
)

SOURCES: Mapping[str, Source] = MappingProxyType({s.id: s for s in _ALL})
"""Source id → the source; an item's key starts with its source's id."""


def sources_for(key: DecisionKey) -> tuple[Source, ...]:
    """The sources that bear on one decision question, in registry order."""
    return tuple(s for s in _ALL if key in s.bears_on)


assert len(SOURCES) == len(_ALL), "source ids are unique"
assert all(sources_for(key) for key in KEYS), "every question has a source"
