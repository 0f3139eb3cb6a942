"""How long the clarity report takes: the demo vault, and a vault with a 100,000-message chat.

For each vault, in the same run: gathering the sections alone (the vault's reads and the
pattern report), the whole HTML file (sections plus drawing them), and the whole PDF (the
same HTML printed by WeasyPrint). The HTML is the floor the PDF stands on; the ratio says
what printing adds. Each is the median of several runs, each run from a fresh
PatternService, as `clearheart report` starts (the vault's kept pattern report is read back);
the very first gathering, which works the pattern report out, is timed once on its own.

    .venv/bin/python bench/report_time.py [--messages N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from clearheart.demo import build_demo
from clearheart.domain.chat import in_columns
from clearheart.services.workspace import Workspace
from clearheart.store.chat_repo import NewChat
from clearheart.store.vault import Vault
from clearheart.web.clarity.model import Options
from clearheart.web.clarity.render import page_html, pdf_bytes
from clearheart.web.clarity.report import build
from harness import report, summary, timings
from patterns import ME, generate

TODAY = date(2026, 6, 30)


def measure(workspace: Workspace, today: date, runs: int) -> dict[str, object]:
    options = Options()
    start = time.perf_counter()
    build(workspace, options, today)  # cold: the chat's pattern report is worked out and kept
    first_build = time.perf_counter() - start
    pdf = pdf_bytes(page_html(build(workspace, options, today)))  # warm: fonts, templates
    sections = timings(lambda: build(workspace, options, today), runs)
    html = timings(lambda: page_html(build(workspace, options, today)), runs)
    whole = timings(lambda: pdf_bytes(page_html(build(workspace, options, today))), runs)
    s_html, s_pdf = summary(html), summary(whole)
    return {
        "pdf_bytes": len(pdf),
        "first_sections_cold_s": first_build,
        "sections_only": summary(sections),
        "html_floor": s_html,
        "pdf": s_pdf,
        "ratio_pdf_to_html_median": s_pdf["median_ms"] / s_html["median_ms"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo = build_demo(Path(tmp) / "demo", "bench passphrase here", today=TODAY)
        try:
            demo_result = measure(demo, TODAY, args.runs)
        finally:
            demo.close()
        home = Path(tmp) / "big"
        home.mkdir()
        workspace = Workspace(Vault.open_with_key(home, os.urandom(32)))
        try:
            messages = generate(args.messages)
            last = max(m.ts for m in messages).date()
            stored = workspace.chats.repo.store(
                NewChat("whatsapp", "Sam", "bench.txt"), in_columns(messages),
                datetime.now(UTC), lambda names, current: ME)
            del messages
            big_result = {"messages": stored.added, **measure(workspace, last, args.runs)}
        finally:
            workspace.close()
    report("report_time", {"demo": demo_result, "chat_100k": big_result})


if __name__ == "__main__":
    main()
