"""The demo chat with Sam: the arc the pattern pages look for, checked with plain arithmetic.

Every property here is computed directly from the generated messages, with no help from
the pattern code, so the demo is known to carry the evidence whatever that code becomes.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median

import pytest

from clearheart.demo import build_demo
from clearheart.demo.after_contact import chat_after, quiet_from
from clearheart.demo.chat import CHAT_SEED, PACES, demo_chat_messages, load_chat_copy
from clearheart.demo.story import STORY_DAYS, load_story, story_start
from clearheart.domain.chat import PERSON_KINDS, Kind, Message
from clearheart.store.chat_repo import ChatInfo

TODAY = date(2025, 3, 14)
START = story_start(TODAY)
PASSPHRASE = "demo passphrase for tests"
ME, SAM = "Alex", "Sam"
GAP = timedelta(hours=6)
"""A new conversation starts after this long without a message (the patterns' default)."""
LATER = ("pulling-back", "fight-and-repair", "quiet", "needs", "boundary", "steadier")
CALMER = ("needs", "boundary", "steadier")
PULLING_AWAY = ("closer", "pulling-back", "fight-and-repair", "quiet")
FORBIDDEN = re.compile(r"\b(needy|avoidant|narcissis\w*|toxic|clingy)\b", re.IGNORECASE)
WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)"
PROPOSAL = re.compile(rf"\b{WEEKDAY}\b[^\n]*\?|\bare you free\b", re.IGNORECASE)
KEPT = re.compile(r"\bsee you at \d", re.IGNORECASE)
CANCELLED = re.compile(r"\bcan't make it\b|\brain check\b", re.IGNORECASE)
MOVED = re.compile(r"\binstead\?", re.IGNORECASE)


@pytest.fixture(scope="module")
def chat() -> list[Message]:
    return demo_chat_messages(START, TODAY, random.Random(CHAT_SEED))


def _person(messages: Iterable[Message]) -> list[Message]:
    return [m for m in messages if m.kind in PERSON_KINDS]


def _day(moment: datetime) -> int:
    return (moment.date() - START).days


def _chapter(moment: datetime) -> str:
    return load_story().chapter_of(_day(moment)).name


def _weeks(*names: str) -> float:
    story = load_story()
    return sum(story.chapter(n).last - story.chapter(n).first + 1 for n in names) / 7


def _per_week(found: Iterable[datetime], *names: str) -> float:
    return sum(_chapter(moment) in names for moment in found) / _weeks(*names)


def _days(found: Iterable[datetime]) -> list[datetime]:
    """One moment per day: a plan called off in two messages is still one plan."""
    first: dict[date, datetime] = {}
    for moment in found:
        first.setdefault(moment.date(), moment)
    return list(first.values())


def _conversation_starts(messages: list[Message]) -> list[Message]:
    person = _person(messages)
    return [m for i, m in enumerate(person) if i == 0 or m.ts - person[i - 1].ts >= GAP]


def _reply_minutes(messages: list[Message], sender: str) -> dict[str, list[float]]:
    """Minutes from the other person's message to `sender`'s answer, by chapter of the answer."""
    found: dict[str, list[float]] = {}
    person = _person(messages)
    for before, after in itertools.pairwise(person):
        if after.sender == sender and before.sender != sender:
            found.setdefault(_chapter(after.ts), []).append(
                (after.ts - before.ts).total_seconds() / 60)
    return found


def _runs(messages: list[Message], sender: str, shortest: int = 3) -> list[list[Message]]:
    """Messages from `sender` in a row, with no answer between them."""
    runs: list[list[Message]] = []
    current: list[Message] = []
    for message in _person(messages):
        if message.sender == sender:
            current.append(message)
            continue
        if len(current) >= shortest:
            runs.append(current)
        current = []
    if len(current) >= shortest:
        runs.append(current)
    return runs


def _silences(messages: list[Message], hours: float) -> list[tuple[Message, Message]]:
    return [(a, b) for a, b in itertools.pairwise(messages)
            if b.ts - a.ts >= timedelta(hours=hours)]


