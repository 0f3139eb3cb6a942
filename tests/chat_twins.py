"""One short conversation written out as each WhatsApp app exports it, for the tests that
import the same chat twice (tests/cli/test_cli_same_chat.py, tests/web/test_web_same_chat.py).

The words are our own. Android writes `14/01/2024, 19:02 - Sam: …` (no seconds,
`<Media omitted>`, the encryption notice with no sender); the iPhone writes
`[14/01/2024, 19:02:11] Sam: …` (seconds, `image omitted` behind an invisible mark,
the notice under the contact's name). Days run past the 12th so the order of day and
month is never in doubt.
"""

from __future__ import annotations

MEDIA = None
LRM = "\u200e"

Line = tuple[int, int, int, int, str, str | None]
"""Day of January 2024, hour, minute, second, sender, words (MEDIA for a photo)."""

TALK: tuple[Line, ...] = (
    (14, 19, 2, 11, "Sam", "Are you home yet?"),
    (14, 19, 3, 40, "Alex", "Nearly, the bus is slow tonight"),
    (14, 19, 3, 58, "Alex", MEDIA),
    (14, 19, 30, 5, "Sam", "Saw the photo. That sky!"),
    (15, 8, 15, 0, "Alex", "Morning. Did you sleep?"),
    (15, 9, 47, 31, "Sam", "A little. Busy day ahead"),
    (15, 21, 5, 9, "Alex", "Want to talk later?"),
    (16, 12, 0, 44, "Sam", "Maybe tomorrow"),
    (16, 12, 1, 2, "Alex", "Ok"),
    (17, 18, 20, 17, "Sam", MEDIA),
    (17, 18, 21, 30, "Alex", "Ha, where is that?"),
    (17, 18, 40, 0, "Sam", "The lake near my sister's place"),
    (18, 22, 10, 10, "Alex", "Goodnight"),
    (19, 7, 30, 45, "Sam", "Morning ☀️"),
    (19, 7, 31, 5, "Alex", "Hi you\nslept well?"),
    (20, 20, 2, 2, "Sam", "Dinner on Friday?"),
    (20, 20, 3, 3, "Alex", "Yes please"),
    (20, 20, 3, 50, "Alex", "I'll book the place by the river"),
)
NOTICE = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
    "WhatsApp, can read or listen to them."
)


def android(lines: tuple[Line, ...] = TALK, names: dict[str, str] | None = None) -> bytes:
    """The conversation as Android exports it; `names` renames senders (another phone)."""
    rename = names or {}
    out = [f"{lines[0][0]:02d}/01/2024, 19:00 - {NOTICE} Tap to learn more."]
    for day, hour, minute, _, sender, words in lines:
        body = "<Media omitted>" if words is MEDIA else words
        out.append(
            f"{day:02d}/01/2024, {hour:02d}:{minute:02d} - {rename.get(sender, sender)}: {body}"
        )
    return ("\n".join(out) + "\n").encode()


def iphone(lines: tuple[Line, ...] = TALK) -> bytes:
    """The conversation as an iPhone exports it, seconds and all."""
    out = [f"{LRM}[{lines[0][0]:02d}/01/2024, 19:00:00] Sam: {LRM}{NOTICE}"]
    for day, hour, minute, second, sender, words in lines:
        stamp = f"[{day:02d}/01/2024, {hour:02d}:{minute:02d}:{second:02d}]"
        if words is MEDIA:
            out.append(f"{LRM}{stamp} {sender}: {LRM}image omitted")
        else:
            out.append(f"{stamp} {sender}: {words}")
    return ("\n".join(out) + "\n").encode()


def person_lines(lines: tuple[Line, ...] = TALK) -> list[tuple[str, str]]:
    """(sender, words) of every line, as `clearheart messages --jsonl` gives them back."""
    return [(sender, "media" if words is MEDIA else words) for _, _, _, _, sender, words in lines]


GROUP: tuple[Line, ...] = (
    (14, 19, 2, 30, "Jo", "Who is bringing the cake on Sunday?"),
    (14, 19, 4, 1, "Sam", "I can"),
    (15, 9, 0, 0, "Alex", "I'll bring candles"),
    (16, 12, 1, 40, "Alex", "Ok"),
    (17, 10, 0, 0, "Jo", "Thank you both"),
)
"""A family group with the same two people and one more, over the same days."""
