"""Check an answer sheet and score it: reverse keys, mean or sum, the 80% rule, combinations."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping

from clearheart.domain.assess.model import (
    MIN_ANSWERED,
    OWN_MAX_NAME,
    OWN_MAX_NEEDS,
    OWN_MET,
    OWN_MIN_NEEDS,
    OWN_NOT_MET,
    Instrument,
    Item,
    Scale,
    Score,
    Subscale,
)
from clearheart.domain.whole_numbers import Bounds, in_bounds, read_whole
from clearheart.errors import InvalidInput

NOT_ENOUGH = "not enough answers to say"


def _point(value: object, field: str, scale: Scale) -> int | None:
    """One answer as a whole number on `scale`; None when it was left blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    bounds = Bounds(scale.min, scale.max, f"choose a whole number from {scale.min} to {scale.max}")
    if isinstance(value, str):
        return read_whole(value, field, bounds)
    if isinstance(value, float) and value.is_integer():
        return in_bounds(int(value), field, bounds)
    if isinstance(value, int) and not isinstance(value, bool):
        return in_bounds(value, field, bounds)
    raise InvalidInput(field, bounds.explain())


def clean_answers(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, int]:
    """The answers as whole numbers keyed by item id, in item order; blanks left out.

    Raises InvalidInput naming the item at fault, or "answers" when none is given.
    """
    if instrument.own_items:
        raise InvalidInput("answers", "this questionnaire takes a list of needs")
    known = {item.id for item in instrument.items}
    for key in answers:
        if key not in known:
            raise InvalidInput(key, f"there is no question {key!r} in {instrument.title!r}")
    clean: dict[str, int] = {}
    for item in instrument.items:
        if item.id in answers:
            point = _point(answers[item.id], item.id, item.scale)
            if point is not None:
                clean[item.id] = point
    if not clean:
        raise InvalidInput("answers", "answer at least one question")
    return clean


def clean_needs(instrument: Instrument, answers: Mapping[str, object]) -> list[dict[str, object]]:
    """An own-items sheet as [{"name", "rating"}]: 1–20 needs, names 1–80 characters."""
    extra = [key for key in answers if key != "needs"]
    if extra:
        raise InvalidInput(extra[0], "this questionnaire takes only a list of needs")
    raw = answers.get("needs")
    if not isinstance(raw, list | tuple):
        raise InvalidInput("needs", "give a list of needs, each with a name and a rating")
    needs: list[dict[str, object]] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw, 1):
        field = f"needs #{number}"
        if not isinstance(entry, Mapping):
            raise InvalidInput(field, "each need has a name and a rating")
        name = unicodedata.normalize("NFC", " ".join(str(entry.get("name") or "").split()))
        rating_raw = entry.get("rating")
        if not name and (rating_raw is None or rating_raw == ""):
            continue
        if not name:
            raise InvalidInput(field, "give the need a name")
        if len(name) > OWN_MAX_NAME:
            raise InvalidInput(field, f"a need's name can be at most {OWN_MAX_NAME} characters")
        if name.casefold() in seen:
            raise InvalidInput(field, f"{name!r} is listed twice")
        seen.add(name.casefold())
        rating = _point(rating_raw, field, instrument.scale)
        if rating is None:
            raise InvalidInput(
                field,
                f"rate how well {name!r} is met, {instrument.scale.min} to {instrument.scale.max}",
            )
        needs.append({"name": name, "rating": rating})
    if not OWN_MIN_NEEDS <= len(needs) <= OWN_MAX_NEEDS:
        raise InvalidInput("needs", f"name from {OWN_MIN_NEEDS} to {OWN_MAX_NEEDS} needs")
    return needs


def clean_sheet(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, object]:
    """A checked answer sheet, ready to store and score."""
    if instrument.own_items:
        return {"needs": clean_needs(instrument, answers)}
    return dict(clean_answers(instrument, answers))


def not_well_met(scale: Scale, rating: int) -> bool:
    """A rating in the lower third of the scale."""
    return rating <= scale.min + (scale.max - scale.min) / 3


def _own_scores(instrument: Instrument, sheet: Mapping[str, object]) -> tuple[Score, ...]:
    raw = sheet.get("needs")
    needs = raw if isinstance(raw, list) else []
    ratings = [int(n["rating"]) for n in needs if isinstance(n, dict)]
    count = len(ratings)
    mean = sum(ratings) / count if count else None
    low = sum(1 for r in ratings if not_well_met(instrument.scale, r))
    return (
        Score(OWN_MET, mean, count, count, None if count else NOT_ENOUGH),
        Score(
            OWN_NOT_MET, float(low) if count else None, count, count, None if count else NOT_ENOUGH
        ),
    )


