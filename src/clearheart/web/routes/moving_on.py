"""Moving on (issue 14, letting go): the hub, the no-contact tracker, urges, unsent letters.

Titles stay neutral ("Moving on"). Nothing here coaches but a few marked lines
(_coaching.html), so every form works in either state of the safety gate: keeping
distance, noting a contact or an urge, and writing a letter are records. A form with a
problem comes back with its answers and says what to change, having stored nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.letting_go import (
    DEFAULT_HEADING,
    DID,
    MAX_STRENGTH,
    MODES,
    STARTERS,
    TRIGGERS,
    WAYS,
    ContactDraft,
    UrgeDraft,
)
from clearheart.domain.letting_go.urges import MAX_MINUTES
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.services.workspace import Workspace
from clearheart.web.render import Fields, form_of, html, notify, see_other, sentence, state_of

TITLE = "Moving on"
STRENGTH = Bounds(0, MAX_STRENGTH, "choose how strong it was, from 0 to 10")
MINUTES = Bounds(0, MAX_MINUTES, "write the minutes as a whole number, up to 1440 (a day)")
STRENGTHS = tuple(
    {"value": n, "anchor": {0: "barely", MAX_STRENGTH: "overwhelming"}.get(n, "")}
    for n in range(MAX_STRENGTH + 1)
)
"""The strength scale as the shared scale row draws it (_scale.html), words at both ends."""
SECTIONS = (
    ("/moving-on/contact", "Keeping distance", "days without contact, in your own rules"),
    ("/moving-on/urges", "Urges to reach out", "note one instead of acting on it"),
    ("/moving-on/letters", "Unsent letters", "words you keep here and never send"),
    ("/moving-on/promise", "The promise and what happened",
     "what you hoped for, beside what your records show"),
    ("/people", "People who help", "a life outside the relationship, and who is in it"),
    ("/dating", "Someone new", "your own checklist, and a notebook for each new person"),
)
"""The hub's sections: address, name, what it is for."""
REACH_MOST = 3
"""People the urge page offers to reach instead (good for talk or company, most recent first)."""


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _hub_lines(workspace: Workspace) -> dict[str, str]:
    """One plain line per section saying where it stands, with its count."""
    status = workspace.nocontact.status()
    if status is None:
        distance = "Not started. Begin whenever you are ready."
    else:
        since = "your last contact" if status.count.last_contact else "you began"
        distance = f"{_plural(status.count.days_since, 'day', 'days')} since {since}."
    versions = len(workspace.promise.history())
    people = workspace.support.summary()
    notebooks = len(workspace.dating.people())
    return {
        "/moving-on/contact": distance,
        "/moving-on/urges": f"{_plural(len(workspace.urges.urges()), 'urge', 'urges')} noted.",
        "/moving-on/letters": f"{_plural(len(workspace.letters.letters()), 'letter', 'letters')}"
                              " kept.",
        "/moving-on/promise": (
            "Resting for now, while your safety comes first." if workspace.promise.resting()
            else f"Written, {_plural(versions, 'version', 'versions')} kept." if versions
            else "Not written yet."
        ),
        "/people": (
            f"{_plural(people.people, 'person or place', 'people and places')}; in touch with "
            f"{people.reached} in the last 30 days." if people.people
            else "No one listed yet."
        ),
        "/dating": (
            f"{_plural(notebooks, 'notebook', 'notebooks')} kept." if notebooks
            else "No notebooks yet."
        ),
    }


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _day(text: str, field: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(field, "write the date as year-month-day, like 2026-03-31") from None


def _moment(text: str, now: datetime) -> datetime:
    if not text.strip():
        return now
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("at", "choose a date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)


def _minutes(text: str) -> int | None:
    return read_whole(text, "minutes", MINUTES) if text.strip() else None


def hub(request: Request) -> Response:
    workspace = state_of(request).require()
    return html(
        request,
        "moving_on.html",
        TITLE,
        {
            "sections": SECTIONS,
            "lines": _hub_lines(workspace),
        },
    )


def contact_page(
    request: Request,
    errors: Fields | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    tracker = workspace.nocontact
    found = tracker.status()
    current = found.rules.rules if found else None
    values = Fields(form or {})
    if form is None and current is not None:
        values |= {
            "counts": "\n".join(current.counts),
            "exceptions": "\n".join(current.exceptions),
            "mode": current.mode.value,
        }
    return html(
        request,
        "moving_on_contact.html",
        TITLE,
        {
            "status": found,
            "modes": MODES,
            "ways": WAYS,
            "starters": STARTERS,
            "history": tuple(reversed(tracker.history())),
            "errors": errors or Fields(),
            "values": values,
            "today": workspace.clock.now().date().isoformat(),
        },
        status,
    )


def urges_page(
    request: Request,
    errors: Fields | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    return html(
        request,
        "moving_on_urges.html",
        TITLE,
        {
            "weeks": workspace.urges.weeks(),
            "reach": workspace.support.for_hard_moments()[:REACH_MOST],
            "urges": tuple(reversed(workspace.urges.urges())),
            "triggers": TRIGGERS,
            "did": DID,
            "strengths": STRENGTHS,
            "errors": errors or Fields(),
            "values": Fields(form or {}),
            "chosen": set(form_of(request).getlist("triggers")) if form else set(),
        },
        status,
    )


def letters_page(request: Request) -> Response:
    workspace = state_of(request).require()
    return html(request, "moving_on_letters.html", TITLE, {"letters": workspace.letters.letters()})


def letter_page(
    request: Request,
    errors: Fields | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    letter_id = request.path_params.get("letter_id")
    letter = workspace.letters.get(letter_id) if letter_id is not None else None
    values = Fields(form or {})
    if form is None:
        values |= (
            {"heading": letter.heading, "body": letter.body}
            if letter
            else {"heading": request.query_params.get("heading", DEFAULT_HEADING)[:200]}
        )
    return html(
        request,
        "moving_on_letter.html",
        TITLE,
        {
            "letter": letter,
            "values": values,
            "errors": errors or Fields(),
        },
        status,
    )


def _posted(
    page: Callable[..., Response], save: Callable[[Request], str], done: str
) -> Callable[[Request], Response]:
    """Save, say so, go to the address `save` gives; on a problem, show it on `page`."""

    def handler(request: Request) -> Response:
        try:
            where = save(request)
        except InvalidInput as problem:
            form = {k: str(v) for k, v in form_of(request).items()}
            return page(request, Fields({problem.field: sentence(problem.reason)}), form, 400)
        notify(request, done)
        return see_other(where)

    return handler


def _start(request: Request) -> str:
    form, workspace = form_of(request), state_of(request).require()
    workspace.nocontact.start(
        str(form.get("mode", "no-contact")),
        _day(str(form.get("started_on", "")), "started_on"),
        _lines(str(form.get("counts", ""))),
        _lines(str(form.get("exceptions", ""))),
    )
    return "/moving-on/contact"


def _rules(request: Request) -> str:
    form = form_of(request)
    state_of(request).require().nocontact.change_rules(
        mode=str(form.get("mode", "")) or None,
        counts=_lines(str(form.get("counts", ""))),
        exceptions=_lines(str(form.get("exceptions", ""))),
    )
    return "/moving-on/contact#rules"


def _contact(request: Request) -> str:
    form, workspace = form_of(request), state_of(request).require()
    workspace.nocontact.log_contact(
        ContactDraft(
            _moment(str(form.get("at", "")), workspace.clock.now()),
            str(form.get("way", "")),
            str(form.get("started_by", "")),
            str(form.get("exception", "")) or None,
            str(form.get("note", "")) or None,
        )
    )
    return "/moving-on/contact"


def _urge(request: Request) -> str:
    form, workspace = form_of(request), state_of(request).require()
    strength = read_whole(str(form.get("strength", "")), "strength", STRENGTH)
    workspace.urges.log(
        UrgeDraft(
            _moment(str(form.get("at", "")), workspace.clock.now()),
            strength,
            tuple(str(t) for t in form.getlist("triggers")),
            str(form.get("own_trigger", "")),
            _minutes(str(form.get("minutes", ""))),
            str(form.get("did", "rode-it-out")),
            str(form.get("note", "")) or None,
        )
    )
    return "/moving-on/urges#weeks"


def _write(request: Request) -> str:
    form, workspace = form_of(request), state_of(request).require()
    letter_id = request.path_params.get("letter_id")
    heading, body = str(form.get("heading", "")), str(form.get("body", ""))
    if letter_id is None:
        letter = workspace.letters.write(heading, body)
    else:
        letter = workspace.letters.edit(letter_id, heading, body)
    return f"/moving-on/letters/{letter.id}"


def _delete_letter(request: Request) -> Response:
    state_of(request).require().letters.delete(request.path_params["letter_id"])
    notify(request, "The letter is deleted. It is gone for good.")
    return see_other("/moving-on/letters")


SAVED_LETTER = "Kept here, and only here. Nothing was sent."
routes = [
    Route("/moving-on", hub, methods=["GET"]),
    Route("/moving-on/contact", contact_page, methods=["GET"]),
    Route(
        "/moving-on/contact/start",
        _posted(contact_page, _start, "Started. Your rules are saved."),
        methods=["POST"],
    ),
    Route(
        "/moving-on/contact/rules",
        _posted(contact_page, _rules, "Saved as a new version. Earlier ones are kept below."),
        methods=["POST"],
    ),
    Route("/moving-on/contact", _posted(contact_page, _contact, "Noted."), methods=["POST"]),
    Route("/moving-on/urges", urges_page, methods=["GET"]),
    Route(
        "/moving-on/urges",
        _posted(urges_page, _urge, "Noted. Whatever you did, noticing it counts."),
        methods=["POST"],
    ),
    Route("/moving-on/letters", letters_page, methods=["GET"]),
    Route("/moving-on/letters/new", letter_page, methods=["GET"]),
    Route("/moving-on/letters/new", _posted(letter_page, _write, SAVED_LETTER), methods=["POST"]),
    Route("/moving-on/letters/{letter_id:id}", letter_page, methods=["GET"]),
    Route(
        "/moving-on/letters/{letter_id:id}",
        _posted(letter_page, _write, SAVED_LETTER),
        methods=["POST"],
    ),
    Route("/moving-on/letters/{letter_id:id}/delete", _delete_letter, methods=["POST"]),
]
