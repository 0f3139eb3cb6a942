"""Settings: a discreet name, auto-lock, the quick-exit destination, practice times."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time
from functools import partial
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.practices import WEEKDAYS, Schedule
from clearheart.domain.preferences import Preferences, clean, parse_time
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.web.render import Fields, form_of, html, notify, see_other, sentence, state_of

TIMES = ("morning", "evening_opens", "evening", "weekly_time")
FIELDS = ("display_name", "idle_minutes", "exit_url", "weekly_day", *TIMES)
_T = TypeVar("_T")


def values_of(prefs: Preferences) -> Fields:
    s = prefs.schedule
    return Fields(
        display_name=prefs.display_name,
        idle_minutes=f"{prefs.idle_minutes:g}",
        exit_url=prefs.exit_url,
        weekly_day=str(s.weekly_day),
        morning=f"{s.morning:%H:%M}",
        evening_opens=f"{s.evening_opens:%H:%M}",
        evening=f"{s.evening:%H:%M}",
        weekly_time=f"{s.weekly_time:%H:%M}",
    )


def settings_page(request: Request, *, values: Fields | None = None,
                  errors: Fields | None = None, status: int = 200) -> Response:
    state = state_of(request)
    state.require()
    return html(request, "settings.html", "Settings", {
        "values": values or values_of(state.prefs),
        "errors": errors or Fields(),
        "weekdays": WEEKDAYS,
        "idle_override": state.idle_minutes_override,
        "home": str(state.home),
    }, status)


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InvalidInput("idle_minutes", "type a number of minutes, like 10") from None

WEEKDAY_NUMBERS = Bounds(0, 6, "choose a day of the week")


def _weekday(text: str) -> int:
    return read_whole(text, "weekly_day", WEEKDAY_NUMBERS)


def save(request: Request) -> Response:
    """Check every field on its own so all problems show at once, then save together."""
    state = state_of(request)
    workspace = state.require()
    form = form_of(request)
    values = Fields({name: str(form.get(name, "")).strip() for name in FIELDS})
    errors = Fields()

    def attempt(check: Callable[[], _T]) -> _T | None:
        try:
            return check()
        except InvalidInput as exc:
            errors.setdefault(exc.field, sentence(exc.reason))
            return None

    base = Preferences()
    attempt(lambda: clean(replace(base, display_name=values["display_name"])))
    attempt(lambda: clean(replace(base, exit_url=values["exit_url"])))
    idle = attempt(lambda: _number(values["idle_minutes"]))
    if idle is not None:
        attempt(lambda: clean(replace(base, idle_minutes=idle)))
    day = attempt(lambda: _weekday(values["weekly_day"]))
    parsed = {name: attempt(partial(parse_time, name, values[name])) for name in TIMES}
    times: dict[str, time] = {k: v for k, v in parsed.items() if v is not None}
    saved = None
    if not errors and idle is not None and day is not None:
        saved = attempt(lambda: workspace.save_preferences(Preferences(
            display_name=values["display_name"],
            idle_minutes=idle,
            exit_url=values["exit_url"],
            schedule=Schedule(
                morning=times["morning"],
                evening=times["evening"],
                evening_opens=times["evening_opens"],
                weekly_day=day,
                weekly_time=times["weekly_time"],
            ),
        )))
    if saved is None:
        return settings_page(request, values=values, errors=errors, status=400)
    state.remember(saved)
    notify(request, "Saved.")
    return see_other("/settings")


routes = [
    Route("/settings", settings_page, methods=["GET"]),
    Route("/settings", save, methods=["POST"]),
]
