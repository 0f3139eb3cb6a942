"""A hand-made plain archive cannot restore values the app cannot live with (issue 10, #5).

Every row is checked with the rules of normal writes before anything is written:
either the archive restores and every service's read methods still work on it, or
it is refused with a message naming line, table, row and field (never the row's
words) and the vault is exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clearheart
from clearheart.domain.decide import Option, Plan
from clearheart.domain.promise import Part as PromisePart
from clearheart.errors import ArchiveInvalid
from clearheart.services import archive
from clearheart.services.workspace import Workspace
from clearheart.store.schema import TABLES
from clearheart.store.vault import Vault

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
EXAMPLES = int(os.environ.get("CLEARHEART_RESTORE_EXAMPLES", "40"))
SECRET = "Zq-private-words-Zq"
"""Written into every text the tests mutate: it must never appear in a refusal."""

Line = dict[str, Any]


@dataclass
class Clock:
    moment: datetime = NOW

    def now(self) -> datetime:
        return self.moment


@pytest.fixture(scope="module")
def valid_lines(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, tuple[Line, ...]]:
    """A demo vault with a row in every table, exported plain: (header, row lines)."""
    from clearheart.demo import build_demo

    folder = tmp_path_factory.mktemp("source")
    workspace = build_demo(folder / "vault", "a demo passphrase here", today=NOW.date())
    try:
        builtin = Path(clearheart.__file__).parent / "content/instruments/en/how-satisfied.toml"
        source = builtin.read_text()
        first = source.index('id = "') + len('id = "')
        workspace.assess.load(source[:first] + "mine-" + source[first:], "mine.toml")
        workspace.pause.hold(f"{SECRET} held", 20)
        workspace.decide.choose(Plan(Option.PAUSE, NOW.date(), pause_days=14,
                                     boundaries=(f"{SECRET} boundary",)), NOW)
        pinned = workspace.journal.add(f"{SECRET} pinned, but when it's good it's so good")
        workspace.promise.save([PromisePart("us", "Us", f"{SECRET} hoped")], NOW)
        workspace.promise.pin("us", pinned.id, NOW)
        workspace.nudges.dismiss(pinned.id, "highs", NOW)
        workspace.dating.reword([f"{SECRET} commitment", "", ""], NOW)
        workspace.safety.unsafe()
        out = folder / "plain.jsonl"
        archive.export(workspace.vault.engine, out, None, NOW)
    finally:
        workspace.close()
    header, *rows = out.read_bytes().splitlines()
    lines = tuple(json.loads(row) for row in rows)
    assert {line["table"] for line in lines} == {table.name for table in TABLES}
    return header, lines


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Vault]:
    home = tmp_path / "target"
    home.mkdir()
    vault = Vault.open_with_key(home, os.urandom(32))
    yield vault
    vault.close()


def _write(path: Path, header: bytes, lines: list[Line]) -> Path:
    """The lines under `header`, its table counts set to match them."""
    body = b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines)
    counts = {table.name: 0 for table in TABLES}
    for line in lines:
        counts[line["table"]] = counts.get(line["table"], 0) + 1
    head = json.loads(header)
    head["tables"] = {name: n for name, n in counts.items() if name in head["tables"] or n}
    path.write_bytes(json.dumps(head).encode() + b"\n" + body)
    return path


def _reads_everything(vault: Vault) -> None:
    """Every service's read methods over the restored vault (what pages and commands call)."""
    ws = Workspace(vault, Clock())
    ws.preferences()
    ws.vault_id()
    ws.journal.page()
    ws.journal.all()
    ws.practices.today()
    ws.practices.history()
    ws.help.plan()
    ws.help.country()
    ws.safety.gate()
    for chat in ws.chats.chats():
        list(ws.chats.messages(chat.id))
    for cycle in ws.cycle.list():
        ws.cycle.svg(cycle.id)
        ws.cycle.step_counts(cycle.id)
    ws.log.list()
    ws.log.weekly()
    ws.log.cycle_steps()
    ws.pause.list()
    for instrument in ws.assess.instruments():
        # As the pages read them: per person for per-person questionnaires.
        subjects = ws.assess.subjects(instrument.id) if instrument.per_person else [None]
        for subject in subjects:
            for result in ws.assess.results(instrument.id, subject):
                ws.assess.scores(result)
            ws.assess.history(instrument.id, subject)
            ws.assess.changes(instrument.id, subject)
    ws.assess.counts()
    ws.decide.aid().order()
    ws.decide.progress()
    ws.decide.history()
    ws.lessons.marked(ws.lessons.all().lessons)


