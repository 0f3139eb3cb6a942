"""Discreet by default (issue 9): nothing the demo_web or a file keeps names the app or
what it is for, and Back after the quick exit shows nothing of it.

Walked over every page (tests/web/walker.py) of a vault built by the demo, so
every page has something to show; the files it offers are checked for their
names and metadata; archives for their markers, old and new.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path

import pytest
from walker import POSTED, files, pages
from webtools import BASE, FORBIDDEN_IN_TITLES, PASSPHRASE, MakeWeb, TestClient, Web
from webtools import title_of as page_title

from clearheart.domain.preferences import DEFAULT_NAME, Preferences, clean
from clearheart.errors import ArchiveInvalid, InvalidInput
from clearheart.services import archive
from clearheart.services.workspace import Workspace
from clearheart.store import envelope

pytestmark = pytest.mark.xdist_group("discreet_walk")

TELLING = (*FORBIDDEN_IN_TITLES, "clearheart", "safety", "danger", "abuse", "crisis", "help me")
"""Words no title, file name or file metadata may hold."""
ICONS = ("/static/icon.svg", "data:,")


def telling(text: str) -> list[str]:
    return [word for word in TELLING if word in text.lower()]


def icon_links(html: str) -> list[str]:
    return re.findall(r'<link rel="icon" href="([^"]*)"', html)


# --- titles and the icon, on every page ----------


@pytest.fixture(scope="module")
def walked(demo_web: Web, demo: Workspace) -> dict[str, str]:
    """Every page, signed in (address → HTML), safe and unsafe (the gate changes pages)."""
    found: dict[str, str] = {}
    for gate in ("safe", "unsafe"):
        getattr(demo.safety, gate)()
        try:
            for address in pages(demo_web.client.app, demo):  # type: ignore[arg-type]
                response = demo_web.get(address)
                assert response.status_code == 200, (address, response.status_code)
                found[f"{gate} {address}"] = response.text
            for address, form in POSTED:
                found[f"{gate} POST {address}"] = demo_web.post(address, form).text
        finally:
            demo.safety.safe()
    return found


def test_the_walk_covers_every_page(walked: dict[str, str]) -> None:
    assert len(walked) >= 80
    assert "safe /help/privacy" in walked and "unsafe /today" in walked


def test_every_page_title_is_neutral(walked: dict[str, str]) -> None:
    for address, html in walked.items():
        title = page_title(html)
        assert not telling(title), (address, title)
        if "/weather" not in address and "/help/plan/print" not in address:
            assert title.endswith(f" · {DEFAULT_NAME}"), (address, title)


def test_every_page_links_a_plain_icon(walked: dict[str, str]) -> None:
    for address, html in walked.items():
        assert len(icon_links(html)) == 1 and icon_links(html)[0] in ICONS, address
    icon = resources.files("clearheart.web").joinpath("static/icon.svg").read_text()
    root = ET.fromstring(icon)
    assert [child.tag.split("}")[1] for child in root] == ["rect"]  # a plain shape, no words
    assert not telling(icon)


def test_pages_outside_the_app_are_neutral_too(make_web: MakeWeb, demo_web: Web,
                                               tmp_path: Path) -> None:
    stranger = make_web()
    responses = {
        "create": make_web(home=tmp_path / "none").get("/unlock"),
        "unlock": stranger.get("/unlock"),
        "weather": stranger.get("/weather"),
        "404": demo_web.get("/no-such-page"),
        "403": demo_web.post("/journal", {"text": "x"}, csrf=False),
    }
    for where, response in responses.items():
        title = page_title(response.text)
        assert not telling(title), (where, title)
        assert "welcome back" not in response.text.lower(), where
        assert icon_links(response.text)[0] in ICONS, where
    assert page_title(responses["create"].text) == f"Get started · {DEFAULT_NAME}"
    assert page_title(responses["unlock"].text) == f"Sign in · {DEFAULT_NAME}"


def test_the_default_name_is_neutral_and_an_old_default_reads_as_it() -> None:
    assert DEFAULT_NAME == "Notes" and Preferences().display_name == "Notes"
    saved_by_an_earlier_version = Preferences(display_name="Garden").to_json() | {
        "display_name": "Clearheart"}
    assert Preferences.from_json(saved_by_an_earlier_version).display_name == "Notes"
    assert Preferences.from_json(Preferences(display_name="Garden").to_json()).display_name \
        == "Garden"
    for name in ("Clearheart", "my safety notes", "Crisis plan", "help me"):
        with pytest.raises(InvalidInput):
            clean(Preferences(display_name=name))


def test_the_footer_offers_what_works_on_a_touch_screen(demo_web: Web) -> None:
    page = demo_web.get("/today").text
    assert '<span class="leave-keys">press Shift three times</span>' in page
    assert '<span class="leave-touch">tap Quick exit at the top</span>' in page
    css = resources.files("clearheart.web").joinpath("static/app.css").read_text()
    block = css[css.index("Discreet by default"):]
    assert "@media (hover: none) and (pointer: coarse)" in block
    assert "position: fixed" in block  # the button stays in reach on a narrow screen


# --- downloaded files ----------


def test_downloads_have_plain_names_and_metadata(demo_web: Web, demo: Workspace) -> None:
    offered = files(demo_web.client.app)  # type: ignore[arg-type]
    assert set(offered) == {"/cycle.svg", "/practices/calendar.ics", "/notes/file"}
    names = {}
    for address in offered:
        response = demo_web.get(address)
        assert response.status_code == 200, address
        disposition = response.headers["content-disposition"]
        names[address] = re.findall(r'filename="([^"]+)"', disposition)[0]
        assert not telling(names[address]), disposition
    assert re.fullmatch(r"notes-\d{4}-\d{2}-\d{2}\.pdf", names.pop("/notes/file"))
    assert names == {"/cycle.svg": "drawing.svg", "/practices/calendar.ics": "schedule.ics"}


def test_the_calendar_names_neither_the_app_nor_the_practices(demo_web: Web,
                                                               demo: Workspace) -> None:
    text = demo_web.get("/practices/calendar.ics").text
    assert re.findall(r"^PRODID:(.*)\r$", text, re.M) == ["-//Local//Schedule//EN"]
    uids = re.findall(r"^UID:(.*)$", text, re.M)
    seed = demo.vault_id()
    assert [u.strip() for u in uids] == [f"{slot}-{seed}@schedule.invalid"
                                         for slot in ("morning", "evening", "weekly")]
    for word in ("clearheart", "practice", "intention", "reflection", "appreciation",
                 "journal", "partner"):
        assert word not in text.lower(), word


def test_the_drawing_file_carries_no_metadata_of_the_app(demo_web: Web, demo: Workspace) -> None:
    if demo.cycle.current() is None:
        demo.cycle.start_from_example()
    text = demo_web.get("/cycle.svg").text
    root = ET.fromstring(text)
    assert root.get("class") is None
    assert root.get("aria-labelledby") == "drawing-title drawing-desc"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids and all(i.startswith("drawing-") for i in ids)
    assert "data-role" not in text
    assert not re.search(r"<metadata|<!--|clearheart", text, re.I)
    assert "cycle" not in " ".join(f"{k}={v}" for e in root.iter() for k, v in e.attrib.items())


# --- archives: neutral markers written, old ones still read ----------


def _export(workspace: Workspace, out: Path, passphrase: str | None) -> None:
    when = datetime(2026, 6, 30, 21, 0).astimezone()
    archive.export(workspace.vault.engine, out, passphrase, when)


def _restored_rows(archive_file: Path, passphrase: str | None, home: Path) -> int:
    opened = archive.open_archive(archive_file, passphrase)
    fresh = Workspace.create(home, "another passphrase here")
    try:
        return archive.restore(fresh.vault.engine, opened, home)
    finally:
        fresh.close()
        opened.close()


@pytest.fixture(scope="module")
def small_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path_factory.mktemp("small") / "home", PASSPHRASE)
    workspace.journal.add("A line to carry across.")
    yield workspace
    workspace.close()


def test_a_new_archive_names_no_app(small_vault: Workspace, tmp_path: Path) -> None:
    sealed, plain = tmp_path / "backup", tmp_path / "backup.json"
    _export(small_vault, sealed, PASSPHRASE)
    _export(small_vault, plain, None)
    assert sealed.read_bytes()[:4] == b"SEAL"
    assert b"CHAR" not in sealed.read_bytes()[:4] and b"learheart" not in sealed.read_bytes()
    header = json.loads(plain.read_text().splitlines()[0])
    assert header["format"] == "archive"
    assert "clearheart" not in plain.read_text().splitlines()[0].lower()
    assert _restored_rows(sealed, PASSPHRASE, tmp_path / "a") == \
        _restored_rows(plain, None, tmp_path / "b")


def test_archives_from_earlier_versions_still_restore(small_vault: Workspace, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier versions wrote `"format": "clearheart-archive"` and the magic `CHAR`; the
    layout after them is the same, so the old writer is the new one with the old markers."""
    monkeypatch.setattr(archive, "FORMAT", "clearheart-archive")
    monkeypatch.setattr(envelope, "MAGIC", b"CHAR")
    old_sealed, old_plain = tmp_path / "old.chx", tmp_path / "old.json"
    _export(small_vault, old_sealed, PASSPHRASE)
    _export(small_vault, old_plain, None)
    monkeypatch.undo()
    assert old_sealed.read_bytes()[:4] == b"CHAR"
    assert json.loads(old_plain.read_text().splitlines()[0])["format"] == "clearheart-archive"
    rows = _restored_rows(old_sealed, PASSPHRASE, tmp_path / "a")
    assert rows == _restored_rows(old_plain, None, tmp_path / "b") > 0
    restored = Workspace.unlock(tmp_path / "a", "another passphrase here")
    try:
        assert [e.text for e in restored.journal.all()] == ["A line to carry across."]
    finally:
        restored.close()


