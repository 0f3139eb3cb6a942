"""Numbers in chat exports (times, ids) out of range: a clear import error, nothing lost.

A Telegram timestamp of 100,000 digits used to end in Python's ValueError (more
than 4,300 digits) instead of an ImportProblem; an ISO time at the edge of year
9999 with a zone ended a CSV import in an OverflowError. Each importer that
reads a number gets one it cannot hold, and must name the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from clearheart.importers import csv_chat, messenger, signal, telegram
from clearheart.importers.base import ImportProblem, Options, Source
from clearheart.services.workspace import Workspace

PASSPHRASE = "correct horse battery"
HUGE = "9" * 100_000
"""A number far past Python's 4,300-digit conversion limit, written as a JSON number."""
PAST_2_63 = str(2**63)
OPTIONS = Options()


def telegram_export(folder: Path, message: str, chat_id: str = "1") -> Path:
    """A Telegram result.json whose one message is `message` (raw JSON text)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    path.write_text('{"name": "Sam", "type": "personal_chat", "id": ' + chat_id + ',\n'
                    ' "messages": [\n'
                    ' {"id": 1, "type": "message", "date": "2023-01-02T13:45:00", '
                    '"date_unixtime": "1672663500", "from": "Alex", "text": "first"},\n'
                    " " + message + "\n]}", encoding="utf-8")
    return path


def messenger_export(folder: Path, timestamp: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "message_1.json"
    path.write_text('{"participants": [{"name": "Sam"}, {"name": "Alex"}],\n "messages": [\n'
                    ' {"sender_name": "Sam", "timestamp_ms": ' + timestamp + ', "content": "hi"}'
                    "\n]}", encoding="utf-8")
    return path


def signal_export(folder: Path, line: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "data.json"
    first = {"date": "2023-04-01T19:02:11", "sender": "Me", "body": "first"}
    path.write_text(json.dumps(first) + "\n" + line + "\n", encoding="utf-8")
    return path


def csv_export(folder: Path, stamp: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "chat.csv"
    path.write_text(f"timestamp,sender,text\n2024-05-01T19:30:00,Sam,first\n{stamp},Sam,hi\n",
                    encoding="utf-8")
    return path


def refused(open_source: Callable[[Path, Options], Source], path: Path) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        list(open_source(path, OPTIONS).messages())
    return caught.value


def telegram_message(epoch: str) -> str:
    """A Telegram message (raw JSON text) whose date_unixtime is `epoch`, with no `date`."""
    return ('{"id": 2, "type": "message", "date_unixtime": ' + epoch
            + ', "from": "Sam", "text": "hi"}')



@pytest.mark.parametrize(("epoch", "shown"), [
    (HUGE, "more than 4,300 digits"),
    (f'"{HUGE}"', "date_unixtime '99999999999999999999999… (100,002 characters)"),
    (PAST_2_63, f"date_unixtime {PAST_2_63}"),
    (f'"-{PAST_2_63}"', f"date_unixtime '-{PAST_2_63}'"),
    ('"1e300"', "date_unixtime '1e300'"),
])
def test_a_telegram_time_out_of_range_names_its_line(tmp_path: Path, epoch: str,
                                                     shown: str) -> None:
    path = telegram_export(tmp_path / "tg", telegram_message(epoch))
    problem = refused(telegram.open_source, path)
    assert problem.line == 4
    assert shown in problem.message and problem.message.endswith("Nothing was imported.")
    assert len(problem.message) < 400


def test_a_telegram_chat_id_of_100k_digits_is_an_import_error(tmp_path: Path) -> None:
    path = telegram_export(tmp_path / "tg", telegram_message('1672663600'), chat_id=HUGE)
    with pytest.raises(ImportProblem) as caught:
        list(telegram.open_source(path, OPTIONS).messages())
    assert "more than 4,300 digits" in caught.value.message and caught.value.line == 1


@pytest.mark.parametrize("timestamp", [HUGE, str(2**70), "-" + str(2**70), "9" * 4_000])
def test_a_messenger_timestamp_out_of_range_is_an_import_error(tmp_path: Path,
                                                               timestamp: str) -> None:
    path = messenger_export(tmp_path / "messages" / "inbox" / "sam_1", timestamp)
    problem = refused(messenger.open_source, path)
    assert problem.line is not None
    assert len(problem.message) < 400


def test_a_signal_record_with_a_100k_digit_number_names_its_line(tmp_path: Path) -> None:
    line = '{"date": "2023-04-01T19:05:40", "sender": "Sam", "body": "hi", "n": ' + HUGE + "}"
    problem = refused(signal.open_source, signal_export(tmp_path / "Sam", line))
    assert problem.line == 2 and "more than 4,300 digits" in problem.message


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                                   HUGE])
def test_a_csv_time_past_the_calendar_names_its_line(tmp_path: Path, stamp: str) -> None:
    problem = refused(csv_chat.open_source, csv_export(tmp_path / "csv", stamp))
    assert problem.line == 3 and "is not a time we can read" in problem.message
    assert len(problem.message) < 400


def test_a_bad_number_in_a_second_import_keeps_the_chat_already_stored(tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "home", PASSPHRASE)
    try:
        good = telegram_export(tmp_path / "good", telegram_message('"1672663600"'))
        workspace.chats.import_chat(good, me="Alex")
        [chat] = workspace.chats.chats()
        before = list(workspace.chats.messages(chat.id))
        assert [m.text for m in before] == ["first", "hi"]
        for epoch in (HUGE, f'"{HUGE}"', PAST_2_63):
            bad = telegram_export(tmp_path / "bad", telegram_message(epoch))
            with pytest.raises(ImportProblem):
                workspace.chats.import_chat(bad, me="Alex")
        assert workspace.chats.chats() == (chat,)
        assert list(workspace.chats.messages(chat.id)) == before
    finally:
        workspace.close()
