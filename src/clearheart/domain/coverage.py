"""Where each concept of the product brief is carried: the coverage table.

Only pages and CLI commands are listed by hand (content/coverage/en.toml). Lessons,
journaling prompts, questionnaires and the decision aid's evidence sources already name
their concepts, so `cover` reads those columns from them: the table cannot drift from
the content. A concept is covered when at least one surface of any kind carries it.

A page path may hold placeholders for ids that only a vault knows, such as
"/chats/{chat}#chart-loop"; `fill` puts the ids in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

PLACEHOLDERS = frozenset({"chat", "person", "supporter", "letter"})
"""The ids a page path may leave open: an imported chat, a dating notebook, a person in
the support network, an unsent letter."""
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Surface:
    """One hand-listed place that carries a concept: a page path or a CLI command (its
    words after `clearheart`), and a few words on what there carries it."""

    at: str
    carries: str


@dataclass(frozen=True, slots=True)
class Listed:
    """A concept's hand-listed row: its short name in our words, its pages and commands."""

    id: str
    name: str
    pages: tuple[Surface, ...]
    commands: tuple[Surface, ...]


@dataclass(frozen=True, slots=True)
class Carried:
    """Something in the content that names the concepts it carries (a lesson, a prompt, a
    questionnaire, an evidence source), by id, with a label for the docs table."""

    id: str
    label: str
    concepts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Covered:
    """One concept and every surface that carries it."""

    id: str
    name: str
    lessons: tuple[Carried, ...]
    prompts: tuple[Carried, ...]
    questionnaires: tuple[Carried, ...]
    evidence: tuple[Carried, ...]
    pages: tuple[Surface, ...]
    commands: tuple[Surface, ...]

    @property
    def surfaces(self) -> int:
        return sum(
            len(column)
            for column in (
                self.lessons,
                self.prompts,
                self.questionnaires,
                self.evidence,
                self.pages,
                self.commands,
            )
        )


def placeholders(path: str) -> tuple[str, ...]:
    """The placeholder names in a page path, in order ("/chats/{chat}" → ("chat",))."""
    return tuple(_PLACEHOLDER.findall(path))


def fill(path: str, ids: Mapping[str, str]) -> str:
    """The path with each placeholder replaced by its id; KeyError names a missing one."""
    return _PLACEHOLDER.sub(lambda m: ids[m.group(1)], path)


def cover(
    listed: Iterable[Listed],
    *,
    lessons: Iterable[Carried],
    prompts: Iterable[Carried],
    questionnaires: Iterable[Carried],
    evidence: Iterable[Carried],
) -> tuple[Covered, ...]:
    """Each listed concept, in the listed order, with the content that names it."""
    found = [tuple(c) for c in (lessons, prompts, questionnaires, evidence)]

    def naming(column: int, concept: str) -> tuple[Carried, ...]:
        return tuple(c for c in found[column] if concept in c.concepts)

    return tuple(
        Covered(
            id=row.id,
            name=row.name,
            lessons=naming(0, row.id),
            prompts=naming(1, row.id),
            questionnaires=naming(2, row.id),
            evidence=naming(3, row.id),
            pages=row.pages,
            commands=row.commands,
        )
        for row in listed
    )


def uncovered(table: Iterable[Covered]) -> tuple[str, ...]:
    """The concepts no surface carries."""
    return tuple(row.id for row in table if not row.surfaces)
