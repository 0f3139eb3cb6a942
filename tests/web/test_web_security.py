"""Every security rule of the web app, in process: host, origin, CSRF, headers,
cookies, who may see what, the one-time launch URL, idle lock, quick exit."""

from __future__ import annotations

import re

import pytest
from webtools import BASE, ORIGIN, MakeWeb, TestClient, Web, title_of

from clearheart.services.workspace import Workspace
from clearheart.web.app import create_app
from clearheart.web.routes.unlock import launch_path
from clearheart.web.security import CSP
from clearheart.web.sessions import COOKIE

PAGES = ["/today", "/journal", "/practices", "/settings", "/practices/calendar.ics",
         "/journal?page=2", "/activity", "/no-such-page"]
STATE_CHANGES = [
    ("/journal", {"text": "a line that must not be saved"}),
    ("/journal/search", {"q": "line"}),
    ("/journal/1/delete", {}),
    ("/today", {"practice": "morning_intention", "text": "not saved"}),
    ("/settings", {"display_name": "Notes"}),
    ("/lock", {}),
    ("/exit", {}),
]
EXPECTED_HEADERS = {
    "content-security-policy": CSP,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


def test_csp_is_exactly_the_policy() -> None:
    assert CSP == (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'"
    )


# --- Host ----------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8765", "localhost",
                                  "localhost:9000", "LOCALHOST:1", "[::1]", "[::1]:8765"])
def test_loopback_hosts_are_served(web: Web, host: str) -> None:
    response = web.get("/today", headers={"Host": host})
    assert response.status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.2",
                                  "localhost.evil.example", "127.0.0.1.nip.io:8765",
                                  "[::2]", "127.0.0.1:port", "", "0.0.0.0:8765"])
def test_any_other_host_is_refused_with_400(web: Web, host: str) -> None:
    response = web.get("/today", headers={"Host": host})
    assert response.status_code == 400
    assert "Today" not in response.text
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers[name] == value


def test_a_foreign_host_cannot_post_either(web: Web) -> None:
    response = web.post("/journal", {"text": "x"}, headers={"Host": "evil.example"},
                        origin="http://evil.example")
    assert response.status_code == 400


# --- Origin and CSRF ----------


@pytest.mark.parametrize(("path", "data"), STATE_CHANGES)
def test_state_changes_without_csrf_are_403(web: Web, path: str, data: dict[str, str]) -> None:
    before = web.state.workspace
    response = web.post(path, data, csrf=False)
    assert response.status_code == 403
    assert web.state.workspace is before is not None


@pytest.mark.parametrize(("path", "data"), STATE_CHANGES)
def test_state_changes_with_a_wrong_csrf_are_403(web: Web, path: str,
                                                   data: dict[str, str]) -> None:
    response = web.post(path, {**data, "csrf": "x" * 43})
    assert response.status_code == 403
    assert web.state.unlocked


@pytest.mark.parametrize(("path", "data"), STATE_CHANGES)
@pytest.mark.parametrize("origin", [None, "null", "http://evil.example",
                                    "http://127.0.0.1:9999", "https://127.0.0.1:8765",
                                    "http://localhost:8765"])
def test_state_changes_without_our_own_origin_are_403(
        web: Web, path: str, data: dict[str, str], origin: str | None) -> None:
    response = web.post(path, data, origin=origin)
    assert response.status_code == 403
    assert web.state.unlocked


def test_origin_must_match_the_host_the_browser_used(web: Web) -> None:
    ok = web.post("/journal/search", {"q": "x"}, origin="http://localhost:8765",
                  headers={"Host": "localhost:8765"})
    assert ok.status_code == 200
    ipv6 = web.post("/journal/search", {"q": "x"}, origin="http://[::1]:8765",
                    headers={"Host": "[::1]:8765"})
    assert ipv6.status_code == 200


