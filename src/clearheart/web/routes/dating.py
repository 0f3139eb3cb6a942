"""Dating again: the checklist, a notebook per new person, the commitments (F1-F4).

Titles stay neutral ("Someone new") and people are addressed by number, never by name,
so nothing telling lands in the browser's history. Suggestions and commitments coach: they
are rendered through _coaching.html and the service refuses their writes while the gate
is closed. A form with a problem comes back with its words and says what to change,
having stored nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.dating import TAGS, NoteDraft, Tag
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.services.dating import DatingService
from clearheart.web.numbers import path_id
from clearheart.web.render import (
    Fields,
    after_writing,
    form_of,
    html,
    notify,
    see_other,
    sentence,
    state_of,
)
from clearheart.web.routes.patterns import service_of

TITLE = "Someone new"
ANSWER_LABELS = {
    "took-on": "They took it on",
    "brushed-off": "They brushed it off",
    "turned-back": "They turned it back on me",
}
MATCH_LABELS = {
    "matched": "Yes, they matched",
    "did-not-match": "No, they did not",
    "not-sure": "Not sure",
}
TAG_LABELS = {"seen": "Seen", "worry": "A worry", "not-yet": "Not seen yet"}


def _dating(request: Request) -> DatingService:
    return state_of(request).require().dating


def hub(request: Request, errors: Fields | None = None, status: int = 200) -> Response:
    dating = _dating(request)
    return html(
        request,
        "dating.html",
        TITLE,
        {
            "checklist": dating.checklist(),
            "commitments": dating.commitments(),
            "commitment_versions": dating.commitment_versions(),
            "people": dating.people(),
            "counts": dating.note_counts(),
            "errors": errors or Fields(),
        },
        status,
    )


def checklist_page(request: Request, errors: Fields | None = None, status: int = 200) -> Response:
    dating = _dating(request)
    return html(
        request,
        "dating_checklist.html",
        TITLE,
        {
            "checklist": dating.checklist(),
            "suggestions": dating.suggestions(service_of(request)),
            "kinds": dating.copy().kinds,
            "errors": errors or Fields(),
            "versions": dating.checklist_versions(),
        },
        status,
    )


def person_page(
    request: Request,
    errors: Fields | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    workspace = state_of(request).require()
    dating = workspace.dating
    view = dating.view(path_id(request, "person_id"))
    return html(
        request,
        "dating_person.html",
        TITLE,
        {
            "view": view,
            "commitments": dating.commitments(),
            "form": Fields(form or {}),
            "errors": errors or Fields(),
            **_note_form_context(request),
        },
        status,
    )


def _note_form_context(request: Request) -> dict[str, Any]:
    workspace = state_of(request).require()
    items = workspace.dating.checklist().items
    return {
        "items": items,
        "item_names": {i.id: i.text for i in items},
        "situations": workspace.dating.copy().situations,
        "tags": TAG_LABELS,
        "answers": ANSWER_LABELS,
        "matches": MATCH_LABELS,
        "today": workspace.clock.now().date().isoformat(),
    }


def _form_of_note(draft: NoteDraft) -> dict[str, str]:
    """A saved note as the form's fields, so the edit page starts from what it says."""
    return {
        "on": draft.on.isoformat(),
        "situation": draft.situation,
        "text": draft.text,
        "answer": draft.answer or "",
        "words_actions": draft.words_actions or "",
        "mood": str(draft.mood) if draft.mood is not None else "",
        "mood_word": draft.mood_word,
    } | {f"tag-{item}": tag for item, tag in draft.tags.items()}


