"""The guard in front of every request: host, origin, CSRF, session, idle lock, headers.

One ASGI middleware, in this order:

1. Host must be 127.0.0.1, localhost or [::1] (any port), else 400. This
   defeats DNS rebinding: a page on another site cannot reach the app by name.
2. The idle timer is checked; past it, the vault is locked before anything else.
3. The session cookie is looked up.
4. A state change (any method but GET/HEAD/OPTIONS) needs an Origin equal to
   the request's own origin and the session's CSRF token (form field `csrf`
   or header X-CSRF-Token), else 403. Uploads (multipart/form-data and
   application/octet-stream bodies) are not buffered here: a chat export can
   be gigabytes, so the route streams it, and the token comes from the
   X-CSRF-Token header or the `csrf` query parameter instead of the body.
   The quick exit from a browser that is not signed in needs neither: it
   changes nothing on the server and just leaves (see below).
5. Anything but the unlock page (which the launch URL also uses), the neutral
   page, quick exit and static files needs an authenticated session on an
   unlocked vault, else it is sent to /unlock.
6. Every response gets the security headers; an unexpected error becomes a
   calm 500 page (logged here, never shown).

After a signed-in quick exit, until someone signs in again, a browser that is not
signed in is sent to the quick-exit destination from every page of the app,
the unlock page included (before step 4, so a stale form gets no 403 page
either): pressing Back after the exit finds the neutral page again. Only the
bare address `/` still leads to the unlock page, and it ends this: it is how
the person comes back on purpose. The launch URL is let through, as it signs
in (or, spent, leads to the neutral page again).

Referrer-Policy is `same-origin`, not `no-referrer`: with `no-referrer`
Chromium sends `Origin: null` on same-origin form posts, which would defeat
the Origin check. `same-origin` still sends nothing to any other site.
"""

from __future__ import annotations

import hmac
import logging
import re
from urllib.parse import parse_qsl

from starlette.datastructures import FormData, Headers, MutableHeaders, UploadFile
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearheart.web.render import FORM_KEY, SESSION_KEY, html
from clearheart.web.routes.exit import leave
from clearheart.web.routes.unlock import LAUNCH_PARAM, LAUNCH_PATH
from clearheart.web.sessions import COOKIE
from clearheart.web.state import AppState

