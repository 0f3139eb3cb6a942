"""The evidence page: what the person's own records show, under each decision question.

Evidence is not coaching, so it shows whether or not the safety gate is open; the one
line that suggests how to read it is coaching and rests with the gate. A long chat's
patterns are read only once worked out (routes/patterns.py), so the page never waits
on them; it says which chats are still being read.
"""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.errors import InvalidInput
from clearheart.web import evidence_view
from clearheart.web.render import Fields, field_error, html, state_of
from clearheart.web.routes.patterns import INLINE_MOST, service_of


def _since(raw: str) -> date | None:
    text = raw.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("since", f"{text!r} is not a date; write it as YYYY-MM-DD") from None


async def evidence_page(request: Request) -> Response:
    workspace = state_of(request).require()
    raw = request.query_params.get("since", "")
    errors, status = Fields(), 200
    try:
        since = _since(raw)
        digest = workspace.evidence.digest(
            since, patterns=service_of(request), inline_most=INLINE_MOST
        )
    except InvalidInput as error:
        errors, status = field_error(error), 400
        digest = workspace.evidence.digest(patterns=service_of(request), inline_most=INLINE_MOST)
    context = {
        "view": evidence_view.view_of(digest),
        "since": raw.strip(),
        "errors": errors,
    }
    return html(request, "evidence.html", "Evidence", context, status)


routes = [Route("/evidence", evidence_page, methods=["GET"])]
