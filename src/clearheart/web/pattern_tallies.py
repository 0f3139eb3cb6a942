"""The charts that tally rather than follow time: runs, silences, effort, the loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clearheart.domain.patterns.loop import Link
from clearheart.domain.patterns.report import PatternReport
from clearheart.domain.patterns.unanswered import LengthBucket
from clearheart.web.charts import (
    LEFT,
    RIGHT,
    Dot,
    Label,
    Rect,
    Segment,
    bar,
    duration,
    pct,
    px,
    short_name,
)
from clearheart.web.pattern_parts import (
    Chart,
    Panel,
    Shown,
    Table,
    count,
    day_text,
    heading,
    since_text,
    two_sides,
    whose,
)

BARS = (34.0, 78.0)
"""Where bars run, in percent: names to their left, and room on their right for a count
as long as "123,456" on a 320 px phone."""
NAME_MOST = 10
"""Characters of a name beside a bar (about 75 px), so it ends before the bar starts."""


def _bucket_name(bucket: LengthBucket) -> str:
    if bucket.high is None:
        return f"{bucket.low} or more"
    if bucket.high == bucket.low:
        return str(bucket.low)
    return f"{bucket.low} to {bucket.high}"


def _right_of(rect: Rect) -> float:
    return float(rect.x.rstrip("%")) + float(rect.width.rstrip("%"))


def unanswered_runs(report: PatternReport, shown: Shown) -> Chart:
    names = two_sides(report, shown)
    people = report.unanswered.people
    buckets = [b for b in people[0].lengths if b.low >= 2]
    others = [[b for b in p.lengths if b.low >= 2] for p in people[1:]]
    theirs = [sum(group[i].runs for group in others) for i in range(len(buckets))]
    highest = max([b.runs for b in buckets] + theirs + [1])
    rects: list[tuple[str, Rect]] = []
    labels: list[tuple[str, Label]] = []
    y = 4.0
    table = []
    for i, bucket in enumerate(buckets):
        labels.append(("axis", Label(pct(LEFT), px(y + 12),
                                     f"{_bucket_name(bucket)} in a row", "start")))
        y += 18
        for css, value, name in (("you", bucket.runs, names[0]),
                                 ("other", theirs[i], heading(names[1]))):
            rect = bar(value, highest, y, 12, *BARS)
            rects.append((css, rect))
            labels.append((css + "-text", Label(pct(LEFT), px(y + 11), short_name(name, NAME_MOST),
                                               "start")))
            labels.append((css + "-text", Label(pct(_right_of(rect) + 1), px(y + 11),
                                               f"{value:,}", "start")))
            y += 15
        y += 8
        table.append((_bucket_name(bucket), f"{bucket.runs:,}", f"{theirs[i]:,}"))
    singles = people[0].lengths[0].runs if people[0].lengths else 0
    return Chart(
        id="runs", heading="Messages in a row before a reply",
        basis=f"In {count(report.basis.messages, 'message')} {since_text(report)}. "
              f"Single messages ({singles:,} of yours) are ordinary turns and are left out "
              "of the bars.",
        description="Bars for each length of run: how often each person sent that many "
                    "messages before the other wrote.",
        panels=[Panel(height=y, rects=tuple(rects), labels=tuple(labels))],
        table=Table("Runs of messages before a reply, by length",
                    ("Messages in a row", names[0], heading(names[1])), tuple(table)),
    )


@dataclass(frozen=True, slots=True)
class SilenceRow:
    start: str
    end: str
    length: str
    broken_by: str
    calls: int


def silences(report: PatternReport, shown: Shown) -> tuple[Chart, list[SilenceRow]]:
    found = report.silences
    rows = [SilenceRow(day_text(s.start), day_text(s.end), duration(s.hours * 3600),
                       shown(s.broken_by), s.calls) for s in found.longest]
    broke = ", ".join(f"{shown(name)} {n:,}" for name, n
                      in zip(found.names, found.broken_by, strict=True))
    return Chart(
        id="silences", heading="Long silences",
        basis=f"{count(found.count, 'quiet stretch', 'quiet stretches')} of "
              f"{found.threshold_hours:g} hours or more, in "
              f"{count(report.basis.messages, 'message')} {since_text(report)}."
              + (f" Who wrote first after them: {broke}." if found.count else ""),
        description="",
    ), rows


def effort(report: PatternReport, shown: Shown) -> Chart:
    names = two_sides(report, shown)
    overall = report.effort.overall

    def both(pick: Callable[[int], float | None]) -> tuple[float | None, float | None]:
        known = [v for v in (pick(i) for i in range(1, len(overall))) if v is not None]
        return pick(0), (sum(known) / len(known) if known else None)

    measures = (
        ("Messages sent", both(lambda i: float(overall[i].messages)), "{:,.0f}"),
        ("Typical words per message", both(lambda i: overall[i].words_median), "{:,.0f}"),
        ("Questions asked", both(lambda i: float(overall[i].questions)), "{:,.0f}"),
    )
    panels = []
    table = []
    for title, (a, b), fmt in measures:
        highest = max(a or 0, b or 0, 1)
        rects = []
        labels = []
        sides = (("you", a, names[0]), ("other", b, heading(names[1])))
        for k, (css, value, name) in enumerate(sides):
            y = 4 + k * 22
            rect = bar(value or 0, highest, y, 14, *BARS)
            rects.append((css, rect))
            labels.append(("axis", Label(pct(LEFT), px(y + 12), short_name(name, NAME_MOST),
                                         "start")))
            labels.append((css + "-text", Label(pct(_right_of(rect) + 1), px(y + 12),
                                               "–" if value is None else fmt.format(value),
                                               "start")))
        panels.append(Panel(height=50, rects=tuple(rects), labels=tuple(labels), title=title))
        table.append((title, "–" if a is None else fmt.format(a),
                      "–" if b is None else fmt.format(b)))
    media = sum(p.media for p in overall)
    return Chart(
        id="effort", heading="Length and effort",
        basis=f"In {count(report.basis.messages, 'message')} {since_text(report)}"
              + (f", {media:,} of them photos, voice notes or other media." if media else ".")
              + (" For more than one other person, theirs are averaged."
                 if len(overall) > 2 else ""),
        description="Three small pairs of bars: messages sent, typical words per message, "
                    "and questions asked, for each person.",
        panels=panels,
        table=Table("Length and effort", ("", names[0], heading(names[1])), tuple(table)),
    )


@dataclass(frozen=True, slots=True)
class Whisker:
    number: int
    label: str
    css: str
    line: Segment
    dot: Dot
    value: str


def _link_text(link: Link) -> str:
    value = f"{link.r:+.2f}".replace("-", "−")
    return f"{value}, {'a clear link' if link.clear else 'no clear link'}"


def _x(value: float) -> float:
    return LEFT + (RIGHT - LEFT) * (value + 1) / 2


def loop(report: PatternReport, shown: Shown) -> tuple[Chart, list[Whisker], Panel | None]:
    """Each direction's correlation (domain/patterns/granger.py) as a bar from 0, clear or not.

    No interval: its coverage was not measured (domain/patterns/loop.py).
    """
    found = report.loop
    other = two_sides(report, shown)[1]
    chart = Chart(
        id="loop", heading="The loop, week by week",
        basis=f"From {count(found.pairs, 'run')} of three weeks in a row with messages from "
              f"both sides, across the whole chat; at least {found.min_weeks} are needed.",
        description="",
    )
    ahead, behind = found.pursuit_then_distance, found.distance_then_pursuit
    if not found.enough or ahead is None or behind is None:
        return chart, [], None
    rows: tuple[tuple[str, str, Link], ...] = (
        ("you", f"Your reaching out one week, and {whose(other)} reply times the next", ahead),
        ("other", f"{heading(whose(other))} reply times one week, and your reaching out the "
                  "next", behind),
    )
    whiskers = []
    y = 8.0
    zero = pct(_x(0))
    for number, (css, title, link) in enumerate(rows, 1):
        y += 22
        whiskers.append(Whisker(
            number, title, css, Segment(zero, px(y), pct(_x(link.r)), px(y)),
            Dot(pct(_x(link.r)), px(y)), _link_text(link)))
        y += 12
    axis = tuple(Label(pct(_x(v)), px(y + 22), text, anchor)
                 for v, text, anchor in ((-1, "opposite", "start"), (0, "no link", "middle"),
                                         (1, "together", "end")))
    chart.table = Table("Week-to-week links (correlation, tested on the whole chat)",
                        ("", "Correlation"),
                        tuple((w.label, w.value) for w in whiskers))
    chart.description = ("Two rows, each a line from 0 to a dot: how much one side's week "
                         "went with the other side's next week once each side's own previous "
                         "week and the chat's slow drift are set aside, from −1 (opposite) to "
                         "1 (together). A link is not a cause.")
    return chart, whiskers, Panel(height=y + 30, axis=axis,
                                  grid=(Segment(zero, "4", zero, px(y + 8)),))
