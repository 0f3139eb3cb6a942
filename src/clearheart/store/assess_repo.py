"""Loaded questionnaires and questionnaire results in the database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from clearheart.domain.assess import Result
from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.errors import InvalidInput
from clearheart.store.rows import fetch_row, remove_row
from clearheart.store.schema import assessment_results as r
from clearheart.store.schema import instruments as t


@dataclass(frozen=True, slots=True)
class LoadedSource:
    """A questionnaire someone loaded: its TOML text exactly as given."""

    id: str
    version: str
    source: str
    loaded_at: str


def _result(row: Any) -> Result:
    return Result(
        id=row.id,
        instrument_id=row.instrument_id,
        instrument_version=row.instrument_version,
        taken_at=from_stamp(row.taken_at, row.utc_offset),
        subject=row.subject,
        answers=dict(row.answers),
        scores={k: (None if v is None else float(v)) for k, v in dict(row.scores).items()},
    )


def check_restored(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored result reads back: answers and scores by name."""
    if not isinstance(row["answers"], dict) or not isinstance(row["scores"], dict):
        raise InvalidInput("answers", "expected objects of answers and scores")
    _result(SimpleNamespace(**row))


class AssessRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # --- loaded instruments -------------------------------------------------------

    def loaded(self) -> list[LoadedSource]:
        """Every loaded questionnaire, oldest load first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t).order_by(t.c.loaded_at, t.c.id)).all()
        return [LoadedSource(row.id, row.version, row.source, row.loaded_at) for row in rows]

    def put_instrument(self, instrument_id: str, version: str, source: str, at: datetime) -> None:
        """Store a loaded questionnaire, replacing an earlier load with the same id."""
        values = {"version": version, "source": source, "loaded_at": utc_stamp(at)}
        with self.engine.begin() as conn:
            updated = conn.execute(sa.update(t).where(t.c.id == instrument_id).values(**values))
            if updated.rowcount == 0:
                conn.execute(sa.insert(t).values(id=instrument_id, **values))

    def delete_instrument(self, instrument_id: str) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, t, instrument_id, "loaded questionnaire")

    # --- results ----------------------------------------------------------------------

    def add_result(self, result: Result) -> Result:
        """Store one take; returns only after the transaction has committed."""
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(r)
                .values(
                    instrument_id=result.instrument_id,
                    instrument_version=result.instrument_version,
                    taken_at=utc_stamp(result.taken_at),
                    utc_offset=offset_minutes(result.taken_at),
                    subject=result.subject,
                    answers=result.answers,
                    scores=result.scores,
                )
                .returning(r.c.id)
            ).scalar_one()
        return self.result(new_id)

    def result(self, result_id: int) -> Result:
        with self.engine.connect() as conn:
            return _result(fetch_row(conn, r, result_id, "questionnaire result"))

    def results(
        self, instrument_id: str, subject: str | None = None, *, any_subject: bool = False
    ) -> list[Result]:
        """Takes of one questionnaire, oldest first; for one subject unless `any_subject`."""
        query = sa.select(r).where(r.c.instrument_id == instrument_id)
        if not any_subject:
            query = query.where(
                r.c.subject.is_(None) if subject is None else r.c.subject == subject
            )
        query = query.order_by(r.c.taken_at, r.c.id)
        with self.engine.connect() as conn:
            return [_result(row) for row in conn.execute(query)]

    def subjects(self, instrument_id: str) -> list[str]:
        """Who a per-person questionnaire has been taken about, most recent first."""
        query = (
            sa.select(r.c.subject, sa.func.max(r.c.taken_at).label("last"))
            .where(r.c.instrument_id == instrument_id, r.c.subject.is_not(None))
            .group_by(r.c.subject)
            .order_by(sa.desc("last"), r.c.subject)
        )
        with self.engine.connect() as conn:
            return [row.subject for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """How many takes each questionnaire has."""
        query = sa.select(r.c.instrument_id, sa.func.count()).group_by(r.c.instrument_id)
        with self.engine.connect() as conn:
            return {row[0]: int(row[1]) for row in conn.execute(query)}

    def delete_result(self, result_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, r, result_id, "questionnaire result")
