"""One way to write a percentage: whole numbers, a half rounded up, and no other way in the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clearheart.domain.percent import percent, percent_of

SRC = Path(__file__).resolve().parents[2] / "src" / "clearheart"


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (0.455, "46%"),
        (0.456, "46%"),
        (0.005, "1%"),
        (0.004, "0%"),
        (0.285, "29%"),
        (0.025, "3%"),
        (0.0, "0%"),
        (1.0, "100%"),
        (0.95, "95%"),
    ],
)
def test_a_half_rounds_up(share: float, shown: str) -> None:
    assert percent(share) == shown


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (91, 200, "46%"),
        (456, 1000, "46%"),
        (1, 200, "1%"),
        (73, 110, "66%"),
        (1, 3, "33%"),
        (2, 3, "67%"),
        (0, 7, "0%"),
        (7, 7, "100%"),
    ],
)
def test_a_count_of_a_count_rounds_exactly(part: int, whole: int, shown: str) -> None:
    assert percent_of(part, whole) == shown


FORMATTED_ELSEWHERE = [
    (re.compile(r"\{[^{}]*:[^{}]*%\}"), "a format spec ending in % ({x:.0%})"),
    (re.compile(r"\{[^{}]*\}%"), "a number written straight before % ({x:.0f}% or {x}%)"),
    (re.compile(r"\}\}\s*%"), "a template value written straight before % ({{ x }}%)"),
    (re.compile(r"\|\s*round[^}]*\}\}\s*%"), "a template |round before %"),
    (re.compile(r"\bint\([^)]*\*\s*100"), "int() of a share times 100"),
    (re.compile(r"round\([^)]*\*\s*100|round\(\s*100\s*\*"), "round() of a share times 100"),
    (re.compile(r"[\"']%[-+ #0]*\d*\.?\d*[fd]%%"), 'printf-style percentages ("%.0f%%")'),
]
"""Ways a percentage could be written without `percent`: each misrounds somewhere."""
NOT_SHOWN = {"web/charts.py": 'return f"{value:.2f}%"'}
"""Lines that write a percent sign for the browser, not for a person: SVG positions."""
STATEMENT = re.compile(r"\{%.*?%\}")


def test_no_module_or_template_writes_a_percentage_another_way() -> None:
    found = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".html") or path.name == "percent.py":
            continue
        where = str(path.relative_to(SRC))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = STATEMENT.sub("", line)
            if NOT_SHOWN.get(where) == text.strip():
                continue
            for pattern, what in FORMATTED_ELSEWHERE:
                if pattern.search(text):
                    found.append(f"{where}:{number}: {what}: {text.strip()}")
    assert found == [], "\n".join(found)
