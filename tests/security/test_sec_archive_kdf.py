"""An archive's header cannot make restore do unbounded key-derivation work (issue 10, #10)."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

from clearheart.errors import ArchiveInvalid
from clearheart.services import archive
from clearheart.store import envelope
from clearheart.store.kdf import KDF_ARGON2ID, MAX_MEMORY_KIB, MAX_TIME_COST, KdfParams

_PARAMS_AT = len(envelope.MAGIC) + 1


def _sealed_with(tmp_path: Path, memory_kib: int, time_cost: int, lanes: int) -> Path:
    """A real sealed archive whose header then claims other Argon2id costs."""
    blob = bytearray(envelope.seal(b"{}\n", "correct horse",
                                   KdfParams(memory_kib=64 * 1024, time_cost=3)))
    blob[_PARAMS_AT:_PARAMS_AT + KdfParams.PACKED.size] = struct.pack(
        ">BIIB", KDF_ARGON2ID, memory_kib, time_cost, lanes)
    path = tmp_path / "costly.bin"
    path.write_bytes(bytes(blob))
    return path


@pytest.mark.parametrize(("memory_kib", "time_cost", "lanes"), [
    (4 * 1024 * 1024, 64, 1),         # the review's 4 GiB, 64 passes
    (MAX_MEMORY_KIB + 1024, 4, 1),    # just over the memory cap
    (128 * 1024, MAX_TIME_COST + 1, 1),  # just over the pass cap
    (128 * 1024, 4, 16),              # many lanes
])
def test_costly_header_is_refused_before_any_derivation(
    tmp_path: Path, memory_kib: int, time_cost: int, lanes: int
) -> None:
    path = _sealed_with(tmp_path, memory_kib, time_cost, lanes)
    started = time.perf_counter()
    with pytest.raises(ArchiveInvalid, match="more key-derivation work"):
        archive.open_archive(path, "correct horse")
    assert time.perf_counter() - started < 0.25


def test_the_costs_the_app_writes_are_within_the_cap() -> None:
    written = KdfParams()
    assert written.memory_kib * 2 <= MAX_MEMORY_KIB
    assert written.time_cost * 2 <= MAX_TIME_COST
    written.check()
