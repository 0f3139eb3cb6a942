"""Help: who can help in your country, the safety switch, your plan, covering your tracks.

The addresses and tab titles are plain ("Help", "Plan", "Privacy"), since they land in
the browser's history. The switch is reachable from every page (the footer); while the
gate is closed, a small ring beside the name links here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.content.help_copy import load_help_copy
from clearheart.domain.safety import Source
from clearheart.domain.safety.plan import MAX_PEOPLE, Person, Plan
from clearheart.errors import InvalidInput
from clearheart.web.render import (
    DANGER_WORDS,
    Fields,
    form_of,
    html,
    notify,
    see_other,
    sentence,
    state_of,
)

if TYPE_CHECKING:
    from clearheart.domain.assess.model import Instrument
    from clearheart.domain.safety import Gate
    from clearheart.domain.support import Supporter
    from clearheart.services.workspace import Workspace

PLAN_ROWS = 3
"""Empty rows for new people under the ones already in the plan."""
_SOURCES = {
    Source.QUESTIONNAIRE: "Answers to a questionnaire",
    Source.SWITCH: "You said you do not feel safe",
    Source.JOURNAL: "Words in a journal entry",
    Source.DRAFT: "Words in a message you checked",
    Source.IMPORT: "An earlier answer",
}


def reasons(workspace: Workspace, gate: Gate) -> list[str]:
    """The gate's reasons in plain words: where each came from, and what it was about."""
    items: dict[str, list[str]] = {}
    by_id: Mapping[str, Instrument] = {i.id: i for i in workspace.assess.instruments()}
    for reason in gate.reasons:
        what = items.setdefault(_SOURCES[reason.source], [])
        if reason.source in (Source.QUESTIONNAIRE, Source.IMPORT) and "/" in reason.sign:
            instrument_id, _, item_id = reason.sign.partition("/")
            item = by_id[instrument_id].item(item_id) if instrument_id in by_id else None
            if item is not None and item.text.strip() and f"“{item.text}”" not in what:
                what.append(f"“{item.text}”")
        elif reason.sign in DANGER_WORDS and DANGER_WORDS[reason.sign] not in what:
            what.append(DANGER_WORDS[reason.sign])
    return [f"{where}: {', '.join(what)}" if what else where for where, what in items.items()]


def help_page(request: Request) -> Response:
    workspace = state_of(request).require()
    gate = workspace.safety.gate()
    country = workspace.help.country()
    return html(request, "help.html", "Help", {
        "gate_reasons": reasons(workspace, gate),
        "country": country,
        "directory": workspace.help.directory(),
        "plan": workspace.help.plan(),
        "switches": [e for e in workspace.safety.history() if e.source is Source.SWITCH][-5:],
    })


def _next(request: Request) -> str | None:
    """A page of this app to go back to (from a check-in card), or None."""
    where = str(form_of(request).get("next", ""))
    return where if where.startswith("/") and not where.startswith("//") else None


def unsafe(request: Request) -> Response:
    state_of(request).require().safety.unsafe()
    notify(request, "Noted. Suggestions are resting, and help is below whenever you need it.")
    return see_other("/help")


def safe(request: Request) -> Response:
    state_of(request).require().safety.safe()
    back = _next(request)
    notify(request, "Noted. Suggestions can show again." if back else
           "Noted. Suggestions can show again. This page stays here whenever you need it.")
    return see_other(back or "/help")


def choose_country(request: Request) -> Response:
    state_of(request).require().help.choose_country(str(form_of(request).get("country", "")))
    return see_other("/help#people")


# --- the plan -------------------------------------------------------------------------


def _plan_context(plan: Plan) -> dict[str, Any]:
    people = list(plan.people)
    rows = [*people, *([None] * max(PLAN_ROWS, 1))][: max(len(people) + PLAN_ROWS, PLAN_ROWS)]
    return {"plan": plan, "copy": load_help_copy(), "people_rows": rows[:MAX_PEOPLE],
            "extra_text": "\n".join(plan.extra)}


def plan_page(request: Request, *, plan: Plan | None = None, errors: Fields | None = None,
              status: int = 200) -> Response:
    workspace = state_of(request).require()
    return html(request, "help_plan.html", "Plan", {
        **_plan_context(plan or workspace.help.plan()),
        "country": workspace.help.country(),
        "errors": errors or Fields(),
        "network": _not_on_plan(workspace),
    }, status)


def _not_on_plan(workspace: Workspace) -> list[Supporter]:
    """The person's people (/people) not yet among the plan's, to copy in with one tap."""
    on_plan = workspace.support.on_plan()
    return [s for s in workspace.support.supporters() if s.id not in on_plan]


def _plan_data(request: Request) -> dict[str, Any]:
    """The form as the JSON shape services/help.py checks (Plan.to_json)."""
    form = form_of(request)
    copy = load_help_copy()
    people = [
        {"name": str(name), "how": str(how), "note": str(note)}
        for name, how, note in zip(form.getlist("person_name"), form.getlist("person_how"),
                                   form.getlist("person_note"), strict=False)
    ]
    extra = [line for line in str(form.get("extra", "")).splitlines() if line.strip()]
    return {
        "parts": {part.id: str(form.get(part.id, "")) for part in copy.parts},
        "people": people,
        "packed": [str(item) for item in form.getlist("packed")
                   if str(item) in dict(copy.bag) or str(item) in extra],
        "extra": extra,
    }


def save_plan(request: Request) -> Response:
    workspace = state_of(request).require()
    data = _plan_data(request)
    try:
        workspace.help.save_plan(data)
    except InvalidInput as exc:
        kept = Plan(  # everything as typed, so nothing is lost while one field is fixed
            parts=data["parts"],
            people=tuple(Person(p["name"], p["how"], p["note"]) for p in data["people"]
                         if any(v.strip() for v in p.values())),
            packed=frozenset(data["packed"]),
            extra=tuple(data["extra"]),
        )
        return plan_page(request, plan=kept, errors=Fields({exc.field: sentence(exc.reason)}),
                         status=400)
    notify(request, "Saved.")
    return see_other("/help/plan")


def print_plan(request: Request) -> Response:
    """The plan on a plain page for paper: no name of the app, no links, no script."""
    workspace = state_of(request).require()
    return html(request, "help_plan_print.html", "Notes", {
        **_plan_context(workspace.help.plan()),
        "country": workspace.help.country(),
        "directory_countries": workspace.help.directory().countries,
    })


def tracks(request: Request) -> Response:
    return html(request, "help_tracks.html", "Privacy", {"copy": load_help_copy()})


routes = [
    Route("/help", help_page, methods=["GET"]),
    Route("/help/unsafe", unsafe, methods=["POST"]),
    Route("/help/safe", safe, methods=["POST"]),
    Route("/help/country", choose_country, methods=["POST"]),
    Route("/help/plan", plan_page, methods=["GET"]),
    Route("/help/plan", save_plan, methods=["POST"]),
    Route("/help/plan/print", print_plan, methods=["GET"]),
    Route("/help/privacy", tracks, methods=["GET"]),
]
