"""Finding 1: on a server started over an empty home, only the launch URL may create.

Before, whichever local client reached the create page first chose the
passphrase, and the owner's launch URL then signed straight into that vault.
"""

from __future__ import annotations

from pathlib import Path

from sec_web_tools import in_process, launch

from clearheart.web.app import AppState

CHOSEN = "lantern river biscuit"


def fresh(tmp_path: Path) -> AppState:
    return AppState(home=tmp_path / "empty", unlock_delay=0.0)


def test_a_client_without_the_launch_token_cannot_create_the_vault(tmp_path: Path) -> None:
    state = fresh(tmp_path)
    intruder = in_process(state)
    page = intruder.get("/unlock")
    assert page.status_code == 200
    assert 'name="confirm"' not in page.text  # no create form for it
    assert "address" in page.text  # it is told where setting up happens
    response = intruder.post("/unlock", {"passphrase": CHOSEN, "confirm": CHOSEN})
    assert response.status_code == 403
    assert not (tmp_path / "empty" / "vault.key").exists()
    assert not state.unlocked


def test_the_launch_url_never_signs_into_a_vault_another_client_made(tmp_path: Path) -> None:
    state = fresh(tmp_path)
    intruder = in_process(state)
    intruder.get("/unlock")
    intruder.post("/unlock", {"passphrase": CHOSEN, "confirm": CHOSEN})
    owner = in_process(state)
    page = launch(owner, state)
    assert 'name="confirm"' in page.text  # the owner gets to choose the passphrase
    assert owner.get("/today").headers["location"] == "/unlock"


def test_the_launch_url_creates_and_signs_in_its_own_browser_only(tmp_path: Path) -> None:
    state = fresh(tmp_path)
    owner = in_process(state)
    launch(owner, state)
    created = owner.post("/unlock", {"passphrase": CHOSEN, "confirm": CHOSEN})
    assert created.headers["location"] == "/today"
    assert owner.get("/today").status_code == 200
    intruder = in_process(state)
    assert intruder.get("/today").headers["location"] == "/unlock"
    assert state.sessions.get(intruder.session_id) is None
