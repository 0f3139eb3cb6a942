"""Every stylesheet of the app closes each block it opens, and nests rules only inside
at-rules (@media, @page, @supports): a rule left open swallows every rule after it, which
the browser accepts silently (a merge once left three open and unstyled a whole page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).parents[2] / "src" / "clearheart" / "web" / "static"
SHEETS = sorted(p for p in STATIC.glob("*.css"))
COMMENT = re.compile(r"/\*.*?\*/", re.S)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_blocks_close_and_rules_nest_only_in_at_rules(sheet: Path) -> None:
    text = COMMENT.sub("", sheet.read_text(encoding="utf-8"))
    opened: list[str] = []
    start = 0
    for at, char in enumerate(text):
        if char == "{":
            prelude = text[start:at].strip().rsplit(";", 1)[-1].strip()
            if opened and not opened[-1].startswith("@"):
                line = text.count("\n", 0, at) + 1
                pytest.fail(f"{sheet.name}:{line}: {prelude!r} opens inside {opened[-1]!r}")
            opened.append(prelude)
            start = at + 1
        elif char == "}":
            assert opened, f"{sheet.name}:{text.count(chr(10), 0, at) + 1}: a block closes twice"
            opened.pop()
            start = at + 1
    assert not opened, f"{sheet.name}: {opened[-1]!r} is never closed"


def test_there_are_sheets_to_check() -> None:
    assert {"app.css", "report.css"} <= {p.name for p in SHEETS}
