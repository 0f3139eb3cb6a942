"""Fixtures for the questionnaire engine tests; the helpers live in assess_helpers.py."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from assess_helpers import Data, Make, base

from clearheart.domain.assess import Instrument, parse_instrument


@pytest.fixture
def data() -> Data:
    return base()


@pytest.fixture
def make() -> Make:
    """make(**top-level overrides) -> Instrument parsed from a copy of `base()`."""

    def build(**overrides: Any) -> Instrument:
        raw = copy.deepcopy(base())
        raw.update(overrides)
        return parse_instrument(raw, "test.toml")

    return build
