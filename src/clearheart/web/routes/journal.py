"""The journal: write, read (30 a page, newest first), search, edit, delete, and the
reflection nudges offered beside entries (services/nudges.py)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.content.loader import load_emotions, load_prompts
from clearheart.domain.journal import parse_tags
from clearheart.domain.prompts import Prompt, Theme, offered
from clearheart.domain.whole_numbers import Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.web.numbers import page_number, path_id
from clearheart.web.render import (
    Fields,
    after_writing,
    field_error,
    form_of,
    html,
    notify,
    see_other,
    state_of,
)

PAGE_SIZE = 30
NUDGES_SHOWN = 3
"""The journal page offers at most this many reflection nudges, newest entry first."""
THEMES = {
    Theme.SAFETY: "Feeling safer",
    Theme.NOTICING_THE_LOOP: "Noticing the pattern",
    Theme.NEEDS_AND_BOUNDARIES: "Needs and boundaries",
    Theme.SELF_WORTH: "Your worth",
    Theme.REFLECTION: "The bigger picture",
    Theme.CONNECTION: "Moments of connection",
    Theme.SELF_CARE: "Looking after yourself",
}
"""Prompt themes as the picker names them, in its order; practice prompts live on the today
page. "Feeling safer" comes first while coaching rests and last otherwise."""


def prompt_groups(coaching: bool) -> list[tuple[str, list[Prompt]]]:
    """The picker's groups: every prompt that may be offered now (services/safety.py)."""
    prompts = offered(load_prompts(), coaching)
    themes = [*THEMES]
    order = [*themes[1:], themes[0]] if coaching else themes
    groups = [(THEMES[theme], [p for p in prompts if p.theme is theme]) for theme in order]
    return [(label, group) for label, group in groups if group]


def offered_by_id(coaching: bool) -> dict[str, Prompt]:
    return {p.id: p for p in offered(load_prompts(), coaching)}


def journal_page(request: Request, *, query: str | None = None, draft: Fields | None = None,
                 errors: Fields | None = None, status: int = 200) -> Response:
    """The write form on top, then either one page of entries or search hits."""
    workspace = state_of(request).require()
    params = request.query_params
    query = (params.get("q", "") if query is None else query).strip()
    number = page_number(request)
    coaching = workspace.safety.coaching()
    prompts = offered_by_id(coaching)
    if draft is None:
        chosen = params.get("prompt", "")
        draft = Fields(prompt=chosen if chosen in prompts else "")
    context: dict[str, object] = {
        "draft": draft,
        "errors": errors or Fields(),
        "chosen_prompt": prompts.get(draft["prompt"]),
        "prompts": prompts,
        "groups": prompt_groups(coaching),
        "emotions": load_emotions(),
        "query": query,
        "hits": (),
        "page": None,
        "nudges": [(o.entry, o.nudge) for o in workspace.nudges.recent()][:NUDGES_SHOWN],
    }
    if query:
        context["hits"] = workspace.journal.search(query)
    else:
        page = workspace.journal.page((number - 1) * PAGE_SIZE, PAGE_SIZE)
        context["page"] = page
        context["number"] = number
        context["pages"] = max(1, -(-page.total // PAGE_SIZE))
    return html(request, "journal.html", "Journal", context, status)

MOODS = Bounds(1, 5, "choose one of the five")


def _mood(text: str) -> int | None:
    if not text:
        return None
    return read_whole(text, "mood", MOODS)


def _draft_of(request: Request) -> Fields:
    form = form_of(request)
    return Fields(
        text=str(form.get("text", "")),
        prompt=str(form.get("prompt", "")),
        mood=str(form.get("mood", "")),
        emotions=[str(w) for w in form.getlist("emotions")],
        tags=str(form.get("tags", "")),
    )


def add(request: Request) -> Response:
    draft = _draft_of(request)
    workspace = state_of(request).require()
    try:
        workspace.journal.add(
            draft["text"],
            prompt_id=draft["prompt"] or None,
            mood=_mood(draft["mood"]),
            emotions=draft["emotions"],
            tags=parse_tags(draft["tags"]),
        )
    except InvalidInput as exc:
        return journal_page(request, query="", draft=draft, errors=field_error(exc), status=400)
    notify(request, "Saved.")
    after_writing(request, workspace, draft["text"])
    return see_other("/journal")


def _edit_page(request: Request, draft: Fields | None = None, errors: Fields | None = None,
               status: int = 200) -> Response:
    workspace = state_of(request).require()
    entry = workspace.journal.get(path_id(request, "entry_id"))
    if draft is None:
        draft = Fields(
            text=entry.text,
            prompt=entry.prompt_id or "",
            mood=str(entry.mood.score) if entry.mood else "",
            emotions=list(entry.mood.words) if entry.mood else [],
            tags=", ".join(entry.tags),
        )
    coaching = workspace.safety.coaching()
    prompts = {p.id: p for p in load_prompts()}
    chosen = prompts.get(draft["prompt"])
    kept = chosen is not None and chosen.coaching and not coaching
    context: dict[str, object] = {
        "entry": entry, "draft": draft, "errors": errors or Fields(),
        # A coaching question an entry answered stays linked but is not shown while
        # coaching rests.
        "chosen_prompt": None if kept else chosen,
        "kept_prompt": chosen.id if kept and chosen else "",
        "groups": prompt_groups(coaching),
        "emotions": load_emotions(),
        "nudges": [(entry, n) for n in workspace.nudges.for_entry(entry)],
    }
    return html(request, "edit.html", "Edit", context, status)


def edit(request: Request) -> Response:
    draft = _draft_of(request)
    workspace = state_of(request).require()
    try:
        workspace.journal.edit(
            path_id(request, "entry_id"),
            draft["text"],
            prompt_id=draft["prompt"] or None,
            mood=_mood(draft["mood"]),
            emotions=draft["emotions"],
            tags=parse_tags(draft["tags"]),
        )
    except InvalidInput as exc:
        return _edit_page(request, draft, field_error(exc), status=400)
    notify(request, "Changes saved.")
    after_writing(request, workspace, draft["text"])
    return see_other("/journal")


def search(request: Request) -> Response:
    """Search by POST, so the words searched for never land in the browser's history."""
    return journal_page(request, query=str(form_of(request).get("q", "")))


def set_aside(request: Request) -> Response:
    """Set a reflection nudge aside for one entry; back to the entry or the journal."""
    entry_id = path_id(request, "entry_id")
    state_of(request).require().nudges.dismiss(entry_id, request.path_params["kind"])
    notify(request, "Set aside. It will not be offered for that entry again.")
    back = form_of(request).get("back")
    return see_other(f"/journal/{entry_id}/edit" if back == "entry" else "/journal")


def delete(request: Request) -> Response:
    state_of(request).require().journal.delete(path_id(request, "entry_id"))
    notify(request, "Deleted. It is gone for good.")
    return see_other("/journal")


routes = [
    Route("/journal", journal_page, methods=["GET"]),
    Route("/journal", add, methods=["POST"]),
    Route("/journal/search", search, methods=["POST"]),
    Route("/journal/{entry_id:id}/edit", _edit_page, methods=["GET"]),
    Route("/journal/{entry_id:id}/edit", edit, methods=["POST"]),
    Route("/journal/{entry_id:id}/delete", delete, methods=["POST"]),
    Route("/journal/{entry_id:id}/nudges/{kind:str}/set-aside", set_aside, methods=["POST"]),
]
