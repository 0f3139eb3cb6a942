"""Importing a chat export from the browser, with a script (progress bar) or without.

With the script, the file is the raw body of POST /chats/upload (the guard
takes the token from a header) and the answer is JSON for the page to act on.
Without it, a plain multipart form posts to /chats/import (its token rides in
the action's query string). Both stream the file into a private folder in
memory (see uploads.py), import it, and remove the folder whatever happened.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import ClearheartError, InvalidInput
from clearheart.importers.base import (
    APP_NAMES,
    FORMATS,
    AmbiguousDateOrder,
    ChatChoiceNeeded,
    DateOrder,
    FormatChoiceNeeded,
    ImportProblem,
    Limits,
    Options,
    long_date,
)
from clearheart.services.chats import ImportSummary, counted
from clearheart.web.chat_view import FORMAT_NAMES
from clearheart.web.render import Fields, html, notify, see_other, sentence, state_of
from clearheart.web.routes.patterns import warm
from clearheart.web.uploads import TooLarge, private_folder, receive_multipart, receive_raw

UPLOAD_LIMIT = Limits().max_file_bytes
"""The largest export accepted, in bytes (the importers' own file cap)."""
UPLOAD_SIZES = Bounds(0, UPLOAD_LIMIT)
DATE_ORDERS: tuple[tuple[str, str], ...] = (
    ("dmy", "Day first, like 31/12/2024"),
    ("mdy", "Month first, like 12/31/2024"),
    ("ymd", "Year first, like 2024-12-31"),
)
ORDER_WORDS = {"dmy": "day first", "mdy": "month first", "ymd": "year first"}
FIELDS = ("format", "date_order", "chat")
_CLI_HINT = re.compile(r"; use --format [\w, ]+$")
"""The importers' hint for the command line, which this page words its own way."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an import stopped, worded for this page, and which extra field it needs."""

    field: str
    message: str
    choices: tuple[str, ...] = ()
    status: int = 400
    labels: tuple[str, ...] = ()
    """How each choice reads on the page, when not the choice itself."""

    def as_json(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field, "choices": list(self.choices),
                "labels": list(self.labels)}

    def offered(self, field: str) -> tuple[tuple[str, str], ...]:
        """The (value, label) pairs this problem offers for `field`; none for other fields."""
        if self.field != field or not self.labels:
            return ()
        return tuple(zip(self.choices, self.labels, strict=True))


@dataclass
class Asked:
    """What the person chose on the form, checked."""

    fmt: str = "auto"
    date_order: str = ""
    chat: str = ""
    values: Fields = field(default_factory=Fields)

    @classmethod
    def of(cls, raw: dict[str, str]) -> Asked:
        values = Fields({name: str(raw.get(name, "")).strip() for name in FIELDS})
        fmt = values["format"] or "auto"
        if fmt not in ("auto", *FORMATS):
            raise InvalidInput("format", "choose one of the listed apps")
        order = values["date_order"]
        if order and order not in get_args(DateOrder):
            raise InvalidInput("date_order", "choose one of the three date orders")
        return cls(fmt, order, values["chat"][:500], values)

    def options(self) -> Options:
        order: DateOrder | None = self.date_order or None  # type: ignore[assignment]
        return Options(date_order=order, chat=self.chat or None)


def import_page(request: Request, *, values: Fields | None = None,
                problem: Problem | None = None, status: int = 200) -> Response:
    state_of(request).require()
    values = values or Fields(format="auto")
    return html(request, "chat_import.html", "Import a chat", {
        "values": values,
        "problem": problem,
        "errors": Fields({problem.field: problem.message}) if problem else Fields(),
        "formats": [("auto", "Find out from the file"),
                    *((name, FORMAT_NAMES[name]) for name in FORMATS)],
        "date_orders": (problem and problem.offered("date_order")) or DATE_ORDERS,
        "show_date_order": bool(values["date_order"]) or bool(problem and
                                                              problem.field == "date_order"),
        "chat_choices": problem.choices if problem and problem.field == "chat" else (),
        "max_bytes": UPLOAD_LIMIT,
    }, status)


def _shown_path(path: Path, folder: Path) -> str:
    """A path inside the private folder as the person knows it: their file's own name."""
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return path.name


def explain(exc: Exception, folder: Path) -> Problem:
    """The calm message for an import that stopped; never the private folder's path."""
    if isinstance(exc, TooLarge):
        return Problem("file", f"This file is larger than {exc.limit / 1e9:.1f} GB, the most "
                               "that can be imported at once. Nothing was imported.", status=413)
    if isinstance(exc, AmbiguousDateOrder):
        return _date_order_problem(exc)
    if isinstance(exc, FormatChoiceNeeded):
        apps = " or ".join(APP_NAMES[fmt] for fmt in exc.choices)
        return Problem("format", f"This file reads like a {apps} export, and nothing in it "
                                 "settles which. Choose the app under More options, then "
                                 "import it again.", exc.choices)
    if isinstance(exc, ChatChoiceNeeded):
        return Problem("chat", f"This file holds {len(exc.choices)} chats. Choose the one "
                               "to import, then import it again.", tuple(exc.choices))
    if isinstance(exc, ImportProblem):
        where = _shown_path(exc.path, folder)
        if exc.line is not None:
            where += f", line {exc.line:,}"
        reason = _CLI_HINT.sub("; choose the app under More options", exc.reason)
        return Problem("file", f"{where}: {reason}. Nothing was imported.")
    if isinstance(exc, InvalidInput):
        name = exc.field if exc.field in FIELDS else "file"
        return Problem(name, f"{sentence(exc.reason)} Nothing was imported.")
    if isinstance(exc, ClearheartError):
        return Problem("file", exc.message)
    raise exc


def _date_order_problem(exc: AmbiguousDateOrder) -> Problem:
    """Offer the two readings of the file's first date; without one, the three orders."""
    if not exc.choice:
        return Problem("date_order", f"{sentence(exc.reason)} Choose below how the dates in "
                                     "this file are written, then import it again.")
    return Problem(
        "date_order",
        f"{exc.choice}. Pick the one that matches when it was written, then import the file "
        "again.",
        tuple(order for order, _ in exc.readings),
        labels=tuple(f"{long_date(day)} ({ORDER_WORDS[order]})" for order, day in exc.readings),
    )


def _done(request: Request, summary: ImportSummary) -> str:
    """Leave the notice, and say where to go next: the picker, or the patterns."""
    count = f"Imported {counted(summary)}."
    if summary.warnings:
        count += f" A note from reading the file: {sentence(summary.warnings[0])}"
    if summary.alike is not None:
        notify(request, f"{count} It looks like a chat already here; please have a look.")
        return f"/chats/{summary.chat_id}/same/{summary.alike.id}"
    if summary.me is None:
        notify(request, f"{count} One more step: say which name is yours.")
        return f"/chats/{summary.chat_id}/me"
    warm(request, summary.chat_id)
    notify(request, count)
    return f"/chats/{summary.chat_id}"


async def _import(request: Request, path: Path, asked: Asked) -> ImportSummary:
    chats = state_of(request).require().chats
    return await asyncio.to_thread(chats.import_chat, path, fmt=asked.fmt,
                                   options=asked.options(), require_me=False, unsure="keep")


def _announced_size(length: str) -> None:
    """Refuse early a body that says it is larger than the limit (or of no size at all)."""
    if length:
        try:
            read_whole(length, "file", UPLOAD_SIZES)
        except InvalidInput:
            raise TooLarge(UPLOAD_LIMIT) from None


async def upload(request: Request) -> Response:
    """The script's upload: the file is the body; the answer is JSON for the page."""
    state_of(request).require()
    params = request.query_params
    with private_folder(state_of(request).home) as folder:
        try:
            asked = Asked.of({name: params.get(name, "") for name in FIELDS})
            _announced_size(request.headers.get("content-length", ""))
            path = await receive_raw(request.stream(), folder, params.get("name", ""),
                                     UPLOAD_LIMIT)
            summary = await _import(request, path, asked)
        except ClientDisconnect:
            return Response(status_code=400)  # the page went away mid-upload: nothing to say
        except (ClearheartError, TooLarge) as exc:
            problem = explain(exc, folder)
            return JSONResponse(problem.as_json(), status_code=problem.status)
    return JSONResponse({"next": _done(request, summary)})


async def import_form(request: Request) -> Response:
    """The same import for a browser without the script: a multipart form post."""
    state_of(request).require()
    values = Fields(format="auto")
    with private_folder(state_of(request).home) as folder:
        try:
            path, raw = await receive_multipart(
                request.stream(), request.headers.get("content-type", ""), folder,
                UPLOAD_LIMIT)
            asked = Asked.of(raw)
            values = asked.values
            if path is None:
                raise InvalidInput("file", "choose the file your app exported")
            summary = await _import(request, path, asked)
        except ClientDisconnect:
            return Response(status_code=400)
        except (ClearheartError, TooLarge) as exc:
            problem = explain(exc, folder)
            return import_page(request, values=values, problem=problem, status=problem.status)
    return see_other(_done(request, summary))


routes = [
    Route("/chats/import", import_page, methods=["GET"]),
    Route("/chats/import", import_form, methods=["POST"]),
    Route("/chats/upload", upload, methods=["POST"]),
]
