"""How a rule is written and matched: a pattern, the context that cancels it, a weight.

Rules are data (see rules_blame.py, rules_pressure.py and safety.py). Patterns are written
in a small shorthand so they stay readable: an apostrophe matches a straight one, a curly
one or none ("dont", "youre" are how people text), and <you>, <youre>, <me> stand for the
ways people spell those words. Every pattern ignores case.

A match becomes a flag unless the words right after it (to the end of the clause) match
`unless_after`, the words before it in the clause match `unless_before`, or the draft
anywhere matches `unless_anywhere` (a laugh or a heart that turns teasing into play). Rules marked
`needs_context` are too ambiguous alone ("oh great", "we're done"): they count only when
the draft carries some other sign of hurt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from clearheart.domain.draftcheck.reading import Kind

_MACROS = {
    "<you>": r"(?:you|u|ya)",
    "<youre>": r"(?:you'?re|you\s+are|ur|u\s+r|u'?re|you\s+r)",
    "<me>": r"(?:me|us)",
    "<im>": r"(?:I'?m|I\s+am|im)",
    "<ill>": r"(?:I'?ll|I\s+will|I'?m\s+going\s+to|I'?m\s+gonna|I\s+am\s+going\s+to)",
    "<dont>": r"(?:don'?t|do\s+not)",
}

_CLAUSE_END = re.compile(r"[.!?;\n]|\s[-–—]\s|,\s*(?:but|and|so)\b")
_CLAUSE_START = re.compile(r"[.!?;\n]")
_SENTENCE_END = re.compile(r"[.?;\n]")
_WINDOW = 80


def expand(pattern: str) -> str:
    """The shorthand above, turned into a plain regular expression."""
    for macro, value in _MACROS.items():
        pattern = pattern.replace(macro, value)
    return pattern.replace("'", "['’]?")


def compile_(pattern: str) -> re.Pattern[str]:
    return re.compile(expand(pattern), re.IGNORECASE)


WORD_START = r"(?<!\w)"
ANY_START = r"(?:\b|(?=\W))"
"""Where a rule may start: at a word's start, or at a symbol ("🙄", "?!"). For a pattern
that always begins with a letter or digit the two mean the same, and the first, a bare
look-behind, lets the regex engine skip ahead about twice as fast."""


def _start(pattern: str) -> str:
    """The start anchor for an (expanded) pattern: see WORD_START."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        items = list(_parser.parse(pattern, re.IGNORECASE))
    except (ImportError, AttributeError):  # another Python's internals: the safe anchor
        return ANY_START
    return ANY_START if _may_open_with_symbol(items, _constants) else WORD_START


def _is_word(code: int) -> bool:
    char = chr(code)
    return char.isalnum() or char == "_"


def _may_open_with_symbol(items: list[Any], k: Any) -> bool:
    """Whether a match of the parsed pattern may begin with a non-word character.

    Conservative: anything not understood here counts as "may", which keeps the safe
    anchor.
    """
    for index, (op, value) in enumerate(items):
        if op in (k.AT, k.ASSERT, k.ASSERT_NOT):
            continue
        if op is k.LITERAL:
            return not _is_word(value)
        if op is k.IN:
            return not all(_word_class(part, k) for part in value)
        rest = items[index + 1 :]
        if op is k.BRANCH:
            return any(_may_open_with_symbol([*branch, *rest], k) for branch in value[1])
        if op is k.SUBPATTERN:
            return _may_open_with_symbol([*value[-1], *rest], k)
        if op in (k.MAX_REPEAT, k.MIN_REPEAT):
            least, _, body = value
            if _may_open_with_symbol(list(body), k):
                return True
            if least == 0:
                continue
            return False
        return True
    return True  # may match nothing at all: keep the safe anchor


def _word_class(part: tuple[Any, Any], k: Any) -> bool:
    op, value = part
    if op is k.LITERAL:
        return _is_word(value)
    if op is k.RANGE:
        low, high = value
        return all(_is_word(code) for code in range(low, high + 1))
    if op is k.CATEGORY:
        return bool(value in (k.CATEGORY_WORD, k.CATEGORY_DIGIT))
    return False


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: Kind
    pattern: re.Pattern[str]
    unless_after: re.Pattern[str] | None = None
    unless_before: re.Pattern[str] | None = None
    unless_anywhere: re.Pattern[str] | None = None
    needs_context: bool = False
    needs_tone: bool = False
    """Counts only when the tone scorer reads the clause from the match on as negative."""
    weight: float = 1.0


def rule(
    id: str,
    kind: Kind,
    pattern: str,
    *,
    unless_after: str | None = None,
    unless_before: str | None = None,
    unless_anywhere: str | None = None,
    needs_context: bool = False,
    needs_tone: bool = False,
    weight: float = 1.0,
) -> Rule:
    """A rule from shorthand; `unless_after` is anchored at the end of the match."""
    return Rule(
        id=id,
        kind=kind,
        pattern=re.compile(f"{_start(expand(pattern))}(?:{expand(pattern)})", re.IGNORECASE),
        unless_after=compile_(r"^\W{0,3}(?:" + unless_after + ")") if unless_after else None,
        unless_before=compile_(r"(?:" + unless_before + r")\W*$") if unless_before else None,
        unless_anywhere=compile_(unless_anywhere) if unless_anywhere else None,
        needs_context=needs_context,
        needs_tone=needs_tone,
        weight=weight,
    )


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int


def clause_after(text: str, end: int) -> str:
    rest = text[end : end + _WINDOW]
    stop = _CLAUSE_END.search(rest)
    return rest[: stop.start()] if stop and stop.start() > 0 else rest


def _rest_of_sentence(text: str, end: int) -> str:
    """What follows a match up to the next full stop, question mark or line break.

    An exclamation mark does not stop it: "shut up!! no way" is one excited thought.
    """
    rest = text[end : end + _WINDOW]
    stop = _SENTENCE_END.search(rest)
    return rest[: stop.start()] if stop else rest


def clause_before(text: str, start: int) -> str:
    head = text[max(0, start - _WINDOW) : start]
    ends = [match.end() for match in _CLAUSE_START.finditer(head)]
    return head[ends[-1] :] if ends else head


def hits(text: str, rules: tuple[Rule, ...]) -> Iterator[Hit]:
    """Every match of every rule that its own context does not cancel."""
    for item in rules:
        for match in item.pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            if item.unless_after and item.unless_after.search(_rest_of_sentence(text, end)):
                continue
            if item.unless_before and item.unless_before.search(clause_before(text, start)):
                continue
            if item.unless_anywhere and item.unless_anywhere.search(text):
                continue
            yield Hit(item, start, end)