def _item_score(sub: Subscale, items: Mapping[str, Item], answers: Mapping[str, int]) -> Score:
    of = len(sub.items)
    given = [items[i].scored(answers[i]) for i in sub.items if i in answers]
    answered = len(given)
    if answered == 0 or answered < MIN_ANSWERED * of - 1e-9:
        return Score(
            sub.id,
            None,
            answered,
            of,
            f"{NOT_ENOUGH}: {answered} of {of} answered, and at least "
            f"{math.ceil(MIN_ANSWERED * of)} are needed",
        )
    if sub.rule == "mean":
        return Score(sub.id, sum(given) / answered, answered, of)
    if answered == of:
        return Score(sub.id, float(sum(given)), answered, of)
    return Score(
        sub.id,
        sum(given) * of / answered,
        answered,
        of,
        f"estimated from {answered} of {of} answers (the total is scaled up to all {of})",
    )


def score(instrument: Instrument, sheet: Mapping[str, object]) -> tuple[Score, ...]:
    """Every subscale's score for a checked answer sheet, in the file's subscale order."""
    if instrument.own_items:
        return _own_scores(instrument, sheet)
    items = {item.id: item for item in instrument.items}
    answers = {k: v for k, v in sheet.items() if isinstance(v, int) and k in items}
    done: dict[str, Score] = {}

    def one(sub: Subscale) -> Score:
        if sub.id in done:
            return done[sub.id]
        if not sub.combine:
            result = _item_score(sub, items, answers)
        else:
            added = [one(_sub(instrument, p)) for p in sub.combine if p != sub.subtract]
            taken = one(_sub(instrument, sub.subtract)) if sub.subtract else None
            parts = [*added, *([taken] if taken else [])]
            answered = sum(p.answered for p in parts)
            of = sum(p.of for p in parts)
            values = [p.value for p in parts]
            if any(v is None for v in values):
                result = Score(
                    sub.id, None, answered, of, f"{NOT_ENOUGH}: a part of it could not be scored"
                )
            else:
                share = 1 / len(added) if sub.rule == "mean" else 1.0
                total = share * sum(p.value or 0.0 for p in added) - (
                    taken.value or 0.0 if taken else 0.0
                )
                notes = [p.note for p in parts if p.note]
                result = Score(
                    sub.id,
                    total,
                    answered,
                    of,
                    "some parts are estimated from fewer answers" if notes else None,
                )
        done[sub.id] = result
        return result

    return tuple(one(sub) for sub in instrument.subscales)


def _sub(instrument: Instrument, sub_id: str) -> Subscale:
    sub = instrument.subscale(sub_id)
    if sub is None:  # parse_instrument guarantees this; a hand-built Instrument may not
        raise ValueError(f"unknown subscale {sub_id!r}")
    return sub


def score_values(scores: tuple[Score, ...]) -> dict[str, float | None]:
    """Scores as stored: subscale id to value, rounded to 4 places."""
    return {s.subscale: None if s.value is None else round(s.value, 4) for s in scores}


def danger_signs(instrument: Instrument, sheet: Mapping[str, object]) -> tuple[str, ...]:
    """Ids of the items whose answer crossed their safety threshold."""
    signs: list[str] = []
    for item in instrument.items:
        answer = sheet.get(item.id)
        if isinstance(answer, int) and not isinstance(answer, bool) and item.is_danger(answer):
            signs.append(item.id)
    return tuple(signs)


def fmt(value: float) -> str:
    """A score as people read it: at most one decimal place, no trailing '.0'."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def reading(sub: Subscale, value: float) -> str:
    """Where a score sits in its range, in plain words, with the file's low/high sentence."""
    span = sub.maximum - sub.minimum
    where = (value - sub.minimum) / span if span else 0.5
    place = f"{fmt(value)} on a range from {fmt(sub.minimum)} to {fmt(sub.maximum)}"
    if where >= 0.6:
        lean, sentence = "toward the higher end", sub.high
    elif where <= 0.4:
        lean, sentence = "toward the lower end", sub.low
    else:
        lean, sentence = "near the middle", ""
    text = f"{sub.title}: {place}, {lean}."
    return f"{text} {sentence}".strip()


def describe(instrument: Instrument, result: Score) -> str:
    """One score in plain words: where it sits, or for own needs, how many are not well met."""
    sub = _sub(instrument, result.subscale)
    if result.value is None:
        return f"{sub.title}: {result.note or NOT_ENOUGH}."
    if instrument.own_items and sub.id == OWN_NOT_MET:
        count, named = round(result.value), result.answered
        head = (
            f"{count} of the {named} need{'s' if named != 1 else ''} you named "
            f"{'is' if count == 1 else 'are'} not well met right now."
        )
        more = sub.low if count == 0 else sub.high if 2 * count >= named else ""
        return f"{head} {more}".strip()
    return reading(sub, result.value)


def ground(instrument: Instrument, result: Score) -> str:
    """What one score rests on, in a sentence: "From 9 of 10 answers." (own needs: the needs
    named), with the score's own note when it was pro-rated. Empty for a missing score,
    whose `describe` already says why."""
    if result.value is None:
        return ""
    text = f"From {result.answered} of {result.of} answers." if result.of else "From one take."
    if instrument.own_items:
        text = f"From the {result.answered} needs you named."
    return f"{text[:-1]}; {result.note}." if result.note else text
