"""Dating again in the database: checklist and commitment versions, people, notes.

Writes are checked by the domain's rules before they get here (services/dating.py);
`check_restored_*` hold an archive's rows to the same rules (services/archive_rules.py).
Renaming a person renames the dating-again questionnaire's takes about them in the same
transaction, so their takes stay theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, cast

import sqlalchemy as sa

from clearheart.domain.dating import (
    SITUATIONS,
    Checklist,
    Item,
    Note,
    NoteDraft,
    Person,
    clean_items,
    clean_name,
)
from clearheart.domain.dating.commitments import COUNT
from clearheart.domain.dating.notebook import ANSWERS, MATCHES, TAGS
from clearheart.domain.journal import from_stamp, offset_minutes, utc_stamp
from clearheart.errors import InvalidInput, NotFound
from clearheart.store.schema import (
    assessment_results,
    dating_checklists,
    dating_commitments,
    dating_notes,
    dating_people,
)

DATING_INSTRUMENT = "dating-again"
"""The per-person questionnaire whose `subject` is a notebook's name."""


def _items_json(items: tuple[Item, ...]) -> list[dict[str, str]]:
    return [{"id": i.id, "text": i.text, "kind": i.kind, "source": i.source} for i in items]


def _items(raw: Any) -> tuple[Item, ...]:
    return clean_items(
        Item(str(i["id"]), str(i["text"]), i["kind"], str(i.get("source", ""))) for i in raw
    )


def _person(row: Any) -> Person:
    return Person(row.id, clean_name(row.name), from_stamp(row.created_at, row.utc_offset))


def _note(row: Any) -> Note:
    draft = NoteDraft(
        on=date.fromisoformat(row.on_day),
        text=row.text,
        situation=row.situation,
        tags=dict(row.tags),
        answer=row.answer,
        words_actions=row.words_actions,
        mood=row.mood,
        mood_word=row.mood_word,
    )
    return Note(row.id, row.person_id, from_stamp(row.created_at, row.utc_offset), draft)


def _draft_values(draft: NoteDraft) -> dict[str, object]:
    """The columns a note's words fill, as written and as changed."""
    return {
        "on_day": draft.on.isoformat(),
        "situation": draft.situation,
        "text": draft.text,
        "tags": dict(draft.tags),
        "answer": draft.answer,
        "words_actions": draft.words_actions,
        "mood": draft.mood,
        "mood_word": draft.mood_word,
    }


class _Row:
    """A restored row's mapping read as attributes, as the readers above expect."""

    def __init__(self, row: Mapping[str, Any]) -> None:
        self.__dict__.update(row)


