"""Pattern evidence over 1,000,000 messages: the whole report, against a counting floor.

    .venv/bin/python bench/patterns.py [--messages N] [--runs R]

Generates a two-person chat deterministically in memory (generation is not timed): about
seven years of messages whose rhythm drifts (warm stretches, slower replies, bursts of
unanswered messages, silences), with ordinary chat wording and a sprinkling of plans.
Times `build_report` (median of R runs, wall clock and processor time) and, in the same run,
a floor: one Python pass that only counts messages per sender. Prints both and their ratio;
writes bench/out/patterns.json.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from clearheart.domain.chat import Columns, Kind, Message
from clearheart.domain.patterns.report import build_report
from clearheart.services.patterns import collector_paused
from harness import report, summary, timings

ME, PARTNER = "Alex", "Sam"
GOAL_S = 2.0

_VOCABULARY = (
    "i you the to a and it is that me my so do we in of for not just what was be this on "
    "have are but no yes ok okay like know can get go love good lol haha how now time "
    "today home work really think well if all your at with when up out about going want "
    "see one back there would day too sorry will night tomorrow tonight still did here "
    "then need much more been right thanks thank feel make said oh yeah miss also why "
    "sure because went food tired sleep morning call later come fine great babe hope nice "
    "last week said mum dad friend she he they them who something nothing anything maybe "
    "bit little long way thing things people car train bus late early soon again bed "
    "shower dinner lunch coffee cute funny weird crazy busy free happy sad sick hungry "
    "watching reading cooking working meeting office boss phone text message picture"
)
_WORDS = _VOCABULARY.split()
_SHORT = (
    "ok", "okay", "haha", "hahaha", "lol", "yes", "yeah", "no", "love you", "love you too",
    "good night", "good morning", "thanks", "omg", "❤️", "😂", "ok cool", "sure", "xx",
    "on my way", "home now", "miss you", "what?", "really?", "nice", "awesome", "sorry",
)
_PLANS = (
    "want to grab dinner on friday?", "are you free tomorrow night?", "let's meet up at 7",
    "how about thursday instead?", "sounds good, see you at 8", "can't make it tonight, sorry",
    "I'm free to talk later if you want", "can we move it to saturday?", "rain check?",
    "it's a date", "shall we get coffee this weekend?", "something came up, I need to cancel",
    "see you tomorrow", "yes!", "maybe another time",
)


def _text(rng: random.Random, weights: list[float]) -> str:
    roll = rng.random()
    if roll < 0.30:
        return rng.choice(_SHORT)
    if roll < 0.31:
        return rng.choice(_PLANS)
    words = rng.choices(_WORDS, weights, k=max(1, int(rng.expovariate(1 / 7))))
    text = " ".join(words)
    if rng.random() < 0.12:
        text += "?"
    return text.capitalize() if rng.random() < 0.5 else text


def generate(count: int, seed: int = 7) -> list[Message]:
    """A deterministic two-person chat of `count` entries (a few are calls and notices)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(_WORDS))]
    messages: list[Message] = []
    now = datetime(2020, 1, 6, 8, 0)
    sender = ME
    week = 0
    pursue = 0.5
    while len(messages) < count:
        if now.isocalendar()[1] != week:
            week = now.isocalendar()[1]
            pursue = min(0.9, max(0.1, pursue + rng.gauss(0, 0.08)))
        if rng.random() < 0.002:
            messages.append(Message(now, sender, Kind.CALL, "Missed voice call"))
        elif rng.random() < 0.001:
            messages.append(Message(now, "", Kind.SYSTEM, "Messages are end-to-end encrypted"))
        elif rng.random() < 0.03:
            messages.append(Message(now, sender, Kind.MEDIA, "<Media omitted>"))
        else:
            messages.append(Message(now, sender, Kind.TEXT, _text(rng, weights)))
        switch = rng.random() < (1 - pursue if sender == ME else pursue + 0.1)
        if switch:
            sender = PARTNER if sender == ME else ME
        roll = rng.random()
        if roll < 0.0001:
            wait = rng.uniform(48, 120) * 3600
        elif roll < 0.01:
            wait = rng.expovariate(1 / (2 * 3600))
        else:
            wait = rng.expovariate(1 / (40 if not switch else 30 + 300 * pursue))
        now += timedelta(seconds=int(wait) + 1)
        if now.hour >= 23 and rng.random() < 0.3:
            # Bed: the next message comes in the morning.
            morning = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
            now = morning + timedelta(hours=7, seconds=rng.randrange(7200))
    return messages


def floor(messages: Columns) -> dict[str, int]:
    """One pass in plain Python over the same columns, counting messages per sender."""
    counts: dict[str, int] = {}
    for sender in messages.senders:
        counts[sender] = counts.get(sender, 0) + 1
    return counts


def _cpu_times(fn: Callable[[], object], runs: int) -> list[float]:
    """Processor time of this process alone: steadier than the wall clock when other
    programs share the two cores."""
    samples = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        samples.append(time.process_time() - start)
    return samples


def service_build(messages: Columns) -> object:
    """The report as PatternService builds it: with the cyclic collector paused."""
    with collector_paused():
        return build_report(messages, ME)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    # The service reads a chat back from the store as Columns; the report starts from those.
    messages = Columns.of(generate(args.messages))
    generated = time.perf_counter() - started
    ours = timings(lambda: service_build(messages), args.runs, warmup=1)
    base = timings(lambda: floor(messages), args.runs, warmup=1)
    cpu = _cpu_times(lambda: service_build(messages), args.runs)
    found = build_report(messages, ME)
    result = {
        "messages": len(messages),
        "person_messages": found.basis.messages,
        "weeks": found.basis.weeks,
        "generation_s": round(generated, 2),
        "report": summary(ours),
        "report_cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
        "floor_count_per_sender": summary(base),
        "ratio": round(statistics.median(ours) / statistics.median(base), 1),
        "goal_ms": GOAL_S * 1000,
        "goal_met": statistics.median(ours) < GOAL_S,
    }
    report("patterns", result)


if __name__ == "__main__":
    main()
