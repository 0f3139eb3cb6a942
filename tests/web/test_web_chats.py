"""Chats in the web app: upload (script and plain form), the guard on uploads, the
private folder, import problems, the chat list, "which one is you", names, deleting."""

from __future__ import annotations

import asyncio
import html
import io
import itertools
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from webtools import FORBIDDEN_IN_TITLES, ORIGIN, Web, field_errors, title_of

from clearheart.errors import NotFound
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace
from clearheart.store.schema import DERIVED, TABLES
from clearheart.web import uploads
from clearheart.web.routes import chat_import
from clearheart.web.sessions import COOKIE

DATA = Path(__file__).parents[1] / "data" / "web"
WHATSAPP = DATA / "WhatsApp Chat with Sam.txt"
CSV = DATA / "chat.csv"
AMBIGUOUS = DATA / "ambiguous.txt"


# --- helpers ----------


def raw_upload(web: Web, content: bytes, name: str, *, token: str | None = "session",
               origin: str | None = ORIGIN, **params: str) -> httpx.Response:
    """What app.js sends: the file as the body, the token in a header."""
    headers = {"Content-Type": "application/octet-stream"}
    if token is not None:
        headers["X-CSRF-Token"] = web.csrf if token == "session" else token
    if origin is not None:
        headers["Origin"] = origin
    return web.client.post("/chats/upload", params={"name": name, **params}, content=content,
                           headers=headers, follow_redirects=False)


def form_upload(web: Web, content: bytes | None, name: str, *, token: str | None = "session",
                origin: str | None = ORIGIN, **fields: str) -> httpx.Response:
    """What a browser without the script sends: multipart, the token in the action's query."""
    url = "/chats/import"
    if token is not None:
        url += f"?csrf={web.csrf if token == 'session' else token}"
    headers = {"Origin": origin} if origin is not None else {}
    files: dict[str, Any] = {"file": (name, content or b"", "application/octet-stream")}
    if content is None:
        files = {"file": ("", b"", "application/octet-stream")}
    return web.client.post(url, files=files, data={"format": "auto", **fields},
                           headers=headers, follow_redirects=False)


_partners = itertools.count(1)


def _shifted(text: str, pattern: str, shape: str, minutes: int) -> str:
    """Every time in `text` moved `minutes` on: the same words at other times are another
    chat (the same words at the same times would be merged into the one imported first)."""

    def move(found: re.Match[str]) -> str:
        return (datetime.strptime(found[0], shape) + timedelta(minutes=minutes)).strftime(shape)

    return re.sub(pattern, move, text)


def whatsapp(partner: str | None = None) -> tuple[bytes, str]:
    """The WhatsApp fixture as a new chat: the other person renamed, the times moved."""
    number = next(_partners)
    text = _shifted(WHATSAPP.read_text(encoding="utf-8"), r"\d\d/\d\d/\d{4}, \d\d:\d\d",
                    "%d/%m/%Y, %H:%M", number)
    partner = partner or f"Sam{number}"
    return text.replace("Sam", partner).encode(), f"WhatsApp Chat with {partner}.txt"


def csv_chat() -> bytes:
    """The CSV fixture as a new chat: its times moved."""
    return _shifted(CSV.read_text(encoding="utf-8"), r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d",
                    "%Y-%m-%d %H:%M:%S", next(_partners)).encode()


def chat_ids(workspace: Workspace) -> set[int]:
    return {chat.id for chat in workspace.chats.chats()}


def new_chat(workspace: Workspace, before: set[int]) -> int:
    (added,) = chat_ids(workspace) - before
    return added


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The upload folders' parent, moved where the test can watch it."""
    root = tmp_path / "scratch"
    root.mkdir()
    monkeypatch.setattr(uploads, "scratch_root", lambda: root)
    return root


Spy = Callable[[], list[tuple[Path, int, int]]]


