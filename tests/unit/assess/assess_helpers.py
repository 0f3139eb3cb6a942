"""Small hand-built instrument files for the questionnaire engine tests (helpers).

A module with its own name, so test files can import it even when the whole
suite runs (every folder's conftest.py would be "conftest")."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clearheart.domain.assess import Instrument, parse_instrument

DATA = Path(__file__).resolve().parents[2] / "data" / "instruments"

Data = dict[str, Any]
Make = Callable[..., Instrument]


def base() -> Data:
    """A valid reflection file: two mean subscales on 1-7, q2 reverse-keyed."""
    return {
        "schema": 1,
        "id": "worry-test",
        "version": "1",
        "title": "Worry test",
        "locale": "en",
        "kind": "reflection",
        "licence": "Written for the tests.",
        "about": "A file for the tests.",
        "minutes": 2,
        "concepts": ["A1"],
        "scale": {"min": 1, "max": 7, "labels": {"1": "Not at all", "7": "Very much"}},
        "items": [
            {"id": "q1", "text": "One.", "subscale": "worry"},
            {"id": "q2", "text": "Two.", "subscale": "worry", "reverse": True},
            {"id": "q3", "text": "Three.", "subscale": "worry"},
            {"id": "q4", "text": "Four.", "subscale": "worry"},
            {"id": "q5", "text": "Five.", "subscale": "worry"},
            {"id": "d1", "text": "Six.", "subscale": "distance"},
            {"id": "d2", "text": "Seven.", "subscale": "distance"},
        ],
        "subscales": [
            {
                "id": "worry",
                "title": "Worry",
                "rule": "mean",
                "low": "Low.",
                "high": "High.",
                "sd": 1.0,
                "reliability": 0.97,
                "reliability_kind": "test-retest",
                "reliability_source": "Made up for the tests (two weeks apart)",
            },
            {
                "id": "distance",
                "title": "Distance",
                "rule": "sum",
                "low": "Low.",
                "high": "High.",
            },
        ],
        "meaning": {"does": "It does this.", "does_not": "It does not do that."},
    }


def load_fixture(name: str) -> Instrument:
    path = DATA / f"{name}.toml"
    return parse_instrument(tomllib.loads(path.read_text(encoding="utf-8")), str(path))
