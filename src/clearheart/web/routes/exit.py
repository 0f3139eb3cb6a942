"""Quick exit, "Lock now", the idle ping, and the neutral page the quick exit lands on."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.web.render import html, see_other, session_of, state_of
from clearheart.web.sessions import COOKIE


def leave(request: Request, destination: str) -> Response:
    """Send the browser to `destination` and forget its session cookie.

    Another site is reached through a refresh page, not a redirect: CSP's
    `form-action 'self'` makes browsers block a form post that redirects away.
    """
    if destination.startswith("/"):
        response: Response = see_other(destination)
    else:
        response = html(request, "leaving.html", "Loading", {"destination": destination})
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


def quick_exit(request: Request) -> Response:
    """Lock the vault and leave for the neutral page (or the person's chosen site).

    Until the next sign-in, every page of the app then leads there too (AppState.exited),
    so pressing Back finds the neutral page again, never the unlock page.

    Only a signed-in session locks: the guard (web/security.py) sends any other browser
    straight to the neutral page, signing nobody out, so an anonymous client cannot
    lock the vault or hide the unlock page from the owner.
    """
    state = state_of(request)
    session = session_of(request)
    if session is not None and session.authenticated:
        state.lock()
        state.exited = True
    return leave(request, state.prefs.exit_url)


def lock_now(request: Request) -> Response:
    state_of(request).lock()
    return leave(request, "/unlock")


def activity(request: Request) -> Response:
    """The page's script calls this while someone is typing, so writing counts as activity."""
    return Response(status_code=204)


def weather(request: Request) -> Response:
    """A plain page with no trace of the app: no link back, no script, a bland title."""
    return html(request, "weather.html", "Weather notes")


routes = [
    Route("/exit", quick_exit, methods=["POST"]),
    Route("/lock", lock_now, methods=["POST"]),
    Route("/activity", activity, methods=["GET"]),
    Route("/weather", weather, methods=["GET"]),
]