def _restore_or_refuse(vault: Vault, path: Path, private: list[str]) -> str | None:
    """Restore `path`; on refusal check nothing changed and no private text shows."""
    before = archive.snapshot(vault.engine)
    refusal: str | None = None
    try:
        opened = archive.open_archive(path, None)
        try:
            archive.restore(vault.engine, opened, path.parent)
        finally:
            opened.close()
    except ArchiveInvalid as refused:
        refusal = refused.message
    if refusal is None:
        _reads_everything(vault)
        return None
    assert archive.snapshot(vault.engine) == before
    assert not any(word in refusal for word in private if len(word) >= 6)
    return refusal


VOCABULARY = re.compile(r"[a-z0-9_-]+")
"""The app's own ids (a log kind, a stage, a rating): public words a refusal may list as
the allowed values, so never private text."""


def _texts(line: Line) -> list[str]:
    return [v for v in line["row"].values()
            if isinstance(v, str) and not VOCABULARY.fullmatch(v)]


def test_the_valid_archive_restores_and_reads(valid_lines: tuple[bytes, tuple[Line, ...]],
                                              fresh: Vault, tmp_path: Path) -> None:
    header, lines = valid_lines
    assert _restore_or_refuse(fresh, _write(tmp_path / "ok.jsonl", header, list(lines)), []) \
        is None


def _first(lines: tuple[Line, ...], table: str) -> int:
    return next(i for i, line in enumerate(lines) if line["table"] == table)


def _mutated(lines: tuple[Line, ...], table: str, **values: Any) -> list[Line]:
    out = [json.loads(json.dumps(line)) for line in lines]
    out[_first(lines, table)]["row"].update(values)
    return out


REVIEW_CASES = {
    "settings that make every unlock fail": (
        "settings", {"key": "preferences", "value": {"idle_minutes": 0}}, "settings"),
    "a mood of 9": ("journal_entries", {"mood": 9}, "mood"),
    "a date that is not a date": ("journal_entries", {"created_at": "yesterday"}, "created_at"),
    "an offset beyond a day": ("journal_entries", {"utc_offset": 99_999}, "utc_offset"),
    "a year past any calendar": ("journal_entries",
                                 {"created_at": "9999-12-31T23:59:59.000000Z"}, "created_at"),
    "an orphan chat block": ("chat_blocks", {"chat_id": 4242}, "chat_id"),
    "an orphan behaviour link": ("behaviour_log", {"cycle_map_id": 4242}, "cycle_map_id"),
    "a huge text": ("held_drafts", {"text": SECRET * 200_000}, "text"),
    "a status the pen does not know": ("held_drafts", {"status": f"{SECRET}"}, "status"),
    "a tag quoting private words": ("journal_entries", {"tags": [f"{SECRET}!"]}, "tags"),
    "a boolean that is text": ("safety_events", {"unsafe": "yes"}, "unsafe"),
    "a log kind of private words with a space after": (
        "behaviour_log", {"kind": f"{SECRET} "}, "kind"),
    "a log kind of private words with a control character": (
        "behaviour_log", {"kind": f"{SECRET}\x1b"}, "kind"),
    "a zero id": ("cycle_maps", {"id": 0}, "id"),
    "a lesson read under private words": ("lesson_reads", {"lesson_id": f"{SECRET} x"},
                                          "lesson_id"),
    "a lesson read of version 0": ("lesson_reads", {"version": 0}, "version"),
}


