"""The coverage table: every concept of the brief listed once and carried somewhere; the
columns read from the content; a broken file named with its reason; docs/concepts.md as
the content now writes it; every listed CLI command a real one."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import click
import pytest

from clearheart.cli.main import cli
from clearheart.content.concept_table import markdown, shipped
from clearheart.content.coverage_copy import BRIEF_ORDER, validate_coverage_file
from clearheart.domain.coverage import Carried, Listed, Surface, cover, fill, uncovered
from clearheart.domain.prompts import CONCEPT_IDS
from clearheart.errors import ContentInvalid

DOCS = Path(__file__).parents[2] / "docs" / "concepts.md"
SHOULD_UNDERSTAND = (
    *(f"A{i}" for i in range(1, 9)),
    *(f"B{i}" for i in range(1, 9)),
    "C1",
    "C3",
    "D1",
    "D2",
    *(f"D{i}" for i in range(4, 8)),
    *(f"E{i}" for i in range(1, 5)),
    *(f"F{i}" for i in range(1, 6)),
)
"""Issue 15: the concepts a person should understand, each with a lesson."""


def shipped_file() -> dict[str, Any]:
    text = resources.files("clearheart.content").joinpath("coverage", "en.toml").read_text()
    return tomllib.loads(text)


def refused(data: dict[str, Any]) -> str:
    with pytest.raises(ContentInvalid) as caught:
        validate_coverage_file(data, "coverage/en.toml", "en")
    assert caught.value.source == "coverage/en.toml"
    return caught.value.message


def test_every_concept_of_the_brief_is_listed_once_in_order_and_carried() -> None:
    table = shipped()
    assert tuple(row.id for row in table) == BRIEF_ORDER and set(BRIEF_ORDER) == CONCEPT_IDS
    assert len(BRIEF_ORDER) == 40 and BRIEF_ORDER[:2] == ("A1", "A2") and BRIEF_ORDER[-1] == "G1"
    assert uncovered(table) == ()


def test_each_concept_a_person_should_understand_has_a_lesson() -> None:
    table = {row.id: row for row in shipped()}
    without = [c for c in SHOULD_UNDERSTAND if not table[c].lessons]
    assert not without, f"no lesson carries {without}"


def test_the_columns_are_read_from_the_content() -> None:
    table = {row.id: row for row in shipped()}
    assert [x.id for x in table["A4"].lessons] == ["the-loop"]
    assert "where-things-stand" in [x.id for x in table["D7"].questionnaires]
    assert "log-answers" in [x.id for x in table["D4"].evidence]
    assert table["C7"].prompts and not table["G1"].lessons


def test_a_concept_with_no_surface_is_found() -> None:
    listed = [Listed("A1", "One", (), ()), Listed("A2", "Two", (Surface("/log", "a log"),), ())]
    lesson = Carried("a-lesson", "A lesson", ("A2",))
    table = cover(listed, lessons=[lesson], prompts=[], questionnaires=[], evidence=[])
    assert uncovered(table) == ("A1",)
    table = cover(
        listed,
        lessons=[],
        prompts=[],
        questionnaires=[],
        evidence=[Carried("log-bids", "log-bids", ("A1",))],
    )
    assert uncovered(table) == () and table[0].surfaces == 1 and table[1].surfaces == 1


def test_placeholders_are_filled() -> None:
    assert fill("/chats/{chat}#chart-loop", {"chat": "3"}) == "/chats/3#chart-loop"
    assert fill("/help", {}) == "/help"
    with pytest.raises(KeyError):
        fill("/dating/people/{person}", {"chat": "3"})


def test_the_shipped_file_loads() -> None:
    rows = validate_coverage_file(shipped_file(), "coverage/en.toml", "en")
    assert rows[0].id == "A1" and rows[0].pages[0].at == "/log#log-quick"


def _with(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(shipped_file())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["concept"][0].update(id="A9"), "unknown concept id 'A9'"),
        (lambda d: d["concept"][1].update(id="A1"), "concept A1 is listed twice"),
        (lambda d: d["concept"].pop(), "concept G1 is missing"),
        (lambda d: d["concept"].reverse(), "in the brief's order"),
        (lambda d: d["concept"][0].pop("pages"), "missing field 'pages' in concept #1"),
        (lambda d: d["concept"][0].update(lessons=[]), "unknown field 'lessons' in concept #1"),
        (lambda d: d["concept"][0].update(name=""), "'name' of concept A1 must be"),
        (lambda d: d["concept"][0].update(name="x" * 61), "longer than 60 characters"),
        (
            lambda d: d["concept"][0]["pages"].append({"path": "log", "carries": "x"}),
            "page 'log' in concept A1 must start with /",
        ),
        (
            lambda d: d["concept"][0]["pages"].append({"path": "/chats/{chats}", "carries": "x"}),
            "unknown placeholder {chats}",
        ),
        (
            lambda d: d["concept"][0]["pages"].append(dict(d["concept"][0]["pages"][0])),
            "path '/log#log-quick' is listed twice in concept A1",
        ),
        (
            lambda d: d["concept"][0]["pages"].append({"path": "/log"}),
            "missing field 'carries' in path #3 of concept A1",
        ),
        (
            lambda d: d["concept"][0].update(commands="log"),
            "'commands' in concept A1 must be a list of tables",
        ),
        (lambda d: d.update(locale="fr"), "expected schema = 1 and locale = 'en'"),
    ],
)
def test_a_broken_file_is_refused_with_the_reason(change: Any, words: str) -> None:
    assert words in refused(_with(change))


def test_the_docs_page_is_what_the_content_now_writes() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(shipped()), (
        "docs/concepts.md is out of date: "
        "python -m clearheart.content.concept_table --write docs/concepts.md"
    )


def test_a_change_in_the_content_changes_the_docs_page() -> None:
    table = shipped()
    lesson = Carried("new-lesson", "A new lesson", ("G1",))
    changed = cover(
        [Listed(r.id, r.name, r.pages, r.commands) for r in table],
        lessons=[*(x for r in table for x in r.lessons), lesson],
        prompts=[],
        questionnaires=[],
        evidence=[],
    )
    assert "A new lesson" in markdown(changed) and "A new lesson" not in markdown(table)


def test_every_listed_command_is_a_command_of_the_cli() -> None:
    """Words after a command that takes no subcommand are its arguments."""
    for row in shipped():
        for command in row.commands:
            found: click.Command | None = cli
            for word in command.at.split():
                if not isinstance(found, click.Group):
                    break
                found = found.get_command(click.Context(found), word)
                assert found is not None, f"{row.id}: no command {command.at!r}"
