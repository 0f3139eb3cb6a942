"""Numbers from outside never reach the store unchecked: no route answers 500 to a number.

Every route of the real app (GET and POST, with a valid CSRF token and Origin) is
sent numbers no person would type: above 2^63, negative, 100,000 digits long,
written with non-ASCII digits, decimals, words. They go in the path where the
route takes one, and in every query and form field that carries a number
anywhere in the app. Before the fix, nine routes answered 500 (an OverflowError
from SQLite, or Python's ValueError for more than 4,300 digits).

CLEARHEART_NUMBER_EXAMPLES sizes the property test (hypothesis examples per route).
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Route

from clearheart.services.workspace import Workspace
from clearheart.web.app import AppState, create_app
from clearheart.web.routes.unlock import launch_path
from clearheart.web.sessions import COOKIE

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PASSPHRASE = "correct horse battery"
BASE = "http://127.0.0.1:8765"
EXAMPLES = int(os.environ.get("CLEARHEART_NUMBER_EXAMPLES", "25"))
INSTRUMENT = "closeness-and-worry"
NUMBER_FIELDS = ("page", "person", "minutes", "mood", "weekly_day", "rows", "map_id", "step",
                 "idle_minutes", "status", "action")
"""Every query or form field that carries a number somewhere in the app."""
SESSION_ENDERS = ("/exit", "/lock")
"""They take no number and end the session the rest of the walk needs."""
_PARAM = re.compile(r"\{(\w+)(?::(\w+))?\}")
URL_DIGITS = 4_400
"""An address carries a number cut to this length: still past Python's 4,300-digit limit,
while twelve of them stay inside the 64 KiB that HTTP clients and servers allow a URL."""

HOSTILE = ["9223372036854775808", "99999999999999999999", str(2**200), "-1", "-9" * 30,
           "9" * 100_000, "9" * 4_301, "²", "١٢", "1e3", "1.5", "0x10", "", " ", "NaN",
           "00000000000000000000000000007"]


def hostile_numbers() -> st.SearchStrategy[str]:
    """Text no person means as a number the app could hold, plus ordinary small numbers."""
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.integers(min_value=2**63).map(str),
        st.integers(max_value=-1).map(str),
        st.integers(min_value=0, max_value=10).map(str),
        st.integers(min_value=4_301, max_value=100_000).map(lambda n: "9" * n),
        st.text(max_size=12),
    )


@dataclass
class Site:
    client: TestClient
    csrf: str
    routes: list[Route]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    home = tmp_path_factory.mktemp("numbers") / "home"
    workspace = Workspace.create(home, PASSPHRASE)
    state = AppState(home=home, workspace=workspace, unlock_delay=0.0)
    app = create_app(state)
    client = TestClient(app, base_url=BASE, raise_server_exceptions=False)
    token = state.launch_token
    assert token is not None
    assert client.get(launch_path(token), follow_redirects=False).status_code == 303
    session = state.sessions.get(client.cookies.get(COOKIE))
    assert session is not None
    routes = [r for r in app.routes if isinstance(r, Route) and r.path not in SESSION_ENDERS]
    logging.disable(logging.CRITICAL)  # a refused request is not news; a 500 fails below
    try:
        yield Site(client, session.csrf, routes)
    finally:
        logging.disable(logging.NOTSET)
        workspace.close()


def _path(route: Route, number: str) -> str:
    """The route's address with `number` (already quoted) in every numeric part, and a real
    questionnaire id in `{instrument_id}`, so the result id behind it is reached."""
    def fill(match: re.Match[str]) -> str:
        if match.group(1) == "instrument_id":
            return INSTRUMENT
        if match.group(2) == "str":
            return "breathe"
        return number
    return _PARAM.sub(fill, route.path)


def _send(site: Site, route: Route, method: str, number: str) -> httpx.Response:
    short = quote(number[:URL_DIGITS], safe="")
    address = f"{_path(route, short)}?" + "&".join(f"{name}={short}" for name in NUMBER_FIELDS)
    if method == "GET":
        return site.client.get(address, follow_redirects=False)
    form: dict[str, Any] = {name: number for name in NUMBER_FIELDS}
    form |= {"csrf": site.csrf, "action": f"remove:{number}", "step": f"{number}:a-step"}
    return site.client.post(address, data=form, headers={"Origin": BASE},
                            follow_redirects=False)


def _cases(app_routes: list[Route]) -> list[tuple[str, str]]:
    return [(method, r.path) for r in app_routes for method in sorted(r.methods or ())
            if method in ("GET", "POST")]


_ALL = _cases([r for r in create_app(AppState(home=Path("/nonexistent"))).routes
               if isinstance(r, Route) and r.path not in SESSION_ENDERS])


def test_the_walk_covers_every_route_with_a_number_in_its_path() -> None:
    numbered = [path for _, path in _ALL if re.search(r"\{\w+:(id|int)\}", path)]
    assert len({*numbered}) >= 10, numbered  # chats, journal, log, pause, reflect results


@pytest.mark.parametrize(("method", "path"), _ALL, ids=[f"{m} {p}" for m, p in _ALL])
def test_no_number_from_outside_makes_a_route_fail(site: Site, method: str, path: str) -> None:
    route = next(r for r in site.routes if r.path == path)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(number=hostile_numbers())
    def check(number: str) -> None:
        response = _send(site, route, method, number)
        assert response.status_code < 500, (method, path, number[:40], response.text[:300])

    check()


@pytest.mark.parametrize("number", ["9223372036854775808", "9" * 5_000, "-5", "²", "1e3"])
@pytest.mark.parametrize("path", ["/chats/{n}", "/chats/{n}/manage", "/journal/{n}/edit",
                                  "/log/{n}/edit"])
def test_an_id_no_row_could_have_is_the_calm_not_found_page(site: Site, path: str,
                                                            number: str) -> None:
    address = path.format(n=quote(number[:URL_DIGITS], safe=""))
    response = site.client.get(address, follow_redirects=False)
    assert response.status_code == 404
    assert "There is nothing here" in response.text
    assert "9999999999" not in response.text  # the address is not echoed back


@pytest.mark.parametrize(("path", "form", "message"), [
    ("/pause/hold", {"draft": "Call me.", "minutes": "9" * 100_000},
     "choose from 1 minute to 24 hours"),
    ("/cycle", {"map_id": "99999999999999999999", "title": "Loop", "step_id": "",
                "step_role": "trigger", "step_text": "A late reply"},
     "the form arrived incomplete; please reload the page"),
    ("/log", {"kind": "bid", "step": "99999999999999999999:a-step"},
     "choose a step from the list"),
    ("/journal", {"text": "A note.", "mood": "²"}, "choose one of the five"),
])
def test_a_number_out_of_range_in_a_form_is_a_calm_400(site: Site, path: str,
                                                       form: dict[str, str],
                                                       message: str) -> None:
    response = site.client.post(path, data={**form, "csrf": site.csrf},
                                headers={"Origin": BASE}, follow_redirects=False)
    assert response.status_code == 400
    assert message in response.text.lower()


@pytest.mark.parametrize("length", ["9" * 5_000, "99999999999999999999"])
def test_an_upload_announcing_an_impossible_size_is_refused_as_too_large(site: Site,
                                                                         length: str) -> None:
    response = site.client.post(
        "/chats/upload", content=b"hello",
        headers={"Origin": BASE, "Content-Type": "application/octet-stream",
                 "Content-Length": length, "X-CSRF-Token": site.csrf})
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
