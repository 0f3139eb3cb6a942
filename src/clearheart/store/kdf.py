"""Passphrase-to-key derivation with Argon2id, parameters carried with the data."""

from __future__ import annotations

import struct
from dataclasses import dataclass

KEY_BYTES = 32
SALT_BYTES = 16
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
MAX_MEMORY_KIB = 256 * 1024
MAX_TIME_COST = 8
MAX_PARALLELISM = 4
"""The most a file may ask for: twice the memory and twice the passes the app writes
(KdfParams' defaults), so at most about four times the usual derivation (about 2 s).
Checked before any derivation, so a hostile header cannot make a restore or an unlock
allocate gigabytes or run for minutes before "wrong passphrase"."""
KDF_ARGON2ID = 1


class KdfTooCostly(ValueError):
    """A file asks for more Argon2id work than this app ever writes."""


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
        """Refuse parameters weaker than the floor (ValueError), or costlier than the cap
        (KdfTooCostly): the caps keep a hostile file from hanging the app."""
        if self.memory_kib < MIN_MEMORY_KIB:
            raise ValueError(f"Argon2id memory {self.memory_kib} KiB is below the floor")
        if self.time_cost < MIN_TIME_COST:
            raise ValueError(f"Argon2id time cost {self.time_cost} is below the floor")
        if self.parallelism < 1:
            raise ValueError(f"Argon2id parallelism {self.parallelism} is out of range")
        if (self.memory_kib > MAX_MEMORY_KIB or self.time_cost > MAX_TIME_COST
                or self.parallelism > MAX_PARALLELISM):
            raise KdfTooCostly(
                f"it asks for more key-derivation work than Clearheart ever uses (Argon2id "
                f"{self.memory_kib // 1024} MiB, {self.time_cost} passes, {self.parallelism} "
                f"lanes; at most {MAX_MEMORY_KIB // 1024} MiB, {MAX_TIME_COST} passes and "
                f"{MAX_PARALLELISM} lanes are accepted)")


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
