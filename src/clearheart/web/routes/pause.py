"""The pause: read a draft, build a calmer request, hold it for a while, decide; soothe first.

Every draft travels in POST bodies, never in a URL, so none of it lands in the
browser's history. While the safety gate is closed (services/safety.py), or the
draft itself shows fear, threats or coercion, the page shows help instead of
coaching; a draft that speaks of danger from a partner closes the gate. A draft
that speaks of self-harm, suicide or being hurt right now shows crisis help first.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain import rewrite as rewrite_rules
from clearheart.domain.holding import DEFAULT_MINUTES, HOLD_MINUTES
from clearheart.domain.lessons import is_late
from clearheart.domain.safety import Source
from clearheart.domain.whole_numbers import read_whole
from clearheart.errors import InvalidInput, NotFound
from clearheart.web.numbers import path_id
from clearheart.web.pause_view import pieces, reasons, time_left
from clearheart.web.render import (
    Fields,
    after_writing,
    crisis_context,
    form_of,
    help_context,
    html,
    notify,
    see_other,
    sentence,
    state_of,
)

if TYPE_CHECKING:
    from clearheart.domain.draftcheck import Reading
    from clearheart.services.draftcheck import DraftChecker
    from clearheart.services.workspace import Workspace

log = logging.getLogger("clearheart.draftcheck")

TITLE = "Pause"
"""One plain tab title for every pause page: nothing about the draft lands in history."""
EXERCISES = {
    "breathe": "Slow breathing",
    "ground": "Five things around you",
    "urge": "Riding out an urge",
    "kind": "A kind word to yourself",
}
DECIDED_NOTICES = {
    "sent": "Noted: you sent it. Whatever comes back, you gave yourself time first.",
    "let-go": "Noted: you let it go. It stays in your list until you delete it.",
}


def checker() -> DraftChecker:
    """The process's one checker (services/draftcheck.py `shared_checker`)."""
    from clearheart.services.draftcheck import shared_checker

    return shared_checker()


def warm() -> None:
    """Build the checker, and load the safety classifier that reads the same draft, in the
    background (called when the vault opens), so the first check at 1 a.m. does not wait
    for the models to load."""

    def build() -> None:
        from clearheart.services.safety import installed_model

        try:
            checker()
            installed_model()
        except Exception as error:  # a check later says what went wrong, in the page
            log.warning("The draft check could not be prepared ahead (%s).", error)

    # Not a daemon: a server stopped mid-load waits the second or two for it to finish,
    # since a native library torn down under a running load aborts the whole process.
    threading.Thread(target=build, name="clearheart-warm-check").start()


def _pen(workspace: Workspace) -> dict[str, Any]:
    now = workspace.clock.now()
    held = workspace.pause.list(limit=30)
    waiting = [h for h in held if h.status == "holding"]
    return {
        "waiting": [(h, h.seconds_left(now), time_left(h.seconds_left(now))) for h in waiting],
        "decided": [h for h in held if h.status != "holding"][:5],
    }


def _pause_page(workspace: Workspace) -> dict[str, Any]:
    """What pause.html needs beside the draft: the exercises, whether it is late at night
    (its lesson comes first then), help, and the held drafts."""
    return {
        "exercises": EXERCISES,
        "late": is_late(workspace.clock.now()),
        **help_context(workspace),
        **_pen(workspace),
    }


def pause_page(request: Request) -> Response:
    workspace = state_of(request).require()
    return html(
        request,
        "pause.html",
        TITLE,
        {
            "draft": "",
            "errors": Fields(),
            **_pause_page(workspace),
        },
    )


def _check_page(
    request: Request,
    workspace: Workspace,
    draft: str,
    *,
    answers: rewrite_rules.Answers | None = None,
    made: rewrite_rules.Rewrite | None = None,
    errors: Fields | None = None,
    status: int = 200,
) -> Response:
    reading: Reading = checker().check(draft)
    unsafe = reading.safety or not workspace.safety.coaching()
    return html(
        request,
        "pause_check.html",
        TITLE,
        {
            "draft": draft,
            "reading": reading,
            "pieces": pieces(draft, reading.flags),
            "reasons": reasons(draft, reading.flags),
            "unsafe": unsafe,
            "draft_unsafe": reading.safety,
            "questions": rewrite_rules.QUESTIONS,
            "answers": answers or rewrite_rules.Answers(),
            "made": made,
            "errors": errors or Fields(),
            "say_once": rewrite_rules.SAY_ONCE,
            "journal_instead": rewrite_rules.JOURNAL_INSTEAD,
            "minutes": DEFAULT_MINUTES,
            "exercises": EXERCISES,
            **crisis_context(workspace, draft),
        },
        status,
    )


