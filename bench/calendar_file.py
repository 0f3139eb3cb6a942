"""The hand-written calendar file beside icalendar (issue 11, section 5).

Builds the practice reminders' .ics two ways, with the same events:

- `ours`: `clearheart.domain.calendar.ics` (about 40 lines, stdlib only),
- `icalendar`: the same calendar built with `icalendar.Calendar` / `Event` / `Alarm`.

Speed: median of RUNS wall times to build the three real reminders, ratio to `ours`
from the same run; the time to import icalendar, measured in a fresh process, beside a
fresh process that imports nothing. Memory: tracemalloc peak of one build. Hostile
summaries (commas, semicolons, backslashes, newlines, CR, long multibyte lines): each
file is checked for CRLF endings and lines of at most 75 octets, and parsed back
with icalendar to see that every summary survives exactly.

    .venv/bin/python bench/calendar_file.py [--runs 7]

Needs `pip install icalendar` (not a dependency of the project).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from clearheart.domain.calendar import _BYDAY, _UID_NAMES, PRODID, UID_DOMAIN, Reminder, ics
from clearheart.domain.journal import Practice
from clearheart.domain.practices import Schedule
from harness import report, summary, timings

SCHEDULE = Schedule()
START = date(2026, 6, 30)
STAMP = datetime(2026, 6, 30, 9, 15, tzinfo=UTC)
SEED = "0123456789abcdef"
REAL = (
    Reminder(Practice.MORNING_INTENTION, "A quiet minute", "Take a minute for yourself."),
    Reminder(Practice.EVENING_REFLECTION, "Evening minute", "A moment to look back, if you like."),
    Reminder(Practice.WEEKLY_APPRECIATION, "Weekly minute", "One small thing, if you like."),
)
HOSTILE = {
    "commas, semicolons": "Tea, cake; and a walk",
    "backslash": "a\\b\\nnot a newline",
    "newline": "line one\nline two",
    "CR and CRLF": "one\rtwo\r\nthree",
    "long ASCII (300 chars)": "x" * 300,
    "long multibyte (200 × é, ✓, 🌙)": "é✓🌙" * 200,
    "colon and quotes": 'Note: "this"',
}


def ours(reminders: tuple[Reminder, ...]) -> str:
    return ics(SCHEDULE, reminders, START, STAMP, SEED)


def with_icalendar(reminders: tuple[Reminder, ...]) -> str:
    from icalendar import Alarm, Calendar, Event, vRecur

    calendar = Calendar()
    for key, value in (("VERSION", "2.0"), ("PRODID", PRODID), ("CALSCALE", "GREGORIAN"),
                       ("METHOD", "PUBLISH")):
        calendar.add(key, value)
    for reminder in reminders:
        first = START
        rule: dict[str, object] = {"FREQ": "DAILY"}
        if reminder.practice is Practice.WEEKLY_APPRECIATION:
            first = START + timedelta(days=(SCHEDULE.weekly_day - START.weekday()) % 7)
            rule = {"FREQ": "WEEKLY", "BYDAY": _BYDAY[SCHEDULE.weekly_day]}
        begins = datetime.combine(first, SCHEDULE.time_of(reminder.practice))  # floating
        event = Event()
        event.add("UID", f"{_UID_NAMES[reminder.practice]}-{SEED}@{UID_DOMAIN}")
        event.add("DTSTAMP", STAMP)
        event.add("DTSTART", begins)
        event.add("DTEND", begins + timedelta(minutes=10))
        event.add("RRULE", vRecur(rule))
        event.add("SUMMARY", reminder.summary)
        event.add("DESCRIPTION", reminder.description)
        event.add("TRANSP", "TRANSPARENT")
        event.add("CLASS", "PRIVATE")
        alarm = Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", reminder.summary)
        alarm.add("TRIGGER", timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


BUILDERS: dict[str, Callable[[tuple[Reminder, ...]], str]] = {
    "ours": ours, "icalendar": with_icalendar,
}


def check(text: str, summary_: str) -> str:
    """Whether the file is well formed and the summary comes back exactly."""
    from icalendar import Calendar

    raw = text.encode("utf-8")
    lines = raw.split(b"\r\n")
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a bare LF")
    if b"\r" in raw.replace(b"\r\n", b""):
        problems.append("a bare CR")
    longest = max(len(line) for line in lines)
    if longest > 75:
        problems.append(f"a line of {longest} octets")
    event = next(iter(Calendar.from_ical(text).walk("VEVENT")))
    back = str(event["SUMMARY"])
    if back != summary_:
        problems.append(f"summary came back as {back[:40]!r}")
    return "ok" if not problems else "; ".join(problems)


def hostile() -> dict[str, dict[str, str]]:
    answers: dict[str, dict[str, str]] = {}
    for name, text in HOSTILE.items():
        reminders = (Reminder(Practice.MORNING_INTENTION, text, text),)
        answers[name] = {builder: check(build(reminders), text)
                         for builder, build in BUILDERS.items()}
    return answers


def import_ms(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    samples = sorted(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                          text=True, check=True).stdout) for _ in range(runs))
    return samples[len(samples) // 2] * 1000


def peak_kb(build: Callable[[tuple[Reminder, ...]], str]) -> float:
    build(REAL)  # imports and caches out of the way
    tracemalloc.start()
    build(REAL)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    speed = {name: summary(timings(lambda build=build: [build(REAL) for _ in range(100)],
                                   args.runs))
             for name, build in BUILDERS.items()}
    base = speed["ours"]["median_ms"]
    report("calendar_file", {
        "runs": args.runs,
        "build_100_files": {name: {**s, "ratio_to_ours": s["median_ms"] / base}
                            for name, s in speed.items()},
        "import_ms_median": {"icalendar": import_ms("icalendar", args.runs),
                             "clearheart.domain.calendar": import_ms(
                                 "clearheart.domain.calendar", args.runs)},
        "peak_kb_one_file": {name: peak_kb(build) for name, build in BUILDERS.items()},
        "hostile_summaries": hostile(),
        "same_events": ours(REAL).count("BEGIN:VEVENT") == with_icalendar(REAL).count(
            "BEGIN:VEVENT"),
    })


if __name__ == "__main__":
    main()
