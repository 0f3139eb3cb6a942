"""The journeys' server: `clearheart serve` on an empty home, stopped cleanly afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from journey_tools import Server, serve


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    yield from serve(tmp_path)
