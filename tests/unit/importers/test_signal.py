"""Signal chats from signal-export: chat.md old and new, data.json, hostile files, round trip."""

from __future__ import annotations

import contextlib
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.importers import signal
from clearheart.importers.base import ChatChoiceNeeded, ImportProblem, Limits, Options

DATA = Path(__file__).resolve().parents[2] / "data" / "signal"
EXPORT = DATA / "export"
SAM = EXPORT / "SamRivera" / "chat.md"


def read(path: Path, **options: Any) -> tuple[Any, list[Message]]:
    source = signal.open_source(path, Options(**options))
    return source, list(source.messages())


def problem(path: Path, **options: Any) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        read(path, **options)
    return caught.value


def test_a_chat_reads_every_kind() -> None:
    source, messages = read(SAM)
    assert (source.format, source.title) == ("signal", "SamRivera")
    assert [(m.ts, m.sender, m.kind, m.text) for m in messages] == [
        (datetime(2023, 4, 1, 19, 2, 11), "Me", Kind.TEXT, "Dinner on Friday?"),
        (datetime(2023, 4, 1, 19, 5, 40), "Sam Rivera", Kind.TEXT, "Yes! Where?"),
        (datetime(2023, 4, 1, 19, 6, 2), "Me", Kind.TEXT, "The usual place"),
        (datetime(2023, 4, 1, 19, 10), "Sam Rivera", Kind.MEDIA,
         "2023-04-01T19-10-00.000_00_IMG_0042.jpg"),
        (datetime(2023, 4, 1, 19, 11, 30), "Sam Rivera", Kind.MEDIA, "it's sunny here"),
        (datetime(2023, 4, 1, 19, 12), "Sam Rivera", Kind.MEDIA, "👍"),
        (datetime(2023, 4, 1, 19, 20), "Me", Kind.CALL, "Outgoing voice call (unanswered)"),
        (datetime(2023, 4, 1, 19, 21), "Sam Rivera", Kind.CALL,
         "Incoming voice call (accepted, 2m 3s)"),
        (datetime(2023, 4, 1, 19, 30), "Sam Rivera", Kind.DELETED, "(This message was deleted)"),
        (datetime(2023, 4, 1, 19, 31), "Sam Rivera", Kind.TEXT,
         "first line\n\nsecond line after a blank"),
        (datetime(2023, 4, 1, 19, 40), "Me", Kind.TEXT, "see [this](https://example.org) link"),
    ]


def test_the_export_folder_asks_which_chat_and_reads_the_one_chosen() -> None:
    with pytest.raises(ChatChoiceNeeded) as caught:
        read(EXPORT)
    assert caught.value.choices == ("BookClub", "SamRivera")
    assert read(EXPORT, chat="samrivera")[1] == read(SAM)[1]
    assert read(EXPORT / "SamRivera")[1] == read(SAM)[1]


def test_group_notices_have_no_sender_and_do_not_count_as_text() -> None:
    messages = read(EXPORT / "BookClub")[1]
    assert [(m.sender, m.kind, m.text) for m in messages] == [
        ("", Kind.SYSTEM, ""), ("Jo Park", Kind.TEXT, "Welcome to the book club!"),
        ("Me", Kind.TEXT, "Thanks 📚"),
    ]


def test_the_oldest_format_without_seconds_or_blank_lines() -> None:
    messages = read(DATA / "old" / "chat.md")[1]
    assert [(m.ts, m.sender, m.text) for m in messages] == [
        (datetime(2019, 5, 29, 15, 4), "Me", "How is everyone?"),
        (datetime(2019, 5, 29, 15, 10), "Aya", "We're great!"),
        (datetime(2019, 5, 29, 15, 20), "Jim", "I'm not."),
    ]


def test_data_json_is_read_when_there_is_no_chat_md() -> None:
    source, messages = read(DATA / "jsononly")
    assert source.title == "SamRivera"
    assert [(m.ts, m.sender, m.kind, m.text) for m in messages] == [
        (datetime(2023, 4, 1, 19, 2, 11, 123000), "Me", Kind.TEXT, "Dinner on Friday?"),
        (datetime(2023, 4, 1, 19, 5, 40), "Sam Rivera", Kind.TEXT,
         "Yes! Where?\nMaybe the usual"),
        (datetime(2023, 4, 1, 19, 10), "Sam Rivera", Kind.MEDIA,
         "2023-04-01T19-10-00.000_00_IMG_0042.jpg"),
        (datetime(2023, 4, 1, 19, 12), "Sam Rivera", Kind.MEDIA, "👍"),
        (datetime(2023, 4, 1, 19, 21), "Sam Rivera", Kind.CALL,
         "Incoming voice call (accepted, 2m 3s)"),
        (datetime(2023, 4, 1, 19, 30), "Sam Rivera", Kind.DELETED, "(This message was deleted)"),
        (datetime(2023, 4, 1, 19, 40), "", Kind.SYSTEM, ""),
    ]


