"""iMessage text exports from imessage-exporter: every block, hostile files, round trip."""

from __future__ import annotations

import contextlib
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.importers import imessage
from clearheart.importers.base import ChatChoiceNeeded, ImportProblem, Limits, Options

EXPORT = Path(__file__).resolve().parents[2] / "data" / "imessage" / "export"
SAM = EXPORT / "Sam Rivera.txt"


def read(path: Path, **options: Any) -> tuple[Any, list[Message]]:
    source = imessage.open_source(path, Options(**options))
    return source, list(source.messages())


def problem(path: Path, **options: Any) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        read(path, **options)
    return caught.value


def test_a_conversation_reads_every_kind_of_block() -> None:
    source, messages = read(SAM)
    assert (source.format, source.title) == ("imessage", "Sam Rivera")
    assert [(m.ts, m.sender, m.kind, m.text, m.edited) for m in messages] == [
        (datetime(2023, 5, 15, 14, 12, 59), "Sam Rivera", Kind.TEXT,
         "Are we still on for tonight?", False),
        (datetime(2023, 5, 15, 14, 13, 20), "Me", Kind.TEXT, "Yes! 7pm?", False),
        (datetime(2023, 5, 15, 14, 13, 20), "", Kind.SYSTEM, "Loved by Sam Rivera", False),
        (datetime(2023, 5, 15, 14, 15), "Sam Rivera", Kind.MEDIA, "look at this view", False),
        (datetime(2023, 5, 15, 14, 16, 41), "Me", Kind.TEXT, "see you at 7:30", True),
        (datetime(2023, 5, 15, 22, 2, 3), "Sam Rivera", Kind.DELETED, "unsent", False),
        (datetime(2023, 5, 16, 8, 0), "Me", Kind.DELETED, "I'm sorry about last night", False),
        (datetime(2023, 5, 16, 8, 5), "Sam Rivera", Kind.DELETED,
         "Sam Rivera unsent a message!", False),
        (datetime(2023, 5, 16, 9, 0), "", Kind.SYSTEM, "Loved “I'm sorry about last night”",
         False),
        (datetime(2023, 5, 16, 9, 30), "Sam Rivera", Kind.TEXT, "Can we talk later?", False),
        (datetime(2023, 5, 16, 9, 45), "Me", Kind.TEXT, "Of course. Call you at 6?", False),
        (datetime(2023, 5, 16, 18, 0), "Me", Kind.CALL, "SharePlay", False),
        (datetime(2023, 5, 16, 18, 40), "Sam Rivera", Kind.MEDIA,
         "Sticker from Sam Rivera: attachments/7/sticker.heic", False),
        (datetime(2023, 5, 16, 19, 0), "Sam Rivera", Kind.TEXT,
         "A long one:\n\nwith a blank line inside\nand a link https://example.org/a/b.html",
         False),
        (datetime(2023, 5, 17, 0, 0), "", Kind.SYSTEM, "Started sharing location!", False),
        (datetime(2023, 5, 17, 12, 30), "", Kind.SYSTEM, "You named the conversation Us", False),
    ]


def test_a_threaded_reply_counts_once() -> None:
    texts = [m.text for m in read(SAM)[1]]
    assert texts.count("Of course. Call you at 6?") == 1


def test_the_export_folder_asks_which_conversation_leaving_out_orphans() -> None:
    with pytest.raises(ChatChoiceNeeded) as caught:
        read(EXPORT)
    assert caught.value.choices == ("+15555550123", "Sam Rivera")
    assert read(EXPORT, chat="sam rivera")[1] == read(SAM)[1]
    assert [m.text for m in read(EXPORT, chat="orphaned")[1]] == ["lost message"]


def test_a_zip_of_the_export(tmp_path: Path) -> None:
    archive = tmp_path / "imessage.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(SAM, "export/Sam Rivera.txt")
    source, messages = read(archive)
    assert source.title == "Sam Rivera"
    assert messages == read(SAM)[1]
    assert imessage.sniff(archive)


def test_sniff() -> None:
    assert imessage.sniff(SAM)
    assert imessage.sniff(EXPORT)
    assert not imessage.sniff(EXPORT.parent.parent / "signal" / "export" / "SamRivera" / "chat.md")
    assert not imessage.sniff(EXPORT.parent.parent / "telegram" / "single")