def note_edit_page(
    request: Request,
    errors: Fields | None = None,
    form: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    dating = _dating(request)
    person = dating.person(path_id(request, "person_id"))
    note = dating.note(path_id(request, "note_id"), person.id)
    on_list = {i.id for i in dating.checklist().items}
    return html(
        request,
        "dating_note_edit.html",
        TITLE,
        {
            "person": person,
            "note": note,
            "kept": [item for item in note.draft.tags if item not in on_list],
            "form": Fields(form if form is not None else _form_of_note(note.draft)),
            "errors": errors or Fields(),
            **_note_form_context(request),
        },
        status,
    )


def _problem(
    page: Callable[..., Response], request: Request, problem: InvalidInput, **extra: Any
) -> Response:
    return page(request, Fields({problem.field: sentence(problem.reason)}), status=400, **extra)


def _checklist_post(request: Request) -> Response:
    form = form_of(request)
    action, item = str(form.get("action", "")), str(form.get("item", ""))
    text = str(form.get("text", ""))
    dating = _dating(request)
    try:
        if action == "accept":
            dating.accept(item, text or None, service_of(request))
        elif action == "edit":
            dating.edit(item, text)
        elif action == "remove":
            dating.remove(item)
        else:
            dating.add(text)
    except InvalidInput as problem:
        return _problem(checklist_page, request, problem)
    notify(request, "Saved. Earlier versions of your checklist are kept.")
    return see_other("/dating/checklist")


def _commitments_post(request: Request) -> Response:
    form = form_of(request)
    try:
        _dating(request).reword([str(form.get(f"c{n}", "")) for n in (1, 2, 3)])
    except InvalidInput as problem:
        return _problem(hub, request, problem)
    notify(request, "Saved. Earlier wordings are kept.")
    return see_other("/dating")


def _person_post(request: Request) -> Response:
    try:
        person = _dating(request).add_person(str(form_of(request).get("name", "")))
    except InvalidInput as problem:
        return _problem(hub, request, problem)
    return see_other(f"/dating/people/{person.id}")


def _draft(form: Any, items: tuple[str, ...]) -> NoteDraft:
    try:
        day = date.fromisoformat(str(form.get("on", "")))
    except ValueError:
        raise InvalidInput("on", "choose the day") from None
    tags: dict[str, Tag] = {}
    for item in items:
        tag = str(form.get(f"tag-{item}", ""))
        if tag in TAGS:
            tags[item] = tag
    mood_text = str(form.get("mood", ""))
    mood = read_whole(mood_text, "mood", Bounds(1, 5)) if mood_text else None
    # The choices are checked by the domain (clean_note), which names a wrong one.
    return NoteDraft(
        day,
        str(form.get("text", "")),
        str(form.get("situation", "")),  # type: ignore[arg-type]
        tags,
        str(form.get("answer", "")) or None,  # type: ignore[arg-type]
        str(form.get("words_actions", "")) or None,  # type: ignore[arg-type]
        mood,
        str(form.get("mood_word", "")),
    )


def _note_post(request: Request) -> Response:
    workspace = state_of(request).require()
    dating = workspace.dating
    person_id = path_id(request, "person_id")
    form = form_of(request)
    try:
        draft = _draft(form, tuple(i.id for i in dating.checklist().items))
        note = dating.add_note(person_id, draft)
    except InvalidInput as problem:
        return _problem(person_page, request, problem, form={k: str(v) for k, v in form.items()})
    after_writing(request, workspace, note.draft.text)
    notify(request, "Saved in the notebook.")
    return see_other(f"/dating/people/{person_id}#entries")


def _note_edit_post(request: Request) -> Response:
    workspace = state_of(request).require()
    dating = workspace.dating
    person_id, note_id = path_id(request, "person_id"), path_id(request, "note_id")
    form = form_of(request)
    try:
        old = dating.note(note_id, person_id)
        items = (*(i.id for i in dating.checklist().items), *old.draft.tags)
        note = dating.edit_note(note_id, _draft(form, items), person_id)
    except InvalidInput as problem:
        return _problem(note_edit_page, request, problem, form={k: str(v) for k, v in form.items()})
    after_writing(request, workspace, note.draft.text)
    notify(request, "Saved.")
    return see_other(f"/dating/people/{person_id}#note-{note_id}")


def _note_delete_post(request: Request) -> Response:
    person_id = path_id(request, "person_id")
    _dating(request).delete_note(path_id(request, "note_id"), person_id)
    notify(request, "Deleted. That entry is gone for good.")
    return see_other(f"/dating/people/{person_id}#entries")


def _rename_post(request: Request) -> Response:
    person_id = path_id(request, "person_id")
    try:
        _dating(request).rename(person_id, str(form_of(request).get("name", "")))
    except InvalidInput as problem:
        return _problem(person_page, request, problem)
    notify(request, "Renamed.")
    return see_other(f"/dating/people/{person_id}")


def _delete_post(request: Request) -> Response:
    _dating(request).delete_person(path_id(request, "person_id"))
    notify(request, "Deleted. That notebook and its entries are gone for good.")
    return see_other("/dating")


routes = [
    Route("/dating", hub, methods=["GET"]),
    Route("/dating/checklist", checklist_page, methods=["GET"]),
    Route("/dating/checklist", _checklist_post, methods=["POST"]),
    Route("/dating/commitments", _commitments_post, methods=["POST"]),
    Route("/dating/people", _person_post, methods=["POST"]),
    Route("/dating/people/{person_id:id}", person_page, methods=["GET"]),
    Route("/dating/people/{person_id:id}/notes", _note_post, methods=["POST"]),
    Route("/dating/people/{person_id:id}/notes/{note_id:id}/edit", note_edit_page, methods=["GET"]),
    Route(
        "/dating/people/{person_id:id}/notes/{note_id:id}/edit", _note_edit_post, methods=["POST"]
    ),
    Route(
        "/dating/people/{person_id:id}/notes/{note_id:id}/delete",
        _note_delete_post,
        methods=["POST"],
    ),
    Route("/dating/people/{person_id:id}/rename", _rename_post, methods=["POST"]),
    Route("/dating/people/{person_id:id}/delete", _delete_post, methods=["POST"]),
]
