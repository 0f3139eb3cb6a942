"""The unlock page (or, before any vault exists, the create page) and the launch URL."""

from __future__ import annotations

import time

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.errors import ClearheartError, PassphraseRejected, VaultExists, WrongPassphrase
from clearheart.web.render import (
    SESSION_KEY,
    form_of,
    html,
    see_other,
    session_of,
    set_session_cookie,
    state_of,
)


def _form(request: Request, errors: dict[str, str], status: int = 200) -> Response:
    state = state_of(request)
    if state.vault_exists():
        return html(request, "unlock.html", "Welcome back", {
            "errors": errors, "demo_passphrase": state.demo_passphrase,
        }, status)
    return html(request, "create.html", "Welcome", {"errors": errors}, status)


def _signed_in(request: Request) -> Response:
    """A fresh, authenticated session: the id used before this moment stops working."""
    state = state_of(request)
    session = state.sessions.rotate(session_of(request), authenticated=True)
    response = see_other("/today")
    set_session_cookie(response, session)
    return response


def unlock_page(request: Request) -> Response:
    state = state_of(request)
    session = session_of(request)
    if session is not None:
        return _form(request, {})
    session = state.sessions.new(authenticated=False)
    request.scope[SESSION_KEY] = session
    response = _form(request, {})
    set_session_cookie(response, session)
    return response


def unlock_submit(request: Request) -> Response:
    state = state_of(request)
    form = form_of(request)
    passphrase = str(form.get("passphrase", ""))
    if not state.vault_exists():
        return _create(request, passphrase, str(form.get("confirm", "")))
    if not passphrase:
        return _form(request, {"passphrase": "Type your passphrase to come in."}, 400)
    try:
        state.unlock(passphrase)
    except WrongPassphrase as exc:
        time.sleep(state.unlock_delay)
        return _form(request, {"passphrase": exc.message}, 400)
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
    except PassphraseRejected as exc:
        return _form(request, {"passphrase": exc.message}, 400)
    except VaultExists:
        return _form(request, {
            "passphrase": "A vault was created here a moment ago. Unlock it with its passphrase.",
        }, 400)
    return _signed_in(request)


def launch(request: Request) -> Response:
    """The one-time URL `clearheart serve` prints: it signs in this browser, once."""
    state = state_of(request)
    if state.consume_launch(str(request.path_params["token"])) and state.unlocked:
        return _signed_in(request)
    return see_other("/unlock")


routes = [
    Route("/unlock", unlock_page, methods=["GET"]),
    Route("/unlock", unlock_submit, methods=["POST"]),
    Route("/launch/{token}", launch, methods=["GET"]),
]
