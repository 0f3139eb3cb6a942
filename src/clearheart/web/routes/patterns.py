"""The patterns page of one chat: each chart with its reading and the data it rests on.

Reports are worked out once and kept in memory by one PatternService per open
vault: a repeat view costs a lookup and the drawing. When the vault locks its
Workspace goes away, and with it every kept report (see `service_of`).
"""

from __future__ import annotations

import weakref
from datetime import date

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.letting_go.since_start import sentence as since_sentence
from clearheart.domain.patterns.wording import day
from clearheart.errors import InvalidInput, UnusableSplit
from clearheart.services import before_after
from clearheart.services.patterns import PatternService
from clearheart.web import before_after_view as split_view
from clearheart.web import pattern_view as view
from clearheart.web.chat_view import view_of
from clearheart.web.render import Fields, html, see_other, sentence, state_of

_SLOT = "clearheart_patterns"
INLINE_MOST = 200_000
"""Chats up to this many messages are worked out while the page loads (a second or so);
longer ones in the background, with a page that says so and looks again by itself."""
AGAIN_SECONDS = 2


def service_of(request: Request) -> PatternService:
    """The open vault's PatternService, made on first use and dropped with the vault."""
    workspace = state_of(request).require()
    slot = getattr(request.app.state, _SLOT, None)
    if slot is not None and slot[0]() is workspace:
        service: PatternService = slot[1]
        return service
    service = PatternService(workspace.chats, workspace.journal)
    # Locking closes and drops the Workspace; its reports must not outlive it in memory.
    weakref.finalize(workspace, service.clear)
    setattr(request.app.state, _SLOT, (weakref.ref(workspace), service))
    return service


def warm(request: Request, chat_id: int) -> None:
    """Start working out a chat's whole-history report now, so the patterns page is
    ready by the time the person opens it (right after an import or choosing "me")."""
    service_of(request).prepare(chat_id)


def forget(request: Request, chat_id: int) -> None:
    """Drop whatever was worked out for a chat (it was deleted)."""
    service_of(request).forget(chat_id)


def _day(text: str, name: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(name, "write the date as year-month-day, like 2024-03-31") from None


def patterns_page(request: Request) -> Response:
    chat = view_of(request)
    if chat.info.me is None:
        return see_other(f"/chats/{chat.id}/me")
    params = request.query_params
    values = Fields(since=params.get("since", ""), until=params.get("until", ""))
    errors = Fields()
    since = until = None
    for name in ("since", "until"):
        try:
            day = _day(values[name], name)
        except InvalidInput as exc:
            errors[name] = sentence(exc.reason)
            continue
        if name == "since":
            since = day
        else:
            until = day
    if since and until and until < since:
        errors["until"] = "The end date comes before the start date."
        until = None
    service = service_of(request)
    report = service.at_hand(chat.info, since, until, inline_most=INLINE_MOST)
    if report is None:
        response = html(request, "patterns_wait.html", "Patterns", {"chat": chat})
        # The Refresh header, not a script: it works without JavaScript and under the CSP.
        response.headers["Refresh"] = str(AGAIN_SECONDS)
        return response
    context = view.page(report, chat.shown, service.mood)
    split_errors = Fields()
    split = before_after_section(request, chat.id, service, values, split_errors)
    return html(
        request,
        "patterns.html",
        "Patterns",
        {
            "chat": chat,
            "values": values,
            "errors": errors,
            "filtered": bool(since or until),
            "split_errors": split_errors,
            **context,
            **split,
            **since_no_contact(
                request, chat.id, chat.shown(chat.partner) if chat.partner else "the others"
            ),
        },
        400 if errors or split_errors else 200,
    )


def since_no_contact(request: Request, chat_id: int, them: str) -> dict[str, object]:
    """The chat after the no-contact start, as evidence to look at: its sentence and the
    start day (for a link to the patterns from then on), or nothing to show."""
    nocontact = state_of(request).require().nocontact
    found = nocontact.in_chat(chat_id)
    said = since_sentence(found, them) if found else None
    rules = nocontact.rules()
    if found is None or said is None or rules is None:
        return {"since_start": None}
    return {
        "since_start": {
            "text": said.text,
            "day": found.started_on.isoformat(),
            "exceptions": bool(rules.rules.exceptions),
        }
    }


def before_after_section(
    request: Request, chat_id: int | None, service: PatternService, values: Fields, errors: Fields
) -> dict[str, object]:
    """The "Before and after" section: asked for once its form is sent (`compare` given).

    The date typed wins over a journal entry picked; with neither, only the shifts show.
    Without a chat (the weighing-up pages) the log's shares and the mood are compared and
    no shifts are looked for.
    """
    workspace = state_of(request).require()
    params = request.query_params
    values["split"] = params.get("split", "")
    values["entry"] = params.get("entry", "")
    found: dict[str, object] = {
        "entries": split_view.entry_choices(workspace.journal.all()),
        "asked": "compare" in params,
        "no_shift": before_after.NO_SHIFT,
        "split_day": "",
        "compared": [],
        "shifts": [],
    }
    if not found["asked"]:
        return found
    try:
        split = _day(values["split"], "split") or _day(values["entry"], "entry")
        if split is not None:
            compared = before_after.compare(workspace, split, chat_id, patterns=service)
            found["split_day"] = day(split)
            found["compared"] = split_view.rows(compared.comparisons)
    except InvalidInput as exc:
        errors["split"] = sentence(exc.reason)
    except UnusableSplit as exc:
        errors["split"] = exc.message
    if chat_id is not None:
        found["shifts"] = split_view.shift_rows(
            before_after.shifts(workspace, chat_id, patterns=service)
        )
    return found


routes = [
    Route("/chats/{chat_id:id}", patterns_page, methods=["GET"]),
]
