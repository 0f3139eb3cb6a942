"""The safety classifier: it weighs the crisis and danger rules' evidence with what the words mean.

The rules (domain/safety/crisis.py and signals.py) read the words a person has written; they
carry poorly to phrasings their authors never saw. This classifier reads the same text as:
- dense: the MiniLM sentence embedding (mean-pooled, unit length), the kinds both rule sets
  found (0/1 evidence) and a few shape figures (length, who the words are about, ?, !,
  capitals, laughter);
- lexical: hashed word 1-3-grams and character 3-5-grams, as the draft check reads them
  (services/draft_model.py `lexical`).
One small logistic head per name on each vector: `crisis` and one per crisis kind, `danger`
and one per danger kind, each kind head one-against-the-rest. A name's probability is a
blend of its dense and lexical heads; a task's probability mixes its own head with its
surest kind head (the kinds are far apart in meaning, and one line cannot fence in all
three). numpy runs them. They are stored in clearheart/models/safety_heads.npz, trained by
bench/train_safety_heads.py on our own labelled sentences, every setting chosen out of fold.

Decisions (docs/decisions/0011-safety-classifier.md):
- crisis: the rules' kinds when they fire (never overruled), else the surest kind when the
  crisis probability reaches its threshold;
- danger: a rule hit stands only where the danger probability reaches the veto threshold,
  or where the crisis rules find the writer is being hurt right now (that sign is never set
  aside); the probability alone flags a text at its own threshold; kinds from the rules,
  else the surest kind head. A rule hit that stands is a strong reading (it may close the
  safety gate, decision 0010); the probability alone gives a weak one (it only asks).
A text is read whole (in windows of up to WINDOW_CHARS when longer) and, when longer than
SENTENCE_CHARS, also in windows of whole sentences up to that size; each name takes its
highest window, so a crisis buried in ordinary sentences is not averaged away.

Without the model (the `model` extra missing, or a file whose sha256 differs from the pinned
one) `load_safety_model()` returns None, the reason is logged once, and the rules decide
alone, exactly as before.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import re
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearheart.domain.safety.crisis import CRISIS_KINDS, Crisis, CrisisKind, read_crisis
from clearheart.domain.safety.signals import KINDS, Kind, danger_kinds
from clearheart.services.draft_model import LEX_DIMENSIONS, grams, lexical
from clearheart.services.embedding import MODELS_DIR, Embedder, installed_embedder

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

log = logging.getLogger("clearheart.model")

HEADS_FILE = MODELS_DIR / "safety_heads.npz"
HEADS_SHA256 = "27ea0b5cb1d570e154c6fab9171a69b85eecfd3dd2bdcb6c7004c59d586f21d4"
"""sha256 of safety_heads.npz as bench/train_safety_heads.py last wrote it."""
FEATURES_VERSION = 2
"""Bumped whenever the features or the way a text is read change (2: the sentence windows
of `pieces`, which the thresholds were chosen for); the heads file records the version it
needs."""
CRISIS_NAMES: tuple[str, ...] = ("crisis", *CRISIS_KINDS)
DANGER_NAMES: tuple[str, ...] = ("danger", *KINDS)
NAMES: tuple[str, ...] = (*CRISIS_NAMES, *DANGER_NAMES)
CRISIS = 0
DANGER = len(CRISIS_NAMES)
"""The columns of the two whole-text heads; each task's kind heads follow its own."""
EVIDENCE: tuple[str, ...] = (
    *(f"rule_{kind}" for kind in CRISIS_KINDS),
    *(f"rule_{kind}" for kind in KINDS),
)
SHAPE = ("log_words", "first_person", "second_person", "third_person", "questions",
         "exclamations", "capitals", "laughing")
WINDOW_CHARS = 600
"""The longest text read as one piece; every training sentence is shorter (about 100
tokens at most). Longer texts are read in windows of whole sentences up to this size."""
SENTENCE_CHARS = 200
"""A text longer than this is also read in windows of whole sentences up to this size, so
one crisis sentence among ordinary ones is read on its own as well (out of fold, recall at
the same false-alarm cap rose from 0.766 to 0.781, buried "rambling" lines from 0.68 to
0.84; decision 0011)."""
LEXICAL_PROBE = "I can't do this any more, he took my phone lol"
"""A sentence whose hashed grams the heads file records: if the lexical features ever
change under us (draft_model.py), the heads are refused rather than misread."""
MAX_WINDOWS = 12
"""The most windows of one text that go through MiniLM (about 0.4 s on two cores); in a
longer text, those whose lexical heads reach highest. The rules always read all of it."""
CACHE = 4
"""Readings kept, keyed by the text's sha256 (never the words): saving an entry asks about
danger and then about a crisis in the same words."""