def test_an_unknown_marker_is_still_refused(small_vault: Workspace, tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    _export(small_vault, plain, None)
    first, *rest = plain.read_text().splitlines()
    for wrong in ("other-archive", ["archive"], None):
        changed = tmp_path / "changed.json"
        changed.write_text("\n".join([json.dumps(json.loads(first) | {"format": wrong}), *rest]))
        with pytest.raises(ArchiveInvalid, match="not a Clearheart archive"):
            archive.open_archive(changed, None).close()
    sealed = tmp_path / "sealed"
    _export(small_vault, sealed, PASSPHRASE)
    other = tmp_path / "other"
    other.write_bytes(b"XXXX" + sealed.read_bytes()[4:])
    assert not envelope.is_envelope(other.read_bytes()[:4])
    with pytest.raises(ArchiveInvalid):
        archive.open_archive(other, PASSPHRASE).close()
    assert envelope.is_envelope(b"CHAR") and envelope.is_envelope(b"SEAL")


# --- Back after the quick exit ----------


@pytest.fixture
def exited(make_web: MakeWeb, own_workspace: Workspace) -> Web:
    """A demo_web that signed in, then left by the quick exit."""
    web = make_web(workspace=own_workspace)
    web.launch()
    web.get("/journal")
    assert web.post("/exit").headers["location"] == "/weather"
    return web


def test_back_after_the_exit_finds_the_neutral_page_everywhere(exited: Web,
                                                                demo: Workspace) -> None:
    """Every page, the unlock page too, with the old cookie or none at all."""
    cold = TestClient(exited.client.app, base_url=BASE)
    addresses = [*pages(exited.client.app, demo), "/no-such-page",  # type: ignore[arg-type]
                 "/practices/calendar.ics", "/cycle.svg", "/activity"]
    for client in (exited.client, cold):
        for address in addresses:
            response = client.get(address, follow_redirects=False)
            if address == "/weather":
                assert response.status_code == 200
                continue
            assert response.status_code == 303, address
            assert response.headers["location"] == "/weather", address
            assert response.text == "", address
    htmx = exited.get("/journal", headers={"HX-Request": "true"})
    assert htmx.status_code == 401 and htmx.headers["hx-redirect"] == "/weather"


def test_a_form_sent_again_after_the_exit_leaves_too(exited: Web) -> None:
    for path, form in (("/journal", {"text": "sent again"}), ("/unlock",
                                                            {"passphrase": PASSPHRASE})):
        response = exited.client.post(path, data={**form, "csrf": "stale"},
                                      headers={"Origin": BASE}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/weather"
    assert not exited.state.unlocked


def test_the_bare_address_is_the_way_back_in(exited: Web) -> None:
    sent_by_another_site = exited.get("/", headers={"Sec-Fetch-Site": "cross-site"})
    assert sent_by_another_site.headers["location"] == "/unlock"
    assert exited.get("/unlock").headers["location"] == "/weather"  # still hidden
    typed = exited.get("/", headers={"Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate"})
    assert typed.headers["location"] == "/unlock"
    page = exited.get("/unlock")
    assert page.status_code == 200 and page_title(page.text) == f"Sign in · {DEFAULT_NAME}"
    assert "Welcome back" not in page.text
    signed = exited.post("/unlock", {"passphrase": PASSPHRASE})
    assert signed.headers["location"] == "/today"
    assert exited.get("/journal").status_code == 200
    assert not exited.state.exited
    exited.state.lock()


def test_ordinary_locks_still_lead_to_the_unlock_page(exited: Web) -> None:
    exited.get("/")
    exited.get("/unlock")
    exited.post("/unlock", {"passphrase": PASSPHRASE})
    assert exited.post("/lock").headers["location"] == "/unlock"
    assert exited.get("/journal").headers["location"] == "/unlock"  # Lock now
    exited.get("/unlock")
    exited.post("/unlock", {"passphrase": PASSPHRASE})
    assert exited.get("/journal").status_code == 200
    exited.ticker.advance(exited.state.idle_seconds() + 1)
    assert exited.get("/journal").headers["location"] == "/unlock"  # the idle lock
    assert not exited.state.unlocked


def test_a_fresh_launch_url_still_signs_in_after_an_exit(make_web: MakeWeb,
                                                         own_workspace: Workspace) -> None:
    web = make_web(workspace=own_workspace)
    web.get("/unlock")
    web.post("/unlock", {"passphrase": PASSPHRASE})
    token = web.state.launch_token
    assert token is not None
    web.post("/exit")
    own = Workspace.unlock(own_workspace.vault.paths.home, PASSPHRASE)
    web.state.workspace = own  # `clearheart serve` with the passphrase: open, token unspent
    try:
        assert web.launch().headers["location"] == "/today"
        assert web.get("/today").status_code == 200
        assert not web.state.exited
    finally:
        web.state.lock()


def test_an_exit_to_another_site_is_where_back_leads(make_web: MakeWeb,
                                                     own_workspace: Workspace) -> None:
    web = make_web(workspace=own_workspace)
    web.launch()
    elsewhere = "https://www.example.org/news"
    web.state.remember(clean(Preferences(exit_url=elsewhere)))
    web.post("/exit")
    assert web.get("/today").headers["location"] == elsewhere
    resent = web.client.post("/journal", data={"text": "x", "csrf": "stale"},
                             headers={"Origin": BASE}, follow_redirects=False)
    assert resent.status_code == 200 and page_title(resent.text) == "Loading"  # CSP-safe
    assert f'content="0; url={elsewhere}"' in resent.text


def test_an_exit_asked_while_already_locked_counts_too(make_web: MakeWeb,
                                                       own_workspace: Workspace) -> None:
    web = make_web(workspace=own_workspace)
    web.launch()
    token = web.csrf
    web.state.lock()  # the idle lock came first
    assert web.post("/exit", {"csrf": token}).headers["location"] == "/weather"
    assert web.get("/today").headers["location"] == "/weather"