@pytest.fixture
def import_spy(monkeypatch: pytest.MonkeyPatch, shared_workspace: Workspace) -> Spy:
    """Records, for each import, the file's path and its folder's and its own mode."""
    seen: list[tuple[Path, int, int]] = []
    original = shared_workspace.chats.import_chat

    def spy(path: Path, **kwargs: Any) -> Any:
        seen.append((path, stat.S_IMODE(path.parent.stat().st_mode),
                     stat.S_IMODE(path.stat().st_mode)))
        return original(path, **kwargs)

    monkeypatch.setattr(shared_workspace.chats, "import_chat", spy)
    return lambda: seen


# --- the script's upload ----------


def test_raw_upload_imports_and_goes_to_the_patterns(web: Web, shared_workspace: Workspace,
                                                    scratch: Path, import_spy: Spy) -> None:
    before = chat_ids(shared_workspace)
    content, name = whatsapp("Samira")
    response = raw_upload(web, content, name)
    assert response.status_code == 200, response.text
    chat_id = new_chat(shared_workspace, before)
    assert response.json() == {"next": f"/chats/{chat_id}"}
    info = shared_workspace.chats.get(chat_id)
    assert info.me == "Alex"  # "WhatsApp Chat with Samira": the other one is the user
    assert info.participants == ("Alex", "Samira")
    assert info.source_name == name  # the name survived, so the title was read
    (path, folder_mode, file_mode), = import_spy()
    assert path.parent.parent == scratch
    assert folder_mode == 0o700
    assert file_mode == 0o600
    assert list(scratch.iterdir()) == []  # removed after success
    page = web.get(f"/chats/{chat_id}").text
    assert "Imported 12 messages." in page


def test_reimporting_says_how_many_were_already_here(web: Web,
                                                     shared_workspace: Workspace) -> None:
    content, name = whatsapp()
    lines = content.decode().splitlines(keepends=True)
    first = raw_upload(web, "".join(lines[:6]).encode(), name)
    assert first.status_code == 200
    again = raw_upload(web, content, name)
    assert again.status_code == 200
    assert again.json() == first.json()  # the same chat, brought up to date
    chat_id = int(again.json()["next"].split("/")[2])
    notice = web.get(f"/chats/{chat_id}").text
    assert "Imported 7 new messages (5 were already here)." in notice


def test_without_a_name_for_the_user_the_picker_comes_next(web: Web,
                                                           shared_workspace: Workspace) -> None:
    before = chat_ids(shared_workspace)
    response = raw_upload(web, csv_chat(), "picker.csv")
    chat_id = new_chat(shared_workspace, before)
    assert response.json() == {"next": f"/chats/{chat_id}/me"}
    assert shared_workspace.chats.get(chat_id).me is None
    page = web.get(f"/chats/{chat_id}/me")
    assert page.status_code == 200
    assert title_of(page.text) == "Which one is you? · Notes"
    assert "Imported 6 messages. One more step: say which name is yours." in page.text
    assert 'value="Robin"' in page.text and 'value="Kai"' in page.text
    # Until then, the patterns page sends the person to the picker.
    patterns = web.get(f"/chats/{chat_id}")
    assert patterns.status_code == 303
    assert patterns.headers["location"] == f"/chats/{chat_id}/me"


def test_a_zip_keeps_its_name_and_is_read_as_an_archive(web: Web,
                                                         shared_workspace: Workspace) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("WhatsApp Chat with Jo.txt",
                         WHATSAPP.read_text().replace("Sam", "Jo"))
    before = chat_ids(shared_workspace)
    response = raw_upload(web, buffer.getvalue(), "WhatsApp Chat with Jo.zip")
    assert response.status_code == 200, response.text
    info = shared_workspace.chats.get(new_chat(shared_workspace, before))
    assert info.format == "whatsapp"
    assert info.source_name == "WhatsApp Chat with Jo.zip"
    assert info.me == "Alex"


def test_an_ambiguous_date_order_asks_for_it_then_imports(web: Web, scratch: Path) -> None:
    response = raw_upload(web, AMBIGUOUS.read_bytes(), AMBIGUOUS.name)
    assert response.status_code == 400
    answer = response.json()
    assert answer["field"] == "date_order"
    assert "Pick the one that matches when it was written" in answer["error"]
    assert "--date-order" not in answer["error"]
    assert str(scratch) not in answer["error"]
    assert list(scratch.iterdir()) == []  # removed after failure too
    again = raw_upload(web, AMBIGUOUS.read_bytes(), AMBIGUOUS.name, date_order="mdy")
    assert again.status_code == 200, again.text


