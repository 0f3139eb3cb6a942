"""A small vault of its own per test, with a fixed clock, for the evidence digest tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from evidence_vault import Fixed  # type: ignore[import-not-found]

from clearheart.services.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new, empty vault as of 30 June 2026, 21:00 (UTC+1)."""
    opened = Workspace.create(tmp_path / "home", "correct horse battery", Fixed())
    yield opened
    opened.close()
