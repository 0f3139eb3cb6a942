"""The support network in the database: supporters and the times in touch with them.

Writes are checked by the domain's rules before they get here (services/support.py);
`check_restored_*` hold an archive's rows to the same rules (services/archive_rules.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.domain.support import (
    MIN_DAY,
    Contact,
    Details,
    Supporter,
    check_every,
    clean_details,
    clean_note,
)
from clearheart.errors import InvalidInput
from clearheart.store.rows import change_row, fetch_row, remove_row
from clearheart.store.schema import support_contacts, support_people

NOUN = "person or place"


def _details(row: Any) -> Details:
    return clean_details(row.name, row.good_for, row.words, row.how, row.every_days)


def _contact(row: Any) -> Contact:
    return Contact(row.id, row.person_id, date.fromisoformat(row.on_day), clean_note(row.note))


def _values(details: Details, at: datetime) -> dict[str, Any]:
    return {
        "name": details.name,
        "good_for": sorted(k.value for k in details.good_for),
        "words": details.words,
        "how": details.how,
        "every_days": details.every_days,
        "updated_at": utc_stamp(at),
    }


def check_restored_person(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored supporter meets the rules of a new one."""
    if not isinstance(row["good_for"], list) or not all(
        isinstance(k, str) for k in row["good_for"]
    ):
        raise InvalidInput("good_for", "expected a list of kinds")
    check_every(row["every_days"])
    clean_details(row["name"], row["good_for"], row["words"], row["how"], row["every_days"])


def check_restored_contact(row: Mapping[str, Any]) -> None:
    try:
        day = date.fromisoformat(row["on_day"])
    except ValueError:
        raise InvalidInput("on_day", "expected a date as YYYY-MM-DD") from None
    if day < MIN_DAY:
        raise InvalidInput("on_day", f"expected a day after {MIN_DAY.year}")
    clean_note(row["note"])


class SupportRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def supporters(self) -> tuple[Supporter, ...]:
        """Everyone, by name (case set aside), each with their times in touch, newest first."""
        with self.engine.connect() as conn:
            people = conn.execute(sa.select(support_people)).all()
            contacts = conn.execute(
                sa.select(support_contacts).order_by(
                    support_contacts.c.on_day.desc(), support_contacts.c.id.desc()
                )
            ).all()
        by_person: dict[int, list[Contact]] = {}
        for row in contacts:
            by_person.setdefault(row.person_id, []).append(_contact(row))
        found = [
            Supporter(
                p.id,
                _details(p),
                from_stamp(p.created_at, p.utc_offset),
                tuple(by_person.get(p.id, ())),
            )
            for p in people
        ]
        return tuple(sorted(found, key=lambda s: (s.name.casefold(), s.id)))

    def supporter(self, supporter_id: int) -> Supporter:
        with self.engine.connect() as conn:
            row = fetch_row(conn, support_people, supporter_id, NOUN)
            contacts = conn.execute(
                sa.select(support_contacts)
                .where(support_contacts.c.person_id == supporter_id)
                .order_by(support_contacts.c.on_day.desc(), support_contacts.c.id.desc())
            ).all()
        return Supporter(
            row.id,
            _details(row),
            from_stamp(row.created_at, row.utc_offset),
            tuple(_contact(c) for c in contacts),
        )

    def add(self, details: Details, at: datetime) -> int:
        with self.engine.begin() as conn:
            new_id: int = conn.execute(
                sa.insert(support_people)
                .values(
                    created_at=utc_stamp(at), utc_offset=offset_minutes(at), **_values(details, at)
                )
                .returning(support_people.c.id)
            ).scalar_one()
        return new_id

    def edit(self, supporter_id: int, details: Details, at: datetime) -> None:
        with self.engine.begin() as conn:
            change_row(conn, support_people, supporter_id, NOUN, _values(details, at))

    def remove(self, supporter_id: int) -> None:
        """The supporter and every time in touch with them, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(
                sa.delete(support_contacts).where(support_contacts.c.person_id == supporter_id)
            )
            remove_row(conn, support_people, supporter_id, NOUN)

    def add_contact(self, supporter_id: int, on: date, note: str, at: datetime) -> Contact:
        with self.engine.begin() as conn:
            fetch_row(conn, support_people, supporter_id, NOUN)
            new_id: int = conn.execute(
                sa.insert(support_contacts)
                .values(
                    person_id=supporter_id,
                    on_day=on.isoformat(),
                    note=note,
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                )
                .returning(support_contacts.c.id)
            ).scalar_one()
        return Contact(new_id, supporter_id, on, note)

    def remove_contact(self, contact_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, support_contacts, contact_id, "time in touch")