def test_an_export_with_several_chats_offers_the_choice(web: Web,
                                                        shared_workspace: Workspace) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("WhatsApp Chat with Ana.txt", WHATSAPP.read_text().replace("Sam", "Ana"))
        archive.writestr("WhatsApp Chat with Bo.txt", WHATSAPP.read_text().replace("Sam", "Bo"))
    response = raw_upload(web, buffer.getvalue(), "two chats.zip")
    assert response.status_code == 400
    answer = response.json()
    assert answer["field"] == "chat"
    assert sorted(answer["choices"]) == ["WhatsApp Chat with Ana.txt",
                                         "WhatsApp Chat with Bo.txt"]
    assert answer["error"].startswith("This file holds 2 chats.")
    before = chat_ids(shared_workspace)
    chosen = raw_upload(web, buffer.getvalue(), "two chats.zip",
                        chat="WhatsApp Chat with Bo.txt")
    assert chosen.status_code == 200, chosen.text
    assert "Bo" in shared_workspace.chats.get(new_chat(shared_workspace, before)).participants


@pytest.mark.parametrize(("content", "name", "field", "words"), [
    (b"just some words, nothing like a chat\n", "notes.txt", "file",
     "could not tell which app this export comes from"),
    (b"timestamp,sender,text\n", "empty.csv", "file", "Nothing was imported."),
    (b"", "nothing.txt", "file", "arrived empty"),
])
def test_unreadable_files_get_a_calm_message_naming_the_file(
        web: Web, scratch: Path, content: bytes, name: str, field: str, words: str) -> None:
    response = raw_upload(web, content, name)
    assert response.status_code == 400
    answer = response.json()
    assert answer["field"] == field
    assert words in answer["error"]
    assert str(scratch) not in answer["error"]
    assert "Traceback" not in answer["error"]
    assert list(scratch.iterdir()) == []


def test_a_file_over_the_cap_is_refused_while_streaming(web: Web, scratch: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_import, "UPLOAD_LIMIT", 100)
    content = CSV.read_bytes()
    assert len(content) > 100

    def chunks() -> Iterator[bytes]:  # no Content-Length: only the streaming count stops it
        for start in range(0, len(content), 40):
            yield content[start:start + 40]

    response = web.client.post(
        "/chats/upload", params={"name": "big.csv"}, content=chunks(),
        headers={"Content-Type": "application/octet-stream", "X-CSRF-Token": web.csrf,
                 "Origin": ORIGIN})
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
    assert list(scratch.iterdir()) == []
    declared = raw_upload(web, content, "big.csv")  # Content-Length says so up front
    assert declared.status_code == 413
    page = form_upload(web, content, "big.csv")
    assert page.status_code == 413
    assert "larger than" in html.unescape(page.text)
    assert list(scratch.iterdir()) == []


def test_uploads_are_not_held_to_the_small_form_cap(web: Web) -> None:
    """The guard buffers form posts up to 2 MB; uploads stream past it."""
    rows = [f"2024-06-{1 + i // 2000:02d} {i % 24:02d}:{i % 60:02d}:00,"
            f"{'Lee' if i % 3 else 'Max'},{'word ' * 20}{i}" for i in range(30_000)]
    content = ("timestamp,sender,text\n" + "\n".join(rows) + "\n").encode()
    assert len(content) > 3_000_000
    assert raw_upload(web, content, "long.csv").status_code == 200
    assert form_upload(web, content, "long form.csv").status_code == 303


# --- the guard on uploads ----------


@pytest.mark.parametrize("send", [raw_upload, form_upload])
@pytest.mark.parametrize(("token", "origin"), [
    (None, ORIGIN), ("x" * 43, ORIGIN), ("session", None), ("session", "null"),
    ("session", "http://evil.example"), ("session", "http://127.0.0.1:9999"),
])
def test_uploads_without_our_token_and_origin_are_refused(
        web: Web, shared_workspace: Workspace, scratch: Path, send: Callable[..., Any],
        token: str | None, origin: str | None) -> None:
    before = chat_ids(shared_workspace)
    response = send(web, CSV.read_bytes(), "refused.csv", token=token, origin=origin)
    assert response.status_code == 403
    assert chat_ids(shared_workspace) == before
    assert list(scratch.iterdir()) == []  # refused before any folder was made


