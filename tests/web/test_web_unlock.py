"""Unlocking, and the first run: creating a vault from the browser."""

from __future__ import annotations

import time
from pathlib import Path

from webtools import PASSPHRASE, MakeWeb, Web, field_errors, title_of

from clearheart.services.workspace import Workspace
from clearheart.web.routes.unlock import launch_path


def first_launch(browser: Web) -> None:
    """Open the launch URL on a home with no vault yet: only it may create one."""
    token = browser.state.launch_token
    assert token is not None
    assert browser.get(launch_path(token)).headers["location"] == "/unlock"


def test_first_run_offers_to_create_a_vault(make_web: MakeWeb, tmp_path: Path) -> None:
    browser = make_web(home=tmp_path / "new")
    assert browser.get("/today").headers["location"] == "/unlock"
    first_launch(browser)
    page = browser.get("/unlock")
    assert page.status_code == 200
    assert title_of(page.text) == "Get started · Notes"
    assert "Choose a passphrase" in page.text
    assert "at least 8 characters" in page.text
    assert 'name="confirm"' in page.text


def test_creating_a_vault_needs_the_same_passphrase_twice(make_web: MakeWeb,
                                                          tmp_path: Path) -> None:
    browser = make_web(home=tmp_path / "new")
    first_launch(browser)
    response = browser.post("/unlock", {"passphrase": "lantern river", "confirm": "lantern rive"})
    assert response.status_code == 400
    assert field_errors(response.text) == [
        "The two boxes do not match yet. Type the same passphrase in both."]
    assert not (tmp_path / "new" / "vault.key").exists()


def test_a_short_passphrase_is_explained(make_web: MakeWeb, tmp_path: Path) -> None:
    browser = make_web(home=tmp_path / "new")
    first_launch(browser)
    response = browser.post("/unlock", {"passphrase": "short", "confirm": "short"})
    assert response.status_code == 400
    [error] = field_errors(response.text)
    assert "at least 8 characters" in error
    assert not (tmp_path / "new" / "vault.key").exists()


def test_creating_a_vault_signs_in_and_opens_today(make_web: MakeWeb, tmp_path: Path) -> None:
    browser = make_web(home=tmp_path / "new")
    first_launch(browser)
    anonymous = browser.session_id
    response = browser.post("/unlock", {"passphrase": "lantern river", "confirm": "lantern river"})
    assert response.status_code == 303
    assert response.headers["location"] == "/today"
    assert browser.session_id != anonymous
    today = browser.get("/today")
    assert today.status_code == 200
    assert "This is your own quiet corner" in today.text
    assert (tmp_path / "new" / "vault.key").exists()
    browser.state.lock()
    Workspace.unlock(tmp_path / "new", "lantern river").close()


def test_the_unlock_page_once_a_vault_exists(make_web: MakeWeb) -> None:
    browser = make_web()
    page = browser.get("/unlock")
    assert title_of(page.text) == "Sign in · Notes"
    assert 'autocomplete="current-password"' in page.text
    assert 'name="confirm"' not in page.text
    assert "data-signed-in" not in page.text
    assert 'href="/journal"' not in page.text  # no navigation before unlocking


def test_a_wrong_passphrase_gets_one_calm_sentence(make_web: MakeWeb) -> None:
    browser = make_web(unlock_delay=1.0)  # longer than Argon2 alone (~0.4 s)
    browser.get("/unlock")
    started = time.monotonic()
    response = browser.post("/unlock", {"passphrase": "not the passphrase"})
    assert time.monotonic() - started >= 1.0
    assert response.status_code == 400
    assert field_errors(response.text) == ["That passphrase does not open this vault."]
    assert "Traceback" not in response.text
    assert not browser.state.unlocked
    assert browser.get("/today").headers["location"] == "/unlock"


def test_an_empty_passphrase_is_asked_for_again(make_web: MakeWeb) -> None:
    browser = make_web()
    browser.get("/unlock")
    response = browser.post("/unlock", {"passphrase": ""})
    assert response.status_code == 400
    assert field_errors(response.text) == ["Type your passphrase to come in."]


def test_the_right_passphrase_unlocks(make_web: MakeWeb) -> None:
    browser = make_web()
    browser.get("/unlock")
    response = browser.post("/unlock", {"passphrase": PASSPHRASE})
    assert response.headers["location"] == "/today"
    assert browser.state.unlocked
    assert browser.get("/journal").status_code == 200
    browser.state.lock()


def test_a_second_browser_must_prove_the_passphrase(make_web: MakeWeb,
                                                    shared_workspace: Workspace) -> None:
    browser = make_web(workspace=shared_workspace)
    browser.get("/unlock")
    wrong = browser.post("/unlock", {"passphrase": "guess guess"})
    assert wrong.status_code == 400
    assert browser.get("/today").headers["location"] == "/unlock"
    right = browser.post("/unlock", {"passphrase": PASSPHRASE})
    assert right.headers["location"] == "/today"
    assert browser.state.workspace is shared_workspace  # the same open vault, not a second one
    assert browser.get("/today").status_code == 200


def test_posting_the_unlock_form_needs_its_csrf_token(make_web: MakeWeb) -> None:
    browser = make_web()
    browser.get("/unlock")
    response = browser.post("/unlock", {"passphrase": PASSPHRASE}, csrf=False)
    assert response.status_code == 403
    assert not browser.state.unlocked


def test_the_demo_shows_its_passphrase(make_web: MakeWeb) -> None:
    page = make_web(demo_passphrase="demo passphrase").get("/unlock").text
    assert "<code>demo passphrase</code>" in page
    assert "demo passphrase" not in make_web().get("/unlock").text


def test_the_root_sends_you_to_today(make_web: MakeWeb) -> None:
    browser = make_web()
    assert browser.get("/").headers["location"] == "/unlock"
