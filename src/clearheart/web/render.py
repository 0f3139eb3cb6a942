"""Turning a template into a response, with what every page needs in its context."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

import jinja2
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from clearheart.content.help_copy import load_help_copy
from clearheart.content.lesson_copy import load_lessons
from clearheart.content.loader import load_emotions
from clearheart.content.practice_copy import load_practice_copy
from clearheart.domain.lessons import MOMENTS, Lesson
from clearheart.domain.practices import WEEKDAYS
from clearheart.domain.safety import OPEN, Gate
from clearheart.errors import ClearheartError, InvalidInput
from clearheart.web.sessions import COOKIE, Session
from clearheart.web.state import AppState

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

SESSION_KEY = "clearheart.session"
FORM_KEY = "clearheart.form"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def when(moment: datetime) -> str:
    """"Tuesday 4 March 2025, 21:10", in the time zone the entry was written in."""
    day = moment.date()
    return f"{WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}, " \
        f"{moment:%H:%M}"


def long_day(day: date) -> str:
    """"Tuesday 4 March"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def day_month(day: date, year: int) -> str:
    """"3 December", with the year when it is not `year` ("3 December 2025")."""
    return f"{day.day} {_MONTHS[day.month - 1]}" + ("" if day.year == year else f" {day.year}")


def short_day(day: date) -> str:
    """"Tue 4 March"."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1]}"


def mood_label(score: int) -> str:
    return load_emotions().label(score)


def sentence(reason: str) -> str:
    """A service's reason ("write a few words") as a sentence to show by a field."""
    text = reason.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


class Fields(dict[str, Any]):
    """Form values or errors by field name; a missing field reads as empty in templates."""

    def __missing__(self, key: str) -> str:
        return ""


def field_error(error: InvalidInput) -> Fields:
    return Fields({error.field: sentence(error.reason)})


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("clearheart.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters.update(when=when, short_day=short_day, day_month=day_month, mood_label=mood_label)


def lesson_at(place: str) -> Lesson:
    """The lesson offered at `place` (domain/lessons.py MOMENTS; _lesson_link.html)."""
    return load_lessons().lesson(MOMENTS[place])


_ENV.globals.update(
    practice_names={practice: copy.title for practice, copy in load_practice_copy().items()},
    lesson_at=lesson_at,
)


def state_of(request: Request) -> AppState:
    return cast(AppState, request.app.state.clearheart)


def session_of(request: Request) -> Session | None:
    return cast("Session | None", request.scope.get(SESSION_KEY))


def form_of(request: Request) -> FormData:
    """The urlencoded body, parsed once by the security middleware (it needed the token)."""
    return cast(FormData, request.scope.get(FORM_KEY) or FormData())


def gate_of(state: AppState) -> Gate:
    """The safety gate (services/safety.py); open when locked, where no coaching shows."""
    if state.workspace is None:
        return OPEN
    try:
        return state.workspace.safety.gate()
    except (ClearheartError, SQLAlchemyError):
        # An error page must still render (e.g. the vault locked itself mid-request); it
        # holds no coaching, so the open gate changes nothing there.
        return OPEN


def help_context(workspace: Workspace) -> dict[str, Any]:
    """What the help partials need (_help_now, _help_people, _crisis): the person's country
    and the directory of helplines."""
    return {"country": workspace.help.country(), "directory": workspace.help.directory()}


DANGER_WORDS = {
    "fear": "being afraid", "harm": "being hurt", "threat": "threats",
    "control": "being controlled", "monitoring": "being watched or checked on",
}
"""The kinds of danger from a partner, as the help pages say them."""


def danger_words(kinds: tuple[str, ...]) -> str:
    """"being afraid and being controlled"."""
    words = [DANGER_WORDS.get(kind, kind) for kind in kinds]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def crisis_context(workspace: Workspace, text: str) -> dict[str, Any]:
    """For a page that shows what was just written (the pause's check): crisis words first
    (_crisis.html), and the danger check-in (_checkin.html)."""
    noticed = workspace.safety.read_danger(text)
    return {"crisis": workspace.safety.crisis_of(text), "crisis_copy": load_help_copy().crisis,
            "checkin": noticed if noticed.kinds else None, **help_context(workspace)}


class Quiet:
    """Where coaching rests, the first resting block on a page says why (once per page)."""

    def __init__(self) -> None:
        self.shown = False

    def first(self) -> bool:
        first, self.shown = not self.shown, True
        return first

    def hush(self) -> str:
        """For a page that explains itself in full (it shows help instead): no note."""
        self.shown = True
        return ""


def html(request: Request, template: str, title: str, context: dict[str, Any] | None = None,
         status: int = 200) -> HTMLResponse:
    """Render a page; `title` becomes "Title · Name" in the tab and the history."""
    state = state_of(request)
    session = session_of(request)
    base: dict[str, Any] = {
        "request": request,
        "title": title,
        "site_name": state.prefs.display_name,
        "csrf": session.csrf if session else "",
        "signed_in": bool(session and session.authenticated and state.unlocked),
        "idle_minutes": f"{state.idle_seconds() / 60:g}",
        "exit_url": state.prefs.exit_url,
        "notice": session.take_notice() if session else None,
        "path": request.url.path,
    }
    gate = gate_of(state)
    base |= {"gate": gate, "coaching_on": gate.coaching, "quiet": Quiet(), "crisis": None,
             "checkin": None, "danger_words": danger_words}
    crisis = session.take_crisis() if session else None
    checkin = session.take_checkin() if session else None
    if (crisis or checkin) and state.workspace is not None:
        base |= {"crisis": crisis, "checkin": checkin, "crisis_copy": load_help_copy().crisis,
                 **help_context(state.workspace)}
    context = base | (context or {})
    context["errors"] = Fields(context.get("errors") or {})
    body = _ENV.get_template(template).render(context)
    return HTMLResponse(body, status_code=status)


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def notify(request: Request, notice: str) -> None:
    """Leave a one-line notice for the next page this browser shows."""
    session = session_of(request)
    if session is not None:
        session.notice = notice


def after_writing(request: Request, workspace: Workspace, text: str) -> None:
    """After saving words the person wrote: crisis words put help first on the next page, and
    danger from a partner brings the check-in (the reading was made, and cached, as the words
    were saved)."""
    session = session_of(request)
    if session is None:
        return
    crisis = workspace.safety.crisis_of(text)
    noticed = workspace.safety.read_danger(text)
    session.crisis = crisis or None
    session.checkin = noticed if noticed.kinds else None


def set_session_cookie(response: Response, session: Session) -> None:
    """HttpOnly, SameSite=Strict, whole site; not Secure, as loopback is plain http."""
    response.set_cookie(COOKIE, session.id, path="/", httponly=True, samesite="strict")
