"""How one block of chat messages is packed into bytes (the `payload` of chat_blocks).

Each field is stored as its own column so that packing and unpacking are a
handful of C-level copies, not work per message:

    byte 0      format version (1)
    byte 1      flags: bit 0 set = texts are joined by U+001F; clear = a table of
                text lengths (uint32, in code points) comes first
    bytes 2-5   n, the number of messages (uint32)
    n × int64   wall-clock seconds (see domain.chat.wall_seconds)
    n × uint16  sender: the participant's `idx` in chat_participants
    n × uint8   kind: a code from KIND_CODES in store.chat_repo
    n × uint8   edited: 0 or 1
    [n × uint32 text lengths, without flag bit 0]
    the rest    the texts, UTF-8 (lone surrogates passed through, so any text
                a JSON export held survives exactly)

All integers are little-endian. Texts containing U+001F are rare, so the
separator form is the usual one and splitting is a single call.
"""

from __future__ import annotations

import struct
import sys
from array import array
from itertools import accumulate

VERSION = 1
SEPARATOR = "\x1f"
_JOINED = 1
_HEAD = struct.Struct("<BBI")
_BIG_ENDIAN = sys.byteorder == "big"


class PackError(ValueError):
    """A stored block cannot be read: damaged or written by a newer version."""


def _raw(values: array) -> bytes:  # type: ignore[type-arg]
    if _BIG_ENDIAN:
        values.byteswap()
    return values.tobytes()


def _values(code: str, raw: bytes) -> list[int]:
    values = array(code)
    values.frombytes(raw)
    if _BIG_ENDIAN:
        values.byteswap()
    return values.tolist()


def pack(
    seconds: list[int], senders: list[int], kinds: list[int], texts: list[str], edited: list[int]
) -> bytes:
    """One block of equal-length columns as bytes."""
    n = len(seconds)
    if not (len(senders) == len(kinds) == len(texts) == len(edited) == n):
        raise ValueError("columns of a block must have the same length")
    joined = SEPARATOR.join(texts)
    flags = _JOINED if joined.count(SEPARATOR) == max(n - 1, 0) else 0
    parts = [
        _HEAD.pack(VERSION, flags, n),
        _raw(array("q", seconds)),
        _raw(array("H", senders)),
        bytes(kinds),
        bytes(edited),
    ]
    if not flags:
        parts.append(_raw(array("I", map(len, texts))))
        joined = "".join(texts)
    parts.append(joined.encode("utf-8", "surrogatepass"))
    return b"".join(parts)


def unpack(payload: bytes) -> tuple[list[int], list[int], bytes, bytes, list[str]]:
    """(seconds, senders, kinds, edited, texts) of a packed block."""
    try:
        version, flags, n = _HEAD.unpack_from(payload)
    except struct.error:
        raise PackError("a stored message block is cut short") from None
    if version != VERSION:
        raise PackError(
            f"a stored message block has format {version}, this version reads {VERSION}"
        )
    at = _HEAD.size
    seconds = _values("q", payload[at : at + 8 * n])
    at += 8 * n
    senders = _values("H", payload[at : at + 2 * n])
    at += 2 * n
    kinds = payload[at : at + n]
    edited = payload[at + n : at + 2 * n]
    at += 2 * n
    lengths = None
    if not flags & _JOINED:
        lengths = _values("I", payload[at : at + 4 * n])
        at += 4 * n
    if len(seconds) != n or len(senders) != n or len(edited) != n:
        raise PackError("a stored message block is cut short")
    try:
        joined = payload[at:].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise PackError("a stored message block is damaged") from None
    if lengths is None:
        texts = joined.split(SEPARATOR) if n else []
    else:
        ends = list(accumulate(lengths))
        texts = [joined[end - size : end] for end, size in zip(ends, lengths, strict=True)]
    if len(texts) != n:
        raise PackError("a stored message block is damaged")
    return seconds, senders, kinds, edited, texts
