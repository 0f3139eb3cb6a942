"""domain/chat_merge.py on its own: a new export walked beside a stored chat, and interleaving.

Each case is one of the module's edge cases: the same file again, a later export
(extension), an earlier one imported after a later one, the other person's phone,
renamed people, a group beside a direct chat, a time-zone-shifted export, empty
chats and chats that touch in one minute. New messages are fed three at a time, so
a minute often continues in the next batch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from clearheart.domain.chat import Columns, Kind
from clearheart.domain.chat_merge import Matcher, Survey, columns, interleaved, rows
from clearheart.domain.same_chat import Verdict, judge

T, M, S = Kind.TEXT, Kind.MEDIA, Kind.SYSTEM
Line = tuple[int, str, Kind, str]
"""Wall-clock second, sender, kind, words."""

TALK: tuple[Line, ...] = tuple(
    (600 * n + (7 * n) % 60, "Sam" if n % 3 else "Alex", M if n % 5 == 4 else T,
     "<Media omitted>" if n % 5 == 4 else f"message {n}")
    for n in range(20))


def batch(lines: Sequence[Line]) -> Columns:
    return columns((second, sender, kind, text, False) for second, sender, kind, text in lines)


def opener(stored: Sequence[Line]) -> Matcher:
    found = batch(stored)

    def read(second: int) -> Iterator[Columns]:
        kept = [row for row in rows(found) if row[0] >= second]
        for at in range(0, len(kept), 4):
            yield columns(kept[at:at + 4])

    first = min((line[0] for line in stored), default=0)
    last = max((line[0] for line in stored), default=0)
    return Matcher(first, last, read)


def walk(stored: Sequence[Line], new: Sequence[Line], renamed: dict[str, str] | None = None
         ) -> tuple[Matcher, list[Line]]:
    """The matcher after the walk, and the new messages it says are not stored."""
    matcher = opener(stored)
    survey = Survey((matcher,), renamed or {})
    fresh: list[Line] = []
    for at in range(0, len(new), 3):
        fresh += _lines(survey.feed(batch(new[at:at + 3])))
    fresh += _lines(survey.finish())
    return matcher, fresh


def _lines(found: Columns) -> list[Line]:
    return [row[:4] for row in rows(found)]


def test_the_same_export_again_is_all_stored_and_the_same_chat() -> None:
    matcher, fresh = walk(TALK, TALK)
    assert fresh == []
    assert matcher.found == len(TALK)
    assert judge(matcher.tally).verdict is Verdict.SAME


def test_a_later_export_adds_only_what_follows() -> None:
    matcher, fresh = walk(TALK[:12], TALK)
    assert fresh == list(TALK[12:])
    assert judge(matcher.tally).verdict is Verdict.SAME


def test_an_earlier_export_after_a_later_one_adds_only_what_comes_before() -> None:
    matcher, fresh = walk(TALK[6:], TALK[:14])
    assert fresh == list(TALK[:6])
    assert judge(matcher.tally).verdict is Verdict.SAME
    assert matcher.tally.new == matcher.tally.stored == 8  # messages 6 to 13


def test_the_other_persons_phone_writes_seconds_and_media_its_own_way() -> None:
    android = [(second // 60 * 60, sender, kind, text) for second, sender, kind, text in TALK]
    iphone = [(second, sender, kind, "\u200eimage omitted" if kind is M else f" {text.upper()}")
              for second, sender, kind, text in TALK]
    matcher, fresh = walk(android, iphone)
    assert fresh == []
    assert judge(matcher.tally).verdict is Verdict.SAME


def test_renamed_people_are_asked_about_and_matched_once_named_alike() -> None:
    named = [(second, "Samantha" if sender == "Sam" else sender, kind, text)
             for second, sender, kind, text in TALK]
    matcher, fresh = walk(TALK, named)
    overlap = judge(matcher.tally)
    assert overlap.verdict is Verdict.UNSURE
    assert overlap.renamed == {"Samantha": "Sam"}
    assert len(fresh) == sum(1 for line in TALK if line[1] == "Sam")  # not the same sender yet
    _, fresh = walk(TALK, named, overlap.renamed)
    assert fresh == []


def test_a_group_on_the_same_days_is_a_different_chat() -> None:
    group = [(second + 5, sender, T, f"group talk {n}")
             for n, (second, sender, _, _) in enumerate(TALK)]
    matcher, fresh = walk(TALK, group)
    assert judge(matcher.tally).verdict is Verdict.DIFFERENT
    assert fresh == group


def test_an_export_shifted_by_a_time_zone_is_taken_for_another_chat() -> None:
    shifted = [(second + 3600, sender, kind, text) for second, sender, kind, text in TALK]
    matcher, fresh = walk(TALK, shifted)
    assert judge(matcher.tally).verdict is Verdict.DIFFERENT
    assert len(fresh) == len(TALK)


def test_empty_exports_and_empty_stored_chats() -> None:
    matcher, fresh = walk(TALK, [])
    assert fresh == [] and judge(matcher.tally).verdict is Verdict.DIFFERENT
    matcher, fresh = walk([], TALK)
    assert fresh == list(TALK) and judge(matcher.tally).verdict is Verdict.DIFFERENT


def test_chats_touching_in_one_message_are_the_same_chat() -> None:
    matcher, fresh = walk(TALK[:10], TALK[9:])
    assert fresh == list(TALK[10:])
    assert (matcher.tally.new, matcher.tally.stored, matcher.tally.matched) == (1, 1, 1)
    assert judge(matcher.tally).verdict is Verdict.SAME


def test_a_word_said_twice_in_a_minute_is_kept_twice() -> None:
    once = [(60, "Sam", T, "ok")]
    twice = [(60, "Sam", T, "ok"), (61, "Sam", T, "ok")]
    _, fresh = walk(once, twice)
    assert fresh == [(61, "Sam", T, "ok")]


def test_the_same_words_from_the_other_person_are_new() -> None:
    _, fresh = walk([(60, "Sam", T, "haha")], [(60, "Alex", T, "haha")])
    assert fresh == [(60, "Alex", T, "haha")]


def test_a_notice_is_the_same_whoever_it_is_filed_under() -> None:
    _, fresh = walk([(60, "", S, "Messages are encrypted")],
                    [(75, "Sam", S, "\u200eMessages and calls are end-to-end encrypted")])
    assert fresh == []


def test_a_message_is_new_only_if_no_stored_chat_holds_it() -> None:
    left, right = opener(TALK[:10]), opener(TALK[10:])
    survey = Survey((left, right), {})
    fresh = _lines(survey.feed(batch(TALK))) + _lines(survey.finish())
    extra = (TALK[-1][0] + 60, "Sam", T, "one more")
    fresh += _lines(survey.feed(batch([extra]))) + _lines(survey.finish())
    assert fresh == [extra]
    assert (left.found, right.found) == (10, 10)


def test_the_survey_counts_the_whole_export() -> None:
    survey = Survey((), {})
    assert _lines(survey.feed(batch(TALK))) == list(TALK)
    assert survey.count == len(TALK)
    assert list(survey.people) == ["Alex", "Sam"]
    assert (survey.first, survey.last) == (TALK[0][0], TALK[-1][0])


def test_interleaving_puts_new_messages_before_between_and_after_stored_ones() -> None:
    stored = [(120, "Sam", T, "b"), (240, "Sam", T, "d")]
    new = [(60, "Alex", T, "a"), (120, "Alex", T, "b too"), (180, "Alex", T, "c"),
           (300, "Alex", T, "e")]
    merged = [line for part in interleaved([batch(stored)], [batch(new[:2]), batch(new[2:])])
              for line in _lines(part)]
    assert merged == [new[0], stored[0], new[1], new[2], stored[1], new[3]]
