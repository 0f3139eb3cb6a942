"""The guided rewrite: built only from the person's answers, tidied lightly and honestly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clearheart.domain import rewrite
from clearheart.domain.holding import HeldDraft, check_decision, check_minutes, clean_text
from clearheart.domain.rewrite import Answers, build, clean_answer, problems
from clearheart.errors import InvalidInput

DRAFT = "You NEVER answer. Whatever, I guess I don't matter."
GOOD = Answers(
    happened="  You said you'd call at eight and the phone stayed quiet. ",
    felt="I felt worried and a bit alone!",
    need="I need to know you're still up for our plans.",
    request="Could you send a quick text when plans change?",
)


def test_the_request_is_built_from_the_answers_in_the_frame() -> None:
    made = build(GOOD, DRAFT)
    assert made.before == DRAFT
    assert made.after == (
        "When you said you'd call at eight and the phone stayed quiet, I felt worried and a "
        "bit alone. I'd like to know you're still up for our plans. Would you be willing to "
        "send a quick text when plans change?"
    )
    assert made.answers.felt == "worried and a bit alone"


def test_nothing_is_invented_every_word_comes_from_the_answers_or_the_frame() -> None:
    frame = set(["when", "i", "felt", "i'd", "like", "would", "you", "be", "willing", "to"])
    made = build(GOOD, DRAFT)
    theirs = " ".join(GOOD.get(f) for f in rewrite.FIELDS).lower()
    for word in made.after.lower().replace(",", " ").replace(".", " ").replace("?", " ").split():
        assert word in frame or word in theirs, word


def test_names_and_i_keep_their_capitals_ordinary_first_words_do_not() -> None:
    assert clean_answer("happened", "Sam left the party early") == "Sam left the party early"
    assert clean_answer("happened", "I asked about Sunday") == "I asked about Sunday"
    assert clean_answer("happened", "Yesterday you left early") == "yesterday you left early"
    assert clean_answer("request", "  please   plan one evening with me.  ") == (
        "plan one evening with me"
    )
    assert clean_answer("need", "CLOSENESS") == "CLOSENESS"


@pytest.mark.parametrize("field", rewrite.FIELDS)
def test_an_empty_answer_is_refused_kindly_by_name(field: str) -> None:
    answers = Answers(**{f: (" ... " if f == field else "something") for f in rewrite.FIELDS})
    with pytest.raises(InvalidInput) as caught:
        build(answers)
    assert caught.value.field == field
    assert caught.value.reason.startswith("write")
    assert problems(answers).keys() == {field}


def test_you_never_asks_for_one_moment_instead_and_changes_nothing() -> None:
    for sweeping in (
        "you never call back",
        "You're always on your phone",
        "every single time I ask",
    ):
        with pytest.raises(InvalidInput) as caught:
            clean_answer("happened", sweeping)
        assert caught.value.field == "happened"
        assert "one moment" in caught.value.reason
    # Only "what happened" is asked to be one moment; feelings may be big.
    assert clean_answer("felt", "like you never see me") == "like you never see me"


def test_every_problem_is_reported_at_once_and_overlong_answers_are_refused() -> None:
    found = problems(Answers(happened="you never listen", felt="", need="x" * 700, request="ok"))
    assert set(found) == {"happened", "felt", "need"}
    assert "600" in found["need"]


def test_the_alternatives_are_ours_and_the_journal_text_keeps_the_draft() -> None:
    assert [a.title for a in rewrite.ALTERNATIVES] == [
        "Say it once, then look after yourself",
        "Write it in your journal instead",
    ]
    assert all(a.steps for a in rewrite.ALTERNATIVES)
    assert rewrite.journal_text(f"  {DRAFT} ") == DRAFT
    both = rewrite.journal_text(DRAFT, "When you left, I felt alone.")
    assert both.startswith(DRAFT) and both.endswith("When you left, I felt alone.")


def test_held_drafts_count_down_and_decisions_are_checked() -> None:
    made = datetime(2026, 3, 6, 20, 0, tzinfo=UTC)
    held = HeldDraft(1, "hi", made, made + timedelta(minutes=20), "holding", None, None)
    assert held.seconds_left(made) == 1200 and held.minutes == 20
    assert held.seconds_left(made + timedelta(minutes=25)) == 0
    assert check_decision("let_go") == "let-go"
    with pytest.raises(InvalidInput):
        check_decision("holding")
    with pytest.raises(InvalidInput):
        check_minutes(0)
    with pytest.raises(InvalidInput):
        clean_text("   \n ")
