"""Finding the few messages worth checking against the plan rules, in one pass over a chat.

Running twenty regular expressions over a million messages would take seconds. Instead the
chat is joined into one lower-cased byte string and scanned once for anchor words, each at
the start of a word. Every match of a rule contains one of its anchors, so a message with no
anchor can match no rule. Common words are anchored as the phrases the rules need ("you
want", "call it off"), and a few anchors carry a guard the regex engine checks in place (a
question mark soon after "dinner"; "want" as the message's first word), so most ordinary
talk never reaches Python, let alone a rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clearheart.domain.patterns.plan_rules import BY_ID

CHUNK = 4096
"""Messages joined and scanned per piece: small pieces stay in cache, and the scan never
holds more than one piece of a long chat."""
SEPARATOR = b"\x00 "
"""Before every message: a NUL to count messages by, a space so its first word is a word."""
_BREAKS = b"\n\t\r\f\v(\"*_"
_UPPER = bytes(range(ord("A"), ord("Z") + 1))
FOLD = bytes.maketrans(_BREAKS + _UPPER, b" " * len(_BREAKS) + _UPPER.lower())
"""One pass that lower-cases ASCII letters and turns line breaks and opening marks into
spaces, so a word after them starts a word."""


@dataclass(frozen=True, slots=True)
class Anchor:
    rules: tuple[str, ...]
    """Rule ids, in the order classify tries them."""
    guard: str = ""
    """A zero-width regex checked right after the anchor (bytes pattern syntax)."""


QUESTION_SOON = r"(?=[^\x00]{0,70}\?)"
"""A question mark within the next 70 bytes of the same message."""


def _opens(word: str) -> str:
    """The anchor is the message's first word (right after the separator)."""
    return rf"(?<=\x00 {re.escape(word)})"


def _anchors() -> dict[str, Anchor]:
    order = {rule_id: i for i, rule_id in enumerate(BY_ID)}

    def anchor(*rules: str, guard: str = "") -> Anchor:
        return Anchor(tuple(sorted(rules, key=order.__getitem__)), guard)

    table: dict[str, Anchor] = {
        "instead": anchor("reschedule.instead"),
        "resched": anchor("reschedule.word"),
        "postpon": anchor("reschedule.word"),
        "make it": anchor("cancel.cant_make_it"),
        "cancel": anchor("cancel.cancel"),
        "bail": anchor("cancel.cancel"),
        "came up": anchor("cancel.came_up"),
        "come up": anchor("cancel.came_up"),
        "fancy": anchor("proposal.want"),
        "how about": anchor("proposal.how_about"),
        "what about": anchor("proposal.how_about"),
        "we could": anchor("proposal.talk"),
        "a date": anchor("confirm.date"),
        "looking forward": anchor("confirm.looking_forward"),
    }
    for word in ("rain check", "raincheck", "rain-check"):
        table[word] = anchor("cancel.rain_check")
    for word in ("let's", "lets", "let\u2019s"):
        table[word] = anchor("proposal.lets", "proposal.talk")
    for verb in ("call", "calling"):
        for middle in ("", " it", " this", " tonight", " tomorrow", " the date", " the plan",
                       " the dinner", " the trip"):
            table[f"{verb}{middle} off"] = anchor("cancel.cancel", "cancel.call_off")
    for verb in ("move", "push", "shift", "switch", "bump", "change"):
        for thing in ("it", "this", "that", "things", "dinner", "lunch", "drinks", "tonight",
                      "tomorrow", "our", "the"):
            table[f"{verb} {thing}"] = anchor("reschedule.move")
    for word in ("another", "some other", "a different"):
        for when in ("time", "day", "night", "evening"):
            table[f"{word} {when}"] = anchor("cancel.another_time")
    for who in ("you", "u", "ya"):
        for want in ("want", "wanna"):
            table[f"{who} {want}"] = anchor("proposal.want", "proposal.talk")
        table[f"{who} feel like"] = anchor("proposal.want")
        table[f"would {who} like"] = anchor("proposal.want")
        table[f"{who} free"] = anchor("proposal.free")
        table[f"see {who}"] = anchor("confirm.see_you")
    # "Want to…" opens an invitation; "I want to…" in the middle of a message does not.
    for want in ("want", "wanna"):
        table[want] = anchor("proposal.want", "proposal.talk", guard=_opens(want))
        for talk in ("talk", "call", "chat", "facetime", "video"):
            table[f"{want} to {talk}" if want == "want" else f"{want} {talk}"] = anchor(
                "proposal.talk"
            )
    table["feel like"] = anchor("proposal.want", guard=_opens("feel like"))
    for me in ("i'm", "im", "i am", "i\u2019m"):
        table[f"{me} free"] = anchor("proposal.free")
    for opener in ("shall we", "should we", "can we", "could we"):
        table[opener] = anchor("proposal.shall_we", "proposal.talk")
    for outing in ("dinner", "lunch", "breakfast", "brunch", "coffee", "drinks", "movie",
                   "cinema", "date night", "a walk"):
        table[outing] = anchor("proposal.when_question", guard=QUESTION_SOON)
    for booking in ("booked", "reserved", "got a table", "got the table", "got tickets",
                    "got the tickets", "got us", "got a reservation", "got the reservation"):
        table[booking] = anchor("confirm.booked")
    return table