_WORD = re.compile(r"[a-z']+")
_FIRST = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "me", "my", "myself",
                    "mine"})
_SECOND = frozenset({"you", "u", "your", "ur", "you're", "youre", "yourself"})
_THIRD = frozenset({"he", "she", "they", "him", "her", "them", "his", "their", "he's", "she's",
                    "they're", "hes", "shes"})
_LAUGH = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk)\b|[😂🤣💀]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")

_unavailable_logged = False


def lexical_probe() -> list[int]:
    """The hashed columns of LEXICAL_PROBE, sorted."""
    return sorted({zlib.crc32(g.encode()) & (LEX_DIMENSIONS - 1) for g in grams(LEXICAL_PROBE)})


def shape(text: str) -> list[float]:
    """Log word count; shares of first-, second- and third-person words; counts of ? and !;
    capitals' share of letters; laughter (lol, haha, a laughing face)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    count = max(len(words), 1)
    letters = [c for c in text if c.isalpha()]
    return [
        math.log1p(len(words)),
        sum(w in _FIRST for w in words) / count,
        sum(w in _SECOND for w in words) / count,
        sum(w in _THIRD for w in words) / count,
        float(min(text.count("?"), 5)),
        float(min(text.count("!"), 5)),
        sum(c.isupper() for c in letters) / max(len(letters), 1),
        float(min(len(_LAUGH.findall(text)), 3)),
    ]


def evidence(crisis: Sequence[str], danger: Sequence[str]) -> list[float]:
    """The rules' kinds as 0/1, crisis kinds then danger kinds (the order of EVIDENCE)."""
    return [*(float(k in crisis) for k in CRISIS_KINDS), *(float(k in danger) for k in KINDS)]


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """The text itself when it fits in `size` characters; else whole sentences packed into
    windows of at most that size (a longer sentence is cut at a space)."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > size:
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if sentence.strip():
            pieces.append(sentence)
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) + 1 + len(piece) <= size:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out or [text[:size]]


def pieces(text: str) -> list[str]:
    """Every window the model reads of `text`: its windows of up to WINDOW_CHARS (the text
    itself when it fits) and, for a text longer than SENTENCE_CHARS, its windows of up to
    SENTENCE_CHARS too, each piece once, in that order."""
    parts = windows(text)
    if len(text) > SENTENCE_CHARS:
        parts += windows(text, SENTENCE_CHARS)
    return list(dict.fromkeys(parts))


def dense_features(
    mean: npt.NDArray[np.float32], texts: Sequence[str], rows: Sequence[Sequence[float]]
) -> npt.NDArray[np.float32]:
    """The dense vector per text: the sentence embedding, the rules' evidence row, shape."""
    import numpy as np

    extra = np.array(
        [[*row, *shape(text)] for text, row in zip(texts, rows, strict=True)], dtype=np.float32
    ).reshape(len(texts), len(EVIDENCE) + len(SHAPE))
    stacked: npt.NDArray[np.float32] = np.hstack([mean, extra]).astype(np.float32)
    return stacked


def _sigmoid(z: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    import numpy as np

    result: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))).astype(
        np.float32
    )
    return result


