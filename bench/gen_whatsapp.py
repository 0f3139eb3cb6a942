"""Generate a deterministic, realistic WhatsApp export of any size, in several phone variants.

Two people, bursts and silences, multi-line messages, media placeholders,
deleted and edited messages, calls and app notices, written the way each
variant's phone writes them. The same seed gives the same messages in every
variant, so a benchmark or a test can compare variants message for message.

    from gen_whatsapp import generate
    generate(Path("chat.txt"), 1_000_000, variant="android-24h-dmy")

Run as a script: `python bench/gen_whatsapp.py OUT.txt N [VARIANT]`.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

PEOPLE = ("Sam", "Alex Rivera")
_VOCABULARY = (
    "hey are you free tonight i miss you sorry was busy at work ok sure sounds good what time "
    "call me later love you haha yes no maybe tomorrow then did you eat can we talk about it "
    "i am home now see you soon that was nice thank you good night morning coffee dinner "
    "plans"
)
WORDS = tuple(_VOCABULARY.split())
LRM = "\u200e"
NNBSP = "\u202f"
NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class Event:
    """One generated line's meaning, before a variant writes it."""

    ts: datetime
    sender: str
    kind: str
    """text, media, deleted, call, system, edited"""
    text: str


def events(n: int, seed: int = 7) -> Iterator[Event]:
    """N events, the same for every variant."""
    rng = random.Random(seed)
    ts = datetime(2021, 3, 1, 8, 0)
    who = 0
    for index in range(n):
        gap = rng.random()
        if gap < 0.70:
            ts += timedelta(seconds=rng.randint(1, 240))
        elif gap < 0.97:
            ts += timedelta(minutes=rng.randint(5, 300))
        else:
            ts += timedelta(hours=rng.randint(6, 60))
        ts = ts.replace(second=0) if index % 2 else ts
        if rng.random() < 0.45:
            who = 1 - who
        roll = rng.random()
        if index == 0 or roll < 0.002:
            yield Event(ts, PEOPLE[who], "system", "")
        elif roll < 0.035:
            kind = rng.choice(("image", "audio", "video", "sticker"))
            yield Event(ts, PEOPLE[who], "media", kind)
        elif roll < 0.040:
            yield Event(ts, PEOPLE[who], "deleted", "")
        elif roll < 0.042:
            yield Event(ts, PEOPLE[who], "call", "")
        else:
            words = " ".join(rng.choices(WORDS, k=rng.randint(2, 13)))
            if roll < 0.12:
                words += "\n" + " ".join(rng.choices(WORDS, k=rng.randint(2, 8)))
            yield Event(ts, PEOPLE[who], "edited" if roll > 0.99 else "text", words)


def _twelve(ts: datetime, sep: str, ampm: tuple[str, str]) -> str:
    hour = ts.hour % 12 or 12
    return f"{hour}:{ts.minute:02}{sep}{ampm[ts.hour >= 12]}"


def _twelve_seconds(ts: datetime) -> str:
    return _twelve(ts, " ", ("AM", "PM")).replace(" ", f":{ts.second:02} ", 1)


SPANISH = ("a." + NBSP + "m.", "p." + NBSP + "m.")
Stamp = Callable[[datetime], str]


@dataclass(frozen=True)
class Variant:
    """How one kind of phone writes a line."""

    stamp: Stamp
    """Everything before the sender's name."""
    ios: bool


VARIANTS: dict[str, Variant] = {
    "android-24h-dmy": Variant(lambda t: f"{t:%d/%m/%Y, %H:%M} - ", ios=False),
    "android-12h-mdy": Variant(
        lambda t: f"{t.month}/{t.day}/{t:%y}, {_twelve(t, ' ', ('AM', 'PM'))} - ", ios=False),
    "android-12h-nnbsp": Variant(
        lambda t: f"{t.month}/{t.day}/{t:%y}, {_twelve(t, NNBSP, ('AM', 'PM'))} - ", ios=False),
    "android-es-pm": Variant(
        lambda t: f"{t.day}/{t.month}/{t:%y}, {_twelve(t, NBSP, SPANISH)} - ", ios=False),
    "android-ymd": Variant(lambda t: f"{t:%Y-%m-%d, %H:%M} - ", ios=False),
    "ios-12h-brackets-seconds": Variant(
        lambda t: f"[{t.month}/{t.day}/{t:%y}, {_twelve_seconds(t)}] ", ios=True),
    "ios-24h-dots": Variant(lambda t: f"[{t:%d.%m.%y, %H:%M:%S}] ", ios=True),
}


def render(event: Event, variant: Variant) -> str:
    """One event as this variant's phone writes it (without the final newline)."""
    stamp = variant.stamp(event.ts)
    if event.kind == "system":
        if variant.ios:
            return (f"{LRM}{stamp}{event.sender}: {LRM}Messages and calls are end-to-end "
                    "encrypted. No one outside of this chat, not even WhatsApp, can read or listen "
                    "to them.")
        return (f"{stamp}Messages and calls are end-to-end encrypted. No one outside of this "
                "chat, not even WhatsApp, can read or listen to them. Tap to learn more.")
    if event.kind == "media":
        body = f"{LRM}{event.text} omitted" if variant.ios else "<Media omitted>"
    elif event.kind == "deleted":
        body = f"{LRM}This message was deleted." if variant.ios else "This message was deleted"
    elif event.kind == "call":
        body = (f"{LRM}Missed voice call, {LRM}Tap to call back"
                if variant.ios else "<Media omitted>")
    elif event.kind == "edited":
        marker = f" {LRM if variant.ios else ''}<This message was edited>"
        body = event.text + marker
    else:
        body = event.text
    prefix = LRM if variant.ios and body.startswith(LRM) else ""
    return f"{prefix}{stamp}{event.sender}: {body}"


def generate(path: Path, n_messages: int, variant: str = "android-24h-dmy", seed: int = 7,
             crlf: bool = False, bom: bool = False) -> int:
    """Write an export of `n_messages` messages; return its size in bytes."""
    chosen = VARIANTS[variant]
    newline = "\r\n" if crlf else "\n"
    with path.open("w", encoding="utf-8", newline="") as out:
        if bom:
            out.write("\ufeff")
        batch: list[str] = []
        for event in events(n_messages, seed):
            batch.append(render(event, chosen).replace("\n", newline))
            if len(batch) >= 10_000:
                out.write(newline.join(batch) + newline)
                batch.clear()
        if batch:
            out.write(newline.join(batch) + newline)
    return path.stat().st_size


if __name__ == "__main__":
    target, count = Path(sys.argv[1]), int(sys.argv[2])
    size = generate(target, count, sys.argv[3] if len(sys.argv) > 3 else "android-24h-dmy")
    print(f"{target}: {count} messages, {size / 1e6:.1f} MB")
