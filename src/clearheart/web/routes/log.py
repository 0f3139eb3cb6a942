"""The behaviour log: one tap notes what happened; recent entries; the weeks over time.

The quick-log form works without JavaScript: every kind is a submit button of
one form, so a tap posts that kind "now", with the note, time and cycle step
from the small expandable part when they were filled in. htmx only swaps the
page's main part instead of reloading it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.behaviour import BY_ID, GROUPS, check_kind, kinds_in, parse_when
from clearheart.domain.whole_numbers import MAX_ID, Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.services.workspace import Workspace
from clearheart.web import log_view
from clearheart.web.numbers import page_number, path_id
from clearheart.web.render import (
    Fields,
    field_error,
    form_of,
    html,
    notify,
    see_other,
    sentence,
    state_of,
)
from clearheart.web.routes.patterns import INLINE_MOST, service_of

log = logging.getLogger("clearheart.web")
PAGE_SIZE = 10
STEP_CHOICE = Bounds(1, MAX_ID, "choose a step from the list")
OVER_TIME_WEEKS = 52
"""The charts show at most the last year, so a week stays wide enough to see on a phone."""


def _chat_weeks(request: Request, workspace: Workspace) -> tuple[log_view.ChatWeeks | None, str]:
    """The most recent chat's weekly starts, or None and a line saying why not."""
    chats = [c for c in workspace.chats.chats() if c.me is not None and c.messages]
    if not chats:
        return None, ""
    info = max(chats, key=lambda c: (c.last.timestamp() if c.last else 0.0, c.id))
    service = service_of(request)
    try:
        report = service.at_hand(info, inline_most=INLINE_MOST)
    except Exception:
        # The chat line is an extra beside the log: a failure there must not cost the page.
        log.exception("the chat's weekly figures failed on the log page")
        return None, "Who reached out first in your chat could not be worked out just now."
    if report is None:
        return None, (
            "Who reached out first in your chat is still being worked out; "
            "it shows here when you next open this page."
        )
    title = info.partner_alias or info.title or info.source_name
    return log_view.ChatWeeks(title, report.conversations.by_week), ""


def over_time(request: Request, workspace: Workspace) -> dict[str, object]:
    today = workspace.clock.now().date()
    summary = workspace.log.weekly(until=today)
    if len(summary.weeks) > OVER_TIME_WEEKS:
        summary = workspace.log.weekly(
            since=today - timedelta(weeks=OVER_TIME_WEEKS - 1), until=today
        )
    if not summary.entries:
        return {"summary": summary, "charts": [], "chat_note": ""}
    first, last = summary.weeks[0].start, today
    mood = service_of(request).mood(first, last, "week")
    chat, chat_note = _chat_weeks(request, workspace)
    return {
        "summary": summary,
        "charts": log_view.charts(summary, mood, chat),
        "chat_note": chat_note,
    }


def _steps(workspace: Workspace) -> list[tuple[str, str]]:
    """(value, label) for the cycle step picker: value is "map_id:step_id"."""
    return [
        (f"{s.map_id}:{s.step_id}", f"{s.map_title}: {s.text or s.step_id}")
        for s in workspace.log.cycle_steps()
    ]


def _shown_kinds(request: Request) -> tuple[tuple[str, ...], str]:
    """The kinds `?kind=…` asks the list to show (the evidence page links here), or none;
    an unknown one shows the whole list, with a line saying why."""
    try:
        return tuple(check_kind(k) for k in request.query_params.getlist("kind")), ""
    except InvalidInput as error:
        return (), sentence(error.reason)


