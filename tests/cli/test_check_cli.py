"""`clearheart check`: the exact JSON contract, stdin, clear errors, no vault, nothing stored."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import Run  # type: ignore[import-not-found]

KEYS = ["pause", "flags", "rewrite", "tips", "coaching", "crisis", "checked", "language"]
FLAG_KEYS = ["kind", "start", "end", "why"]


def _files(home: Path) -> list[Path]:
    return sorted(home.rglob("*")) if home.exists() else []


def test_json_has_exactly_the_contract_keys(run: Run, tmp_path: Path) -> None:
    text = "You never listen to me!!! If you don't call tonight we're done."
    result = run("check", text, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == KEYS
    assert data["pause"] is True and data["rewrite"] is None
    assert 1 <= len(data["tips"]) <= 3 and all(isinstance(t, str) for t in data["tips"])
    kinds = set()
    for flag in data["flags"]:
        assert list(flag) == FLAG_KEYS
        assert text[flag["start"] : flag["end"]].strip()
        kinds.add(flag["kind"])
    assert {"criticism", "ultimatum"} <= kinds


def test_a_calm_draft_in_json(run: Run) -> None:
    result = run("check", "--json", "WE GOT THE APARTMENT!!!")
    assert json.loads(result.out) == {"pause": False, "flags": [], "rewrite": None, "tips": [],
                                      "coaching": True, "crisis": [], "checked": True,
                                      "language": None}


def test_a_draft_in_another_language_is_not_checked_rather_than_calm(run: Run) -> None:
    spanish = "Eres un idiota y no quiero volver a verte nunca."
    data = json.loads(run("check", "--json", spanish).out)
    assert data["checked"] is False and data["language"] == "Spanish"
    assert data["pause"] is False and data["flags"] == []
    words = " ".join(run("check", spanish).out.split())
    assert words.startswith("Not checked. This looks like it is written in Spanish")
    assert "calm" not in words


def test_reads_stdin_with_a_dash_and_keeps_offsets_of_the_text_as_given(run: Run) -> None:
    text = "💔 é\u0301 you're an asshole\n"
    result = run("check", "-", "--json", input=text)
    assert result.code == 0, result.err
    flags = json.loads(result.out)["flags"]
    assert {text[f["start"] : f["end"]] for f in flags if f["kind"] == "contempt"} == {
        "you're an asshole"
    }


def test_reads_piped_stdin_without_a_dash(run: Run) -> None:
    result = run("check", "--json", input="are we ok? are you mad at me? please just say we're ok")
    assert json.loads(result.out)["flags"][0]["kind"] == "reassurance_seeking"


def test_empty_input_is_a_clear_error(run: Run) -> None:
    for args, given in ((("check", "   "), ""), (("check", "-"), "  \n"), (("check",), "")):
        result = run(*args, input=given)
        assert result.code == 1, args
        assert result.err.strip() == (
            "clearheart: draft: there is no text to check; type or paste a message"
        )
        assert "Traceback" not in result.err and result.out == ""


def test_needs_no_vault_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run("check", "I'm done with work", home=home, CLEARHEART_PASSPHRASE=None)
    assert result.code == 0, result.err
    assert "calm and clear" in result.out
    assert _files(home) == []


def test_with_a_vault_it_still_stores_nothing(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run("init", home=home).code == 0
    before = {p: p.stat().st_mtime_ns for p in _files(home)}
    assert run("check", "You always ignore me", home=home).code == 0
    assert {p: p.stat().st_mtime_ns for p in _files(home)} == before


def test_human_output_marks_the_words_and_says_why(run: Run) -> None:
    result = run("check", "honestly you're so selfish. are we ok?")
    out = result.out
    marked = re.findall(r"\[([^\]]+)\]\(([\d,]+)\)", out)
    assert [words for words, _ in marked] == ["honestly you're so selfish.", "are we ok"] or [
        words for words, _ in marked
    ] == ["you're so selfish", "are we ok"], out
    legend = dict(re.findall(r"^  \((\d+)\) ([a-z ]+):", out, flags=re.MULTILINE))
    numbers = {n for _, found in marked for n in found.split(",")}
    assert numbers == set(legend)
    assert {"criticism", "reassurance seeking"} <= set(legend.values())
    assert "Some ideas:" in out and "pause" in out


def test_human_output_puts_safety_first(run: Run) -> None:
    result = run("check", "I'm scared of what you'll do when you get home")
    lines = result.out.splitlines()
    assert lines[0].startswith("If you feel afraid, your safety comes first.")
    assert "Some ideas:" not in result.out
    # The sender's fear is named as their safety, never as a threat they make.
    assert re.search(r"^  \(1\) your safety: ", result.out, flags=re.MULTILINE), result.out
    assert "threat:" not in result.out


def test_help_stays_light() -> None:
    code = (
        "import sys\nfrom clearheart.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('vaderSentiment', 'clearheart.services.draftcheck', "
        "'clearheart.domain.draftcheck', 'onnxruntime') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_check_is_listed_in_help(run: Run) -> None:
    result = run("--help")
    assert any(line.strip().startswith("check ") for line in result.out.splitlines())


ANSWERS = (
    "--happened", "I texted at eight and heard nothing until midnight",
    "--felt", "worried and a bit alone",
    "--need", "to know you're ok",
    "--request", "send a quick text when you're running late",
)


def test_four_answers_fill_the_rewrite_with_the_persons_own_words(run: Run) -> None:
    result = run("check", "--json", "You never text back. Whatever.", *ANSWERS)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == KEYS and data["pause"] is True
    assert data["rewrite"] == (
        "When I texted at eight and heard nothing until midnight, I felt worried and a bit "
        "alone. I'd like to know you're ok. Would you be willing to send a quick text when "
        "you're running late?"
    )
    shown = run("check", "You never text back.", *ANSWERS).out
    assert "Your words, said as a request" in shown and "I felt worried" in shown


def test_some_answers_missing_or_unready_is_a_clear_error(run: Run) -> None:
    result = run("check", "--json", "hi", "--felt", "sad", "--need", "rest")
    assert result.code == 1 and result.out == ""
    assert result.err.strip() == (
        "clearheart: rewrite: the calmer version needs all four answers; "
        "add --happened, --request"
    )
    always = list(ANSWERS)
    always[1] = "you always ignore me"
    result = run("check", "--json", "hi", *always)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("clearheart: --happened: ")
    assert "Traceback" not in result.err


def test_no_rewrite_when_the_draft_shows_fear(run: Run) -> None:
    result = run("check", "--json", "I'm scared of what you'll do when you get home", *ANSWERS)
    assert result.code == 0, result.err
    assert json.loads(result.out)["rewrite"] is None
    shown = run("check", "I'm scared of what you'll do when you get home", *ANSWERS).out
    assert "Your words, said as a request" not in shown
    assert "No calmer version this time" in shown
