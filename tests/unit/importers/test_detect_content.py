"""`--format auto` reads the first bytes of a file, whatever it is called.

Each sample below is written for this test. It is saved under its app's own
name and under names that say nothing (or the wrong thing); detection must
give the same answer and the import the same messages. When the content fits
two apps and the name does not settle it, the person is asked.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clearheart.importers import detect
from clearheart.importers.base import FormatChoiceNeeded, ImportProblem
from clearheart.importers.sniff import HEAD_BYTES

EXTERNAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "external-chats"

WHATSAPP = (
    "14/02/2023, 09:12 - Robin: Morning! Did the parcel come?\n"
    "14/02/2023, 09:40 - Kit: Not yet, I'll keep an eye out\n"
)
WHATSAPP_IPHONE = (
    "[14.02.23, 09:12:05] Robin: Morning! Did the parcel come?\n[14.02.23, 09:40:51] Kit: Not yet\n"
)
SIGNAL = (
    "[2023-02-14 09:12:05] Me: Are you around tonight?  \n"
    "\n"
    "[2023-02-14 09:30:44] Kit: Maybe later  \n"
    "\n"
)
SIGNAL_OLD = (  # the older signal-export layout: nothing but the headers tells it apart
    "[2023-02-14, 09:12] Me: Are you around tonight?\n[2023-02-14, 09:30] Kit: Maybe later\n"
)
SIGNAL_JSON = (
    '{"date": "2023-02-14T09:12:05", "sender": "Me", "body": "Are you around?  ", '
    '"quote": "", "sticker": "", "reactions": [], "attachments": []}\n'
    '{"date": "2023-02-14T09:30:44", "sender": "Kit", "body": "Maybe  ", '
    '"quote": "", "sticker": "", "reactions": [], "attachments": []}\n'
)
MESSENGER = json.dumps(
    {
        "participants": [{"name": "Robin Ash"}, {"name": "Kit Oak"}],
        "messages": [
            {"sender_name": "Kit Oak", "timestamp_ms": 1676365800000, "content": "See you soon"},
            {"sender_name": "Robin Ash", "timestamp_ms": 1676365200000, "content": "On my way"},
        ],
        "title": "Kit Oak",
        "is_still_participant": True,
        "thread_path": "inbox/kitoak_1234",
    },
    indent=2,
)
INSTAGRAM = json.dumps(
    {
        "participants": [{"name": "kit.oak"}, {"name": "robin.ash"}],
        "messages": [
            {
                "sender_name": "kit.oak",
                "timestamp_ms": 1676365800000,
                "share": {"link": "https://www.instagram.com/p/abc123/"},
                "content": "look",
            },
            {"sender_name": "robin.ash", "timestamp_ms": 1676365200000, "content": "hi"},
        ],
        "title": "kit.oak",
        "thread_path": "inbox/kitoak_98765",
    },
    indent=2,
)
TELEGRAM = json.dumps(
    {
        "name": "Kit",
        "type": "personal_chat",
        "id": 77,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2023-02-14T09:12:05",
                "date_unixtime": "1676365925",
                "from": "Robin",
                "from_id": "user1",
                "text": "Hello there",
            }
        ],
    },
    indent=1,
)
IMESSAGE = "Feb 14, 2023  9:12:05 AM\nKit\nHello there\n\nFeb 14, 2023  9:13:00 AM\nMe\nHi!\n\n"
CSV = "timestamp,sender,text\n2023-02-14 09:12:05,Robin,Hello there\n"

SAMPLES = {
    "whatsapp": (WHATSAPP, "WhatsApp Chat with Kit.txt"),
    "whatsapp-iphone": (WHATSAPP_IPHONE, "_chat.txt"),
    "signal": (SIGNAL, "chat.md"),
    "signal-json": (SIGNAL_JSON, "data.json"),
    "messenger": (MESSENGER, "message_1.json"),
    "instagram": (INSTAGRAM, "message_1.json"),
    "telegram": (TELEGRAM, "result.json"),
    "imessage": (IMESSAGE, "Kit.txt"),
    "csv": (CSV, "chat.csv"),
}
FORMAT_OF = {"whatsapp-iphone": "whatsapp", "signal-json": "signal"}
OTHER_NAMES = (
    "export",
    "message_1 (1).json",
    "chat.json",
    "chat (2).txt",
    "result.json",
    "download.csv",
    "notes.md",
)
"""Names that say nothing, or point at another app: content must win over all of them."""


def _saved(folder: Path, name: str, text: str) -> Path:
    """The file under a plain folder: pytest names its folders after the test, and a folder
    name is a hint."""
    path = folder / "plain" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _messages(path: Path, fmt: str = "auto") -> list[tuple[str, str, str, str]]:
    source = detect.open_chat(path, fmt)
    return [(str(m.ts), m.sender, m.kind.value, m.text) for m in source.messages()]


@pytest.mark.parametrize("name", OTHER_NAMES)
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_each_app_is_known_by_its_content_under_any_name(
    tmp_path: Path, sample: str, name: str
) -> None:
    text, own_name = SAMPLES[sample]
    fmt = FORMAT_OF.get(sample, sample)
    own = _saved(tmp_path / "own", own_name, text)
    renamed = _saved(tmp_path / "renamed", name, text)
    assert detect.detect(renamed) == fmt
    assert detect.open_chat(renamed).format == fmt
    assert _messages(renamed) == _messages(own) != []


@pytest.mark.parametrize("text", [SIGNAL_OLD, SIGNAL_OLD.replace(", ", " ")])
def test_content_two_apps_write_alike_asks_which_one(tmp_path: Path, text: str) -> None:
    path = _saved(tmp_path, "export", text)
    with pytest.raises(FormatChoiceNeeded) as caught:
        detect.open_chat(path)
    assert caught.value.choices == ("whatsapp", "signal")
    message = caught.value.message
    assert "WhatsApp" in message and "Signal" in message
    assert "--format whatsapp" in message and "--format signal" in message
    assert str(path) in message and "Nothing was imported" in message


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("chat.md", "signal"),
        ("Signal with Kit.txt", "signal"),
        ("signal/export", "signal"),
        ("_chat.txt", "whatsapp"),
        ("WhatsApp Chat with Kit.txt", "whatsapp"),
        ("chat.txt", "whatsapp"),
    ],
)
def test_the_name_settles_content_that_fits_two_apps(tmp_path: Path, name: str, fmt: str) -> None:
    assert detect.detect(_saved(tmp_path, name, SIGNAL_OLD)) == fmt


def test_markdown_line_breaks_and_media_links_are_signal_whatever_the_name(tmp_path: Path) -> None:
    linked = "[2023-02-14, 09:12] Me: ![photo.jpg](./media/photo.jpg)\n"
    assert detect.detect(_saved(tmp_path, "_chat.txt", SIGNAL)) == "signal"
    assert detect.detect(_saved(tmp_path, "a.txt", linked)) == "signal"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("chat.json", "messenger"),
        ("your_instagram_activity/messages/inbox/kit_1/message_1 (1).json", "instagram"),
        ("instagram-kit.json", "instagram"),
    ],
)
def test_meta_threads_are_told_apart_by_their_path_or_a_link(
    tmp_path: Path, name: str, fmt: str
) -> None:
    path = _saved(tmp_path, name, MESSENGER)
    assert detect.detect(path) == fmt
    assert detect.open_chat(path).format == fmt
    assert detect.open_chat(_saved(tmp_path, "thread.json", INSTAGRAM)).format == "instagram"


def test_only_the_first_bytes_are_read(tmp_path: Path) -> None:
    hidden = " " * HEAD_BYTES + MESSENGER
    path = _saved(tmp_path, "chat.json", hidden)
    assert detect.detect(path) is None
    with pytest.raises(ImportProblem, match="could not tell which app"):
        detect.open_chat(path)


def test_a_half_line_at_the_edge_of_the_head_is_not_judged(tmp_path: Path) -> None:
    long_first = "Kit said hello " * (HEAD_BYTES // 10)
    path = _saved(tmp_path, "export", long_first + "\n" + WHATSAPP)
    assert detect.detect(path) is None


def test_binary_and_empty_files_are_not_guessed(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    assert detect.detect(binary) is None
    assert detect.detect(_saved(tmp_path, "empty", "")) is None


# The real samples from other projects, staged under names their apps never give.
_RENAMED_EXTERNAL = [
    ("fb-chatanalytics-2A_7M.json", "message_1 (1).json", "messenger"),
    ("fb-chatminer-testlog.json", "chat.json", "messenger"),
    ("ig-chatminer-minimal.json", "your_instagram_activity/inbox/jane/chat.json", "instagram"),
    ("ig-chatminer-testlog-mojibake.json", "instagram (1).json", "instagram"),
    ("signal-sigexport-2024-02-chat.md", "chat.txt", "signal"),
    ("signal-sigexport-2024-08-chat.md", "export", "signal"),
    ("signal-chatminer-old-format.txt", "JaneDoe/chat.md", "signal"),
    ("signal-chatminer-old-format.txt", "signal-jane.txt", "signal"),
    ("tg-chatminer-single.json", "chat.json", "telegram"),
    ("tg-chatanalytics-DM_2A_7M.json", "result (1).json", "telegram"),
    ("imessage-exporter-txt-tests.txt", "export", "imessage"),
    ("wa-chatminer-dmy-24h.txt", "chat.json", "whatsapp"),
    ("wa-whatstk-lorem2000-ios-ymd.txt", "wa-whatstk-lorem2000-ios-ymd.txt", "whatsapp"),
]


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="the shared sample exports are not here")
@pytest.mark.parametrize(("name", "staged", "fmt"), _RENAMED_EXTERNAL)
def test_real_exports_under_other_names_are_known_by_content(
    tmp_path: Path, name: str, staged: str, fmt: str
) -> None:
    path = tmp_path / "plain" / staged
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXTERNAL / name, path)
    assert detect.detect(path) == fmt
    assert detect.open_chat(path).format == fmt


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="the shared sample exports are not here")
def test_the_old_signal_layout_under_a_plain_name_is_asked_about(tmp_path: Path) -> None:
    path = tmp_path / "plain" / "export"
    path.parent.mkdir()
    shutil.copyfile(EXTERNAL / "signal-chatminer-old-format.txt", path)
    with pytest.raises(FormatChoiceNeeded) as caught:
        detect.detect(path)
    assert caught.value.choices == ("whatsapp", "signal")
