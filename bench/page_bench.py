"""Timing the /journal page through the whole web app, beside a static-page floor."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from clearheart.services.workspace import Workspace
from clearheart.web.app import AppState, create_app
from clearheart.web.routes.unlock import launch_path
from harness import summary, timings

BASE = "http://127.0.0.1:8765"


def time_journal_page(workspace: Workspace, home: Path, runs: int) -> dict[str, object]:
    state = AppState(home=home, workspace=workspace)
    with TestClient(create_app(state), base_url=BASE) as client:
        launched = client.get(launch_path(state.launch_token or ""), follow_redirects=False)
        assert launched.status_code in (302, 303), launched.status_code
        first = client.get("/journal")
        assert first.status_code == 200 and "<article" in first.text, first.status_code
        body = first.text
        ours = timings(lambda: client.get("/journal").raise_for_status(), runs, warmup=5)
        deep = timings(lambda: client.get("/journal?page=300").raise_for_status(), runs // 3, 2)

    async def static(_: Request) -> HTMLResponse:
        return HTMLResponse(body)

    bare = Starlette(routes=[Route("/journal", static)])
    with TestClient(bare, base_url=BASE) as client:
        floor = timings(lambda: client.get("/journal").raise_for_status(), runs, warmup=5)
    s_ours, s_floor = summary(ours), summary(floor)
    return {
        "goal": "p95 under 50 ms",
        "page_bytes": len(body.encode()),
        "ours_first_page": s_ours,
        "ours_page_300": summary(deep),
        "floor_static_same_size": s_floor,
        "ratio_p95_to_floor": s_ours["p95_ms"] / s_floor["p95_ms"],
        "meets_goal": s_ours["p95_ms"] < 50,
    }
