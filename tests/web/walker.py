"""Every page of the web app as concrete addresses, for tests that must hold on all of them
(safety before coaching, neutral titles). A new GET route needs an entry in PAGES (or in
NOT_PAGES, with the reason): until it has one, `pages()` fails and names it, so new
features inherit the rules without anyone remembering them.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from starlette.applications import Starlette
from starlette.routing import Route

from clearheart.content.loader import load_prompts
from clearheart.services.workspace import Workspace
from clearheart.web.routes.pause import EXERCISES

Fill = Callable[[Workspace], list[str]]


def _chats(workspace: Workspace) -> list[str]:
    return [str(chat.id) for chat in workspace.chats.chats()][:1]


def _one_journal(workspace: Workspace) -> list[str]:
    page = workspace.journal.page(0, 50)
    prompted = [e for e in page.entries if e.prompt_id] or list(page.entries)
    return [str(e.id) for e in prompted[:1]]


def _instruments(workspace: Workspace) -> list[str]:
    return [i.id for i in workspace.assess.instruments()]


PAGES: dict[str, Fill] = {
    "/today": lambda w: ["/today"],
    "/journal": lambda w: ["/journal", *(f"/journal?prompt={p.id}" for p in load_prompts())],
    "/journal/{entry_id:id}/edit": lambda w: [f"/journal/{i}/edit" for i in _one_journal(w)],
    "/log": lambda w: ["/log", "/log?kind=bid_toward&kind=bid_away"],
    "/log/{entry_id:id}/edit": lambda w: [
        f"/log/{e.id}/edit" for e in w.log.list(limit=1).entries
    ],
    "/pause": lambda w: ["/pause"],
    "/pause/need": lambda w: ["/pause/need"],
    "/pause/{name:str}": lambda w: [f"/pause/{name}" for name in EXERCISES],
    "/cycle": lambda w: ["/cycle"],
    "/chats/import": lambda w: ["/chats/import"],
    "/chats": lambda w: ["/chats"],
    "/chats/{chat_id:id}/me": lambda w: [f"/chats/{c}/me" for c in _chats(w)],
    "/chats/{chat_id:id}/manage": lambda w: [f"/chats/{c}/manage" for c in _chats(w)],
    "/chats/{chat_id:id}": lambda w: [
        url for c in _chats(w) for url in (f"/chats/{c}", f"/chats/{c}?compare=1")
    ],
    "/chats/{chat_id:id}/my-messages": lambda w: [f"/chats/{c}/my-messages" for c in _chats(w)],
    "/chats/{chat_id:id}/same/{other_id:id}": lambda w: [
        f"/chats/{c}/same/{c}" for c in _chats(w)[:1]
    ],
    "/practices": lambda w: ["/practices"],
    "/reflect": lambda w: ["/reflect"],
    "/reflect/{instrument_id}": lambda w: [f"/reflect/{i}" for i in _instruments(w)],
    "/reflect/{instrument_id}/results": lambda w: [
        f"/reflect/{i}/results" for i in _instruments(w)
    ],
    "/evidence": lambda w: ["/evidence", "/evidence?since=2026-04-01"],
    "/learn": lambda w: ["/learn"],
    "/learn/sources": lambda w: ["/learn/sources"],
    "/learn/{lesson_id:str}": lambda w: [
        f"/learn/{i}" for i in ("the-loop", "asking-clearly", "explanation-not-excuse")
    ],
    "/help": lambda w: ["/help"],
    "/help/plan": lambda w: ["/help/plan"],
    "/help/plan/print": lambda w: ["/help/plan/print"],
    "/help/privacy": lambda w: ["/help/privacy"],
    "/notes": lambda w: ["/notes"],
    "/settings": lambda w: ["/settings"],
    "/unlock": lambda w: ["/unlock"],
    "/weather": lambda w: ["/weather"],
    "/decide": lambda w: ["/decide"],
    "/decide/values": lambda w: ["/decide/values"],
    "/decide/evidence": lambda w: ["/decide/evidence"],
    "/decide/options": lambda w: ["/decide/options"],
    "/decide/plan": lambda w: ["/decide/plan"],
    "/people": lambda w: ["/people"],
    "/people/{supporter_id:id}": lambda w: [f"/people/{s.id}" for s in w.support.supporters()][:2],
    "/moving-on": lambda w: ["/moving-on"],
    "/moving-on/contact": lambda w: ["/moving-on/contact"],
    "/moving-on/urges": lambda w: ["/moving-on/urges"],
    "/moving-on/letters": lambda w: ["/moving-on/letters"],
    "/moving-on/letters/new": lambda w: [
        "/moving-on/letters/new", "/moving-on/letters/new?heading=What+I+wanted+to+say"
    ],
    "/moving-on/letters/{letter_id:id}": lambda w: [
        f"/moving-on/letters/{letter.id}" for letter in w.letters.letters()[:1]
    ],
    "/dating": lambda w: ["/dating"],
    "/dating/checklist": lambda w: ["/dating/checklist"],
    "/dating/people/{person_id:id}": lambda w: [
        f"/dating/people/{p.id}" for p in w.dating.people()
    ],
    "/dating/people/{person_id:id}/notes/{note_id:id}/edit": lambda w: [
        f"/dating/people/{p.id}/notes/{n.id}/edit"
        for p in w.dating.people()[:1]
        for n in w.dating.view(p.id).notes[:1]
    ],
    "/moving-on/promise": lambda w: ["/moving-on/promise"],
}
"""Each GET route's template, and the addresses that show all it can show."""

