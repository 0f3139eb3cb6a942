"""DraftChecker: the draft check with VADER for tone, and the embedding model when present.

VADER (vaderSentiment 3.3.2, MIT, C.J. Hutto) is a lexicon and a few rules in one
module; it reads two text files that ship inside the package and makes no network call.
(Its package depends on `requests` only for a translation demo under
`if __name__ == "__main__"`, which we never run.) Both VADER and the model are loaded
once, here, and only when a check is first needed, so `clearheart --help` stays fast.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable
from importlib import import_module
from typing import Any

from clearheart.domain.draftcheck import Model, Reading, ToneScores, check
from clearheart.domain.draftcheck.language import NAMES, READS, LanguageGuesser, unread
from clearheart.domain.draftcheck.texting import as_typed, normalise
from clearheart.errors import InvalidInput

log = logging.getLogger("clearheart.draftcheck")

MAX_CHARS = 20_000
"""A draft longer than this is not a message; the check would only slow down."""

MODEL_LOADER = ("clearheart.services.embedding", "load_draft_model")
"""Where the optional embedding classifier comes from: a function returning a Model or None."""


class VaderTone:
    """The domain's Tone protocol, on VADER's SentimentIntensityAnalyzer."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
            SentimentIntensityAnalyzer,
        )

        self._analyzer: Any = SentimentIntensityAnalyzer()

    def scores(self, text: str) -> ToneScores:
        raw = self._analyzer.polarity_scores(text)
        return ToneScores(
            compound=float(raw["compound"]), negative=float(raw["neg"]), positive=float(raw["pos"])
        )


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Whole English words of the embedding model's vendored tokenizer (about 20,000),
    or none when the file is missing: stretched letters then shrink to two."""
    from clearheart.services.embedding import TOKENIZER_FILE

    try:
        vocab = json.loads(TOKENIZER_FILE.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError) as error:
        log.info("No tokenizer vocabulary for stretched letters (%s).", error)
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.isascii())


def known_word(word: str) -> bool:
    """Whether a lower-case word is an English word (domain/draftcheck/texting.py)."""
    return word in _vocabulary()


@functools.cache
def _identifier() -> Any:
    """py3langid's model, limited to English and NAMES; read once per process (a second)."""
    from py3langid.langid import (  # type: ignore[import-untyped]
        MODEL_FILE,
        LanguageIdentifier,
    )

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([READS, *NAMES])
    return identifier


class Py3Langid:
    """The domain's LanguageGuesser on py3langid (BSD-3-Clause; its model ships inside the
    package, and nothing here touches its optional web server), choosing among English and
    the Latin-script languages in domain/draftcheck/language.py NAMES. Choosing among
    fewer languages keeps short English texting from being taken for, say, Welsh."""

    def __init__(self) -> None:
        self._identifier: Any = _identifier()

    def guess(self, text: str) -> tuple[str, float]:
        code, probability = self._identifier.classify(text)
        return str(code), float(probability)


def load_model() -> Model | None:
    """The embedding classifier when its module and files are installed, else None (quietly)."""
    module_name, attr = MODEL_LOADER
    try:
        loader: Callable[[], Model | None] = getattr(import_module(module_name), attr)
    except (ImportError, AttributeError) as error:
        log.info("No embedding classifier (%s); the rules and VADER work alone.", error)
        return None
    try:
        return loader()
    except Exception as error:  # the optional layer must never stop a check
        log.warning("The embedding classifier did not load (%s); using the rules alone.", error)
        return None


class DraftChecker:
    """Checks drafts; loads VADER (and the model, when `use_model`) once, on construction."""

    def __init__(self, *, use_model: bool = True, tone: bool = True) -> None:
        self.tone: VaderTone | None = VaderTone() if tone else None
        self.model: Model | None = load_model() if use_model else None
        self.languages: LanguageGuesser = Py3Langid()

    def check(self, text: str) -> Reading:
        """Read one draft; an empty or oversized draft is a clear InvalidInput. A draft in a
        language the check cannot read comes back unjudged, with `unread` saying which."""
        if not text.strip():
            raise InvalidInput("draft", "there is no text to check; type or paste a message")
        if len(text) > MAX_CHARS:
            raise InvalidInput(
                "draft", f"this is {len(text):,} characters; the check reads up to {MAX_CHARS:,}"
            )
        other = unread(text, self.languages)
        if other is not None:
            return Reading(pause=False, flags=(), tips=(), safety=False, unread=other)
        plain = normalise(text, known_word)
        return as_typed(check(plain.text, tone=self.tone, model=self.model), plain)


_BUILDING = threading.Lock()


@functools.cache
def _built(use_model: bool) -> DraftChecker:
    return DraftChecker(use_model=use_model)


def shared_checker(*, use_model: bool = True) -> DraftChecker:
    """One DraftChecker per process (the tone scorer, the language guesser and the model
    take a second or two to load): the pause page, `clearheart check` and the own-messages
    counts share it. A caller arriving while another thread is building it (the web
    app's warm-up at unlock) waits for that build instead of starting a second one."""
    with _BUILDING:
        return _built(use_model)
