"""Is a new export the same conversation as a chat already stored? Decided by what was said.

File names say nothing (`_chat.txt`, `sam-backup.txt`), and the same chat reads
differently from each phone: Android writes no seconds and `<Media omitted>`,
the iPhone writes seconds and `image omitted`, and the notices differ. So a
message is recognised by what both exports share: the minute it was sent and
its words, normalised (see `match_text`). The sender is left out of that and
checked afterwards, so a chat whose people are named differently (exported
from the other person's phone) is still recognised.

Only a person's messages (text and media) count; app notices, calls and
deleted messages read differently on each phone. Two chats are compared only
where both have messages: from the later of their first minutes to the
earlier of their last (`Tally`, counted exactly by domain/chat_merge.py while
the new export streams in). Within that window:

- the share of messages found on both sides (`coverage`, measured against the
  side with more) is at least SURE_SHARE, and every matched message has the
  same sender on both sides: the same chat (`Verdict.SAME`). This covers a
  later export extending an earlier one, an earlier export imported after a
  later one (each is complete inside the window), the same file renamed, and
  the other person's export with the same names;
- at least ASK_SHARE but not sure (a partial overlap: messages deleted on one
  phone), or the senders are named differently: ask the person
  (`Verdict.UNSURE`);
- less, or no window at all (either side has no person message in it): a
  different chat (`Verdict.DIFFERENT`). A group and a direct chat with the
  same people share days but hardly a message.

Edge cases: an export whose phone was set to another time zone shifts every
minute and is taken for a different chat; two messages with the same words in
the same minute are counted as many times as they occur on each side; chats
that touch in one minute only are judged by that minute alone (a later export
starting with the stored chat's last message is the same chat).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from clearheart.domain.chat import Kind

SURE_SHARE = 0.9
"""Messages found on both sides, of the larger side, to merge without asking."""
ASK_SHARE = 0.3
"""Below this share the chats are different; from it up to SURE_SHARE, ask."""
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
        "\u202e\u2066\u2067\u2068\u2069\ufeff",
    )
)
_KIND_WORDS = {
    Kind.MEDIA: "\x00media",
    Kind.CALL: "\x00call",
    Kind.SYSTEM: "\x00notice",
    Kind.DELETED: "\x00deleted",
}


def match_text(kind: Kind, text: str) -> str:
    """A message's words as both phones would agree on them.

    Media, calls, notices and deleted messages become their kind alone (each phone
    words them its own way); text loses invisible direction marks, is put in one
    Unicode form (NFC), has runs of white space made one space and is compared
    without case.
    """
    word = _KIND_WORDS.get(kind)
    if word is not None:
        return word
    plain = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(plain.split()).casefold()


class Verdict(StrEnum):
    SAME = "same"
    UNSURE = "unsure"
    DIFFERENT = "different"


@dataclass(slots=True)
class Tally:
    """Person messages of a new export and a stored chat, counted inside their shared window."""

    new: int = 0
    """The new export's messages in the window."""
    stored: int = 0
    """The stored chat's messages in the window."""
    matched: int = 0
    """Messages found on both sides (same minute, same words)."""
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(new export's sender, stored chat's sender) → how many matched messages they share."""


@dataclass(frozen=True, slots=True)
class Overlap:
    """How a new export and a stored chat compare inside the window they share."""

    verdict: Verdict
    coverage: float
    """Messages found on both sides, as a share of the larger side (0 to 1)."""
    renamed: dict[str, str]
    """New export's name → stored chat's name, for every sender named differently."""


def judge(tally: Tally) -> Overlap:
    """The verdict for one new export against one stored chat (see module)."""
    if not tally.new or not tally.stored:
        return Overlap(Verdict.DIFFERENT, 0.0, {})
    coverage = min(tally.matched / max(tally.new, tally.stored), 1.0)
    renamed = _renamed(tally.pairs)
    if coverage >= SURE_SHARE and not renamed:
        verdict = Verdict.SAME
    elif coverage >= ASK_SHARE:
        verdict = Verdict.UNSURE
    else:
        verdict = Verdict.DIFFERENT
    return Overlap(verdict, coverage, renamed)


def _renamed(pairs: Counter[tuple[str, str]]) -> dict[str, str]:
    """Each new name's most frequent stored counterpart, where the two differ."""
    best: dict[str, tuple[int, str]] = {}
    for (new_name, stored_name), count in pairs.items():
        if count > best.get(new_name, (0, ""))[0]:
            best[new_name] = (count, stored_name)
    return {name: stored for name, (_, stored) in best.items() if stored != name}
