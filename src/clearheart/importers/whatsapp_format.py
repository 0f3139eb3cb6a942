"""The shape of a WhatsApp export's message lines, learnt from its first lines.

WhatsApp writes the date and time the way the phone's region does: `31/12/2020,
23:59 - ` on Android, `[31.12.20, 23:59:59] ` on an iPhone, `12/31/20, 11:59 PM
- `, `2020-12-31, 23:59 - `, `[31/12/20, 11:59:59 p. m.] ` with no-break spaces,
and so on. One loose pattern finds the first message line; from it we build a
strict pattern for this file alone, which splits whole chunks of text at
message starts in one call. Dates and times are turned into datetimes from
integers, once per distinct date and once per distinct time of day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from clearheart.importers.base import DateOrder
from clearheart.importers.whatsapp_shapes import (
    AFTER,
    BEFORE,
    DASHES,
    DATE_SEPARATORS,
    JOIN,
    SPACE,
    SPACES,
    TIME_SEPARATORS,
    half_of_day,
)

LOOSE = re.compile(
    r"[\u200e\u200f]*(?P<open>\[)?[\u200e\u200f]*"
    rf"(?P<a>\d{{1,4}})(?P<dsep>[{re.escape(DATE_SEPARATORS)}]){SPACE}?(?P<b>\d{{1,4}})"
    rf"(?P=dsep){SPACE}?(?P<c>\d{{1,4}})(?P<dot>\.?)"
    rf"(?P<join>{JOIN})"
    rf"(?P<before>{BEFORE})?"
    rf"(?P<h>\d{{1,2}})(?P<tsep>[{re.escape(TIME_SEPARATORS)}])\d\d(?P<sec>(?P=tsep)\d\d)?"
    r"(?P<tdot>\.)?"
    rf"(?P<ampm>{AFTER})?"
    rf"(?P<close>\])?(?P<end>{SPACE}+[{DASHES}] |: | )"
)
"""Any plausible WhatsApp message start, for detection and sniffing (see whatsapp_shapes)."""

_CLOCK = re.compile(r"(\d{1,2})[:.](\d\d)(?:[:.](\d\d))?\.?")
_DIGITS = re.compile(r"\d+")
_NAMED = re.compile(r"[^\n:]+: ")


class BadStamp(Exception):
    """A date or time the export shows that is not a real one; carries the text and why."""

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(shown, reason)
        self.shown = shown
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LineFormat:
    """How this export writes a message start."""

    bracket: bool
    date_sep: str
    date_dot: bool
    join: str
    time_sep: str
    seconds: bool
    time_dot: bool
    half_day_before: bool
    twelve_hour: bool
    end: str

    @classmethod
    def of(cls, match: re.Match[str]) -> LineFormat:
        """The format of the message start `match` found; ValueError when it is not one.

        Without brackets, the time must be followed by a dash, or (Hungarian
        phones write `13. 6. 2018. 21:25:15 Sam: hi`) by a space and a name
        with its colon: a date and time alone at a line's start prove nothing.
        """
        bracket = match["open"] is not None
        end = match["end"]
        if (bracket and match["close"] is None) or (not bracket and match["close"] is not None):
            raise ValueError("unbalanced bracket")
        if not bracket and end == " " and not _NAMED.match(match.string, match.end()):
            raise ValueError("no separator after the time")
        stripped = end.strip(" \u00a0\u202f")
        return cls(
            bracket,
            match["dsep"],
            bool(match["dot"]),
            match["join"],
            match["tsep"],
            match["sec"] is not None,
            match["tdot"] is not None,
            match["before"] is not None,
            match["ampm"] is not None or match["before"] is not None,
            f" {stripped} " if stripped and stripped in DASHES else end,
        )

    @property
    def dashed(self) -> bool:
        """Android's ` - ` (or ` – `) after the time."""
        return self.end[1:-1] in tuple(DASHES)

    @property
    def bare(self) -> bool:
        """No bracket and no dash: only a name and colon tell a message start."""
        return not self.bracket and self.end == " "

    def start_pattern(self) -> str:
        """The date group, the time group and what follows them up to the sender."""
        d = re.escape(self.date_sep)
        t = re.escape(self.time_sep)
        dot = r"\." if self.date_dot else ""
        seconds = t + r"\d\d" if self.seconds else ""
        time_dot = r"\." if self.time_dot else ""
        before = BEFORE if self.half_day_before else ""
        after = AFTER if self.twelve_hour and not self.half_day_before else ""
        date = rf"(\d{{1,4}}{d}{SPACE}?\d{{1,4}}{d}{SPACE}?\d{{1,4}}{dot})"
        time = rf"({before}\d{{1,2}}{t}\d\d{seconds}{time_dot}{after})"
        dash = self.end.strip()
        # Some phones put two spaces before the dash after `p.m.`: any run of spaces will do.
        end = rf"{SPACE}+{re.escape(dash)} " if self.dashed else re.escape(self.end)
        if self.bracket:
            return rf"\[[\u200e\u200f]*{date}{re.escape(self.join)}{time}\]{end}"
        return rf"{date}{re.escape(self.join)}{time}{end}"

    def splitter(self) -> re.Pattern[str]:
        """Splits "\\n" + text into [before, date, time, sender, body, date, time, sender…]."""
        return re.compile(rf"\n[\u200e\u200f]*{self.start_pattern()}{self._sender()}")

    def _sender(self) -> str:
        name = r"[\u200e\u200f]*([^\n:]+): "
        return name if self.bare else f"(?:{name})?"

    def line(self) -> re.Pattern[str]:
        """Matches one message start at the beginning of a line."""
        return re.compile(rf"[\u200e\u200f]*{self.start_pattern()}")

    def describe(self) -> str:
        clock = "12-hour" if self.twelve_hour else "24-hour"
        return f"{'with' if self.bracket else 'without'} brackets, {clock} clock"