def test_windows_line_endings_and_a_bom_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "Sam Rivera.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAM.read_bytes().replace(b"\n", b"\r\n"))
    assert read(path)[1] == read(SAM)[1]


def test_midnight_and_noon_in_twelve_hour_time(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Jan 01, 2024 12:00:01 AM\nMe\nmidnight\n\n"
                    "Jan 01, 2024 12:00:02 PM\nMe\nnoon\n\n"
                    "Jan 01, 2024 11:59:59 PM (Read by Sam after 2 days)\nSam\nlate\n\n")
    assert [m.ts for m in read(path)[1]] == [
        datetime(2024, 1, 1, 0, 0, 1), datetime(2024, 1, 1, 12, 0, 2),
        datetime(2024, 1, 1, 23, 59, 59),
    ]


# --- hostile and broken files -------------------------------------------------------------


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(SAM.read_bytes().replace(b"tonight", b"ton\xc3ght", 1))
    assert problem(path).line == 3


def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("15/05/2023, 14:12 - Sam: a WhatsApp line\n")
    assert problem(path).line == 1


@pytest.mark.parametrize("bad", ["Feb 30, 2023  1:00:00 PM", "Feb 03, 2023 13:00:00 PM"])
def test_an_impossible_time_names_its_line(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(f"Feb 01, 2023  1:00:00 PM\nMe\nok\n\n{bad}\nMe\nno\n\n")
    assert problem(path).line == 5


def test_a_message_without_a_sender_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Feb 01, 2023  1:00:00 PM\n")
    assert problem(path).line == 2


def test_a_line_or_message_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Feb 01, 2023  1:00:00 PM\nMe\n" + "x" * 3000 + "\n")
    assert problem(path, limits=Limits(max_line_chars=1000)).line == 3
    path.write_text("Feb 01, 2023  1:00:00 PM\nMe\n" + "words\n" * 400)
    assert "longer than" in problem(path, limits=Limits(max_line_chars=1000)).reason


def test_a_file_over_the_size_cap_is_refused() -> None:
    assert "100 bytes" in problem(SAM, limits=Limits(max_file_bytes=100)).reason


def test_zip_traversal_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(zipfile.ZipInfo("../../Sam Rivera.txt"), SAM.read_bytes())
    assert problem(archive).path == archive


# --- render -> parse round trip -------------------------------------------------------------

LINE = st.text(st.sampled_from("abcxyz019 .,?'é😊ß"), min_size=1, max_size=20).map(
    str.strip).filter(bool)
"""Plain words: no capitals, slashes, colons or quotes, so no marker line can be drawn."""


def render(message: Message) -> str:
    hour = f"{message.ts.hour % 12 or 12:>2}"
    stamp = f"{message.ts:%b %d, %Y} {hour}:{message.ts:%M:%S %p}"
    return f"{stamp}\n{message.sender}\n{message.text}\n\n"


@st.composite
def conversations(draw: st.DrawFn) -> list[Message]:
    times = draw(st.lists(st.datetimes(datetime(2010, 1, 1), datetime(2035, 1, 1)),
                          min_size=1, max_size=10))
    return [Message(ts.replace(microsecond=0), draw(st.sampled_from(["Me", "Sam Rivera"])),
                    Kind.TEXT, "\n".join(draw(st.lists(LINE, min_size=1, max_size=3))))
            for ts in sorted(times)]


@settings(max_examples=60, deadline=None)
@given(conversations())
def test_render_then_parse_gives_the_same_messages(
    tmp_path_factory: pytest.TempPathFactory, messages: list[Message]
) -> None:
    path = tmp_path_factory.mktemp("imessage") / "Sam.txt"
    path.write_text("".join(render(m) for m in messages), encoding="utf-8")
    assert read(path)[1] == messages


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_damage_is_an_import_problem_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    damaged = bytearray(SAM.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        junk = data.draw(st.binary(max_size=6) | st.sampled_from([b"\n", b"    ", b"PM", b""]))
        damaged[at:at + data.draw(st.integers(0, 8))] = junk
    path = tmp_path_factory.mktemp("damaged") / "Sam.txt"
    path.write_bytes(bytes(damaged))
    with contextlib.suppress(ImportProblem):
        list(imessage.open_source(path, Options()).messages())