def log_page(
    request: Request,
    *,
    draft: Fields | None = None,
    errors: Fields | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    number = page_number(request)
    shown, shown_problem = _shown_kinds(request)
    page = workspace.log.list(kind=shown, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    draft = draft or Fields()
    context: dict[str, object] = {
        "shown": [BY_ID[k] for k in shown],
        "shown_problem": shown_problem,
        "kind_query": "".join(f"&kind={k}" for k in shown),
        "groups": [(g, kinds_in(g.id)) for g in GROUPS],
        "draft": draft,
        "errors": errors or Fields(),
        "open_details": bool(draft["note"] or draft["at"] or draft["step"] or errors),
        "steps": _steps(workspace),
        "page": page,
        "number": number,
        "pages": max(1, -(-page.total // PAGE_SIZE)),
        **over_time(request, workspace),
    }
    return html(request, "log.html", "Log", context, status)


def _draft_of(request: Request) -> Fields:
    form = form_of(request)
    return Fields(
        kind=str(form.get("kind", "")),
        note=str(form.get("note", "")),
        at=str(form.get("at", "")),
        step=str(form.get("step", "")),
    )


def _step(value: str) -> tuple[int | None, str | None]:
    if not value:
        return None, None
    map_part, _, step = value.partition(":")
    if not step:
        raise InvalidInput("step", STEP_CHOICE.reason)
    return read_whole(map_part, "step", STEP_CHOICE), step


def _save(workspace: Workspace, draft: Fields, entry_id: int | None = None) -> None:
    if not draft["kind"].strip():
        raise InvalidInput("kind", "tap one of the buttons to say what happened")
    map_id, step = _step(draft["step"])
    if entry_id is None:
        at = parse_when(draft["at"], workspace.clock.now())
        workspace.log.add(draft["kind"], note=draft["note"], at=at, step=step, map_id=map_id)
        return
    current = workspace.log.get(entry_id)
    # Unchanged, the time keeps the zone it was logged in.
    at = (
        None
        if draft["at"] == _local(current.at)
        else parse_when(draft["at"], workspace.clock.now())
    )
    workspace.log.edit(entry_id, draft["kind"], note=draft["note"], at=at, step=step, map_id=map_id)


def _local(moment: datetime) -> str:
    """The value a datetime-local field shows."""
    return moment.strftime("%Y-%m-%dT%H:%M")


def add(request: Request) -> Response:
    draft = _draft_of(request)
    try:
        _save(state_of(request).require(), draft)
    except InvalidInput as exc:
        return log_page(request, draft=draft, errors=field_error(exc), status=400)
    kind = BY_ID[draft["kind"].strip().lower().replace("-", "_")]
    notify(request, f"Logged: {kind.label}.")
    return see_other("/log")


def _edit_page(
    request: Request, draft: Fields | None = None, errors: Fields | None = None, status: int = 200
) -> Response:
    workspace = state_of(request).require()
    entry = workspace.log.get(path_id(request, "entry_id"))
    if draft is None:
        draft = Fields(
            kind=entry.kind,
            note=entry.note or "",
            at=_local(entry.at),
            step=f"{entry.cycle_map_id}:{entry.cycle_step}"
            if entry.cycle_step and entry.cycle_map_id is not None
            else "",
        )
    context: dict[str, object] = {
        "entry": entry,
        "draft": draft,
        "errors": errors or Fields(),
        "groups": [(g, kinds_in(g.id)) for g in GROUPS],
        "steps": _steps(workspace),
    }
    return html(request, "log_edit.html", "Edit", context, status)


def edit(request: Request) -> Response:
    draft = _draft_of(request)
    try:
        _save(state_of(request).require(), draft, path_id(request, "entry_id"))
    except InvalidInput as exc:
        return _edit_page(request, draft, field_error(exc), status=400)
    notify(request, "Changes saved.")
    return see_other("/log")


def delete(request: Request) -> Response:
    state_of(request).require().log.delete(path_id(request, "entry_id"))
    notify(request, "Deleted. It is gone for good.")
    return see_other("/log")


routes = [
    Route("/log", log_page, methods=["GET"]),
    Route("/log", add, methods=["POST"]),
    Route("/log/{entry_id:id}/edit", _edit_page, methods=["GET"]),
    Route("/log/{entry_id:id}/edit", edit, methods=["POST"]),
    Route("/log/{entry_id:id}/delete", delete, methods=["POST"]),
]
