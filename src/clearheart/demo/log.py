"""The demo's behaviour log: six months of what Alex noted, following the story's chapters.

A few entries carry a note and fall on the days the journal tells about (the
cottage weekend, the Saturday called off, the fight and the two days of
silence, his repair, the calm request, the limit said once). Around them, a
seeded draw adds the everyday entries at each chapter's own rates: bids
mostly met at first, then more often missed; more chasing in the hard weeks;
more giving space and soothing herself as the months go on. The same `today`
always gives the same log.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS, load_story
from clearheart.domain.behaviour import Draft

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

LOG_SEED = 20_240_519


@dataclass(frozen=True, slots=True)
class Rates:
    """Entries per week in a chapter, by kind; a fraction is a chance of one more."""

    bids: float
    toward: float
    """Share of bids met by turning toward; the rest split between away and against."""
    against: float
    """Share of the missed bids that were met with an edge rather than silence."""
    weekly: dict[str, float]


RATES: dict[str, Rates] = {
    "warm": Rates(
        4.5, 0.86, 0.0, {"quality_time": 2.2, "plan_made": 1.2, "plan_kept": 1.0, "need_met": 0.8}
    ),
    "closer": Rates(
        4.0,
        0.75,
        0.1,
        {
            "quality_time": 2.0,
            "plan_kept": 0.8,
            "need_met": 0.6,
            "they_withdrew": 0.4,
            "i_pursued": 0.3,
        },
    ),
    "pulling-back": Rates(
        5.0,
        0.38,
        0.2,
        {
            "they_withdrew": 1.6,
            "i_pursued": 2.2,
            "plan_cancelled": 0.7,
            "need_unmet": 1.0,
            "quality_time": 0.4,
            "repair_mine_missed": 0.4,
            "i_soothed_myself": 0.2,
        },
    ),
    "fight-and-repair": Rates(
        3.0, 0.35, 0.4, {"they_withdrew": 1.0, "i_pursued": 1.0, "i_soothed_myself": 0.8}
    ),
    "quiet": Rates(
        3.0,
        0.5,
        0.1,
        {
            "they_withdrew": 1.0,
            "i_gave_space": 1.0,
            "i_soothed_myself": 1.2,
            "i_pursued": 0.4,
            "repair_mine_accepted": 0.2,
            "repair_theirs_missed": 0.1,
            "quality_time": 0.6,
            "need_unmet": 0.6,
        },
    ),
    "needs": Rates(
        4.0,
        0.6,
        0.1,
        {
            "they_withdrew": 0.7,
            "i_gave_space": 1.0,
            "i_soothed_myself": 1.2,
            "i_said_need": 0.6,
            "i_asked_once": 0.4,
            "quality_time": 1.0,
            "plan_kept": 0.6,
            "need_met": 0.6,
            "i_pursued": 0.3,
            "repair_mine_accepted": 0.3,
            "repair_theirs_accepted": 0.2,
        },
    ),
    "boundary": Rates(
        4.0,
        0.66,
        0.05,
        {
            "they_withdrew": 0.6,
            "i_gave_space": 1.1,
            "i_soothed_myself": 1.0,
            "i_said_need": 0.5,
            "i_asked_once": 0.7,
            "quality_time": 1.2,
            "plan_kept": 0.8,
            "need_met": 0.8,
            "i_pursued": 0.2,
            "repair_theirs_accepted": 0.3,
            "repair_mine_accepted": 0.2,
        },
    ),
    "steadier": Rates(
        4.0,
        0.7,
        0.05,
        {
            "they_withdrew": 0.4,
            "i_gave_space": 0.9,
            "i_soothed_myself": 0.8,
            "i_said_need": 0.5,
            "i_asked_once": 0.6,
            "quality_time": 1.3,
            "plan_kept": 0.9,
            "need_met": 0.9,
            "plan_cancelled": 0.3,
            "repair_theirs_accepted": 0.3,
            "repair_mine_missed": 0.1,
        },
    ),
}

SCRIPT: tuple[tuple[int, str, str, str], ...] = (
    (2, "08:05", "bid_toward", "Sent a photo of the fox in the garden; he rang within minutes."),
    (14, "20:40", "plan_made", "He booked a weekend at a cottage, all his own idea."),
    (29, "21:15", "quality_time", "Cottage weekend. Rain, a fire, hours of talking."),
    (32, "15:30", "plan_kept", "Lunch with his sister, as he'd planned."),
    (35, "19:10", "bid_away", "Asked how his day was. One word, then nothing for hours."),
    (43, "22:30", "i_pursued", "He said 'probably'. I wrote a long reply explaining myself."),
    (46, "16:05", "plan_cancelled", "Saturday called off at four: he needed a quiet weekend."),
    (48, "23:50", "they_withdrew", "Four messages from me tonight. Seen, no reply."),
    (48, "23:55", "i_pursued", "Sent the fourth one anyway: 'hope you're ok'."),
    (58, "22:40", "need_unmet", "He said he'd ring at eight. It was past ten, and brief."),
    (61, "18:20", "plan_cancelled", "The third plan off this month."),
    (63, "23:10", "conflict", "In the car after Nina's dinner. I opened with 'never'."),
    (64, "13:00", "i_pursued", "Rang twice, then three messages. Nothing back."),
    (64, "22:00", "they_withdrew", "A whole day of silence."),
    (65, "21:30", "they_withdrew", "Second day of silence."),
    (
        66,
        "20:00",
        "i_soothed_myself",
        "Ellie came round with crumpets. I let myself be looked after.",
    ),
    (
        67,
        "21:45",
        "repair_theirs_accepted",
        "He came round and said he'd felt ashamed about being late. I listened.",
    ),
    (
        69,
        "19:30",
        "repair_mine_accepted",
        "Suggested a phrase for taking twenty minutes out. He said yes.",
    ),
    (79, "08:30", "i_gave_space", "Didn't send the first good-morning. Let the day start quietly."),
    (88, "01:20", "i_soothed_myself", "Awake again. Long out-breaths instead of opening the chat."),
    (93, "11:00", "i_said_need", "Asked for one plan on the calendar each week, as a request."),
    (93, "11:05", "need_met", "He said 'that's fair'."),
    (93, "11:06", "named_took_on", "He listened all the way through before answering."),
    (97, "19:30", "plan_kept", "He booked the table himself and was there before me."),
    (108, "18:00", "plan_cancelled", "Thursday off: a work thing he'd forgotten."),
    (109, "09:15", "i_said_need", "Asked to move it to Friday, and didn't apologise."),
    (109, "09:20", "named_brushed_off", "'Sure, whatever works.' Then back to his phone."),
    (124, "20:30", "bid_away", "Asked about Ellie's barbecue. Two days, no reply."),
    (125, "19:00", "i_asked_once", "Said it once, calmly, then went to choir."),
    (125, "19:02", "named_turned_back", "He said I was making it a bigger thing than it was."),
    (126, "08:10", "repair_theirs_accepted", "'I go quiet when I don't know what to say.'"),
    (131, "12:30", "need_met", "He suggested Thursday and a Sunday walk before I asked."),
    (137, "22:00", "they_withdrew", "Away for work. One short message a day."),
    (142, "20:15", "bid_toward", "A silly fridge magnet from his trip. We cooked together."),
    (148, "19:45", "plan_kept", "He came to the audition, then left early for a call."),
    (155, "22:30", "quality_time", "We talked about what each of us does when scared."),
    (155, "22:45", "i_said_need", "Said a heads-up when he's running late would help me."),
    (155, "22:50", "named_took_on", "He said he hadn't seen it that way and would try."),
    (161, "21:00", "bid_away", "Asked about the holidays. Two days before an answer."),
    (163, "22:10", "need_unmet", "He couldn't come to the solo. Flowers came instead."),
)


STEPS: dict[tuple[int, str], str] = {
    (108, "plan_cancelled"): "quiet-after-close",
    (124, "bid_away"): "unanswered-question",
    (137, "they_withdrew"): "goes-quiet",
    (161, "bid_away"): "unanswered-question",
}
"""Scripted entries Alex linked to a step of her cycle map (demo/cycle.py),
by story day and kind; each is linked only if a map with that step is in the vault."""


def _count(rate: float, rng: random.Random) -> int:
    return int(rate) + (1 if rng.random() < rate - int(rate) else 0)


def _time_of_day(rng: random.Random) -> time:
    return time(rng.randint(7, 22), rng.choice((0, 10, 15, 25, 30, 40, 45, 55)))


def demo_log_events(rng: random.Random) -> list[tuple[int, time, str, str | None]]:
    """(story day, local time, kind, note) for the whole story, in no particular order."""
    story = load_story()
    events: list[tuple[int, time, str, str | None]] = [
        (day, time.fromisoformat(at), kind, note) for day, at, kind, note in SCRIPT
    ]
    for week_start in range(0, STORY_DAYS, 7):
        days = range(week_start, min(week_start + 7, STORY_DAYS))
        rates = RATES[
            story.chapter_of(week_start + 3 if week_start + 3 < STORY_DAYS else week_start).name
        ]
        picks: list[str] = []
        for _ in range(_count(rates.bids, rng)):
            if rng.random() < rates.toward:
                picks.append("bid_toward")
            else:
                picks.append("bid_against" if rng.random() < rates.against else "bid_away")
        for kind, rate in rates.weekly.items():
            picks += [kind] * _count(rate, rng)
        events += [(rng.choice(days), _time_of_day(rng), kind, None) for kind in picks]
    return events


def store_demo_log(workspace: Workspace, start: date, until: datetime | None = None) -> int:
    """Write the demo log into the vault; with `until`, nothing later than it."""
    maps: dict[str, int] = {}
    for choice in workspace.log.cycle_steps():  # newest map first
        maps.setdefault(choice.step_id, choice.map_id)
    drafts = []
    for day, at, kind, note in demo_log_events(random.Random(LOG_SEED)):
        moment = datetime.combine(start + timedelta(days=day), at).astimezone()
        if until is not None and moment > until:
            continue
        step = STEPS.get((day, kind)) if note else None
        map_id = maps.get(step) if step else None
        drafts.append(Draft(kind, moment, note, map_id, step if map_id else None))
    drafts.sort(key=lambda d: d.at)
    last = max((d.at for d in drafts), default=None)
    return workspace.log.add_many(drafts, now=last)
