"""A zip's end record cannot hide how big its directory really is (issue 10, #7).

Python's zipfile reads the central directory by its byte size and ignores the
entry count the end record declares, so "1 entry" may cover millions. The
hostile zips here are built by hand: one real member, then many central
directory records pointing at it, and an end record that declares one.
"""

from __future__ import annotations

import os
import struct
import time
import zlib
from pathlib import Path

import pytest

from clearheart.importers import imessage, messenger, signal, telegram, whatsapp
from clearheart.importers.base import ImportProblem, Limits, Options

CHAT = b"31/12/2020, 23:50 - Sam: hello\n"
STRESS_ENTRIES = int(os.environ.get("CLEARHEART_ZIP_ENTRIES", "2000001"))


def hostile_zip(path: Path, entries: int, declared: int = 1, cd_size_delta: int = 0) -> Path:
    """One stored `_chat.txt`, `entries` directory records naming it, `declared` in the end."""
    name = b"_chat.txt"
    crc = zlib.crc32(CHAT)
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(CHAT),
                        len(CHAT), len(name), 0) + name + CHAT
    record = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc,
                         len(CHAT), len(CHAT), len(name), 0, 0, 0, 0, 0, 0) + name
    directory = record * entries
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, declared, declared,
                      len(directory) + cd_size_delta, len(local), 0)
    path.write_bytes(local + directory + end)
    return path


def _open(path: Path, limits: Limits | None = None) -> None:
    limits = limits or Limits()
    list(whatsapp.open_source(path, Options(limits=limits)).messages())


def test_entries_hidden_behind_a_declared_count_of_one_are_counted(tmp_path: Path) -> None:
    path = hostile_zip(tmp_path / "lies.zip", entries=500)
    with pytest.raises(ImportProblem, match="holds 500 files, more than the limit of 50"):
        _open(path, Limits(max_zip_members=50))


def test_a_directory_larger_than_the_file_is_refused(tmp_path: Path) -> None:
    path = hostile_zip(tmp_path / "big.zip", entries=3, cd_size_delta=1 << 30)
    with pytest.raises(ImportProblem, match="damaged"):
        _open(path)


def test_a_directory_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = hostile_zip(tmp_path / "wide.zip", entries=100)
    with pytest.raises(ImportProblem, match="directory is larger than"):
        _open(path, Limits(max_zip_directory_bytes=1000))


def test_an_honest_zip_still_imports(tmp_path: Path) -> None:
    path = hostile_zip(tmp_path / "honest.zip", entries=1)
    assert [m.text for m in whatsapp.open_source(path, Options()).messages()] == ["hello"]


@pytest.fixture(scope="module")
def over_default_cap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Just over the default member cap, declared as one: about 5 MB."""
    folder = tmp_path_factory.mktemp("zips")
    return hostile_zip(folder / "many.zip", entries=Limits().max_zip_members + 1)


@pytest.mark.parametrize("module", [whatsapp, telegram, messenger, signal, imessage],
                         ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_sniffer_counts_the_real_directory(module: object, over_default_cap: Path) -> None:
    """Auto-detection opens the zip too, before any importer: it must not parse it blindly."""
    with pytest.raises(ImportProblem, match="more than the limit"):
        module.sniff(over_default_cap)  # type: ignore[attr-defined]


@pytest.mark.stress
def test_the_reviews_two_million_entries_are_refused_quickly(tmp_path: Path) -> None:
    path = hostile_zip(tmp_path / "huge.zip", entries=STRESS_ENTRIES)
    started = time.perf_counter()
    with pytest.raises(ImportProblem):
        _open(path)
    assert time.perf_counter() - started < 5
