"""Reflection questionnaires: the hub, taking one, its results over time.

A take that shows a sign of danger goes to /help instead of its results: safety
comes before any score, and the safety gate (services/safety.py) rests coaching
until the person says they are safe now.

People in per-person questionnaires are addressed in URLs by their place in the
list (`?person=2`), never by name, so no name lands in the browser's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.assess.model import OWN_MAX_NEEDS, Instrument, Result
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput, NotFound
from clearheart.web.numbers import path_id
from clearheart.web.reflect_view import (
    GROUP_TITLES,
    group_rows,
    history_rows,
    hub_row,
    questions,
    rated_needs,
    scale_points,
    score_views,
)
from clearheart.web.render import Fields, form_of, html, notify, see_other, sentence, state_of

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

TITLE = "Reflect"
"""Every reflection page has the same plain tab title: no questionnaire's name in history."""
NEED_ROWS = 5
NEW_PERSON = "__new__"


# --- the hub ------------------------------------------------------------------------


def hub(request: Request) -> Response:
    workspace = state_of(request).require()
    assess = workspace.assess
    rows = []
    for instrument in assess.instruments():
        people = assess.subjects(instrument.id) if instrument.per_person else []
        history = _all_results(workspace, instrument, people)
        last = history[-1] if history else None
        rows.append(hub_row(instrument, history, assess.scores(last) if last else (), len(people)))
    return html(
        request,
        "reflect.html",
        TITLE,
        {
            "groups": group_rows(rows),
        },
    )


def _all_results(workspace: Workspace, instrument: Instrument, people: list[str]) -> list[Result]:
    assess = workspace.assess
    if not instrument.per_person:
        return assess.results(instrument.id)
    found: list[Result] = []
    for person in people:
        found.extend(assess.results(instrument.id, person))
    return sorted(found, key=lambda r: r.taken_at)


# --- taking one -------------------------------------------------------------------------


def _rows_wanted(form_value: str) -> int:
    try:
        return read_whole(form_value, "rows", Bounds(1, OWN_MAX_NEEDS))
    except InvalidInput:
        return NEED_ROWS


