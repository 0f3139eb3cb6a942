"""Draw a cycle map as a standalone, accessible SVG: boxes round a loop, arrows going round.

The layout is a loop in two columns: the first step at the top left, then
down the right-hand column, across, and back up the left-hand column to the
start, so every arrow goes clockwise. Two columns keep the drawing tall rather
than wide, which keeps the words readable on a phone and on a printed page.

Only presentation attributes are used (no style element or attribute), so the
SVG renders the same inline under a strict Content-Security-Policy, as a
downloaded file, and in black and white: the role is written in every box, and
the partner's boxes have a dashed border, so nothing depends on colour.
Wrapping estimates glyph widths (no font metrics in pure code), erring wide.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from clearheart.domain.cycle import MINE, THEIRS, CycleMap, Step

WIDTH = 520
_CLASS = ' class="cycle-svg"'
FILE_NAME = "drawing.svg"
"""The download's suggested name: plain, like the file's ids (FILE_ID_PREFIX)."""
FILE_ID_PREFIX = "drawing"
"""Only on a drawing inline in a page; a file on its own goes without."""
MARGIN = 10
COLUMN = 220
LEFT_X = MARGIN
RIGHT_X = WIDTH - MARGIN - COLUMN
NARROW_WIDTH = 340
NARROW_COLUMN = 280
"""One column for a phone: drawn at about its own size there, so the words stay readable."""
LANE = NARROW_WIDTH - MARGIN - 18
"""Where the arrow back from the last step to the first runs, in the one-column layout."""
PAD = 12
TEXT_SIZE = 15
LINE = 20
LABEL_SIZE = 12.5
LABEL_LINE = 17
NOTE_SIZE = 13
NOTE_LINE = 18
ROW_GAP = 46
HEADING_SIZE = 20
HEADING_LINE = 26
ARROW_GAP = 5
CHAR_WIDTH = 0.56
"""Average glyph width as a share of the font size, a little wider than most sans fonts."""
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
INK = "#26231f"
ARROW_INK = "#3b3833"
_LOOK = {
    "trigger": ("#fffdf9", "#5d574f", "#4a453e", None),
    "mine": ("#e4efec", "#2d6a65", "#22534f", None),
    "theirs": ("#f7efe2", "#8f5300", "#6b3f00", "7 5"),
}
"""Fill, border, label colour and border dashes by whose step it is."""
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Box:
    step: Step
    number: int
    x: float
    y: float
    width: float
    height: float
    label: tuple[str, ...]
    text: tuple[str, ...]
    note: str

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


def wrap(text: str, size: float, width: float) -> tuple[str, ...]:
    """Break `text` into lines that fit `width` at font `size`; splits overlong words."""
    limit = max(4, int(width / (size * CHAR_WIDTH)))
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > limit:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:limit - 1] + "-")
            word = word[limit - 1:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return tuple(lines) or ("",)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _attr(value: str) -> str:
    return quoteattr(_clean(value))


def _text(value: str) -> str:
    return escape(_clean(value))


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _positions(count: int, narrow: bool) -> list[tuple[int, int]]:
    """(column, row) of each step: 0 is left, 1 right; clockwise from the top left."""
    if count == 1 or narrow:
        return [(0, row) for row in range(count)]
    right = count // 2
    places = [(0, 0)] + [(1, row) for row in range(right)]
    left_rows = count - right
    places += [(0, row) for row in range(left_rows - 1, 0, -1)]
    return places


def _side(role: str) -> str:
    return "mine" if role in MINE else "theirs" if role in THEIRS else "trigger"


def layout(cycle: CycleMap, labels: Mapping[str, str],
           notes: Mapping[str, str] | None = None, top: float = MARGIN,
           narrow: bool = False) -> list[Box]:
    """Where each step's box goes, with its wrapped label and text."""
    width = NARROW_COLUMN if narrow else COLUMN
    inner = width - 2 * PAD
    count = len(cycle.steps)
    places = _positions(count, narrow)
    drafts = []
    for number, (step, place) in enumerate(zip(cycle.steps, places, strict=True), 1):
        label = wrap(f"{number}. {labels.get(step.role, step.role)}", LABEL_SIZE, inner)
        text = wrap(step.text, TEXT_SIZE, inner)
        note = (notes or {}).get(step.id, "")
        height = (2 * PAD + len(label) * LABEL_LINE + 4 + len(text) * LINE
                  + (NOTE_LINE + 2 if note else 0))
        drafts.append((step, number, place, label, text, note, height))
    rows = max((row for _, row in places), default=-1) + 1
    row_height = [max(d[6] for d in drafts if d[2][1] == row) for row in range(rows)]
    row_top = [top + sum(row_height[:row]) + ROW_GAP * row for row in range(rows)]
    boxes = []
    for step, number, (column, row), label, text, note, _ in drafts:
        if narrow:
            x: float = MARGIN
        elif count == 1:
            x = (WIDTH - COLUMN) / 2
        else:
            x = RIGHT_X if column else LEFT_X
        boxes.append(Box(step, number, x, row_top[row], width, row_height[row], label, text,
                         note))
    return boxes