ANCHORS = _anchors()


def _shared(words: list[str]) -> str:
    """The longest start all `words` share, always shorter than each of them."""
    first = words[0]
    size = 0
    limit = min(map(len, words)) - 1
    while size < limit and all(word[size] == first[size] for word in words):
        size += 1
    return first[:size]


def _trie(words: dict[str, str]) -> str:
    """An alternation grouped by first letter, so the regex engine tries one branch, not all.

    `words` maps each anchor to the guard that must hold where it ends ("" for none).
    """
    heads: dict[str, dict[str, str]] = {}
    for word, guard in sorted(words.items()):
        heads.setdefault(word[0], {})[word[1:]] = guard
    parts = []
    for head, rests in heads.items():
        if len(rests) == 1:
            ((rest, guard),) = rests.items()
            parts.append(re.escape(head + rest) + guard)
            continue
        ending = rests.pop("", None)
        shared = "" if ending is not None else _shared(list(rests))
        stem = re.escape(head + shared)
        inner = _trie({rest[len(shared):]: guard for rest, guard in rests.items()})
        if ending is None:
            parts.append(f"{stem}(?:{inner})")
        elif not ending:
            parts.append(f"{stem}(?:{inner})?")
        else:
            parts.append(f"{stem}(?:{inner}|{ending})")
    return "|".join(parts)


SCAN = re.compile(
    b" (?:" + _trie({word: anchor.guard for word, anchor in ANCHORS.items()}).encode() + b")"
)
_ORDER = {rule_id: i for i, rule_id in enumerate(BY_ID)}
_BY_BYTES = {word.encode(): anchor for word, anchor in ANCHORS.items()}


def prepare(texts: Sequence[str]) -> bytes:
    """A few messages as lower-cased UTF-8 with SEPARATOR before each one."""
    return (SEPARATOR + "\x00 ".join(texts).encode("utf-8", "replace")).translate(FOLD)


def candidates(texts: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """Positions of messages worth checking, with the rule ids to try on each, in order.

    The chat is scanned CHUNK messages at a time: a match never crosses a message, so the
    pieces find exactly what one scan of the whole chat would, and the scan's own memory
    stays that of one piece however long the chat is.
    """
    found: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(texts), CHUNK):
        _scan(texts[start : start + CHUNK], start, found)
    return found


def _scan(texts: Sequence[str], offset: int, found: dict[int, tuple[str, ...]]) -> None:
    """Add the candidates among `texts`, numbered from `offset`, to `found`.

    A NUL inside a message would throw the message count off: when the NULs counted do not
    add up, the piece is scanned again with them made spaces.
    """
    data = prepare(texts)
    hits: dict[int, tuple[str, ...]] = {}
    position = -1
    last = 0
    count = data.count
    for match in SCAN.finditer(data):
        at = match.start()
        anchor = _BY_BYTES[match.group()[1:]]
        position += count(b"\x00", last, at)
        last = at
        rules = hits.get(position)
        if rules is None:
            hits[position] = anchor.rules
        elif anchor.rules != rules:
            merged = dict.fromkeys(rules + anchor.rules)
            hits[position] = tuple(sorted(merged, key=_ORDER.__getitem__))
    if position + count(b"\x00", last) + 1 != len(texts):
        _scan([t.replace("\x00", " ") for t in texts], offset, found)
        return
    for position, rules in hits.items():
        found[offset + position] = rules
