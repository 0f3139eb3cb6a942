"""Shipped content: schema checks, prompt coverage, daily choice, and no copied text."""

from __future__ import annotations

import copy
import itertools
import os
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from clearheart.content.instruments import load_builtin_instruments
from clearheart.content.loader import (
    MAX_TEXT,
    PRACTICE_IDS,
    load_emotions,
    load_prompts,
    prompt_by_id,
    validate_all,
    validate_emotions_file,
    validate_prompts_file,
)
from clearheart.domain.emotions import EmotionWords
from clearheart.domain.prompts import CONCEPT_IDS, Theme, offered, prompt_for_day
from clearheart.errors import ContentInvalid, NotFound

REPO = Path(__file__).resolve().parents[2]
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RUN = 10
TEXT_SUFFIXES = {".py", ".toml", ".html", ".md", ".js", ".css"}

Data = dict[str, Any]


# --- the shipped files ------------------------------------------------------------


def test_every_shipped_content_file_passes_its_schema() -> None:
    checked = validate_all()
    assert "prompts/en.toml" in checked
    assert "emotions/en.toml" in checked


def test_prompt_counts_and_ids() -> None:
    prompts = load_prompts()
    assert len(prompts) >= 48
    ids = [p.id for p in prompts]
    assert len(ids) == len(set(ids))
    per_theme = Counter(p.theme for p in prompts)
    for theme in Theme:
        if theme is not Theme.PRACTICE:
            assert per_theme[theme] >= 6, f"only {per_theme[theme]} prompts for {theme}"
    for practice_id in PRACTICE_IDS:
        assert prompt_by_id(practice_id).theme is Theme.PRACTICE
    assert all(p.locale == "en" for p in prompts)
    assert all(set(p.concepts) <= CONCEPT_IDS for p in prompts)


def test_reflection_prompts_cover_d3_and_connection_covers_b4() -> None:
    prompts = load_prompts()
    assert sum("D3" in p.concepts for p in prompts if p.theme is Theme.REFLECTION) >= 4
    assert any("B4" in p.concepts for p in prompts if p.theme is Theme.CONNECTION)


LABELS = re.compile(r"\b(avoidant|narcissis\w*|toxic|needy|clingy|you should (leave|stay))\b")


def test_prompt_texts_are_short_and_never_label_anyone() -> None:
    for prompt in load_prompts():
        sentences = [s for s in re.split(r"[.?!](?:\s|$)", prompt.text) if s.strip()]
        assert len(sentences) <= 2, prompt.id
        for words in (prompt.text, prompt.hint):
            assert not LABELS.search(words.lower()), prompt.id


def test_loading_is_cached_and_lookups_fail_clearly() -> None:
    assert load_prompts() is load_prompts("en")
    assert load_emotions() is load_emotions("en")
    with pytest.raises(NotFound) as caught:
        prompt_by_id("no-such-prompt")
    assert (caught.value.what, caught.value.key) == ("prompt", "no-such-prompt")
    for locale in ("xx", "../prompts/en", "EN"):
        with pytest.raises(NotFound):
            load_prompts(locale)
        with pytest.raises(NotFound):
            load_emotions(locale)


def test_emotion_words_cover_the_range() -> None:
    emotions = load_emotions()
    words = emotions.all_words
    assert 30 <= len(words) <= 40
    assert all(w == w.strip().lower() for w in words)
    names = {name for name, _ in emotions.groups}
    expected = {"calm", "warm", "hopeful", "anxious", "hurt", "lonely", "angry", "tired",
                "confused"}
    assert expected <= names
    labels = [emotions.label(score) for score in range(1, 6)]
    assert len(set(labels)) == 5
    assert labels == list(emotions.scale)


@pytest.mark.parametrize("score", [0, 6, -1, True])
def test_emotion_label_rejects_scores_outside_the_scale(score: int) -> None:
    with pytest.raises(ValueError, match="mood score"):
        load_emotions().label(score)


def test_emotion_words_value() -> None:
    value = EmotionWords(groups=(("calm", ("calm", "settled")), ("hurt", ("sad",))),
                         scale=("a", "b", "c", "d", "e"))
    assert value.all_words == frozenset({"calm", "settled", "sad"})
    assert value.label(1) == "a"
    assert value.label(5) == "e"


# --- prompt_for_day ---------------------------------------------------------------


def test_prompt_for_day_is_stable_within_a_day() -> None:
    prompts = load_prompts()
    day = date(2025, 3, 14)
    first = prompt_for_day(prompts, day)
    assert prompt_for_day(prompts, day) == first
    assert prompt_for_day(tuple(reversed(prompts)), day) == first
    assert first.theme is not Theme.PRACTICE


