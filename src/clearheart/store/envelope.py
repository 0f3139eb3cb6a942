"""The encrypted file envelope for archives: versioned, chunked AES-256-GCM.

    magic      4  b"SEAL" (earlier versions wrote b"CHAR"; both are read)
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

import io
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from clearheart.store.kdf import SALT_BYTES, KdfParams, derive_key

MAGIC = b"SEAL"
"""Written at the start of every new envelope: neutral, it names no app."""
LEGACY_MAGICS = frozenset({b"CHAR"})
"""What earlier versions wrote, with the same layout after it: still read, never written."""
VERSION = 1
CHUNK = 1 << 20
_HEADER = len(MAGIC) + 1 + KdfParams.PACKED.size + SALT_BYTES + 8
_LEN = struct.Struct(">I")


class EnvelopeError(ValueError):
    """The bytes are not a whole, authentic envelope (or the passphrase is wrong)."""


def is_envelope(head: bytes) -> bool:
    return head[:4] == MAGIC or head[:4] in LEGACY_MAGICS


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">I?", index, final)


class SealWriter:
    """Seal a stream chunk by chunk into `out`; memory stays at one chunk."""

    def __init__(self, out: BinaryIO, passphrase: str, params: KdfParams | None = None) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        params = params or KdfParams()
        salt, self.base = os.urandom(SALT_BYTES), os.urandom(8)
        self.header = MAGIC + bytes([VERSION]) + params.pack() + salt + self.base
        self.aead = AESGCM(derive_key(passphrase, salt, params))
        self.out = out
        self.pending = bytearray()
        self.index = 0
        out.write(self.header)

    def write(self, data: bytes) -> None:
        self.pending += data
        while len(self.pending) > CHUNK:
            self._emit(bytes(self.pending[:CHUNK]), final=False)
            del self.pending[:CHUNK]

    def close(self) -> None:
        """Seal what is left as the final chunk (an empty one if nothing is left)."""
        self._emit(bytes(self.pending), final=True)
        self.pending.clear()

    def _emit(self, piece: bytes, final: bool) -> None:
        nonce = self.base + struct.pack(">I", self.index)
        sealed = self.aead.encrypt(nonce, piece, _aad(self.header, self.index, final))
        self.out.write(_LEN.pack(len(sealed)) + sealed)
        self.index += 1


class SealReader:
    """Open a sealed file and stream its plaintext chunks, checking each as it goes."""

    def __init__(self, handle: BinaryIO, passphrase: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.handle = handle
        header = handle.read(_HEADER)
        if len(header) < _HEADER or not is_envelope(header):
            raise EnvelopeError("it is not an encrypted Clearheart archive")
        if header[4] != VERSION:
            raise EnvelopeError(f"archive format version {header[4]} is newer than this app reads")
        try:
            params = KdfParams.unpack(header[5 : 5 + KdfParams.PACKED.size])
        except ValueError as exc:
            raise EnvelopeError(str(exc)) from None
        salt = header[5 + KdfParams.PACKED.size : 5 + KdfParams.PACKED.size + SALT_BYTES]
        self.header, self.base = header, header[-8:]
        self.aead = AESGCM(derive_key(passphrase, salt, params))
        self.start = handle.tell()

    def chunks(self) -> Iterator[bytes]:
        """Plaintext chunks in order; can be called again to read from the start."""
        from cryptography.exceptions import InvalidTag

        self.handle.seek(self.start)
        index = 0
        sealed = self._next()
        if sealed is None:
            raise EnvelopeError("the file is cut off")
        while sealed is not None:
            following = self._next()
            final = following is None
            try:
                yield self.aead.decrypt(self.base + struct.pack(">I", index), sealed,
                                        _aad(self.header, index, final))
            except InvalidTag:
                if index == 0:
                    raise EnvelopeError("the passphrase does not open it, or it was altered") \
                        from None
                raise EnvelopeError("it was altered or cut short") from None
            sealed, index = following, index + 1

    def _next(self) -> bytes | None:
        raw = self.handle.read(4)
        if not raw:
            return None
        if len(raw) < 4:
            raise EnvelopeError("the file is cut off")
        (length,) = _LEN.unpack(raw)
        sealed = self.handle.read(length)
        if length < 16 or len(sealed) < length:
            raise EnvelopeError("the file is cut off or damaged")
        return sealed


def seal(payload: bytes, passphrase: str, params: KdfParams | None = None) -> bytes:
    buffer = io.BytesIO()
    writer = SealWriter(buffer, passphrase, params)
    writer.write(payload)
    writer.close()
    return buffer.getvalue()


def open_sealed(blob: bytes, passphrase: str) -> bytes:
    return b"".join(SealReader(io.BytesIO(blob), passphrase).chunks())
