"""What a restored row must be before anything is written: the rules normal writes apply.

An archive is a file anyone can write by hand, so restore trusts none of it.
Each row is checked three ways, in file order:

1. Against its table's columns: type, missing values, text lengths, integer
   ranges, no NUL characters, JSON no deeper than `MAX_JSON_DEPTH`, times as
   the store writes them (UTC stamps in years `STAMP_YEARS`, offsets within a day).
2. Against the rows before it: no primary key twice, no reference to a row
   that is not there (parents come first in an archive).
3. Against the rules of its repository (`check_restored` in store/*_repo.py,
   and the readers of each setting here): it must read back as the app reads
   it and meet the rules a new row meets.

A problem is an `InvalidInput(field, reason)`; the reason never holds the
row's words (they are private), so a rule whose message quotes them is
replaced by a plain one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import sqlalchemy as sa

from clearheart.domain.journal import from_stamp, utc_stamp
from clearheart.domain.preferences import Preferences
from clearheart.domain.safety.legacy import legacy_events
from clearheart.domain.safety.plan import plan_from_json
from clearheart.errors import ChatDamaged, ClearheartError, InvalidInput
from clearheart.services.help import COUNTRY_KEY, PLAN_KEY
from clearheart.services.safety import LEGACY_KEY
from clearheart.services.workspace import VAULT_ID_KEY
from clearheart.store import (
    assess_repo,
    behaviour_repo,
    chat_repo,
    cycle_repo,
    dating_repo,
    decide_repo,
    held_repo,
    journal_repo,
    lesson_reads_repo,
    letting_go_repo,
    promise_repo,
    safety_repo,
    support_repo,
)
from clearheart.store.schema import TABLES
from clearheart.store.settings_repo import PREFERENCES_KEY

MAX_JSON_DEPTH = 32
MAX_TEXT_CHARS = 1_000_000
"""Longest text in a column without a length of its own (every rule of its own is lower)."""
STAMP_YEARS = (1900, 2999)
STAMPS = frozenset({"created_at", "updated_at", "imported_at", "loaded_at", "taken_at", "at",
                    "hold_until", "decided_at"})
"""Columns holding UTC stamps as utc_stamp writes them."""
_INT_RANGE = {sa.BigInteger: 2**63, sa.Integer: 2**31}
_UNREADABLE = (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError,
               ChatDamaged)
"""What a reader raises on a value it cannot take; caught so the field can be named."""


def _text_setting(value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidInput("value", "expected a text")


def _preferences(value: Any) -> None:
    if not isinstance(value, dict):
        raise InvalidInput("value", "expected an object of preferences")
    Preferences.from_json(value)


SETTINGS: dict[str, Callable[[Any], object]] = {
    PREFERENCES_KEY: _preferences,
    PLAN_KEY: plan_from_json,
    COUNTRY_KEY: _text_setting,
    VAULT_ID_KEY: _text_setting,
    LEGACY_KEY: legacy_events,
}
"""Each setting the app reads, and how it reads it (unknown keys are kept, never read)."""


def _setting(row: Mapping[str, Any]) -> None:
    reader = SETTINGS.get(row["key"])
    if reader is not None:
        reader(row["value"])


ROW_RULES: dict[str, Callable[[Mapping[str, Any]], None]] = {
    "journal_entries": journal_repo.check_restored,
    "settings": _setting,
    "assessment_results": assess_repo.check_restored,
    "cycle_maps": cycle_repo.check_restored,
    "behaviour_log": behaviour_repo.check_restored,
    "held_drafts": held_repo.check_restored,
    "safety_events": safety_repo.check_restored,
    "decision_aid": decide_repo.check_restored_aid,
    "decision_sure": decide_repo.check_restored_sure,
    "decision_plans": decide_repo.check_restored_plan,
    "support_people": support_repo.check_restored_person,
    "support_contacts": support_repo.check_restored_contact,
    "nocontact_rules": letting_go_repo.check_restored_rules,
    "nocontact_contacts": letting_go_repo.check_restored_contact,
    "urges": letting_go_repo.check_restored_urge,
    "unsent_letters": letting_go_repo.check_restored_letter,
    "dating_checklists": dating_repo.check_restored_checklist,
    "dating_commitments": dating_repo.check_restored_commitments,
    "dating_people": dating_repo.check_restored_person,
    "dating_notes": dating_repo.check_restored_note,
    "promise_versions": promise_repo.check_restored_version,
    "promise_pins": promise_repo.check_restored_pin,
    "nudge_dismissals": promise_repo.check_restored_dismissal,
    "lesson_reads": lesson_reads_repo.check_restored,
}


def _depth(value: Any) -> int:
    """How deeply `value` nests lists and objects, without recursing."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_JSON_DEPTH:
                break
            stack.extend((child, level + 1)
                         for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _column(column: sa.Column[Any], value: Any) -> None:
    name, kind = column.name, column.type
    if value is None:
        if not column.nullable:
            raise InvalidInput(name, "is missing")
        return
    if isinstance(kind, sa.Boolean):
        if not isinstance(value, bool):
            raise InvalidInput(name, "expected true or false")
    elif isinstance(kind, sa.Integer):
        bound = next(b for t, b in _INT_RANGE.items() if isinstance(kind, t))
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidInput(name, "expected a whole number")
        if not -bound <= value < bound:
            raise InvalidInput(name, "is out of range")
    elif isinstance(kind, sa.String):
        if not isinstance(value, str):
            raise InvalidInput(name, "expected a text")
        if len(value) > (kind.length or MAX_TEXT_CHARS):
            raise InvalidInput(name, f"is longer than {kind.length or MAX_TEXT_CHARS:,} characters")
        if "\x00" in value:
            raise InvalidInput(name, "contains a NUL character")
    elif isinstance(kind, sa.JSON):
        if _depth(value) > MAX_JSON_DEPTH:
            raise InvalidInput(name, f"nests deeper than {MAX_JSON_DEPTH} levels")
        if any("\x00" in text or len(text) > MAX_TEXT_CHARS for text in _strings(value)):
            raise InvalidInput(name, "holds a text that is too long or has a NUL character")


def _stamps(row: Mapping[str, Any]) -> None:
    offset = row.get("utc_offset")
    if offset is not None and not -24 * 60 < offset < 24 * 60:
        raise InvalidInput("utc_offset", "is not an offset within a day")
    for name in STAMPS & row.keys():
        stamp = row[name]
        if stamp is None:
            continue
        try:
            moment = from_stamp(stamp, offset or 0)
            written = utc_stamp(moment)
        except (ValueError, OverflowError):
            raise InvalidInput(name, "is not a time as Clearheart writes it") from None
        if written != stamp or not STAMP_YEARS[0] <= moment.year <= STAMP_YEARS[1]:
            raise InvalidInput(name, f"is not a time between {STAMP_YEARS[0]} and "
                                     f"{STAMP_YEARS[1]} as Clearheart writes it")


def _private_free(reason: str, row: Mapping[str, Any]) -> str:
    """`reason`, unless it quotes any of the row's own words, as they are or as a check may
    quote them: without the spaces around them, or written out by `repr` (a control
    character as `\x1b`)."""
    words = [
        form
        for value in row.values()
        for text in _strings(value)
        for form in {text, text.strip(), repr(text)[1:-1], repr(text.strip())[1:-1]}
        if len(form) >= 3
    ]
    if any(text in reason for text in words):
        return "is not a value Clearheart accepts"
    return reason


class RowChecker:
    """Checks an archive's rows in file order, remembering keys for duplicates and orphans."""

    def __init__(self) -> None:
        self.keys: dict[str, set[tuple[Any, ...]]] = {table.name: set() for table in TABLES}
        self.people: dict[int, dict[int, str]] = {}
        self._tables = {table.name: table for table in TABLES}

    def check(self, name: str, row: dict[str, Any]) -> None:
        """Raise InvalidInput naming the field at fault; otherwise remember the row's key."""
        table = self._tables[name]
        for column in table.columns:
            _column(column, row[column.name])
        self._identity(table, row)
        try:
            _stamps(row)
            if name == "chat_blocks":
                chat_repo.check_restored_block(row, self.people.get(row["chat_id"], {}))
            elif name in ROW_RULES:
                ROW_RULES[name](row)
        except InvalidInput as problem:
            raise InvalidInput(problem.field, _private_free(problem.reason, row)) from None
        except ClearheartError:
            raise InvalidInput("row", "is not a value Clearheart accepts") from None
        except _UNREADABLE:
            raise InvalidInput("row", "cannot be read back the way Clearheart reads it") \
                from None
        if name == "chat_participants":
            self.people.setdefault(row["chat_id"], {})[row["idx"]] = row["name"]
        self.keys[name].add(tuple(row[c.name] for c in table.primary_key.columns))

    def _identity(self, table: sa.Table, row: Mapping[str, Any]) -> None:
        key_columns = list(table.primary_key.columns)
        key = tuple(row[c.name] for c in key_columns)
        if key in self.keys[table.name]:
            raise InvalidInput(", ".join(c.name for c in key_columns),
                               "is the same as an earlier row's")
        for column in key_columns:
            if column.autoincrement is True and row[column.name] < 1:
                raise InvalidInput(column.name, "must be 1 or more")
        for column in table.columns:
            for foreign in column.foreign_keys:
                value = row[column.name]
                parent = foreign.column.table.name
                if value is not None and (value,) not in self.keys[parent]:
                    raise InvalidInput(column.name, f"points to a row of {parent} that is not "
                                                    "in the archive (or comes after it)")

