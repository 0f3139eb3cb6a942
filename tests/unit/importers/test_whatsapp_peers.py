"""The real-world mistakes other WhatsApp parsers make, each with proof that we get it right.

docs/importers.md lists these mistakes and names each test; keep the two in step.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from clearheart.domain.chat import PERSON_KINDS, Kind, Message
from clearheart.importers import whatsapp
from clearheart.importers.base import AmbiguousDateOrder, Options

DEFAULTS = Options()

LRM, NBSP, NNBSP = "\u200e", "\u00a0", "\u202f"


def read(tmp_path: Path, text: str, raw: bytes | None = None,
         options: Options = DEFAULTS) -> list[Message]:
    path = tmp_path / "_chat.txt"
    path.write_bytes(raw if raw is not None else text.encode())
    return list(whatsapp.open_source(path, options).messages())


def person_texts(messages: list[Message]) -> list[tuple[str, str]]:
    return [(m.sender, m.text) for m in messages if m.kind in PERSON_KINDS]


def test_ios_notices_under_a_name_are_not_the_person_writing(tmp_path: Path) -> None:
    found = read(tmp_path, (
        f"{LRM}[1/2/21, 10:00:00 AM] Sam: {LRM}Messages and calls are end-to-end encrypted. "
        "No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
        f"{LRM}[1/2/21, 10:01:00 AM] Sam: {LRM}Missed voice call, {LRM}Tap to call back\n"
        f"{LRM}[1/2/21, 10:02:00 AM] Sam: {LRM}Your security code with Alex changed.\n"
        "[1/13/21, 10:03:00 AM] Sam: the only thing Sam wrote\n"
    ))
    assert [m.kind for m in found] == [Kind.SYSTEM, Kind.CALL, Kind.SYSTEM, Kind.TEXT]
    assert person_texts(found) == [("Sam", "the only thing Sam wrote")]


def test_multi_line_messages_keep_their_newlines(tmp_path: Path) -> None:
    found = read(tmp_path, "31/12/2020, 23:50 - Sam: line one\n\nline three\n  indented\n"
                           "31/12/2020, 23:51 - Alex: ok\n")
    assert [m.text for m in found] == ["line one\n\nline three\n  indented", "ok"]


def test_day_month_order_comes_from_the_data_not_the_first_line(tmp_path: Path) -> None:
    found = read(tmp_path, "01/02/2021, 10:00 - Sam: first\n01/13/2021, 10:00 - Sam: proof\n")
    assert [m.ts for m in found] == [datetime(2021, 1, 2, 10), datetime(2021, 1, 13, 10)]
    found = read(tmp_path, "01/02/2021, 10:00 - Sam: first\n13/02/2021, 10:00 - Sam: proof\n")
    assert [m.ts for m in found] == [datetime(2021, 2, 1, 10), datetime(2021, 2, 13, 10)]


def test_undecidable_order_is_asked_not_guessed(tmp_path: Path) -> None:
    with pytest.raises(AmbiguousDateOrder):
        read(tmp_path, "01/02/2021, 10:00 - Sam: a\n03/04/2021, 10:00 - Sam: b\n")


def test_a_bom_does_not_swallow_the_first_message(tmp_path: Path) -> None:
    found = read(tmp_path, "", raw=b"\xef\xbb\xbf31/12/2020, 23:50 - Sam: first\n")
    assert [(m.sender, m.text) for m in found] == [("Sam", "first")]


@pytest.mark.parametrize("ampm", ["p. m.", f"p.{NBSP}m.", f"p.{NNBSP}m.", "p.m.", "pm", "PM",
                                  f"{NNBSP}PM", f"{NBSP}p.{NBSP}m."])
def test_every_pm_spelling_is_read(tmp_path: Path, ampm: str) -> None:
    sep = "" if ampm[0] in (NBSP, NNBSP) else " "
    found = read(tmp_path, f"31/12/20, 11:50{sep}{ampm} - Sam: late\n"
                           f"31/12/20, 11:51{sep}{ampm.replace('p', 'a').replace('P', 'A')} - "
                           "Alex: early\n")
    assert [m.ts for m in found] == [datetime(2020, 12, 31, 23, 50), datetime(2020, 12, 31, 11, 51)]


def test_twelve_am_is_midnight_and_twelve_pm_is_noon(tmp_path: Path) -> None:
    found = read(tmp_path, "12/31/20, 12:05 AM - Sam: a\n12/31/20, 12:05 PM - Sam: b\n")
    assert [m.ts.hour for m in found] == [0, 12]


def test_left_to_right_marks_at_line_start_do_not_hide_messages(tmp_path: Path) -> None:
    found = read(tmp_path, f"{LRM}[31.12.20, 23:50:00] Sam: {LRM}image omitted\n"
                           f"{LRM}{LRM}[31.12.20, 23:51:00] Alex: hi\n")
    assert [(m.sender, m.kind) for m in found] == [("Sam", Kind.MEDIA), ("Alex", Kind.TEXT)]


@pytest.mark.parametrize("placeholder", [
    "<Media omitted>", f"{LRM}image omitted", f"{LRM}sticker omitted", "<Medien ausgeschlossen>",
    f"{LRM}Bild weggelassen", "<Multimedia omitido>", f"{LRM}imagen omitida", "<Médias omis>",
    "<Mídia oculta>", "<Media omessi>", "<Media weggelaten>", "image omitted",
    f"{LRM}<attached: 00000012-PHOTO-2021-01-01-10-00-00.jpg>",
    "PTT-20210101-WA0001.opus (file attached)",
])
def test_media_placeholders_are_not_words(tmp_path: Path, placeholder: str) -> None:
    found = read(tmp_path, f"[31.12.20, 23:50:00] Sam: {placeholder}\n")
    assert found[0].kind is Kind.MEDIA


@pytest.mark.parametrize("marker", ["This message was deleted", "You deleted this message",
                                    f"{LRM}This message was deleted.",
                                    "Diese Nachricht wurde gelöscht", "Se eliminó este mensaje"])
def test_deleted_messages_are_not_words(tmp_path: Path, marker: str) -> None:
    assert read(tmp_path, f"31/12/2020, 23:50 - Sam: {marker}\n")[0].kind is Kind.DELETED


def test_the_edited_marker_is_not_part_of_the_words(tmp_path: Path) -> None:
    found = read(tmp_path, "31/12/2020, 23:50 - Sam: see you <This message was edited>\n"
                           f"31/12/2020, 23:51 - Sam: later {LRM}<This message was edited>\n")
    assert [(m.text, m.edited) for m in found] == [("see you", True), ("later", True)]


def test_a_group_notice_with_a_colon_is_not_a_sender(tmp_path: Path) -> None:
    found = read(tmp_path, '31/12/2020, 23:50 - Sam changed the subject to "Plans: Friday"\n')
    assert (found[0].sender, found[0].kind) == ("", Kind.SYSTEM)


def test_crlf_leaves_no_carriage_returns(tmp_path: Path) -> None:
    raw = b"31/12/2020, 23:50 - Sam: a\r\nb\r\n31/12/2020, 23:51 - A: c\r\n"
    found = read(tmp_path, "", raw=raw)
    assert [m.text for m in found] == ["a\nb", "c"]


def test_phone_number_senders_lose_their_invisible_wrappers(tmp_path: Path) -> None:
    found = read(tmp_path, "31/12/2020, 23:50 - \u202a+44 7700 900123\u202c: hi\n"
                           "31/12/2020, 23:51 - +44 7700 900123: again\n")
    assert {m.sender for m in found} == {"+44 7700 900123"}


def test_ordinary_words_that_look_special_stay_words(tmp_path: Path) -> None:
    texts = ["I love you <3", "see https://example.org (later)", "some details omitted",
             "(file attached) was the subject", "<b>bold</b>", "Missed voice call, sorry!"]
    chat = "".join(f"31/12/2020, 23:5{i} - Sam: {t}\n" for i, t in enumerate(texts))
    found = read(tmp_path, chat)
    assert [(m.kind, m.text) for m in found] == [(Kind.TEXT, t) for t in texts]


def test_the_documented_list_names_every_test_here_and_only_these() -> None:
    import re
    import sys

    doc = Path(__file__).resolve().parents[3] / "docs" / "importers.md"
    section = doc.read_text(encoding="utf-8").split("## Mistakes other parsers make", 1)[1]
    named = set(re.findall(r"`(test_\w+)`", section))
    here = {name for name in vars(sys.modules[__name__]) if name.startswith("test_")}
    here.discard("test_the_documented_list_names_every_test_here_and_only_these")
    assert named == here
