"""`clearheart assess`: list, take (asked or from a sheet), results, load, remove."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
"""The `run` fixture of tests/cli/conftest.py (not imported: every folder has a conftest)."""

DATA = Path(__file__).resolve().parents[1] / "data" / "instruments"
WORRY = {
    "w1": 6,
    "w2": 6,
    "w3": 7,
    "w4": 6,
    "w5": 5,
    "w6": 4,
    "d1": 2,
    "d2": 3,
    "d3": 1,
    "d4": 2,
    "d5": 2,
    "d6": 3,
}


@pytest.fixture(scope="module")
def _vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One new vault for the module: creating one is slow on purpose (Argon2id)."""
    import os
    import subprocess
    import sys

    home = tmp_path_factory.mktemp("assess") / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLEARHEART_")}
    env.update(CLEARHEART_HOME=str(home), CLEARHEART_PASSPHRASE="correct horse battery")
    subprocess.run(
        [sys.executable, "-m", "clearheart", "init"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return home


@pytest.fixture
def home(_vault: Path, tmp_path: Path) -> Path:
    """A fresh copy of the module's empty vault, as `tmp_path/home` (the `run` default)."""
    shutil.copytree(_vault, tmp_path / "home")
    return tmp_path / "home"


def _sheet(tmp_path: Path, name: str, answers: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def test_list_take_and_results(run: Run, home: Path, tmp_path: Path) -> None:
    listed = run("assess", "list", "--json")
    assert listed.code == 0
    rows = json.loads(listed.out)
    assert rows[0]["id"] == "closeness-and-worry" and rows[0]["takes"] == 0
    assert {"id", "title", "kind", "group", "minutes", "items", "subscales"} <= set(rows[0])

    first = run(
        "assess",
        "take",
        "closeness-and-worry",
        "--answers",
        _sheet(tmp_path, "a.json", WORRY),
        "--json",
    )
    assert first.code == 0, first.err
    taken = json.loads(first.out)
    assert taken["danger"] == [] and taken["safety"]["coaching"] is True
    worry = next(s for s in taken["scores"] if s["subscale"] == "worry")
    assert worry["answered"] == 6 and worry["of"] == 6 and worry["value"] > 4

    later = {k: 4 for k in WORRY}
    second = run("assess", "take", "closeness-and-worry", "--answers", "-", input=json.dumps(later))
    assert second.code == 0, second.err
    assert "From 6 of 6 answers." in second.out
    assert "Since last time:" in second.out and "our rule of thumb" in second.out
    assert "What it does not:" in second.out

    history = json.loads(run("assess", "results", "closeness-and-worry", "--json").out)
    assert [len(r["changes"]) for r in history["results"]] == [0, 2]
    text = run("assess", "results", "closeness-and-worry")
    assert "2 takes" in text.out and "Latest change:" in text.out


def test_asked_item_by_item_in_the_terminal(run: Run, home: Path) -> None:
    # Twelve questions: one answer out of range is asked again, one is skipped.
    answers = ["9", "5", "", "6", "5", "5", "4", "2", "2", "3", "1", "2", "2"]
    result = run("assess", "take", "closeness-and-worry", input="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "Choose a whole number from 1 to 7." in result.out
    assert "1 of 12." in result.out and "Saved your answers" in result.out
    assert "From 5 of 6 answers." in result.out


def test_a_danger_sign_shows_safety_first_and_pauses_coaching(
    run: Run, home: Path, tmp_path: Path
) -> None:
    result = run("assess", "take", "am-i-safe", "--answers", _sheet(tmp_path, "s.json", {"x4": 1}))
    assert result.code == 0, result.err
    assert result.out.startswith("Some of what you answered describes things that can be")
    assert "emergency number" in result.out and "Saved your answers to" not in result.out
    state = json.loads(run("safety", "status", "--json").out)
    assert state["coaching"] is False and state["reasons"] == ["questionnaire:am-i-safe/x4"]
    assert "suggestions can show again" in run("safety", "safe").out
    assert json.loads(run("safety", "status", "--json").out)["coaching"] is True


def test_bad_answers_are_named_and_nothing_is_stored(run: Run, home: Path, tmp_path: Path) -> None:
    bad = run(
        "assess",
        "take",
        "closeness-and-worry",
        "--answers",
        _sheet(tmp_path, "bad.json", {**WORRY, "w3": 12}),
    )
    assert bad.code == 1 and bad.err.strip() == "clearheart: w3: choose a whole number from 1 to 7"
    not_json = tmp_path / "broken.json"
    not_json.write_text("{w1: 5", encoding="utf-8")
    broken = run("assess", "take", "closeness-and-worry", "--answers", str(not_json))
    assert broken.code == 1 and "is not valid JSON" in broken.err
    history = json.loads(run("assess", "results", "closeness-and-worry", "--json").out)
    assert history["results"] == []
    assert "Traceback" not in bad.err + broken.err


def test_load_and_remove_a_licensed_instrument(run: Run, home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "mine.toml"
    broken.write_text(
        (DATA / "ecr-rs.toml").read_text().replace("reverse = true", 'reverse = "yes"', 1)
    )
    refused = run("assess", "load", str(broken))
    assert refused.code == 1
    assert refused.err.strip() == (
        f"clearheart: Content file {broken} is not valid: 'reverse' in item 'i01' must be "
        "true or false, not a string"
    )
    loaded = run("assess", "load", str(DATA / "ecr-rs.toml"), "--json")
    assert loaded.code == 0 and json.loads(loaded.out)["id"] == "ecr-rs"
    removed = run("assess", "remove", "ecr-rs")
    assert removed.code == 0 and "past results stay" in removed.out
    builtin = run("assess", "remove", "closeness-and-worry")
    assert builtin.code == 1 and "built in" in builtin.err
