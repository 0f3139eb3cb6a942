"""Telegram Desktop JSON: every variant we have a fixture for, hostile files, and a round trip."""

from __future__ import annotations

import contextlib
import json
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.importers import json_stream, telegram
from clearheart.importers.base import ChatChoiceNeeded, ImportProblem, Limits, Options

DATA = Path(__file__).resolve().parents[2] / "data" / "telegram"
SINGLE = DATA / "single" / "result.json"
FULL = DATA / "full" / "result.json"


def read(path: Path, **options: Any) -> tuple[Any, list[Message]]:
    source = telegram.open_source(path, Options(**options))
    return source, list(source.messages())


def write(path: Path, doc: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def chat(name: str | None, ident: int, messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "type": "personal_chat", "id": ident, "messages": messages}


def text_message(
    ident: int, sender: str, text: Any, date: str = "2023-01-02T13:45:00"
) -> dict[str, Any]:
    return {"id": ident, "type": "message", "date": date, "date_unixtime": "1672663500",
            "from": sender, "from_id": f"user{ident}", "text": text}


# --- the fixtures ----------------------------------------------------------------------


def test_single_chat_reads_every_kind_in_order() -> None:
    source, messages = read(SINGLE)
    assert source.format == "telegram"
    assert source.title == "Sam Rivera"
    assert [(m.ts, m.sender, m.kind, m.text, m.edited) for m in messages] == [
        (datetime(2023, 1, 2, 13, 45), "Alex Kim", Kind.TEXT,
         "Hey, are we still on for Friday?", False),
        (datetime(2023, 1, 2, 14, 2, 31), "Sam Rivera", Kind.TEXT,
         "Yes! Definitely. Look: https://example.org/menu\nSee you at 7", False),
        (datetime(2023, 1, 2, 14, 5, 10), "Alex Kim", Kind.TEXT, "Great, I booked the table",
         True),
        (datetime(2023, 1, 2, 14, 7, 44), "Sam Rivera", Kind.MEDIA, "the view from here", False),
        (datetime(2023, 1, 2, 14, 8, 1), "Alex Kim", Kind.MEDIA, "😍", False),
        (datetime(2023, 1, 3, 9, 15), "Alex Kim", Kind.MEDIA, "voice message", False),
        (datetime(2023, 1, 3, 20, 30, 12), "Alex Kim", Kind.CALL, "Missed call", False),
        (datetime(2023, 1, 3, 20, 41, 5), "Sam Rivera", Kind.CALL, "Call, 312 s", False),
        (datetime(2023, 1, 4, 8, 0), "", Kind.SYSTEM, "Sam Rivera pinned a message", False),
        (datetime(2023, 1, 4, 8, 1, 30), "Sam Rivera", Kind.TEXT,
         "Forwarded: hiking on Sunday?", False),
        (datetime(2023, 1, 4, 22, 10), "Alex Kim", Kind.MEDIA, "video", False),
        (datetime(2023, 1, 5, 7, 30), "user9999", Kind.TEXT,
         "message from an account that was deleted", False),
    ]
    assert source.warnings == [
        "Skipped 1 message Telegram marks 'unsupported' (they carry no date or sender)."
    ]


def test_the_folder_and_the_file_read_alike() -> None:
    assert read(SINGLE.parent)[1] == read(SINGLE)[1]


def test_a_zip_of_the_export_folder_reads_alike(tmp_path: Path) -> None:
    archive = tmp_path / "ChatExport.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(SINGLE, "ChatExport_2023-01-05/result.json")
        out.writestr("ChatExport_2023-01-05/photos/photo_1.jpg", b"\xff\xd8not really")
    assert read(archive)[1] == read(SINGLE)[1]


def test_control_characters_written_as_backslash_x_are_repaired() -> None:
    source, messages = read(DATA / "escapes" / "result.json")
    assert messages[0].text == "odd\x0bcharacter and a real backslash \\x41"
    assert source.warnings == [
        "Repaired 2 invalid \\x escapes that Telegram Desktop writes for control characters."
    ]


def test_sniff_knows_exports_and_nothing_else(tmp_path: Path) -> None:
    assert telegram.sniff(SINGLE)
    assert telegram.sniff(SINGLE.parent)
    assert telegram.sniff(FULL)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(SINGLE, "ChatExport/result.json")
    assert telegram.sniff(archive)
    messenger_file = write(tmp_path / "message_1.json", {"participants": [], "messages": []})
    assert not telegram.sniff(messenger_file)
    assert not telegram.sniff(write(tmp_path / "other.json", [1, 2, 3]))
    (tmp_path / "chat.txt").write_text("[01/02/23, 13:45:00] Sam: hi\n")
    assert not telegram.sniff(tmp_path / "chat.txt")
    assert not telegram.sniff(tmp_path / "missing.json")


# --- a whole account ---------------------------------------------------------------------


def test_a_full_export_asks_which_chat() -> None:
    with pytest.raises(ChatChoiceNeeded) as caught:
        telegram.open_source(FULL, Options())
    assert caught.value.choices == (
        "Saved Messages (id 1111)", "Sam Rivera (id 4242424242)", "Book club (id 777)",
    )
    assert "--chat" in caught.value.message


@pytest.mark.parametrize("wanted", ["sam rivera", "Sam Rivera", "4242424242"])
def test_a_full_export_reads_the_chosen_chat(wanted: str) -> None:
    source, messages = read(FULL, chat=wanted)
    assert source.title == "Sam Rivera"
    assert [(m.sender, m.text) for m in messages] == [
        ("Alex Kim", "Hey, are we still on for Friday?"), ("Sam Rivera", "Yes!"),
    ]


def test_a_group_chosen_by_id_keeps_service_notices_apart() -> None:
    source, messages = read(FULL.parent, chat="777")
    assert source.title == "Book club"
    assert [(m.sender, m.kind, m.text) for m in messages] == [
        ("", Kind.SYSTEM, "Alex Kim created the group: Book club"),
        ("Jo Park", Kind.TEXT, 'Hi all [{"not": "json"}]'),
    ]


def test_an_unknown_chat_lists_the_choices() -> None:
    source = telegram.open_source(FULL, Options(chat="nobody"))
    with pytest.raises(ChatChoiceNeeded) as caught:
        list(source.messages())
    assert "Book club (id 777)" in caught.value.choices


def test_two_chats_with_one_name_must_be_chosen_by_id(tmp_path: Path) -> None:
    path = write(tmp_path / "result.json", {"about": "Telegram", "chats": {"list": [
        chat("Sam", 1, [text_message(1, "Sam", "one")]),
        chat("Sam", 2, [text_message(2, "Sam", "two")]),
    ]}})
    source = telegram.open_source(path, Options(chat="Sam"))
    with pytest.raises(ChatChoiceNeeded) as caught:
        list(source.messages())
    assert caught.value.choices == ("Sam (id 1)", "Sam (id 2)")
    assert [m.text for m in read(path, chat="2")[1]] == ["two"]


def test_a_full_export_with_one_chat_needs_no_choice(tmp_path: Path) -> None:
    path = write(tmp_path / "result.json", {"about": "Telegram", "chats": {"list": [
        chat("Sam", 1, [text_message(1, "Sam", "only")])]}})
    source, messages = read(path)
    assert source.title == "Sam"
    assert [m.text for m in messages] == ["only"]


def test_without_a_local_date_the_epoch_is_shown_in_the_chosen_zone(tmp_path: Path) -> None:
    record = {"id": 1, "type": "message", "date_unixtime": "1672663500", "from": "Sam",
              "text": "hi"}
    path = write(tmp_path / "result.json", chat("Sam", 1, [record]))
    plus_two = timezone(timedelta(hours=2))
    assert read(path, tz=plus_two)[1][0].ts == datetime(2023, 1, 2, 14, 45)


# --- hostile and broken files -------------------------------------------------------------


def problem(path: Path, **options: Any) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        read(path, **options)
    return caught.value


def test_a_truncated_file_names_the_file_and_line(tmp_path: Path) -> None:
    cut = SINGLE.read_bytes()[:2000]
    path = tmp_path / "result.json"
    path.write_bytes(cut)
    found = problem(path)
    assert found.path == path
    assert found.line == cut.count(b"\n") + 1
    assert "cut off" in found.reason
    assert "Nothing was imported" in found.message


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(SINGLE.read_bytes().replace("😍".encode(), b"\xff\xfe", 1))
    found = problem(path)
    assert "not valid UTF-8" in found.reason
    assert found.line == 1 + SINGLE.read_text().split("😍")[0].count("\n")


@pytest.mark.parametrize("depth", [70, 100_000])
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"name": "x", "type": "personal_chat", "id": 1, "messages": ['
                    + "[" * depth + "]" * depth + "]}")
    assert "nested more than 64 levels" in problem(path).reason


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    assert "1000 bytes" in problem(SINGLE, limits=Limits(max_file_bytes=1000)).reason


def test_a_record_over_the_length_cap_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "result.json", chat("Sam", 1, [text_message(1, "Sam", "x" * 5000)]))
    assert "max_line_chars" in problem(path, limits=Limits(max_line_chars=1000)).reason


