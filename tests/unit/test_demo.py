"""The demo vault: six months of a believable story, deterministic and fast."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from statistics import mean

import pytest

from clearheart.content.loader import load_emotions, load_prompts, validate_all
from clearheart.content.practice_copy import load_practice_copy
from clearheart.demo import build_demo
from clearheart.demo.pen import LIVE_AGO, load_demo_pen, pen_from_data
from clearheart.demo.story import (
    PRACTICE_FROM,
    STORY_DAYS,
    JournalEvent,
    load_story,
    story_start,
    timeline,
)
from clearheart.domain.holding import HeldDraft
from clearheart.domain.journal import Entry, Practice
from clearheart.domain.practices import State
from clearheart.domain.safety.signals import danger_signs
from clearheart.errors import ContentInvalid
from clearheart.services.practices import PracticesService
from clearheart.services.workspace import Workspace

TODAY = date(2025, 3, 14)
PASSPHRASE = "demo passphrase for tests"
FORBIDDEN = re.compile(
    r"\b(needy|avoidant|narcissis\w*|toxic|clingy|you should (leave|stay))\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Built:
    entries: tuple[Entry, ...]
    home: Path


def _build(home: Path, today: date | None = TODAY) -> tuple[Entry, ...]:
    workspace = build_demo(home, PASSPHRASE, today=today)
    try:
        return tuple(workspace.journal.all())
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    home = tmp_path_factory.mktemp("demo") / "vault"
    return Built(_build(home), home)


def _pen(home: Path) -> tuple[HeldDraft, ...]:
    """The demo's holding pen, newest first."""
    workspace = Workspace.unlock(home, PASSPHRASE)
    try:
        return workspace.pause.list()
    finally:
        workspace.close()


def _notes(entries: tuple[Entry, ...]) -> list[Entry]:
    return [e for e in entries if e.practice is None]


def _story_day(entry: Entry) -> int:
    return (entry.day - story_start(TODAY)).days


# --- shape -------------------------------------------------------------------------------


def test_counts_and_date_range(built: Built) -> None:
    entries = built.entries
    notes = _notes(entries)
    assert 70 <= len(notes) <= 110
    check_ins = [e for e in notes if not e.text and e.mood is not None]
    assert 3 <= len(check_ins) <= 10
    assert sum(e.mood is not None for e in notes) >= 0.8 * len(notes)
    assert sum(e.prompt_id is not None for e in notes) >= 30
    assert sum(bool(e.tags) for e in notes) >= 0.8 * (len(notes) - len(check_ins))
    first, last = entries[0].day, entries[-1].day
    assert first == TODAY - timedelta(days=STORY_DAYS - 1)
    assert last == TODAY
    assert 175 <= (last - first).days <= 185
    assert all(e.created.tzinfo is not None for e in entries)


