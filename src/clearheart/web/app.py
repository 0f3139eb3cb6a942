"""The app factory: routes by area, the guard around them, errors mapped in one place."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from importlib import resources

from sqlalchemy.exc import DatabaseError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from clearheart.errors import ClearheartError, NotFound, VaultLocked
from clearheart.store.damage import is_damage
from clearheart.web import uploads
from clearheart.web.render import html, see_other
from clearheart.web.routes import (
    chat_import,
    chats,
    cycle,
    dating,
    decide,
    evidence,
    help,
    journal,
    learn,
    log,
    moving_on,
    notes,
    own_messages,
    patterns,
    pause,
    people,
    practices,
    promise,
    reflect,
    settings,
    today,
    unlock,
)
from clearheart.web.routes import exit as exit_routes
from clearheart.web.security import Guard
from clearheart.web.state import AppState

__all__ = ["AppState", "create_app"]


def problem(request: Request, exc: Exception) -> Response:
    """The one place a ClearheartError becomes a page: its calm message, nothing more."""
    if isinstance(exc, VaultLocked):
        return see_other("/unlock")
    message = exc.message if isinstance(exc, ClearheartError) else "Something went wrong."
    status = 404 if isinstance(exc, NotFound) else 400
    return html(request, "problem.html", "Not quite", {
        "heading": "That did not work", "message": message,
    }, status=status)


def damaged(request: Request, exc: Exception) -> Response:
    """A query met a damaged page: the calm "looks damaged" page, never a 500."""
    if not is_damage(exc):
        raise exc
    state: AppState = request.app.state.clearheart
    return html(request, "damaged.html", "Not quite", {
        "home": str(state.home), "backups": str(state.home / "backups"),
    }, status=503)


def not_found(request: Request, exc: Exception) -> Response:
    return html(request, "problem.html", "Not found", {
        "heading": "There is nothing here",
        "message": "The page may have moved, or the address has a typo.",
    }, status=404)


async def watch_idle(state: AppState) -> None:
    """Lock on time even when no request arrives to notice the idle period."""
    while True:
        await asyncio.sleep(max(1.0, min(15.0, state.idle_seconds() / 10)))
        await asyncio.to_thread(state.check_idle)


def create_app(state: AppState) -> Starlette:
    static = resources.files("clearheart.web").joinpath("static")
    routes: list[BaseRoute] = [
        Route("/", lambda request: see_other("/today")),
        *today.routes,
        *journal.routes,
        *log.routes,
        *pause.routes,
        *cycle.routes,
        *decide.routes,
        *moving_on.routes,
        *dating.routes,
        *promise.routes,
        *chat_import.routes,
        *chats.routes,
        *patterns.routes,
        *own_messages.routes,
        *practices.routes,
        *reflect.routes,
        *evidence.routes,
        *learn.routes,
        *help.routes,
        *people.routes,
        *notes.routes,
        *settings.routes,
        *unlock.routes,
        *exit_routes.routes,
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        uploads.clean_stale()
        watcher = asyncio.create_task(watch_idle(state))
        try:
            yield
        finally:
            watcher.cancel()
            state.lock()

    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, state=state)],
        exception_handlers={ClearheartError: problem, DatabaseError: damaged, 404: not_found},
        lifespan=lifespan,
    )
    app.state.clearheart = state
    if state.on_open is None:
        state.on_open = pause.warm
    if state.workspace is not None:  # opened before the app (the demo, a passphrase given)
        state.on_open()
    return app