def test_prompt_for_day_varies_across_days() -> None:
    prompts = load_prompts()
    start = date(2025, 1, 1)
    chosen = [prompt_for_day(prompts, start + timedelta(days=n)).id for n in range(30)]
    assert len(set(chosen)) >= 10
    assert sum(a != b for a, b in itertools.pairwise(chosen)) >= 20


def test_coaching_prompts_are_marked_and_rest_while_unsafe() -> None:
    prompts = load_prompts()
    coaching = {p.id for p in prompts if p.coaching}
    assert {"loop-stepping-back", "needs-as-a-request", "care-short-break",
            "care-own-habits", "loop-an-hour-later"} <= coaching
    safety = [p for p in prompts if p.theme is Theme.SAFETY]
    assert len(safety) >= 8 and not any(p.coaching for p in safety)
    assert {c for p in safety for c in p.concepts} >= {"E1", "E2", "E3", "E4"}
    for n in range(60):
        day = date(2025, 6, 1) + timedelta(days=n)
        quiet = prompt_for_day(prompts, day, coaching=False)
        assert not quiet.coaching and quiet.theme in (Theme.SAFETY, Theme.SELF_WORTH)
        assert prompt_for_day(prompts, day).theme not in (Theme.SAFETY, Theme.PRACTICE)
    assert not [p for p in offered(prompts, False) if p.coaching]
    assert len(offered(prompts, True)) == len(prompts)


def test_prompt_for_day_filters_by_theme() -> None:
    prompts = load_prompts()
    for n in range(14):
        day = date(2025, 6, 1) + timedelta(days=n)
        assert prompt_for_day(prompts, day, Theme.PRACTICE).theme is Theme.PRACTICE
        assert prompt_for_day(prompts, day, Theme.SELF_CARE).theme is Theme.SELF_CARE
    with pytest.raises(LookupError):
        prompt_for_day((), date(2025, 6, 1))


# --- every prompts-file rule has a failing example --------------------------------


def _prompt(prompt_id: str, theme: str = "practice") -> Data:
    return {"id": prompt_id, "version": 1, "theme": theme, "concepts": ["C6"],
            "text": "What would help today?"}


def _prompts_file() -> Data:
    return {
        "schema": 1,
        "locale": "en",
        "prompt": [_prompt(pid) for pid in PRACTICE_IDS]
        + [{**_prompt("extra", "self-care"), "hint": "Take your time."}],
    }


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return change


def _drop(path: tuple[str | int, ...]) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]
    return change


def _append(item: object) -> Callable[[Data], None]:
    return lambda data: data["prompt"].append(item)


def _remove_prompt(prompt_id: str) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        data["prompt"] = [p for p in data["prompt"] if p["id"] != prompt_id]
    return change


