"""The engine's seams: tips, the tone gate, the optional model, purity and speed."""

from __future__ import annotations

import ast
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import clearheart.domain.draftcheck as package
from clearheart.domain.draftcheck import KINDS, Reading, ToneScores, check
from clearheart.domain.draftcheck.tips import JOURNAL_TIP, MAX_TIPS, TIPS

Check = Callable[[str], Reading]

SOURCE = Path(package.__file__).parent


class FixedTone:
    def __init__(self, compound: float) -> None:
        self.compound = compound

    def scores(self, text: str) -> ToneScores:
        return ToneScores(self.compound, max(0.0, -self.compound), max(0.0, self.compound))


class FakeModel:
    """Says every sentence containing "nope" is contempt."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def probabilities(self, sentences: Sequence[str]) -> Sequence[Mapping[str, float]]:
        self.calls.append(list(sentences))
        return [{"contempt": 0.9 if "nope" in s else 0.1} for s in sentences]


def test_tips_are_one_to_three_and_match_the_flags(read: Check) -> None:
    one = read("are we ok?")
    assert one.tips == (TIPS["reassurance_seeking"], JOURNAL_TIP)
    many = read(
        "You never listen!!! you're an asshole. If you don't call tonight we're done. "
        "After everything I've done for you."
    )
    assert len(many.tips) == MAX_TIPS
    assert many.tips[0] == TIPS["ultimatum"]
    assert read("See you at 7 x").tips == ()


def test_tips_are_offers_in_our_voice() -> None:
    for tip in TIPS.values():
        assert "You could" in tip or "you could" in tip, tip
        assert "!" not in tip and "should" not in tip.lower()


def test_the_tone_gate_needs_a_negative_clause() -> None:
    text = "You always find something to moan about"
    assert "criticism" in check(text, tone=FixedTone(-0.6)).kinds
    assert check(text, tone=FixedTone(0.4)).kinds == ()
    assert check(text).kinds == ()


def test_the_model_adds_flags_the_rules_miss_per_sentence() -> None:
    model = FakeModel()
    text = "See you later. nope, not doing this."
    reading = check(text, model=model)
    assert model.calls == [["See you later.", "nope, not doing this."]]
    (flag,) = reading.flags
    assert (flag.kind, flag.source, text[flag.start : flag.end]) == (
        "contempt",
        "model",
        "nope, not doing this.",
    )
    assert reading.pause is True


def test_the_model_does_not_repeat_a_kind_the_rules_found() -> None:
    text = "you're an asshole. nope."
    reading = check(text, model=FakeModel())
    assert [f.source for f in reading.flags if f.kind == "contempt"] == ["rule"]


def test_works_without_model_or_tone() -> None:
    reading = check("You never call me back")
    assert isinstance(reading, Reading) and reading.kinds == ("criticism",)


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_package_is_pure_and_small() -> None:
    modules = sorted(SOURCE.glob("*.py"))
    assert modules
    for path in modules:
        text = path.read_text()
        for name in _imports(ast.parse(text)):
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or name.startswith("clearheart.domain"), (
                path.name,
                name,
            )
        assert len(text.splitlines()) <= 420, path.name


def test_fast_enough_with_vader(read: Check) -> None:
    drafts = [
        "You never listen to me!!! I'm so sick of this. If you don't call tonight we're done.",
        "hey, want to get dinner tomorrow? I found a new place",
        "Are we ok? Are you mad at me? Please just answer, I keep checking my phone " * 4,
    ] * 30
    for text in drafts[:3]:
        read(text)
    times = []
    for text in drafts:
        start = time.perf_counter()
        read(text)
        times.append(time.perf_counter() - start)
    times.sort()
    assert times[int(0.95 * len(times))] < 0.020


def test_kinds_listed_once_in_order() -> None:
    assert len(set(KINDS)) == 9
