"""The encrypted file envelope for archives: versioned, chunked AES-256-GCM.

    magic      4  b"CHAR"
    version    1  1
    kdf        10 KdfParams.pack()
    salt       16
    nonce base 8
    chunks     repeated: length (4, big-endian) + ciphertext with tag

Chunk i is sealed with nonce = base + i (4 bytes) and AAD = header + i + final
flag, so chunks cannot be reordered, dropped, or cut off at the end unseen.
The key is derived from a passphrase with Argon2id, so an archive opens on any
machine with that passphrase alone.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator

from clearheart.store.kdf import SALT_BYTES, KdfParams, derive_key

MAGIC = b"CHAR"
VERSION = 1
CHUNK = 1 << 20
_HEADER = len(MAGIC) + 1 + KdfParams.PACKED.size + SALT_BYTES + 8
_LEN = struct.Struct(">I")


class EnvelopeError(ValueError):
    """The bytes are not a whole, authentic envelope (or the passphrase is wrong)."""


def is_envelope(head: bytes) -> bool:
    return head[:4] == MAGIC


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">I?", index, final)


def seal(payload: bytes, passphrase: str, params: KdfParams | None = None) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = params or KdfParams()
    salt, base = os.urandom(SALT_BYTES), os.urandom(8)
    header = MAGIC + bytes([VERSION]) + params.pack() + salt + base
    aead = AESGCM(derive_key(passphrase, salt, params))
    out = [header]
    pieces = [payload[i : i + CHUNK] for i in range(0, len(payload), CHUNK)] or [b""]
    for index, piece in enumerate(pieces):
        final = index == len(pieces) - 1
        sealed = aead.encrypt(base + struct.pack(">I", index), piece, _aad(header, index, final))
        out += [_LEN.pack(len(sealed)), sealed]
    return b"".join(out)


def _chunks(blob: bytes) -> Iterator[tuple[int, bytes, bool]]:
    at, index = _HEADER, 0
    while at < len(blob):
        if at + 4 > len(blob):
            raise EnvelopeError("the file is cut off")
        (length,) = _LEN.unpack_from(blob, at)
        at += 4
        if length < 16 or at + length > len(blob):
            raise EnvelopeError("the file is cut off or damaged")
        yield index, blob[at : at + length], at + length == len(blob)
        at += length
        index += 1


def open_sealed(blob: bytes, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(blob) < _HEADER or not is_envelope(blob):
        raise EnvelopeError("it is not an encrypted Clearheart archive")
    if blob[4] != VERSION:
        raise EnvelopeError(f"archive format version {blob[4]} is newer than this app reads")
    header = blob[:_HEADER]
    try:
        params = KdfParams.unpack(header[5 : 5 + KdfParams.PACKED.size])
    except ValueError as exc:
        raise EnvelopeError(str(exc)) from None
    salt = header[5 + KdfParams.PACKED.size : 5 + KdfParams.PACKED.size + SALT_BYTES]
    base = header[-8:]
    aead = AESGCM(derive_key(passphrase, salt, params))
    parts = []
    seen_final = False
    for index, sealed, final in _chunks(blob):
        try:
            parts.append(aead.decrypt(base + struct.pack(">I", index), sealed,
                                      _aad(header, index, final)))
        except InvalidTag:
            if index == 0:
                raise EnvelopeError("the passphrase does not open it, or it was altered") from None
            raise EnvelopeError("it was altered or cut short") from None
        seen_final = final
    if not seen_final:
        raise EnvelopeError("the file is cut off")
    return b"".join(parts)
