"""Letting go in the database: rule versions, contacts, urges and unsent letters.

Writes are cleaned by the domain's rules first (services/nocontact.py, urges.py,
letters.py); `check_restored_*` hold an archive's rows to the same rules
(services/archive_rules.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.domain.letting_go import (
    Contact,
    ContactDraft,
    Letter,
    Rules,
    RulesVersion,
    Urge,
    UrgeDraft,
    clean_contact,
    clean_letter,
    clean_rules,
    clean_urge,
    read_did,
    read_mode,
    read_starter,
    read_way,
)
from clearheart.errors import InvalidInput
from clearheart.store.rows import change_row, fetch_row, remove_row
from clearheart.store.schema import nocontact_contacts, nocontact_rules, unsent_letters, urges


def _version(row: Any) -> RulesVersion:
    rules = Rules(
        read_mode(row.mode),
        date.fromisoformat(row.started_on),
        tuple(row.counts),
        tuple(row.exceptions),
    )
    return RulesVersion(
        row.id, from_stamp(row.created_at, row.utc_offset), clean_rules(rules, None)
    )


def _contact(row: Any) -> Contact:
    draft = clean_contact(
        ContactDraft(
            from_stamp(row.at, row.utc_offset), row.way, row.started_by, row.exception, row.note
        ),
        None,
    )
    return Contact(
        row.id,
        draft.at,
        read_way(draft.way),
        read_starter(draft.started_by),
        draft.exception,
        draft.note,
    )


def _urge(row: Any) -> Urge:
    draft = clean_urge(
        UrgeDraft(
            from_stamp(row.at, row.utc_offset),
            row.strength,
            tuple(row.triggers),
            row.own_trigger,
            row.minutes,
            row.did,
            row.note,
        ),
        None,
    )
    return Urge(
        row.id,
        draft.at,
        draft.strength,
        draft.triggers,
        draft.own_trigger,
        draft.minutes,
        read_did(draft.did),
        draft.note,
    )


def _letter(row: Any) -> Letter:
    return Letter(
        row.id,
        from_stamp(row.created_at, row.utc_offset),
        from_stamp(row.updated_at, row.utc_offset),
        row.heading,
        row.body,
    )


def _lists(row: Mapping[str, Any], *names: str) -> None:
    for name in names:
        if not isinstance(row[name], list) or not all(isinstance(v, str) for v in row[name]):
            raise InvalidInput(name, "expected a list of texts")


def check_restored_rules(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored rules row reads back and meets the rules."""
    _lists(row, "counts", "exceptions")
    try:
        date.fromisoformat(row["started_on"])
    except ValueError:
        raise InvalidInput("started_on", "expected a date as YYYY-MM-DD") from None
    _version(SimpleNamespace(**row))


def check_restored_contact(row: Mapping[str, Any]) -> None:
    _contact(SimpleNamespace(**row))


def check_restored_urge(row: Mapping[str, Any]) -> None:
    _lists(row, "triggers")
    _urge(SimpleNamespace(**row))


def check_restored_letter(row: Mapping[str, Any]) -> None:
    heading, body = clean_letter(row["heading"], row["body"])
    if (heading, body) != (row["heading"], row["body"]):
        raise InvalidInput("heading", "is not as Clearheart writes a letter")


def _stamped(at: datetime) -> dict[str, Any]:
    return {"at": utc_stamp(at), "utc_offset": offset_minutes(at)}


class LettingGoRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # --- rules -------------------------------------------------------------------

    def add_rules(self, rules: Rules, at: datetime) -> RulesVersion:
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(nocontact_rules)
                .values(
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    mode=rules.mode.value,
                    started_on=rules.started_on.isoformat(),
                    counts=list(rules.counts),
                    exceptions=list(rules.exceptions),
                )
                .returning(nocontact_rules.c.id)
            ).scalar_one()
        return RulesVersion(new_id, at, rules)

    def rule_versions(self) -> tuple[RulesVersion, ...]:
        """Oldest first; the last is in force."""
        t = nocontact_rules
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t).order_by(t.c.created_at, t.c.id))
            return tuple(_version(r) for r in rows)

    # --- contacts ----------------------------------------------------------------

    def add_contact(self, draft: ContactDraft, created: datetime) -> Contact:
        t = nocontact_contacts
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t)
                .values(
                    **_stamped(draft.at),
                    way=draft.way,
                    started_by=draft.started_by,
                    exception=draft.exception,
                    note=draft.note,
                    created_at=utc_stamp(created),
                )
                .returning(t.c.id)
            ).scalar_one()
            return _contact(fetch_row(conn, t, new_id, "contact"))

    def contacts(self) -> tuple[Contact, ...]:
        """Oldest first."""
        t = nocontact_contacts
        with self.engine.connect() as conn:
            return tuple(_contact(r) for r in conn.execute(sa.select(t).order_by(t.c.at, t.c.id)))

    def delete_contact(self, contact_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, nocontact_contacts, contact_id, "contact")

    # --- urges -------------------------------------------------------------------

    def add_urge(self, draft: UrgeDraft, created: datetime) -> Urge:
        t = urges
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t)
                .values(
                    **_stamped(draft.at),
                    strength=draft.strength,
                    triggers=list(draft.triggers),
                    own_trigger=draft.own_trigger,
                    minutes=draft.minutes,
                    did=draft.did,
                    note=draft.note,
                    created_at=utc_stamp(created),
                )
                .returning(t.c.id)
            ).scalar_one()
            return _urge(fetch_row(conn, t, new_id, "urge"))

    def urges(self) -> tuple[Urge, ...]:
        """Oldest first."""
        with self.engine.connect() as conn:
            query = sa.select(urges).order_by(urges.c.at, urges.c.id)
            return tuple(_urge(r) for r in conn.execute(query))

    def delete_urge(self, urge_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, urges, urge_id, "urge")

    # --- letters -----------------------------------------------------------------

    def add_letter(self, heading: str, body: str, at: datetime) -> Letter:
        t = unsent_letters
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(t)
                .values(
                    created_at=utc_stamp(at),
                    updated_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    heading=heading,
                    body=body,
                )
                .returning(t.c.id)
            ).scalar_one()
        return self.letter(new_id)

    def change_letter(self, letter_id: int, heading: str, body: str, at: datetime) -> Letter:
        with self.engine.begin() as conn:
            change_row(
                conn,
                unsent_letters,
                letter_id,
                "letter",
                {"heading": heading, "body": body, "updated_at": utc_stamp(at)},
            )
        return self.letter(letter_id)

    def letter(self, letter_id: int) -> Letter:
        with self.engine.connect() as conn:
            return _letter(fetch_row(conn, unsent_letters, letter_id, "letter"))

    def letters(self) -> tuple[Letter, ...]:
        """Newest first."""
        t = unsent_letters
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t).order_by(t.c.created_at.desc(), t.c.id.desc()))
            return tuple(_letter(r) for r in rows)

    def delete_letter(self, letter_id: int) -> None:
        with self.engine.begin() as conn:
            remove_row(conn, unsent_letters, letter_id, "letter")
