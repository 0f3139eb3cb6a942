"""Moving on in the browser, in process: the tracker started and a contact noted, an urge
logged, a letter written, edited and deleted; bad input refused with nothing stored; and
the pages work while the gate is closed, with their coaching at rest."""

from __future__ import annotations

import pytest
from walker import marked
from webtools import Web, title_of

from clearheart.services import archive
from clearheart.services.workspace import Workspace

pytestmark = pytest.mark.xdist_group("moving_on")


def test_the_tracker_urges_and_letters(web: Web, shared_workspace: Workspace) -> None:
    assert "Not started" in web.get("/moving-on").text
    assert title_of(web.get("/moving-on/contact").text).startswith("Moving on")
    started = web.post(
        "/moving-on/contact/start",
        {
            "mode": "low-contact",
            "started_on": "",
            "counts": "texting\ncalls",
            "exceptions": "the children",
        },
    )
    assert started.status_code == 303
    page = web.get("/moving-on/contact").text
    assert 'data-days-since="0"' in page and "the children" in page
    assert (
        web.post(
            "/moving-on/contact",
            {"way": "message", "started_by": "them", "exception": "the children"},
        ).status_code
        == 303
    )
    assert 'data-days-since="0"' in web.get("/moving-on/contact").text
    assert "streak" not in web.get("/moving-on/contact").text.lower()

    assert (
        web.post(
            "/moving-on/urges",
            {
                "strength": "7",
                "triggers": ["night", "lonely"],
                "did": "rode-it-out",
                "minutes": "20",
            },
        ).status_code
        == 303
    )
    urges = web.get("/moving-on/urges").text
    assert "1 urge noted" in urges and "Not enough yet" in urges
    assert 'href="/pause"' in urges and "/moving-on/letters/new?heading=" in urges

    new = web.get("/moving-on/letters/new?heading=What+I+wanted+to+say").text
    assert 'value="What I wanted to say"' in new
    made = web.post("/moving-on/letters/new", {"heading": "To you", "body": "Words I keep."})
    where = made.headers["location"]
    assert "Words I keep." in web.get(where).text
    web.post(where, {"heading": "To you", "body": "Fewer words."})
    assert "Fewer words." in web.get(where).text
    assert web.post(where + "/delete").headers["location"] == "/moving-on/letters"
    assert web.get(where).status_code == 404


@pytest.mark.parametrize(
    ("path", "form", "said"),
    [
        ("/moving-on/urges", {"strength": "12", "did": "rode-it-out"}, "from 0 to 10"),
        ("/moving-on/urges", {"strength": "3", "did": "shouted"}, "hoose one of"),
        ("/moving-on/contact", {"way": "pigeon", "started_by": "me"}, "hoose one of"),
        ("/moving-on/contact/rules", {"counts": "x" * 300}, "under 200 characters"),
        ("/moving-on/letters/new", {"heading": "h" * 300, "body": ""}, "under 200 characters"),
    ],
)
def test_bad_input_says_what_and_stores_nothing(
    web: Web, shared_workspace: Workspace, path: str, form: dict[str, str], said: str
) -> None:
    if shared_workspace.nocontact.rules() is None:
        shared_workspace.nocontact.start("no-contact")
    before = archive.snapshot(shared_workspace.vault.engine)
    answer = web.post(path, form)
    assert answer.status_code == 400 and said in answer.text
    assert archive.snapshot(shared_workspace.vault.engine) == before


COACHING = {
    "/moving-on": "Stepping back is a way of looking after yourself",
    "/moving-on/urges": "Urges tend to rise and fall like a wave",
}
"""The coaching lines these pages carry while the gate is open (decision 0015)."""
PAGES = ("/moving-on", "/moving-on/contact", "/moving-on/urges", "/moving-on/letters")


def test_the_coaching_lines_show_while_safe(web: Web) -> None:
    for path, words in COACHING.items():
        page = web.get(path).text
        assert words in page and marked(page)


def test_records_are_kept_while_unsafe_with_coaching_at_rest(
    web: Web, shared_workspace: Workspace, unsafe_vault: None
) -> None:
    """Decision 0015: keeping distance is a record, like the log; only the coaching rests."""
    assert not shared_workspace.safety.coaching()
    for path in PAGES:
        page = web.get(path)
        assert page.status_code == 200, path
        assert not marked(page.text), path
        assert not any(words in page.text for words in COACHING.values()), path
    assert all("data-quiet" in web.get(path).text for path in COACHING)

    tracker, urges, letters = (
        shared_workspace.nocontact,
        shared_workspace.urges,
        shared_workspace.letters,
    )
    versions, contacts = len(tracker.history()), len(tracker.contacts())
    noted, kept = len(urges.urges()), len(letters.letters())
    writes = (
        ("/moving-on/contact/start", {"mode": "no-contact", "counts": "texting"}),
        ("/moving-on/contact/rules", {"counts": "texting\ncalls", "exceptions": "work"}),
        ("/moving-on/contact", {"way": "message", "started_by": "them"}),
        ("/moving-on/urges", {"strength": "4", "did": "rode-it-out"}),
        ("/moving-on/letters/new", {"heading": "To you", "body": "Kept, not sent."}),
    )
    for path, form in writes:
        assert web.post(path, form).status_code == 303, path
    assert len(tracker.history()) == versions + 2
    assert len(tracker.contacts()) == contacts + 1
    assert len(urges.urges()) == noted + 1
    assert len(letters.letters()) == kept + 1
    current = tracker.rules()
    assert current is not None and current.rules.exceptions == ("work",)
