"""Learn: short lessons on the pattern, each with the person's own evidence beside it,
and the research they rest on.

Every tab title is "Learn": a lesson's title would say what the app is for in the
browser's history. "Try this" is coaching, and so is the body of a lesson that advises
how to respond to the partner; the templates mark both for the safety gate.

Opening a lesson notes it as read (services/lessons.py); the list marks what was read and
points to the next unread lesson among those it shows.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.domain.lesson_reads import next_unread
from clearheart.web.chat_view import ChatView
from clearheart.web.pattern_readings import sentences
from clearheart.web.pattern_tallies import loop
from clearheart.web.render import gate_of, html, notify, see_other, state_of
from clearheart.web.routes.patterns import INLINE_MOST, service_of

TITLE = "Learn"
CHAT_LOOP = "chat-loop"
"""A lesson with this evidence id shows the person's own loop chart too."""


def lessons_page(request: Request) -> Response:
    state = state_of(request)
    workspace = state.require()
    marks = workspace.lessons.marked(workspace.lessons.all().lessons)
    coaching = gate_of(state).coaching
    shown = [m for m in marks if coaching or not m.lesson.coaching]
    return html(
        request,
        "learn.html",
        TITLE,
        {
            "marks": marks,
            "next": next_unread(shown),
            "any_read": any(m.read for m in marks),
            "this_year": workspace.clock.now().year,
        },
    )


def _forget(request: Request) -> Response:
    state_of(request).require().lessons.forget()
    notify(request, "Forgotten. Every lesson shows as unread again; nothing else changed.")
    return see_other("/learn")


def sources_page(request: Request) -> Response:
    workspace = state_of(request).require()
    lessons = workspace.lessons.all()
    cited = {r.id: [x for x in lessons.lessons if r.id in x.references] for r in lessons.references}
    return html(
        request, "learn_sources.html", TITLE, {"references": lessons.references, "cited": cited}
    )


def loop_figure(request: Request) -> dict[str, object] | None:
    """The person's own loop chart (the patterns page's "The loop, week by week"), from the
    chat with the most messages whose loop can be read; None when none can yet.

    Only chats whose patterns are at hand count: those the page works out while loading
    (up to INLINE_MOST messages) and longer ones already worked out. The reports are the
    ones the evidence digest just read, kept by the PatternService, so this costs a lookup.
    """
    service = service_of(request)
    infos = sorted(
        (i for i in state_of(request).require().chats.chats() if i.me is not None and i.messages),
        key=lambda i: -i.messages,
    )
    for info in infos:
        report = service.at_hand(info, inline_most=INLINE_MOST)
        if report is None:
            continue
        chat = ChatView(info)
        chart, whiskers, panel = loop(report, chat.shown)
        if panel is not None:
            texts = sentences(report, chat.shown).get("loop", [])
            chart.reading, chart.notes = (texts[0], list(texts[1:])) if texts else ("", [])
            return {"chat": chat, "loop": chart, "whiskers": whiskers, "loop_panel": panel}
    return None


async def lesson_page(request: Request) -> Response:
    workspace = state_of(request).require()
    lessons = workspace.lessons.all()
    lesson = lessons.lesson(request.path_params["lesson_id"])
    at = lessons.lessons.index(lesson)
    workspace.lessons.note_opened(lesson)
    return html(
        request,
        "learn_lesson.html",
        TITLE,
        {
            "lesson": lesson,
            "own": workspace.lessons.own(
                lesson, patterns=service_of(request), inline_most=INLINE_MOST
            ),
            "references": lessons.cited_by(lesson),
            "figure": loop_figure(request) if CHAT_LOOP in lesson.evidence else None,
            "after": lessons.lessons[at + 1] if at + 1 < len(lessons.lessons) else None,
        },
    )


routes = [
    Route("/learn", lessons_page, methods=["GET"]),
    Route("/learn/sources", sources_page, methods=["GET"]),
    Route("/learn/forget", _forget, methods=["POST"]),
    Route("/learn/{lesson_id:str}", lesson_page, methods=["GET"]),
]
