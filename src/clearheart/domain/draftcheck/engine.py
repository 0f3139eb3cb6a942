"""check(): read a draft with the rules, the tone scorer and the model, and decide on a pause.

The pause is the one decision a person sees first, so it is conservative: contempt,
threats and ultimatums always pause; the softer kinds add up by weight and pause only
together or when strong. Weights were tuned on bench/data/drafts/dev.jsonl only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clearheart.domain.draftcheck import (
    rules_blame,
    rules_defend,
    rules_pressure,
    rules_reach,
    rules_wide,
)
from clearheart.domain.draftcheck.intensity import hurt_words, volume
from clearheart.domain.draftcheck.reading import (
    KINDS,
    WHY,
    Evidence,
    Flag,
    Kind,
    Model,
    Reading,
    Source,
    Tone,
    ToneScores,
)
from clearheart.domain.draftcheck.rulebook import Hit, Rule, clause_after, hits
from clearheart.domain.draftcheck.safety import safety_spans
from clearheart.domain.draftcheck.tips import tips_for

RULES: tuple[Rule, ...] = (
    rules_blame.RULES
    + rules_defend.RULES
    + rules_pressure.RULES
    + rules_wide.RULES
    + rules_reach.RULES
)
TONE_GATE = -0.25
"""A `needs_tone` rule counts when VADER's compound for its clause is at most this."""

ALWAYS_PAUSE: frozenset[Kind] = frozenset({"contempt", "threat", "ultimatum"})
WEIGHTS: dict[Kind, float] = {
    "criticism": 1.0,
    "sarcasm": 1.0,
    "guilt_trip": 1.0,
    "defensiveness": 1.0,
    "intensity": 1.0,
    "reassurance_seeking": 1.0,
}
"""What each softer kind adds toward a pause; the pause needs PAUSE_AT.

On the dev drafts every kind, found once, is reason enough to pause (the labels say so:
one pressing plea for reassurance already pushes), so the weights are all 1. Precision
lives in the rules instead: a rule that cannot be trusted alone is `needs_context`."""
SAFETY_WHY = (
    "This sounds as if you may be afraid or under pressure; your safety comes before "
    "finding the right words."
)
SELF_HARM_WHY = "This sounds like a lot of pain. You matter, and help is there right now."
HELP_FIRST = frozenset({SAFETY_WHY, SELF_HARM_WHY})
"""The why of a flag that is about the sender's safety, not about how the words land."""
SELF_HARM_RULES = frozenset({"threat.harm", "threat.self-harm-wide"})
PAUSE_AT = 1.0
RULES_DECIDE: frozenset[Kind] = frozenset({"threat"})
"""With a model, a threat the rules found pauses whatever the model says: the rules' threat
wording is explicit, and a missed threat costs more than a needless pause."""
_HARM_RULES = frozenset(
    {"threat.harm", "threat.harm-others", "threat.self-harm-wide", "safety.context"}
)
"""Harm, threats of harm (to anyone) and signs of control: coaching is not the answer there."""
_SENTENCES = re.compile(r"[^.!?\n]+[.!?\n]*")


@dataclass(frozen=True, slots=True)
class RuleReading:
    """What the rules and the tone scorer alone make of a draft."""

    flags: tuple[Flag, ...]
    pause: bool
    safety: bool
    self_harm: bool
    scores: ToneScores | None

    @property
    def evidence(self) -> Evidence:
        kinds: dict[Kind, int] = {}
        for flag in self.flags:
            kinds[flag.kind] = kinds.get(flag.kind, 0) + 1
        return Evidence(kinds=kinds, pause=self.pause, safety=self.safety, tone=self.scores)


def check(text: str, *, tone: Tone | None = None, model: Model | None = None) -> Reading:
    """Read one draft. Offsets in the flags index `text` itself.

    Without a model the rules decide. With one, the model weighs the rules' evidence with
    the meaning of the words and decides the pause; a safety sign or a threat the rules
    found pauses whatever it says, and the model may raise the safety signal but never
    lower it. When it pauses, every rule flag stays as evidence and each kind only the
    model read is marked on the sentence that carries it most.
    """
    if not text.strip():
        return Reading(pause=False, flags=(), tips=(), safety=False)
    found = read_rules(text, tone)
    flags: tuple[Flag, ...] = found.flags
    pause, safety = found.pause, found.safety
    if model is not None:
        spans = sentence_spans(text)
        evidence = found.evidence
        judgement = model.judge(text, [text[start:end] for start, end in spans], evidence)
        extra = [
            Flag(kind, *spans[index], WHY[kind], "model")
            for kind, index in judgement.kinds.items()
            if 0 <= index < len(spans)
        ]
        if judgement.safety is not None and 0 <= judgement.safety < len(spans):
            safety = True
            if not found.safety:
                extra.append(Flag("threat", *spans[judgement.safety], SAFETY_WHY, "model"))
        pause = judgement.pause or safety or rules_decide(evidence)
        if not pause:
            flags = ()
        else:
            have = {flag.kind for flag in flags}
            flags = tuple(
                merge([*flags, *(f for f in extra if f.kind not in have or f.why == SAFETY_WHY)])
            )
    return Reading(
        pause=pause,
        flags=flags,
        tips=tips_for(
            [flag.kind for flag in flags],
            safety=safety,
            pause=pause,
            self_harm=found.self_harm,
        ),
        safety=safety,
    )


