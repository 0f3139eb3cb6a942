"""The journal at 10,000 entries: search (goal under 20 ms) and the /journal page (p95 under 50 ms).

Search is timed through the service (query parsing, FTS5 in SQLCipher, rows to
entries, snippets) beside the floor of the bare FTS5 query on a raw sqlcipher3
connection to the same database. The page is timed through the whole web app
in process beside the floor of the same client fetching a static page of the
same size from a bare Starlette app.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from clearheart.domain.search import fts5_query, terms
from clearheart.services.workspace import Workspace
from clearheart.store.database import raw_connection
from corpus import fill
from harness import report, summary, timings

ENTRIES = 10_000
RUNS = 60
QUERIES = ("silence", "walk river", "bounda", "coffee friend evening", "sunlight tea")
PASSPHRASE = "correct horse battery staple"


def bench_search(workspace: Workspace) -> dict[str, object]:
    queries = iter(QUERIES * RUNS)
    ours = timings(lambda: workspace.journal.search(next(queries)), RUNS * len(QUERIES) - 5, 5)
    conn = raw_connection(workspace.vault.paths.database, workspace.vault._key)
    raw_queries = iter(QUERIES * RUNS)

    def floor_query() -> None:
        q = fts5_query(terms(next(raw_queries)))
        conn.execute("SELECT rowid, text FROM journal_fts WHERE journal_fts MATCH ? "
                     "ORDER BY bm25(journal_fts) LIMIT 50", (q,)).fetchall()

    floor = timings(floor_query, RUNS * len(QUERIES) - 5, 5)
    conn.close()
    s_ours, s_floor = summary(ours), summary(floor)
    return {"goal": "median under 20 ms", "ours": s_ours, "floor_raw_fts5": s_floor,
            "ratio_to_floor": s_ours["median_ms"] / s_floor["median_ms"],
            "meets_goal": s_ours["median_ms"] < 20}


def bench_page(workspace: Workspace, home: Path) -> dict[str, object]:
    from page_bench import time_journal_page

    return time_journal_page(workspace, home, RUNS)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "vault"
        workspace = Workspace.create(home, PASSPHRASE)
        try:
            fill(workspace, ENTRIES)
            result = {"entries": workspace.journal.count(), "search": bench_search(workspace)}
            result["journal_page"] = bench_page(workspace, home)
        finally:
            workspace.close()
    report("journal", result)


if __name__ == "__main__":
    main()
