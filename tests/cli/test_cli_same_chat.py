"""Importing the same chat twice from the command line: one chat, nothing doubled, nothing
lost; asked, with the flags to choose, when the match is not sure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chat_twins import GROUP, TALK, android, iphone, person_lines  # type: ignore[import-not-found]
from conftest import PASSPHRASE, Run  # type: ignore[import-not-found]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, call_main: Run) -> Run:
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
    assert call_main("init").code == 0
    return call_main


def write(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def chats(cli: Run) -> list[dict[str, object]]:
    listed = cli("chats", "--json")
    assert listed.code == 0, listed.err
    found: list[dict[str, object]] = json.loads(listed.out)
    return found


def said(cli: Run, chat_id: object) -> list[tuple[str, str]]:
    """Who said what, people only, with every photo as "media"."""
    out = cli("messages", str(chat_id), "--jsonl").out.splitlines()
    rows = [json.loads(line) for line in out]
    return [
        (r["sender"], "media" if r["kind"] == "media" else r["text"])
        for r in rows
        if r["kind"] in ("text", "media")
    ]


def imported(cli: Run, path: str, *flags: str) -> dict[str, object]:
    result = cli("import", "chat", path, "--json", *flags)
    assert result.code == 0, result.err
    summary: dict[str, object] = json.loads(result.out)
    return summary


def test_the_same_file_under_another_name_adds_nothing(cli: Run, tmp_path: Path) -> None:
    first = imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    again = cli("import", "chat", write(tmp_path, "sam-backup.txt", android()))
    assert again.code == 0, again.err
    assert f"into chat #{first['chat_id']}" in again.out
    assert "0 new messages" in again.out and "19 were already here" in again.out
    assert len(chats(cli)) == 1
    assert said(cli, first["chat_id"]) == person_lines()


def test_android_then_iphone_export_of_one_chat_is_one_chat(cli: Run, tmp_path: Path) -> None:
    first = imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    second = imported(cli, write(tmp_path, "_chat.txt", iphone()), "--me", "Alex")
    assert second["chat_id"] == first["chat_id"] and second["messages"] == 0
    assert len(chats(cli)) == 1
    assert said(cli, first["chat_id"]) == person_lines()


def test_a_later_export_adds_only_the_newer_messages(cli: Run, tmp_path: Path) -> None:
    first = imported(cli, write(tmp_path, "a.txt", iphone(TALK[:10])), "--me", "Alex")
    later = imported(cli, write(tmp_path, "b.txt", android()), "--me", "Alex")
    assert later["chat_id"] == first["chat_id"]
    assert later["messages"] == len(TALK) - 10
    assert said(cli, first["chat_id"]) == person_lines()


def test_an_earlier_export_after_a_later_one_loses_nothing(cli: Run, tmp_path: Path) -> None:
    """The later export starts later (WhatsApp keeps only so many): the earlier one's first
    days are added in their place, before what was stored."""
    later = imported(cli, write(tmp_path, "later.txt", android(TALK[6:])), "--me", "Alex")
    earlier = imported(cli, write(tmp_path, "earlier.txt", iphone(TALK[:12])), "--me", "Alex")
    # six messages and the earlier export's own encryption notice, a day before the later's
    assert earlier["chat_id"] == later["chat_id"] and earlier["messages"] == 7
    assert said(cli, later["chat_id"]) == person_lines()
    assert earlier["first"] == "2024-01-14T19:00:00"


def test_the_other_persons_export_keeps_who_you_are(cli: Run, tmp_path: Path) -> None:
    mine = imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    theirs = imported(cli, write(tmp_path, "WhatsApp Chat with Alex.txt", iphone()))
    assert theirs["chat_id"] == mine["chat_id"] and theirs["messages"] == 0
    (chat,) = chats(cli)
    assert chat["me"] == "Alex"


def test_renamed_people_are_asked_about_with_both_choices(cli: Run, tmp_path: Path) -> None:
    mine = imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    theirs = write(
        tmp_path, "WhatsApp Chat with Alex K.txt", android(names={"Alex": "Alex K", "Sam": "Sam R"})
    )
    asked = cli("import", "chat", theirs, "--me", "Sam R")
    assert asked.code == 1
    assert f"chat #{mine['chat_id']}" in asked.err
    assert f"--merge-into {mine['chat_id']}" in asked.err and "--new-chat" in asked.err
    assert "Nothing was imported" in asked.err
    assert len(chats(cli)) == 1
    merged = imported(cli, theirs, "--me", "Sam R", "--merge-into", str(mine["chat_id"]))
    assert merged["chat_id"] == mine["chat_id"] and merged["messages"] == 0
    assert said(cli, mine["chat_id"]) == person_lines()
    kept = imported(cli, theirs, "--me", "Sam R", "--new-chat")
    assert kept["chat_id"] != mine["chat_id"]
    assert len(chats(cli)) == 2


def test_a_partial_overlap_is_asked_about(cli: Run, tmp_path: Path) -> None:
    imported(cli, write(tmp_path, "a.txt", android()), "--me", "Alex")
    gappy = TALK[:4] + TALK[12:]  # the same chat with days deleted on one phone
    asked = cli("import", "chat", write(tmp_path, "b.txt", iphone(gappy)), "--me", "Alex")
    assert asked.code == 1 and "--merge-into" in asked.err
    assert len(chats(cli)) == 1


def test_a_group_with_the_same_people_stays_its_own_chat(cli: Run, tmp_path: Path) -> None:
    """Even under the same file name: what decides is what was said, not what it is called."""
    direct = imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    (tmp_path / "group").mkdir()
    group = imported(
        cli, write(tmp_path, "group/WhatsApp Chat with Sam.txt", android(GROUP)), "--me", "Alex"
    )
    assert group["chat_id"] != direct["chat_id"] and group["messages"] == len(GROUP) + 1
    assert said(cli, direct["chat_id"]) == person_lines()


def test_bad_input_on_a_second_import_keeps_the_stored_chat(cli: Run, tmp_path: Path) -> None:
    first = imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    broken = android() + b"32/01/2024, 10:00 - Sam: a day that does not exist\n"
    refused = cli("import", "chat", write(tmp_path, "again.txt", broken), "--me", "Alex")
    assert refused.code == 1 and "Nothing was imported" in refused.err
    nowhere = cli(
        "import", "chat", write(tmp_path, "b.txt", android()), "--me", "Alex", "--merge-into", "99"
    )
    assert nowhere.code == 1 and "Traceback" not in nowhere.err
    assert [c["id"] for c in chats(cli)] == [first["chat_id"]]
    assert said(cli, first["chat_id"]) == person_lines()


def test_the_listing_tells_chats_apart(cli: Run, tmp_path: Path) -> None:
    imported(cli, write(tmp_path, "WhatsApp Chat with Sam.txt", android()))
    imported(cli, write(tmp_path, "family.txt", android(GROUP)), "--me", "Alex")
    lines = cli("chats").out.splitlines()
    assert len(lines) == 2
    assert "WhatsApp Chat with Sam.txt" in lines[0] and "family.txt" in lines[1]
    assert "Sam, Alex" in lines[0] and "Jo" in lines[1]
    assert "14 Jan 2024 to 20 Jan 2024" in lines[0] and "19 messages" in lines[0]
    assert "imported " in lines[0]
    (listed, _) = chats(cli)
    assert listed["source_name"] == "WhatsApp Chat with Sam.txt"
    assert isinstance(listed["imported_at"], str)
