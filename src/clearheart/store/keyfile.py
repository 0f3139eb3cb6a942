"""The key file: the vault's random data key, wrapped under the passphrase.

Layout (big-endian), all of it before the ciphertext authenticated as AAD:

    magic   4  b"CHVK"
    version 1  1
    kdf     10 KdfParams.pack(): kind, memory KiB, time cost, parallelism
    salt    16
    nonce   12
    wrapped 48 AES-256-GCM(data key 32 + tag 16)

Changing the passphrase re-wraps the same data key, so the database is never
re-encrypted and a crash mid-change leaves either the old or the new file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from clearheart.errors import KeyFileCorrupt, PassphraseRejected, WrongPassphrase
from clearheart.store.kdf import KEY_BYTES, SALT_BYTES, KdfParams, derive_key

MAGIC = b"CHVK"
VERSION = 1
NONCE_BYTES = 12
_HEADER = len(MAGIC) + 1 + KdfParams.PACKED.size + SALT_BYTES + NONCE_BYTES
SIZE = _HEADER + KEY_BYTES + 16
MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must be long enough to resist guessing."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseRejected(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters; "
            "a few unrelated words work well."
        )


@dataclass(frozen=True, slots=True)
class KeyFile:
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def header(self) -> bytes:
        return MAGIC + bytes([VERSION]) + self.params.pack() + self.salt + self.nonce

    def to_bytes(self) -> bytes:
        return self.header() + self.wrapped

    @classmethod
    def from_bytes(cls, raw: bytes, source: Path) -> KeyFile:
        if len(raw) != SIZE:
            raise KeyFileCorrupt(source, f"expected {SIZE} bytes, found {len(raw)}")
        if raw[:4] != MAGIC:
            raise KeyFileCorrupt(source, "it does not start with the Clearheart key marker")
        if raw[4] != VERSION:
            raise KeyFileCorrupt(source, f"format version {raw[4]} is not one this version reads")
        at = 5
        try:
            params = KdfParams.unpack(raw[at : at + KdfParams.PACKED.size])
        except ValueError as exc:
            raise KeyFileCorrupt(source, str(exc)) from None
        at += KdfParams.PACKED.size
        salt = raw[at : at + SALT_BYTES]
        at += SALT_BYTES
        nonce = raw[at : at + NONCE_BYTES]
        at += NONCE_BYTES
        return cls(params=params, salt=salt, nonce=nonce, wrapped=raw[at:])

    @classmethod
    def seal(cls, data_key: bytes, passphrase: str, params: KdfParams) -> KeyFile:
        """Wrap `data_key` under a fresh salt and nonce."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(data_key) != KEY_BYTES:
            raise ValueError("data keys are 32 bytes")
        draft = cls(params=params, salt=os.urandom(SALT_BYTES), nonce=os.urandom(NONCE_BYTES),
                    wrapped=b"")
        kek = derive_key(passphrase, draft.salt, params)
        wrapped = AESGCM(kek).encrypt(draft.nonce, data_key, draft.header())
        return cls(params=params, salt=draft.salt, nonce=draft.nonce, wrapped=wrapped)

    def open(self, passphrase: str) -> bytes:
        """Return the data key, or raise WrongPassphrase (also on any tampering)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kek = derive_key(passphrase, self.salt, self.params)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped, self.header())
        except InvalidTag:
            raise WrongPassphrase() from None


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def read(path: Path) -> KeyFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KeyFileCorrupt(path, exc.strerror or "it cannot be opened") from None
    return KeyFile.from_bytes(raw, path)


def write_atomically(path: Path, keyfile: KeyFile) -> None:
    """Replace the key file so that a crash leaves the old or the new one, never half."""
    from clearheart.store.files import atomic_write

    atomic_write(path, keyfile.to_bytes())
