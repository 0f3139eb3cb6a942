"""Journal storage contract: the same behaviour on SQLCipher and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from clearheart.domain.journal import Draft, Mood, Practice
from clearheart.errors import NotFound
from clearheart.store.journal_repo import JournalRepo

PARIS = timezone(timedelta(hours=2))
START = datetime(2026, 5, 1, 21, 30, 15, 123456, tzinfo=PARIS)


def add(repo: JournalRepo, text: str, at: datetime = START, **kw: object) -> int:
    return repo.add(Draft(text=text, **kw), at).id  # type: ignore[arg-type]


def test_add_then_get_round_trips_every_field(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    entry = repo.add(
        Draft(text="Walked by the river.\nFelt lighter.", prompt_id="self-care-walk",
              mood=Mood(4, ("calm", "hopeful")), tags=("walk", "self-care"),
              practice=Practice.EVENING_REFLECTION),
        START,
    )
    again = repo.get(entry.id)
    assert again == entry
    assert again.created == START
    assert again.created.utcoffset() == timedelta(hours=2)
    assert again.mood == Mood(4, ("calm", "hopeful"))
    assert again.tags == ("walk", "self-care")
    assert again.practice is Practice.EVENING_REFLECTION


def test_get_missing_raises_not_found(engine: sa.Engine) -> None:
    with pytest.raises(NotFound):
        JournalRepo(engine).get(999)


def test_page_is_newest_first_and_counts(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    ids = [add(repo, f"entry {i}", START + timedelta(hours=i)) for i in range(7)]
    page = repo.page(offset=0, limit=3)
    assert [e.id for e in page.entries] == ids[::-1][:3]
    assert page.total == 7 and page.has_more
    last = repo.page(offset=6, limit=3)
    assert [e.id for e in last.entries] == [ids[0]] and not last.has_more
    assert repo.count() == 7
    assert [e.id for e in repo.all()] == ids


def test_order_follows_utc_time_not_local_text(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    tokyo = timezone(timedelta(hours=9))
    later_but_smaller_local = datetime(2026, 5, 1, 23, 0, tzinfo=UTC)
    earlier = datetime(2026, 5, 2, 7, 0, tzinfo=tokyo)  # 22:00 UTC on May 1st
    first = add(repo, "earlier", earlier)
    second = add(repo, "later", later_but_smaller_local)
    assert [e.id for e in repo.all()] == [first, second]


def test_delete_removes_entry_and_its_search_index(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    gone = add(repo, "pineapple secret")
    kept = add(repo, "pineapple ordinary")
    repo.delete(gone)
    assert [e.id for e in repo.search("pineapple")] == [kept]
    with pytest.raises(NotFound):
        repo.delete(gone)


def test_search_needs_every_word_and_prefixes_the_last(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    a = add(repo, "The silence after dinner felt heavy")
    b = add(repo, "Silence can also feel restful")
    add(repo, "A lovely dinner with friends")
    assert {e.id for e in repo.search("silence")} == {a, b}
    assert [e.id for e in repo.search("silence dinn")] == [a]
    assert [e.id for e in repo.search("RESTF")] == [b]
    assert repo.search("") == ()
    assert repo.search("   ...  ") == ()


def test_search_treats_operators_and_quotes_as_words(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    a = add(repo, 'She said "NEAR" and OR AND not')
    for query in ['"', "NEAR(", "OR", "a:b", "*", "'; DROP TABLE journal_entries; --", "(((("]:
        repo.search(query)  # must not raise
    assert [e.id for e in repo.search("near")] == [a]
    assert repo.count() == 1


def test_search_finds_tags(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    a = add(repo, "A quiet day", tags=("boundaries",))
    assert [e.id for e in repo.search("boundaries")] == [a]


def test_search_handles_non_ascii(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    a = add(repo, "Ich fühle mich müde, aber ruhig")
    assert [e.id for e in repo.search("müde")] == [a]


def test_practice_entries_and_last_day(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    assert repo.last_practice_day() is None
    add(repo, "free writing", START)
    add(repo, "intention", START - timedelta(days=10), practice=Practice.MORNING_INTENTION)
    recent = add(repo, "reflection", START, practice=Practice.EVENING_REFLECTION)
    found = repo.practice_entries(date(2026, 4, 25))
    assert [e.id for e in found] == [recent]
    assert repo.last_practice_day() == date(2026, 5, 1)


def test_add_many_is_one_transaction(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    assert repo.add_many((Draft(f"bulk {i}"), START + timedelta(minutes=i)) for i in range(5)) == 5
    assert [e.text for e in repo.all()] == [f"bulk {i}" for i in range(5)]
    assert repo.add_many([]) == 0
    with pytest.raises(sa.exc.IntegrityError):
        repo.add_many([(Draft("fine"), START), (Draft(None), START)])  # type: ignore[arg-type]
    assert repo.count() == 5


def test_update_replaces_words_and_reindexes_but_keeps_time(engine: sa.Engine) -> None:
    repo = JournalRepo(engine)
    entry = repo.add(Draft("old words here", practice=Practice.MORNING_INTENTION), START)
    updated = repo.update(entry.id, Draft("fresh phrasing", mood=Mood(3, ("calm",)),
                                          tags=("x",)))
    assert updated.created == START and updated.practice is Practice.MORNING_INTENTION
    assert (updated.text, updated.mood, updated.tags) == ("fresh phrasing", Mood(3, ("calm",)),
                                                          ("x",))
    assert repo.search("old") == ()
    assert [e.id for e in repo.search("fresh")] == [entry.id]
    with pytest.raises(NotFound):
        repo.update(999, Draft("x"))
