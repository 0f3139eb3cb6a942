"""Every figure on the patterns page agrees with itself: tiles, tables, sentences and grounds.

A number appears in several places on the page (a tile over a chart, its table,
the sentence above it, the ground under it). They must come from one place, so
a person never reads "Moved: 0" beside "one was moved". Checked on the demo's
story and on a generated six-month chat.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import pytest
from webtools import Web

from clearheart.services.workspace import Workspace

MONTHS = Path(__file__).parents[1] / "data" / "web" / "months.txt"
OUTCOME_TILES = {
    "Confirmed": "confirmed",
    "Moved": "moved",
    "Turned down": "turned down",
    "Called off later": "called off later",
}


@pytest.fixture(scope="module")
def generated_chat(shared_workspace: Workspace) -> int:
    return shared_workspace.chats.import_chat(MONTHS, me="Robin").chat_id


def ready(web: Web, url: str) -> str:
    """The page once its report is worked out (a long chat is worked out in the background)."""
    for _ in range(120):
        page = web.get(url).text
        if 'id="chart-plans"' in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed its charts")


def section(page: str, chart: str) -> str:
    start = page.index(f'id="chart-{chart}"')
    return page[start : page.index("</section>", start)]


def words(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def number(text: str) -> int:
    return int(text.replace(",", ""))


def total(pattern: str, text: str) -> int:
    return sum(number(n) for n in re.findall(pattern, text))


def sentences(fragment: str) -> str:
    """The reading above a chart and the notes under it, without tiles, tables or ground."""
    kept = re.findall(r'<p class="(?:reading|chart-note)">(.*?)</p>', fragment, re.S)
    return words(" ".join(kept))


def ground(fragment: str) -> str:
    return words(re.search(r'<p class="basis">(.*?)</p>', fragment, re.S).group(1))


def table(fragment: str) -> dict[str, list[int]]:
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", fragment, re.S):
        cells = [words(c) for c in re.split(r"</t[hd]>", row) if words(c)]
        rows[cells[0]] = [number(c) for c in cells[1:] if re.fullmatch(r"[\d,]+", c)]
    return rows


def check_page(page: str) -> None:
    whole = words(page)
    header = number(re.search(r"· ([\d,]+) messages? ·", whole).group(1))
    counted = number(re.search(r"What the ([\d,]+) messages", whole).group(1))
    left = re.search(r"(?:The ([\d,]+) other lines|One other line) in this chat", whole)
    others = 0 if left is None else number(left.group(1) or "1")
    assert header == counted + others, (header, counted, others)
    if left:
        named = re.search(r"other lines? in this chat (?:is|are) (.*?): nobody", whole).group(1)
        assert total(r"(\d[\d,]*) ", named) + named.count("an ") + named.count("a ") == others

    plans = section(page, "plans")
    said = sentences(plans)
    tiles = {
        name: number(n)
        for name, n in re.findall(r'<p class="panel-title"[^>]*>([^<:]+): ([\d,]+)</p>', plans)
    }
    assert tiles["Suggested"] == total(r"suggested ([\d,]+) plans?", said), (tiles, said)
    for tile, outcome in OUTCOME_TILES.items():
        assert tiles[tile] == total(rf"([\d,]+) (?:was|were) {outcome}\b", said), (tile, said)
    basis = ground(plans)
    counted = number(re.search(r"([\d,]+) messages? counted", basis).group(1))
    if "looked like plans" in said:
        assert counted == number(
            re.search(r"\(([\d,]+) messages? looked like plans", said).group(1)
        )
    assert number(re.search(r"([\d,]+) plans? suggested", basis).group(1)) == tiles["Suggested"]
    assert (
        number(re.search(r"([\d,]+) of them (?:agreed|confirmed)", basis).group(1))
        == tiles["Confirmed"]
    )
    listed = re.search(r'<details class="plan-list">\s*<summary>(.*?)</summary>', plans, re.S)
    if listed:
        assert (
            number(re.findall(r"([\d,]+) messages? that counted", words(listed.group(1)))[-1])
            == counted
        )

    runs = section(page, "runs")
    rows = table(runs)
    long_runs = [r for name, r in rows.items() if int(name.split()[0]) >= 3]
    said = re.findall(
        r"(?:sent three or more messages in a row ([\d,]+) times?|never sent three)",
        sentences(runs),
    )
    assert [number(n or "0") for n in said] == [sum(r[i] for r in long_runs) for i in (0, 1)]

    effort = section(page, "effort")
    questions = table(effort)["Questions asked"]
    asked = [number(n) for n in re.findall(r"asked ([\d,]+)", sentences(effort))]
    assert asked == questions, (asked, questions)
    messages = number(re.search(r"What the ([\d,]+) messages", words(page)).group(1))
    assert number(re.search(r"\(([\d,]+) messages over", sentences(effort)).group(1)) == messages
    assert number(re.search(r"In ([\d,]+) messages", ground(runs)).group(1)) == messages

    first = section(page, "first")
    assert number(re.search(r"\(([\d,]+) conversations\)", sentences(first)).group(1)) == number(
        re.search(r"In ([\d,]+) conversations", ground(first)).group(1)
    )

    replies = section(page, "replies")
    # Each person's whole count: in the sentence with their median, or "only N so far"
    # (the trend sentences rest on the replies of whole months, a part of these).
    overall = r"(?:came within [^()]*\(([\d,]+) repl(?:y|ies)\)|only ([\d,]+) repl)"
    assert sum(number(a or b) for a, b in re.findall(overall, sentences(replies))) == number(
        re.search(r"From ([\d,]+) repl", ground(replies)).group(1)
    )

    silences = section(page, "silences")
    found = re.search(r"There (?:was|were) ([\d,]+) silences?", sentences(silences))
    stretches = number(re.search(r"([\d,]+) quiet stretch", ground(silences)).group(1))
    assert (number(found.group(1)) if found else 0) == stretches

    timeline = section(page, "timeline")
    checkins = re.search(r"([\d,]+) check-ins from your journal", sentences(timeline))
    noted = re.search(r"([\d,]+) mood check-ins", ground(timeline))
    assert (checkins and number(checkins.group(1))) == (noted and number(noted.group(1)))


def test_the_demo_storys_figures_agree(demo_web: Web) -> None:
    link = re.search(r'href="(/chats/\d+)"', demo_web.get("/chats").text)
    assert link
    check_page(ready(demo_web, link.group(1)))


def test_a_generated_chats_figures_agree(web: Web, generated_chat: int) -> None:
    check_page(ready(web, f"/chats/{generated_chat}"))
