"""The emotion words and mood-scale labels offered with a mood check-in."""

from __future__ import annotations

from dataclasses import dataclass

SCALE_LOW, SCALE_HIGH = 1, 5


@dataclass(frozen=True, slots=True)
class EmotionWords:
    """Emotion words in named groups, and one plain label per mood score 1..5."""

    groups: tuple[tuple[str, tuple[str, ...]], ...]
    """(group name, words) pairs in display order."""
    scale: tuple[str, str, str, str, str]
    """Labels for mood scores 1 to 5, lowest first."""

    @property
    def all_words(self) -> frozenset[str]:
        """Every word in every group: the vocabulary a check-in may use."""
        return frozenset(word for _, words in self.groups for word in words)

    def label(self, score: int) -> str:
        """The plain label for a mood score; ValueError outside 1..5."""
        if isinstance(score, bool) or not SCALE_LOW <= score <= SCALE_HIGH:
            raise ValueError(f"a mood score is {SCALE_LOW} to {SCALE_HIGH}, not {score!r}")
        return self.scale[score - SCALE_LOW]
