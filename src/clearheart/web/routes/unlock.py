"""The unlock page (or, before any vault exists, the create page) and the launch URL.

The launch URL is the unlock page's own address with the one-time token as a
query (`/unlock?k=TOKEN`): it lands in the browser's history, so it adds no
word of its own there. Titles and headings are plain ("Sign in", "Get started").

Only the browser that opened the launch URL may create the vault: on a vault
not made yet, that URL gives it a launching session (Kind.LAUNCHING) and any
other client sees a page that points to the printed address, never the create
form, and is refused (403) if it posts one anyway. So no other local client
can choose the passphrase first, and the launch URL never signs into a vault
someone else made.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.errors import ClearheartError, PassphraseRejected, TooManyAttempts, VaultExists
from clearheart.web.render import (
    SESSION_KEY,
    form_of,
    html,
    see_other,
    session_of,
    set_session_cookie,
    state_of,
)
from clearheart.web.sessions import Kind

LAUNCH_PATH = "/unlock"
LAUNCH_PARAM = "k"


def launch_path(token: str) -> str:
    """Where the launch URL points: `token` comes from secrets.token_urlsafe, so it needs
    no quoting."""
    return f"{LAUNCH_PATH}?{LAUNCH_PARAM}={token}"


def _form(request: Request, errors: dict[str, str], status: int = 200) -> Response:
    state = state_of(request)
    if state.vault_exists():
        return html(request, "unlock.html", "Sign in", {
            "errors": errors, "demo_passphrase": state.demo_passphrase,
        }, status)
    if not _may_create(request):
        return html(request, "create_elsewhere.html", "Get started",
                    status=403 if request.method == "POST" else status)
    return html(request, "create.html", "Get started", {"errors": errors}, status)


def _may_create(request: Request) -> bool:
    session = session_of(request)
    return session is not None and session.launching


def _busy(request: Request, exc: TooManyAttempts) -> Response:
    """429, the form again with one calm line: this try was not made, nothing was lost."""
    response = _form(request, {"passphrase": exc.message}, 429)
    response.headers["Retry-After"] = "2"
    return response


def _signed_in(request: Request) -> Response:
    """A fresh, authenticated session: the id used before this moment stops working."""
    state = state_of(request)
    session = state.sessions.rotate(session_of(request), Kind.SIGNED_IN)
    state.exited = False
    response = see_other("/today")
    set_session_cookie(response, session)
    return response


def unlock_page(request: Request) -> Response:
    state = state_of(request)
    token = request.query_params.get(LAUNCH_PARAM)
    if token is not None:
        return launch(request, token)
    session = session_of(request)
    if session is not None:
        return _form(request, {})
    session = state.sessions.new(Kind.ANONYMOUS)
    request.scope[SESSION_KEY] = session
    response = _form(request, {})
    set_session_cookie(response, session)
    return response


def unlock_submit(request: Request) -> Response:
    state = state_of(request)
    form = form_of(request)
    passphrase = str(form.get("passphrase", ""))
    if not state.vault_exists():
        if not _may_create(request):
            return _form(request, {})
        return _create(request, passphrase, str(form.get("confirm", "")))
    if not passphrase:
        return _form(request, {"passphrase": "Type your passphrase to come in."}, 400)
    try:
        state.unlock(passphrase)
    except TooManyAttempts as exc:
        return _busy(request, exc)
    except ClearheartError as exc:
        return _form(request, {"passphrase": exc.message}, 400)
    return _signed_in(request)


def _create(request: Request, passphrase: str, confirm: str) -> Response:
    state = state_of(request)
    if passphrase != confirm:
        return _form(request, {
            "confirm": "The two boxes do not match yet. Type the same passphrase in both.",
        }, 400)
    try:
        state.create(passphrase)
    except TooManyAttempts as exc:
        return _busy(request, exc)
    except PassphraseRejected as exc:
        return _form(request, {"passphrase": exc.message}, 400)
    except VaultExists:
        return _form(request, {
            "passphrase": "A vault was created here a moment ago. Unlock it with its passphrase.",
        }, 400)
    return _signed_in(request)


def launch(request: Request, token: str) -> Response:
    """The one-time URL `clearheart serve` prints: it signs in this browser, once. Any
    other time the plain unlock page follows, without the token in the address bar.

    On a locked or missing vault it cannot sign in yet: the browser gets a launching
    session instead, the only kind that may create the vault.
    """
    state = state_of(request)
    if not state.consume_launch(token):
        return see_other("/unlock")
    if state.unlocked:
        return _signed_in(request)
    session = state.sessions.rotate(session_of(request), Kind.LAUNCHING)
    response = see_other("/unlock")
    set_session_cookie(response, session)
    return response


routes = [
    Route("/unlock", unlock_page, methods=["GET"]),
    Route("/unlock", unlock_submit, methods=["POST"]),
]
