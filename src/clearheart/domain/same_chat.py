"""Is a new export the same conversation as a chat already stored? Decided by what was said.

File names say nothing (`_chat.txt`, `sam-backup.txt`), and the same chat reads
differently from each phone: Android writes no seconds and `<Media omitted>`,
the iPhone writes seconds and `image omitted`, and the notices differ. So a
message is recognised by a fingerprint that both exports share: the minute it
was sent and its words, normalised (see `match_text`). The sender is left out
of the fingerprint and checked afterwards, so a chat whose people are named
differently (exported from the other person's phone) is still recognised.

Only a person's messages (text and media) count; app notices, calls and
deleted messages read differently on each phone. Two chats are compared only
where both have messages: from the later of their first minutes to the
earlier of their last. Within that window:

- the share of messages found on both sides (`coverage`, measured against the
  side with more) is at least SURE_SHARE, and every matched message has the
  same sender on both sides: the same chat (`Verdict.SAME`). This covers a
  later export extending an earlier one, an earlier export imported after a
  later one (each is complete inside the window), the same file renamed, and
  the other person's export with the same names;
- at least ASK_SHARE but not sure (a partial overlap: messages deleted on one
  phone), or the senders are named differently: ask the person
  (`Verdict.UNSURE`);
- less, or no window at all: a different chat (`Verdict.DIFFERENT`). A group
  and a direct chat with the same people share days but hardly a message.

Memory stays bounded at any size: a sketch keeps only the fingerprints whose
value is a multiple of `rate` (a power of two chosen from the new export's
size so it keeps about SAMPLE of them). The same message is kept or dropped on
both sides alike, so the shares are estimated without bias; a stored chat
whose window holds many more sampled messages than the cap stops being read
(it cannot be a match). Fingerprints use Python's `hash`, which differs from
one process to the next: sketches are compared only within one process.

Edge cases: an export whose phone was set to another time zone shifts every
minute and is taken for a different chat; two messages with the same words in
the same minute are counted as many times as they occur on each side.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from clearheart.domain.chat import Columns, Kind

SURE_SHARE = 0.9
"""Messages found on both sides, of the larger side, to merge without asking."""
ASK_SHARE = 0.3
"""Below this share the chats are different; from it up to SURE_SHARE, ask."""
SAMPLE = 8192
"""About how many fingerprints a sketch keeps of the new export."""
MARGIN = 4
"""A stored chat's sketch stops at MARGIN × SAMPLE: so many more cannot be the same chat."""
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


def rate_for(messages: int) -> int:
    """The sampling rate (a power of two) that keeps about SAMPLE of `messages`."""
    rate = 1
    while messages // rate > SAMPLE:
        rate *= 2
    return rate


class Verdict(StrEnum):
    SAME = "same"
    UNSURE = "unsure"
    DIFFERENT = "different"


@dataclass(slots=True)
class Sketch:
    """A bounded sample of one chat's person messages within [low, high] minutes."""

    rate: int
    low: int | None = None
    high: int | None = None
    limit: int | None = None
    """Stop sampling past this many fingerprints (None: no limit)."""
    senders: dict[int, Counter[str]] = field(default_factory=dict)
    """Fingerprint → who sent the messages that have it, and how many."""
    kept: int = 0
    full: bool = False

    def add(self, batch: Columns) -> None:
        """Sample a batch of messages (any order)."""
        low, high, rate, senders = self.low, self.high, self.rate, self.senders
        for seconds, sender, kind, text in zip(
            batch.seconds, batch.senders, batch.kinds, batch.texts, strict=True
        ):
            if kind is not Kind.TEXT and kind is not Kind.MEDIA:
                continue
            minute = seconds // 60
            if (low is not None and minute < low) or (high is not None and minute > high):
                continue
            key = hash((minute, match_text(kind, text)))
            if key % rate:
                continue
            senders.setdefault(key, Counter())[sender] += 1
            self.kept += 1
            if self.limit is not None and self.kept > self.limit:
                self.full = True
                return

    def extend(self, batches: Iterable[Columns]) -> Sketch:
        for batch in batches:
            self.add(batch)
            if self.full:
                break
        return self


@dataclass(frozen=True, slots=True)
class Overlap:
    """How a new export and a stored chat compare inside the window they share."""

    verdict: Verdict
    coverage: float
    """Sampled messages found on both sides, as a share of the larger side (0 to 1)."""
    renamed: dict[str, str]
    """New export's name → stored chat's name, for every sender named differently."""


def compare(new: Sketch, stored: Sketch) -> Overlap:
    """The verdict for two sketches of the same window at the same rate (see module)."""
    if stored.full:
        return Overlap(Verdict.DIFFERENT, 0.0, {})
    larger = max(new.kept, stored.kept)
    if not larger or not new.kept or not stored.kept:
        return Overlap(Verdict.DIFFERENT, 0.0, {})
    matched = 0
    pairs: Counter[tuple[str, str]] = Counter()
    for key, theirs in new.senders.items():
        ours = stored.senders.get(key)
        if ours is None:
            continue
        matched += min(sum(theirs.values()), sum(ours.values()))
        pairs[theirs.most_common(1)[0][0], ours.most_common(1)[0][0]] += 1
    coverage = matched / larger
    renamed = _renamed(pairs)
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
