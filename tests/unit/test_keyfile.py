"""Key file and archive envelope: round trips, tampering, wrong keys (property tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearheart.errors import KeyFileCorrupt, PassphraseRejected, WrongPassphrase
from clearheart.store import envelope, keyfile
from clearheart.store.kdf import KdfParams

# The cheapest parameters the floor allows, so property tests stay quick.
FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=1)
SRC = Path("vault.key")
passphrases = st.text(min_size=8, max_size=40).filter(lambda s: "\x00" not in s)
slow = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@slow
@given(key=st.binary(min_size=32, max_size=32), phrase=passphrases)
def test_seal_open_round_trip(key: bytes, phrase: str) -> None:
    sealed = keyfile.KeyFile.seal(key, phrase, FLOOR)
    parsed = keyfile.KeyFile.from_bytes(sealed.to_bytes(), SRC)
    assert parsed == sealed
    assert parsed.open(phrase) == key


@slow
@given(key=st.binary(min_size=32, max_size=32), phrase=passphrases, other=passphrases)
def test_wrong_passphrase_is_rejected(key: bytes, phrase: str, other: str) -> None:
    if other == phrase:
        return
    with pytest.raises(WrongPassphrase):
        keyfile.KeyFile.seal(key, phrase, FLOOR).open(other)


SEALED = keyfile.KeyFile.seal(b"k" * 32, "correct horse", FLOOR).to_bytes()


@slow
@given(position=st.integers(0, keyfile.SIZE - 1), flip=st.integers(1, 255))
def test_any_tampered_byte_is_detected(position: int, flip: int) -> None:
    raw = bytearray(SEALED)
    raw[position] ^= flip
    with pytest.raises((WrongPassphrase, KeyFileCorrupt)):
        keyfile.KeyFile.from_bytes(bytes(raw), SRC).open("correct horse")


@pytest.mark.parametrize("cut", [0, 1, 10, keyfile.SIZE - 1])
def test_truncated_key_file_is_reported(cut: int) -> None:
    with pytest.raises(KeyFileCorrupt, match="expected"):
        keyfile.KeyFile.from_bytes(SEALED[:cut], SRC)


def test_weak_parameters_in_a_file_are_refused() -> None:
    weak = bytearray(SEALED)
    weak[5:15] = bytes([1]) + (1024).to_bytes(4, "big") + (1).to_bytes(4, "big") + b"\x01"
    with pytest.raises(KeyFileCorrupt, match="memory"):
        keyfile.KeyFile.from_bytes(bytes(weak), SRC)


def test_unknown_version_is_refused() -> None:
    newer = bytearray(SEALED)
    newer[4] = 9
    with pytest.raises(KeyFileCorrupt, match="version 9"):
        keyfile.KeyFile.from_bytes(bytes(newer), SRC)


def test_default_parameters_meet_the_floor() -> None:
    params = KdfParams()
    assert params.memory_kib >= 64 * 1024 and params.time_cost >= 3
    assert KdfParams.unpack(params.pack()) == params


def test_short_passphrase_is_refused_kindly() -> None:
    with pytest.raises(PassphraseRejected, match="at least 8"):
        keyfile.check_new_passphrase("short")


@slow
@given(payload=st.binary(max_size=3000), phrase=passphrases)
def test_envelope_round_trip(payload: bytes, phrase: str) -> None:
    assert envelope.open_sealed(envelope.seal(payload, phrase, FLOOR), phrase) == payload


def test_envelope_spanning_chunks_detects_reorder_truncation_and_tamper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(envelope, "CHUNK", 64)
    payload = bytes(range(256)) * 2
    blob = envelope.seal(payload, "correct horse", FLOOR)
    assert envelope.open_sealed(blob, "correct horse") == payload
    chunk = 4 + 64 + 16
    header = len(blob) - 8 * chunk
    cut_at_boundary = blob[: header + 7 * chunk]
    with pytest.raises(envelope.EnvelopeError, match="altered or cut"):
        envelope.open_sealed(cut_at_boundary, "correct horse")
    with pytest.raises(envelope.EnvelopeError, match="cut off"):
        envelope.open_sealed(blob[:-5], "correct horse")
    swapped = (blob[:header] + blob[header + chunk : header + 2 * chunk]
               + blob[header : header + chunk] + blob[header + 2 * chunk :])
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_sealed(swapped, "correct horse")
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_sealed(bytes(tampered), "correct horse")
    with pytest.raises(envelope.EnvelopeError, match="passphrase"):
        envelope.open_sealed(blob, "wrong horse")
    with pytest.raises(envelope.EnvelopeError, match="not an encrypted"):
        envelope.open_sealed(b"{}", "correct horse")