def test_a_multipart_token_in_the_body_is_not_enough(web: Web,
                                                     shared_workspace: Workspace) -> None:
    """Upload bodies are never buffered by the guard, so it cannot read a token in them."""
    before = chat_ids(shared_workspace)
    response = form_upload(web, CSV.read_bytes(), "body-token.csv", token=None,
                           csrf=web.csrf)
    assert response.status_code == 403
    assert chat_ids(shared_workspace) == before


def test_the_raw_upload_may_carry_the_token_in_the_query(web: Web) -> None:
    response = web.client.post(
        f"/chats/upload?name=query.csv&csrf={web.csrf}", content=CSV.read_bytes(),
        headers={"Content-Type": "application/octet-stream", "Origin": ORIGIN})
    assert response.status_code == 200


def test_a_stranger_cannot_upload(make_web: Callable[..., Web],
                                  shared_workspace: Workspace) -> None:
    stranger = make_web(workspace=shared_workspace)
    stranger.get("/unlock")  # a session, but not signed in
    response = raw_upload(stranger, CSV.read_bytes(), "x.csv")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"


def test_ordinary_forms_are_still_buffered_and_checked(web: Web) -> None:
    assert web.post("/journal/search", {"q": "x"}).status_code == 200
    assert web.post("/journal/search", {"q": "x"}, csrf=False).status_code == 403


# --- the plain form (no script) ----------


def test_the_import_page_works_without_script(web: Web) -> None:
    page = web.get("/chats/import")
    assert page.status_code == 200
    assert title_of(page.text) == "Import a chat · Notes"
    text = page.text
    assert f'action="/chats/import?csrf={web.csrf}"' in text
    assert 'enctype="multipart/form-data"' in text
    assert 'data-upload="/chats/upload"' in text
    assert '<progress id="upload-bar"' in text
    assert 'id="date-order-field" data-extra="date_order" hidden' in text


def test_form_upload_imports_and_removes_its_folder(web: Web, shared_workspace: Workspace,
                                                    scratch: Path, import_spy: Spy) -> None:
    before = chat_ids(shared_workspace)
    content, name = whatsapp("Samuel")
    response = form_upload(web, content, name)
    assert response.status_code == 303
    chat_id = new_chat(shared_workspace, before)
    assert response.headers["location"] == f"/chats/{chat_id}"
    (path, folder_mode, _), = import_spy()
    assert path.name == name
    assert folder_mode == 0o700
    assert list(scratch.iterdir()) == []


def test_form_upload_problems_rerender_the_form_with_the_needed_field(
        web: Web, scratch: Path) -> None:
    response = form_upload(web, AMBIGUOUS.read_bytes(), "ambiguous.txt")
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert "Pick the one that matches when it was written" in text
    assert 'id="date-order-field" data-extra="date_order" hidden' not in text
    assert "please choose it again" in text
    assert list(scratch.iterdir()) == []
    chosen = form_upload(web, AMBIGUOUS.read_bytes(), "ambiguous.txt", date_order="dmy")
    assert chosen.status_code == 303


def test_form_upload_offers_the_chats_to_choose_from(web: Web) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("Cy", "Di"):
            archive.writestr(f"WhatsApp Chat with {name}.txt",
                             WHATSAPP.read_text().replace("Sam", name))
    response = form_upload(web, buffer.getvalue(), "both.zip")
    assert response.status_code == 400
    assert '<option value="WhatsApp Chat with Cy.txt"' in response.text
    assert 'id="chat-field" data-extra="chat" hidden' not in response.text


def test_form_upload_without_a_file_asks_for_one(web: Web) -> None:
    response = form_upload(web, None, "")
    assert response.status_code == 400
    assert "Choose the file your app exported." in html.unescape(response.text)


