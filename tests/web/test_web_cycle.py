"""The cycle map page: the loop explained, the example, an edit form without script, the SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
import sqlalchemy as sa
from webtools import FORBIDDEN_IN_TITLES, Web, field_errors, title_of

from clearheart.content.cycle_copy import load_cycle_copy
from clearheart.domain.cycle import ROLES, CycleMap, Step
from clearheart.services.workspace import Workspace
from clearheart.store.schema import behaviour_log

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def no_map(shared_workspace: Workspace) -> None:
    """Every test starts without a map (the module shares one vault)."""
    for cycle in shared_workspace.cycle.list():
        assert cycle.id is not None
        shared_workspace.cycle.delete(cycle.id)


def form(cycle: CycleMap, **extra: Any) -> dict[str, Any]:
    """The edit form as the page would post it for `cycle`."""
    return {
        "map_id": str(cycle.id or ""),
        "title": cycle.title,
        "step_id": [s.id for s in cycle.steps],
        "step_role": [s.role for s in cycle.steps],
        "step_text": [s.text for s in cycle.steps],
        **extra,
    }


def test_an_empty_page_explains_the_loop_and_offers_the_example(web: Web) -> None:
    page = web.get("/cycle")
    assert page.status_code == 200
    title = title_of(page.text)
    assert title.startswith("Cycle map")
    assert not any(word in title.lower() for word in FORBIDDEN_IN_TITLES)
    copy = load_cycle_copy()
    assert '<details class="card cycle-explain no-print" data-coaching="cycle-explain" open>' \
        in page.text
    for paragraph in copy.paragraphs:
        assert paragraph.replace('"', "&#34;") in page.text
    assert 'action="/cycle/example"' in page.text
    assert "<svg" not in page.text
    # A blank form, one box per role, is there too.
    assert page.text.count('name="step_text"') == 5


def test_start_from_the_example_then_see_the_drawing_and_steps(
        web: Web, shared_workspace: Workspace) -> None:
    response = web.post("/cycle/example")
    assert response.status_code == 303
    assert response.headers["location"] == "/cycle#map"
    stored = shared_workspace.cycle.current()
    assert stored is not None
    assert stored.steps == load_cycle_copy().example.steps
    page = web.get("/cycle").text
    assert "Here is the example." in page
    assert page.count("<svg") == 2  # the two-column drawing, and one column for a phone
    assert 'aria-labelledby="cycle-wide-title cycle-wide-desc"' in page
    assert 'href="/cycle.svg" download' in page
    for step in stored.steps:
        assert step.text in page
    assert "No log entries point to this map yet." in page
    # Clicking the example again changes nothing.
    assert web.post("/cycle/example").status_code == 303
    assert len(shared_workspace.cycle.list()) == 1


def test_editing_a_step_keeps_its_id_and_saves(web: Web, shared_workspace: Workspace) -> None:
    cycle = shared_workspace.cycle.start_from_example()
    data = form(cycle)
    data["step_text"][2] = "I text three times & wait <by the phone>."
    response = web.post("/cycle", data)
    assert response.status_code == 303
    assert response.headers["location"] == "/cycle#map"
    saved = shared_workspace.cycle.get(cycle.id or 0)
    assert [s.id for s in saved.steps] == [s.id for s in cycle.steps]
    assert saved.steps[2].text == "I text three times & wait <by the phone>."
    page = web.get("/cycle").text
    assert "I text three times &amp; wait &lt;by the phone&gt;." in page
    assert "<by the phone>" not in page


def test_add_and_remove_redraw_the_form_without_saving(web: Web,
                                                        shared_workspace: Workspace) -> None:
    cycle = shared_workspace.cycle.start_from_example()
    added = web.post("/cycle", form(cycle, action="add:my_action"))
    assert added.status_code == 200
    assert added.text.count('name="step_text"') == 6
    assert "Not saved yet." in added.text
    assert shared_workspace.cycle.get(cycle.id or 0) == cycle
    # The new, empty box sits with the other "what I do" box, before the partner's.
    roles = re.findall(r'name="step_role" value="(\w+)"', added.text)
    assert roles == ["trigger", "my_feeling", "my_action", "my_action", "partner_feeling",
                     "partner_action"]
    removed = web.post("/cycle", form(cycle, action="remove:1"))
    assert removed.status_code == 200
    assert removed.text.count('name="step_text"') == 4
    assert shared_workspace.cycle.get(cycle.id or 0) == cycle


def test_a_new_step_and_an_emptied_box_are_saved_as_expected(
        web: Web, shared_workspace: Workspace) -> None:
    cycle = shared_workspace.cycle.start_from_example()
    data = form(cycle)
    data["step_id"].insert(3, "")
    data["step_role"].insert(3, "my_action")
    data["step_text"].insert(3, "I ask what is wrong, twice.")
    data["step_text"][0] = "   "  # an emptied box leaves that step out
    assert web.post("/cycle", data).status_code == 303
    saved = shared_workspace.cycle.get(cycle.id or 0)
    assert [s.role for s in saved.steps] == ["my_feeling", "my_action", "my_action",
                                             "partner_feeling", "partner_action"]
    assert saved.steps[2].id == "s6"  # new, and not the id of the step left out


def test_bad_input_is_marked_beside_its_box_and_the_stored_map_is_kept(
        web: Web, shared_workspace: Workspace) -> None:
    cycle = shared_workspace.cycle.start_from_example()
    data = form(cycle)
    data["step_text"][3] = "x" * 201
    response = web.post("/cycle", data)
    assert response.status_code == 400
    assert field_errors(response.text) == [
        "A step can be at most 200 characters (this one has 201)."]
    assert 'id="step-3" name="step_text"' in response.text
    assert 'aria-describedby="error-step-3"' in response.text
    assert "x" * 201 in response.text  # the words typed are still there
    assert shared_workspace.cycle.get(cycle.id or 0) == cycle
    no_title = web.post("/cycle", form(cycle, title=" "))
    assert no_title.status_code == 400
    assert field_errors(no_title.text) == ["Give the map a short title."]
    unknown_role = form(cycle)
    unknown_role["step_role"][0] = "villain"
    assert web.post("/cycle", unknown_role).status_code == 400
    assert shared_workspace.cycle.get(cycle.id or 0) == cycle


def test_a_blank_map_can_be_drawn_from_scratch(web: Web, shared_workspace: Workspace) -> None:
    data = form(CycleMap(None, "Sunday evenings", (
        Step("", "trigger", "Sunday evening, the week ahead"),
        Step("", "my_feeling", ""),
        Step("", "my_action", "I plan everything for both of us"),
        Step("", "partner_feeling", ""),
        Step("", "partner_action", "They watch football"),
    )))
    assert web.post("/cycle", data).status_code == 303
    saved = shared_workspace.cycle.current()
    assert saved is not None and saved.title == "Sunday evenings"
    assert [s.id for s in saved.steps] == ["s1", "s2", "s3"]


def _log(workspace: Workspace, map_id: int, step: str, n: int) -> None:
    """Log entries pointing at a step, written as helper B's log would."""
    with workspace.vault.engine.begin() as conn:
        conn.execute(sa.insert(behaviour_log), [
            {"at": "2025-03-01T09:00:00.000000Z", "utc_offset": 60, "kind": "withdrew",
             "cycle_map_id": map_id, "cycle_step": step,
             "created_at": "2025-03-01T09:00:00.000000Z"} for _ in range(n)])


