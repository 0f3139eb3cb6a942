"""WhatsApp exports: every fixture variant in tests/data/whatsapp read message for message."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from clearheart.domain.chat import Kind
from clearheart.importers import whatsapp
from clearheart.importers.base import (
    AmbiguousDateOrder,
    ChatChoiceNeeded,
    ImportProblem,
    Limits,
    Options,
)

DEFAULTS = Options()

DATA = Path(__file__).resolve().parents[2] / "data" / "whatsapp"
T, M, C, S, D = Kind.TEXT, Kind.MEDIA, Kind.CALL, Kind.SYSTEM, Kind.DELETED
Row = tuple[str, str, Kind, str]
ENCRYPTED = ("Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
             "WhatsApp, can read or listen to them.")


def rows(path: Path, options: Options = DEFAULTS) -> list[Row]:
    source = whatsapp.open_source(path, options)
    return [(m.ts.isoformat(sep=" "), m.sender, m.kind, m.text) for m in source.messages()]


def test_android_english_24_hour_day_first() -> None:
    path = DATA / "WhatsApp Chat with Sam.txt"
    assert whatsapp.open_source(path).title == "Sam"
    assert rows(path) == [
        ("2020-12-31 23:50:00", "", S, ENCRYPTED + " Tap to learn more."),
        ("2020-12-31 23:51:00", "Sam", T, "Happy almost new year!"),
        ("2020-12-31 23:52:00", "Alex", T, "You too\nsee you tomorrow?\n\nlet me know"),
        ("2021-01-01 00:03:00", "Sam", M, "<Media omitted>"),
        ("2021-01-01 00:04:00", "Sam", D, "This message was deleted"),
        ("2021-01-01 00:05:00", "Alex", D, "You deleted this message"),
        ("2021-01-01 09:15:00", "Sam", T, "Morning :) can we talk later?"),
        ("2021-01-01 09:16:00", "", S, "Sam changed their phone number to a new number. Tap to "
         "message or add the new number."),
        ("2021-01-01 09:17:00", "+44 7700 900123", T, "wrong chat, sorry"),
        ("2021-01-01 09:18:00", "Alex", M, "IMG-20210101-WA0001.jpg (file attached)\n"
         "the view from here"),
        ("2021-01-13 18:00:00", "Alex", M, "location: https://maps.google.com/?q=51.5,-0.1"),
        ("2021-01-13 18:01:00", "Sam", T, "time: 6pm (ish)"),
    ]


def test_edited_marker_is_removed_and_flagged() -> None:
    edited = [m for m in whatsapp.open_source(DATA / "WhatsApp Chat with Sam.txt").messages()
              if m.edited]
    assert [(m.sender, m.text) for m in edited] == [("Sam", "Morning :) can we talk later?")]
    ios = [m for m in whatsapp.open_source(DATA / "_chat.txt").messages() if m.edited]
    assert [(m.sender, m.kind, m.text) for m in ios] == [("Alex", T, "Midnight!")]


def test_iphone_12_hour_brackets_seconds_bom_crlf_and_notices_under_names() -> None:
    raw = (DATA / "_chat.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    source = whatsapp.open_source(DATA / "_chat.txt")
    assert source.title is None
    assert rows(DATA / "_chat.txt") == [
        ("2020-12-31 23:50:01", "", S, ENCRYPTED),
        ("2020-12-31 23:51:02", "Sam", T, "Happy almost new year!"),
        ("2020-12-31 23:52:03", "Alex", T, "You too\nsee you tomorrow?"),
        ("2020-12-31 23:53:04", "Sam", M, "image omitted"),
        ("2020-12-31 23:54:05", "Alex", M, "audio omitted"),
        ("2020-12-31 23:55:06", "Sam", C, "Missed voice call, Tap to call back"),
        ("2020-12-31 23:56:07", "Alex", D, "This message was deleted."),
        ("2020-12-31 23:57:08", "Sam", D, "You deleted this message."),
        ("2020-12-31 23:58:09", "Sam", M, "<attached: 00000012-PHOTO-2020-12-31-23-58-09.jpg>"),
        ("2021-01-01 00:00:10", "Alex", T, "Midnight!"),
        ("2021-01-01 00:01:11", "", S, "Your security code with Alex changed. Tap to learn more."),
        ("2021-01-01 00:02:12", "Alex", M, "sticker omitted"),
        ("2021-01-01 00:03:13", "Alex", M, "GIF omitted"),
        ("2021-01-01 00:04:14", "Alex", M, "Plan.pdf • 2 pages document omitted"),
        ("2021-01-01 00:05:15", "Sam", C, "Video call, 12 min"),
        ("2021-01-13 18:00:16", "Sam", T, "see you at 6"),
    ]


def test_twelve_hour_clock_midnight_and_noon() -> None:
    assert rows(DATA / "android-12h-mdy.txt")[2:4] == [
        ("2020-12-31 00:05:00", "Alex", T, "(clock test: 12 AM is midnight)"),
        ("2021-01-01 12:30:00", "Alex", T, "and 12 PM is noon"),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("android-nnbsp.txt", [("2023-12-30 21:05:00", "Sam", T),
                               ("2023-12-30 10:15:00", "Alex", T),
                               ("2023-12-30 23:59:00", "Alex", M)]),
        ("android-es-pm.txt", [("2020-12-31 23:50:00", "Sam", T),
                               ("2020-12-31 23:51:00", "Alex", M),
                               ("2021-01-01 00:10:00", "Sam", D),
                               ("2021-01-01 09:05:00", "Alex", T),
                               ("2021-01-13 19:30:00", "Sam", T)]),
        ("ios-es-pm.txt", [("2020-12-31 23:50:01", "Sam", T), ("2020-12-31 23:51:02", "Alex", M),
                           ("2021-01-01 09:05:03", "Sam", T)]),
        ("android-ymd.txt", [("2020-12-31 23:50:00", "Sam", T), ("2020-12-31 23:51:00", "Alex", M),
                             ("2021-01-02 08:00:00", "Sam", T)]),
        ("ios-old-no-brackets.txt", [("2020-12-31 23:50:01", "Sam", T),
                                     ("2020-12-31 23:51:02", "Alex", T),
                                     ("2021-01-13 18:00:00", "Sam", T)]),
        ("rtl-marks.txt", [("2020-12-31 23:50:00", "Sam", T), ("2020-12-31 23:51:00", "Alex", T),
                           ("2020-12-31 23:52:00", "Sam", T)]),
        ("ios-de-24h.txt", [("2020-12-31 23:50:01", "", S), ("2020-12-31 23:51:02", "Sam", T),
                            ("2020-12-31 23:52:03", "Alex", M), ("2020-12-31 23:53:04", "Sam", C),
                            ("2021-01-01 00:10:05", "Alex", D)]),
    ],
)
def test_clock_and_date_variants(name: str, expected: list[tuple[str, str, Kind]]) -> None:
    assert [row[:3] for row in rows(DATA / name)] == expected


@pytest.mark.parametrize(
    ("name", "media", "deleted"),
    [
        ("android-de.txt", "<Medien ausgeschlossen>", "Diese Nachricht wurde gelöscht"),
        ("android-es-pm.txt", "<Multimedia omitido>", "Se eliminó este mensaje"),
        ("android-fr.txt", "<Médias omis>", "Ce message a été supprimé"),
        ("android-pt.txt", "<Mídia oculta>", "Mensagem apagada"),
        ("android-it.txt", "<Media omessi>", "Questo messaggio è stato eliminato"),
        ("android-nl.txt", "<Media weggelaten>", "Dit bericht is verwijderd"),
    ],
)
def test_placeholders_in_other_languages(name: str, media: str, deleted: str) -> None:
    found = rows(DATA / name)
    assert (M, media) in [(kind, text) for _, _, kind, text in found]
    assert (D, deleted) in [(kind, text) for _, _, kind, text in found]
    assert all(kind is not T for _, _, kind, text in found if text in (media, deleted))


def test_german_android_attachment_edited_and_notice() -> None:
    found = rows(DATA / "android-de.txt")
    assert found[0][1:3] == ("", S)
    assert found[4] == ("2021-01-01 00:11:00", "Alex", M,
                        "IMG-20210101-WA0002.jpg (Datei angehängt)\nFeuerwerk")
    assert found[5] == ("2021-01-01 00:12:00", "Alex", T, "Schön")


def test_group_notices_with_colons_are_not_people() -> None:
    assert rows(DATA / "group-notices.txt") == [
        ("2020-12-31 23:50:00", "", S, 'Sam created group "New Year: plans"'),
        ("2020-12-31 23:51:00", "", S, "Sam added Alex"),
        ("2020-12-31 23:52:00", "", S,
         'Sam changed the subject from "New Year" to "Plans: Friday"'),
        ("2020-12-31 23:53:00", "", S, "Alex left"),
        ("2020-12-31 23:54:00", "Sam", T, "the only real message"),
    ]


def test_ambiguous_dates_stop_with_a_clear_message_and_the_option_settles_them() -> None:
    path = DATA / "ambiguous.txt"
    with pytest.raises(AmbiguousDateOrder) as caught:
        whatsapp.open_source(path)
    assert "--date-order" in caught.value.message and str(path) in caught.value.message
    assert rows(path, Options(date_order="dmy"))[0][0] == "2021-02-01 10:00:00"
    assert rows(path, Options(date_order="mdy"))[0][0] == "2021-01-02 10:00:00"


def test_a_wrong_date_order_option_is_caught_on_the_line() -> None:
    with pytest.raises(ImportProblem) as caught:
        list(whatsapp.open_source(DATA / "WhatsApp Chat with Sam.txt",
                                  Options(date_order="mdy")).messages())
    assert caught.value.line == 1 and "31/12/2020" in caught.value.message


def test_an_impossible_date_names_its_line() -> None:
    source = whatsapp.open_source(DATA / "invalid-date.txt")
    with pytest.raises(ImportProblem) as caught:
        list(source.messages())
    assert caught.value.line == 2
    assert "invalid-date.txt, line 2" in caught.value.message


def test_lines_before_the_first_message_are_skipped_with_a_warning() -> None:
    source = whatsapp.open_source(DATA / "preamble.txt")
    assert [m.text for m in source.messages()] == ["hello"]
    assert source.warnings == ["1 line(s) before the first message were skipped"]


def test_a_file_without_message_lines_is_refused() -> None:
    with pytest.raises(ImportProblem) as caught:
        whatsapp.open_source(DATA / "no-messages.txt")
    assert "no WhatsApp message lines" in caught.value.message


def _zip(target: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def test_zip_without_media_takes_the_title_from_the_chat_file(tmp_path: Path) -> None:
    chat = (DATA / "WhatsApp Chat with Sam.txt").read_bytes()
    path = _zip(tmp_path / "WhatsApp Chat with Sam.zip", {"WhatsApp Chat with Sam.txt": chat})
    source = whatsapp.open_source(path)
    assert source.title == "Sam"
    assert len(list(source.messages())) == 12


def test_iphone_zip_with_media_names_the_chat_after_the_zip(tmp_path: Path) -> None:
    path = _zip(tmp_path / "WhatsApp Chat - Sam Lee.zip", {
        "_chat.txt": (DATA / "_chat.txt").read_bytes(),
        "00000012-PHOTO-2020-12-31-23-58-09.jpg": b"\xff\xd8\xff" + bytes(2000),
        "00000013-AUDIO-2020-12-31-23-54-05.opus": bytes(500),
    })
    source = whatsapp.open_source(path)
    assert source.title == "Sam Lee"
    assert [m.kind for m in source.messages()].count(M) == 6


def test_a_zip_with_two_chats_asks_which(tmp_path: Path) -> None:
    chat = (DATA / "android-de.txt").read_bytes()
    path = _zip(tmp_path / "both.zip", {"WhatsApp Chat with Sam.txt": chat,
                                        "WhatsApp Chat with Kim.txt": chat})
    with pytest.raises(ChatChoiceNeeded) as caught:
        whatsapp.open_source(path)
    assert set(caught.value.choices) == {"WhatsApp Chat with Sam.txt", "WhatsApp Chat with Kim.txt"}
    assert whatsapp.open_source(path, Options(chat="Kim")).title == "Kim"


def test_a_zip_without_a_chat_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "photos.zip", {"IMG-1.jpg": b"x"})
    with pytest.raises(ImportProblem) as caught:
        whatsapp.open_source(path)
    assert "no WhatsApp chat" in caught.value.message


def test_an_unzipped_export_folder(tmp_path: Path) -> None:
    folder = tmp_path / "WhatsApp Chat - Sam"
    folder.mkdir()
    shutil.copy(DATA / "_chat.txt", folder / "_chat.txt")
    (folder / "00000012-PHOTO.jpg").write_bytes(b"x")
    source = whatsapp.open_source(folder)
    assert source.title == "Sam"
    assert len(list(source.messages())) == 16


def test_sniff_knows_whatsapp_by_name_and_by_first_line(tmp_path: Path) -> None:
    assert whatsapp.sniff(DATA / "_chat.txt")
    assert whatsapp.sniff(DATA / "android-fr.txt")
    assert not whatsapp.sniff(DATA / "no-messages.txt")
    other = tmp_path / "notes.md"
    other.write_text("[2021-01-01 10:00] Sam: a Signal markdown line\n")
    assert not whatsapp.sniff(other)
    assert whatsapp.sniff(_zip(tmp_path / "x.zip", {"_chat.txt": b"[1/1/21, 1:00:00 AM] A: b\n"}))


def test_a_huge_multi_line_message_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("31/12/2020, 23:50 - Sam: start\n" + "more text here\n" * 2000)
    source = whatsapp.open_source(path, Options(limits=Limits(max_line_chars=1000)))
    with pytest.raises(ImportProblem) as caught:
        list(source.messages())
    assert "a message is longer than" in caught.value.message and caught.value.line == 1


def test_the_message_limit_is_enforced(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("".join(f"31/12/2020, 23:{i:02} - Sam: m{i}\n" for i in range(50)))
    with pytest.raises(ImportProblem, match="more than 10 messages"):
        list(whatsapp.open_source(path, Options(limits=Limits(max_messages=10))).messages())


def test_columns_stay_aligned_when_slow_and_fast_messages_mix(tmp_path: Path) -> None:
    """The hot loop appends no `edited` flag; every slow-path message must fill it up first."""
    lines = []
    for i in range(300):
        body = f"m{i}"
        if i % 7 == 3:
            body += " <This message was edited>"
        elif i % 11 == 5:
            body = "<Media omitted>"
        lines.append(f"31/12/2020, {i // 60:02}:{i % 60:02} - {'Sam' if i % 3 else 'Alex'}: "
                     f"{body}\n")
    path = tmp_path / "chat.txt"
    path.write_text("".join(lines))
    source = whatsapp.open_source(path, Options(limits=Limits(max_line_chars=512)))
    batches = list(source.columns())
    assert len(batches) > 3
    for batch in batches:
        assert len(batch.seconds) == len(batch.senders) == len(batch.kinds) == \
            len(batch.texts) == len(batch.edited)
    messages = [m for batch in batches for m in batch.messages()]
    assert len(messages) == 300
    assert [m.edited for m in messages] == [i % 7 == 3 for i in range(300)]
    assert [m.kind for m in messages].count(M) == len([i for i in range(300)
                                                       if i % 11 == 5 and i % 7 != 3])
    assert messages == list(whatsapp.open_source(path).messages())


def test_chat_titles_in_other_languages() -> None:
    assert whatsapp.chat_title("WhatsApp-Chat mit Kim.txt") == "Kim"
    assert whatsapp.chat_title("Chat de WhatsApp con Ana María.txt") == "Ana María"
    assert whatsapp.chat_title("WhatsApp Chat - Sam (1).zip") == "Sam"
    assert whatsapp.chat_title("_chat.txt") is None
