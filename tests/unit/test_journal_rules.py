"""Domain rules for journal entries, search queries and preferences."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from clearheart.domain.journal import (
    MAX_TEXT,
    Draft,
    Mood,
    clean_draft,
    clean_tag,
    from_stamp,
    offset_minutes,
    parse_tags,
    utc_stamp,
)
from clearheart.domain.preferences import Preferences, clean, parse_time
from clearheart.domain.search import fts5_query, snippet, terms
from clearheart.errors import InvalidInput

WORDS = frozenset({"calm", "tired"})


def test_clean_draft_normalises_text_tags_and_mood() -> None:
    draft = clean_draft(
        Draft("  Line one\r\nline two  ", mood=Mood(3, ("Calm", "calm", " tired ")),
              tags=("#Walk", "walk", "Self  care")),
        WORDS,
    )
    assert draft.text == "Line one\nline two"
    assert draft.mood == Mood(3, ("calm", "tired"))
    assert draft.tags == ("walk", "self care")


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (Draft("   "), "text"),
        (Draft("x" * (MAX_TEXT + 1)), "text"),
        (Draft("a\x00b"), "text"),
        (Draft("ok", mood=Mood(0)), "mood"),
        (Draft("ok", mood=Mood(6)), "mood"),
        (Draft("ok", mood=Mood(3, ("furious",))), "emotions"),
        (Draft("ok", tags=("",)), "tags"),
        (Draft("ok", tags=("a;b",)), "tags"),
        (Draft("ok", tags=tuple(f"t{i}" for i in range(21))), "tags"),
    ],
)
def test_clean_draft_rejects_with_the_field_named(draft: Draft, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        clean_draft(draft, WORDS)
    assert err.value.field == field


def test_a_mood_alone_is_a_whole_entry() -> None:
    assert clean_draft(Draft("", mood=Mood(2)), WORDS).text == ""


def test_tags_parse_from_a_typed_field() -> None:
    assert parse_tags(" walk, #Friends ,, sleep ") == ("walk", "friends", "sleep")
    with pytest.raises(InvalidInput):
        clean_tag("x" * 41)


def test_stamps_round_trip_with_their_offset() -> None:
    moment = datetime(2026, 3, 29, 1, 30, 5, 42, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    stamp = utc_stamp(moment)
    assert stamp == "2026-03-29T05:00:05.000042Z"
    again = from_stamp(stamp, offset_minutes(moment))
    assert again == moment and again.utcoffset() == moment.utcoffset()
    with pytest.raises(ValueError, match="time zone"):
        utc_stamp(datetime(2026, 1, 1))


def test_search_terms_and_fts_query_quote_everything() -> None:
    assert terms('Silence "AND" near(dinner)') == ("silence", "and", "near", "dinner")
    assert fts5_query(("silence", "dinn")) == '"silence" "dinn" *'
    assert terms("") == ()
    assert len(terms(" ".join(["w"] * 50))) == 12


def test_snippet_centres_on_the_first_match() -> None:
    text = "a" * 300 + " the silence " + "b" * 300
    before, match, after = snippet(text, ("silence",), width=40)
    assert match == "silence"
    assert before.startswith("…") and after.endswith("…")
    assert len(before) + len(after) <= 44
    assert snippet("short text", ("zzz",)) == ("short text", "", "")


def test_preferences_validation() -> None:
    assert clean(Preferences(display_name="  My   notes ")).display_name == "My notes"
    for bad in [Preferences(display_name=""), Preferences(display_name="Partner log"),
                Preferences(idle_minutes=0.5), Preferences(exit_url="javascript:alert(1)"),
                Preferences(exit_url="//evil.example"), Preferences(exit_url="http://plain.example")]:
        with pytest.raises(InvalidInput):
            clean(bad)
    assert clean(Preferences(exit_url="https://news.example.org")).exit_url.startswith("https")
    with pytest.raises(InvalidInput, match="08:30"):
        parse_time("morning", "8 am")
    prefs = Preferences(display_name="Notes")
    assert Preferences.from_json(prefs.to_json()) == prefs