def test_form_fields_are_checked(web: Web) -> None:
    response = form_upload(web, CSV.read_bytes(), "x.csv", format="fax")
    assert response.status_code == 400
    assert "Choose one of the listed apps." in html.unescape(response.text)
    raw = raw_upload(web, CSV.read_bytes(), "x.csv", date_order="sideways")
    assert raw.status_code == 400
    assert raw.json()["field"] == "date_order"


def test_the_private_folder_prefers_memory(tmp_path: Path) -> None:
    if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
        assert uploads.scratch_root() == Path("/dev/shm")
    with uploads.private_folder(tmp_path) as folder:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        (folder / "inside").write_text("x")
    assert not folder.exists()


@pytest.mark.parametrize(("given", "kept"), [
    ("WhatsApp Chat with Sam.txt", "WhatsApp Chat with Sam.txt"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\me\\export.zip", "export.zip"),
    ("", "chat.txt"),
    ("..", "chat.txt"),
    ("a/b/<script>.csv", "_script_.csv"),
    ("x" * 300 + ".zip", "x" * 116 + ".zip"),
])
def test_file_names_are_made_safe_and_keep_their_extension(given: str, kept: str) -> None:
    assert uploads.safe_name(given) == kept


# --- list, picker, names, deleting ----------


def imported(web: Web, workspace: Workspace, content: bytes, name: str) -> int:
    before = chat_ids(workspace)
    assert raw_upload(web, content, name).status_code == 200
    return new_chat(workspace, before)


def test_the_chat_list(web: Web, shared_workspace: Workspace) -> None:
    waiting = imported(web, shared_workspace, csv_chat(), "list.csv")
    known = imported(web, shared_workspace, *whatsapp("Sunny"))
    page = web.get("/chats")
    assert page.status_code == 200
    assert title_of(page.text) == "Chats · Notes"
    assert '<a href="/chats" aria-current="page">Chats</a>' in page.text
    text = html.unescape(page.text)
    assert "You and Sunny" in text
    assert "WhatsApp · 12 messages · March 2024" in text
    assert f'href="/chats/{waiting}/me"' in text
    assert f'href="/chats/{known}"' in text


def test_the_nav_has_chats_between_journal_and_practices(web: Web) -> None:
    page = web.get("/today").text
    assert page.index('href="/journal"') < page.index('href="/chats"') \
        < page.index('href="/practices"')


def test_picking_yourself(web: Web, shared_workspace: Workspace) -> None:
    chat_id = imported(web, shared_workspace, csv_chat(), "pick.csv")
    empty = web.post(f"/chats/{chat_id}/me", {})
    assert empty.status_code == 400
    assert field_errors(empty.text) == ["Choose the name that is yours."]
    wrong = web.post(f"/chats/{chat_id}/me", {"me": "Nobody"})
    assert wrong.status_code == 400
    assert shared_workspace.chats.get(chat_id).me is None
    done = web.post(f"/chats/{chat_id}/me", {"me": "Kai"})
    assert done.status_code == 303
    assert done.headers["location"] == f"/chats/{chat_id}"
    assert shared_workspace.chats.get(chat_id).me == "Kai"
    assert web.post(f"/chats/{chat_id}/me", {"me": "Kai"}, csrf=False).status_code == 403


def test_a_name_for_the_other_person(web: Web, shared_workspace: Workspace) -> None:
    chat_id = imported(web, shared_workspace, *whatsapp("Sasha"))
    page = web.get(f"/chats/{chat_id}/manage")
    assert page.status_code == 200
    assert title_of(page.text) == "Chat details · Notes"
    assert "Show Sasha as" in page.text
    saved = web.post(f"/chats/{chat_id}/alias", {"alias": "  S.  "})
    assert saved.status_code == 303
    assert shared_workspace.chats.get(chat_id).partner_alias == "S."
    listed = html.unescape(web.get("/chats").text)
    assert "You and S." in listed
    too_long = web.post(f"/chats/{chat_id}/alias", {"alias": "y" * 201})
    assert too_long.status_code == 400
    assert field_errors(too_long.text) == ["Keep it to 200 characters."]
    assert shared_workspace.chats.get(chat_id).partner_alias == "S."
    cleared = web.post(f"/chats/{chat_id}/alias", {"alias": ""})
    assert cleared.status_code == 303
    assert shared_workspace.chats.get(chat_id).partner_alias is None


def test_deleting_a_chat_removes_it_and_its_messages(web: Web,
                                                     shared_workspace: Workspace) -> None:
    chat_id = imported(web, shared_workspace, *whatsapp())
    chats = shared_workspace.chats
    chats.set_me(chat_id, chats.get(chat_id).participants[0])
    PatternService(chats, shared_workspace.journal).report(chat_id)  # a report is kept
    kept = DERIVED[0]
    with shared_workspace.vault.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(kept)
                            .where(kept.c.chat_id == chat_id)).scalar() == 1
    page = web.get(f"/chats/{chat_id}/manage").text
    assert "<summary>Delete this chat</summary>" in page
    assert web.post(f"/chats/{chat_id}/delete", {}, csrf=False).status_code == 403
    assert chat_id in chat_ids(shared_workspace)
    response = web.post(f"/chats/{chat_id}/delete", {})
    assert response.status_code == 303
    assert response.headers["location"] == "/chats"
    assert chat_id not in chat_ids(shared_workspace)
    with shared_workspace.vault.engine.connect() as conn:
        for table in TABLES + DERIVED:  # whatever the store keeps per chat, none is left
            if "chat_id" in table.c:
                left = conn.execute(sa.select(sa.func.count()).select_from(table)
                                    .where(table.c.chat_id == chat_id)).scalar()
                assert left == 0, table.name
    with pytest.raises(NotFound):
        list(shared_workspace.chats.messages(chat_id))
    assert "gone for good" in web.get("/chats").text
    assert web.get(f"/chats/{chat_id}").status_code == 404
    assert web.post(f"/chats/{chat_id}/delete", {}).status_code == 404