def _matching(messages: list[Message], pattern: re.Pattern[str],
              keep: Callable[[Message], bool] = lambda m: True) -> list[datetime]:
    return [m.ts for m in _person(messages)
            if m.kind is Kind.TEXT and pattern.search(m.text) and keep(m)]


# --- shape -------------------------------------------------------------------------------


def test_size_order_and_range(chat: list[Message]) -> None:
    assert 4_000 <= len(chat) <= 7_000
    assert all(a.ts <= b.ts for a, b in itertools.pairwise(chat))
    assert all(m.ts.tzinfo is None for m in chat)
    assert all(m.ts.microsecond == 0 for m in chat)
    assert chat[0].ts.date() >= START
    assert chat[-1].ts.date() == TODAY
    assert {m.sender for m in chat} == {"", ME, SAM}
    assert {m.sender for m in chat if m.kind is Kind.SYSTEM} == {""}
    for chapter in load_story().chapters:
        assert any(_chapter(m.ts) == chapter.name for m in chat), chapter.name


def test_app_lines_are_there_in_the_exports_own_words(chat: list[Message]) -> None:
    kinds = Counter(m.kind for m in chat)
    assert chat[0].kind is Kind.SYSTEM
    assert chat[0].sender == ""
    assert "end-to-end encrypted" in chat[0].text
    assert kinds[Kind.SYSTEM] == 1
    assert kinds[Kind.MEDIA] >= 50
    assert {m.text for m in chat if m.kind is Kind.MEDIA} == {"<Media omitted>"}
    assert 3 <= kinds[Kind.CALL] <= 12
    assert {m.text for m in chat if m.kind is Kind.CALL} == {"Missed voice call"}
    assert {m.sender for m in chat if m.kind is Kind.CALL} == {ME, SAM}
    deleted = [m for m in chat if m.kind is Kind.DELETED]
    assert deleted
    assert {m.sender for m in deleted} == {ME}


def test_times_of_day_are_realistic(chat: list[Message]) -> None:
    for message in chat:
        minutes = message.ts.hour * 60 + message.ts.minute
        assert not 2 * 60 <= minutes < 7 * 60, message
        if message.sender == SAM:
            assert not 60 <= minutes < 7 * 60, message
    person = _person(chat)
    into_silence = [m.ts for before, m in itertools.pairwise(person)
                    if m.sender == before.sender == ME and m.ts.hour < 2]
    assert _per_week(into_silence, "pulling-back") >= 1
    assert _per_week(into_silence, "pulling-back") > 3 * _per_week(into_silence, "warm")


def test_deterministic(chat: list[Message]) -> None:
    again = demo_chat_messages(START, TODAY, random.Random(CHAT_SEED))
    assert again == chat
    other = demo_chat_messages(START, TODAY, random.Random(CHAT_SEED + 1))
    assert other != chat
    assert 4_000 <= len(other) <= 7_000


def test_any_start_and_a_short_story() -> None:
    start = date(2024, 2, 20)
    short = demo_chat_messages(start, start + timedelta(days=9), random.Random(1))
    assert short
    assert all(start <= m.ts.date() <= start + timedelta(days=9) for m in short)
    assert demo_chat_messages(start, start - timedelta(days=1), random.Random(1)) == []
    longer = demo_chat_messages(start, start + timedelta(days=400), random.Random(1))
    assert _day(longer[-1].ts) - (start - START).days < STORY_DAYS


def test_every_chapter_has_a_pace() -> None:
    assert {c.name for c in load_story().chapters} <= set(PACES)


# --- the arc -----------------------------------------------------------------------------


def test_sam_starts_fewer_conversations_over_time(chat: list[Message]) -> None:
    starts = _conversation_starts(chat)

    def share(*names: str) -> float:
        mine = [m for m in starts if _chapter(m.ts) in names]
        return sum(m.sender == SAM for m in mine) / len(mine)

    sam_starts = [m.ts for m in starts if m.sender == SAM]
    assert share("warm") >= 0.6
    assert share(*LATER) <= share("warm") - 0.1
    assert share("pulling-back") <= share("warm") - 0.2
    assert _per_week(sam_starts, "warm") > 1.3 * _per_week(sam_starts, *LATER)