log = logging.getLogger("clearheart.web")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PUBLIC_PATHS = frozenset({"/unlock", "/weather", "/exit", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/",)
OPEN_AFTER_EXIT = frozenset({"/weather", "/favicon.ico"})
"""What a browser that is not signed in still reaches after a quick exit (with static
files and the bare address); everything else leads to the quick-exit destination."""
MAX_BODY = 2_000_000
"""Bytes; a 100,000-character entry, urlencoded, fits with room to spare."""
STREAMED_TYPES = ("multipart/form-data", "application/octet-stream")
"""Bodies the route reads as a stream (uploads); the guard never buffers them."""
_HOST = re.compile(r"^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$")


def host_allowed(host: str) -> bool:
    return bool(_HOST.match(host.strip().lower()))


def same_text(given: str, expected: str) -> bool:
    """Constant-time equality for tokens and origins (any characters)."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def origin_allowed(origin: str | None, host: str) -> bool:
    """The Origin header must name this very server, as the browser reached it."""
    if not origin:
        return False
    return same_text(origin.strip().lower(), f"http://{host.strip().lower()}")


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def parse_form(body: bytes, content_type: str) -> FormData:
    if not content_type.lower().startswith("application/x-www-form-urlencoded"):
        return FormData()
    pairs: list[tuple[str, str | UploadFile]] = list(
        parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return FormData(pairs)


def is_streamed(content_type: str) -> bool:
    return content_type.strip().lower().startswith(STREAMED_TYPES)


def _query_token(scope: Scope) -> str:
    """The `csrf` query parameter: how a plain multipart form (no script) sends its token."""
    query = scope.get("query_string", b"").decode("latin-1")
    return next((value for name, value in parse_qsl(query) if name == "csrf"), "")


class BodyTooLarge(Exception):
    pass


async def read_body(receive: Receive) -> bytes | None:
    """The whole request body, or None if the client went away."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise BodyTooLarge()
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


def to_unlock(scope: Scope) -> Response:
    """Where a client without an authenticated session goes. htmx gets a full redirect."""
    return redirect(scope, "/unlock")


def redirect(scope: Scope, target: str) -> Response:
    if Headers(scope=scope).get("hx-request"):
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def hidden_after_exit(scope: Scope) -> bool:
    """After a quick exit, does this request lead to the quick-exit destination?"""
    path: str = scope["path"]
    if path == "/" or path in OPEN_AFTER_EXIT or path.startswith(PUBLIC_PREFIXES):
        return False
    if path == LAUNCH_PATH and scope["method"] == "GET":
        query = scope.get("query_string", b"").decode("latin-1")
        return not any(name == LAUNCH_PARAM for name, _ in parse_qsl(query))
    return True


class Guard:
    def __init__(self, app: ASGIApp, state: AppState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        try:
            await self.guard(scope, receive, send_secured)
        except Exception:
            log.exception("unexpected error in %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await self.oops(scope, receive, send_secured)

    async def guard(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = self.state
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if not host_allowed(host):
            await PlainTextResponse("Bad request.", status_code=400)(scope, receive, send)
            return
        state.check_idle()
        session = state.sessions.get(Request(scope).cookies.get(COOKIE))
        scope[SESSION_KEY] = session
        path: str = scope["path"]
        signed_in = session is not None and session.authenticated and state.unlocked

        if state.exited and not signed_in:
            if hidden_after_exit(scope):
                await self.hide(scope, receive, send)
                return
            if path == "/" and headers.get("sec-fetch-site", "none") in ("none", "same-origin"):
                # The bare address, opened on purpose to come back (typed or bookmarked;
                # never a request another site's page makes the browser send).
                state.exited = False

        if scope["method"] not in SAFE_METHODS:
            if not origin_allowed(headers.get("origin"), host):
                await self.refuse(scope, receive, send)
                return
            if path == "/exit" and not signed_in:
                # Nothing here for this browser to lock, so no token is needed (a stale
                # one must not leave a 403 on screen): just leave, as asked. Only the
                # person who was signed in (before a lock forgot their session) also
                # hides the app; an anonymous exit signs nobody out and hides nothing.
                if state.sessions.was_signed_in(Request(scope).cookies.get(COOKIE)):
                    state.exited = True
                await leave(_request(scope, receive), state.prefs.exit_url)(scope, receive, send)
                return
            body: bytes | None = None
            form = FormData()
            if is_streamed(headers.get("content-type", "")):
                token = headers.get("x-csrf-token") or _query_token(scope)
            else:
                try:
                    body = await read_body(receive)
                except BodyTooLarge:
                    await PlainTextResponse("That is too much at once.", status_code=413)(
                        scope, receive, send)
                    return
                if body is None:
                    return
                form = parse_form(body, headers.get("content-type", ""))
                token = headers.get("x-csrf-token") or str(form.get("csrf") or "")
            if session is None or not token or not same_text(token, session.csrf):
                await self.refuse(scope, receive, send)
                return
            if body is not None:
                scope[FORM_KEY] = form
                receive = replay(body, receive)

        if not is_public(path):
            if not signed_in:
                await to_unlock(scope)(scope, receive, send)
                return
            state.touch()
        await self.app(scope, receive, send)

    async def hide(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send this request to the quick-exit destination. A form post that would go to
        another site goes through a refresh page (leave()): CSP's form-action blocks a
        redirect away."""
        target = self.state.prefs.exit_url
        if scope["method"] in SAFE_METHODS or Headers(scope=scope).get("hx-request"):
            response = redirect(scope, target)
        else:
            response = leave(_request(scope, receive), target)
        await response(scope, receive, send)

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = html(_request(scope, receive), "problem.html", "Please try again", {
            "heading": "That did not go through",
            "message": "This page may have been open for a while. Go back, reload it, "
                       "and try once more.",
        }, status=403)
        await response(scope, receive, send)

    async def oops(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            response: Response = html(_request(scope, receive), "problem.html", "Sorry", {
                "heading": "Something went wrong on our side",
                "message": "Nothing you did caused this. Your entries are safe. "
                           "You could go back and try again.",
            }, status=500)
        except Exception:
            log.exception("the error page failed too")
            response = PlainTextResponse("Something went wrong. Your entries are safe.", 500)
        await response(scope, receive, send)


def _request(scope: Scope, receive: Receive) -> Request:
    return Request(scope, receive)

