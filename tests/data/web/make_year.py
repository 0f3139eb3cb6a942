"""Writes year.txt: a deterministic 70-week WhatsApp chat, long enough for the loop.

    .venv/bin/python tests/data/web/make_year.py

Robin (the user) and Kai, from January 2023 to early May 2024, one to three short
conversations a day. Each week Robin has a slowly moving "reaching out" level (how many
conversations Robin starts, how many late at night) and Kai a slowly moving "distance"
level (how long Kai takes to reply); the two are independent, so the page has both
directions of the loop to draw and, most likely, no clear link to claim. Like months.txt,
the file has no "WhatsApp Chat with" name, so the importer asks who is who.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("year.txt")
ME, THEM = "Robin", "Kai"
START = datetime(2023, 1, 2, 8, 0)
WEEKS = 70
OPEN = ("Morning! Slept well?", "Thinking of you", "How was your day?", "Tell me everything",
        "Are you around?", "Saw this and thought of you", "Can't sleep, you up?")
ANSWER = ("Haha yes", "Same here", "Good, busy though", "Sounds nice", "ok", "Night x")


def level(rng: random.Random, before: float) -> float:
    """AR(1) with memory 0.6 and spread 1: one week resembles the last."""
    return 0.6 * before + 0.8 * rng.gauss(0, 1)


def stamp(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y, %H:%M")


def main() -> None:
    rng = random.Random(11)
    lines = [f"{stamp(START)} - Messages and calls are end-to-end encrypted. No one outside "
             "of this chat, not even WhatsApp, can read or listen to them."]
    reach, distance = 0.0, 0.0
    for week in range(WEEKS):
        reach, distance = level(rng, reach), level(rng, distance)
        starts = [(ME, day) for day in range(7) if rng.random() < 0.35 * math.exp(0.4 * reach)]
        starts += [(THEM, day) for day in range(7) if rng.random() < 0.3]
        starts.sort(key=lambda start: start[1])
        moment = START + timedelta(weeks=week)
        for first, day in starts:
            late = first == ME and rng.random() < 0.15 * math.exp(0.5 * reach)
            hour = rng.choice((23, 0)) if late else rng.randint(9, 20)
            begin = START + timedelta(weeks=week, days=day + (hour == 0), hours=hour - 8,
                                      minutes=rng.randint(0, 59))
            moment = max(moment, begin)
            other = THEM if first == ME else ME
            for turn in range(rng.randint(2, 4)):
                sender = (first, other)[turn % 2]
                lines.append(f"{stamp(moment)} - {sender}: "
                             f"{rng.choice(OPEN if turn == 0 else ANSWER)}")
                wait = 12 * math.exp(0.7 * distance + 0.5 * rng.gauss(0, 1)) \
                    if sender == ME else rng.uniform(1, 10)
                moment += timedelta(minutes=max(1, round(wait)))
            moment += timedelta(hours=2)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