def test_entries_are_spread_unevenly_with_normal_gaps(built: Built) -> None:
    days = sorted({_story_day(e) for e in _notes(built.entries)})
    gaps = [b - a for a, b in itertools.pairwise(days)]
    assert max(gaps) >= 5
    per_week: defaultdict[int, int] = defaultdict(int)
    for entry in _notes(built.entries):
        per_week[_story_day(entry) // 7] += 1
    counts = [per_week.get(w, 0) for w in range(STORY_DAYS // 7)]
    assert max(counts) >= 5
    assert min(counts) <= 1


def test_moods_follow_the_arc(built: Built) -> None:
    by_month: defaultdict[int, list[int]] = defaultdict(list)
    for entry in built.entries:
        if entry.mood is not None:
            by_month[min(_story_day(entry) // 30, 5)].append(entry.mood.score)
    averages = [mean(by_month[m]) for m in range(6)]
    lowest = min(averages)
    assert averages[0] > lowest
    assert averages[5] > lowest
    assert averages.index(lowest) in (1, 2)
    assert averages[0] == max(averages)
    vocabulary = load_emotions().all_words
    assert all(set(e.mood.words) <= vocabulary for e in built.entries if e.mood)


def test_times_of_day_are_realistic(built: Built) -> None:
    for entry in built.entries:
        hour = entry.created.hour
        assert hour in (0, 1) or 7 <= hour <= 23, entry.created
        if entry.practice is Practice.MORNING_INTENTION:
            assert 7 <= hour <= 9
        if entry.practice is Practice.EVENING_REFLECTION:
            assert 20 <= hour <= 23
    late = [e for e in built.entries if e.created.hour == 1]
    assert len(late) >= 4
    assert any(30 <= _story_day(e) <= 90 for e in late)


# --- practices -------------------------------------------------------------------------


def test_practices_begin_in_the_third_month_and_reach_today(built: Built) -> None:
    practices = [e for e in built.entries if e.practice is not None]
    assert {e.practice for e in practices} == set(Practice)
    assert min(_story_day(e) for e in practices) >= 60
    assert not [e for e in practices if _story_day(e) < 30]
    recent = [e for e in practices if (TODAY - e.day).days < 14]
    assert {e.practice for e in recent} >= {Practice.MORNING_INTENTION,
                                             Practice.EVENING_REFLECTION}
    assert any((TODAY - e.day).days <= 1 for e in practices)


def test_practices_are_irregular(built: Built) -> None:
    per_week: defaultdict[int, int] = defaultdict(int)
    for entry in built.entries:
        if entry.practice is Practice.MORNING_INTENTION:
            per_week[(_story_day(entry) - PRACTICE_FROM) // 7] += 1
    full_weeks = range((STORY_DAYS - PRACTICE_FROM) // 7)
    counts = [per_week.get(w, 0) for w in full_weeks]
    assert max(counts) >= 5
    assert min(counts) <= 2


def test_practice_entries_look_like_the_practices_service_wrote_them(built: Built) -> None:
    copy = load_practice_copy()
    for entry in built.entries:
        if entry.practice is None:
            continue
        assert entry.prompt_id == copy[entry.practice].prompt_id
        assert entry.text
        if entry.practice is Practice.EVENING_REFLECTION:
            assert entry.tags in (("connection",), ("self-care",))
        else:
            assert entry.tags == ()


def test_the_today_page_has_life(built: Built) -> None:
    @dataclass
    class Fixed:
        moment: datetime

        def now(self) -> datetime:
            return self.moment

    from clearheart.services.workspace import Workspace

    workspace = Workspace.unlock(built.home, PASSPHRASE)
    try:
        clock = Fixed(datetime.combine(TODAY, time(12, 0)).astimezone())
        service = PracticesService(workspace.journal, workspace.settings, clock)
        today = service.today()
        assert any(item.due.state is State.DONE for item in today.items)
        assert not today.first_time
        assert not today.welcome_back
        assert len(service.history(14)) >= 5
    finally:
        workspace.close()


def test_every_prompt_id_is_real(built: Built) -> None:
    ids = {p.id for p in load_prompts()}
    used = {e.prompt_id for e in built.entries if e.prompt_id}
    assert used <= ids
    assert len(used) >= 30


# --- the holding pen ---------------------------------------------------------------------


def test_the_pen_holds_drafts_at_points_of_the_story(built: Built) -> None:
    pen = _pen(built.home)
    assert [h.status for h in pen] == ["holding", "journaled", "let-go"]
    waiting, journaled, let_go = pen
    story, start = load_story(), story_start(TODAY)

    def chapter(moment: datetime) -> str:
        return story.chapter_of((moment.date() - start).days).name

    # The one still waiting is today's, so the pause page has a timer to show.
    assert waiting.created.date() == TODAY and waiting.decided_at is None
    assert waiting.rewrite and waiting.minutes == 20
    assert waiting.seconds_left(waiting.created) == 20 * 60
    assert chapter(let_go.created) == "boundary" and chapter(journaled.created) == "steadier"
    for held in (let_go, journaled):
        assert held.decided_at is not None
        assert held.created < held.decided_at < held.created + timedelta(hours=2)
        assert 7 <= held.created.hour <= 23
    # "Journaled" wrote the draft and its calmer version into the journal that evening.
    (entry,) = [e for e in built.entries if "pause" in e.tags]
    assert entry.tags == ("pause",) and entry.created == journaled.decided_at
    assert entry.text == f"{journaled.text}\n\nHow I might say it:\n{journaled.rewrite}"
    assert let_go.rewrite is None


def test_the_pen_file_is_checked_and_never_labels_anyone() -> None:
    assert "demo/pen_en.toml" in validate_all()
    events = load_demo_pen()
    assert [e.decision for e in events] == ["let-go", "journaled", None]
    source = (Path(__file__).resolve().parents[2] / "src" / "clearheart" / "content" / "demo"
              / "pen_en.toml").read_text(encoding="utf-8")
    for text in [source, *(e.text for e in events), *(e.rewrite or "" for e in events)]:
        assert not FORBIDDEN.search(text), FORBIDDEN.search(text)


def test_a_broken_pen_file_says_what_is_wrong() -> None:
    def draft(**changes: object) -> dict[str, object]:
        base: dict[str, object] = {"day": 100, "at": time(21, 0), "minutes": 20, "text": "Hi",
                                   "decision": "sent", "decided_after": 5}
        return {k: v for k, v in {**base, **changes}.items() if v is not None}

    waiting = draft(day=STORY_DAYS - 1, decision=None, decided_after=None)
    cases = [
        ([draft(minutes=0)], "draft #1: minutes: choose from 1 minute"),
        ([draft(decision="maybe")], "draft #1: status: choose one of"),
        ([draft(decided_after=None)], "needs 'decided_after'"),
        ([draft(day=STORY_DAYS)], "'day' of draft #1 must be a story day"),
        ([draft(text="  ")], "draft #1: text:"),
        ([draft(mood=3)], "unknown key 'mood' in draft #1"),
        ([waiting, draft(day=STORY_DAYS - 1, at=time(22, 0))], "draft #1 is still waiting"),
        ([draft(day=120), draft(day=110)], "the drafts must be in story order"),
    ]
    for drafts, reason in cases:
        with pytest.raises(ContentInvalid, match=re.escape(reason)):
            pen_from_data({"schema": 1, "locale": "en", "draft": drafts}, "demo/pen_en.toml")
    assert len(pen_from_data({"schema": 1, "locale": "en", "draft": [draft(), waiting]},
                             "demo/pen_en.toml")) == 2


# --- safety -----------------------------------------------------------------------------


def test_the_calm_story_ends_with_coaching_on(built: Built) -> None:
    """Alex's months hold hurt and worry but no danger: no false alarm may close the gate.

    On failure, the message names each journal entry and pen draft the danger-word
    reader matched, and the words it matched, so the reader can be tuned (the story's
    words are not changed to hide a false alarm).
    """
    workspace = Workspace.unlock(built.home, PASSPHRASE)
    try:
        gate = workspace.safety.gate()
    finally:
        workspace.close()
    matched = [
        f"{where} ({kind}): {text[start:end]!r} in {text[:80]!r}"
        for where, text in [
            *((f"journal {e.created:%Y-%m-%d %H:%M}", e.text) for e in built.entries),
            *((f"pen draft, day {d.day}", d.text) for d in load_demo_pen()),
        ]
        for kind, start, end in ((s.kind, s.start, s.end) for s in danger_signs(text))
    ]
    assert gate.coaching, (
        f"the calm story closed the gate ({[r.code for r in gate.reasons]}):\n"
        + "\n".join(matched)
    )


# --- determinism and defaults ----------------------------------------------------------


def test_a_few_lessons_were_read_at_moments_spread_over_the_months(built: Built) -> None:
    workspace = Workspace.unlock(built.home, PASSPHRASE)
    try:
        reads = {r.lesson_id: r for r in workspace.lessons.reads()}
        marks = workspace.lessons.marked(workspace.lessons.all().lessons)
    finally:
        workspace.close()
    start = story_start(TODAY)
    assert set(reads) == {"closeness-and-distance", "the-loop", "not-a-verdict",
                          "missing-the-promise"}
    days = sorted((r.first_opened.date() - start).days for r in reads.values())
    assert days[0] < 60 and days[-1] >= STORY_DAYS - 7 and days[-1] - days[0] > 120
    closeness = reads["closeness-and-distance"]
    assert closeness.last_opened - closeness.first_opened > timedelta(weeks=4)
    assert reads["not-a-verdict"].last_opened.hour < 2
    assert not any(m.changed_since for m in marks)


def test_the_same_today_gives_the_same_demo(built: Built, tmp_path: Path) -> None:
    again = _build(tmp_path / "again")
    assert [(e.created, e.text) for e in again] == [(e.created, e.text) for e in built.entries]
    assert [(e.tags, e.mood, e.practice) for e in again] == [
        (e.tags, e.mood, e.practice) for e in built.entries
    ]
    assert _pen(tmp_path / "again") == _pen(built.home)


def test_the_default_today_writes_nothing_in_the_future(tmp_path: Path) -> None:
    before = datetime.now().astimezone()
    entries = _build(tmp_path / "now", today=None)
    after = datetime.now().astimezone()
    assert entries[-1].created <= after
    assert entries[-1].day >= before.date() - timedelta(days=2)
    assert entries[0].day == story_start(before.date()) or entries[0].day == story_start(
        after.date())
    # The draft still waiting was held just before the demo opened: a live timer.
    waiting = [h for h in _pen(tmp_path / "now") if h.status == "holding"]
    assert len(waiting) == 1
    assert before - LIVE_AGO - timedelta(seconds=1) <= waiting[0].created <= after - LIVE_AGO
    assert waiting[0].seconds_left(datetime.now().astimezone()) > 10 * 60


def test_timeline_is_sorted_and_placed_in_chapters() -> None:
    story = load_story()
    events = timeline(story_start(TODAY))
    keys = [(e.day, e.at) for e in events]
    assert keys == sorted(keys)
    assert all(0 <= e.day < STORY_DAYS for e in events)
    assert story.chapter_of(0).name == "warm"
    assert story.chapter_of(STORY_DAYS - 1).name == "steadier"
    assert story.chapter("fight-and-repair").first > story.chapter("pulling-back").first
    assert story.partner == "Sam"


# --- the words -------------------------------------------------------------------------


def _all_story_text() -> list[str]:
    story = load_story()
    texts = [e.text for e in timeline(story_start(TODAY)) if isinstance(e, JournalEvent)]
    texts += [line.text for pool in (story.morning, story.connection, story.self_care,
                                     story.weekly) for line in pool]
    texts += [c.summary for c in story.chapters]
    return texts


def test_no_labels_verdicts_or_diagnoses_anywhere() -> None:
    source = (Path(__file__).resolve().parents[2] / "src" / "clearheart" / "content" / "demo"
              / "en.toml").read_text(encoding="utf-8")
    for text in [*_all_story_text(), source]:
        assert not FORBIDDEN.search(text), FORBIDDEN.search(text)


