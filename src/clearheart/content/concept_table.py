"""The coverage table as shipped, and docs/concepts.md written from it.

`shipped()` joins the hand-listed pages and commands (content/coverage) with what the
content says of itself: each lesson's, prompt's and questionnaire's `concepts`, and each
decision evidence source's concept (domain/evidence/sources.py). docs/concepts.md is
`markdown(shipped())`; a test fails when the committed page differs, so rewrite it with

    python -m clearheart.content.concept_table --write docs/concepts.md
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from clearheart.content.coverage_copy import load_coverage
from clearheart.content.instruments import load_builtin_instruments
from clearheart.content.lesson_copy import load_lessons
from clearheart.content.loader import load_prompts
from clearheart.domain.coverage import Carried, Covered, Surface, cover
from clearheart.domain.evidence.sources import SOURCES


def shipped(locale: str = "en") -> tuple[Covered, ...]:
    """Every concept of the brief, in its order, with every surface that carries it."""
    return cover(
        load_coverage(locale),
        lessons=(Carried(x.id, x.title, x.concepts) for x in load_lessons(locale).lessons),
        prompts=(Carried(p.id, p.text, p.concepts) for p in load_prompts(locale)),
        questionnaires=(
            Carried(i.id, f"{i.title} ({len(i.items)} questions)" if i.items else i.title,
                    i.concepts)
            for i in load_builtin_instruments(locale)
        ),
        evidence=(Carried(s.id, s.id, (s.concept,)) for s in SOURCES.values()),
    )


def _cell(parts: Iterable[str]) -> str:
    text = "<br>".join(p.replace("|", "\\|") for p in parts)
    return text or "·"


def _surfaces(surfaces: Iterable[Surface]) -> Iterable[str]:
    return (f"`{s.at}` {s.carries}" for s in surfaces)


def _count(carried: tuple[Carried, ...], one: str, many: str) -> str:
    return f"{len(carried)} {one if len(carried) == 1 else many}" if carried else "·"


_HEAD = """\
# Concepts and where they are carried

<!-- Written by `python -m clearheart.content.concept_table --write docs/concepts.md`
from content/coverage/en.toml and the content itself; do not edit by hand. -->

Every idea of the concept map in the product brief, with the places in Clearheart
that carry it. Lessons, journaling prompts, questionnaires and the decision aid's
evidence sources name their own concepts, so those columns are read from them; pages
and CLI commands are listed by hand in `src/clearheart/content/coverage/en.toml`.
In a page path, `{chat}`, `{person}`, `{supporter}` and `{letter}` stand for the id of
one of your chats, dating notebooks, supporters or unsent letters. A test fails when a
concept has no surface at all, and when this page falls out of date.

| Id | Concept | Lessons | Prompts | Questionnaires | Evidence | Pages | CLI |
|---|---|---|---|---|---|---|---|
"""


def markdown(table: Iterable[Covered]) -> str:
    """The docs page: one row per concept."""
    rows = [
        "| "
        + " | ".join(
            (
                row.id,
                row.name,
                _cell(x.label for x in row.lessons),
                _count(row.prompts, "prompt", "prompts"),
                _cell(x.label for x in row.questionnaires),
                _count(row.evidence, "source", "sources"),
                _cell(_surfaces(row.pages)),
                _cell(f"`clearheart {s.at}`" for s in row.commands),
            )
        )
        + " |"
        for row in table
    ]
    return _HEAD + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the concept coverage docs page.")
    parser.add_argument("--write", type=Path, help="write here instead of printing")
    args = parser.parse_args(argv)
    text = markdown(shipped())
    if args.write is None:
        print(text, end="")
    else:
        args.write.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