PROMPT_RULES: list[tuple[str, Callable[[Data], None], str]] = [
    ("unknown top key", _set(("title",), "x"), "unknown key 'title'"),
    ("unknown prompt key", _set(("prompt", 0, "mood"), 3), "unknown key 'mood'"),
    ("missing schema", _drop(("schema",)), "missing field 'schema'"),
    ("missing locale", _drop(("locale",)), "missing field 'locale'"),
    ("missing prompt list", _drop(("prompt",)), "missing field 'prompt'"),
    ("missing id", _drop(("prompt", 3, "id")), "missing field 'id' in prompt #4"),
    ("missing version", _drop(("prompt", 0, "version")), "missing field 'version'"),
    ("missing theme", _drop(("prompt", 0, "theme")), "missing field 'theme'"),
    ("missing concepts", _drop(("prompt", 0, "concepts")), "missing field 'concepts'"),
    ("missing text", _drop(("prompt", 0, "text")), "missing field 'text'"),
    ("schema wrong type", _set(("schema",), "1"), "'schema' must be an integer, not a string"),
    ("locale wrong type", _set(("locale",), 1), "'locale' must be a string"),
    ("prompt not a list", _set(("prompt",), {"id": "x"}), "'prompt' must be a list"),
    ("prompt not a table", _append("just words"), "'prompt' #5 must be a table"),
    ("empty prompt list", _set(("prompt",), []), "'prompt' is empty"),
    ("id wrong type", _set(("prompt", 0, "id"), 7), "must be a string, not an integer"),
    ("id not kebab", _set(("prompt", 3, "id"), "Extra_One"), "must be kebab-case"),
    ("version wrong type", _set(("prompt", 0, "version"), "1"), "'version' in prompt"),
    ("version boolean", _set(("prompt", 0, "version"), True), "not a boolean"),
    ("version zero", _set(("prompt", 0, "version"), 0), "must be 1 or more"),
    ("theme wrong type", _set(("prompt", 0, "theme"), 2), "'theme' in prompt"),
    ("concepts wrong type", _set(("prompt", 0, "concepts"), "C6"), "must be a list"),
    ("concept wrong type", _set(("prompt", 0, "concepts"), [6]), "each concept"),
    ("text wrong type", _set(("prompt", 0, "text"), ["a"]), "must be a string, not a list"),
    ("hint wrong type", _set(("prompt", 3, "hint"), 1), "'hint' of prompt 'extra' must be"),
    ("duplicate id", _append(_prompt("extra", "self-care")), "duplicate id 'extra'"),
    ("unknown concept", _set(("prompt", 0, "concepts"), ["Z9"]), "unknown concept 'Z9'"),
    ("no concepts", _set(("prompt", 0, "concepts"), []), "'concepts' in prompt"),
    ("twice concept", _set(("prompt", 0, "concepts"), ["C6", "C6"]), "listed twice"),
    ("unknown theme", _set(("prompt", 0, "theme"), "gratitude"), "unknown theme 'gratitude'"),
    ("empty text", _set(("prompt", 0, "text"), ""), "empty text"),
    ("blank text", _set(("prompt", 0, "text"), "   \n"), "empty text"),
    ("empty hint", _set(("prompt", 3, "hint"), " "), "empty text in 'hint'"),
    ("long text", _set(("prompt", 0, "text"), "w" * (MAX_TEXT + 1)), f"over {MAX_TEXT}"),
    ("long hint", _set(("prompt", 3, "hint"), "w" * 301), "over 300"),
    *[(f"missing {pid}", _remove_prompt(pid), f"missing practice prompt '{pid}'")
      for pid in PRACTICE_IDS],
    ("practice wrong theme", _set(("prompt", 1, "theme"), "connection"), "needs theme"),
    ("coaching wrong type", _set(("prompt", 3, "coaching"), "yes"), "'coaching' in prompt"),
    ("practice coaches", _set(("prompt", 0, "coaching"), True), "must never coach"),
    ("safety coaches", lambda data: data["prompt"][3].update(theme="safety", coaching=True),
     "a safety prompt must never coach"),
    ("locale mismatch", _set(("locale",), "de"), "locale mismatch"),
    ("locale not a code", _set(("locale",), "english"), "not a locale code"),
    ("schema unknown", _set(("schema",), 2), "schema version 2 is unknown"),
]


def test_a_minimal_prompts_file_is_valid() -> None:
    prompts = validate_prompts_file(_prompts_file(), "prompts/en.toml", "en")
    assert [p.id for p in prompts] == [*PRACTICE_IDS, "extra"]
    assert prompts[-1].hint == "Take your time."
    assert prompts[0].hint == ""


@pytest.mark.parametrize(("change", "reason"), [(c, r) for _, c, r in PROMPT_RULES],
                         ids=[name for name, _, _ in PROMPT_RULES])
def test_each_prompts_rule_rejects_a_bad_file(change: Callable[[Data], None], reason: str) -> None:
    data = copy.deepcopy(_prompts_file())
    change(data)
    with pytest.raises(ContentInvalid) as caught:
        validate_prompts_file(data, "prompts/en.toml", "en")
    assert caught.value.source == "prompts/en.toml"
    assert reason in caught.value.reason


# --- every emotions-file rule has a failing example -------------------------------


def _emotions_file() -> Data:
    return {
        "schema": 1,
        "locale": "en",
        "scale": {"1": "Struggling", "2": "Low", "3": "In between", "4": "Good", "5": "Fine"},
        "group": [{"name": "calm", "words": ["calm", "at ease"]},
                  {"name": "hurt", "words": ["sad", "let down"]}],
    }


