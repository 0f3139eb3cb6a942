"""The report's sections, in order: a registry of small builders.

Each entry is a function from the report's Sources to a Section, or to None when it has
nothing to say for these dates (the section is then left out, never shown empty). A
builder that returns a Section with `coaching=True` is left out while the safety gate is
closed. To add a section, write its builder in a module of its own and add one entry where
it belongs in SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable

from clearheart.web.clarity.model import Section
from clearheart.web.clarity.section_cycle import cycle
from clearheart.web.clarity.section_decide import weighing_up
from clearheart.web.clarity.section_log import log, needs
from clearheart.web.clarity.section_patterns import patterns
from clearheart.web.clarity.section_reflect import questionnaires
from clearheart.web.clarity.section_safety import questions, safety_first
from clearheart.web.clarity.sources import Sources

Builder = Callable[[Sources], Section | None]

SECTIONS: tuple[Builder, ...] = (
    safety_first,
    patterns,
    log,
    needs,
    questionnaires,
    cycle,
    weighing_up,
    questions,
)
"""In the order they print. Safety comes first, so while the gate is closed the first page
says who can help."""


def gather(sources: Sources, builders: tuple[Builder, ...] = SECTIONS) -> tuple[Section, ...]:
    """Every section that has something to say; coaching only while the gate is open."""
    found = (build(sources) for build in builders)
    return tuple(s for s in found if s is not None and (sources.coaching or not s.coaching))