def test_csrf_may_come_as_a_header_for_htmx(web: Web) -> None:
    response = web.post("/journal/search", {"q": "anything"}, csrf=False,
                        headers={"X-CSRF-Token": web.csrf, "HX-Request": "true"})
    assert response.status_code == 200
    wrong = web.post("/journal/search", {"q": "anything"}, csrf=False,
                     headers={"X-CSRF-Token": "nope", "HX-Request": "true"})
    assert wrong.status_code == 403


def test_a_token_from_another_session_is_refused(make_web: MakeWeb,
                                                 shared_workspace: Workspace) -> None:
    first = make_web(workspace=shared_workspace)
    first.launch()
    second = TestClient(first.client.app, base_url=BASE)
    second.get("/unlock")
    response = second.post("/journal", data={"csrf": first.csrf, "text": "x"},
                           headers={"Origin": ORIGIN}, follow_redirects=False)
    assert response.status_code == 403


def test_the_page_carries_the_session_token(web: Web) -> None:
    page = web.get("/journal").text
    tokens = set(re.findall(r'name="csrf" value="([^"]+)"', page))
    assert tokens == {web.csrf}
    assert f'data-csrf="{web.csrf}"' in page
    assert f'"X-CSRF-Token": "{web.csrf}"' in page


def test_a_huge_body_is_refused(web: Web) -> None:
    response = web.post("/journal", {"text": "x" * 2_100_000})
    assert response.status_code == 413


# --- headers and cookies ----------


@pytest.mark.parametrize("path", ["/today", "/journal", "/", "/static/app.css",
                                  "/static/vendor/htmx.min.js", "/weather", "/unlock",
                                  "/practices/calendar.ics", "/no-such-page"])
def test_every_response_has_the_security_headers(web: Web, path: str) -> None:
    response = web.get(path)
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers[name] == value, (path, name)
    assert response.headers["referrer-policy"] == "same-origin"


def test_error_responses_have_the_headers_too(web: Web) -> None:
    for response in (web.post("/journal", {"text": "x"}, csrf=False),
                     web.post("/journal/999999/delete"),
                     web.get("/today", headers={"Host": "evil.example"})):
        assert response.status_code in (400, 403, 404)
        for name, value in EXPECTED_HEADERS.items():
            assert response.headers[name] == value


