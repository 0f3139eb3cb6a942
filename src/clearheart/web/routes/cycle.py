"""The cycle map page: the loop explained, the drawing, an edit form that needs no script.

The form posts every step as three parallel fields (step_id, step_role,
step_text). "Add a step" and "Remove" are submit buttons too: they redraw the
form with one step more or less and save nothing, so the page works without
JavaScript; only "Save map" writes. A box left empty is left out on saving.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.cycle import MAX_PER_ROLE, MAX_STEPS, MAX_TEXT, ROLES, CycleMap, Step
from clearheart.domain.cycle_diagram import FILE_ID_PREFIX, FILE_NAME
from clearheart.domain.whole_numbers import MAX_ID, Bounds, read_whole
from clearheart.errors import InvalidInput
from clearheart.services.cycle import count_note
from clearheart.web.render import Fields, form_of, html, notify, see_other, sentence, state_of

_STEP_FIELD = re.compile(r"^steps\[(\d+)\](?:\.\w+)?$")
_ORDER: dict[str, int] = {role: n for n, role in enumerate(ROLES)}
STALE = "the form arrived incomplete; please reload the page"


@dataclass(frozen=True, slots=True)
class Row:
    """One box of the edit form: its place in the form, its step, its log count."""

    index: int
    step: Step
    count: int = 0


@dataclass
class Draft:
    map_id: str
    title: str
    steps: list[Step]


def _blank_steps() -> list[Step]:
    return [Step("", role, "") for role in ROLES]


def _with_blanks(steps: tuple[Step, ...]) -> list[Step]:
    """The stored steps, plus an empty box for each role that has none, ready to fill."""
    return sorted([*steps, *(Step("", role, "") for role in ROLES
                             if not any(s.role == role for s in steps))],
                  key=lambda s: _ORDER[s.role])


def cycle_page(request: Request, *, draft: Draft | None = None, errors: Fields | None = None,
               dirty: bool = False, status: int = 200) -> Response:
    workspace = state_of(request).require()
    service = workspace.cycle
    copy = service.copy()
    current = service.current()
    counts = service.step_counts(current.id) if current and current.id else {}
    if draft is None:
        draft = (Draft(str(current.id), current.title, _with_blanks(current.steps)) if current
                 else Draft("", copy.untitled, _blank_steps()))
    rows = [Row(i, s, counts.get(s.id, 0)) for i, s in enumerate(draft.steps)]
    context: dict[str, object] = {
        "copy": copy,
        "cycle": current,
        "draft": draft,
        "rows": rows,
        "roles": [(role, copy.roles[role]) for role in ROLES],
        "errors": errors or Fields(),
        "dirty": dirty,
        "max_text": MAX_TEXT,
        "can_add": {role: len(draft.steps) < MAX_STEPS
                    and sum(1 for s in draft.steps if s.role == role) < MAX_PER_ROLE
                    for role in ROLES},
    }
    if current is not None and current.id is not None:
        linked = service.linked_count(current.id)
        notes = {step: count_note(n) for step, n in counts.items()}
        context.update(
            wide=service.svg(current.id, heading=False, id_prefix="cycle-wide"),
            narrow=service.svg(current.id, heading=False, narrow=True, id_prefix="cycle-narrow"),
            steps=[(i, copy.roles[s.role].label, s, notes.get(s.id, ""))
                   for i, s in enumerate(current.steps, 1)],
            basis=_basis(linked, sum(counts.values())),
            updated=current.updated_at.astimezone() if current.updated_at else None,
        )
    return html(request, "cycle.html", "Cycle map", context, status)


def _basis(linked: int, on_steps: int) -> str:
    """What the counts on the drawing rest on, said plainly."""
    if linked == 0:
        return ("No log entries point to this map yet. When you log what happened, you can "
                "link the entry to one of these steps, and the count shows here.")
    entries = "1 log entry points" if linked == 1 else f"{linked} log entries point"
    if on_steps == linked:
        return f"{entries} to a step of this map."
    return f"{entries} to this map; {on_steps} of them to a step that is on it now."


def _draft_of(request: Request) -> tuple[Draft, str]:
    form = form_of(request)
    ids = [str(v) for v in form.getlist("step_id")]
    roles = [str(v) for v in form.getlist("step_role")]
    texts = [str(v) for v in form.getlist("step_text")]
    if not len(ids) == len(roles) == len(texts):
        raise InvalidInput("steps", STALE)
    for role in roles:
        if role not in ROLES:
            raise InvalidInput("steps", f"{role!r} is not a role")
    steps = [Step(i, r, t) for i, r, t in zip(ids, roles, texts, strict=True)]
    draft = Draft(str(form.get("map_id", "")), str(form.get("title", "")), steps)
    return draft, str(form.get("action", "save"))


def _errors(exc: InvalidInput, kept: list[int]) -> Fields:
    """Put a domain error ("steps[3].text") beside the form box it came from."""
    match = _STEP_FIELD.match(exc.field)
    if match and 1 <= int(match.group(1)) <= len(kept):
        return Fields({f"step-{kept[int(match.group(1)) - 1]}": sentence(exc.reason)})
    if exc.field == "title":
        return Fields(title=sentence(exc.reason))
    return Fields(steps=sentence(exc.reason))


def save(request: Request) -> Response:
    draft, action = _draft_of(request)
    kind, _, which = action.partition(":")
    if kind == "add" and which in ROLES:
        at = max((i + 1 for i, s in enumerate(draft.steps) if _ORDER[s.role] <= _ORDER[which]),
                 default=0)
        draft.steps.insert(at, Step("", which, ""))
        return cycle_page(request, draft=draft, dirty=True)
    if kind == "remove":
        del draft.steps[read_whole(which, "steps", Bounds(0, len(draft.steps) - 1, STALE))]
        return cycle_page(request, draft=draft, dirty=True)
    kept = [i for i, s in enumerate(draft.steps) if s.text.strip()]
    steps = [draft.steps[i] for i in kept]
    service = state_of(request).require().cycle
    try:
        if draft.map_id:
            map_id = read_whole(draft.map_id, "steps", Bounds(1, MAX_ID, STALE))
            service.save(CycleMap(map_id, draft.title, tuple(steps)))
        else:
            service.save_current(draft.title, steps)
    except InvalidInput as exc:
        return cycle_page(request, draft=draft, errors=_errors(exc, kept), dirty=True,
                          status=400)
    notify(request, "Your map is saved.")
    return see_other("/cycle#map")


def example(request: Request) -> Response:
    try:
        state_of(request).require().cycle.start_from_example()
    except InvalidInput:
        return see_other("/cycle#map")  # a second click: the map is already there
    notify(request, "Here is the example. Change any words so it tells your own loop.")
    return see_other("/cycle#map")


def delete(request: Request) -> Response:
    service = state_of(request).require().cycle
    current = service.current()
    if current is not None and current.id is not None:
        service.delete(current.id)
        notify(request, "Your map is deleted. Your log entries are still there.")
    return see_other("/cycle")


def download(request: Request) -> Response:
    """The drawing as a file to keep or print, with its title on top; its name and ids
    are plain, as a download's name lands in the browser's list of downloads."""
    service = state_of(request).require().cycle
    current = service.current()
    if current is None or current.id is None:
        return see_other("/cycle")
    return Response(service.svg(current.id, id_prefix=FILE_ID_PREFIX), media_type="image/svg+xml",
                    headers={"Content-Disposition": f'attachment; filename="{FILE_NAME}"'})


routes = [
    Route("/cycle", cycle_page, methods=["GET"]),
    Route("/cycle", save, methods=["POST"]),
    Route("/cycle/example", example, methods=["POST"]),
    Route("/cycle/delete", delete, methods=["POST"]),
    Route("/cycle.svg", download, methods=["GET"]),
]
