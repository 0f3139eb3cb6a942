"""The first and last month or week, when the messages cover them only in part, are marked."""

from __future__ import annotations

import re

from test_figures_agree import ready, section, words
from webtools import Web


def test_partly_covered_periods_are_marked_in_chart_table_and_note(demo_web: Web) -> None:
    link = re.search(r'href="(/chats/\d+)"', demo_web.get("/chats").text)
    assert link
    page = ready(demo_web, link.group(1))
    opening = re.search(r"written from (\d+) (\w+) (\d{4}) to (\d+) (\w+) (\d{4})", words(page))
    assert opening and opening.group(1) != "1"  # the demo starts mid-month
    for chart in ("first", "replies", "plans", "timeline"):
        part = section(page, chart)
        said = words(part)
        assert "only partly in these messages" in said, chart
        assert "no comparison over time uses" in said, chart
        assert "(in part)" in said, chart
        if chart != "plans":  # a month with no plans has no bar to make paler
            assert '<circle class="partial"' in part, chart
    first_rows = re.findall(r'<th scope="row">([^<]+)</th>', section(page, "first"))
    assert first_rows[0] == f"{opening.group(2)} {opening.group(3)} (in part)"
    assert all("(in part)" not in row for row in first_rows[1:-1])
