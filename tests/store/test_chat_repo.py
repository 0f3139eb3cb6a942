"""Chat storage contract on SQLCipher and PostgreSQL: import, re-import, read, delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from clearheart.domain.chat import Kind, Message, from_wall_seconds, in_columns, wall_seconds
from clearheart.errors import InvalidInput, NotFound
from clearheart.store.chat_repo import ChatRepo, NewChat

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
T0 = datetime(2026, 3, 1, 21, 15)


def msg(minutes: int, sender: str, text: str, kind: Kind = Kind.TEXT) -> Message:
    return Message(T0 + timedelta(minutes=minutes), sender, kind, text)


def me_is(name: str):  # type: ignore[no-untyped-def]
    return lambda participants, current: name


CHAT = [
    msg(0, "", "Messages are end-to-end encrypted.", Kind.SYSTEM),
    msg(1, "Alex", "Hi!\nHow was the day?"),
    msg(5, "Sam", "Long. Call later?"),
    msg(5, "Sam", "<Media omitted>", Kind.MEDIA),
    msg(9, "Alex", "Sure 🙂"),
]


def test_store_and_read_back_exactly(engine: sa.Engine) -> None:
    repo = ChatRepo(engine)
    stored = repo.store(
        NewChat("whatsapp", "Sam", "WhatsApp Chat with Sam.txt"),
        in_columns(CHAT),
        NOW,
        me_is("Alex"),
    )
    assert (stored.added, stored.skipped) == (5, 0)
    assert stored.participants == ("Alex", "Sam")
    assert list(repo.messages(stored.chat_id)) == CHAT
    info = repo.get(stored.chat_id)
    assert (info.me, info.messages, info.first, info.last) == ("Alex", 5, CHAT[0].ts, CHAT[-1].ts)


def test_reimport_of_a_newer_export_adds_only_new_messages(engine: sa.Engine) -> None:
    repo = ChatRepo(engine)
    first = repo.store(
        NewChat("whatsapp", "Sam", "a.txt"), in_columns(CHAT[:4]), NOW, me_is("Alex")
    )
    newer = [*CHAT, msg(9, "Alex", "Sure 🙂"), msg(30, "Sam", "Night!")]
    again = repo.store(first.chat_id, in_columns(newer), NOW, me_is("Alex"))
    assert (again.added, again.skipped) == (3, 4)
    assert [m.text for m in repo.messages(first.chat_id)] == [m.text for m in newer]
    same = repo.store(first.chat_id, in_columns(newer), NOW, me_is("Alex"))
    assert (same.added, same.skipped) == (0, 7)


def test_a_failure_mid_stream_leaves_nothing(engine: sa.Engine) -> None:
    repo = ChatRepo(engine)

    def broken():  # type: ignore[no-untyped-def]
        yield from CHAT
        raise InvalidInput("file", "cut off")

    with pytest.raises(InvalidInput):
        repo.store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(broken()), NOW, me_is("Alex"))
    assert repo.list() == ()

    def refuse(participants: tuple[str, ...], current: str | None) -> str:
        raise InvalidInput("--me", "say which")

    with pytest.raises(InvalidInput):
        repo.store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(CHAT), NOW, refuse)
    assert repo.list() == ()


def test_since_until_and_big_batches(engine: sa.Engine) -> None:
    repo = ChatRepo(engine)
    many = [msg(i, "Alex" if i % 3 else "Sam", f"m{i}") for i in range(45_000)]
    stored = repo.store(NewChat("csv", None, "x.csv"), in_columns(many), NOW, me_is("Alex"))
    assert stored.added == 45_000
    window = list(
        repo.messages(stored.chat_id, T0 + timedelta(minutes=100), T0 + timedelta(minutes=200))
    )
    assert [m.text for m in window] == [f"m{i}" for i in range(100, 200)]


def test_me_alias_and_delete(engine: sa.Engine) -> None:
    repo = ChatRepo(engine)
    stored = repo.store(NewChat("whatsapp", "Sam", "a.txt"), in_columns(CHAT), NOW,
                        lambda p, current: None)
    assert repo.get(stored.chat_id).me is None
    repo.set_me(stored.chat_id, "Alex")
    repo.set_alias(stored.chat_id, "S.")
    info = repo.get(stored.chat_id)
    assert (info.me, info.partner_alias) == ("Alex", "S.")
    repo.delete(stored.chat_id)
    assert repo.list() == ()
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM chat_blocks")).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM chat_participants")).scalar() == 0
    with pytest.raises(NotFound):
        repo.delete(stored.chat_id)
    with pytest.raises(NotFound):
        list(repo.messages(stored.chat_id))


def test_wall_clock_seconds_round_trip() -> None:
    for moment in (
        datetime(1970, 1, 1),
        datetime(2026, 3, 29, 2, 30),
        datetime(1999, 12, 31, 23, 59, 59),
    ):
        assert from_wall_seconds(wall_seconds(moment)) == moment