def test_a_zip_of_the_export(tmp_path: Path) -> None:
    archive = tmp_path / "signal.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(SAM, "signal-chats/SamRivera/chat.md")
        out.writestr("signal-chats/SamRivera/media/x.jpg", b"jpeg")
    assert read(archive)[1] == read(SAM)[1]
    assert signal.sniff(archive)


def test_sniff() -> None:
    assert signal.sniff(SAM)
    assert signal.sniff(EXPORT)
    assert signal.sniff(DATA / "jsononly")
    assert signal.sniff(DATA / "old" / "chat.md")
    assert not signal.sniff(DATA.parent / "telegram" / "single" / "result.json")
    assert not signal.sniff(DATA.parent / "imessage" / "export")


# --- hostile and broken files -------------------------------------------------------------


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_bytes(SAM.read_bytes().replace(b"Where?", b"Where\xff", 1))
    found = problem(path)
    assert (found.path, found.line) == (path, 3)


def test_a_file_that_is_not_a_signal_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("# My notes\n\n[2021-08-01 09:01] Name: text\n")
    found = problem(path)
    assert found.line == 1


def test_an_impossible_date_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("[2023-04-01 19:02:11] Me: hi\n\n[2023-02-30 10:00:00] Sam: no\n")
    assert problem(path).line == 3


def test_a_line_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("[2023-04-01 19:02:11] Me: " + "x" * 3000 + "\n")
    assert problem(path, limits=Limits(max_line_chars=1000)).line == 1


def test_a_message_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("[2023-04-01 19:02:11] Me: hi\n" + "more words here\n" * 100)
    assert "longer than" in problem(path, limits=Limits(max_line_chars=1000)).reason


def test_broken_and_nested_data_json_lines_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "Sam"
    folder.mkdir()
    good = json.dumps({"date": "2023-04-01T19:02:11", "sender": "Me", "body": "hi"})
    (folder / "data.json").write_text(good + "\n" + '{"date": "2023-04-01T19:0' + "\n")
    assert problem(folder).line == 2
    (folder / "data.json").write_text(good + "\n" + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested" in problem(folder).reason


def test_zip_traversal_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(zipfile.ZipInfo("/etc/SamRivera/chat.md"), SAM.read_bytes())
    assert problem(archive).path == archive


def test_a_missing_chat_md_says_how_to_export(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing")
    assert "signal-export" in problem(tmp_path).reason


# --- render -> parse round trip -------------------------------------------------------------

LINE = st.text(st.characters(exclude_categories=("Cs", "Zl", "Zp", "Cc")), min_size=1,
               max_size=20).map(str.strip).filter(
    lambda t: bool(t) and not t.startswith(("[", ">", "(")) and "](" not in t)


@st.composite
def chats(draw: st.DrawFn) -> list[Message]:
    times = draw(st.lists(st.datetimes(datetime(2015, 1, 1), datetime(2035, 1, 1)),
                          min_size=1, max_size=10))
    return [Message(ts.replace(microsecond=0), draw(st.sampled_from(["Me", "Sam Rivera"])),
                    Kind.TEXT, "\n".join(draw(st.lists(LINE, min_size=1, max_size=3))))
            for ts in sorted(times)]


@settings(max_examples=60, deadline=None)
@given(chats())
def test_render_then_parse_gives_the_same_messages(
    tmp_path_factory: pytest.TempPathFactory, messages: list[Message]
) -> None:
    path = tmp_path_factory.mktemp("signal") / "chat.md"
    path.write_text("".join(
        f"[{m.ts:%Y-%m-%d %H:%M:%S}] {m.sender}: {m.text}  \n\n" for m in messages))
    assert read(path)[1] == messages


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_damage_is_an_import_problem_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    damaged = bytearray(SAM.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        junk = data.draw(st.binary(max_size=6) | st.sampled_from([b"\n[", b"] ", b": ", b""]))
        damaged[at:at + data.draw(st.integers(0, 8))] = junk
    path = tmp_path_factory.mktemp("damaged") / "chat.md"
    path.write_bytes(bytes(damaged))
    with contextlib.suppress(ImportProblem):
        list(signal.open_source(path, Options()).messages())
