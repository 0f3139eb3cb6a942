"""The pause: read a draft, build a calmer request, hold it, decide; safety comes first.

The draft check is faked here (a fixed Reading), so these tests are about the
pages, not the checker's judgement; one test at the end runs the real checker.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from webtools import Web, field_errors, title_of

from clearheart.domain.draftcheck.language import Unread
from clearheart.domain.draftcheck.reading import Flag, Reading
from clearheart.services.workspace import Workspace
from clearheart.web.routes import pause as pause_routes

HARSH = "You NEVER answer me. Whatever, I guess I don't matter to you at all."
NEVER = (0, len("You NEVER answer me"))
WHATEVER = (HARSH.index("Whatever"), HARSH.index("Whatever") + len("Whatever"))
ANSWERS = {
    "happened": "I texted at eight and heard nothing back until now.",
    "felt": "Worried and a bit alone",
    "need": "I need to know where we stand tonight",
    "request": "Could you send a quick text when you're running late?",
}
AFTER = (
    "When I texted at eight and heard nothing back until now, I felt worried and a bit alone. "
    "I'd like to know where we stand tonight. Would you be willing to send a quick text when "
    "you're running late?"
)


class FakeChecker:
    def __init__(self) -> None:
        self.safety = False

    def check(self, text: str) -> Reading:
        if text.startswith("Eres"):
            return Reading(pause=False, flags=(), tips=(), safety=False,
                           unread=Unread("es", "Spanish"))
        flags: list[Flag] = []
        if text.startswith("You NEVER answer me"):
            flags.append(Flag("criticism", *NEVER, "It may land as blame, not as a need.", "rule"))
        if "Whatever" in text:
            start = text.index("Whatever")
            flags.append(Flag("sarcasm", start, start + 8, "It hides what you mean.", "rule"))
        tips = ("Say what you need instead of what they never do.",) if flags else ()
        return Reading(pause=bool(flags), flags=tuple(flags), tips=tips, safety=self.safety)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeChecker:
    checker = FakeChecker()
    monkeypatch.setattr(pause_routes, "checker", lambda: checker)
    return checker


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_today_and_the_log_lead_to_the_pause(web: Web) -> None:
    today = web.get("/today").text
    assert "Before you send something hard" in today and 'href="/pause"' in today
    assert 'href="/pause"' in web.get("/log").text
    page = web.get("/pause")
    assert page.status_code == 200 and title_of(page.text).startswith("Pause ·")
    assert 'action="/pause/check"' in page.text
    assert '<script src="/static/pause.js" defer></script>' in page.text
    assert "style=" not in page.text and "<script>" not in page.text


def test_the_check_marks_each_flag_and_says_why(web: Web, fake: FakeChecker) -> None:
    page = web.post("/pause/check", {"draft": HARSH})
    assert page.status_code == 200
    assert title_of(page.text).startswith("Pause ·")  # nothing of the draft in the tab
    marks = re.findall(r'<mark class="flag" data-flags="(\d)">([^<]*)</mark>', page.text)
    assert marks == [("1", "You NEVER answer me"), ("2", "Whatever")]
    words = text_of(page.text)
    assert "May land as blame" in words and "It may land as blame, not as a need." in words
    assert "Sarcasm" in words and "It hides what you mean." in words
    assert "Say what you need instead of what they never do." in words
    assert 'action="/pause/rewrite#result"' in page.text
    assert "Say it once, then look after yourself" in words
    assert "Write it in your journal instead" in words


def test_a_calm_draft_passes_without_marks(web: Web, fake: FakeChecker) -> None:
    page = web.post("/pause/check", {"draft": "WE GOT THE APARTMENT!!!"})
    assert page.status_code == 200 and "<mark" not in page.text
    assert "Nothing here looks likely to land hard" in page.text


def test_a_draft_the_check_cannot_read_is_not_called_calm(web: Web, fake: FakeChecker) -> None:
    page = web.post("/pause/check", {"draft": "Eres un idiota y no quiero verte."})
    words = text_of(page.text)
    assert page.status_code == 200 and "<mark" not in page.text
    assert "Not checked. This looks like it is written in Spanish" in words
    assert "Nothing here looks likely to land hard" not in words
    assert "Put it in my journal" in words  # holding or keeping it still works


def test_an_empty_draft_is_refused_kindly(web: Web, fake: FakeChecker) -> None:
    page = web.post("/pause/check", {"draft": "   "})
    assert page.status_code == 400
    assert field_errors(page.text) == ["Paste or write the message you want to look at first."]


def test_the_rewrite_is_built_from_the_answers_only(web: Web, fake: FakeChecker) -> None:
    page = web.post("/pause/rewrite", {"draft": HARSH, **ANSWERS})
    assert page.status_code == 200
    after = re.search(r'<textarea id="rewrite" name="rewrite"[^>]*>([^<]*)</textarea>', page.text)
    assert after is not None and unescape(after.group(1)) == AFTER
    words = text_of(page.text)
    assert "Before and after" in words and HARSH in words
    assert "Hold it for 20 minutes" in words


def test_empty_answers_are_refused_by_field_and_the_rest_kept(web: Web, fake: FakeChecker) -> None:
    page = web.post("/pause/rewrite", {"draft": HARSH, **ANSWERS, "felt": "", "request": " "})
    assert page.status_code == 400
    assert field_errors(page.text) == [
        "Write a word or two for what you felt.",
        "Write one thing they could do, small enough to say yes to.",
    ]
    assert "I texted at eight and heard nothing back until now." in page.text
    assert 'id="rewrite"' not in page.text
    sweeping = web.post(
        "/pause/rewrite", {"draft": HARSH, **ANSWERS, "happened": "you never answer"}
    )
    assert sweeping.status_code == 400 and "one moment" in text_of(sweeping.text)


def test_hold_then_decide(web: Web, shared_workspace: Workspace) -> None:
    response = web.post("/pause/hold", {"draft": HARSH, "rewrite": AFTER, "minutes": "20"})
    assert response.status_code == 303 and response.headers["location"] == "/pause#pen"
    held = shared_workspace.pause.list(status="holding")[0]
    assert held.text == HARSH and held.rewrite == AFTER and held.minutes == 20
    page = web.get("/pause").text
    assert "Held for 20 minutes. Nothing was sent." in page
    item = page[page.index(f'id="held-{held.id}"') :]
    assert "20 minutes left" in item
    assert f'data-until="{held.hold_until.isoformat()}"' in item
    assert '<progress class="pen-progress" max="1200" value="0"' in item

    decided = web.post(f"/pause/{held.id}/decide", {"status": "let-go"})
    assert decided.status_code == 303
    assert shared_workspace.pause.get(held.id).status == "let-go"
    assert "Noted: you let it go." in web.get("/pause").text
    again = web.post(f"/pause/{held.id}/decide", {"status": "sent"})
    assert again.status_code == 400 and "already decided" in again.text
    assert web.post(f"/pause/{held.id}/decide", {"status": "maybe"}).status_code == 400
    assert shared_workspace.pause.get(held.id).status == "let-go"
    assert web.post("/pause/9999/decide", {"status": "sent"}).status_code == 404

    gone = web.post(f"/pause/{held.id}/delete")
    assert gone.status_code == 303 and "gone for good" in web.get("/pause").text


def test_a_held_draft_goes_to_the_journal(web: Web, shared_workspace: Workspace) -> None:
    web.post("/pause/hold", {"draft": "Please just answer.", "minutes": "20"})
    held = shared_workspace.pause.list(status="holding")[0]
    response = web.post(f"/pause/{held.id}/decide", {"status": "journaled"})
    assert response.headers["location"] == "/journal"
    newest = shared_workspace.journal.page(0, 1).entries[0]
    assert newest.text == "Please just answer." and newest.tags == ("pause",)
    assert "in your journal now, word for word" in web.get("/journal").text
    assert shared_workspace.pause.get(held.id).status == "journaled"


def test_journal_instead_need_step_and_log(web: Web, shared_workspace: Workspace) -> None:
    response = web.post("/pause/journal", {"draft": HARSH})
    assert response.headers["location"] == "/journal"
    assert shared_workspace.journal.page(0, 1).entries[0].text == HARSH

    assert web.get("/pause/need").status_code == 200
    refused = web.post("/pause/need", {"need": "  ", "to": "journal"})
    assert refused.status_code == 400 and field_errors(refused.text)
    web.post("/pause/need", {"need": "Sleep, and a call with my sister.", "to": "journal"})
    assert (
        shared_workspace.journal.page(0, 1)
        .entries[0]
        .text.endswith("Sleep, and a call with my sister.")
    )
    logged = web.post("/pause/need", {"need": "A walk.", "to": "log"})
    assert logged.headers["location"] == "/log"
    entry = shared_workspace.log.list(limit=1).entries[0]
    assert entry.kind == "i_paused" and entry.note == "A walk."
    assert "Logged: I paused instead of chasing." in web.get("/log").text

    before = shared_workspace.log.count()
    assert web.post("/pause/logged", {}).headers["location"] == "/pause#pen"
    assert shared_workspace.log.count() == before + 1


def test_a_frightening_draft_gets_safety_help_not_coaching(web: Web, fake: FakeChecker) -> None:
    fake.safety = True
    page = web.post("/pause/check", {"draft": HARSH})
    words = text_of(page.text)
    assert "Your safety comes first" in words and "speaks of fear" in words
    assert "Call 999 (United Kingdom)" not in words  # no country chosen yet:
    assert "United Kingdom: 999" in words and 'action="/help/country"' in page.text
    assert 'href="/help"' in page.text
    assert "Build my message" not in words and "Hold it for" not in words
    assert "Say it once" not in words and "<mark" not in page.text
    assert 'action="/pause/journal"' in page.text  # the words can still be kept
    rewrite = web.post("/pause/rewrite", {"draft": HARSH, **ANSWERS})
    assert "Your safety comes first" in rewrite.text and 'id="rewrite"' not in rewrite.text


@pytest.mark.usefixtures("unsafe_vault")
def test_when_coaching_is_held_back_the_pause_shows_help(web: Web, fake: FakeChecker) -> None:
    page = web.get("/pause")
    words = text_of(page.text)
    assert "Your safety comes first" in words and "Some of what you shared" in words
    assert 'action="/pause/check"' not in page.text and "data-coaching" not in page.text
    checked = text_of(web.post("/pause/check", {"draft": "Can we talk tonight?"}).text)
    assert "Your safety comes first" in checked and "Build my message" not in checked


@pytest.mark.parametrize(
    "path",
    [
        "/pause/check",
        "/pause/rewrite",
        "/pause/hold",
        "/pause/journal",
        "/pause/logged",
        "/pause/need",
        "/pause/1/decide",
        "/pause/1/delete",
    ],
)
def test_every_change_needs_the_csrf_token(
    web: Web, path: str, shared_workspace: Workspace
) -> None:
    before = (shared_workspace.pause.count(), shared_workspace.journal.count())
    response = web.post(
        path, {"draft": HARSH, "status": "sent", "need": "x", "to": "log"}, csrf=False
    )
    assert response.status_code == 403
    assert (shared_workspace.pause.count(), shared_workspace.journal.count()) == before


def test_the_exercises(web: Web) -> None:
    for name, heading in pause_routes.EXERCISES.items():
        page = web.get(f"/pause/{name}")
        assert page.status_code == 200 and f"<h1>{heading}</h1>" in page.text, name
        assert title_of(page.text).startswith("Pause ·")
        assert "style=" not in page.text
    breathe = web.get("/pause/breathe").text
    assert 'class="breath-circle"' in breathe and 'data-timer="120"' in breathe
    assert 'data-timer="300"' in web.get("/pause/urge").text
    assert web.get("/pause/nothing-here").status_code == 404
    assert web.get("/static/pause.js").status_code == 200


def test_the_real_checker_marks_a_harsh_draft() -> None:
    reading = pause_routes.checker().check(HARSH)
    assert reading.pause and reading.flags
    calm = pause_routes.checker().check("You always make me laugh")
    assert not calm.pause
