"""Texting spellings read as standard words before the check, with every flag's span put
back on the words as typed (domain/draftcheck/texting.py), and both spellings of a draft
read alike by the real checker."""

from __future__ import annotations

import pytest

from clearheart.domain.draftcheck.reading import Flag, Reading
from clearheart.domain.draftcheck.texting import as_typed, normalise
from clearheart.services.draftcheck import DraftChecker, known_word

KNOWN = {"so", "please", "why", "no"}.__contains__


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("u never txt back", "you never text back"),
        ("U NEVER TXT BACK", "YOU NEVER TEXT BACK"),
        ("Ur phone died?", "Your phone died?"),
        ("ur a coward", "you're a coward"),
        ("ur lying again", "you're lying again"),
        ("im sooo done w u", "I'm so done with you"),
        ("pleaseee dont go 2nite", "please don't go tonight"),
        ("nooooo way", "no way"),
        ("brrrr it's cold", "brr it's cold"),
        ("k.", "k."),
        ("OMG we got it", "OMG we got it"),
        ("i'll be ill its fine", "i'll be ill its fine"),
        ("ya well", "ya well"),
        ("see u at 2 🙂", "see you at 2 🙂"),
    ],
)
def test_texting_spellings_become_standard_words(typed: str, plain: str) -> None:
    assert normalise(typed, KNOWN).text == plain


def test_spans_map_back_onto_the_words_as_typed() -> None:
    typed = "omg u never txt back!!"
    found = normalise(typed)
    start = found.text.index("you never text")
    span = found.span(start, start + len("you never text"))
    assert typed[span[0] : span[1]] == "u never txt"
    assert found.span(0, 0) == (0, 0)
    nothing = normalise("You never text back.")
    assert not nothing.changed and nothing.text == "You never text back."


def test_a_reading_of_the_plain_text_is_moved_onto_the_draft() -> None:
    typed = "u never txt back"
    found = normalise(typed)
    flag = Flag("criticism", 0, len("you never text"), "why", "rule")
    moved = as_typed(Reading(pause=True, flags=(flag,), tips=(), safety=False), found)
    assert [(f.kind, typed[f.start : f.end]) for f in moved.flags] == [("criticism", "u never txt")]


@pytest.fixture(scope="module")
def checker() -> DraftChecker:
    return DraftChecker(use_model=False)


@pytest.mark.parametrize(
    ("standard", "texting"),
    [
        ("You never text back.", "u never txt back"),
        ("You're pathetic.", "ur pathetic"),
        (
            "Why can't you just answer me? Please, please answer.",
            "whyyy cant u just answer me plz plz answer",
        ),
        ("See you tomorrow, love you.", "see u tmrw luv u"),
    ],
)
def test_both_spellings_get_the_same_verdict(
    checker: DraftChecker, standard: str, texting: str
) -> None:
    assert checker.check(standard).pause == checker.check(texting).pause


def test_the_vocabulary_comes_from_the_tokenizer() -> None:
    assert known_word("please") and known_word("why") and not known_word("pleaseee")
