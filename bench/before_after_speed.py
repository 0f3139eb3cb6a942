"""Before and after a day over 1,000,000 messages: the work beside the report, against it.

    .venv/bin/python bench/before_after_speed.py [--messages N] [--runs R]

The same deterministic seven-year chat as bench/patterns.py. The service keeps the pattern
report, so what a comparison adds is: the replies cut into weeks (a second timeline),
the weekly series, the step test at a middle day for every figure, and the search for
shifts (ruptures) on the searched figures. Timed (median of R runs after a warm-up)
beside the peer in the same run: build_report on the same columns, the work the page
already does once. Writes bench/out/before_after_speed.json.
"""

from __future__ import annotations

import argparse
import statistics

from clearheart.domain.before_after.chat_series import chat_series, weekly_replies
from clearheart.domain.before_after.compare import compare
from clearheart.domain.chat import Columns
from clearheart.domain.patterns.report import Settings, build_report
from clearheart.domain.patterns.timeline_build import build_timeline
from clearheart.services.before_after import SHIFT_FIGURES, find_shift
from clearheart.services.patterns import collector_paused
from harness import report, summary, timings
from patterns import ME, generate


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    messages = Columns.of(generate(args.messages))
    built = build_report(messages, ME)
    assert built.basis.first is not None and built.basis.last is not None
    middle = built.basis.first + (built.basis.last - built.basis.first) / 2

    def beside() -> object:
        with collector_paused():
            mine, theirs = weekly_replies(build_timeline(messages, ME), Settings())
            found = chat_series(built, mine, theirs)
            compared = [compare(s, middle.date()) for s in found]
            shifts = [find_shift(s) for s in found if s.figure in SHIFT_FIGURES]
            return compared, shifts

    def peer() -> object:
        with collector_paused():
            return build_report(messages, ME)

    ours = timings(beside, args.runs, warmup=1)
    base = timings(peer, args.runs, warmup=1)
    report(
        "before_after_speed",
        {
            "messages": len(messages),
            "weeks": built.basis.weeks,
            "before_after": summary(ours),
            "peer_build_report": summary(base),
            "ratio": round(statistics.median(ours) / statistics.median(base), 2),
        },
    )


if __name__ == "__main__":
    main()
