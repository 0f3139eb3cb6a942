"""A draft in a language the check cannot read is "not checked", never "calm": the rule in
domain/draftcheck/language.py with a stand-in guesser, then the real guesser on drafts of
our own in other languages and on every English dev draft (none of which may be set aside)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearheart.domain.draftcheck.language import (
    ARABIZI,
    MIN_SURE,
    Unread,
    other_script,
    unread,
)
from clearheart.services.draftcheck import DraftChecker

DEV = Path(__file__).resolve().parents[2] / "bench" / "data" / "drafts" / "dev.jsonl"


class Says:
    def __init__(self, code: str, probability: float) -> None:
        self.answer = (code, probability)
        self.asked: list[str] = []

    def guess(self, text: str) -> tuple[str, float]:
        self.asked.append(text)
        return self.answer


def test_another_script_is_never_read_whatever_its_length() -> None:
    guesser = Says("en", 1.0)
    assert unread("ليش ما ترد", guesser) == Unread("arabic-script", "Arabic script")
    assert unread("Где ты", guesser) == Unread("cyrillic-script", "Cyrillic script")
    assert unread("好", guesser) == Unread("cjk-script", "Chinese script")
    assert guesser.asked == []  # the script alone decides
    assert other_script("ok 👍 123 !!!") is None and other_script("🙂") is None
    assert other_script("lol okay ليش") is None  # 7 Latin letters, 3 Arabic
    assert other_script("lol ليش") == "ARABIC"  # half the letters are enough


def test_short_latin_drafts_are_read_as_english_without_a_guess() -> None:
    guesser = Says("cy", 0.99)
    for text in ("k", "wyd rn", "ANSWER ME", "ok 🙂"):
        assert unread(text, guesser) is None
    assert guesser.asked == []


@pytest.mark.parametrize(
    ("guess", "expected"),
    [
        (("en", 0.99), None),
        (("es", MIN_SURE - 0.01), None),
        (("es", MIN_SURE), Unread("", "another language")),
        (("es", 0.95), Unread("es", "Spanish")),
        (("xx", 0.99), Unread("", "another language")),
    ],
)
def test_a_longer_draft_follows_the_guess(
    guess: tuple[str, float], expected: Unread | None
) -> None:
    assert unread("three words here", Says(*guess)) == expected


@pytest.fixture(scope="module")
def checker() -> DraftChecker:
    return DraftChecker(use_model=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Si no me llamas esta noche, se acabó todo.", "Spanish"),
        ("Tu ne réponds jamais, j'en ai marre de toi.", "French"),
        ("Du bist so ein Idiot, lass mich in Ruhe.", "German"),
        ("Neden hiç cevap vermiyorsun, bıktım artık.", "Turkish"),
        ("Você nunca responde minhas mensagens, estou cansada.", "Portuguese"),
        ("ما بدي احكي معك بعد اليوم", "Arabic script"),
    ],
)
def test_drafts_of_our_own_in_other_languages_are_not_checked(
    checker: DraftChecker, text: str, name: str
) -> None:
    reading = checker.check(text)
    assert reading.unread is not None and reading.unread.name == name
    assert not reading.pause and not reading.flags and not reading.tips


def test_no_english_dev_draft_is_set_aside(checker: DraftChecker) -> None:
    drafts = [
        json.loads(line)["text"]
        for line in DEV.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    set_aside = [i for i, text in enumerate(drafts) if unread(text, checker.languages)]
    assert len(drafts) > 3000 and set_aside == []


@pytest.mark.parametrize(
    "text",
    [
        "enta 7mar w ma btefham",
        "ma3lesh ya habibi ana ta3ban",
        "inta 3ayez eh ba2a",
        "ya 7ayati wa7ashtini",
    ],
)
def test_arabic_in_latin_letters_is_known_by_its_digits(checker: DraftChecker, text: str) -> None:
    reading = checker.check(text)
    assert reading.unread == ARABIZI and not reading.pause


@pytest.mark.parametrize(
    "text",
    [
        "see u at 5pm ok",
        "gr8 see u 2nite babe",
        "i got a ps5 and mp3s lol",
        "booked a 5star hotel for 3days",
        "We have a new baby niece! 7lb 2oz, everyone's healthy",
        "call me at 7",
    ],
)
def test_english_words_with_digits_are_read(checker: DraftChecker, text: str) -> None:
    assert checker.check(text).unread is None
