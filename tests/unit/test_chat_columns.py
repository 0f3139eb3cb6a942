"""Columns: the batch form of messages, and the fast Message construction it reads back with."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearheart.domain import chat
from clearheart.domain.chat import Columns, Kind, Message, from_columns, in_columns


def test_fast_construction_builds_the_same_frozen_message() -> None:
    fields = tuple(field.name for field in dataclasses.fields(Message))
    assert fields == chat.MESSAGE_FIELDS, "Message changed: update chat.MESSAGE_FIELDS"
    made = next(Columns([1_609_493_400], ["Sam"], [Kind.TEXT], ["hi"], [True]).messages())
    expected = Message(datetime(2021, 1, 1, 9, 30), "Sam", Kind.TEXT, "hi", edited=True)
    assert made == expected and type(made) is Message and hash(made) == hash(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]


_MESSAGES = st.lists(st.builds(
    Message,
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda moment: moment.replace(microsecond=0)),
    st.sampled_from(["Sam", "Alex", ""]), st.sampled_from(list(Kind)), st.text(max_size=20),
    st.booleans()), max_size=40)


@given(_MESSAGES, st.integers(min_value=1, max_value=7))
def test_messages_survive_regrouping_into_columns(messages: list[Message], size: int) -> None:
    batches = list(in_columns(messages, size))
    assert all(0 < len(batch) <= size for batch in batches)
    assert list(from_columns(batches)) == messages