FILES: dict[str, str] = {
    "/cycle.svg": "the person's own map drawing, as a download",
    "/practices/calendar.ics": "the practice reminders, as a download",
    "/notes/file": "the clarity report, as a download (its words: tests/web/test_web_notes.py)",
}
"""GET routes that answer a file, not a page: walked for their names and contents only."""

NOT_PAGES: dict[str, str] = {
    "/": "redirects to /today",
    "/activity": "the idle ping (204, no body)",
}

POSTED: tuple[tuple[str, dict[str, str]], ...] = (
    ("/pause/check", {"draft": "You never answer me. Whatever, I'm done waiting."}),
    ("/pause/rewrite", {
        "draft": "You never answer me. Whatever, I'm done waiting.",
        "happened": "I texted at eight and heard nothing until midnight",
        "felt": "worried and a bit alone",
        "need": "to know you're ok",
        "request": "send a quick text when you're running late",
    }),
    ("/journal/search", {"q": "the"}),
)
"""Forms whose answer is a page (not a redirect): walked by posting these."""


def _templates(app: Starlette) -> list[str]:
    return [r.path for r in app.routes if isinstance(r, Route) and "GET" in (r.methods or ())]


def pages(app: Starlette, workspace: Workspace) -> list[str]:
    """Every page address; fails naming any GET route that has no entry above."""
    templates = _templates(app)
    unknown = [t for t in templates if t not in PAGES and t not in FILES and t not in NOT_PAGES]
    assert not unknown, f"add these routes to tests/web/walker.py: {unknown}"
    found: list[str] = []
    for template in templates:
        if template in PAGES:
            addresses = PAGES[template](workspace)
            assert addresses, f"{template}: the walk's vault has nothing to show there"
            found.extend(addresses)
    return found


def files(app: Starlette) -> list[str]:
    return [t for t in _templates(app) if t in FILES]


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


class Marked(HTMLParser):
    """The text inside each element marked with `attribute` (nested ones count once)."""

    def __init__(self, attribute: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attribute = attribute
        self.blocks: list[tuple[str, str]] = []
        self._depth = 0
        self._name = ""
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._depth:
            self._depth += 1
        elif any(name == self.attribute for name, _ in attrs):
            self._depth, self._text = 1, []
            self._name = next(value or "" for name, value in attrs if name == self.attribute)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._depth:
            return
        self._depth -= 1
        if not self._depth:
            self.blocks.append((self._name, " ".join("".join(self._text).split())))

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._text.append(data)


def marked(html: str, attribute: str = "data-coaching") -> list[tuple[str, str]]:
    """(name, text) of every element carrying `attribute`."""
    parser = Marked(attribute)
    parser.feed(html)
    parser.close()
    return parser.blocks


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())
