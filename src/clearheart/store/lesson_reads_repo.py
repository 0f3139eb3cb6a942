"""Which lessons were read, in the database: one row per lesson ever opened.

The lesson id is checked against the content before it gets here (services/lessons.py);
`check_restored` holds an archive's rows to the shape every id and version has.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.domain.lesson_reads import LessonRead
from clearheart.domain.lessons import LESSON_ID
from clearheart.errors import InvalidInput
from clearheart.store.rows import count_rows
from clearheart.store.schema import lesson_reads


def check_restored(row: Mapping[str, Any]) -> None:
    if not LESSON_ID.match(row["lesson_id"]):
        raise InvalidInput("lesson_id", "must be lower-case words joined by -")
    if row["version"] < 1:
        raise InvalidInput("version", "must be 1 or more")
    if row["updated_at"] < row["created_at"]:
        raise InvalidInput("updated_at", "is before the first opening")


class LessonReadsRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def opened(self, lesson_id: str, version: int, at: datetime) -> LessonRead:
        """Note an opening: the first keeps its time, the last and the version move on."""
        stamp, offset = utc_stamp(at), offset_minutes(at)
        with self.engine.begin() as conn:
            first = conn.execute(
                sa.select(lesson_reads.c.created_at).where(lesson_reads.c.lesson_id == lesson_id)
            ).scalar_one_or_none()
            if first is None:
                conn.execute(
                    sa.insert(lesson_reads).values(
                        lesson_id=lesson_id,
                        version=version,
                        created_at=stamp,
                        updated_at=stamp,
                        utc_offset=offset,
                    )
                )
            else:
                conn.execute(
                    sa.update(lesson_reads)
                    .where(lesson_reads.c.lesson_id == lesson_id)
                    .values(version=version, updated_at=stamp, utc_offset=offset)
                )
        return LessonRead(
            lesson_id, version, from_stamp(first or stamp, offset), from_stamp(stamp, offset)
        )

    def reads(self) -> tuple[LessonRead, ...]:
        """Most recently opened first."""
        query = sa.select(lesson_reads).order_by(
            lesson_reads.c.updated_at.desc(), lesson_reads.c.lesson_id
        )
        with self.engine.connect() as conn:
            return tuple(
                LessonRead(
                    r.lesson_id,
                    r.version,
                    from_stamp(r.created_at, r.utc_offset),
                    from_stamp(r.updated_at, r.utc_offset),
                )
                for r in conn.execute(query)
            )

    def forget(self) -> int:
        """Delete every read; returns how many there were."""
        with self.engine.begin() as conn:
            gone = count_rows(conn, lesson_reads)
            conn.execute(sa.delete(lesson_reads))
        return gone
