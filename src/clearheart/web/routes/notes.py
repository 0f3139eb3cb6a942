"""The clarity report in the app: a page to choose the dates and chat, and the download.

The download is a GET (it changes nothing), so a person can bookmark nothing more than
"/notes/file" with their choices; the file's name is "notes-DATE.pdf" (web/clarity).
A choice that cannot be used shows the page again with the reason by the field, and no file.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.whole_numbers import IDS, read_whole
from clearheart.errors import InvalidInput
from clearheart.web.chat_view import ChatView
from clearheart.web.clarity.model import FORMATS, PAPERS, Format, Options, Paper
from clearheart.web.clarity.render import render
from clearheart.web.clarity.report import build, file_name
from clearheart.web.render import Fields, html, sentence, state_of
from clearheart.web.routes.patterns import service_of

MEDIA = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


def _page(request: Request, values: Fields, errors: Fields) -> Response:
    workspace = state_of(request).require()
    chats = [ChatView(c) for c in workspace.chats.chats() if c.me is not None and c.messages]
    return html(
        request,
        "notes.html",
        "Notes",
        {
            "values": values,
            "errors": errors,
            "chats": chats,
            "formats": FORMATS,
            "papers": PAPERS,
        },
        400 if errors else 200,
    )


def notes_page(request: Request) -> Response:
    return _page(request, Fields(fmt="pdf", paper="a4"), Fields())


def _options(values: Fields, today: date) -> tuple[Options | None, Fields]:
    errors = Fields()
    since = chat = None
    if values["since"]:
        try:
            since = date.fromisoformat(values["since"])
        except ValueError:
            errors["since"] = "Write the date as year-month-day, like 2026-03-31."
        else:
            if since > today:
                errors["since"] = "That day is still to come; choose one on or before today."
    if values["chat"]:
        try:
            chat = read_whole(values["chat"], "chat", IDS)
        except InvalidInput as exc:
            errors["chat"] = sentence(exc.reason)
    if values["fmt"] not in FORMATS:
        errors["fmt"] = "Choose PDF or a web page."
    if values["paper"] not in PAPERS:
        errors["paper"] = "Choose A4 or Letter."
    if errors:
        return None, errors
    return Options(since, chat, cast(Format, values["fmt"]), cast(Paper, values["paper"])), errors


def download(request: Request) -> Response:
    workspace = state_of(request).require()
    params = request.query_params
    values = Fields(
        {
            name: params.get(name, default).strip()
            for name, default in (("since", ""), ("chat", ""), ("fmt", "pdf"), ("paper", "a4"))
        }
    )
    today = workspace.clock.now().date()
    options, errors = _options(values, today)
    if options is None:
        return _page(request, values, errors)
    report = build(workspace, options, today, service_of(request))
    name = file_name(today, options.fmt)
    return Response(
        render(report, options.fmt),
        media_type=MEDIA[options.fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


routes = [
    Route("/notes", notes_page, methods=["GET"]),
    Route("/notes/file", download, methods=["GET"]),
]