def _edge(box: Box, dx: float, dy: float) -> tuple[float, float]:
    """Where a ray from the box's centre in direction (dx, dy) leaves the box."""
    tx = (box.width / 2) / abs(dx) if dx else math.inf
    ty = (box.height / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty)
    return box.cx + dx * t, box.cy + dy * t


def _arrow(a: Box, b: Box, shift: float) -> tuple[float, float, float, float]:
    """A straight arrow from box a to box b, clear of both, moved `shift` sideways."""
    dx, dy = b.cx - a.cx, b.cy - a.cy
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    sx, sy = -uy * shift, ux * shift
    x1, y1 = _edge(a, dx, dy)
    x2, y2 = _edge(b, -dx, -dy)
    return (x1 + ux * ARROW_GAP + sx, y1 + uy * ARROW_GAP + sy,
            x2 - ux * ARROW_GAP + sx, y2 - uy * ARROW_GAP + sy)


def describe(cycle: CycleMap, labels: Mapping[str, str],
             notes: Mapping[str, str] | None = None) -> str:
    """The whole map in one paragraph, for screen readers and the SVG's <desc>."""
    parts = []
    for number, step in enumerate(cycle.steps, 1):
        note = (notes or {}).get(step.id)
        extra = f" ({note})" if note else ""
        parts.append(f"{number}. {labels.get(step.role, step.role)}: {step.text}{extra}")
    count = len(cycle.steps)
    steps = "one step" if count == 1 else f"{count} steps"
    return (f"A loop of {steps}, going round clockwise. " + " ".join(
        p if p.endswith((".", "!", "?")) else p + "." for p in parts
    ) + " After the last step, the loop starts again at the first.")


