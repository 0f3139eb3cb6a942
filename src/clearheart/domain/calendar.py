"""An iCalendar (RFC 5545) file of the practice schedule, for the person's own calendar.

Reminders carry only neutral, fixed wording: never journal text, never a word
that would reveal what the app is about to someone glancing at a phone. The
file's own identifiers are neutral too: the product id and the event UIDs name
neither the app nor the practices, since calendars sync and show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from clearheart.domain.journal import Practice
from clearheart.domain.practices import Schedule

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRODID = "-//Local//Schedule//EN"
UID_DOMAIN = "schedule.invalid"
_UID_NAMES = {
    Practice.MORNING_INTENTION: "morning",
    Practice.EVENING_REFLECTION: "evening",
    Practice.WEEKLY_APPRECIATION: "weekly",
}
"""Each event's UID starts with a plain word for its slot, stable across re-exports."""


@dataclass(frozen=True, slots=True)
class Reminder:
    practice: Practice
    summary: str
    """Neutral title shown by the calendar, e.g. "A quiet minute"."""
    description: str


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma escaped; every
    line break (LF, CRLF or a lone CR) written as `\\n`, since a bare CR may not appear."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold lines longer than 75 octets, as RFC 5545 section 3.1 asks."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    chunk = b""
    limit = 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(chunk) + len(encoded) > limit:
            parts.append(chunk.decode("utf-8"))
            chunk = b""
            limit = 74
        chunk += encoded
    parts.append(chunk.decode("utf-8"))
    return "\r\n ".join(parts)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def ics(
    schedule: Schedule,
    reminders: tuple[Reminder, ...],
    start: date,
    stamp: datetime,
    uid_seed: str,
) -> str:
    """Build the calendar text. Times are floating, so they follow the device's zone.

    `uid_seed` keeps event UIDs stable across re-exports, so re-importing the
    file updates events instead of duplicating them.
    """
    utc_stamp = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for reminder in reminders:
        first = start
        rule = "FREQ=DAILY"
        if reminder.practice is Practice.WEEKLY_APPRECIATION:
            first = start + timedelta(days=(schedule.weekly_day - start.weekday()) % 7)
            rule = f"FREQ=WEEKLY;BYDAY={_BYDAY[schedule.weekly_day]}"
        begins = datetime.combine(first, schedule.time_of(reminder.practice))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_UID_NAMES[reminder.practice]}-{uid_seed}@{UID_DOMAIN}",
            f"DTSTAMP:{utc_stamp}",
            f"DTSTART:{_local(begins)}",
            f"DTEND:{_local(begins + timedelta(minutes=10))}",
            f"RRULE:{rule}",
            f"SUMMARY:{_escape(reminder.summary)}",
            f"DESCRIPTION:{_escape(reminder.description)}",
            "TRANSP:TRANSPARENT",
            "CLASS:PRIVATE",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(reminder.summary)}",
            "TRIGGER:PT0M",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
