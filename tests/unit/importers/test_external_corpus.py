"""Other parsers' own sample exports, imported the way the app imports them.

`../shared/data/external-chats/` (beside the repository, never copied into it:
several files are GPL or AGPL) holds real exports from other projects' test
suites and `expected.json`, the parse each project expects. Every file is
staged under the name the app would give it, imported through ChatService
(detection, importer, store) with the entry's `args` and `me`, read back from
the vault and compared field by field as the file's "about" text describes.

Every file must parse exactly; without the folder every case is skipped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clearheart.domain.chat import Message
from clearheart.errors import ClearheartError
from clearheart.importers.base import DateOrder, Options
from clearheart.services.chats import ChatService
from clearheart.store.vault import Vault

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "external-chats"
EXPECTED = CORPUS / "expected.json"

def _entries() -> dict[str, dict[str, Any]]:
    if not EXPECTED.is_file():
        return {}
    files: dict[str, dict[str, Any]] = json.loads(EXPECTED.read_text("utf-8"))["files"]
    return files


ENTRIES = _entries()


def _cases() -> list[Any]:
    if not ENTRIES:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CORPUS} is not here"))]
    return [pytest.param(name, id=name) for name in ENTRIES]


class FixedClock:
    def now(self) -> datetime:
        return datetime(2025, 7, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sa.Engine]:
    """One vault for the module; each case deletes its chat again."""
    home = tmp_path_factory.mktemp("corpus-vault")
    vault = Vault.open_with_key(home, os.urandom(32))
    yield vault.engine
    vault.close()


@dataclass(frozen=True, slots=True)
class Parsed:
    format: str
    participants: tuple[str, ...]
    messages: list[Message]


def _options(args: list[str]) -> Options:
    order: DateOrder | None = None
    if args:
        assert args[0] == "--date-order" and len(args) == 2, f"unknown args {args}"
        order = args[1]  # type: ignore[assignment]
    return Options(date_order=order, tz=UTC)


def _import(engine: sa.Engine, name: str, entry: dict[str, Any], folder: Path) -> Parsed:
    staged = folder / (entry.get("stage_as") or name)
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CORPUS / name, staged)
    chats = ChatService(engine, FixedClock())
    summary = chats.import_chat(
        staged, me=entry.get("me"), options=_options(entry.get("args") or [])
    )
    try:
        return Parsed(summary.format, summary.participants, list(chats.messages(summary.chat_id)))
    finally:
        chats.delete(summary.chat_id)


def _text(text: str, how: str) -> str:
    if how == "ws":
        return re.sub(r"\s+", " ", text).strip()
    if how == "rstrip":
        return text.rstrip()
    return text


def _at(ts: datetime, precision: str | None) -> str:
    if precision == "minute":
        ts = ts.replace(second=0, microsecond=0)
    elif precision == "second":
        ts = ts.replace(microsecond=0)
    return ts.isoformat()


def _expected_at(shown: str, precision: str | None) -> str:
    return _at(datetime.fromisoformat(shown), precision)


def _row(message: Message, want: dict[str, Any], how: str, precision: str | None) -> dict[str, Any]:
    """The message's fields that `want` asserts (not null), in the same form."""
    got: dict[str, Any] = {}
    if want.get("ts") is not None:
        got["ts"] = _at(message.ts, precision)
    if want.get("sender") is not None:
        got["sender"] = message.sender
    if want.get("kind") is not None:
        got["kind"] = message.kind.value
    if want.get("text") is not None:
        got["text"] = _text(message.text, how)
    return got


def _want(want: dict[str, Any], how: str, precision: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key in ("ts", "sender", "kind", "text"):
        value = want.get(key)
        if value is None:
            continue
        if key == "ts":
            value = _expected_at(value, precision)
        elif key == "text":
            value = _text(value, how)
        found[key] = value
    return found


def _problems(entry: dict[str, Any], parsed: Parsed) -> list[str]:
    """Every way the import departs from the entry, one readable line each."""
    problems: list[str] = []
    how = entry.get("text_compare") or "exact"
    precision = entry.get("ts_precision")
    kinds = set(entry["count_kinds"])
    counted = [m for m in parsed.messages if m.kind.value in kinds]
    if parsed.format != entry["format"]:
        problems.append(f"format: got {parsed.format}, want {entry['format']}")
    if sorted(parsed.participants) != sorted(entry["participants"]):
        problems.append(
            f"participants: got {sorted(parsed.participants)}, want {sorted(entry['participants'])}"
        )
    if len(counted) != entry["count"]:
        problems.append(f"count of {sorted(kinds)}: got {len(counted)}, want {entry['count']}")
    for edge, pick in (("first", min), ("last", max)):
        if entry.get(edge) is None:
            continue
        got = _at(pick(m.ts for m in counted), precision) if counted else None
        if got != _expected_at(entry[edge], precision):
            problems.append(f"{edge}: got {got}, want {entry[edge]}")
    wanted = entry.get("messages") or []
    if entry.get("messages_complete"):
        # Order is not asserted (peers sort ties and out-of-order lines differently):
        # each expected message takes one matching import, and none may be left over.
        left = list(counted)
        for want_raw in wanted:
            want = _want(want_raw, how, precision)
            match = next((m for m in left if _row(m, want_raw, how, precision) == want), None)
            if match is None:
                problems.append(f"missing message {want}")
            else:
                left.remove(match)
        everything = {"ts": 1, "sender": 1, "kind": 1, "text": 1}
        problems.extend(f"unexpected message {_row(m, everything, how, precision)}" for m in left)
    else:
        for want_raw in wanted:
            want = _want(want_raw, how, precision)
            if not any(_row(m, want_raw, how, precision) == want for m in counted):
                near = [
                    _row(m, want_raw, how, precision)
                    for m in counted
                    if m.sender == want_raw.get("sender")
                ][:3]
                problems.append(f"missing message {want}; from that sender: {near}")
    notices = {_text(m.text, how) for m in parsed.messages if m.kind.value == "system"}
    for text in entry.get("system_texts") or []:
        if _text(text, how) not in notices:
            problems.append(f"missing system notice {text!r}; notices: {sorted(notices)}")
    return problems


@pytest.mark.parametrize("name", _cases())
def test_a_peer_sample_parses_as_its_project_expects(
    name: str, engine: sa.Engine, tmp_path: Path
) -> None:
    entry = ENTRIES[name]
    try:
        parsed = _import(engine, name, entry, tmp_path)
    except ClearheartError as error:
        pytest.fail(f"{name} was refused: {error.message}", pytrace=False)
    problems = _problems(entry, parsed)
    assert not problems, f"{name} ({entry['format']}):\n  " + "\n  ".join(problems)


def test_the_corpus_entries_say_how_to_compare() -> None:
    """Every entry uses only the fields and comparisons this test understands."""
    known = {
        "source",
        "peer",
        "stage_as",
        "format",
        "me",
        "args",
        "participants",
        "count",
        "count_kinds",
        "first",
        "last",
        "ts_precision",
        "text_compare",
        "messages",
        "messages_complete",
        "system_texts",
        "notes",
        "peer_call",
    }
    for name, entry in ENTRIES.items():
        assert set(entry) <= known, (name, set(entry) - known)
        assert entry.get("text_compare", "exact") in ("exact", "ws", "rstrip"), name
        assert entry.get("ts_precision") in (None, "minute", "second"), name
