"""Lines real exports write that were misread: attachments, group notices, the file's end, zips.

Each test is one class of fault from issue 11, with lines of our own in the
shapes the peers' samples show.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from clearheart.domain.chat import Kind, Message
from clearheart.importers import whatsapp
from clearheart.importers.base import ChatChoiceNeeded, ImportProblem, Options

LRM = "\u200e"


def read(tmp_path: Path, text: str) -> list[Message]:
    path = tmp_path / "_chat.txt"
    path.write_text(text, "utf-8")
    return list(whatsapp.open_source(path).messages())


@pytest.mark.parametrize(
    "body",
    [
        "< attached: 00000007-PHOTO-2021-05-02-18-30-00.jpg >",
        "<attached: 00000007-PHOTO-2021-05-02-18-30-00.jpg>",
        f"2021-05-02-PHOTO-00000007.jpg <{LRM}attached>",
        f"2021-05-02-PHOTO-00000007.jpg \u2039{LRM}attached>",
        "IMG-20210502-WA0007.jpg (file attached)",
        "IMG-20210502-WA0007.jpg (Datei angehängt)\nSchöne Grüße vom See",
        "PTT-20210502-WA0002.opus (archivo adjunto)",
    ],
)
def test_every_attachment_spelling_is_media(tmp_path: Path, body: str) -> None:
    found = read(tmp_path, f"31/05/21, 18:30 - Sam: {body}\n31/05/21, 18:31 - Sam: lovely\n")
    assert [(m.sender, m.kind) for m in found] == [("Sam", Kind.MEDIA), ("Sam", Kind.TEXT)]


def test_words_that_mention_attaching_are_still_words(tmp_path: Path) -> None:
    found = read(tmp_path, "31/05/21, 18:30 - Sam: I attached it (file attached, I hope)\n")
    assert [m.kind for m in found] == [Kind.TEXT]


def test_the_group_notice_under_the_groups_name_is_no_participant(tmp_path: Path) -> None:
    found = read(
        tmp_path,
        (
            "02.03.21, 09:00 - Hiking Club: Messages and calls are end-to-end encrypted. No one "
            "outside of this chat, not even WhatsApp, can read or listen to them.\n"
            "02.03.21, 09:05 - Sam: who is in for Sunday?\n"
            "13.03.21, 09:06 - Alex: me\n"
        ),
    )
    assert [(m.sender, m.kind) for m in found] == [
        ("", Kind.SYSTEM),
        ("Sam", Kind.TEXT),
        ("Alex", Kind.TEXT),
    ]
    assert found[0].text.startswith("Messages and calls are end-to-end encrypted.")


def test_a_final_blank_line_is_not_part_of_the_last_message(tmp_path: Path) -> None:
    found = read(
        tmp_path, "31/05/21, 18:30 - Sam: first\n\nstill first\n31/05/21, 18:31 - Alex: last\n\n"
    )
    assert [m.text for m in found] == ["first\n\nstill first", "last"]


def test_blank_lines_at_the_end_of_a_message_mid_chat_are_its_own(tmp_path: Path) -> None:
    found = read(tmp_path, "31/05/21, 18:30 - Sam: first\n\n31/05/21, 18:31 - Alex: last\n")
    assert [m.text for m in found] == ["first\n", "last"]


def _zip(target: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return target


CHAT = "31/05/21, 18:30 - Sam: hello\n31/05/21, 18:31 - Alex: hi\n"


def test_a_zip_holding_one_chat_under_any_name_is_read(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {"our chat.txt": CHAT, "IMG-1.jpg": "x"})
    assert whatsapp.sniff(path)
    assert [m.text for m in whatsapp.open_source(path).messages()] == ["hello", "hi"]


def test_of_several_text_files_the_one_that_is_a_chat_is_read(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {"notes.txt": "shopping list\n", "chat.txt": CHAT})
    source = whatsapp.open_source(path)
    assert source.member == "chat.txt"


def test_several_text_files_that_all_look_like_chats_are_named(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {"one.txt": CHAT, "two.txt": CHAT})
    with pytest.raises(ChatChoiceNeeded) as caught:
        whatsapp.open_source(path)
    assert set(caught.value.choices) == {"one.txt", "two.txt"}
    assert whatsapp.open_source(path, Options(chat="two.txt")).member == "two.txt"


def test_text_files_that_are_no_chat_are_named_in_the_refusal(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {"notes.txt": "shopping list\n", "todo.txt": "call\n"})
    assert not whatsapp.sniff(path)
    with pytest.raises(ImportProblem) as caught:
        whatsapp.open_source(path)
    assert "notes.txt" in caught.value.message and "todo.txt" in caught.value.message
