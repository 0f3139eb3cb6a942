"""Which app wrote a single file, read from its first bytes; its name is only a hint.

Browsers save a second download as `message_1 (1).json`, people rename
files, and uploads keep whatever name the browser sent, so a file is judged
by what it holds: at most `HEAD_BYTES` from its start, never the whole file,
and only whole lines of that (a line cut off by the limit is not judged).
The mark each app leaves at the start:

- Messenger and Instagram: a JSON object with `sender_name`, `timestamp_ms`,
  `thread_path` or `is_still_participant` keys. Both write the same shape and
  read the same; it is Instagram when the path or the first bytes say so
  (`your_instagram_activity/`, an instagram.com link), else Messenger.
- Telegram: a JSON object with `date_unixtime`, `from_id`, a chat `type`
  such as `personal_chat`, or the account export's `personal_information`.
- Signal: JSON Lines whose first record starts `{"date": …, "sender": …`
  (data.json), or a first line `[2023-02-14 09:12:05] Name: text` (chat.md).
- iMessage: a first line `Feb 14, 2023  9:12:05 AM` (imessage-exporter).
- CSV: a first line that is a header naming time, sender and text columns.
- WhatsApp: a first line that is a WhatsApp message start.

Signal's chat.md and an iPhone WhatsApp export with year-first dates can
begin alike (`[2023-02-14, 09:12] Name: text`). signal-export ends every
message line with two spaces (Markdown line breaks) or links media as
`](./media/…)`; either mark makes it Signal. Without them both readings
stand, and the name breaks the tie (see `name_hints`); when it cannot, the
person is asked which app it is.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from clearheart.importers import csv_chat, imessage, signal, whatsapp
from clearheart.importers.base import APP_NAMES, FormatChoiceNeeded
from clearheart.importers.whatsapp_format import is_message_start

HEAD_BYTES = 16 << 10
"""How much of a file is read to tell its app: a few dozen messages of any export."""

_META = re.compile(r'"(?:sender_name|timestamp_ms|thread_path|is_still_participant)"\s*:')
_TELEGRAM = re.compile(
    r'"(?:date_unixtime|from_id|personal_information)"\s*:'
    r'|"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup'
    r'|public_supergroup|private_channel|public_channel|saved_messages|replies)"'
)
_SIGNAL_JSON = re.compile(r'\{\s*"date"\s*:\s*"[^"\n]*"\s*,\s*"sender"\s*:')
_SIGNAL_MEDIA = "](./media/"
_INSTAGRAM = re.compile(r"instagram\.com|your_instagram_activity", re.IGNORECASE)
_MESSAGE_FILE = re.compile(r"message_\d+(?: \(\d+\))?\.json")
_RESULT_FILE = re.compile(r"result(?: \(\d+\))?\.json")
_APP_WORDS = {
    "whatsapp": "whatsapp",
    "telegram": "telegram",
    "messenger": "messenger",
    "facebook": "messenger",
    "instagram": "instagram",
    "signal": "signal",
    "imessage": "imessage",
}
_SUFFIXES = {
    ".txt": ("whatsapp", "imessage"),
    ".md": ("signal",),
    ".csv": ("csv",),
    ".tsv": ("csv",),
    ".json": ("messenger", "telegram"),
}


def read_head(path: Path) -> str:
    """The file's first HEAD_BYTES as text, cut back to whole lines when the file goes on."""
    with path.open("rb") as raw:
        data = raw.read(HEAD_BYTES)
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    if len(data) == HEAD_BYTES:
        text = text[: text.rfind("\n") + 1]
    return text


def fits(head: str) -> tuple[str, ...]:
    """Every format whose export could begin with `head`, in FORMATS order.

    "messenger" stands for both Meta apps; `choose` tells them apart.
    """
    start = head.lstrip()
    if start.startswith("{"):
        return _json_fits(start)
    lines = start.splitlines()
    if not lines:
        return ()
    first = lines[0].rstrip("\r")
    found: list[str] = []
    if is_message_start(first):
        found.append("whatsapp")
    if signal.is_message_start(first):
        if _has_signal_marks(lines):
            return ("signal",)
        found.append("signal")
    if imessage.is_message_start(first):
        found.append("imessage")
    if csv_chat.header_delimiter(first) is not None:
        found.append("csv")
    return tuple(found)


def _json_fits(start: str) -> tuple[str, ...]:
    found = []
    if _TELEGRAM.search(start):
        found.append("telegram")
    if _META.search(start):
        found.append("messenger")
    if _SIGNAL_JSON.match(start):
        found.append("signal")
    return tuple(found)


def _has_signal_marks(lines: list[str]) -> bool:
    """Media linked the Markdown way, or every message line ending in a Markdown break."""
    if any(_SIGNAL_MEDIA in line for line in lines):
        return True
    starts = [line.rstrip("\r") for line in lines if signal.is_message_start(line)]
    return all(line.endswith("  ") for line in starts)


def name_hints(path: Path) -> dict[str, int]:
    """How strongly the file's name and folder point at each format.

    3: the name or its folder names the app ("Signal with Kit.txt",
    "whatsapp/export"). 2: the name the app itself gives (`_chat.txt`,
    `chat.md`, `data.json`, `message_1.json`, `result.json`, also as a
    browser saves a second copy: `message_1 (1).json`). 1: the extension.
    """
    hints: dict[str, int] = {}

    def point(fmt: str, strength: int) -> None:
        hints[fmt] = max(hints.get(fmt, 0), strength)

    around = f"{path.parent.name} {path.name}".casefold()
    for word, fmt in _APP_WORDS.items():
        if word in around:
            point(fmt, 3)
    name = path.name
    if whatsapp.is_chat_name(name):
        point("whatsapp", 2)
    if name in (signal.CHAT_FILE, signal.JSON_FILE):
        point("signal", 2)
    if _MESSAGE_FILE.fullmatch(name):
        point("messenger", 2)
    if _RESULT_FILE.fullmatch(name):
        point("telegram", 2)
    for fmt in _SUFFIXES.get(PurePosixPath(name).suffix.lower(), ()):
        point(fmt, 1)
    return hints


def choose(path: Path, head: str) -> str | None:
    """The one format this file is, None when its content fits none.

    Content decides; among formats the content fits equally, the one the
    name points at most strongly wins. A tie raises FormatChoiceNeeded.
    """
    found = fits(head)
    if not found:
        return None
    if len(found) > 1:
        hints = name_hints(path)
        best = max(hints.get(fmt, 0) for fmt in found)
        leaders = [fmt for fmt in found if hints.get(fmt, 0) == best]
        if best == 0 or len(leaders) > 1:
            names = " or ".join(APP_NAMES[fmt] for fmt in found)
            raise FormatChoiceNeeded(path, f"it reads like {names}", choices=found)
        found = (leaders[0],)
    fmt = found[0]
    if fmt == "messenger" and ("instagram" in str(path).casefold() or _INSTAGRAM.search(head)):
        return "instagram"
    return fmt
