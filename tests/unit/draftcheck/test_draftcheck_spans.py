"""Spans index the text as given: Python str offsets, end exclusive, emoji and accents kept."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.domain.draftcheck import KINDS, Reading, check
from clearheart.domain.draftcheck.engine import RULES
from clearheart.domain.draftcheck.rulebook import ANY_START, WORD_START

Check = Callable[[str], Reading]

PREFIXES = ("", "🙂 ", "💔💔 ", "👩‍👩‍👧 ", "Zoë, ", "Rene\u0301e, ", "\u202e", "e\u0301\u0301 ")
DRAFT = "you never listen and it's not my fault. Are we ok?"


def test_spans_shift_exactly_with_emoji_and_combining_marks(read: Check) -> None:
    base = read(DRAFT)
    assert base.flags
    for prefix in PREFIXES:
        text = prefix + DRAFT
        reading = read(text)
        assert [(f.kind, f.start - len(prefix), f.end - len(prefix)) for f in reading.flags] == [
            (f.kind, f.start, f.end) for f in base.flags
        ], prefix
        for flag in reading.flags:
            assert (
                text[flag.start : flag.end]
                == DRAFT[flag.start - len(prefix) : flag.end - len(prefix)]
            )


def test_text_is_never_normalised_before_matching() -> None:
    decomposed = unicodedata.normalize("NFD", "Éloïse, you never listen")
    reading = check(decomposed)
    (flag,) = reading.flags
    assert decomposed[flag.start : flag.end] == "you never listen"


def test_curly_apostrophes_and_texting_spellings(read: Check) -> None:
    for text in ("It’s not my fault", "its not my fault", "u never listen", "ur so selfish"):
        reading = read(text)
        assert reading.flags, text
        flag = reading.flags[0]
        assert text[flag.start : flag.end].strip() == text[flag.start : flag.end]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_valid_flags(text: str) -> None:
    reading = check(text)
    for flag in reading.flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert flag.kind in KINDS
        assert text[flag.start : flag.end].strip()
    assert reading.pause == bool(reading.flags) or reading.safety
    assert len(reading.tips) <= 3


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(categories=("So", "Mn", "Zs")), max_size=12))
def test_symbols_and_marks_before_a_draft_keep_its_evidence(prefix: str) -> None:
    text = prefix + " you're an asshole"
    flags = [f for f in check(text).flags if f.kind == "contempt"]
    assert text[flags[-1].start : flags[-1].end] == "you're an asshole"
    # A symbol can be evidence of its own (a clown emoji), never a stretch across both.
    assert all(f.end <= len(prefix) for f in flags[:-1])


ANCHORED = [
    (rule, re.compile(ANY_START + rule.pattern.pattern[len(WORD_START) :], re.IGNORECASE))
    for rule in RULES
    if rule.pattern.pattern.startswith(WORD_START)
]


def test_most_rules_get_the_fast_word_start_and_symbol_rules_keep_theirs() -> None:
    assert len(ANCHORED) >= len(RULES) // 2
    eye_roll = next(rule for rule in RULES if rule.id == "contempt.eye-roll")
    assert eye_roll.pattern.pattern.startswith(ANY_START)  # it may begin with 🙄


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("you u r k ok fine!?.,'’🙄🤡*\nIimé_0")), max_size=40))
def test_the_fast_start_finds_exactly_what_the_safe_one_finds(text: str) -> None:
    for rule, safe in ANCHORED:
        assert [m.span() for m in rule.pattern.finditer(text)] == [
            m.span() for m in safe.finditer(text)
        ], rule.id