def test_sam_answers_in_minutes_at_first_and_in_hours_when_pulling_back(
        chat: list[Message]) -> None:
    sam = {name: median(found) for name, found in _reply_minutes(chat, SAM).items()}
    alex = {name: median(found) for name, found in _reply_minutes(chat, ME).items()}
    assert sam["warm"] < 10
    assert sam["pulling-back"] >= 60
    assert 2 * sam["warm"] < sam["steadier"] < sam["pulling-back"]
    assert alex["pulling-back"] < 15
    counts = {name: len(found) for name, found in _reply_minutes(chat, SAM).items()}
    assert min(counts["warm"], counts["pulling-back"], counts["steadier"]) >= 20, counts


def test_sams_messages_get_shorter_and_alex_explains_more(chat: list[Message]) -> None:
    def mean_length(sender: str, chapter: str) -> float:
        texts = [len(m.text) for m in chat if m.kind is Kind.TEXT and m.sender == sender
                 and _chapter(m.ts) == chapter]
        return sum(texts) / len(texts)

    assert mean_length(SAM, "pulling-back") < mean_length(SAM, "warm")
    assert mean_length(ME, "pulling-back") > 1.3 * mean_length(ME, "warm")
    long_ones = [m for m in chat if m.sender == ME and len(m.text) > 150]
    assert any(_chapter(m.ts) == "pulling-back" for m in long_ones)


def test_unanswered_runs_rise_then_fall_after_the_request(chat: list[Message]) -> None:
    runs = _runs(chat, ME)
    firsts = [run[0].ts for run in runs]
    pulling = _per_week(firsts, "pulling-back")
    assert _per_week(firsts, "warm") <= 0.5
    assert pulling >= 3
    for chapter in CALMER:
        assert _per_week(firsts, chapter) <= pulling / 3, chapter
    in_pulling = [run for run in runs if _chapter(run[0].ts) == "pulling-back"]
    assert sum(3 <= len(run) <= 6 for run in in_pulling) >= 0.8 * len(in_pulling)
    assert not [run for run in _runs(chat, SAM, shortest=5)
                if _chapter(run[0].ts) in ("pulling-back", "quiet")]


def test_the_long_silences_are_the_fight_and_the_unanswered_question(
        chat: list[Message]) -> None:
    silences = _silences(chat, 48)
    assert len(silences) == 2
    (fight_before, fight_after), (later_before, later_after) = silences
    assert _chapter(fight_before.ts) == "fight-and-repair"
    assert fight_after.ts - fight_before.ts >= timedelta(hours=60)
    assert fight_before.sender == ME
    assert fight_after.sender == SAM
    assert _chapter(later_before.ts) == "boundary"
    assert later_after.sender == ME
    before_fight = [m for m in _person(chat)
                    if fight_before.ts - timedelta(hours=20) <= m.ts <= fight_before.ts]
    assert sum(m.sender == ME for m in before_fight) >= 8
    assert any(m.kind is Kind.CALL and m.sender == ME for m in chat
               if _chapter(m.ts) == "fight-and-repair")


def test_plans_are_made_and_kept_early_and_called_off_later(chat: list[Message]) -> None:
    proposals = _matching(chat, PROPOSAL, lambda m: not MOVED.search(m.text))
    by_sam = _matching(chat, PROPOSAL, lambda m: m.sender == SAM and not MOVED.search(m.text))
    kept = _matching(chat, KEPT)
    cancelled = _days(_matching(chat, CANCELLED, lambda m: m.sender == SAM))
    moved = _matching(chat, MOVED)
    assert _per_week(proposals, "warm") >= 1.5
    assert _per_week(by_sam, "warm") > 2 * _per_week(by_sam, "pulling-back")
    assert _per_week(kept, "warm") >= 1.5
    assert _per_week(kept, "warm") > 2 * _per_week(kept, "pulling-back")
    assert _per_week(cancelled, "warm") == 0
    assert _per_week(cancelled, *PULLING_AWAY) >= 0.5
    assert sum(_chapter(moment) == "pulling-back" for moment in cancelled) >= 2
    assert moved
    texts = " | ".join(m.text.lower() for m in chat)
    for phrase in ("are you free", "see you at 7", "can't make it tonight", "rain check?",
                   "instead?"):
        assert phrase in texts, phrase