EMOTION_RULES: list[tuple[str, Callable[[Data], None], str]] = [
    ("unknown top key", _set(("colour",), "blue"), "unknown key 'colour'"),
    ("unknown group key", _set(("group", 0, "icon"), "x"), "unknown key 'icon' in group #1"),
    ("missing scale", _drop(("scale",)), "missing field 'scale'"),
    ("missing groups", _drop(("group",)), "missing field 'group'"),
    ("missing scale step", _drop(("scale", "3")), "missing field '3' in 'scale'"),
    ("extra scale step", _set(("scale", "6"), "Wow"), "unknown key '6' in 'scale'"),
    ("scale wrong type", _set(("scale",), ["a"] * 5), "'scale' must be a table"),
    ("empty label", _set(("scale", "2"), ""), "empty text in scale label 2"),
    ("missing words", _drop(("group", 1, "words")), "missing field 'words' in group #2"),
    ("words wrong type", _set(("group", 0, "words"), "calm"), "must be a list"),
    ("word wrong type", _set(("group", 0, "words"), [1]), "each word in group 'calm'"),
    ("no words", _set(("group", 0, "words"), []), "is empty"),
    ("upper-case word", _set(("group", 0, "words"), ["Calm"]), "must be lower-case"),
    ("padded word", _set(("group", 0, "words"), [" calm"]), "must be lower-case"),
    ("duplicate word", _set(("group", 1, "words"), ["calm"]), "duplicate word 'calm'"),
    ("duplicate group", _set(("group", 1, "name"), "calm"), "duplicate group name 'calm'"),
    ("empty group list", _set(("group",), []), "'group' is empty"),
    ("locale mismatch", _set(("locale",), "fr"), "locale mismatch"),
    ("schema unknown", _set(("schema",), 9), "schema version 9 is unknown"),
    ("schema boolean", _set(("schema",), True), "not a boolean"),
]


def test_a_minimal_emotions_file_is_valid() -> None:
    emotions = validate_emotions_file(_emotions_file(), "emotions/en.toml", "en")
    assert emotions.groups == (("calm", ("calm", "at ease")), ("hurt", ("sad", "let down")))
    assert emotions.label(3) == "In between"


@pytest.mark.parametrize(("change", "reason"), [(c, r) for _, c, r in EMOTION_RULES],
                         ids=[name for name, _, _ in EMOTION_RULES])
def test_each_emotions_rule_rejects_a_bad_file(change: Callable[[Data], None], reason: str) -> None:
    data = copy.deepcopy(_emotions_file())
    change(data)
    with pytest.raises(ContentInvalid) as caught:
        validate_emotions_file(data, "emotions/en.toml", "en")
    assert caught.value.source == "emotions/en.toml"
    assert reason in caught.value.reason


# --- no sentences copied from the source articles ---------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _project_text_files() -> list[Path]:
    roots = [REPO / "src", REPO / "docs"]
    files = [p for root in roots if root.is_dir() for p in sorted(root.rglob("*"))
             if p.is_file() and p.suffix in TEXT_SUFFIXES]
    readme = REPO / "README.md"
    return [*files, readme] if readme.is_file() else files


def test_run_detection_finds_a_shared_run() -> None:
    source = _runs(_words("one two three four five six seven eight nine ten eleven"))
    copied = _words("Intro: ONE two three four five six seven eight nine ten! Then more.")
    assert _runs(copied) & source
    assert not _runs(_words("one two three four five six seven eight nine")) & source


def test_no_copied_sentences() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        reason = f"SOURCE ARTICLES NOT FOUND at {SEEDS}: the copied-text check did not run"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    source: set[tuple[str, ...]] = set()
    for seed in seeds:
        source |= _runs(_words(seed.read_text(encoding="utf-8")))
    files = _project_text_files()
    assert files, "no project text files found to check"
    found: list[str] = []
    for path in files:
        shared = _runs(_words(path.read_text(encoding="utf-8", errors="replace"))) & source
        found += [f"{path.relative_to(REPO)}: {' '.join(run)}" for run in sorted(shared)]
    assert not found, f"{len(found)} runs of {RUN}+ words copied from the seeds:\n" + "\n".join(
        found[:50])


def test_no_copied_sentences_in_questionnaire_fields() -> None:
    """Each built-in questionnaire's text fields, as parsed and shown, checked one by one."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"SOURCE ARTICLES NOT FOUND at {SEEDS}: the copied-text check did not run")
    source = set().union(*(_runs(_words(seed.read_text(encoding="utf-8"))) for seed in seeds))
    instruments = load_builtin_instruments()
    assert instruments, "no built-in questionnaires found to check"
    found: list[str] = []
    for instrument in instruments:
        fields = [instrument.title, instrument.about, instrument.does, instrument.does_not,
                  *instrument.examples, *instrument.scale.labels.values()]
        fields += [item.text for item in instrument.items]
        fields += [text for sub in instrument.subscales for text in (sub.title, sub.low, sub.high)]
        found += [f"{instrument.id}: {' '.join(run)}" for text in fields
                  for run in sorted(_runs(_words(text)) & source)]
    assert not found, "copied from the seeds:\n" + "\n".join(found[:50])
