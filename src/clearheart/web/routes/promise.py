"""The promise and what happened: the person's hopes in parts, and beside each what their
own records show (services/promise.py). The title stays neutral ("Then and now").

While the safety gate is closed the page shows the safety plan and who can help instead,
and every form is refused by the service. A form with a problem comes back with its words
and says what to change, having stored nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.evidence.item import KEYS
from clearheart.domain.promise import MAX_PARTS, STARTERS, Part, next_own_key
from clearheart.domain.whole_numbers import IDS, read_whole
from clearheart.errors import InvalidInput
from clearheart.web.evidence_view import period_of
from clearheart.web.render import (
    Fields,
    form_of,
    help_context,
    html,
    notify,
    see_other,
    sentence,
    state_of,
)
from clearheart.web.routes.patterns import INLINE_MOST, service_of

TITLE = "Then and now"
PATH = "/moving-on/promise"
PICK_FROM = 40
"""How many of the newest journal entries the pin list offers."""


def _page(
    request: Request,
    errors: Fields | None = None,
    form: FormData | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    service = workspace.promise
    if service.resting():
        return html(request, "promise_resting.html", TITLE, help_context(workspace), status)
    view = service.view(patterns=service_of(request), inline_most=INLINE_MOST)
    parts = [b.part for b in view.parts]
    context: dict[str, Any] = {
        "view": view,
        "starters": STARTERS,
        "questions": KEYS,
        "new_key": next_own_key(parts) if len(parts) < MAX_PARTS + len(STARTERS) else None,
        "recent": workspace.journal.page(0, PICK_FROM).entries,
        "history": tuple(reversed(service.history()[:-1])),
        "period_of": period_of,
        "errors": errors or Fields(),
        "form": form,
    }
    return html(request, "promise.html", TITLE, context, status)


def _parts_of(form: FormData) -> list[Part]:
    """The form's parts in the order shown: one set of fields per key listed in `keys`."""
    parts = []
    for key in form.getlist("keys"):
        key = str(key)
        parts.append(
            Part(
                key,
                str(form.get(f"heading-{key}", "")),
                str(form.get(f"text-{key}", "")),
                tuple(str(k) for k in form.getlist(f"looks-{key}")),
            )
        )
    return parts


def _entry_of(form: FormData) -> int:
    return read_whole(str(form.get("entry", "")), "entry", IDS)


def _posted(save: Callable[[Request], object], done: str) -> Callable[[Request], Response]:
    def handler(request: Request) -> Response:
        try:
            save(request)
        except InvalidInput as problem:
            return _page(
                request, Fields({problem.field: sentence(problem.reason)}), form_of(request), 400
            )
        notify(request, done)
        return see_other(PATH)

    return handler


def _save(request: Request) -> object:
    return state_of(request).require().promise.save(_parts_of(form_of(request)))


def _pin(request: Request) -> object:
    form = form_of(request)
    return state_of(request).require().promise.pin(str(form.get("part", "")), _entry_of(form))


def _unpin(request: Request) -> object:
    form = form_of(request)
    state_of(request).require().promise.unpin(str(form.get("part", "")), _entry_of(form))
    return None


routes = [
    Route(PATH, _page, methods=["GET"]),
    Route(PATH, _posted(_save, "Saved. Earlier versions are kept."), methods=["POST"]),
    Route(PATH + "/pin", _posted(_pin, "Pinned beside that part."), methods=["POST"]),
    Route(
        PATH + "/unpin",
        _posted(_unpin, "Unpinned. The entry stays in your journal."),
        methods=["POST"],
    ),
]