@pytest.mark.parametrize("path", ["/chats", "/chats/import", "/chats/{id}/me",
                                  "/chats/{id}/manage", "/chats/{id}"])
def test_page_titles_stay_neutral(web: Web, shared_workspace: Workspace, path: str) -> None:
    chat_id = imported(web, shared_workspace, *whatsapp())
    page = web.get(path.format(id=chat_id))
    assert page.status_code == 200
    title = title_of(page.text).lower()
    for word in (*FORBIDDEN_IN_TITLES, "sam", "alex"):
        assert word not in title, (path, title)


@pytest.mark.parametrize("path", ["/chats", "/chats/import", "/chats/1/me", "/chats/1"])
def test_chat_pages_need_a_signed_in_session(make_web: Callable[..., Web],
                                             shared_workspace: Workspace, path: str) -> None:
    stranger = make_web(workspace=shared_workspace)
    response = stranger.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"


def test_an_unknown_chat_is_a_calm_404(web: Web) -> None:
    for path in ("/chats/999999", "/chats/999999/me", "/chats/999999/manage"):
        response = web.get(path)
        assert response.status_code == 404
        assert "No chat with id 999999." in response.text


def test_a_dropped_upload_leaves_nothing_behind(web: Web, shared_workspace: Workspace,
                                                scratch: Path) -> None:
    """The browser goes away halfway: no chat, no folder, no error page attempted."""
    arriving: list[dict[str, Any]] = [
        {"type": "http.request", "body": b"timestamp,sender,text\n", "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return arriving.pop(0) if arriving else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "method": "POST", "path": "/chats/upload", "raw_path": b"/chats/upload",
        "query_string": b"name=dropped.csv", "root_path": "", "scheme": "http",
        "http_version": "1.1", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8765),
        "headers": [
            (b"host", b"127.0.0.1:8765"), (b"origin", ORIGIN.encode()),
            (b"x-csrf-token", web.csrf.encode()),
            (b"content-type", b"application/octet-stream"),
            (b"cookie", f"{COOKIE}={web.session_id}".encode()),
        ],
    }
    before = chat_ids(shared_workspace)
    # A thread of its own: Playwright's sync API may hold this worker's event loop.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, web.client.app(scope, receive, send)).result()  # type: ignore[arg-type]
    assert sent[0]["status"] == 400
    assert chat_ids(shared_workspace) == before
    assert list(scratch.iterdir()) == []