def test_a_zip_that_climbs_out_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(SINGLE, "../../result.json")
    found = problem(archive)
    assert found.path == archive


def test_a_folder_without_result_json_says_how_to_export(tmp_path: Path) -> None:
    (tmp_path / "messages.html").write_text("<html></html>")
    assert "format set to JSON" in problem(tmp_path).reason


@pytest.mark.parametrize("content", ["[1, 2]", '{"about": "x", "other": 1}', "", "{"])
def test_json_that_is_not_an_export_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content)
    problem(path)


def test_a_message_without_a_date_is_refused_with_its_line(tmp_path: Path) -> None:
    record = {"id": 1, "type": "message", "from": "Sam", "text": "hi"}
    path = write(tmp_path / "result.json", chat("Sam", 1, [record]))
    found = problem(path)
    assert "without a readable date" in found.reason
    assert found.line is not None


def test_garbage_after_the_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(SINGLE.read_text() + "\n{}")
    assert "after the end" in problem(path).reason


# --- render -> parse round trip -------------------------------------------------------------

NAMES = st.sampled_from(["Sam Rivera", "Alex Kim", "Ёлка 🎄", 'quote " and \\ slash'])
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
TIMES = st.datetimes(datetime(2001, 1, 1), datetime(2037, 1, 1)).map(
    lambda t: t.replace(microsecond=0))


