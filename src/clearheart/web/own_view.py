"""The "your own messages" page as the template draws it: by week beside the other side's
reply times, by hour of day, and the late-night bursts.

Each chart gets one kind sentence of what it shows, what it rests on, SVG geometry
(charts.py) and a table of the same numbers. The wording is for noticing, never for
judging: these moments usually come from hurt or worry, and the charts say so.
"""

from __future__ import annotations

from datetime import date

from clearheart.domain.own_messages import (
    BURST_AT,
    MIN_SHARE_MESSAGES,
    WATCHED,
    OwnReport,
    Tally,
)
from clearheart.domain.percent import percent
from clearheart.services.own_messages import TheirWeek
from clearheart.web.charts import (
    DURATION_STEPS,
    LEFT,
    RIGHT,
    Label,
    Rect,
    Scale,
    TimeAxis,
    column,
    duration,
    grid,
    key_labels,
    line,
    pct,
    px,
    short_name,
    tick_labels,
)
from clearheart.web.pattern_parts import (
    Chart,
    Panel,
    Series,
    Table,
    axis_labels,
    count,
    day_text,
    pair_lines,
    week_mid,
)

KIND_NAMES = {
    "criticism": "Criticism",
    "intensity": "Intensity",
    "reassurance_seeking": "Reassurance",
}
KIND_WORDS = {
    "criticism": "criticism",
    "intensity": "strong intensity",
    "reassurance_seeking": "asking for reassurance",
}
CSS = {
    "criticism": "k-criticism",
    "intensity": "k-intensity",
    "reassurance_seeking": "k-reassurance",
}
NOTICING = (
    "This is for noticing, not for judging yourself: messages like these usually "
    "come from hurt or worry, not from who you are."
)


def share_text(share: float | None) -> str:
    return "–" if share is None else percent(share)


def _kinds_text(tally: Tally) -> str:
    return ", ".join(f"{KIND_WORDS[k]} {share_text(tally.share(k))}" for k in WATCHED)


def by_week(report: OwnReport, theirs: dict[date, TheirWeek], other: str, ready: bool) -> Chart:
    weeks = report.weeks
    first, last = weeks[0].start, weeks[-1].start
    axis = TimeAxis.spanning(first, last)
    highest = max((w.tally.share(k) or 0.0 for w in weeks for k in WATCHED), default=0.0)
    scale = Scale.nice(max(highest * 100, 10.0), 120).keyed(len(WATCHED))
    series = []
    named = []
    for kind in WATCHED:
        points = [
            (
                week_mid(axis, w.start),
                None if w.tally.share(kind) is None else (w.tally.share(kind) or 0) * 100,
            )
            for w in weeks
        ]
        segments, dots = line(points, scale)
        series.append(Series(CSS[kind], segments, dots))
        named.append((CSS[kind] + "-text", KIND_NAMES[kind], points))
    shares = Panel(
        height=scale.bottom + 26,
        grid=grid(scale),
        ticks=tick_labels(scale, [percent(t / 100) for t in scale.ticks]),
        series=tuple(series),
        labels=key_labels(named, scale),
        axis=axis_labels(axis, scale.bottom + 20),
        axis_y=scale.bottom,
        title="Share of your messages each week",
    )
    panels = [shares]
    rows_theirs = [
        (w.start, None, theirs[w.start].median_reply if w.start in theirs else None) for w in weeks
    ]
    known = [v for _, _, v in rows_theirs if v is not None]
    if known:
        reply_scale = Scale.of_steps(max(max(known), 600.0), 90, DURATION_STEPS)
        replies = pair_lines(
            axis,
            rows_theirs,
            reply_scale,
            ("You", other),
            [duration(t) if t else "0" for t in reply_scale.ticks],
            week_mid,
        )
        replies.title = f"{short_name(other)}’s typical reply time each week"
        panels.append(replies)
    total = report.total
    if total.flagged == 0:
        reading = (
            f"Over {count(len(weeks), 'week')}, the check found none of these in your "
            f"{count(total.messages, 'message')}."
        )
    else:
        reading = (
            f"Over {count(len(weeks), 'week')}, {share_text(total.share())} of your messages "
            f"carried at least one of these: {_kinds_text(total)}."
        )
    notes = [NOTICING]
    if not ready:
        notes.append(
            f"{short_name(other)}’s reply times are still being worked out on the "
            "patterns page; they appear here once it is ready."
        )
    elif not known:
        notes.append(f"No replies from {other} to show beside your weeks.")
    table = tuple(
        (
            day_text(w.start),
            f"{w.tally.messages:,}",
            *(share_text(w.tally.share(k)) for k in WATCHED),
            duration(theirs[w.start].median_reply) if w.start in theirs else "–",
        )
        for w in weeks
    )
    return Chart(
        id="weeks",
        heading="Week by week",
        basis=f"From {count(total.messages, 'message')} you wrote between "
        f"{_span(report)}. A week with fewer than {MIN_SHARE_MESSAGES} of your "
        "messages shows no share. Reply times are the middle (median) wait for a "
        f"reply from {other} that week, as on the patterns page.",
        description="Three lines, one per kind: the share of each week's messages of yours "
        f"that carried it; below, on the same dates, {other}’s typical reply time.",
        reading=reading,
        panels=panels,
        notes=notes,
        table=Table(
            "Your messages by week",
            (
                "Week of",
                "Your messages",
                *(KIND_NAMES[k] for k in WATCHED),
                f"{short_name(other)}’s reply time",
            ),
            table,
        ),
    )