def is_message_start(line: str) -> bool:
    """Whether `line` opens a WhatsApp message: the loose shape, and a stamp it can read."""
    match = LOOSE.match(line)
    if match is None:
        return False
    try:
        LineFormat.of(match)
    except ValueError:
        return False
    return True


def date_fields(shown: str) -> tuple[str, str, str]:
    a, b, c = _DIGITS.findall(shown)[:3]
    return a, b, c


def order_evidence(shown: str) -> DateOrder | None:
    """What one date proves about the order: year first, day first, month first or nothing.

    A year in the middle (`06/2018/13`, some iPhones) is always month, year, day: "mdy".
    """
    a, b, _ = date_fields(shown)
    if len(a) == 4:
        return "ymd"
    if len(b) == 4:
        return "mdy"
    if int(a) > 12:
        return "dmy"
    if int(b) > 12:
        return "mdy"
    return None


def to_date(shown: str, order: DateOrder) -> datetime:
    a, b, c = date_fields(shown)
    if len(a) == 4:
        order = "ymd"
    if order == "ymd":
        year, month, day = a, b, c
    elif len(b) == 4:
        month, year, day = a, b, c
    elif order == "dmy":
        day, month, year = a, b, c
    else:
        month, day, year = a, b, c
    y = int(year)
    if len(year) <= 2:
        y += 2000
    try:
        return datetime(y, int(month), int(day))
    except ValueError:
        names = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year/month/day"}
        raise BadStamp(shown, f"{shown} is not a real date read as {names[order]}") from None


def to_time(shown: str) -> timedelta:
    """The time of day a shown time means, with or without a 12-hour marker.

    Hour 0 beside a marker is hour 0 (`00:08 a. m.`, Spanish phones); 12 AM is
    midnight and 12 PM noon.
    """
    match = _CLOCK.search(shown)
    if match is None:
        raise BadStamp(shown, f"{shown!r} is not a time")
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3]) if match[3] else 0
    marker = (shown[: match.start()] + shown[match.end() :]).strip(SPACES)
    if marker:
        half = half_of_day(marker)
        if half is None or hour > 12:
            raise BadStamp(shown, f"{shown} is not a 12-hour time")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BadStamp(shown, f"{shown} is not a time of day")
    return timedelta(hours=hour, minutes=minute, seconds=second)
