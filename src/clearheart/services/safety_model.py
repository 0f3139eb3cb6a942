"""The safety classifier: it weighs the crisis and danger rules' evidence with what the words mean.

The rules (domain/safety/crisis.py and signals.py) read the words a person has written; they
carry poorly to phrasings their authors never saw. This classifier reads the same text as:
- dense: the MiniLM embedding (mean- and max-pooled), the kinds both rule sets found (as
  0/1 evidence) and a few shape figures (length, who the words are about, ?, !, capitals,
  laughter);
- lexical: hashed word 1-3-grams and character 3-5-grams, as the draft check reads them
  (services/draft_model.py `lexical`).
One small logistic head per name on each vector (crisis and each crisis kind; danger and
each danger kind); a name's probability is a fixed blend of its two heads. numpy runs them.
They are stored in clearheart/models/safety_heads.npz, trained by
bench/train_safety_heads.py on our own labelled sentences, thresholds chosen out of fold.

Decisions (docs/decisions/0011-safety-classifier.md):
- crisis: the rules' kinds when they fire (never overruled), else the best kind head's kind
  when the crisis head reaches its threshold;
- danger: a rule hit stands unless the danger head is below its veto threshold; the danger
  head alone flags a text at its own threshold; kinds from the rules, else the best head.
A text longer than one window (WINDOW_CHARS) is read window by window, and each head takes
its highest window, so a crisis buried in a long entry is not averaged away.

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
from clearheart.services.embedding import MODELS_DIR, Embedder

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

log = logging.getLogger("clearheart.model")

HEADS_FILE = MODELS_DIR / "safety_heads.npz"
HEADS_SHA256 = "0000000000000000000000000000000000000000000000000000000000000000"
"""sha256 of safety_heads.npz as bench/train_safety_heads.py last wrote it."""
FEATURES_VERSION = 1
"""Bumped whenever the features change; the heads file records the version it needs."""
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
LEXICAL_PROBE = "I can't do this any more, he took my phone lol"
"""A sentence whose hashed grams the heads file records: if the lexical features ever
change under us (draft_model.py), the heads are refused rather than misread."""
CACHE = 4
"""Texts whose probabilities are kept: saving an entry asks about danger and then about a
crisis in the same words."""

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


def windows(text: str) -> list[str]:
    """The text itself when it fits in WINDOW_CHARS; else whole sentences packed into
    windows of at most that size (a longer sentence is cut at a space)."""
    if len(text) <= WINDOW_CHARS:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > WINDOW_CHARS:
            cut = sentence.rfind(" ", 0, WINDOW_CHARS)
            cut = cut if cut > WINDOW_CHARS // 2 else WINDOW_CHARS
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if sentence.strip():
            pieces.append(sentence)
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) + 1 + len(piece) <= WINDOW_CHARS:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out or [text[:WINDOW_CHARS]]


def dense_features(
    mean: npt.NDArray[np.float32],
    peak: npt.NDArray[np.float32],
    texts: Sequence[str],
    rows: Sequence[Sequence[float]],
) -> npt.NDArray[np.float32]:
    """The dense vector per text: pooled embeddings, the rules' evidence row, shape."""
    import numpy as np

    extra = np.array(
        [[*row, *shape(text)] for text, row in zip(texts, rows, strict=True)], dtype=np.float32
    ).reshape(len(texts), len(EVIDENCE) + len(SHAPE))
    stacked: npt.NDArray[np.float32] = np.hstack([mean, peak, extra]).astype(np.float32)
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
    threshold: Any
    """Per name; only CRISIS and DANGER decide (kinds are the best of their task's heads)."""
    veto: Any
    """Per name; for DANGER, a rule hit stands only where the head reaches this."""
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
                threshold=data["threshold"],
                veto=data["veto"],
                meta=meta,
            )

    def probabilities(
        self, dense: npt.NDArray[np.float32], lex: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float32]:
        """One row per text, one column per name in NAMES."""
        standard = (dense - self.mean) / self.scale
        from_dense = _sigmoid(standard @ self.dense_weights.T + self.dense_bias)
        from_lex = _sigmoid(lex @ self.lex_weights.T + self.lex_bias)
        blended: npt.NDArray[np.float32] = self.blend * from_dense + (1 - self.blend) * from_lex
        return blended


def crisis_decision(
    rules: tuple[CrisisKind, ...], p: Sequence[float], threshold: float
) -> tuple[CrisisKind, ...]:
    """The rules' kinds when they fire; else, when the crisis head reaches `threshold`, the
    kind whose head is surest. `p` is a row of probabilities in the order of NAMES."""
    if rules:
        return rules
    if p[CRISIS] < threshold:
        return ()
    best = max(range(len(CRISIS_KINDS)), key=lambda k: p[CRISIS + 1 + k])
    return (CRISIS_KINDS[best],)


def danger_decision(
    rules: tuple[Kind, ...], p: Sequence[float], threshold: float, veto: float
) -> tuple[Kind, ...]:
    """The rules' kinds unless the danger head is below `veto`; else, when the danger head
    reaches `threshold`, the kind whose head is surest."""
    if rules and p[DANGER] >= veto:
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
        embedder = Embedder.load()
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
        mean, peak = self.embedder.pooled(texts)
        return self.heads.probabilities(dense_features(mean, peak, texts, rows), lexical(texts))

    def read(self, text: str) -> tuple[Any, tuple[CrisisKind, ...], tuple[Kind, ...]]:
        """The probabilities of `text` (its highest window per name) and both rules' kinds."""
        known = self._recent.get(text)
        if known is not None:
            self._recent.move_to_end(text)
            return known
        crisis, danger = read_crisis(text).kinds, danger_kinds(text)
        parts = windows(text)
        row = evidence(crisis, danger)
        p = self.probabilities(parts, [row] * len(parts)).max(axis=0)
        self._recent[text] = (p, crisis, danger)
        while len(self._recent) > CACHE:
            self._recent.popitem(last=False)
        return p, crisis, danger

    def crisis(self, text: str) -> Crisis:
        """The crisis decision: the rules' kinds, or the model's where the rules are silent."""
        p, rules, _ = self.read(text)
        return Crisis(crisis_decision(rules, p, float(self.heads.threshold[CRISIS])))

    def danger(self, text: str) -> tuple[Kind, ...]:
        """The danger decision (see the module docstring); () when none."""
        p, _, rules = self.read(text)
        heads = self.heads
        return danger_decision(rules, p, float(heads.threshold[DANGER]), float(heads.veto[DANGER]))


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
