"""The journal page stays quick with 10,000 entries (the bench measures p95 properly)."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from webtools import PASSPHRASE, TUESDAY_9AM, FixedClock, MakeWeb

from clearheart.domain.journal import offset_minutes, utc_stamp
from clearheart.services.workspace import Workspace
from clearheart.store.schema import journal_entries

ENTRIES = 10_000


def fill(workspace: Workspace, count: int) -> None:
    """Insert in one transaction: 10,000 separate fsynced commits would take minutes."""
    rows = []
    for n in range(count):
        at = TUESDAY_9AM - timedelta(minutes=17 * n)
        rows.append({
            "created_at": utc_stamp(at), "utc_offset": offset_minutes(at),
            "text": f"Entry number {n}. A few calm lines about the day, the weather and a walk.",
            "prompt_id": None, "practice": None, "practice_day": None, "mood": 3,
            "emotions": ["calm"], "tags": ["bulk"],
        })
    with workspace.vault.engine.begin() as conn:
        conn.execute(sa.insert(journal_entries), rows)


def test_ten_thousand_entries_render_a_page_quickly(make_web: MakeWeb, tmp_path: Path,
                                                    wall_clock: FixedClock) -> None:
    workspace = Workspace.create(tmp_path / "big", PASSPHRASE, wall_clock)
    try:
        fill(workspace, ENTRIES)
        assert workspace.journal.count() == ENTRIES
        browser = make_web(workspace=workspace, home=tmp_path / "big")
        browser.launch()
        browser.get("/journal")  # warm up templates and caches
        for path, first in (("/journal", 0), ("/journal?page=200", 5970),
                            ("/journal?page=334", 9990)):
            started = time.perf_counter()
            response = browser.get(path)
            elapsed = time.perf_counter() - started
            assert response.status_code == 200
            shown = re.findall(r"Entry number (\d+)\.", response.text)
            assert shown[0] == str(first), path
            assert len(shown) == (10 if path.endswith("334") else 30)
            assert "Page" in response.text and "of 334" in response.text
            assert elapsed < 1.0, f"{path} took {elapsed:.3f}s"
        search = browser.get("/journal?q=number")
        assert search.status_code == 200
        assert search.text.count("<mark>number</mark>") == 50
    finally:
        workspace.close()
