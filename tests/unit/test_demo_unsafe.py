"""The unsafe demo story: her own words and answers close the gate, through the services."""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from statistics import mean
from typing import Any

import pytest

from clearheart.cli import serve_commands
from clearheart.content.loader import load_prompts, validate_all
from clearheart.demo import STORIES, build_demo
from clearheart.demo.story import JournalEvent, load_story
from clearheart.demo.unsafe import (
    UNSAFE_DAYS,
    LogEvent,
    PlanEvent,
    TakeEvent,
    load_unsafe_story,
    unsafe_from_data,
    unsafe_start,
)
from clearheart.domain.assess import Result
from clearheart.domain.journal import Entry
from clearheart.domain.prompts import Theme
from clearheart.domain.safety import Gate, Source
from clearheart.domain.safety.plan import Plan
from clearheart.domain.safety.signals import danger_kinds
from clearheart.errors import ContentInvalid, InvalidInput

TODAY = date(2025, 3, 14)
START = unsafe_start(TODAY)
PASSPHRASE = "demo passphrase for tests"
SOURCE = Path(__file__).resolve().parents[2] / "src" / "clearheart" / "content" / "demo"
LABELS = re.compile(
    r"\b(needy|avoidant|narcissis\w*|toxic|clingy|abus\w*|controlling|manipulat\w*|psycho\w*|"
    r"monster|evil|you should (leave|stay))\b",
    re.IGNORECASE,
)
"""Words that label or diagnose a person, or tell the user what to do."""


@dataclass(frozen=True)
class Built:
    gate: Gate
    entries: tuple[Entry, ...]
    log_kinds: tuple[str, ...]
    takes: tuple[Result, ...]
    country: str | None
    plan: Plan


def _build(home: Path, today: date | None = TODAY) -> Built:
    workspace = build_demo(home, PASSPHRASE, today=today, story="unsafe")
    try:
        country = workspace.help.country()
        return Built(
            gate=workspace.safety.gate(),
            entries=tuple(workspace.journal.all()),
            log_kinds=tuple(e.kind for e in workspace.log.list(limit=100).entries),
            takes=tuple(workspace.assess.results("am-i-safe")),
            country=country.code if country else None,
            plan=workspace.help.plan(),
        )
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("unsafe") / "vault")


def _day(moment: datetime) -> int:
    return (moment.date() - START).days


# --- the gate --------------------------------------------------------------------------


def test_her_journal_and_her_answers_close_the_gate(built: Built) -> None:
    gate = built.gate
    assert not gate.coaching
    journal = {r.sign for r in gate.reasons if r.source is Source.JOURNAL}
    answers = {r.sign for r in gate.reasons if r.source is Source.QUESTIONNAIRE}
    assert {r.source for r in gate.reasons} == {Source.JOURNAL, Source.QUESTIONNAIRE}
    assert journal >= {"monitoring", "control", "fear"}, journal
    assert answers >= {"am-i-safe/x1", "am-i-safe/x2", "am-i-safe/x3", "am-i-safe/f1"}, answers
    # The gate closes when the checking begins, not on day one, and nothing reopens it.
    assert gate.since is not None
    assert load_unsafe_story().chapter_of(_day(gate.since)).name == "checking"
    assert gate.safe_since is None and not gate.said_unsafe


def test_the_story_starts_ordinary(built: Built) -> None:
    story = load_unsafe_story()
    ordinary = story.chapters[0]
    assert ordinary.name == "ordinary"
    early = [e for e in built.entries if _day(e.created) <= ordinary.last]
    assert len(early) >= 4
    assert all(danger_kinds(e.text) == () for e in early), [e.text for e in early]


# --- what is in the vault --------------------------------------------------------------


def test_about_eight_weeks_of_entries_with_moods_that_dip(built: Built) -> None:
    entries = built.entries
    assert 25 <= len(entries) <= 40
    assert entries[0].day == START and entries[-1].day == TODAY
    assert (TODAY - entries[0].day).days == 55, "eight weeks, ending today"
    assert all(e.mood is not None for e in entries)
    assert any(not e.text for e in entries), "a mood-only check-in, as people make"
    story = load_unsafe_story()
    by_chapter = {c.name: [e.mood.score for e in entries
                           if e.mood and c.first <= _day(e.created) <= c.last]
                  for c in story.chapters}
    assert mean(by_chapter["ordinary"]) > mean(by_chapter["money-and-friends"])
    assert mean(by_chapter["ordinary"]) > mean(by_chapter["frightened"])
    assert min(by_chapter["frightened"]) == 1
    assert all(6 <= e.created.astimezone().hour <= 23 for e in entries)


def test_some_entries_answer_the_safety_prompts(built: Built) -> None:
    prompts = {p.id: p for p in load_prompts()}
    used = [prompts[e.prompt_id] for e in built.entries if e.prompt_id]
    safety = {p.id for p in used if p.theme is Theme.SAFETY}
    assert len(safety) >= 4
    assert all(_day(e.created) >= 14 for e in built.entries
               if e.prompt_id in safety), "safety prompts come once things change"


