"""CSV chats: header names, delimiters, times with and without zones, and clear errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from clearheart.domain.chat import Kind, Message
from clearheart.importers import csv_chat
from clearheart.importers.base import ImportProblem, Limits, Options

DEFAULTS = Options()

DATA = Path(__file__).resolve().parents[2] / "data" / "csv"
UTC_PLUS_1 = timezone(timedelta(hours=1))


def read(name: str, options: Options = DEFAULTS) -> list[Message]:
    return list(csv_chat.open_source(DATA / name, options).messages())


def test_comma_iso_quoted_newlines_empty_text_and_notices() -> None:
    assert read("chat.csv") == [
        Message(datetime(2024, 5, 1, 19, 30), "Sam", Kind.TEXT, "Hi, how was your day?"),
        Message(datetime(2024, 5, 1, 19, 42, 10), "Alex", Kind.TEXT, "Good.\nLong, though."),
        Message(datetime(2024, 5, 1, 20, 0), "Sam", Kind.TEXT, ""),
        Message(datetime(2024, 5, 1, 20, 1), "", Kind.SYSTEM, "Sam joined"),
    ]


def test_semicolons_other_header_names_bom_and_minutes_only() -> None:
    source = csv_chat.open_source(DATA / "semicolon.csv")
    assert list(source.messages()) == [
        Message(datetime(2024, 5, 1, 19, 30), "Sam", Kind.TEXT, "Hallo; wie geht's?"),
        Message(datetime(2024, 5, 1, 19, 31, 5), "Alex", Kind.TEXT, "Gut"),
    ]
    assert source.warnings == ["line 2: the text held an unquoted ';'; it was kept as text"]


def test_extra_fields_before_the_text_column_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("text,sender,timestamp\nhi, there,Sam,2024-05-01 10:00\n")
    with pytest.raises(ImportProblem, match="the row has 4 fields") as caught:
        list(csv_chat.open_source(path).messages())
    assert caught.value.line == 2


def test_tabs_zones_converted_to_local_time_and_a_kind_column() -> None:
    found = read("tabs.tsv", Options(tz=UTC_PLUS_1))
    assert [(m.ts, m.kind, m.text) for m in found] == [
        (datetime(2024, 5, 1, 18, 30), Kind.TEXT, "in UTC"),
        (datetime(2024, 5, 1, 18, 31), Kind.MEDIA, ""),
        (datetime(2024, 5, 1, 19, 32), Kind.CALL, "missed call"),
    ]


def test_an_unreadable_time_names_its_line() -> None:
    with pytest.raises(ImportProblem) as caught:
        read("bad-time.csv")
    assert caught.value.line == 3 and "'yesterday'" in caught.value.message
    assert "bad-time.csv, line 3" in caught.value.message


def test_a_short_row_names_its_line() -> None:
    with pytest.raises(ImportProblem) as caught:
        read("short-row.csv")
    assert caught.value.line == 3 and "1 fields" in caught.value.message


def test_a_file_without_a_header_is_refused_on_line_one() -> None:
    with pytest.raises(ImportProblem) as caught:
        csv_chat.open_source(DATA / "no-header.csv")
    assert caught.value.line == 1 and "header" in caught.value.message


def test_sniff_needs_a_known_header() -> None:
    assert csv_chat.sniff(DATA / "chat.csv")
    assert csv_chat.sniff(DATA / "tabs.tsv")
    assert not csv_chat.sniff(DATA / "no-header.csv")


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("timestamp,sender,text,kind\n2024-05-01 19:30,Sam,hi,sticker\n")
    with pytest.raises(ImportProblem, match="'sticker' is not a kind") as caught:
        list(csv_chat.open_source(path).messages())
    assert caught.value.line == 2


def test_a_header_with_no_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("timestamp,sender,text\n")
    with pytest.raises(ImportProblem, match="no messages"):
        list(csv_chat.open_source(path).messages())


def test_a_date_without_a_time_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("timestamp,sender,text\n2024-05-01,Sam,hi\n")
    with pytest.raises(ImportProblem, match="not a time"):
        list(csv_chat.open_source(path).messages())


def test_an_overlong_field_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('timestamp,sender,text\n2024-05-01 10:00,Sam,"' + "a\n" * 400 + '"\n')
    with pytest.raises(ImportProblem) as caught:
        list(csv_chat.open_source(path, Options(limits=Limits(max_line_chars=100))).messages())
    assert caught.value.line is not None and "x.csv" in caught.value.message


def test_invalid_utf8_in_csv_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"timestamp,sender,text\n2024-05-01 10:00,Sam,ok\n2024-05-01 10:01,Sam,\xff\n")
    with pytest.raises(ImportProblem) as caught:
        list(csv_chat.open_source(path).messages())
    assert caught.value.line == 3
