"""Split the labelled drafts into dev and held-out, the same way every time.

    .venv/bin/python bench/data/drafts/split.py            # check the files match the split
    .venv/bin/python bench/data/drafts/split.py --write    # rewrite both files from their pool

The pool is every draft in dev.jsonl and heldout.jsonl together (or the file given with
--pool), ordered by id. Each draft falls in one stratum: "safety", "trap", "calm", or the
first kind in its list. Strata are visited in name order; one random.Random(SEED) shuffles
each stratum's ids, and the first round(40%) of them go to held-out. Adding drafts to the
pool and re-running moves some existing drafts between the files, so only do it before any
tuning starts, and say so in the README.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = 20261122
HELDOUT_SHARE = 0.4

Draft = dict[str, Any]


def load(path: Path) -> list[Draft]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def stratum(draft: Draft) -> str:
    if draft.get("safety"):
        return "safety"
    if draft.get("trap"):
        return "trap"
    return str(draft["kinds"][0]) if draft["kinds"] else "calm"


def split(pool: list[Draft]) -> tuple[list[Draft], list[Draft]]:
    """(dev, held-out), each ordered by id."""
    groups: dict[str, list[str]] = defaultdict(list)
    for draft in sorted(pool, key=lambda d: d["id"]):
        groups[stratum(draft)].append(draft["id"])
    rng = random.Random(SEED)
    held: set[str] = set()
    for name in sorted(groups):
        ids = groups[name]
        rng.shuffle(ids)
        held.update(ids[: round(len(ids) * HELDOUT_SHARE)])
    ordered = sorted(pool, key=lambda d: d["id"])
    return ([d for d in ordered if d["id"] not in held], [d for d in ordered if d["id"] in held])


def dump(drafts: list[Draft]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--pool", type=Path, help="a JSONL file holding every draft")
    parser.add_argument("--write", action="store_true", help="rewrite dev.jsonl and heldout.jsonl")
    args = parser.parse_args()
    files = {"dev": HERE / "dev.jsonl", "heldout": HERE / "heldout.jsonl"}
    if args.pool:
        pool = load(args.pool)
    else:
        pool = [d for path in files.values() if path.exists() for d in load(path)]
    dev, heldout = split(pool)
    wanted = {"dev": dump(dev), "heldout": dump(heldout)}
    if args.write:
        for name, path in files.items():
            path.write_text(wanted[name], encoding="utf-8")
        print(f"wrote {len(dev)} dev and {len(heldout)} held-out drafts")
        return 0
    stale = [
        name
        for name, path in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != wanted[name]
    ]
    if stale:
        print(f"{', '.join(stale)} differ from the seeded split; run with --write", file=sys.stderr)
        return 1
    print(f"split is current: {len(dev)} dev, {len(heldout)} held-out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
