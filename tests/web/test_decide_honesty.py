"""The aid's honesty (issue 13 §3), over every word it can show: the wording file, every
page at every stage, and the CLI's output. No directive to stay or leave, no probability
or score that reads as a verdict, no label for the partner, every figure with its count
and period, and the notes on what data can and cannot show always there."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from walker import visible_text
from webtools import Web

from clearheart.content.decide_copy import load_decide_copy
from clearheart.domain.decide import Option, Plan
from clearheart.services.workspace import Workspace
from in_process import run_main  # type: ignore[import-not-found]

DEMO_PASSPHRASE = "a demo passphrase here"
"""As tests/web/conftest.py has it; not imported, as every test folder has a conftest."""
DIRECTIVE = re.compile(
    r"\byou (should|must|need to|ought to|have to)\b|\bit'?s time to\b|\bit is time to\b"
    r"|\b(stay with|leave|dump|divorce) (him|her|them)\b|\b(we|i) recommend\b"
    r"|\b(best|right|wisest) (choice|option|path|thing) (is|for you)\b|\bdon'?t stay\b"
    r"|\bget out\b|\bwalk away\b|\bjust leave\b",
    re.IGNORECASE,
)
VERDICT = re.compile(
    r"\d+(\.\d+)?\s?%|\bper ?cent\b|\bprobability\b|\bodds\b|\blikel(y|ihood) (to|of|that)\b"
    r"|\bchances? (of|that)\b|\bpredict\w*\b|\bwill (last|fail|end|break)\b"
    r"|\b(stay|leave)[- ]score\b|\bverdict:",
    re.IGNORECASE,
)
LABELS = re.compile(
    r"\b(avoidant|narcissis\w*|toxic|abuser|abusive|needy|clingy|manipulat\w*|sociopath\w*"
    r"|psychopath\w*|borderline|emotionally unavailable|gaslight\w*)\b",
    re.IGNORECASE,
)
FIGURE = re.compile(r"yes to \d+ of \d+")
GROUNDED = re.compile(r"on \d{1,2} \w+ \d{4}.*?\((1 time so far|\d+ times in all)\)")
PAGES = ("/decide", "/decide/values", "/decide/evidence", "/decide/options", "/decide/plan")
CLI = (("status",), ("options",), ("plan",), ("history",), ("values",), ("rate",), ("questions",))


def problems(text: str) -> list[str]:
    found = [f"directive: {m.group(0)}" for m in DIRECTIVE.finditer(text)]
    found += [f"verdict: {m.group(0)}" for m in VERDICT.finditer(text)]
    found += [f"label: {m.group(0)}" for m in LABELS.finditer(text)]
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        for figure in FIGURE.finditer(sentence):
            paragraph = text[max(0, text.find(sentence) - 200) : text.find(sentence) + 300]
            if not GROUNDED.search(paragraph):
                found.append(f"figure without its count and date: {figure.group(0)}")
    return found


def test_the_checks_catch_what_they_are_for() -> None:
    for bad in (
        "You should leave him.",
        "It's time to let go.",
        "A 72% chance of a breakup.",
        "Your partner is an avoidant.",
        "Stay with him for now.",
        "You answered yes to 3 of 4.",
    ):
        assert problems(bad), bad
    assert not problems("On 3 June 2026 you answered yes to 1 of the 4 questions (1 time so far).")


def test_the_wording_file_and_the_reflection_questions() -> None:
    copy = load_decide_copy()
    for text in copy.texts():
        assert not problems(text), (text, problems(text))
    for key in ("data_can", "data_cannot", "expectations", "attachment"):
        assert copy.page[key]
    assert "never" in copy.page["attachment"]
    assert "whichever way" in copy.page["expectations"]


EVIDENCE_ITEMS = re.compile(r'<section class="card" id="evidence-items".*?</section>', re.S)
"""The evidence digest's items, quoted on the evidence step: their own honesty tests
(tests/unit/evidence/test_evidence_sources.py) hold them to counts, periods and no labels
or verdicts; a share there is a figure with its count, and a questionnaire's reading may
say "when you need to", which is not advice."""


OWN_ENTRIES = re.compile(r'<select id="entry".*?</select>', re.S)
"""The person's own journal entries, offered to pick a day from: their words, not ours."""


def _pages(web: Web) -> dict[str, str]:
    found = {}
    for page in PAGES:
        html = web.get(page).text
        if page == "/decide/evidence":
            assert 'id="evidence-items"' in html  # the demo has records to quote
        found[page] = visible_text(OWN_ENTRIES.sub("", EVIDENCE_ITEMS.sub("", html)))
    return found


def _cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], home: Path
) -> dict[str, str]:
    monkeypatch.setenv("CLEARHEART_HOME", str(home))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", DEMO_PASSPHRASE)
    found = {}
    for args in CLI:
        result = run_main(monkeypatch, capsys, ("decide", *args))
        assert result.code == 0, (args, result.err)
        found[" ".join(args)] = " ".join(result.out.split())
    return found


def test_every_page_at_every_stage_and_the_cli_hold_to_it(
    demo_web: Web,
    demo: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown: dict[str, str] = {}
    for stage in ("values", "evidence", "options", "plan"):
        demo.decide.go(stage)
        shown |= {f"{stage} {page}": text for page, text in _pages(demo_web).items()}
    demo.decide.choose(
        Plan(
            Option.PAUSE,
            date.today() + timedelta(days=30),
            pause_days=30,
            boundaries=("texts on Sundays only",),
        )
    )
    demo.decide.take_sure(dict.fromkeys(("sure", "understand", "values", "support"), "yes"))
    shown |= {f"planned {page}": text for page, text in _pages(demo_web).items()}
    shown |= {f"cli {k}": v for k, v in _cli(monkeypatch, capsys, demo.vault.paths.home).items()}
    for where, text in shown.items():
        assert not problems(text), (where, problems(text)[:3])
    copy = load_decide_copy()
    assert copy.page["data_cannot"] in shown["planned /decide/evidence"]
    assert copy.page["expectations"] in shown["planned /decide/options"]
    assert copy.page["attachment"] in shown["planned /decide/options"]
    assert FIGURE.search(shown["planned /decide"])  # the figures are there to be checked
    assert "(2 times in all)" in shown["planned /decide"]
