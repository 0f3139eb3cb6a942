"""The decision aid's pure rules: even options, the person's values and ratings, SURE, plans."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest

from clearheart.content.decide_copy import PART_NAMES, load_decide_copy
from clearheart.domain.decide import (
    ITEMS,
    KEYS,
    Aid,
    ConflictTake,
    Option,
    Plan,
    Stage,
    Value,
    clean_answers,
    clean_order,
    clean_plan,
    clean_questions,
    clean_ratings,
    clean_values,
    is_own,
    option_order,
    progress,
    read_stage,
    seeded_order,
    sure_score,
)
from clearheart.domain.decide.plan import LISTS, TEXTS, plan_from_parts
from clearheart.errors import InvalidInput

TODAY = date(2026, 6, 30)


def test_the_seeded_order_is_stable_and_puts_each_option_first_about_equally() -> None:
    assert seeded_order("2026-01-01T09:00:00+00:00") == seeded_order("2026-01-01T09:00:00+00:00")
    firsts = Counter(seeded_order(f"seed-{n}")[0] for n in range(600))
    assert set(firsts) == set(Option)
    assert all(150 <= count <= 250 for count in firsts.values()), firsts
    assert all(sorted(seeded_order(f"s{n}")) == sorted(Option) for n in range(20))


def test_the_persons_own_order_wins_and_must_name_each_option_once() -> None:
    own = clean_order(["pause", "let-go", "together"])
    assert option_order("any", own) == (Option.PAUSE, Option.LET_GO, Option.TOGETHER)
    assert option_order("any", ()) == seeded_order("any")
    with pytest.raises(InvalidInput, match="exactly once"):
        clean_order(["pause", "pause", "together"])
    with pytest.raises(InvalidInput, match="choose one of together, pause, let-go"):
        clean_order(["stay", "pause", "together"])


def test_the_aid_orders_by_when_it_was_started() -> None:
    started = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)
    assert Aid(started_at=started).order() == seeded_order(started.isoformat())


def test_values_are_weighted_zero_to_three_and_zero_leaves_one_out() -> None:
    kept = clean_values(
        [Value("being-seen", 3), Value("freedom", 0), Value("own-1", 2, "  time with  my sister ")]
    )
    assert kept == (Value("being-seen", 3), Value("own-1", 2, "time with my sister"))
    assert is_own("own-1") and not is_own("own-growth")
    with pytest.raises(InvalidInput, match=r"from 0 .* to 3"):
        clean_values([Value("steadiness", 4)])
    with pytest.raises(InvalidInput, match=r"from 0 .* to 3"):
        clean_values([Value("steadiness", -1)])
    with pytest.raises(InvalidInput, match="not one of the values offered"):
        clean_values([Value("money", 2)])
    with pytest.raises(InvalidInput, match="needs a few words"):
        clean_values([Value("own-2", 1, " ")])
    with pytest.raises(InvalidInput, match="listed twice"):
        clean_values([Value("family", 1), Value("family", 2)])
    with pytest.raises(InvalidInput, match="under 120"):
        clean_values([Value("own-1", 1, "x" * 121)])


def test_ratings_take_the_eight_keys_and_the_plain_scale_with_not_sure() -> None:
    assert KEYS == (
        "both_willing",
        "safe_space",
        "own_work",
        "actions_match_words",
        "refuses_to_engage",
        "needs_unmet",
        "attempts_ignored",
        "fear_self_doubt",
    )
    rated = clean_ratings({"needs_unmet": "mostly", "both_willing": "not-sure"})
    assert list(rated) == ["both_willing", "needs_unmet"]
    with pytest.raises(InvalidInput, match="not one of"):
        clean_ratings({"partner_is_avoidant": "mostly"})
    with pytest.raises(InvalidInput, match="answer with one of"):
        clean_ratings({"safe_space": "7"})


def test_sure_is_scored_by_the_published_rule() -> None:
    """Légaré et al. 2010: yes scores 1, no 0; 4 of 4 means no conflict reported."""
    assert ITEMS == ("sure", "understand", "values", "support")
    assert sure_score(clean_answers(dict.fromkeys(ITEMS, "yes"))) == 4
    assert (
        sure_score(
            clean_answers({"sure": "no", "understand": True, "values": "No", "support": "yes"})
        )
        == 2
    )
    with pytest.raises(InvalidInput, match="support: answer yes or no"):
        clean_answers({"sure": "yes", "understand": "yes", "values": "yes"})
    with pytest.raises(InvalidInput, match="answer yes or no"):
        clean_answers({**dict.fromkeys(ITEMS, "yes"), "sure": "maybe"})


def test_progress_is_the_first_take_against_the_latest() -> None:
    takes = [
        ConflictTake(datetime(2026, 5, d, tzinfo=UTC), dict.fromkeys(ITEMS, d > 2))
        for d in (1, 2, 3)
    ]
    assert progress([]).before is None and progress([]).takes == 0
    one = progress(takes[:1])
    assert one.before == takes[0] and one.after is None
    three = progress(takes)
    assert (three.before, three.after, three.takes) == (takes[0], takes[2], 3)
    assert (three.before.score, three.after.score) == (0, 4)


def test_a_plan_keeps_to_its_own_path_and_a_review_day_not_in_the_past() -> None:
    plan = clean_plan(
        Plan(
            Option.TOGETHER,
            TODAY,
            experiments=(" a walk on Sundays ", ""),
            check_in="first Sunday of the month",
        ),
        TODAY,
    )
    assert plan.experiments == ("a walk on Sundays",)
    assert plan.parts() == {
        "experiments": ["a walk on Sundays"],
        "check_in": "first Sunday of the month",
    }
    assert plan_from_parts(Option.TOGETHER, TODAY, plan.parts()) == plan
    with pytest.raises(InvalidInput, match="review date: choose today"):
        clean_plan(Plan(Option.PAUSE, date(2026, 6, 29), pause_days=30), TODAY)
    with pytest.raises(InvalidInput, match="another path"):
        clean_plan(Plan(Option.PAUSE, TODAY, support=("my sister",)), TODAY)
    with pytest.raises(InvalidInput, match="1 to 365"):
        clean_plan(Plan(Option.PAUSE, TODAY, pause_days=0), TODAY)
    with pytest.raises(InvalidInput, match="under 1,000 characters"):
        clean_plan(Plan(Option.LET_GO, TODAY, no_contact="x" * 1001), TODAY)
    with pytest.raises(InvalidInput, match="at most 12"):
        clean_plan(Plan(Option.LET_GO, TODAY, self_care=tuple("abcdefghijklm")), TODAY)
    with pytest.raises(InvalidInput, match="unknown part"):
        plan_from_parts(Option.LET_GO, TODAY, {"verdict": "x"})
    # Restored as it was: an old review day stays.
    assert clean_plan(Plan(Option.PAUSE, date(2020, 1, 1)), None).review_on == date(2020, 1, 1)


def test_stages_and_questions() -> None:
    assert read_stage(" options ") is Stage.OPTIONS
    with pytest.raises(InvalidInput, match="choose one of values, evidence, options, plan"):
        read_stage("not-started")
    assert clean_questions(["  How do I  know? ", "", " "]) == ("How do I know?",)
    with pytest.raises(InvalidInput, match="12 questions"):
        clean_questions([f"q{n}" for n in range(13)])
    with pytest.raises(InvalidInput, match="under 300"):
        clean_questions(["x" * 301])


def test_the_wording_names_every_part_the_domain_has() -> None:
    copy = load_decide_copy()
    assert set(PART_NAMES) == {*LISTS, *TEXTS, "pause_days"} == set(copy.parts)
    assert list(copy.options) == list(Option)
    lengths = [
        sum(len(t) for t in (o.involves, o.experience, o.asks)) for o in copy.options.values()
    ]
    assert max(lengths) < 1.2 * min(lengths), lengths  # described evenly
