"""The draft check with VADER as its tone scorer (loaded once for the whole folder)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clearheart.domain.draftcheck import Reading, check
from clearheart.services.draftcheck import VaderTone

Check = Callable[[str], Reading]


@pytest.fixture(scope="session")
def vader() -> VaderTone:
    return VaderTone()


@pytest.fixture(scope="session")
def read(vader: VaderTone) -> Check:
    """check() as the app runs it: rules and VADER, no embedding model."""

    def run(text: str) -> Reading:
        return check(text, tone=vader)

    return run
