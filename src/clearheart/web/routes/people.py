"""The people and places that help (concept C4): the list, one person, times in touch.

Titles and addresses stay neutral ("People", /people). The list and its forms work in
every state of the safety gate (a list of who helps is part of staying safe); only the
nudges and the ideas for a first name are coaching, rendered through _coaching.html.
A form with a problem comes back with what was typed and says what to change, having
stored nothing.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.support import KINDS, Kind, every_words, read_day, read_every
from clearheart.errors import InvalidInput
from clearheart.services.support import SupportService
from clearheart.web.numbers import path_id
from clearheart.web.render import Fields, field_error, form_of, html, notify, see_other, state_of

TITLE = "People"
FIELDS = ("name", "words", "how", "every")


def _service(request: Request) -> SupportService:
    return state_of(request).require().support


def _common() -> dict[str, Any]:
    return {"kinds": [(k.value, KINDS[k]) for k in Kind], "every_words": every_words}


def list_page(
    request: Request,
    *,
    draft: Fields | None = None,
    errors: Fields | None = None,
    status: int = 200,
) -> Response:
    support = _service(request)
    people = support.supporters()
    return html(
        request,
        "people.html",
        TITLE,
        {
            **_common(),
            "people": people,
            "summary": support.summary(),
            "due": support.due(),
            "on_plan": support.on_plan(),
            "today": support.today(),
            "draft": draft or Fields(),
            "picked": set((draft or Fields()).get("good_for", ())),
            "errors": errors or Fields(),
        },
        status,
    )


def person_page(
    request: Request,
    *,
    draft: Fields | None = None,
    errors: Fields | None = None,
    time: Fields | None = None,
    status: int = 200,
) -> Response:
    """One supporter; `draft` keeps an edit being fixed, `time` a time in touch being fixed."""
    support = _service(request)
    person = support.get(path_id(request, "supporter_id"))
    d = person.details
    if draft is None:
        draft = Fields(
            name=d.name,
            words=d.words,
            how=d.how,
            every=str(d.every_days) if d.every_days else "",
            good_for=[k.value for k in d.good_for],
        )
    return html(
        request,
        "people_one.html",
        TITLE,
        {
            **_common(),
            "person": person,
            "on_plan": person.id in support.on_plan(),
            "today": support.today(),
            "draft": draft,
            "picked": set(draft.get("good_for", ())),
            "errors": errors or Fields(),
            "time": time or Fields(),
        },
        status,
    )


def _draft(request: Request) -> Fields:
    form = form_of(request)
    return Fields(
        {name: str(form.get(name, "")) for name in FIELDS}
        | {"good_for": [str(k) for k in form.getlist("good_for")]}
    )


def add(request: Request) -> Response:
    draft = _draft(request)
    try:
        added = _service(request).add(
            draft["name"],
            draft["good_for"],
            draft["words"],
            draft["how"],
            read_every(draft["every"]),
        )
    except InvalidInput as exc:
        return list_page(request, draft=draft, errors=field_error(exc), status=400)
    notify(request, f"Added {added.name}.")
    return see_other("/people")


def edit(request: Request) -> Response:
    draft = _draft(request)
    supporter_id = path_id(request, "supporter_id")
    try:
        _service(request).edit(
            supporter_id,
            draft["name"],
            draft["good_for"],
            draft["words"],
            draft["how"],
            read_every(draft["every"]),
        )
    except InvalidInput as exc:
        return person_page(request, draft=draft, errors=field_error(exc), status=400)
    notify(request, "Saved.")
    return see_other(f"/people/{supporter_id}")


def reached(request: Request) -> Response:
    support = _service(request)
    supporter_id = path_id(request, "supporter_id")
    form = form_of(request)
    note, on = str(form.get("note", "")), str(form.get("on", ""))
    try:
        support.reached(supporter_id, read_day(on, support.today()), note)
    except InvalidInput as exc:
        return person_page(
            request, errors=field_error(exc), time=Fields(note=note, on=on), status=400
        )
    notify(request, "Noted.")
    back = str(form.get("back", ""))
    return see_other("/people" if back == "list" else f"/people/{supporter_id}")


def forget_time(request: Request) -> Response:
    supporter_id = path_id(request, "supporter_id")
    support = _service(request)
    contact_id = path_id(request, "contact_id")
    if contact_id not in {c.id for c in support.get(supporter_id).contacts}:
        raise InvalidInput("time", "that time is not one of this person's")
    support.forget_contact(contact_id)
    notify(request, "Removed that time.")
    return see_other(f"/people/{supporter_id}#times")


def remove(request: Request) -> Response:
    support = _service(request)
    supporter_id = path_id(request, "supporter_id")
    name = support.get(supporter_id).name
    support.remove(supporter_id)
    notify(request, f"Removed {name}.")
    return see_other("/people")


def to_plan(request: Request) -> Response:
    """Copy someone into the safety plan; back to the plan when asked from there."""
    support = _service(request)
    supporter_id = path_id(request, "supporter_id")
    back = (
        "/help/plan#people"
        if str(form_of(request).get("back", "")) == "plan"
        else f"/people/{supporter_id}"
    )
    try:
        support.add_to_plan(supporter_id)
    except InvalidInput as exc:
        notify(request, field_error(exc)[exc.field])
        return see_other(back)
    notify(request, f"Added {support.get(supporter_id).name} to your safety plan.")
    return see_other(back)


routes = [
    Route("/people", list_page, methods=["GET"]),
    Route("/people", add, methods=["POST"]),
    Route("/people/{supporter_id:id}", person_page, methods=["GET"]),
    Route("/people/{supporter_id:id}", edit, methods=["POST"]),
    Route("/people/{supporter_id:id}/reached", reached, methods=["POST"]),
    Route("/people/{supporter_id:id}/remove", remove, methods=["POST"]),
    Route("/people/{supporter_id:id}/plan", to_plan, methods=["POST"]),
    Route("/people/{supporter_id:id}/times/{contact_id:id}/remove", forget_time, methods=["POST"]),
]