def rules_decide(evidence: Evidence) -> bool:
    """Whether what the rules found pauses the draft whatever the model says: a safety
    sign, or a kind in RULES_DECIDE."""
    return evidence.safety or any(kind in RULES_DECIDE for kind in evidence.kinds)


def read_rules(text: str, tone: Tone | None = None) -> RuleReading:
    """The rules and the tone scorer's reading of a (non-blank) draft."""
    found = [
        hit
        for hit in hits(text, RULES)
        if not hit.rule.needs_tone or _sounds_negative(text, hit, tone)
    ]
    solid = [hit for hit in found if not hit.rule.needs_context]
    scores = tone.scores(text) if tone is not None else None
    context = bool(solid) or hurt_words(text) or (scores is not None and scores.compound <= -0.5)
    kept = [hit for hit in found if not hit.rule.needs_context or context]
    flags = [_flag(hit) for hit in kept]
    loud = volume(text, scores, flagged=bool(flags))
    if loud is not None:
        source: Source = "tone" if loud.reason == "tone" else "rule"
        flags.append(
            Flag(
                "intensity",
                loud.start,
                loud.end,
                WHY["intensity"],
                source,
                f"intensity.{loud.reason}",
            )
        )
    signs = safety_spans(text)
    flags.extend(
        Flag(
            "threat",
            start,
            end,
            SELF_HARM_WHY if name == "self_harm" else SAFETY_WHY,
            "rule",
            f"safety.{name}",
        )
        for name, start, end in signs
    )
    merged = merge(flags)
    harm = any(flag.rule in _HARM_RULES for flag in flags)
    safety = bool(signs) or harm
    self_harm = any(name == "self_harm" for name, _, _ in signs) or any(
        flag.rule in SELF_HARM_RULES for flag in flags
    )
    return RuleReading(
        flags=tuple(merged),
        pause=decide(merged, scores) or safety,
        safety=safety,
        self_harm=self_harm,
        scores=scores,
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The draft's sentences as (start, end) offsets, trimmed; the whole text if none."""
    spans = [_trim(text, *m.span()) for m in _SENTENCES.finditer(text) if m.group().strip()]
    return spans or [_trim(text, 0, len(text))]


def decide(flags: Iterable[Flag], scores: ToneScores | None) -> bool:
    """Pause for any hard kind, or when the softer kinds together reach PAUSE_AT."""
    total = 0.0
    counted: dict[Kind, int] = {}
    for flag in flags:
        if flag.kind in ALWAYS_PAUSE:
            return True
        counted[flag.kind] = counted.get(flag.kind, 0) + 1
    for kind, count in counted.items():
        # A second, separate instance of the same kind counts half again.
        total += WEIGHTS[kind] * (1 + 0.5 * (count - 1))
    if scores is not None and counted and scores.compound <= -0.6:
        total += 0.25
    return total >= PAUSE_AT - 1e-9


def merge(flags: list[Flag]) -> list[Flag]:
    """One flag per kind per stretch of text: overlapping flags of a kind become one."""
    out: list[Flag] = []
    for flag in sorted(flags, key=lambda f: (KINDS.index(f.kind), f.start, -f.end)):
        last = out[-1] if out else None
        if last is not None and last.kind == flag.kind and flag.start < last.end:
            # A safety sign's wording wins: it says why help comes first.
            keep = flag if flag.why in HELP_FIRST else last
            out[-1] = Flag(
                last.kind, last.start, max(last.end, flag.end), keep.why, keep.source, keep.rule
            )
            continue
        out.append(flag)
    return sorted(out, key=lambda f: (f.start, f.end, KINDS.index(f.kind)))


def _sounds_negative(text: str, hit: Hit, tone: Tone | None) -> bool:
    if tone is None:
        return False
    clause = text[hit.start : hit.end] + clause_after(text, hit.end)
    return tone.scores(clause).compound <= TONE_GATE


def _flag(hit: Hit) -> Flag:
    why = WHY[hit.rule.kind]
    if hit.rule.id in SELF_HARM_RULES:
        why = SELF_HARM_WHY
    elif hit.rule.id.startswith("safety."):
        why = SAFETY_WHY
    return Flag(hit.rule.kind, hit.start, hit.end, why, "rule", hit.rule.id)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
