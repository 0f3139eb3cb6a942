"""The evidence digest over the demo vault (goal: the /evidence page under 200 ms), beside
the raw reads it rests on.

The vault is the demo's six-month story (a chat of about 5,000 messages, a log of about
400 entries, 30 questionnaire takes, 80 mood check-ins). Warm: the chat's pattern report
is already held in memory, as on a repeat view of the page. Cold: a fresh PatternService
each time, so the report is read back from the vault, as on the first view after
unlocking. The floor is the same run's raw reads: every log entry and every take of the
linked questionnaires, with no sentence written.

    PYTHONPATH=src .venv/bin/python bench/evidence_digest.py [--runs R]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from clearheart.demo import build_demo
from clearheart.domain.evidence.sources import QUESTIONNAIRES
from clearheart.services.patterns import PatternService
from harness import report, summary, timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        workspace = build_demo(Path(tmp) / "vault", "a bench passphrase", today=date(2026, 6, 30))
        try:
            warm = PatternService(workspace.chats, workspace.journal)
            workspace.evidence.digest(patterns=warm)  # works the report out and keeps it

            def floor() -> None:
                workspace.log.entries()
                for instrument in dict.fromkeys(i for i, _ in QUESTIONNAIRES):
                    workspace.assess.results(instrument)

            def cold() -> None:
                service = PatternService(workspace.chats, workspace.journal)
                workspace.evidence.digest(patterns=service)

            result = {
                "items": len(workspace.evidence.digest(patterns=warm).items),
                "warm": summary(timings(lambda: workspace.evidence.digest(patterns=warm), runs)),
                "cold": summary(timings(cold, runs)),
                "floor_raw_reads": summary(timings(floor, runs)),
            }
        finally:
            workspace.close()
    result["ratio_warm_to_floor"] = result["warm"]["median_ms"] / result["floor_raw_reads"][
        "median_ms"]
    report("evidence_digest", result)


if __name__ == "__main__":
    main()