def test_story_beats_land_on_their_days(chat: list[Message]) -> None:
    story = load_story()

    def said(chapter: str, words: str, sender: str) -> bool:
        return any(words in m.text and m.sender == sender and _chapter(m.ts) == chapter
                   for m in chat)

    assert said("warm", "too soon???", SAM)
    assert said("pulling-back", "probably, will let you know", SAM)
    assert said("fight-and-repair", "I need a couple of days", SAM)
    assert said("needs", "thursdays, then", SAM)
    assert said("boundary", "give me a day", ME)
    assert said("boundary", "the quiet gets bigger than the question", SAM)
    assert any(m.kind is Kind.DELETED for m in chat if _chapter(m.ts) == "pulling-back")
    late = [m for m in chat if m.sender == SAM and "see you at" in m.text
            and _day(m.ts) >= story.chapter("needs").first]
    assert late


# --- the words ---------------------------------------------------------------------------


def test_no_labels_anywhere(chat: list[Message]) -> None:
    source = (Path(__file__).resolve().parents[2] / "src" / "clearheart" / "content" / "demo"
              / "chat_en.toml").read_text(encoding="utf-8")
    assert not FORBIDDEN.search(source), FORBIDDEN.search(source)
    for message in chat:
        assert not FORBIDDEN.search(message.text), message
        assert "{" not in message.text and "}" not in message.text, message


def test_every_template_field_is_filled_and_the_copy_is_whole() -> None:
    copy = load_chat_copy()
    assert copy.me == ME
    assert len(copy.weekdays) == 7
    assert copy.scenes
    senders = {say[0] for snippet in (*copy.threads, *copy.asides, *copy.closers)
               for say in snippet.lines}
    assert senders == {ME, SAM}


# --- in the vault --------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    info: tuple[ChatInfo, ...]
    messages: list[Message]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Stored:
    workspace = build_demo(tmp_path_factory.mktemp("demo-chat") / "vault", PASSPHRASE,
                           today=TODAY)
    try:
        info = workspace.chats.chats()
        return Stored(info, list(workspace.chats.messages(info[0].id)))
    finally:
        workspace.close()


def test_build_demo_stores_the_chat(stored: Stored, chat: list[Message]) -> None:
    """The story's chat as exported after Alex began keeping distance: it goes quiet that
    day, apart from the one exchange the no-contact tracker notes."""
    chat = [m for m in chat if m.ts < quiet_from(TODAY)] + chat_after(TODAY, ME, SAM)
    assert len(stored.info) == 1
    info = stored.info[0]
    order = tuple(dict.fromkeys(m.sender for m in _person(chat)))
    assert set(info.participants) == {ME, SAM}
    assert info.participants == order
    assert info.me == ME
    assert info.format == "whatsapp"
    assert info.title == SAM
    assert info.source_name == "WhatsApp Chat with Sam.txt"
    assert info.messages == len(chat)
    assert [(m.ts, m.sender, m.kind, m.text) for m in stored.messages] == [
        (m.ts, m.sender, m.kind, m.text) for m in chat]


def test_the_default_today_stores_no_message_from_the_future(tmp_path: Path) -> None:
    workspace = build_demo(tmp_path / "now", PASSPHRASE)
    after = datetime.now()
    try:
        (info,) = workspace.chats.chats()
        assert info.last is not None
        assert info.last <= after
        assert info.first is not None
        assert info.first.date() >= story_start(after.date()) - timedelta(days=1)
    finally:
        workspace.close()