@pytest.mark.parametrize("case", list(REVIEW_CASES))
def test_values_the_app_cannot_live_with_are_refused(
    case: str, valid_lines: tuple[bytes, tuple[Line, ...]], fresh: Vault, tmp_path: Path
) -> None:
    table, values, field = REVIEW_CASES[case]
    header, lines = valid_lines
    path = _write(tmp_path / "bad.jsonl", header, _mutated(lines, table, **values))
    message = _restore_or_refuse(fresh, path, [SECRET, *_texts(lines[_first(lines, table)])])
    assert message is not None, f"{case} was restored"
    assert f"of {table})" in message and field in message and "row " in message


def test_a_duplicate_id_is_refused_without_its_text(
    valid_lines: tuple[bytes, tuple[Line, ...]], fresh: Vault, tmp_path: Path
) -> None:
    header, lines = valid_lines
    at = _first(lines, "journal_entries")
    twin = json.loads(json.dumps(lines[at]))
    twin["row"]["text"] = SECRET
    path = _write(tmp_path / "twin.jsonl", header, [*lines[: at + 1], twin, *lines[at + 1:]])
    message = _restore_or_refuse(fresh, path, [SECRET, *_texts(lines[at])])
    assert message is not None and "is the same as an earlier row's" in message


def test_json_nested_a_hundred_thousand_deep_is_refused(
    valid_lines: tuple[bytes, tuple[Line, ...]], fresh: Vault, tmp_path: Path
) -> None:
    header, lines = valid_lines
    path = _write(tmp_path / "deep.jsonl", header, list(lines))
    deep = b'{"table":"settings","row":{"key":"x","value":' + b"[" * 100_000 + b"]" * 100_000
    path.write_bytes(path.read_bytes() + deep + b"}}\n")
    message = _restore_or_refuse(fresh, path, [])
    assert message is not None and "too deeply" in message


MUTATIONS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True), st.text(max_size=20).map(lambda t: SECRET + t),
    st.sampled_from(["", "2026-13-40T25:61:61.000000Z", "0001-01-01T00:00:00.000000Z",
                     "2026-06-30", "9999-12-31T23:59:59.999999Z", "\x00", SECRET * 70_000]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.integers(min_value=1, max_value=60).map(lambda n: json.loads("[" * n + "]" * n)),
)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_any_mutation_restores_readably_or_is_refused_cleanly(
    data: st.DataObject, valid_lines: tuple[bytes, tuple[Line, ...]], tmp_path_factory:
    pytest.TempPathFactory
) -> None:
    header, lines = valid_lines
    edited = [json.loads(json.dumps(line)) for line in lines]
    at = data.draw(st.integers(0, len(edited) - 1), label="line")
    kind = data.draw(st.sampled_from(["value", "duplicate", "drop"]), label="kind")
    private = [SECRET, *_texts(lines[at])]
    if kind == "value":
        column = data.draw(st.sampled_from(sorted(edited[at]["row"])), label="column")
        edited[at]["row"][column] = data.draw(MUTATIONS, label="value")
    elif kind == "duplicate":
        edited.insert(at + 1, json.loads(json.dumps(edited[at])))
    else:
        del edited[at]
    folder = tmp_path_factory.mktemp("mutant")
    (folder / "target").mkdir()
    vault = Vault.open_with_key(folder / "target", os.urandom(32))
    try:
        _restore_or_refuse(vault, _write(folder / "mutant.jsonl", header, edited), private)
    finally:
        vault.close()


def test_restore_leaves_the_target_untouched_when_refused_late(
    valid_lines: tuple[bytes, tuple[Line, ...]], fresh: Vault, tmp_path: Path
) -> None:
    """The last row is bad: nothing of the rows before it may stay behind."""
    header, lines = valid_lines
    bad = [*lines, {"table": "safety_events", "row": {**lines[_first(lines, "safety_events")]
                                                       ["row"], "id": 77, "at": "soon"}}]
    counts_before = {name: len(rows) for name, rows in archive.snapshot(fresh.engine).items()}
    assert _restore_or_refuse(fresh, _write(tmp_path / "late.jsonl", header, bad), []) \
        is not None
    assert {n: len(r) for n, r in archive.snapshot(fresh.engine).items()} == counts_before