def take_page(
    request: Request,
    *,
    draft: Fields | None = None,
    errors: Fields | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    instrument = workspace.assess.instrument(request.path_params["instrument_id"])
    draft = draft if draft is not None else Fields()
    people = workspace.assess.subjects(instrument.id) if instrument.per_person else []
    if instrument.per_person and "subject" not in draft:
        chosen = _person(request, people)
        draft["subject"] = chosen if chosen is not None else (people[0] if people else "")
    rows = draft.get("rows") or NEED_ROWS
    return html(
        request,
        "reflect_take.html",
        TITLE,
        {
            "instrument": instrument,
            "questions": questions(instrument),
            "points": scale_points(instrument.scale),
            "draft": draft,
            "errors": errors or Fields(),
            "people": people,
            "new_person": NEW_PERSON,
            "need_rows": list(range(1, rows + 1)),
            "most_rows": OWN_MAX_NEEDS,
            "group_title": GROUP_TITLES.get(instrument.group, ""),
        },
        status,
    )


def _draft_of(request: Request, instrument: Instrument) -> Fields:
    form = form_of(request)
    draft = Fields()
    for item in instrument.items:
        draft[item.id] = str(form.get(item.id, ""))
    if instrument.per_person:
        chosen = str(form.get("subject", ""))
        draft["subject"] = chosen
        draft["new_subject"] = str(form.get("new_subject", ""))
    if instrument.own_items:
        rows = _rows_wanted(str(form.get("rows", NEED_ROWS)))
        for n in range(1, rows + 1):
            draft[f"need_name_{n}"] = str(form.get(f"need_name_{n}", ""))
            draft[f"need_rating_{n}"] = str(form.get(f"need_rating_{n}", ""))
        draft["rows"] = rows
    return draft


def _subject_of(draft: Fields) -> str | None:
    new = str(draft["new_subject"]).strip()
    chosen = str(draft["subject"])
    if new or chosen in ("", NEW_PERSON):
        return new
    return chosen


def _needs_of(draft: Fields) -> tuple[list[dict[str, object]], list[int]]:
    """The rows the person filled in, and which row number each came from."""
    needs: list[dict[str, object]] = []
    rows: list[int] = []
    for n in range(1, int(draft["rows"]) + 1):
        name = str(draft[f"need_name_{n}"]).strip()
        rating = str(draft[f"need_rating_{n}"]).strip()
        if not name and not rating:
            continue
        needs.append({"name": name, "rating": rating or None})
        rows.append(n)
    return needs, rows


def _answers_of(instrument: Instrument, draft: Fields) -> tuple[dict[str, object], list[int]]:
    if instrument.own_items:
        needs, rows = _needs_of(draft)
        return {"needs": needs}, rows
    return {item.id: draft[item.id] for item in instrument.items if draft[item.id]}, []


def _error_fields(exc: InvalidInput, instrument: Instrument, rows: list[int]) -> Fields:
    """The service's field as the form names it: an item id, "subject", or a need's row.

    The service names a need "needs #N", counting the needs sent (1-based); `rows` says
    which row of the form each came from. A missing rating is marked by the rating.
    """
    field = exc.field
    message = sentence(exc.reason)
    if instrument.own_items and field.startswith("needs"):
        number = field.removeprefix("needs").strip().lstrip("#").strip()
        if number.isdigit() and 1 <= int(number) <= len(rows):
            part = "rating" if exc.reason.startswith("rate") else "name"
            return Fields({f"need_{part}_{rows[int(number) - 1]}": message})
        return Fields({"needs": message})
    if instrument.own_items and field == "answers":
        return Fields({"needs": message})
    return Fields({field: message})


def take(request: Request) -> Response:
    workspace = state_of(request).require()
    instrument = workspace.assess.instrument(request.path_params["instrument_id"])
    draft = _draft_of(request, instrument)
    form = form_of(request)
    if instrument.own_items and form.get("more"):
        draft["rows"] = min(int(draft["rows"]) + 1, OWN_MAX_NEEDS)
        return take_page(request, draft=draft)
    answers, rows = _answers_of(instrument, draft)
    subject = _subject_of(draft) if instrument.per_person else None
    try:
        taken = workspace.assess.take(instrument.id, answers, subject=subject)
    except InvalidInput as exc:
        return take_page(
            request, draft=draft, errors=_error_fields(exc, instrument, rows), status=400
        )
    if taken.danger:
        return see_other("/help")
    notify(request, "Saved. Here is what your answers show.")
    return see_other(_results_url(workspace, instrument, taken.result.subject))


def _results_url(workspace: Workspace, instrument: Instrument, subject: str | None) -> str:
    url = f"/reflect/{instrument.id}/results"
    if instrument.per_person and subject:
        people = workspace.assess.subjects(instrument.id)
        if subject in people:
            url += f"?person={people.index(subject) + 1}"
    return url


# --- results ------------------------------------------------------------------------------


def _person(request: Request, people: list[str]) -> str | None:
    """`?person=N` (1-based) as a name; None when absent or out of range."""
    try:
        number = read_whole(request.query_params.get("person", ""), "person",
                            Bounds(1, len(people)))
    except InvalidInput:
        return None
    return people[number - 1]


def results_page(request: Request) -> Response:
    workspace = state_of(request).require()
    assess = workspace.assess
    instrument = assess.instrument(request.path_params["instrument_id"])
    people = assess.subjects(instrument.id) if instrument.per_person else []
    subject = _person(request, people)
    if instrument.per_person and subject is None and people:
        subject = people[0]  # the most recent
    history = (
        assess.results(instrument.id, subject) if (subject or not instrument.per_person) else []
    )
    latest = history[-1] if history else None
    scores = assess.scores(latest) if latest else ()
    changes = assess.changes(instrument.id, subject) if len(history) > 1 else ()
    return html(
        request,
        "reflect_results.html",
        TITLE,
        {
            "instrument": instrument,
            "people": people,
            "person": subject,
            "person_number": people.index(subject) + 1 if subject in people else 0,
            "latest": latest,
            "views": score_views(instrument, scores, history, changes),
            "history": history_rows(instrument, history),
            "group_title": GROUP_TITLES.get(instrument.group, ""),
            "needs": rated_needs(instrument, latest) if latest else [],
        },
    )


def delete(request: Request) -> Response:
    workspace = state_of(request).require()
    instrument = workspace.assess.instrument(request.path_params["instrument_id"])
    result = workspace.assess.result(path_id(request, "result_id"))
    if result.instrument_id != instrument.id or result.id is None:
        raise NotFound("questionnaire result", str(request.path_params["result_id"]))
    workspace.assess.delete_result(result.id)
    subject = result.subject
    notify(request, "Deleted. That take is gone for good.")
    return see_other(_results_url(workspace, instrument, subject))


routes = [
    Route("/reflect", hub, methods=["GET"]),
    Route("/reflect/{instrument_id}", take_page, methods=["GET"]),
    Route("/reflect/{instrument_id}", take, methods=["POST"]),
    Route("/reflect/{instrument_id}/results", results_page, methods=["GET"]),
    Route("/reflect/{instrument_id}/results/{result_id:id}/delete", delete, methods=["POST"]),
]