def test_a_few_log_entries_and_one_take_that_crosses_its_thresholds(built: Built) -> None:
    assert 5 <= len(built.log_kinds) <= 12
    assert "conflict" in built.log_kinds and "quality_time" in built.log_kinds
    (take,) = built.takes
    assert _day(take.taken_at) >= UNSAFE_DAYS - 7, "near the end"
    answers = take.answers
    assert all(answers[item] == 0 for item in ("x4", "x5", "x6", "x7")), \
        "nothing she wrote says she was hit, threatened or forced"
    assert answers["x1"] == answers["x2"] == answers["x3"] == 3


def test_her_country_and_a_plan_half_written(built: Built) -> None:
    assert built.country == "GB"
    plan = built.plan
    assert plan.people[0].name == "Hannah"
    assert "Hannah" in plan.part("code_word") and plan.part("warning_signs")
    assert not plan.part("way_out") and not plan.part("later"), "partly written"
    assert plan.packed and plan.extra
    assert plan.updated is not None and _day(plan.updated) == UNSAFE_DAYS - 2
    assert plan.updated.time() == time(20, 50)


# --- determinism and defaults ----------------------------------------------------------


def test_the_same_today_gives_the_same_story(built: Built, tmp_path: Path) -> None:
    again = _build(tmp_path / "again")
    assert [(e.created, e.text, e.mood, e.tags) for e in again.entries] == [
        (e.created, e.text, e.mood, e.tags) for e in built.entries
    ]
    assert again.gate == built.gate and again.plan == built.plan


def test_the_default_today_writes_nothing_in_the_future(tmp_path: Path) -> None:
    before = datetime.now().astimezone()
    built = _build(tmp_path / "now", today=None)
    after = datetime.now().astimezone()
    assert built.entries[-1].created <= after
    assert built.entries[0].day in (unsafe_start(before.date()), unsafe_start(after.date()))
    assert not built.gate.coaching
    assert all(t.taken_at <= after for t in built.takes)


def test_an_unknown_story_is_refused_before_any_vault_is_made(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="story"):
        build_demo(tmp_path / "vault", PASSPHRASE, story="sad")  # type: ignore[arg-type]
    assert not (tmp_path / "vault").exists()


def test_the_cli_offers_every_story_and_calm_first() -> None:
    assert tuple(serve_commands.DEMO_STORIES) == STORIES == ("calm", "unsafe")
    (option,) = [p for p in serve_commands.demo.params if p.name == "story"]
    assert option.default == "calm"


# --- the file --------------------------------------------------------------------------


def _data() -> dict[str, Any]:
    return tomllib.loads((SOURCE / "unsafe_en.toml").read_text(encoding="utf-8"))


def test_the_file_is_checked_and_read_into_one_timeline() -> None:
    assert "demo/unsafe_en.toml" in validate_all()
    story = load_unsafe_story()
    assert story.person != "Alex" and story.partner not in ("Sam", load_story().partner)
    keys = [(e.day, e.at) for e in story.events]
    assert keys == sorted(keys)
    kinds = {type(e) for e in story.events}
    assert kinds == {JournalEvent, LogEvent, TakeEvent, PlanEvent}
    assert [c.name for c in story.chapters] == ["ordinary", "checking", "money-and-friends",
                                               "frightened"]


def test_no_labels_diagnoses_or_verdicts_anywhere() -> None:
    source = (SOURCE / "unsafe_en.toml").read_text(encoding="utf-8")
    assert not LABELS.search(source), LABELS.search(source)
    story = load_unsafe_story()
    for event in story.events:
        if isinstance(event, JournalEvent | LogEvent):
            text = event.text if isinstance(event, JournalEvent) else event.note or ""
            assert not LABELS.search(text), text


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["note"][0].update(day=UNSAFE_DAYS), "'day' of note #1 must be a story day"),
        (lambda d: d["note"][0].update(prompt="no-such-prompt"), "unknown prompt"),
        (lambda d: d["log"][0].update(kind="sulked"), "log #1: kind: there is no kind"),
        (lambda d: d["take"]["answers"].pop("x1"), "the take leaves x1 unanswered"),
        (lambda d: d["take"]["answers"].update(x1=7), "the take: x1"),
        (lambda d: d["take"].update(instrument="no-such"), "unknown questionnaire"),
        (lambda d: d["plan"]["parts"].update(escape="run"), "the plan: escape"),
        (lambda d: d["plan"].update(people=[{"how": "123"}]), "the plan: person-1"),
        (lambda d: d.update(country="XX"), "country 'XX' is not in resources/en.toml"),
        (lambda d: d["chapter"][-1].update(last=50), "the chapters must end on day 55"),
        (lambda d: d.update(mood=3), "expected schema = 1"),
    ],
)
def test_a_broken_file_says_what_is_wrong(change: Any, reason: str) -> None:
    data = copy.deepcopy(_data())
    assert unsafe_from_data(data, "demo/unsafe_en.toml").partner
    change(data)
    with pytest.raises(ContentInvalid, match=re.escape(reason)):
        unsafe_from_data(data, "demo/unsafe_en.toml")
