"""Questionnaires: the list, taking one, results over time, loaded instruments.

A take whose answers cross an item's safety threshold is reported to the safety
gate (services/safety.py), which rests coaching.

API NOTE (for the web pages; everything in /tmp/brief/assess-api.md holds, plus):
- Subscale also has `combine: tuple[str, ...]` and `subtract: str | None`.
- Extra methods: `result(result_id)`, `history(instrument_id, subject)` (each take with its
  change from the take before), `counts()` (takes per instrument id), `reading(sub, value)`,
  `describe(instrument, score)` (plain words for one score)
- Own-items instruments have two subscales: "met" (mean rating) and "not-met" (how many
  needs sit in the lower third of the scale).
- `take` also accepts "subject" inside `answers` when the `subject` argument is None.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from clearheart.content.instruments import load_builtin_instruments, parse_toml
from clearheart.domain.assess import (
    Change,
    Instrument,
    Result,
    Score,
    Subscale,
    changes_between,
    clean_sheet,
    danger_signs,
    describe,
    latest_changes,
    reading,
    score,
    score_values,
)
from clearheart.domain.safety import Gate
from clearheart.errors import ContentInvalid, InvalidInput, NotFound
from clearheart.services.clock import Clock
from clearheart.services.safety import SafetyService
from clearheart.store.assess_repo import AssessRepo

MAX_SUBJECT = 200
MAX_SOURCE = 200_000

__all__ = ["AssessService", "Taken"]


@dataclass(frozen=True, slots=True)
class Taken:
    """What one take gave: the stored result, its scores, change since last time, safety."""

    result: Result
    scores: tuple[Score, ...]
    changes: tuple[Change, ...]
    gate: Gate
    """The safety gate after this take."""
    danger: tuple[str, ...]
    """Item ids that crossed their safety threshold in this take."""


def _subject(instrument: Instrument, subject: str | None) -> str | None:
    if not instrument.per_person:
        if subject is not None and subject.strip():
            raise InvalidInput("subject", f"{instrument.title!r} is not kept per person")
        return None
    name = " ".join(unicodedata.normalize("NFC", subject or "").split())
    if not name:
        raise InvalidInput("subject", "say who this is about (a first name is enough)")
    if len(name) > MAX_SUBJECT:
        raise InvalidInput("subject", f"a name can be at most {MAX_SUBJECT} characters")
    return name


class AssessService:
    def __init__(self, engine: sa.Engine, safety: SafetyService, clock: Clock) -> None:
        self.repo = AssessRepo(engine)
        self.safety = safety
        self.clock = clock

    # --- instruments ----------------------------------------------------------------

    def _loaded(self) -> list[Instrument]:
        out: list[Instrument] = []
        for row in self.repo.loaded():
            try:
                out.append(parse_toml(row.source, row.id))
            except ContentInvalid:
                continue  # kept in the vault untouched; `instrument(id)` names the problem
        return out

    def instruments(self) -> list[Instrument]:
        """Built-in questionnaires first (file order), then loaded ones (oldest first)."""
        return [*load_builtin_instruments(), *self._loaded()]

    def instrument(self, instrument_id: str) -> Instrument:
        for instrument in load_builtin_instruments():
            if instrument.id == instrument_id:
                return instrument
        for row in self.repo.loaded():
            if row.id == instrument_id:
                return parse_toml(row.source, row.id)
        raise NotFound("questionnaire", instrument_id)

    def load(self, text: str, source: str) -> Instrument:
        """Check a questionnaire file and keep it in the vault; nothing is stored if it fails."""
        if len(text) > MAX_SOURCE:
            raise ContentInvalid(source, f"the file is over {MAX_SOURCE:,} characters")
        instrument = parse_toml(text, source)
        if any(b.id == instrument.id for b in load_builtin_instruments()):
            raise ContentInvalid(
                source,
                f"'id' {instrument.id!r} is already used by a built-in questionnaire; "
                "choose another id",
            )
        self.repo.put_instrument(instrument.id, instrument.version, text, self.clock.now())
        return instrument

    def remove_loaded(self, instrument_id: str) -> None:
        """Remove a loaded questionnaire; its past results stay, and come back if reloaded."""
        if any(b.id == instrument_id for b in load_builtin_instruments()):
            raise InvalidInput("id", f"{instrument_id!r} is built in and cannot be removed")
        self.repo.delete_instrument(instrument_id)

    # --- taking and results -------------------------------------------------------------

    def take(
        self,
        instrument_id: str,
        answers: Mapping[str, object],
        subject: str | None = None,
        at: datetime | None = None,
    ) -> Taken:
        """Check, score and store one take. InvalidInput names the answer at fault."""
        instrument = self.instrument(instrument_id)
        answers = dict(answers)
        if subject is None and "subject" in answers:
            raw = answers.pop("subject")
            subject = raw if isinstance(raw, str) else None
        who = _subject(instrument, subject)
        sheet = clean_sheet(instrument, answers)
        scores = score(instrument, sheet)
        moment = at or self.clock.now()
        if moment.tzinfo is None:
            raise InvalidInput("at", "the time needs a time zone")
        danger = danger_signs(instrument, sheet)
        result = self.repo.add_result(
            Result(
                id=None,
                instrument_id=instrument.id,
                instrument_version=instrument.version,
                taken_at=moment,
                subject=who,
                answers=sheet,
                scores=score_values(scores),
            )
        )
        gate = self.safety.questionnaire(
            (f"{instrument.id}/{item}" for item in danger), moment
        )
        changes = latest_changes(instrument, self.repo.results(instrument.id, who))
        return Taken(result=result, scores=scores, changes=changes, gate=gate, danger=danger)

    def result(self, result_id: int) -> Result:
        return self.repo.result(result_id)

    def results(self, instrument_id: str, subject: str | None = None) -> list[Result]:
        """Takes of one questionnaire (about one person, if kept per person), oldest first."""
        instrument = self.instrument(instrument_id)
        return self.repo.results(instrument.id, _subject(instrument, subject))

    def scores(self, result: Result) -> tuple[Score, ...]:
        """A stored take's scores, with how much each rests on."""
        instrument = self.instrument(result.instrument_id)
        if result.instrument_version == instrument.version:
            return score(instrument, result.answers)
        note = f"scored under version {result.instrument_version}"
        return tuple(Score(key, value, 0, 0, note) for key, value in result.scores.items())

    def changes(self, instrument_id: str, subject: str | None = None) -> tuple[Change, ...]:
        """The latest take against the one before it."""
        instrument = self.instrument(instrument_id)
        return latest_changes(instrument, self.results(instrument_id, subject))

    def history(
        self, instrument_id: str, subject: str | None = None
    ) -> list[tuple[Result, tuple[Change, ...]]]:
        """Every take, oldest first, each with its change from the take before."""
        instrument = self.instrument(instrument_id)
        results = self.results(instrument_id, subject)
        return [
            (res, changes_between(instrument, results[n - 1], res) if n else ())
            for n, res in enumerate(results)
        ]

    def subjects(self, instrument_id: str) -> list[str]:
        """Who a per-person questionnaire has been taken about, most recent first."""
        return self.repo.subjects(self.instrument(instrument_id).id)

    def counts(self) -> dict[str, int]:
        """How many takes each questionnaire has."""
        return self.repo.counts()

    def delete_result(self, result_id: int) -> None:
        self.repo.delete_result(result_id)

    @staticmethod
    def reading(sub: Subscale, value: float) -> str:
        """Where a score sits in its range, in plain words."""
        return reading(sub, value)

    @staticmethod
    def describe(instrument: Instrument, result: Score) -> str:
        """One score in plain words (own needs: how many are not well met)."""
        return describe(instrument, result)
