"""Passphrase-to-key derivation with Argon2id, parameters carried with the data."""

from __future__ import annotations

import struct
from dataclasses import dataclass

KEY_BYTES = 32
SALT_BYTES = 16
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
KDF_ARGON2ID = 1


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost settings; stored beside every wrapped key so they can grow later."""

    memory_kib: int = 128 * 1024
    time_cost: int = 4
    parallelism: int = 1

    PACKED = struct.Struct(">BIIB")

    def pack(self) -> bytes:
        return self.PACKED.pack(KDF_ARGON2ID, self.memory_kib, self.time_cost, self.parallelism)

    @classmethod
    def unpack(cls, raw: bytes) -> KdfParams:
        kind, memory, time_cost, lanes = cls.PACKED.unpack(raw)
        if kind != KDF_ARGON2ID:
            raise ValueError(f"unknown key derivation {kind}")
        params = cls(memory_kib=memory, time_cost=time_cost, parallelism=lanes)
        params.check()
        return params

    def check(self) -> None:
        """Refuse parameters weaker than the floor, or absurd ones that would hang."""
        if self.memory_kib < MIN_MEMORY_KIB or self.memory_kib > 4 * 1024 * 1024:
            raise ValueError(f"Argon2id memory {self.memory_kib} KiB is outside the allowed range")
        if self.time_cost < MIN_TIME_COST or self.time_cost > 64:
            raise ValueError(f"Argon2id time cost {self.time_cost} is outside the allowed range")
        if not 1 <= self.parallelism <= 16:
            raise ValueError(f"Argon2id parallelism {self.parallelism} is out of range")


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a passphrase into a 256-bit key. Slow on purpose."""
    from argon2.low_level import Type, hash_secret_raw

    params.check()
    secret: bytes = hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return secret
