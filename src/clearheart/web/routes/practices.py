"""The practices page: what each one is, what was done lately, and the calendar file."""

from __future__ import annotations

from datetime import timedelta

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.content.practice_copy import load_practice_copy
from clearheart.domain.journal import Practice
from clearheart.domain.practices import WEEKDAYS
from clearheart.services.practices import HISTORY_DAYS
from clearheart.web.render import html, state_of


def practices_page(request: Request) -> Response:
    state = state_of(request)
    workspace = state.require()
    history = workspace.practices.history(HISTORY_DAYS)
    schedule = state.prefs.schedule
    since = workspace.clock.now().date() - timedelta(days=HISTORY_DAYS - 1)
    return html(request, "practices.html", "Practices", {
        "copy": load_practice_copy(),
        "order": tuple(Practice),
        "history": history,
        "since": since,
        "times": {
            Practice.MORNING_INTENTION: f"Any time of day; the reminder comes at "
                                        f"{schedule.morning:%H:%M}.",
            Practice.EVENING_REFLECTION: f"From {schedule.evening_opens:%H:%M}; the reminder "
                                         f"comes at {schedule.evening:%H:%M}.",
            Practice.WEEKLY_APPRECIATION: f"Once a week; your day is "
                                          f"{WEEKDAYS[schedule.weekly_day]}, with a reminder "
                                          f"at {schedule.weekly_time:%H:%M}.",
        },
    })


def calendar(request: Request) -> Response:
    """The schedule as an .ics file: neutral wording only, never anything written here."""
    workspace = state_of(request).require()
    text = workspace.practices.calendar(workspace.vault_id())
    return Response(text, media_type="text/calendar", headers={
        "Content-Disposition": 'attachment; filename="schedule.ics"',
    })


routes = [
    Route("/practices", practices_page, methods=["GET"]),
    Route("/practices/calendar.ics", calendar, methods=["GET"]),
]