def check_restored_checklist(row: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless a restored checklist version meets the rules of writes."""
    raw = row["items"]
    if not isinstance(raw, list) or not all(
        isinstance(i, dict) and {"id", "text", "kind"} <= set(i) for i in raw
    ):
        raise InvalidInput("items", "expected a list of items, each with an id, text and kind")
    _items(raw)


def check_restored_commitments(row: Mapping[str, Any]) -> None:
    texts = row["texts"]
    if (
        not isinstance(texts, list)
        or len(texts) != COUNT
        or not all(isinstance(t, str) and t.strip() for t in texts)
    ):
        raise InvalidInput("texts", f"expected {COUNT} texts")


def check_restored_person(row: Mapping[str, Any]) -> None:
    _person(_Row(row))


def check_restored_note(row: Mapping[str, Any]) -> None:
    if not isinstance(row["tags"], dict) or not all(
        isinstance(k, str) and v in TAGS for k, v in row["tags"].items()
    ):
        raise InvalidInput("tags", f"expected {{item: one of {', '.join(TAGS)}}}")
    for name, allowed in (
        ("situation", SITUATIONS),
        ("answer", ANSWERS),
        ("words_actions", MATCHES),
    ):
        if row[name] is not None and row[name] not in allowed:
            raise InvalidInput(name, f"expected one of: {', '.join(allowed)}")
    mood = row["mood"]
    if mood is not None and not 1 <= mood <= 5:
        raise InvalidInput("mood", "expected a whole number from 1 to 5")
    try:
        date.fromisoformat(row["on_day"])
    except ValueError:
        raise InvalidInput("on_day", "expected a date as YYYY-MM-DD") from None
    if not " ".join(row["text"].split()):
        raise InvalidInput("text", "is empty")
    _note(_Row(row))


class DatingRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # --- versions ---------------------------------------------------------------------

    def checklist(self) -> Checklist:
        """The newest version, or an empty never-saved list."""
        with self.engine.connect() as conn:
            versions = conn.execute(sa.select(sa.func.count()).select_from(dating_checklists))
            total = int(versions.scalar_one())
            row = conn.execute(
                sa.select(dating_checklists).order_by(dating_checklists.c.id.desc()).limit(1)
            ).first()
        if row is None:
            return Checklist()
        return Checklist(_items(row.items), total, from_stamp(row.created_at, row.utc_offset))

    def checklist_versions(self) -> tuple[Checklist, ...]:
        """Every version, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(dating_checklists).order_by(dating_checklists.c.id))
            return tuple(
                Checklist(_items(r.items), n, from_stamp(r.created_at, r.utc_offset))
                for n, r in enumerate(rows, 1)
            )

    def save_checklist(self, items: tuple[Item, ...], at: datetime) -> Checklist:
        with self.engine.begin() as conn:
            conn.execute(
                sa.insert(dating_checklists).values(
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    items=_items_json(items),
                )
            )
        return self.checklist()

    def commitments(self) -> tuple[tuple[str, ...] | None, int, datetime | None]:
        """The newest texts (None before any), how many versions, when it was saved."""
        with self.engine.connect() as conn:
            total = int(
                conn.execute(
                    sa.select(sa.func.count()).select_from(dating_commitments)
                ).scalar_one()
            )
            row = conn.execute(
                sa.select(dating_commitments).order_by(dating_commitments.c.id.desc()).limit(1)
            ).first()
        if row is None:
            return None, 0, None
        return tuple(row.texts), total, from_stamp(row.created_at, row.utc_offset)

    def commitment_versions(self) -> tuple[tuple[tuple[str, ...], datetime], ...]:
        """Every saved wording with when it was saved, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(dating_commitments).order_by(dating_commitments.c.id))
            return tuple((tuple(r.texts), from_stamp(r.created_at, r.utc_offset)) for r in rows)

    def save_commitments(self, texts: tuple[str, ...], at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                sa.insert(dating_commitments).values(
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    texts=list(texts),
                )
            )

    # --- people -----------------------------------------------------------------------

    def people(self) -> tuple[Person, ...]:
        """Oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(dating_people).order_by(dating_people.c.id))
            return tuple(_person(r) for r in rows)

    def person(self, person_id: int) -> Person:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(dating_people).where(dating_people.c.id == person_id)
            ).first()
        if row is None:
            raise NotFound("person", str(person_id))
        return _person(row)

    def add_person(self, name: str, at: datetime) -> Person:
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(dating_people)
                .values(name=name, created_at=utc_stamp(at), utc_offset=offset_minutes(at))
                .returning(dating_people.c.id)
            ).scalar_one()
        return Person(cast(int, new_id), name, at)

    def rename_person(self, person: Person, name: str) -> Person:
        """Rename the notebook and the dating-again takes about its old name, together."""
        with self.engine.begin() as conn:
            conn.execute(
                sa.update(dating_people).where(dating_people.c.id == person.id).values(name=name)
            )
            conn.execute(
                sa.update(assessment_results)
                .where(
                    assessment_results.c.instrument_id == DATING_INSTRUMENT,
                    assessment_results.c.subject == person.name,
                )
                .values(subject=name)
            )
        return Person(person.id, name, person.added_at)

    def delete_person(self, person_id: int) -> None:
        """The person and every note about them."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(dating_notes).where(dating_notes.c.person_id == person_id))
            conn.execute(sa.delete(dating_people).where(dating_people.c.id == person_id))

    # --- notes ------------------------------------------------------------------------

    def add_note(self, person_id: int, draft: NoteDraft, at: datetime) -> Note:
        with self.engine.begin() as conn:
            new_id = conn.execute(
                sa.insert(dating_notes)
                .values(
                    person_id=person_id,
                    created_at=utc_stamp(at),
                    utc_offset=offset_minutes(at),
                    **_draft_values(draft),
                )
                .returning(dating_notes.c.id)
            ).scalar_one()
        return Note(cast(int, new_id), person_id, at, draft)

    def note(self, note_id: int) -> Note:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(dating_notes).where(dating_notes.c.id == note_id)).first()
        if row is None:
            raise NotFound("note", str(note_id))
        return _note(row)

    def update_note(self, note_id: int, draft: NoteDraft) -> Note:
        """Replace what a note says; when it was first written stays."""
        with self.engine.begin() as conn:
            changed = conn.execute(
                sa.update(dating_notes)
                .where(dating_notes.c.id == note_id)
                .values(**_draft_values(draft))
            )
        if not changed.rowcount:
            raise NotFound("note", str(note_id))
        return self.note(note_id)

    def notes(self, person_id: int) -> tuple[Note, ...]:
        """Oldest day first (then in the order written)."""
        query = (
            sa.select(dating_notes)
            .where(dating_notes.c.person_id == person_id)
            .order_by(dating_notes.c.on_day, dating_notes.c.id)
        )
        with self.engine.connect() as conn:
            return tuple(_note(r) for r in conn.execute(query))

    def note_counts(self) -> dict[int, int]:
        query = sa.select(dating_notes.c.person_id, sa.func.count()).group_by(
            dating_notes.c.person_id
        )
        with self.engine.connect() as conn:
            return {int(p): int(n) for p, n in conn.execute(query)}

    def delete_note(self, note_id: int) -> None:
        with self.engine.begin() as conn:
            gone = conn.execute(sa.delete(dating_notes).where(dating_notes.c.id == note_id))
        if not gone.rowcount:
            raise NotFound("note", str(note_id))
