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

_SPACE = "[ \u00a0\u202f]"
_AMPM = rf"{_SPACE}?[AaPp]\.?{_SPACE}?[Mm]\.?"
LOOSE = re.compile(
    r"[\u200e\u200f]*(?P<open>\[)?[\u200e\u200f]*"
    r"(?P<a>\d{1,4})(?P<dsep>[./-]) ?(?P<b>\d{1,2})(?P=dsep) ?(?P<c>\d{1,4})(?P<dot>\.?)"
    r"(?P<join>, ?| )"
    r"(?P<h>\d{1,2})(?P<tsep>[:.])\d\d(?P<sec>(?P=tsep)\d\d)?"
    rf"(?P<ampm>{_AMPM})?"
    r"(?P<close>\])?(?P<end> [-–] |: | )"
)
"""Any plausible WhatsApp message start, for detection and sniffing."""

_TIME = re.compile(r"(\d{1,2})[:.](\d\d)(?:[:.](\d\d))?\s*(?:([AaPp])\.?\s*[Mm]\.?)?")
_DIGITS = re.compile(r"\d+")


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
    twelve_hour: bool
    end: str

    @classmethod
    def of(cls, match: re.Match[str]) -> LineFormat:
        bracket = match["open"] is not None
        end = match["end"]
        if (bracket and match["close"] is None) or (not bracket and match["close"] is not None):
            raise ValueError("unbalanced bracket")
        if not bracket and end == " ":
            raise ValueError("no separator after the time")
        return cls(bracket, match["dsep"], bool(match["dot"]), match["join"], match["tsep"],
                   match["sec"] is not None, match["ampm"] is not None, end)

    def start_pattern(self) -> str:
        """The date group, the time group and what follows them up to the sender."""
        d = re.escape(self.date_sep)
        t = re.escape(self.time_sep)
        dot = r"\." if self.date_dot else ""
        seconds = t + r"\d\d" if self.seconds else ""
        ampm = _AMPM if self.twelve_hour else ""
        date = rf"(\d{{1,4}}{d} ?\d{{1,2}}{d} ?\d{{1,4}}{dot})"
        time = rf"(\d{{1,2}}{t}\d\d{seconds}{ampm})"
        end = re.escape(self.end)
        if self.bracket:
            return rf"\[[\u200e\u200f]*{date}{re.escape(self.join)}{time}\]{end}"
        return rf"{date}{re.escape(self.join)}{time}{end}"

    def splitter(self) -> re.Pattern[str]:
        """Splits "\\n" + text into [before, date, time, sender, body, date, time, sender…]."""
        return re.compile(
            rf"\n[\u200e\u200f]*{self.start_pattern()}(?:[\u200e\u200f]*([^\n:]+): )?"
        )

    def line(self) -> re.Pattern[str]:
        """Matches one message start at the beginning of a line."""
        return re.compile(rf"[\u200e\u200f]*{self.start_pattern()}")

    def describe(self) -> str:
        clock = "12-hour" if self.twelve_hour else "24-hour"
        return f"{'with' if self.bracket else 'without'} brackets, {clock} clock"


def date_fields(shown: str) -> tuple[str, str, str]:
    a, b, c = _DIGITS.findall(shown)[:3]
    return a, b, c


def order_evidence(shown: str) -> DateOrder | None:
    """What one date proves about the order: year first, day first, month first or nothing."""
    a, b, _ = date_fields(shown)
    if len(a) == 4:
        return "ymd"
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
    match = _TIME.match(shown)
    if match is None:
        raise BadStamp(shown, f"{shown!r} is not a time")
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3]) if match[3] else 0
    half = match[4]
    if half is not None:
        if not 1 <= hour <= 12:
            raise BadStamp(shown, f"{shown} is not a 12-hour time")
        hour = hour % 12 + (12 if half in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BadStamp(shown, f"{shown} is not a time of day")
    return timedelta(hours=hour, minutes=minute, seconds=second)
