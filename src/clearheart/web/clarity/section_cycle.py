"""The cycle map section: the person's own map, drawn as the cycle page draws it, with how
many log entries from `since` on point at each step."""

from __future__ import annotations

from collections import Counter

from clearheart.domain.behaviour_summary import plural
from clearheart.domain.cycle_diagram import render_svg
from clearheart.services.cycle import count_note
from clearheart.web.clarity.model import Section
from clearheart.web.clarity.sources import Sources

ID_PREFIX = "map"


def cycle(sources: Sources) -> Section | None:
    """The current map; None before there is one."""
    service = sources.workspace.cycle
    current = service.current()
    if current is None or current.id is None:
        return None
    linked = [e for e in sources.log_entries if e.cycle_map_id == current.id]
    steps = Counter(e.cycle_step for e in linked if e.cycle_step)
    notes = {step: count_note(n) for step, n in steps.items()}
    when = sources.period(linked[0].day, linked[-1].day) if linked else "in these dates"
    return Section(
        id="cycle",
        heading=f"Your cycle map: {current.title}",
        basis=f"The map in your own words, as it is today. Under each step, the log entries "
        f"that point to it: {plural(len(linked), 'entry', 'entries')} {when}.",
        drawing=render_svg(current, service.copy().labels, notes=notes, id_prefix=ID_PREFIX),
    )
