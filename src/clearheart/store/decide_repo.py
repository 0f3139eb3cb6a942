"""The decision aid in the database: its one state row, SURE takes, plan versions.

Writes are checked by the domain's rules before they get here (services/decide.py);
`check_restored_*` hold an archive's rows to the same rules (services/archive_rules.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from clearheart.domain.decide import (
    Aid,
    ConflictTake,
    Plan,
    PlanVersion,
    Stage,
    Value,
    clean_answers,
    clean_order,
    clean_plan,
    clean_questions,
    clean_ratings,
    clean_values,
    plan_from_parts,
    read_option,
)
from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.errors import InvalidInput
from clearheart.store.schema import decision_aid, decision_plans, decision_sure

AID_ID = 1
"""The aid's one row."""


def _aid(row: Any) -> Aid:
    return Aid(
        stage=Stage(row.stage),
        started_at=from_stamp(row.created_at, row.utc_offset),
        own_order=clean_order(row.option_order) if row.option_order else (),
        values=clean_values(
            Value(str(v["id"]), v["weight"], str(v.get("words", ""))) for v in row.chosen_values
        ),
        ratings=clean_ratings(row.ratings),
        questions=clean_questions(row.questions),
    )


def _take(row: Any) -> ConflictTake:
    return ConflictTake(
        from_stamp(row.taken_at, row.utc_offset), clean_answers(row.answers), row.id
    )


def _version(row: Any) -> PlanVersion:
    plan = plan_from_parts(
        read_option(row.option), date.fromisoformat(row.review_on), dict(row.parts)
    )
    return PlanVersion(row.id, from_stamp(row.created_at, row.utc_offset), clean_plan(plan, None))


def _values_json(values: tuple[Value, ...]) -> list[dict[str, Any]]:
    return [{"id": v.id, "weight": v.weight, "words": v.words} for v in values]


class _Row:
    """A restored row's mapping read as attributes, as the readers above expect."""

    def __init__(self, row: Mapping[str, Any]) -> None:
        self.__dict__.update(row)


def check_restored_aid(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored aid row reads back and meets the rules of writes."""
    if row["id"] != AID_ID:
        raise InvalidInput("id", f"the decision aid has one row, id {AID_ID}")
    for name, kind in (
        ("option_order", list),
        ("chosen_values", list),
        ("ratings", dict),
        ("questions", list),
    ):
        if not isinstance(row[name], kind):
            raise InvalidInput(name, f"expected a {'list' if kind is list else 'mapping'}")
    if not all(isinstance(v, dict) and {"id", "weight"} <= set(v) for v in row["chosen_values"]):
        raise InvalidInput("chosen_values", "each value needs an id and a weight")
    if not all(isinstance(q, str) for q in row["questions"]):
        raise InvalidInput("questions", "expected texts")
    _aid(_Row(row))


def check_restored_sure(row: Mapping[str, Any]) -> None:
    if not isinstance(row["answers"], dict):
        raise InvalidInput("answers", "expected a mapping")
    _take(_Row(row))


def check_restored_plan(row: Mapping[str, Any]) -> None:
    if not isinstance(row["parts"], dict):
        raise InvalidInput("parts", "expected a mapping")
    try:
        date.fromisoformat(row["review_on"])
    except ValueError:
        raise InvalidInput("review_on", "expected a date as YYYY-MM-DD") from None
    _version(_Row(row))


class DecideRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def aid(self) -> Aid:
        """The aid as stored, or a not-started one."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(decision_aid).where(decision_aid.c.id == AID_ID)).first()
        return _aid(row) if row is not None else Aid()

    def save_aid(self, aid: Aid, at: datetime) -> Aid:
        """Store the (already cleaned) aid; the first save records when it was started."""
        started = aid.started_at or at
        values = {
            "stage": aid.stage.value,
            "updated_at": utc_stamp(at),
            "option_order": [o.value for o in aid.own_order],
            "chosen_values": _values_json(aid.values),
            "ratings": {k: r.value for k, r in aid.ratings.items()},
            "questions": list(aid.questions),
        }
        with self.engine.begin() as conn:
            changed = conn.execute(
                sa.update(decision_aid).where(decision_aid.c.id == AID_ID).values(**values)
            ).rowcount
            if not changed:
                conn.execute(
                    sa.insert(decision_aid).values(
                        id=AID_ID,
                        created_at=utc_stamp(started),
                        utc_offset=offset_minutes(started),
                        **values,
                    )
                )
        return self.aid()

    def add_take(self, answers: Mapping[str, bool], at: datetime) -> ConflictTake:
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(decision_sure)
                .values(
                    taken_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    answers=dict(answers),
                )
                .returning(decision_sure.c.id)
            ).scalar_one()
        return ConflictTake(at, dict(answers), new_id)

    def takes(self) -> tuple[ConflictTake, ...]:
        """Oldest first."""
        query = sa.select(decision_sure).order_by(decision_sure.c.taken_at, decision_sure.c.id)
        with self.engine.connect() as conn:
            return tuple(_take(r) for r in conn.execute(query))

    def add_plan(self, plan: Plan, at: datetime) -> PlanVersion:
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(decision_plans)
                .values(
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    option=plan.option.value,
                    review_on=plan.review_on.isoformat(),
                    parts=plan.parts(),
                )
                .returning(decision_plans.c.id)
            ).scalar_one()
        return PlanVersion(new_id, at, plan)

    def plans(self) -> tuple[PlanVersion, ...]:
        """Every version, oldest first."""
        query = sa.select(decision_plans).order_by(decision_plans.c.created_at, decision_plans.c.id)
        with self.engine.connect() as conn:
            return tuple(_version(r) for r in conn.execute(query))
