"""Your own messages over time: the draft check run over your side of one chat.

The counts are worked out once per chat state and kept in memory by one
OwnMessageService per open vault (dropped with the vault, like the patterns). The other
side's weekly reply times come from the patterns page's report.
"""

from __future__ import annotations

import weakref

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.services.own_messages import OwnMessageService, their_weeks
from clearheart.web import own_view
from clearheart.web.chat_view import view_of
from clearheart.web.render import help_context, html, see_other, state_of
from clearheart.web.routes import patterns

_SLOT = "clearheart_own_messages"
TITLE = "Your messages"
INLINE_MOST = 10_000
"""Chats up to this many messages are read while the page loads (a few seconds at most);
longer ones in the background, with a page that looks again by itself."""
AGAIN_SECONDS = 3


def service_of(request: Request) -> OwnMessageService:
    """The open vault's OwnMessageService, made on first use and dropped with the vault."""
    workspace = state_of(request).require()
    slot = getattr(request.app.state, _SLOT, None)
    if slot is not None and slot[0]() is workspace:
        service: OwnMessageService = slot[1]
        return service
    service = OwnMessageService(workspace.chats)
    weakref.finalize(workspace, service.clear)
    setattr(request.app.state, _SLOT, (weakref.ref(workspace), service))
    return service


def own_page(request: Request) -> Response:
    chat = view_of(request)
    if chat.info.me is None:
        return see_other(f"/chats/{chat.id}/me")
    workspace = state_of(request).require()
    service = service_of(request)
    if chat.info.messages <= INLINE_MOST:
        report = service.report(chat.id, info=chat.info)
    else:
        found = service.prepare(chat.id, info=chat.info)
        if found is None:
            response = html(request, "own_messages_wait.html", TITLE, {"chat": chat})
            response.headers["Refresh"] = str(AGAIN_SECONDS)
            return response
        report = found
    # The other side's weeks: ready at once for most chats, else shown on a later view.
    pattern_service = patterns.service_of(request)
    pattern_report = pattern_service.at_hand(chat.info, inline_most=patterns.INLINE_MOST)
    theirs = their_weeks(pattern_report) if pattern_report is not None else {}
    other = chat.shown(chat.partner) if chat.partner else "the others"
    return html(
        request,
        "own_messages.html",
        TITLE,
        {
            "chat": chat,
            **help_context(workspace),
            **own_view.page(report, theirs, other, pattern_report is not None),
        },
    )


routes = [
    Route("/chats/{chat_id:id}/my-messages", own_page, methods=["GET"]),
]
