"""The engine's seams: tips, the tone gate, the optional model, purity.

bench/draft_eval.py measures speed; tests check what it does.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import clearheart.domain.draftcheck as package
from clearheart.domain.draftcheck import KINDS, Evidence, Judgement, Reading, ToneScores, check
from clearheart.domain.draftcheck.engine import SAFETY_WHY
from clearheart.domain.draftcheck.tips import JOURNAL_TIP, MAX_TIPS, SAFETY_TIP, TIPS

Check = Callable[[str], Reading]

SOURCE = Path(package.__file__).parent


class FixedTone:
    def __init__(self, compound: float) -> None:
        self.compound = compound

    def scores(self, text: str) -> ToneScores:
        return ToneScores(self.compound, max(0.0, -self.compound), max(0.0, self.compound))


class FakeModel:
    """Pauses when a sentence contains "nope" and reads it as contempt; calm otherwise.

    Reads a safety sign in a sentence that mentions "the car keys"."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str], Evidence]] = []

    def judge(self, text: str, sentences: Sequence[str], evidence: Evidence) -> Judgement:
        self.calls.append((text, list(sentences), evidence))
        marked = [i for i, s in enumerate(sentences) if "nope" in s]
        keys = [i for i, s in enumerate(sentences) if "the car keys" in s]
        return Judgement(
            pause=bool(marked),
            kinds={"contempt": marked[0]} if marked else {},
            safety=keys[0] if keys else None,
        )


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


def test_the_model_decides_and_marks_the_sentence_it_read() -> None:
    model = FakeModel()
    text = "See you later. nope, not doing this."
    reading = check(text, model=model)
    ((seen, sentences, evidence),) = model.calls
    assert (seen, sentences) == (text, ["See you later.", "nope, not doing this."])
    assert evidence == Evidence(kinds={}, pause=False, safety=False, tone=None)
    (flag,) = reading.flags
    assert (flag.kind, flag.source, text[flag.start : flag.end]) == (
        "contempt",
        "model",
        "nope, not doing this.",
    )
    assert reading.pause is True


def test_the_model_gets_the_rules_evidence_and_can_overrule_a_soft_kind() -> None:
    model = FakeModel()
    reading = check("You never call me back", tone=FixedTone(-0.4), model=model)
    ((_, sentences, evidence),) = model.calls
    assert sentences == ["You never call me back"]
    assert evidence.kinds == {"criticism": 1} and evidence.pause is True
    assert evidence.tone == FixedTone(-0.4).scores("")
    assert (reading.pause, reading.flags, reading.tips) == (False, (), ())


def test_a_threat_or_a_safety_sign_pauses_whatever_the_model_says() -> None:
    threat = check("I still have the screenshots. Don't make me use them.", model=FakeModel())
    assert threat.pause and "threat" in threat.kinds
    scared = check("I'm scared of what he'll do when he gets home", model=FakeModel())
    assert scared.pause and scared.safety


def test_the_model_can_raise_the_safety_signal_but_never_lower_it() -> None:
    text = "Home by six. He has the car keys again so I can't go to yoga."
    reading = check(text, model=FakeModel())
    assert reading.pause and reading.safety
    (flag,) = reading.flags
    assert (flag.kind, flag.source, flag.why) == ("threat", "model", SAFETY_WHY)
    assert text[flag.start : flag.end] == "He has the car keys again so I can't go to yoga."
    assert reading.tips == (SAFETY_TIP,)
    scared = check("I'm scared of what he'll do. nope.", model=FakeModel())
    assert scared.safety and scared.pause


def test_the_model_keeps_rule_flags_and_does_not_repeat_their_kind() -> None:
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


def test_kinds_listed_once_in_order() -> None:
    assert len(set(KINDS)) == 9
