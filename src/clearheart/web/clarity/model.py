"""What the report is made of: sections of plain sentences, figures, charts and drawings.

Every figure carries the count and the period it rests on (`Figure.ground`, or a chart's
`basis`): a reader who meets a number anywhere in the report can see how much it stands on.
A section with nothing to say is never built (its builder returns None), so the document
never shows an empty heading or a placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from clearheart.web.pattern_parts import Chart, Table

Format = Literal["pdf", "html"]
FORMATS: tuple[Format, ...] = ("pdf", "html")
Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")


@dataclass(frozen=True, slots=True)
class Figure:
    """One number in words: "7 of 9", what it is, and what it rests on."""

    label: str
    value: str
    sentence: str
    """The figure as a sentence, with its count and period."""


@dataclass(frozen=True, slots=True)
class Quote:
    """The person's own words from their log or journal, with when they wrote them."""

    when: str
    text: str
    about: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the report, in the order the registry gives.

    `basis` says what the whole section rests on (counts and dates); `paragraphs` are
    plain sentences; `charts` are the app's own charts (web/pattern_parts.Chart);
    `tables` are small tables, each caption saying what it rests on;
    `drawing` is trusted SVG markup made by the app (the cycle map), never the person's
    raw text. `coaching` marks a section that suggests what to do: it is left out while
    the safety gate is closed.
    """

    id: str
    heading: str
    basis: str
    lead: str = ""
    paragraphs: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    quotes: tuple[Quote, ...] = ()
    items: tuple[str, ...] = ()
    drawing: str = ""
    coaching: bool = False


@dataclass(frozen=True, slots=True)
class Options:
    """What the person asked for: from which day (None: everything), which chat (None: the
    chat with the most messages whose "me" is set), the format and the paper size."""

    since: date | None = None
    chat_id: int | None = None
    fmt: Format = "pdf"
    paper: Paper = "a4"


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    made_on: date
    period: str
    """"from 3 March 2026 to 7 December 2026", or "everything you have kept so far"."""
    coaching: bool
    """The safety gate's answer when the report was made (services/safety.py)."""
    paper: Paper = "a4"
    sections: tuple[Section, ...] = field(default_factory=tuple)