@dataclass(frozen=True, eq=False)
class Heads:
    """The logistic heads read from safety_heads.npz (rows in the order of NAMES)."""

    mean: Any
    """Per dense feature, the mean and the scale it is standardised with."""
    scale: Any
    dense_weights: Any
    dense_bias: Any
    lex_weights: Any
    lex_bias: Any
    blend: Any
    """Per name: blend * dense head + (1 - blend) * lexical head."""
    mix: Any
    """Per name; at CRISIS and DANGER, the share of the task's probability that comes from
    its surest kind head (the rest from its own head)."""
    threshold: Any
    """Per name; only CRISIS and DANGER decide (kinds are the best of their task's heads)."""
    veto: Any
    """Per name; for DANGER, a rule hit stands only where the probability reaches this
    (unless the crisis rules find the writer is being hurt right now)."""
    meta: dict[str, Any]

    @classmethod
    def read(cls, path: Path = HEADS_FILE) -> Heads:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            names = tuple(str(n) for n in data["names"])
            if meta.get("features_version") != FEATURES_VERSION or names != NAMES:
                raise ValueError("the heads file was trained for other features")
            if meta.get("lexical_probe") != lexical_probe():
                raise ValueError("the lexical features differ from those the heads learnt")
            return cls(
                mean=data["mean"],
                scale=data["scale"],
                dense_weights=data["dense_weights"],
                dense_bias=data["dense_bias"],
                lex_weights=data["lex_weights"],
                lex_bias=data["lex_bias"],
                blend=data["blend"],
                mix=data["mix"],
                threshold=data["threshold"],
                veto=data["veto"],
                meta=meta,
            )

    def probabilities(
        self, dense: npt.NDArray[np.float32], lex: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """One row per text, one column per name in NAMES; at CRISIS and DANGER the task's
        probability (its own head mixed with its surest kind head)."""
        return self.combine(self.dense_part(dense), self.lexical_part(lex))

    def dense_part(self, dense: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return _sigmoid(((dense - self.mean) / self.scale) @ self.dense_weights.T + self.dense_bias)

    def lexical_part(self, lex: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return _sigmoid(lex @ self.lex_weights.T + self.lex_bias)

    def combine(
        self, from_dense: npt.NDArray[np.float32], from_lex: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """Blend each name's two heads, then mix each task's own head with its surest kind."""
        blended: npt.NDArray[np.float32] = self.blend * from_dense + (1 - self.blend) * from_lex
        for task, kinds in ((CRISIS, len(CRISIS_KINDS)), (DANGER, len(KINDS))):
            surest = blended[:, task + 1 : task + 1 + kinds].max(axis=1)
            share = self.mix[task]
            blended[:, task] = (1 - share) * blended[:, task] + share * surest
        return blended

    def reach(self, from_lex: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Per text, how far past the lowest level that can change a decision (the crisis
        threshold; the lower of the danger threshold and veto) each task's probability could
        at most go, whatever the dense heads say (a dense head is below 1): below 0, the
        text cannot change any decision and need not be embedded."""
        import numpy as np

        most = self.combine(np.ones_like(from_lex), from_lex)
        crisis = most[:, CRISIS] - self.threshold[CRISIS]
        danger = most[:, DANGER] - min(self.threshold[DANGER], self.veto[DANGER])
        reach: npt.NDArray[np.float32] = np.maximum(crisis, danger)
        return reach


def crisis_decision(
    rules: tuple[CrisisKind, ...], p: Sequence[float], threshold: float
) -> tuple[CrisisKind, ...]:
    """The rules' kinds when they fire; else, when the crisis probability reaches
    `threshold`, the kind whose head is surest. `p` is a row of probabilities in the order
    of NAMES."""
    if rules:
        return rules
    if p[CRISIS] < threshold:
        return ()
    best = max(range(len(CRISIS_KINDS)), key=lambda k: p[CRISIS + 1 + k])
    return (CRISIS_KINDS[best],)


def danger_decision(
    rules: tuple[Kind, ...], p: Sequence[float], threshold: float, veto: float,
    hurt_now: bool = False,
) -> tuple[Kind, ...]:
    """The rules' kinds unless the danger probability is below `veto` (never set aside when
    the crisis rules find the writer is being hurt right now: `hurt_now`); else, when the
    probability reaches `threshold`, the kind whose head is surest."""
    if rules and (hurt_now or p[DANGER] >= veto):
        return rules
    if p[DANGER] < threshold:
        return ()
    best = max(range(len(KINDS)), key=lambda k: p[DANGER + 1 + k])
    return (KINDS[best],)


@dataclass(eq=False)
class SafetyModel:
    """Embedder plus heads; loaded once per process (load_safety_model) when installed."""

    embedder: Embedder
    heads: Heads
    _recent: OrderedDict[str, tuple[Any, tuple[CrisisKind, ...], tuple[Kind, ...]]] = field(
        default_factory=OrderedDict
    )

    @classmethod
    def load(cls, heads_path: Path = HEADS_FILE) -> SafetyModel | None:
        """The model, or None (the reason logged once) when a part is missing or altered."""
        embedder = installed_embedder()
        if embedder is None:
            return None  # the embedder has said why
        if not heads_path.is_file():
            _unavailable("the safety heads file is missing")
            return None
        if heads_path == HEADS_FILE and (
            hashlib.sha256(heads_path.read_bytes()).hexdigest() != HEADS_SHA256
        ):
            _unavailable("the safety heads file differs from the pinned one")
            return None
        try:
            heads = Heads.read(heads_path)
        except (ValueError, KeyError, OSError) as error:
            _unavailable(str(error))
            return None
        return cls(embedder, heads)

    def probabilities(
        self, texts: Sequence[str], rows: Sequence[Sequence[float]]
    ) -> npt.NDArray[np.float32]:
        """Per text (each read as one piece), the probability of each name in NAMES, given
        the rules' evidence row for it (see `evidence`)."""
        import numpy as np

        if not texts:
            return np.zeros((0, len(NAMES)), dtype=np.float32)
        mean = self.embedder.embed(texts)
        return self.heads.probabilities(dense_features(mean, texts, rows), lexical(texts))

    def read(self, text: str) -> tuple[Any, tuple[CrisisKind, ...], tuple[Kind, ...]]:
        """The probabilities of `text` (per name, its highest window; see `pieces`) and both
        rules' kinds.

        Only windows that could change a decision go through MiniLM (their lexical heads
        bound how high they can reach), at most MAX_WINDOWS of them, those that could
        reach highest; a text with none gets its lexical part alone, below every level
        that decides."""
        import numpy as np

        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        known = self._recent.get(key)
        if known is not None:
            self._recent.move_to_end(key)
            return known
        crisis, danger = read_crisis(text).kinds, danger_kinds(text)
        parts = pieces(text)
        heads = self.heads
        from_lex = heads.lexical_part(lexical(parts))
        reach = heads.reach(from_lex)
        chosen = [int(i) for i in np.argsort(-reach, kind="stable")[:MAX_WINDOWS]
                  if reach[i] >= 0]
        if chosen:
            texts = [parts[i] for i in chosen]
            dense = dense_features(
                self.embedder.embed(texts), texts, [evidence(crisis, danger)] * len(texts)
            )
            p = heads.combine(heads.dense_part(dense), from_lex[chosen]).max(axis=0)
        else:
            p = heads.combine(np.zeros_like(from_lex), from_lex).max(axis=0)
        self._recent[key] = (p, crisis, danger)
        while len(self._recent) > CACHE:
            self._recent.popitem(last=False)
        return p, crisis, danger

    def forget(self) -> None:
        """Drop the few readings kept (so a benchmark times the reading, not the cache)."""
        self._recent.clear()

    def crisis(self, text: str) -> Crisis:
        """The crisis decision: the rules' kinds, or the model's where the rules are silent."""
        p, rules, _ = self.read(text)
        return Crisis(crisis_decision(rules, p, float(self.heads.threshold[CRISIS])))

    def danger(self, text: str) -> tuple[Kind, ...]:
        """The danger decision (see the module docstring); () when none."""
        return self.danger_reading(text)[0]

    def danger_reading(self, text: str) -> tuple[tuple[Kind, ...], bool]:
        """The danger decision, and whether it is strong: the rules found it and the model
        bears them out (or the writer is being hurt right now). A finding of the model alone
        is weak: worth a question to the person, not a closed gate."""
        p, crisis, rules = self.read(text)
        heads = self.heads
        hurt_now = "hurt_now" in crisis
        kinds = danger_decision(
            rules, p, float(heads.threshold[DANGER]), float(heads.veto[DANGER]),
            hurt_now=hurt_now,
        )
        return kinds, bool(kinds) and kinds == rules


def _unavailable(reason: str) -> None:
    global _unavailable_logged
    if not _unavailable_logged:
        log.info("The safety classifier is not available (%s); the rules decide alone.", reason)
        _unavailable_logged = True


@functools.cache
def load_safety_model() -> SafetyModel | None:
    """The installed safety classifier, loaded once per process, or None."""
    try:
        return SafetyModel.load()
    except Exception as error:  # the optional layer must never stop the safety check
        log.warning("The safety classifier did not load (%s); the rules decide alone.", error)
        return None