def _draft(request: Request) -> str:
    return str(form_of(request).get("draft", ""))


def check(request: Request) -> Response:
    workspace = state_of(request).require()
    draft = _draft(request)
    if not draft.strip():
        return html(
            request,
            "pause.html",
            TITLE,
            {
                "draft": draft,
                "errors": Fields(draft="Paste or write the message you want to look at first."),
                **_pause_page(workspace),
            },
            status=400,
        )
    workspace.safety.notice(draft, Source.DRAFT)
    return _check_page(request, workspace, draft)


def build_rewrite(request: Request) -> Response:
    workspace = state_of(request).require()
    form = form_of(request)
    draft = _draft(request)
    answers = rewrite_rules.Answers(*(str(form.get(f, "")) for f in rewrite_rules.FIELDS))
    if not draft.strip():
        return see_other("/pause")
    found = rewrite_rules.problems(answers)
    if found:
        errors = Fields({k: sentence(v) for k, v in found.items()})
        return _check_page(request, workspace, draft, answers=answers, errors=errors, status=400)
    made = workspace.pause.rewrite(answers, draft)  # None while coaching rests
    return _check_page(request, workspace, draft, answers=answers, made=made)


def hold(request: Request) -> Response:
    workspace = state_of(request).require()
    form = form_of(request)
    draft = _draft(request)
    minutes = read_whole(str(form.get("minutes", "")) or str(DEFAULT_MINUTES), "minutes",
                         HOLD_MINUTES)
    held = workspace.pause.hold(draft, minutes, str(form.get("rewrite", "")) or None)
    notify(request, f"Held for {held.minutes} minutes. Nothing was sent.")
    return see_other("/pause#pen")


def decide(request: Request) -> Response:
    workspace = state_of(request).require()
    draft_id = path_id(request, "draft_id")
    status = str(form_of(request).get("status", ""))
    held = workspace.pause.decide(draft_id, status)
    if held.status == "journaled":
        notify(request, "It is in your journal now, word for word. Nothing was sent.")
        return see_other("/journal")
    notify(request, DECIDED_NOTICES[held.status])
    return see_other("/pause#pen")


def forget(request: Request) -> Response:
    state_of(request).require().pause.forget(path_id(request, "draft_id"))
    notify(request, "Deleted. It is gone for good.")
    return see_other("/pause#pen")


def to_journal(request: Request) -> Response:
    """ "Write it in your journal instead", straight from the check."""
    state_of(request).require().pause.draft_to_journal(_draft(request))
    notify(request, "It is in your journal now, word for word. Nothing was sent.")
    return see_other("/journal")


def logged(request: Request) -> Response:
    state_of(request).require().pause.paused_instead()
    notify(request, "Logged: I paused instead of chasing.")
    if str(form_of(request).get("back", "")) == "log":
        return see_other("/log")
    return see_other("/pause#pen")


def exercise(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in EXERCISES:
        raise NotFound("exercise", name)
    return html(
        request,
        "pause_exercise.html",
        TITLE,
        {
            "name": name,
            "heading": EXERCISES[name],
            "exercises": EXERCISES,
        },
    )


def need_page(
    request: Request, *, text: str = "", errors: Fields | None = None, status: int = 200
) -> Response:
    return html(
        request,
        "pause_need.html",
        TITLE,
        {
            "text": text,
            "errors": errors or Fields(),
            "exercises": EXERCISES,
        },
        status,
    )


def need(request: Request) -> Response:
    workspace = state_of(request).require()
    form = form_of(request)
    text = str(form.get("need", ""))
    to = str(form.get("to", ""))
    try:
        workspace.pause.need_now(text, to)
    except InvalidInput as exc:
        return need_page(request, text=text, errors=Fields(need=sentence(exc.reason)), status=400)
    after_writing(request, workspace, text)
    if to == "journal":
        notify(request, "Saved in your journal.")
        return see_other("/journal")
    notify(request, "Logged: I paused instead of chasing.")
    return see_other("/log")


routes = [
    Route("/pause", pause_page, methods=["GET"]),
    Route("/pause/check", check, methods=["POST"]),
    Route("/pause/rewrite", build_rewrite, methods=["POST"]),
    Route("/pause/hold", hold, methods=["POST"]),
    Route("/pause/journal", to_journal, methods=["POST"]),
    Route("/pause/logged", logged, methods=["POST"]),
    Route("/pause/need", need_page, methods=["GET"]),
    Route("/pause/need", need, methods=["POST"]),
    Route("/pause/{draft_id:id}/decide", decide, methods=["POST"]),
    Route("/pause/{draft_id:id}/delete", forget, methods=["POST"]),
    Route("/pause/{name:str}", exercise, methods=["GET"]),
]
