"""Child process for the kill -9 test: writes entries and acknowledges each commit.

Reads the vault folder and the hex data key from argv and stdin, then writes
entries forever, printing "ack <id> <text>" only after each commit returned.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from clearheart.domain.journal import Draft
from clearheart.store.journal_repo import JournalRepo
from clearheart.store.vault import Vault


def main() -> None:
    home, round_no = Path(sys.argv[1]), sys.argv[2]
    key = bytes.fromhex(sys.stdin.readline().strip())
    vault = Vault.open_with_key(home, key)
    repo = JournalRepo(vault.engine)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        text = f"round {round_no} entry {n} " + "words " * (n % 50)
        entry = repo.add(Draft(text), datetime.now(UTC))
        print(f"ack {entry.id} {round_no}:{n}", flush=True)


if __name__ == "__main__":
    main()