def render_svg(cycle: CycleMap, labels: Mapping[str, str], *,
               notes: Mapping[str, str] | None = None, heading: bool = False,
               narrow: bool = False, id_prefix: str = "cycle") -> str:
    """The map as one SVG document (no XML declaration, so it can also sit inline in HTML).

    `labels` names each role; `notes`, by step id, adds a line under a step
    (how many log entries point to it). `heading` draws the title on top, for
    a file that has to stand alone; such a file carries no metadata of the app's
    own (no class naming the drawing, no role names, which say "partner"), only
    what it shows. `narrow` draws one column, for a phone. `id_prefix` keeps ids
    unique when several drawings share a page.
    """
    prefix = re.sub(r"[^A-Za-z0-9_-]", "", id_prefix) or "cycle"
    width = NARROW_WIDTH if narrow else WIDTH
    title_lines = wrap(cycle.title, HEADING_SIZE, width - 2 * MARGIN) if heading else ()
    top = MARGIN + (len(title_lines) * HEADING_LINE + 12 if heading else 0)
    if len(cycle.steps) == 1:
        top += 40  # room for the arrow that loops over the single box
    boxes = layout(cycle, labels, notes, top, narrow)
    height = max((b.y + b.height for b in boxes), default=top) + MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}" '
        f'width="{width}" height="{_n(height)}" role="img"{"" if heading else _CLASS} '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family={_attr(FONT)}>',
        f'<title id="{prefix}-title">{_text(cycle.title)}</title>',
        f'<desc id="{prefix}-desc">{_text(describe(cycle, labels, notes))}</desc>',
        "<defs>",
        f'<marker id="{prefix}-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{ARROW_INK}"/></marker>',
        "</defs>",
    ]
    if heading:  # a file on its own gets a white page; inline, the page shows through
        out.append(f'<rect width="{width}" height="{_n(height)}" fill="#ffffff"/>')
    for number, line in enumerate(title_lines):
        y = MARGIN + 20 + number * HEADING_LINE
        out.append(f'<text class="heading" x="{MARGIN}" y="{_n(y)}" font-size="{HEADING_SIZE}" '
                   f'font-weight="700" fill="{INK}">{_text(line)}</text>')
    out += _arrows(boxes, prefix, narrow)
    for box in boxes:
        out += _box(box, labels, roles=not heading)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _arrows(boxes: list[Box], prefix: str, narrow: bool) -> list[str]:
    """One arrow out of every step, to the next; the last one back to the first."""
    marker = f'marker-end="url(#{prefix}-head)"'
    common = f'fill="none" stroke="{ARROW_INK}" stroke-width="2.2" stroke-linecap="round"'

    def path(a: Box, b: Box, d: str) -> str:
        return (f'<path class="arrow" data-from={_attr(a.step.id)} data-to={_attr(b.step.id)} '
                f'd="{d}" {common} {marker}/>')

    if len(boxes) == 1:
        box = boxes[0]
        x, y, top = box.x + box.width, box.cy, box.y - 34
        return [path(box, box, (
            f"M{_n(x + ARROW_GAP)},{_n(y)} C{_n(x + 60)},{_n(y)} {_n(x + 60)},{_n(top)} "
            f"{_n(box.cx + 40)},{_n(top)} C{_n(box.cx + 20)},{_n(top)} {_n(box.cx + 20)},"
            f"{_n(box.y - 20)} {_n(box.cx + 20)},{_n(box.y - ARROW_GAP)}"))]
    lines = []
    for index, box in enumerate(boxes):
        target = boxes[(index + 1) % len(boxes)]
        if narrow and index == len(boxes) - 1:
            right = box.x + box.width
            lines.append(path(box, target, (
                f"M{_n(right + ARROW_GAP)},{_n(box.cy)} H{_n(LANE)} V{_n(target.cy)} "
                f"H{_n(right + ARROW_GAP)}")))
            continue
        # Two steps side by side: keep the arrow there and the arrow back apart.
        shift = -14.0 if len(boxes) == 2 and not narrow else 0.0
        x1, y1, x2, y2 = _arrow(box, target, shift)
        lines.append(
            f'<line class="arrow" data-from={_attr(box.step.id)} data-to={_attr(target.step.id)} '
            f'x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" {common} {marker}/>'
        )
    return lines


def _box(box: Box, labels: Mapping[str, str], *, roles: bool = True) -> list[str]:
    fill, border, label_ink, dashes = _LOOK[_side(box.step.role)]
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    label = labels.get(box.step.role, box.step.role)
    role = f" data-role={_attr(box.step.role)}" if roles else ""
    out = [
        f'<g class="step" data-step={_attr(box.step.id)}{role}>',
        f"<title>{_text(f'{box.number}. {label}: {box.step.text}')}</title>",
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" '
        f'height="{_n(box.height)}" rx="14" fill="{fill}" stroke="{border}" '
        f'stroke-width="2"{dash}/>',
    ]
    x = box.x + PAD
    y = box.y + PAD + LABEL_SIZE
    out.append(f'<text class="role" x="{_n(x)}" y="{_n(y)}" font-size="{LABEL_SIZE}" '
               f'font-weight="700" fill="{label_ink}">'
               + "".join(f'<tspan x="{_n(x)}" dy="{0 if n == 0 else LABEL_LINE}">{_text(line)}'
                         "</tspan>" for n, line in enumerate(box.label))
               + "</text>")
    y += (len(box.label) - 1) * LABEL_LINE + 4 + LINE
    out.append(f'<text class="step-text" x="{_n(x)}" y="{_n(y)}" font-size="{TEXT_SIZE}" '
               f'fill="{INK}">'
               + "".join(f'<tspan x="{_n(x)}" dy="{0 if n == 0 else LINE}">{_text(line)}'
                         "</tspan>" for n, line in enumerate(box.text))
               + "</text>")
    if box.note:
        y = box.y + box.height - PAD - 4
        out.append(f'<text class="note" x="{_n(x)}" y="{_n(y)}" font-size="{NOTE_SIZE}" '
                   f'font-style="italic" fill="{INK}">{_text(box.note)}</text>')
    out.append("</g>")
    return out
