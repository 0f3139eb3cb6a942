"""Date labels under a chart's axis: chosen for the width they are read at, never touching."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from clearheart.web import charts

SPANS = [
    (date(2024, 1, 15), date(2024, 1, 17)),
    (date(2024, 1, 15), date(2024, 6, 2)),
    (date(2026, 6, 9), date(2026, 12, 7)),
    (date(2019, 1, 1), date(2021, 10, 31)),
    (date(2018, 11, 20), date(2024, 12, 31)),
    (date(2004, 3, 1), date(2025, 8, 1)),
]
WIDTHS = [charts.NARROW_PX, 260.0, charts.WIDE_PX, 700.0]


def boxes(labels: tuple[charts.Label, ...], width: float) -> list[tuple[float, float]]:
    found = []
    for label in labels:
        x = float(label.x.rstrip("%")) / 100 * width
        size = len(label.text) * charts.CHAR_PX
        left = {"start": x, "end": x - size}.get(label.anchor, x - size / 2)
        found.append((left, left + size))
    return found


@pytest.mark.parametrize(("first", "last"), SPANS)
@pytest.mark.parametrize("width", WIDTHS)
def test_labels_fit_the_width_and_never_touch(first: date, last: date, width: float) -> None:
    labels = charts.TimeAxis.spanning(first, last).ticks(width)
    assert labels
    placed = boxes(labels, width)
    assert all(left >= 0 and right <= width for left, right in placed)
    assert all(b[0] - a[1] >= charts.LABEL_GAP_PX for a, b in pairwise(placed))
    # Wider is fine too: the gaps only grow.
    wider = boxes(labels, width * 1.7)
    assert all(b[0] - a[1] >= charts.LABEL_GAP_PX for a, b in pairwise(wider))


@pytest.mark.parametrize(("first", "last"), SPANS)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_year_shows_first_and_wherever_it_changes(
    first: date, last: date, width: float
) -> None:
    labels = charts.TimeAxis.spanning(first, last).ticks(width)
    texts = [label.text for label in labels]
    assert texts[0][-4:].isdigit(), texts
    years = [int(t[-4:]) for t in texts if t[-4:].isdigit()]
    assert years == sorted(set(years)), texts  # each year written once, at its first label
    assert len(years) == len(set(years)), texts


def test_a_phone_gets_fewer_labels_than_a_desktop() -> None:
    axis = charts.TimeAxis.spanning(date(2026, 6, 9), date(2026, 12, 7))
    assert [t.text for t in axis.ticks(charts.WIDE_PX)] == [
        "Jun 2026",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
    assert [t.text for t in axis.ticks(charts.NARROW_PX)] == ["Jul 2026", "Sep", "Nov"]


def test_long_spans_label_years_on_january() -> None:
    axis = charts.TimeAxis.spanning(date(2018, 11, 20), date(2024, 12, 31))
    texts = [t.text for t in axis.ticks(charts.NARROW_PX)]
    assert texts == ["2020", "2022", "2024"]
    wide = [t.text for t in axis.ticks(charts.WIDE_PX)]
    assert wide[:2] == ["2019", "2020"]


def test_a_label_at_the_edge_is_anchored_inside() -> None:
    axis = charts.TimeAxis.spanning(date(2024, 1, 1), date(2024, 12, 31))
    labels = axis.ticks(charts.NARROW_PX)
    assert labels[0].anchor == "start"
