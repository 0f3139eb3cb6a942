"""Imported chats: the list, "which one is you", a name for the other person, deleting.

Importing (the form and the streamed upload) lives in chat_import.py; the
patterns page in patterns.py. Page titles stay neutral ("Chats", "Chat
details"): they land in the browser's history, so they never carry a name.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearheart.errors import InvalidInput
from clearheart.web.chat_view import ChatView, view_of
from clearheart.web.numbers import path_id
from clearheart.web.render import Fields, field_error, form_of, html, notify, see_other, state_of
from clearheart.web.routes.patterns import forget, warm


def chats_page(request: Request) -> Response:
    chats = state_of(request).require().chats.chats()
    return html(request, "chats.html", "Chats", {
        "chats": [ChatView(info) for info in reversed(chats)],
    })


def me_page(request: Request, *, errors: Fields | None = None, status: int = 200) -> Response:
    """Which participant is the person themselves: every pattern is told from their side."""
    return html(request, "chat_me.html", "Which one is you?", {
        "chat": view_of(request), "errors": errors or Fields(),
    }, status)


def set_me(request: Request) -> Response:
    chat = view_of(request)
    chosen = str(form_of(request).get("me", ""))
    if not chosen:
        return me_page(request, errors=Fields(me="Choose the name that is yours."), status=400)
    try:
        state_of(request).require().chats.set_me(chat.id, chosen)
    except InvalidInput as exc:
        return me_page(request, errors=field_error(exc), status=400)
    warm(request, chat.id)
    notify(request, "Thank you. Everything below is seen from your side.")
    return see_other(f"/chats/{chat.id}")


def manage_page(request: Request, *, values: Fields | None = None,
                errors: Fields | None = None, status: int = 200) -> Response:
    chat = view_of(request)
    return html(request, "chat_manage.html", "Chat details", {
        "chat": chat,
        "values": values or Fields(alias=chat.info.partner_alias or ""),
        "errors": errors or Fields(),
    }, status)


def set_alias(request: Request) -> Response:
    chat = view_of(request)
    alias = str(form_of(request).get("alias", ""))
    try:
        state_of(request).require().chats.set_alias(chat.id, alias)
    except InvalidInput as exc:
        return manage_page(request, values=Fields(alias=alias), errors=field_error(exc),
                           status=400)
    notify(request, "Saved. That name shows everywhere in this chat now."
           if alias.strip() else "Saved. The name from the export shows again.")
    return see_other(f"/chats/{chat.id}/manage")


def next_step(chat: ChatView) -> str:
    """Where a chat's person goes next: the picker until they say who they are."""
    return f"/chats/{chat.id}" if chat.info.me is not None else f"/chats/{chat.id}/me"


def same_page(request: Request) -> Response:
    """A new import that may be a stored chat: both side by side, merge or keep both."""
    new = view_of(request)
    stored = ChatView(state_of(request).require().chats.get(path_id(request, "other_id")))
    why = ("the people in it are named differently"
           if set(new.info.participants) != set(stored.info.participants)
           else "only some of their messages match")
    return html(request, "chat_same.html", "Is this the same chat?", {
        "new": new, "stored": stored, "why": why, "keep_href": next_step(new),
    })


def merge(request: Request) -> Response:
    """Merge the new import into the stored chat, as the person chose."""
    chat_id, into = path_id(request, "chat_id"), path_id(request, "other_id")
    chats = state_of(request).require().chats
    added = chats.merge(chat_id, into)
    forget(request, chat_id)
    forget(request, into)
    kept = ChatView(chats.get(into))
    if kept.info.me is not None:
        warm(request, into)
    noun = "message" if added == 1 else "messages"
    notify(request, f"Merged. {added:,} new {noun} joined the chat; nothing was doubled.")
    return see_other(next_step(kept))


def delete(request: Request) -> Response:
    """The chat, its messages and every pattern worked out from them, in one step."""
    chat_id = path_id(request, "chat_id")
    state_of(request).require().chats.delete(chat_id)
    forget(request, chat_id)
    notify(request, "Deleted. The chat and everything worked out from it are gone for good.")
    return see_other("/chats")


routes = [
    Route("/chats", chats_page, methods=["GET"]),
    Route("/chats/{chat_id:id}/me", me_page, methods=["GET"]),
    Route("/chats/{chat_id:id}/me", set_me, methods=["POST"]),
    Route("/chats/{chat_id:id}/manage", manage_page, methods=["GET"]),
    Route("/chats/{chat_id:id}/alias", set_alias, methods=["POST"]),
    Route("/chats/{chat_id:id}/delete", delete, methods=["POST"]),
    Route("/chats/{chat_id:id}/same/{other_id:id}", same_page, methods=["GET"]),
    Route("/chats/{chat_id:id}/merge/{other_id:id}", merge, methods=["POST"]),
]