@st.composite
def messages(draw: st.DrawFn) -> tuple[Message, dict[str, Any]]:
    """A Message and the record Telegram Desktop would write for it."""
    ts = draw(TIMES)
    kind = draw(st.sampled_from([Kind.TEXT, Kind.MEDIA, Kind.CALL, Kind.SYSTEM]))
    sender = draw(NAMES)
    edited = draw(st.booleans())
    record: dict[str, Any] = {"id": 1, "date": ts.isoformat(),
                              "date_unixtime": str(int(ts.replace(tzinfo=UTC).timestamp()))}
    if edited:
        record["edited"] = ts.isoformat()
    if kind is Kind.CALL:
        seconds = draw(st.integers(0, 5000))
        record |= {"type": "service", "actor": sender, "action": "phone_call",
                   "discard_reason": "missed" if seconds == 0 else "hangup"}
        if seconds:
            record["duration_seconds"] = seconds
        return Message(ts, sender, kind, f"Call, {seconds} s" if seconds else "Missed call",
                       edited), record
    if kind is Kind.SYSTEM:
        text = draw(TEXT.filter(bool))
        record |= {"type": "service", "actor": sender, "information_text": text, "text": ""}
        return Message(ts, "", kind, text, edited), record
    text = draw(TEXT)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    rich = [p if i % 2 == 0 else {"type": "bold", "text": p} for i, p in enumerate(pieces)]
    record |= {"type": "message", "from": sender,
               "text": rich if draw(st.booleans()) else text}
    if kind is Kind.MEDIA:
        record |= {"photo": "photos/p.jpg", "width": 1, "height": 1}
        return Message(ts, sender, kind, text if text.strip() else "photo", edited), record
    return Message(ts, sender, kind, text, edited), record


@settings(max_examples=60, deadline=None)
@given(st.lists(messages(), max_size=12), st.sampled_from([1, 3, 64, 1 << 16]),
       st.booleans())
def test_render_then_parse_gives_the_same_messages(
    tmp_path_factory: pytest.TempPathFactory,
    pairs: list[tuple[Message, dict[str, Any]]],
    chunk: int,
    whole_account: bool,
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    body = chat("Sam Rivera", 42, [record for _, record in pairs])
    doc = {"about": "Telegram", "chats": {"about": "", "list": [body]}} if whole_account else body
    path = write(folder / "result.json", doc)
    with patch.object(json_stream, "_CHUNK", chunk):
        assert read(path)[1] == [message for message, _ in pairs]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_damage_is_an_import_problem_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    damaged = bytearray(SINGLE.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        junk = data.draw(st.binary(max_size=6) | st.sampled_from([b"{", b"]", b'"', b"\\", b""]))
        damaged[at:at + data.draw(st.integers(0, 8))] = junk
    path = tmp_path_factory.mktemp("damaged") / "result.json"
    path.write_bytes(bytes(damaged))
    with contextlib.suppress(ImportProblem):
        list(telegram.open_source(path, Options()).messages())