def by_hour(report: OwnReport) -> Chart:
    hours = report.hours
    scale = Scale.nice(max(h.tally.messages for h in hours), 110)
    width = (RIGHT - LEFT) / 24
    rects: list[tuple[str, Rect]] = []
    for h in hours:
        x = LEFT + width * h.hour
        for css, value in (("own-all", h.tally.messages), ("own-flagged", h.tally.flagged)):
            if value:
                top = scale.y(value)
                rects.append(
                    (
                        css,
                        Rect(
                            pct(x + width * 0.1), px(top), pct(width * 0.8), px(scale.bottom - top)
                        ),
                    )
                )
    axis = tuple(
        Label(
            pct(LEFT + width * hour),
            px(scale.bottom + 20),
            f"{hour:02d}:00",
            "start" if hour == 0 else "middle",
        )
        for hour in (0, 6, 12, 18)
    )
    panel = Panel(
        height=scale.bottom + 26,
        grid=grid(scale),
        ticks=tick_labels(scale, [f"{t:,.0f}" for t in scale.ticks]),
        rects=tuple(rects),
        axis=axis,
        axis_y=scale.bottom,
        title="Your messages by hour; the darker part carried one of these",
    )
    late, day = report.late, report.day_tally
    if late.share() is not None and day.share() is not None:
        reading = (
            f"Between 23:00 and 05:00, {share_text(late.share())} of your messages carried "
            f"one of these, and {share_text(day.share())} during the rest of the day."
        )
    else:
        reading = (
            "This shows when in the day your messages were sent, and how many carried one of these."
        )
    table = tuple(
        (
            f"{h.hour:02d}:00",
            f"{h.tally.messages:,}",
            f"{h.tally.flagged:,}",
            share_text(h.tally.share()),
        )
        for h in hours
    )
    return Chart(
        id="hours",
        heading="Hour by hour",
        basis=f"The same {count(report.total.messages, 'message')}, by the hour the chat "
        f"shows: {late.messages:,} between 23:00 and 05:00.",
        description="Twenty-four bars, one per hour of the day: how many messages you sent "
        "then, with the part that carried criticism, intensity or reassurance "
        "seeking drawn darker.",
        reading=reading,
        panels=[panel],
        notes=[
            "Late hours are often when waiting feels hardest. It makes sense if more "
            "comes out then."
        ],
        table=Table(
            "Your messages by hour of day",
            ("Hour", "Messages", "With one of these", "Share"),
            table,
        ),
    )


def bursts(report: OwnReport) -> Chart:
    found = report.bursts
    weeks = report.weeks
    panels = []
    if found:
        axis = TimeAxis.spanning(weeks[0].start, weeks[-1].start)
        scale = Scale.nice(max(w.bursts for w in weeks), 50, count=1)
        rects = tuple(
            (
                "own-flagged",
                column(
                    axis, w.start, w.start.fromordinal(w.start.toordinal() + 7), 0, w.bursts, scale
                ),
            )
            for w in weeks
            if w.bursts
        )
        panels.append(
            Panel(
                height=scale.bottom + 26,
                grid=grid(scale),
                ticks=tick_labels(scale, [f"{t:g}" for t in scale.ticks]),
                rects=rects,
                axis=axis_labels(axis, scale.bottom + 20),
                axis_y=scale.bottom,
                title="Nights with a burst, each week",
            )
        )
        messages = sum(b.messages for b in found)
        flagged = sum(b.flagged for b in found)
        reading = (
            f"On {count(len(found), 'night')} you sent {BURST_AT} or more messages late "
            f"with no reply in between: {messages:,} messages in all, and {flagged:,} of "
            "them carried one of these."
        )
    else:
        reading = (
            f"No night had {BURST_AT} or more messages of yours late with no reply in between."
        )
    rows = tuple((day_text(b.night), f"{b.messages:,}", f"{b.flagged:,}") for b in found[-200:])
    return Chart(
        id="bursts",
        heading="Late-night bursts",
        basis=f"A burst is {BURST_AT} or more of your messages between 23:00 and 05:00 with "
        "no message from the other side in between; from "
        f"{count(report.late.messages, 'message')} you sent late.",
        description="Bars per week: the nights with a late-night burst.",
        reading=reading,
        panels=panels,
        notes=[
            "Waiting alone at night is hard. Noticing when it happens is a kind thing to "
            "do for yourself."
        ]
        if found
        else [],
        table=Table(
            "Nights with a burst (the newest 200)",
            ("Night of", "Messages", "With one of these"),
            rows,
        ),
    )


def _span(report: OwnReport) -> str:
    if report.first is None or report.last is None:
        return ""
    return f"{day_text(report.first)} and {day_text(report.last)}"


def page(
    report: OwnReport, theirs: dict[date, TheirWeek], other: str, ready: bool
) -> dict[str, object]:
    if not report.weeks:
        return {"empty": True, "report": report}
    charts = [by_week(report, theirs, other, ready), by_hour(report), bursts(report)]
    unread = (
        f" {count(report.unread, 'message')} had no words to read and are left out."
        if report.unread
        else ""
    )
    return {
        "empty": False,
        "report": report,
        "charts": charts,
        "intro": f"Your {count(report.total.messages, 'written message')} from "
        f"{_span(report)}, read with the same check as the pause. It looks for "
        "three things that often show up while waiting for a reply: criticism, "
        f"strong intensity and asking for reassurance.{unread}",
    }
