"""Writes months.txt: a deterministic six-month WhatsApp chat for the web and browser tests.

    .venv/bin/python tests/data/web/make_months.py

Robin (the user) and Kai, January to June 2024: warm and quick at first, then Robin
writes first more often and waits longer, a silence of a few days in April, a repair in
May. The file has no "WhatsApp Chat with" name, so the web app asks who is who.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("months.txt")
ME, THEM = "Robin", "Kai"
START = datetime(2024, 1, 1, 8, 0)
DAYS = 182
WARM = ("Morning! Slept well?", "Thinking of you", "That made me laugh so much",
        "How was your day?", "Can't wait to see you", "Tell me everything",
        "You're sweet", "Haha yes", "Same here", "Good night x")
PLANS = ("Do you want to get dinner on Friday?", "Are you free tomorrow night?",
         "Let's grab coffee on Sunday", "Shall we go for a walk this weekend?")
YES = ("Yes! Sounds good", "Sure, see you then", "Perfect, it's a date")
NO = ("Sorry, can't make it", "Something came up, rain check?", "Can we move it to next week?")
CHASE = ("Hey?", "Are you okay?", "Did you see my message?", "Sorry if I said something wrong",
         "Just checking in", "I miss talking to you")
SHORT = ("ok", "busy", "later", "yeah", "fine", "sure")


def phase(day: int) -> str:
    if day < 50:
        return "warm"
    if day < 95:
        return "pursuit"
    if day < 105:
        return "silence"
    if day < 140:
        return "repair"
    return "distance"


def stamp(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y, %H:%M")


def main() -> None:
    rng = random.Random(7)
    lines = [f"{stamp(START)} - Messages and calls are end-to-end encrypted. No one outside "
             "of this chat, not even WhatsApp, can read or listen to them."]
    moment = START
    for day in range(DAYS):
        mood = phase(day)
        if mood == "silence" and day not in (96, 104):
            continue
        morning = START + timedelta(days=day, hours=rng.randint(0, 3), minutes=rng.randint(0, 59))
        moment = max(moment, morning)
        conversations = {"warm": 3, "pursuit": 2, "silence": 1, "repair": 2, "distance": 1}[mood]
        for _ in range(conversations):
            first = ME if rng.random() < {"warm": 0.5, "pursuit": 0.8, "silence": 0.5,
                                          "repair": 0.55, "distance": 0.85}[mood] else THEM
            other = THEM if first == ME else ME
            if rng.random() < 0.12:
                lines.append(f"{stamp(moment)} - {first}: {rng.choice(PLANS)}")
                moment += timedelta(minutes=rng.randint(5, 200))
                answer = YES if mood in ("warm", "repair") else NO
                lines.append(f"{stamp(moment)} - {other}: {rng.choice(answer)}")
            else:
                run = 1 if first == THEM or mood in ("warm", "repair") else rng.randint(1, 5)
                for k in range(run):
                    text = rng.choice(WARM if k == 0 else CHASE)
                    lines.append(f"{stamp(moment)} - {first}: {text}")
                    moment += timedelta(minutes=rng.randint(1, 40))
                wait = {"warm": 8, "pursuit": 150, "silence": 30, "repair": 20,
                        "distance": 300}[mood]
                moment += timedelta(minutes=rng.randint(1, wait))
                reply = rng.choice(SHORT if mood in ("pursuit", "distance") else WARM)
                if rng.random() < 0.05:
                    reply = "<Media omitted>"
                lines.append(f"{stamp(moment)} - {other}: {reply}")
            moment += timedelta(hours=rng.randint(3, 6))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
