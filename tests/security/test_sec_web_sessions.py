"""Finding 3: anonymous clients must not lock the vault or push the owner out.

Before, an anonymous session's CSRF token sufficed for the quick exit (which
locked the vault and signed everyone out), and 70 anonymous visits pushed the
owner's pre-login session out of the table, so their right passphrase got 403.
"""

from __future__ import annotations

from pathlib import Path

from sec_web_tools import PASSPHRASE, cheap_vault, in_process, launch, open_workspace

from clearheart.web.app import AppState
from clearheart.web.sessions import MAX_ANONYMOUS


def test_an_anonymous_quick_exit_leaves_but_locks_nothing(tmp_path: Path) -> None:
    home = cheap_vault(tmp_path / "vault")
    state = AppState(home=home, workspace=open_workspace(home), unlock_delay=0.0)
    owner = in_process(state)
    launch(owner, state)
    stranger = in_process(state)
    stranger.get("/unlock")
    response = stranger.post("/exit")
    assert response.status_code == 303
    assert response.headers["location"] == "/weather"  # the screen still leaves at once
    assert state.unlocked
    assert owner.get("/today").status_code == 200  # the owner is still signed in
    assert not state.exited  # nor is the unlock page hidden from the owner's other tabs


def test_the_signed_in_quick_exit_still_locks_and_hides(tmp_path: Path) -> None:
    home = cheap_vault(tmp_path / "vault")
    state = AppState(home=home, workspace=open_workspace(home), unlock_delay=0.0)
    owner = in_process(state)
    launch(owner, state)
    assert owner.post("/exit").headers["location"] == "/weather"
    assert not state.unlocked
    assert state.exited
    assert owner.get("/today").headers["location"] == "/weather"


def test_anonymous_visits_never_push_out_the_owners_launch_session(tmp_path: Path) -> None:
    home = cheap_vault(tmp_path / "vault")
    state = AppState(home=home, unlock_delay=0.0)  # started without the passphrase
    owner = in_process(state)
    launch(owner, state)  # a locked vault: the launch URL leads to the passphrase form
    for _ in range(MAX_ANONYMOUS + 6):
        in_process(state).get("/unlock")
    response = owner.post("/unlock", {"passphrase": PASSPHRASE})
    assert response.status_code == 303
    assert response.headers["location"] == "/today"
    assert owner.get("/today").status_code == 200