def test_cookies_are_httponly_strict_and_site_wide(make_web: MakeWeb,
                                                   shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    for response in (browser.get("/unlock"), browser.launch()):
        cookie = response.headers["set-cookie"]
        parts = [p.strip().lower() for p in cookie.split(";")]
        assert parts[0].startswith(f"{COOKIE}=")
        assert "httponly" in parts
        assert "samesite=strict" in parts
        assert "path=/" in parts
        assert "secure" not in parts  # plain http on loopback
        value = parts[0].split("=", 1)[1]
        assert len(value) >= 43  # token_urlsafe(32)


# --- who sees what ----------


@pytest.mark.parametrize("path", PAGES)
def test_a_client_without_a_session_sees_only_the_unlock_page(
        make_web: MakeWeb, shared_workspace: Workspace, path: str) -> None:
    stranger = make_web(workspace=shared_workspace)
    response = stranger.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"
    assert response.text == ""


@pytest.mark.parametrize("path", PAGES)
def test_an_anonymous_pre_session_sees_nothing_either(
        make_web: MakeWeb, shared_workspace: Workspace, path: str) -> None:
    stranger = make_web(workspace=shared_workspace)
    unlock = stranger.get("/unlock")
    assert unlock.status_code == 200
    assert stranger.session_id is not None
    response = stranger.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"


def test_an_anonymous_session_cannot_post_past_the_guard(make_web: MakeWeb,
                                                         shared_workspace: Workspace) -> None:
    stranger = make_web(workspace=shared_workspace)
    stranger.get("/unlock")
    before = shared_workspace.journal.count()
    response = stranger.post("/journal", {"text": "sneaky"})
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"
    assert shared_workspace.journal.count() == before


def test_htmx_requests_are_told_to_go_to_unlock(make_web: MakeWeb,
                                                shared_workspace: Workspace) -> None:
    stranger = make_web(workspace=shared_workspace)
    response = stranger.get("/journal", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["hx-redirect"] == "/unlock"


def test_static_assets_and_the_neutral_page_are_public(make_web: MakeWeb) -> None:
    stranger = make_web()
    assert stranger.get("/static/app.css").status_code == 200
    assert stranger.get("/static/vendor/htmx.min.js").status_code == 200
    assert stranger.get("/weather").status_code == 200


# --- the launch URL ----------


def test_the_launch_url_works_once(make_web: MakeWeb, shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    token = browser.state.launch_token
    assert token is not None and len(token) >= 43
    browser.launch()
    assert browser.get("/today").status_code == 200
    other = TestClient(browser.client.app, base_url=BASE)
    reused = other.get(launch_path(token), follow_redirects=False)
    assert reused.headers["location"] == "/unlock"
    assert other.get("/today", follow_redirects=False).headers["location"] == "/unlock"


def test_a_wrong_launch_token_leads_to_unlock(make_web: MakeWeb,
                                              shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    token = browser.state.launch_token
    assert token is not None
    response = browser.get(launch_path(f"{token[:-1]}x"))
    assert response.headers["location"] == "/unlock"
    assert browser.get("/today").headers["location"] == "/unlock"
    assert browser.state.launch_token == token  # a wrong guess does not burn the real one


def test_launch_on_a_locked_vault_asks_for_the_passphrase(make_web: MakeWeb) -> None:
    browser = make_web()
    token = browser.state.launch_token
    assert token is not None
    response = browser.get(launch_path(token))
    assert response.headers["location"] == "/unlock"
    assert browser.state.launch_token is None


def test_signing_in_rotates_the_session_id(make_web: MakeWeb,
                                           shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    browser.get("/unlock")
    before = browser.session_id
    assert before is not None
    browser.launch()
    after = browser.session_id
    assert after is not None and after != before
    assert browser.state.sessions.get(before) is None
    assert browser.state.sessions.get(after) is not None


def test_a_stolen_pre_login_session_id_is_worthless(make_web: MakeWeb,
                                                    shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    browser.get("/unlock")
    fixed = browser.session_id
    browser.launch()
    attacker = TestClient(browser.client.app, base_url=BASE, cookies={COOKIE: fixed or ""})
    assert attacker.get("/today", follow_redirects=False).headers["location"] == "/unlock"


# --- idle lock ----------


def test_idle_time_locks_the_vault(make_web: MakeWeb, own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace)
    browser.launch()
    assert browser.state.idle_seconds() == 600  # the default ten minutes
    browser.ticker.advance(599)
    assert browser.get("/today").status_code == 200  # activity restarts the count
    browser.ticker.advance(599)
    assert browser.get("/journal").status_code == 200
    browser.ticker.advance(600)
    response = browser.get("/today")
    assert response.headers["location"] == "/unlock"
    assert browser.state.workspace is None
    assert own_workspace.vault._key == b""  # closed: the data key is dropped
    assert len(browser.state.sessions) == 0


def test_the_idle_check_locks_without_any_request(make_web: MakeWeb,
                                                  own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace, idle_minutes_override=0.5)
    browser.launch()
    browser.ticker.advance(29)
    assert not browser.state.check_idle()
    browser.ticker.advance(2)
    assert browser.state.check_idle()
    assert browser.state.workspace is None


def test_static_files_and_the_unlock_page_do_not_count_as_activity(
        make_web: MakeWeb, own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace)
    browser.launch()
    browser.ticker.advance(500)
    browser.get("/static/app.css")
    browser.get("/unlock")
    browser.ticker.advance(101)
    assert browser.get("/today").headers["location"] == "/unlock"


def test_the_activity_ping_keeps_a_writer_signed_in(make_web: MakeWeb,
                                                    shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    browser.launch()
    for _ in range(5):
        browser.ticker.advance(500)
        assert browser.get("/activity").status_code == 204
    assert browser.state.unlocked


def test_the_page_tells_its_script_the_idle_minutes(make_web: MakeWeb,
                                                    shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace, idle_minutes_override=2.5)
    browser.launch()
    page = browser.get("/today").text
    assert 'data-idle-minutes="2.5"' in page
    assert "data-signed-in" in page


# --- quick exit and lock now ----------


def test_quick_exit_locks_and_leaves_for_the_neutral_page(make_web: MakeWeb,
                                                          own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace)
    browser.launch()
    response = browser.post("/exit")
    assert response.status_code == 303
    assert response.headers["location"] == "/weather"
    assert browser.state.workspace is None
    assert own_workspace.vault._key == b""
    assert len(browser.state.sessions) == 0
    # Back after the exit: the app's pages lead to the neutral page, not the unlock page.
    assert browser.get("/today").headers["location"] == "/weather"


def test_quick_exit_by_script_uses_the_header_token(make_web: MakeWeb,
                                                    own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace)
    browser.launch()
    response = browser.post("/exit", csrf=False, headers={"X-CSRF-Token": browser.csrf})
    assert response.status_code == 303
    assert not browser.state.unlocked


def test_quick_exit_after_a_lock_still_leaves(make_web: MakeWeb,
                                              own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace)
    browser.launch()
    token = browser.csrf
    browser.state.lock()
    response = browser.post("/exit", {"csrf": token})
    assert response.status_code == 303
    assert response.headers["location"] == "/weather"


def test_lock_now_locks_and_asks_for_the_passphrase(make_web: MakeWeb,
                                                    own_workspace: Workspace) -> None:
    browser = make_web(workspace=own_workspace)
    browser.launch()
    response = browser.post("/lock")
    assert response.headers["location"] == "/unlock"
    assert browser.state.workspace is None
    assert browser.get("/journal").headers["location"] == "/unlock"


def test_the_quick_exit_button_is_on_every_app_page(web: Web) -> None:
    for path in ("/today", "/journal", "/practices", "/settings", "/unlock"):
        page = web.get(path).text
        assert re.search(r'<form class="quick-exit" method="post" action="/exit">', page), path
        assert ">Quick exit</button>" in page


# --- pages stay discreet and script-free ----------


def test_no_inline_script_style_or_event_handlers(web: Web) -> None:
    for path in ("/today", "/journal", "/practices", "/settings", "/unlock", "/weather"):
        page = web.get(path).text
        for script in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in script, (path, script)
        assert not re.search(r"<script\b[^>]*>\s*[^<\s]", page), path
        assert not re.search(r"\son[a-z]+=", page), path
        assert not re.search(r"\sstyle=", page), path
        assert "<style" not in page, path


def test_nothing_is_loaded_from_another_host(web: Web) -> None:
    for path in ("/today", "/journal", "/practices", "/settings", "/unlock", "/weather"):
        page = web.get(path).text
        for url in re.findall(r'(?:src|href|action)="([^"]*)"', page):
            assert url.startswith(("/", "#", "data:")), (path, url)


def test_the_neutral_page_has_no_way_back(make_web: MakeWeb) -> None:
    page = make_web().get("/weather").text
    assert title_of(page) == "Weather notes"
    assert "<script" not in page
    assert "Clearheart" not in page
    for href in re.findall(r'href="([^"]*)"', page):
        assert href in ("data:,", "/static/plain.css")
    assert "<form" not in page


def test_unexpected_errors_are_a_calm_500(make_web: MakeWeb, shared_workspace: Workspace,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    browser = make_web(workspace=shared_workspace)
    browser.launch()

    def broken() -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(shared_workspace.practices, "today", broken)
    client = TestClient(create_app(browser.state), base_url=BASE,
                        cookies=dict(browser.client.cookies), raise_server_exceptions=False)
    response = client.get("/today")
    assert response.status_code == 500
    assert "secret internal detail" not in response.text
    assert "Traceback" not in response.text
    assert "Your entries are safe" in response.text
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers[name] == value
