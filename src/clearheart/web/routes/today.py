"""The today page: what is open among the practices, and a question for the day."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.content.loader import load_prompts
from clearheart.domain.journal import Entry, Practice
from clearheart.domain.practices import WEEKDAYS, State
from clearheart.domain.prompts import prompt_for_day
from clearheart.errors import InvalidInput, NotFound
from clearheart.services.journal import JournalService
from clearheart.services.practices import DueView
from clearheart.web.render import (
    Fields,
    after_writing,
    field_error,
    form_of,
    html,
    long_day,
    notify,
    see_other,
    state_of,
)

TODAY_NUDGES = 2
"""At most this many gentle nudges about people (services/support.py) show here."""


@dataclass(frozen=True, slots=True)
class Card:
    """One practice as the page shows it."""

    item: DueView
    entry: Entry | None
    primary: bool
    kept: Fields
    errors: Fields

    @property
    def id(self) -> str:
        return self.item.due.practice.value

    @property
    def state(self) -> str:
        return self.item.due.state.value


def today_page(request: Request, *, practice: Practice | None = None,
               kept: Fields | None = None, errors: Fields | None = None,
               status: int = 200) -> Response:
    """Render today; after a failed save, `practice` keeps its text and shows the error."""
    state = state_of(request)
    workspace = state.require()
    view = workspace.practices.today()
    now = workspace.clock.now()
    first_open = next(
        (i.due.practice for i in view.items
         if i.due.state is State.OPEN and i.due.suggested_today), None,
    )
    cards = []
    for item in view.items:
        mine = item.due.practice is practice
        cards.append(Card(
            item=item,
            entry=_entry(workspace.journal, item.due.entry_id),
            primary=item.due.practice is first_open,
            kept=(kept or Fields()) if mine else Fields(),
            errors=(errors or Fields()) if mine else Fields(),
        ))
    schedule = state.prefs.schedule
    coaching = workspace.safety.coaching()
    return html(request, "today.html", "Today", {
        "view": view,
        "cards": cards,
        "today_label": long_day(now.date()),
        "prompt": prompt_for_day(load_prompts(), now.date(), coaching=coaching),
        "evening_opens": schedule.evening_opens.strftime("%H:%M"),
        "weekly_day": WEEKDAYS[schedule.weekly_day],
        "due": workspace.support.due()[:TODAY_NUDGES],
    }, status)


def _entry(journal: JournalService, entry_id: int | None) -> Entry | None:
    if entry_id is None:
        return None
    try:
        return journal.get(entry_id)
    except NotFound:
        return None


def complete(request: Request) -> Response:
    """Save a practice from its card. Without JS: redirect; with htmx: the card is swapped."""
    form = form_of(request)
    try:
        practice = Practice(str(form.get("practice", "")))
    except ValueError:
        raise InvalidInput("practice", "choose one of the three practices") from None
    text = str(form.get("text", ""))
    moment = str(form.get("moment", "")) or None
    workspace = state_of(request).require()
    try:
        workspace.practices.complete(practice, text, moment)
    except InvalidInput as exc:
        return today_page(request, practice=practice, kept=Fields(text=text, moment=moment or ""),
                          errors=field_error(exc), status=400)
    notify(request, "Saved.")
    after_writing(request, workspace, text)
    return see_other(f"/today#{practice.value}")


routes = [
    Route("/today", today_page, methods=["GET"]),
    Route("/today", complete, methods=["POST"]),
]