def test_counts_of_log_entries_show_per_step_and_in_the_svg(
        web: Web, shared_workspace: Workspace) -> None:
    cycle = shared_workspace.cycle.start_from_example()
    assert cycle.id is not None
    _log(shared_workspace, cycle.id, "s5", 3)
    _log(shared_workspace, cycle.id, "s1", 1)
    page = web.get("/cycle").text
    assert "4 log entries point to a step of this map." in page
    assert "(3 log entries)" in page
    assert "1 log entry points to this step." in page
    download = web.get("/cycle.svg")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in download.headers["content-disposition"]
    assert "content-security-policy" in download.headers
    root = ET.fromstring(download.text)
    notes = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "note"]
    assert sorted(notes) == ["1 log entry", "3 log entries"]
    heading = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "heading"]
    assert " ".join(str(h) for h in heading) == cycle.title


def test_delete_removes_the_map(web: Web, shared_workspace: Workspace) -> None:
    shared_workspace.cycle.start_from_example()
    assert 'action="/cycle/delete"' in web.get("/cycle").text
    response = web.post("/cycle/delete")
    assert response.status_code == 303
    assert shared_workspace.cycle.current() is None
    assert "Your map is deleted." in web.get("/cycle").text
    assert web.get("/cycle.svg").headers["location"] == "/cycle"


def test_changes_need_the_csrf_token(web: Web, shared_workspace: Workspace) -> None:
    assert web.post("/cycle/example", csrf=False).status_code == 403
    assert shared_workspace.cycle.current() is None


def test_a_role_without_steps_gets_an_empty_box_to_fill(web: Web,
                                                        shared_workspace: Workspace) -> None:
    shared_workspace.cycle.save(CycleMap(None, "Short", (Step("", "trigger", "A quiet day"),
                                                          Step("", "partner_action", "Silence"))))
    page = web.get("/cycle").text
    assert re.findall(r'name="step_role" value="(\w+)"', page) == list(ROLES)
    assert page.count('name="step_id" value=""') == 3
