"""The behaviour log's section and the needs section, from the log (and journal) alone.

Figures are the log summary's own (domain/behaviour_summary.py): each sentence already
says how many entries and weeks it rests on; the section's basis adds the dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from clearheart.content.loader import load_prompts
from clearheart.domain.behaviour import LogEntry
from clearheart.domain.behaviour_summary import plural, summarise
from clearheart.domain.prompts import Theme
from clearheart.web.clarity.model import Figure, Quote, Section
from clearheart.web.clarity.sources import Sources
from clearheart.web.log_view import axis_of, toward_chart
from clearheart.web.pattern_parts import day_text

NEEDS = ("need_met", "need_unmet")
LOG_QUOTES = 3
JOURNAL_QUOTES = 2
"""The person's own words shown, newest first: enough to recall, short enough to keep the
report to a few pages."""
QUOTE_CHARS = 180


def _span(sources: Sources, entries: Sequence[LogEntry]) -> str:
    return sources.period(entries[0].day, entries[-1].day)


def log(sources: Sources) -> Section | None:
    """Bids, repairs, pulling back and what the person did; None with no entries."""
    entries = sources.log_entries
    if not entries:
        return None
    summary = summarise(entries, sources.since)
    axis = axis_of(summary)
    chart = toward_chart(summary, axis) if axis is not None else None
    return Section(
        id="log",
        heading="What you logged",
        basis=f"{plural(len(entries), 'log entry', 'log entries')} "
        f"{_span(sources, entries)}, over {plural(len(summary.weeks), 'week')}.",
        figures=tuple(Figure(f.label, f.value, f.sentence) for f in summary.figures),
        charts=(chart,) if chart is not None and chart.panels else (),
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def needs(sources: Sources) -> Section | None:
    """Needs met and unmet from the log, with the notes written on them, and journal entries
    that answered a needs-and-boundaries prompt; None when there is none of these."""
    logged = [e for e in sources.log_entries if e.kind in NEEDS]
    prompts = {p.id: p for p in load_prompts() if p.theme is Theme.NEEDS_AND_BOUNDARIES}
    written = [
        e
        for e in sources.workspace.journal.all()
        if e.prompt_id in prompts and (sources.since is None or e.day >= sources.since)
    ]
    if not logged and not written:
        return None
    figures: list[Figure] = []
    if logged:
        met = sum(e.kind == "need_met" for e in logged)
        figures.append(
            Figure(
                "Needs met",
                f"{met} of {len(logged)}",
                f"Of the {plural(len(logged), 'time')} you logged a need of yours "
                f"{_span(sources, logged)}, it was met {plural(met, 'time')} and went unmet "
                f"{plural(len(logged) - met, 'time')}.",
            )
        )
    quotes = [Quote(day_text(e.day), _short(e.note), e.label) for e in reversed(logged) if e.note][
        :LOG_QUOTES
    ]
    written.sort(key=lambda e: e.created, reverse=True)
    for entry in written[:JOURNAL_QUOTES]:
        prompt = prompts[entry.prompt_id or ""]
        about = prompt.text if sources.coaching or not prompt.coaching else ""
        quotes.append(Quote(day_text(entry.day), _short(entry.text), about))
    parts = []
    if logged:
        parts.append(f"{plural(len(logged), 'log entry', 'log entries')} about needs")
    if written:
        first = min(e.day for e in written)
        last = max(e.day for e in written)
        parts.append(
            f"{plural(len(written), 'journal entry', 'journal entries')} answering "
            f"a question about needs, {sources.period(first, last)}"
        )
    return Section(
        id="needs",
        heading="Your needs",
        basis=" and ".join(parts) + ". Your own words, newest first.",
        figures=tuple(figures),
        quotes=tuple(quotes),
    )
