"""Unlocking a vault (goal: between 0.25 s and 1 s), beside the bare Argon2id floor.

The floor is one Argon2id derivation with the vault's parameters and nothing
else; the rest of an unlock is reading the key file, AES-GCM, opening SQLCipher
and checking the schema revision.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clearheart.store.kdf import KdfParams, derive_key
from clearheart.store.vault import Vault
from harness import report, summary, timings

RUNS = 9
PASSPHRASE = "correct horse battery staple"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "vault"
        Vault.create(home, PASSPHRASE).close()
        ours = timings(lambda: Vault.unlock(home, PASSPHRASE).close(), RUNS)
    params = KdfParams()
    salt = os.urandom(16)
    floor = timings(lambda: derive_key(PASSPHRASE, salt, params), RUNS)
    s_ours, s_floor = summary(ours), summary(floor)
    report("unlock", {
        "goal": "median between 250 and 1000 ms",
        "params": {"memory_kib": params.memory_kib, "time_cost": params.time_cost,
                   "parallelism": params.parallelism},
        "unlock": s_ours,
        "floor_argon2id_only": s_floor,
        "ratio_to_floor": s_ours["median_ms"] / s_floor["median_ms"],
        "meets_goal": 250 <= s_ours["median_ms"] <= 1000,
    })


if __name__ == "__main__":
    main()
