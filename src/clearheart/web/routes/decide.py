"""The decision aid's pages: the decision and how settled it feels, values, what the person
has seen, the three paths, a plan. Titles stay neutral ("Weighing up").

While the safety gate is closed (services/safety.py) every page shows the safety plan and
who can help instead of the aid, and every form is refused by the service. A saved form
goes back to its page; a form with a problem comes back with its answers and says what
to change, having stored nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.content.decide_copy import progress_sentence
from clearheart.domain.decide import MAX_WEIGHT, OFFERED, PARTS, Plan, Stage, is_own
from clearheart.domain.decide.plan import LISTS
from clearheart.errors import InvalidInput
from clearheart.web import evidence_view
from clearheart.web.decide_view import (
    OWN_SLOTS,
    PATHS,
    order_of,
    plan_of,
    ratings_of,
    step_links,
    sure_of,
    values_of,
)
from clearheart.web.render import (
    Fields,
    form_of,
    help_context,
    html,
    notify,
    see_other,
    sentence,
    state_of,
)
from clearheart.web.routes.patterns import INLINE_MOST, before_after_section, service_of

if TYPE_CHECKING:
    from clearheart.services.decide import DecideService

TITLE = "Weighing up"
TEMPLATES = {
    None: "decide.html",
    Stage.VALUES: "decide_values.html",
    Stage.EVIDENCE: "decide_evidence.html",
    Stage.OPTIONS: "decide_options.html",
    Stage.PLAN: "decide_plan.html",
}
EVIDENCE_PAGES = (
    ("/chats", "Patterns in your chats", "who reaches out, reply times, plans, the loop"),
    ("/log", "Your log", "bids, repairs, needs named and how they were met"),
    ("/reflect", "Questionnaires", "your answers over time"),
    ("/journal", "Your journal", "what you wrote, and your mood"),
)
"""Where the person's evidence lives now (each chat's page holds its patterns)."""


def _page(
    request: Request,
    shown: Stage | None,
    errors: Fields | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    service = workspace.decide
    if service.resting():
        return html(request, "decide_resting.html", TITLE, help_context(workspace), status)
    copy = service.copy()
    aid = service.aid()
    context: dict[str, Any] = {
        "copy": copy,
        "aid": aid,
        "shown": shown,
        "steps": step_links(aid, dict(copy.stages), shown),
        "errors": errors or Fields(),
        "form": Fields(form or {}),
    }
    if shown is None:
        context |= {
            "progress": progress_sentence(service.progress()),
            "takes": service.progress().takes,
            "latest": service.plan(),
        }
    elif shown is Stage.VALUES:
        context |= {
            "chosen": {v.id: v for v in aid.values},
            "offered": OFFERED,
            "own": [v for v in aid.values if is_own(v.id)],
            "own_slots": range(1, OWN_SLOTS + 1),
            "weights": range(MAX_WEIGHT + 1),
        }
    elif shown is Stage.EVIDENCE:
        patterns = service_of(request)
        digest = workspace.evidence.digest(patterns=patterns, inline_most=INLINE_MOST)
        split_values, split_errors = Fields(), Fields()
        context |= {
            "pages": EVIDENCE_PAGES,
            "evidence": evidence_view.view_of(digest),
            "values": split_values,
            "split_errors": split_errors,
            **before_after_section(request, None, patterns, split_values, split_errors),
        }
        if split_errors:
            status = 400
    elif shown is Stage.OPTIONS:
        context |= {"order": aid.order(), "reflections": service.reflections()}
    else:
        latest = service.plan()
        if form is None and latest is not None:
            context["form"] = Fields(_plan_form(latest.plan))
        context |= {
            "order": aid.order(),
            "parts": PARTS,
            "lists": LISTS,
            "latest": latest,
            "history": tuple(reversed(service.history())),
            "today": workspace.clock.now().date().isoformat(),
        }
    return html(request, TEMPLATES[shown], TITLE, context, status)


def _plan_form(plan: Plan) -> dict[str, str]:
    """A saved plan as the form's fields, to start a new version from."""
    fields = {
        name: "\n".join(value) if isinstance(value, list) else str(value)
        for name, value in plan.parts().items()
    }
    return fields | {"option": plan.option.value, "review_on": plan.review_on.isoformat()}


def _posted(
    shown: Stage | None, save: Callable[[Request], object], done: str, anchor: str = ""
) -> Callable[[Request], Response]:
    """A form handler: save, say so, go back to the page; on a problem, show it there."""

    def handler(request: Request) -> Response:
        try:
            save(request)
        except InvalidInput as problem:
            form = {k: str(v) for k, v in form_of(request).items()}
            return _page(
                request, shown, Fields({problem.field: sentence(problem.reason)}), form, status=400
            )
        notify(request, done)
        return see_other((PATHS[shown] if shown else "/decide") + anchor)

    return handler


def _aid(request: Request) -> DecideService:
    return state_of(request).require().decide


def _start(request: Request) -> Response:
    try:
        _aid(request).start()
    except InvalidInput:
        return see_other("/decide")
    return see_other("/decide/values")


routes = [
    Route("/decide", lambda r: _page(r, None), methods=["GET"]),
    Route("/decide/values", lambda r: _page(r, Stage.VALUES), methods=["GET"]),
    Route("/decide/evidence", lambda r: _page(r, Stage.EVIDENCE), methods=["GET"]),
    Route("/decide/options", lambda r: _page(r, Stage.OPTIONS), methods=["GET"]),
    Route("/decide/plan", lambda r: _page(r, Stage.PLAN), methods=["GET"]),
    Route("/decide/start", _start, methods=["POST"]),
    Route(
        "/decide/sure",
        _posted(
            None,
            lambda r: _aid(r).take_sure(sure_of(form_of(r))),
            "Saved. Thank you for answering.",
            "#sure",
        ),
        methods=["POST"],
    ),
    Route(
        "/decide/values",
        _posted(
            Stage.VALUES,
            lambda r: _aid(r).save_values(values_of(form_of(r))),
            "Your values are saved.",
        ),
        methods=["POST"],
    ),
    Route(
        "/decide/evidence",
        _posted(
            Stage.EVIDENCE,
            lambda r: _aid(r).rate(ratings_of(form_of(r))),
            "Your answers are saved.",
        ),
        methods=["POST"],
    ),
    Route(
        "/decide/options",
        _posted(
            Stage.OPTIONS, lambda r: _aid(r).set_order(order_of(form_of(r))), "The order is saved."
        ),
        methods=["POST"],
    ),
    Route(
        "/decide/plan",
        _posted(
            Stage.PLAN,
            lambda r: _aid(r).choose(plan_of(form_of(r))),
            "Your plan is saved. Earlier versions are kept below.",
            "#saved",
        ),
        methods=["POST"],
    ),
    Route(
        "/decide/questions",
        _posted(
            Stage.PLAN,
            lambda r: _aid(r).save_questions(str(form_of(r).get("questions", "")).splitlines()),
            "Your questions are saved.",
            "#questions",
        ),
        methods=["POST"],
    ),
]
