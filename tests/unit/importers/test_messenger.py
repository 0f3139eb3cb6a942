"""Messenger and Instagram JSON: order across files, mojibake, kinds, hostile files, round trip."""

from __future__ import annotations

import contextlib
import json
import shutil
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.importers import messenger
from clearheart.importers.base import ChatChoiceNeeded, ImportProblem, Limits, Options

DATA = Path(__file__).resolve().parents[2] / "data"
THREAD = DATA / "messenger" / "messages" / "inbox" / "samrivera_10158822"
INSTAGRAM = DATA / "instagram"
PLUS_ONE = timezone(timedelta(hours=1))


def read(path: Path, **options: Any) -> tuple[Any, list[Message]]:
    options.setdefault("tz", UTC)
    source = messenger.open_source(path, Options(**options))
    return source, list(source.messages())


def mojibake(value: Any) -> Any:
    """What Meta does to every string: UTF-8 bytes read back as Latin-1 characters."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [mojibake(item) for item in value]
    if isinstance(value, dict):
        return {key: mojibake(item) for key, item in value.items()}
    return value


def write(path: Path, messages: list[dict[str, Any]], title: str = "Sam Rivera") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"participants": [{"name": "Sam Rivera"}, {"name": "Alex Kim"}], "messages": messages,
           "title": title, "is_still_participant": True, "thread_path": "inbox/x"}
    path.write_text(json.dumps(mojibake(doc), indent=2))
    return path


def at(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


# --- the fixtures ----------------------------------------------------------------------


EXPECTED = [
    (datetime(2023, 3, 1, 8, 59), "", Kind.SYSTEM, "You are now connected on Messenger"),
    (datetime(2023, 3, 1, 9, 0), "Alex Kim", Kind.TEXT, "Hi Sam! Café tomorrow? ☕"),
    (datetime(2023, 3, 1, 9, 5), "Sam Rivera", Kind.TEXT, "Sure 😊 — at 10?"),
    (datetime(2023, 3, 1, 9, 6), "Sam Rivera", Kind.MEDIA, "photo"),
    (datetime(2023, 3, 2, 10, 0), "Alex Kim", Kind.CALL, "Sam Rivera missed your call."),
    (datetime(2023, 3, 2, 10, 2), "Sam Rivera", Kind.CALL, "Sam Rivera called you."),
    (datetime(2023, 3, 2, 10, 5), "Alex Kim", Kind.DELETED, "unsent"),
    (datetime(2023, 3, 2, 10, 6), "", Kind.SYSTEM, "Reacted ❤️ to your message "),
    (datetime(2023, 3, 2, 10, 7), "Alex Kim", Kind.TEXT, "https://example.org/brunch"),
    (datetime(2023, 3, 2, 10, 8), "Sam Rivera", Kind.MEDIA, "voice message"),
    (datetime(2023, 3, 2, 10, 9), "Sam Rivera", Kind.MEDIA, "sticker"),
    (datetime(2023, 3, 2, 10, 10), "Alex Kim", Kind.TEXT, "line one\nline two: mañana"),
    (datetime(2023, 3, 2, 10, 11), "Sam Rivera", Kind.TEXT, "first"),
    (datetime(2023, 3, 2, 10, 11), "Sam Rivera", Kind.TEXT, "second"),
]


def test_a_thread_reads_oldest_first_across_files_with_text_repaired() -> None:
    source, messages = read(THREAD)
    assert source.format == "messenger"
    assert source.title == "Sam Rivera"
    assert [(m.ts, m.sender, m.kind, m.text) for m in messages] == EXPECTED
    assert source.warnings == [
        "Repaired 4 texts that the download wrote as mis-decoded UTF-8 (like 'Ã©' for 'é')."
    ]


@pytest.mark.parametrize("given", [THREAD / "message_1.json", THREAD / "message_2.json",
                                   DATA / "messenger"])
def test_one_file_or_the_download_folder_reads_the_whole_thread(given: Path) -> None:
    assert [(m.ts, m.sender, m.kind, m.text) for m in read(given)[1]] == EXPECTED


def test_a_zip_of_the_download_reads_the_thread(tmp_path: Path) -> None:
    archive = tmp_path / "facebook-alexkim-2024.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for file in THREAD.iterdir():
            out.write(file, f"your_facebook_activity/messages/inbox/{THREAD.name}/{file.name}")
    assert read(archive)[1] == read(THREAD)[1]


def test_times_are_shown_in_the_chosen_zone() -> None:
    assert read(THREAD, tz=PLUS_ONE)[1][0].ts == datetime(2023, 3, 1, 9, 59)


def test_instagram_is_told_apart_by_its_path() -> None:
    source, messages = read(INSTAGRAM)
    assert source.format == "instagram"
    assert source.title == "sam.rivera"
    assert [(m.sender, m.kind, m.text) for m in messages] == [
        ("alex.kim", Kind.TEXT, "C'est génial 🎉"),
        ("sam.rivera", Kind.MEDIA, "sam.rivera sent an attachment."),
        ("", Kind.SYSTEM, "Liked a message"),
        ("sam.rivera", Kind.CALL, "Audio call ended"),
    ]
    assert messenger.open_source(THREAD, Options(), as_format="instagram").format == "instagram"


def test_sniff(tmp_path: Path) -> None:
    assert messenger.sniff(THREAD)
    assert messenger.sniff(THREAD / "message_1.json")
    assert messenger.sniff(DATA / "messenger")
    assert messenger.sniff(INSTAGRAM)
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(THREAD / "message_1.json", "messages/inbox/x_1/message_1.json")
    assert messenger.sniff(archive)
    assert not messenger.sniff(DATA / "telegram" / "single" / "result.json")
    assert not messenger.sniff(tmp_path / "nothing-here")


def test_many_threads_ask_which_one(tmp_path: Path) -> None:
    inbox = tmp_path / "messages" / "inbox"
    write(inbox / "samrivera_1" / "message_1.json", [], "Sam Rivera")
    write(inbox / "jopark_2" / "message_1.json",
          [{"sender_name": "Jo Park", "timestamp_ms": at("2023-01-01T00:00:00"), "content": "hi"}],
          "Jo Park")
    with pytest.raises(ChatChoiceNeeded) as caught:
        read(tmp_path)
    assert caught.value.choices == ("inbox/jopark_2", "inbox/samrivera_1")
    source, messages = read(tmp_path, chat="jopark")
    assert source.title == "Jo Park"
    assert [m.text for m in messages] == ["hi"]


def test_older_kinds_of_message(tmp_path: Path) -> None:
    path = write(tmp_path / "t" / "message_1.json", [
        {"sender_name": "Jo Park", "timestamp_ms": at("2016-01-01T10:05:00"), "type": "Unsubscribe",
         "content": "Jo Park left the group.", "users": [{"name": "Jo Park"}]},
        {"sender_name": "Sam Rivera", "timestamp_ms": at("2016-01-01T10:04:00"), "type": "Call",
         "content": "Sam Rivera started a video chat.", "call_duration": 30},
        {"sender_name": "Sam Rivera", "timestamp_ms": at("2016-01-01T10:03:00"), "type": "Share",
         "share": {"link": "https://example.org/x"}},
        {"sender_name": "Sam Rivera", "timestamp_ms": at("2016-01-01T10:02:00"),
         "gifs": [{"uri": "g.gif"}], "content": "ha"},
        {"sender_name": "Sam Rivera", "timestamp": 1451642460, "content": "seconds, not ms"},
    ])
    assert [(m.kind, m.text) for m in read(path)[1]] == [
        (Kind.TEXT, "seconds, not ms"),
        (Kind.MEDIA, "ha"),
        (Kind.TEXT, "https://example.org/x"),
        (Kind.CALL, "Sam Rivera started a video chat."),
        (Kind.SYSTEM, "Jo Park left the group."),
    ]


def test_text_that_is_not_mojibake_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "t" / "message_1.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"messages": [
        {"sender_name": "Zoë", "timestamp_ms": 0, "content": "café 👍"}]}))
    source, messages = read(path)
    assert (messages[0].sender, messages[0].text) == ("Zoë", "café 👍")
    assert source.warnings == []


# --- hostile and broken files -------------------------------------------------------------


def problem(path: Path, **options: Any) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        read(path, **options)
    return caught.value


def test_a_truncated_file_names_the_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    shutil.copytree(THREAD, folder)
    whole = (folder / "message_2.json").read_bytes()
    (folder / "message_2.json").write_bytes(whole[:600])
    found = problem(folder)
    assert found.path == folder / "message_2.json"
    assert found.line == whole[:600].count(b"\n") + 1


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "t" / "message_1.json"
    path.parent.mkdir()
    path.write_bytes(b'{"messages": [\n{"sender_name": "S\xc3", "timestamp_ms": 1}]}')
    found = problem(path)
    assert (found.line, "UTF-8" in found.reason) == (2, True)


@pytest.mark.parametrize("depth", [65, 200_000])
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "t" / "message_1.json"
    path.parent.mkdir()
    path.write_text('{"messages": [{"sender_name": "S", "timestamp_ms": 1, "x": '
                    + "[" * depth + "]" * depth + "}]}")
    assert "nested more than 64" in problem(path).reason


def test_a_file_over_the_size_cap_is_refused() -> None:
    assert "100 bytes" in problem(THREAD, limits=Limits(max_file_bytes=100)).reason


def test_more_messages_than_the_cap_is_refused() -> None:
    assert "max_messages" in problem(THREAD, limits=Limits(max_messages=5)).reason


def test_zip_traversal_and_links_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(zipfile.ZipInfo("messages/inbox/x/../../../message_1.json"),
                     (THREAD / "message_1.json").read_bytes())
    assert problem(archive).path == archive
    linked = tmp_path / "link.zip"
    with zipfile.ZipFile(linked, "w") as out:
        info = zipfile.ZipInfo("messages/inbox/x/message_1.json")
        info.external_attr = (0o120777 << 16)
        out.writestr(info, "/etc/passwd")
    assert "symbolic link" in problem(linked).reason


def test_a_zip_bomb_is_stopped(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("messages/inbox/x/message_1.json",
                     '{"messages": [], "pad": "' + " " * (8 << 20) + '"}')
    assert "zip bomb" in problem(archive).reason


def test_a_message_without_a_time_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "t" / "message_1.json", [{"sender_name": "S", "content": "hi"}])
    found = problem(path)
    assert "timestamp_ms" in found.reason
    assert found.line is not None


def test_a_folder_without_messages_says_what_to_download(tmp_path: Path) -> None:
    assert "JSON format" in problem(tmp_path).reason


# --- render -> parse round trip -------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=30).filter(
    lambda text: messenger.content_kind(text) is None and not text.endswith("attachment."))
SENDERS = st.sampled_from(["Sam Rivera", "Alex Kim", "Zoë 🌸", "Łukasz"])


@st.composite
def thread(draw: st.DrawFn) -> tuple[list[Message], list[dict[str, Any]]]:
    """Messages oldest first, and their records as Meta writes them (newest first)."""
    start = draw(st.integers(0, 2_000_000_000_000))
    gaps = draw(st.lists(st.integers(0, 10_000_000), max_size=25))
    expected: list[Message] = []
    records: list[dict[str, Any]] = []
    millis = start
    for gap in gaps:
        millis += gap
        kind = draw(st.sampled_from([Kind.TEXT, Kind.MEDIA, Kind.CALL, Kind.DELETED]))
        sender = draw(SENDERS)
        text = draw(TEXT)
        record: dict[str, Any] = {"sender_name": sender, "timestamp_ms": millis,
                                  "is_geoblocked_for_viewer": False}
        if text:
            record["content"] = text
        if kind is Kind.MEDIA:
            key = draw(st.sampled_from(["photos", "videos", "audio_files", "gifs", "files"]))
            record[key] = [{"uri": "x"}]
            text = text or {"photos": "photo", "videos": "video", "audio_files": "voice message",
                            "gifs": "GIF", "files": "file"}[key]
        elif kind is Kind.CALL:
            record["call_duration"] = draw(st.integers(1, 999))
            text = text or f"Call, {record['call_duration']} s"
        elif kind is Kind.DELETED:
            record["is_unsent"] = True
            text = text or "unsent"
        local = (datetime(1970, 1, 1) + timedelta(milliseconds=millis, hours=1))
        expected.append(Message(local, sender, kind, text))
        records.append(record)
    return expected, records[::-1]


@settings(max_examples=60, deadline=None)
@given(thread(), st.integers(1, 6))
def test_render_then_parse_gives_the_same_messages(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: tuple[list[Message], list[dict[str, Any]]],
    per_file: int,
) -> None:
    expected, newest_first = drawn
    folder = tmp_path_factory.mktemp("thread") / "inbox" / "sam_1"
    files = [newest_first[i:i + per_file] for i in range(0, len(newest_first), per_file)] or [[]]
    for number, records in enumerate(files, 1):
        write(folder / f"message_{number}.json", records)
    assert read(folder, tz=PLUS_ONE)[1] == expected


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_damage_is_an_import_problem_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    damaged = bytearray((THREAD / "message_1.json").read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        junk = data.draw(st.binary(max_size=6) | st.sampled_from([b"{", b"]", b'"', b"\\", b""]))
        damaged[at:at + data.draw(st.integers(0, 8))] = junk
    path = tmp_path_factory.mktemp("damaged") / "t" / "message_1.json"
    path.parent.mkdir()
    path.write_bytes(bytes(damaged))
    with contextlib.suppress(ImportProblem):
        list(messenger.open_source(path, Options()).messages())
