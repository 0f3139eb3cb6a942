"""Reflection questionnaires and the safety view in the browser's shape (in-process client).

The questionnaires used here are loaded into the test vault from small TOML texts, so
these tests do not depend on the wording of the built-in ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from webtools import FORBIDDEN_IN_TITLES, MakeWeb, Web, field_errors, title_of

from clearheart.services.workspace import Workspace

HEAD = """schema = 1
version = "1"
locale = "en"
kind = "reflection"
licence = "Written for the tests."
citation = ""
about = "A small questionnaire for the tests."
minutes = 2
"""
MEANING = """
[meaning]
does = "It shows how the test days felt."
does_not = "It is not a diagnosis, and not a verdict."
"""
STEADY = (
    HEAD
    + """id = "test-steady"
title = "Steady days"
group = "me"
per_person = false
own_items = false

[scale]
min = 1
max = 5
labels = { "1" = "Rarely", "3" = "Sometimes", "5" = "Often" }

[[items]]
id = "a1"
text = "I wake up feeling settled."
subscale = "steady"

[[items]]
id = "a2"
text = "I can put my phone down in the evening."
subscale = "steady"

[[subscales]]
id = "steady"
title = "Steadiness"
rule = "mean"
low = "A lower score can mean the days feel shaky at the moment."
high = "A higher score can mean the days feel steady at the moment."
sd = 1.0
reliability = 0.7
reliability_kind = "test-retest"
reliability_source = "Made up for the tests, two weeks apart"
"""
    + MEANING
)
SAFE = (
    HEAD
    + """id = "test-safe"
title = "Feeling safe"
group = "safety"
per_person = false
own_items = false

[scale]
min = 0
max = 1
labels = { "0" = "No", "1" = "Yes" }

[[items]]
id = "s1"
text = "There are times I am afraid of what might happen at home."
subscale = "worry"
safety = 1

[[items]]
id = "s2"
text = "I can see my friends when I want to."
subscale = "worry"
reverse = true

[[subscales]]
id = "worry"
title = "Signs of fear"
rule = "sum"
low = "A lower score can mean few signs of fear showed."
high = "A higher score can mean several signs of fear showed."
"""
    + MEANING
)
PERSON = (
    HEAD
    + """id = "test-someone-new"
title = "Someone new"
group = "dating"
per_person = true
own_items = false

[scale]
min = 1
max = 5
labels = { "1" = "Not at all", "5" = "Very much" }

[[items]]
id = "p1"
text = "I feel at ease around them."
subscale = "ease"

[[subscales]]
id = "ease"
title = "Ease"
rule = "mean"
low = "A lower score can mean you feel on guard so far."
high = "A higher score can mean you feel at ease so far."
"""
    + MEANING
)
NEEDS = (
    HEAD
    + """id = "test-needs"
title = "What I need"
group = "me"
per_person = false
own_items = true
examples = ["Time together", "Being asked about my day"]

[scale]
min = 1
max = 5
labels = { "1" = "Not met", "5" = "Well met" }
"""
    + MEANING
)


@pytest.fixture(scope="module")
def loaded(shared_workspace: Workspace) -> Workspace:
    for text in (STEADY, SAFE, PERSON, NEEDS):
        shared_workspace.assess.load(text, "test.toml")
    return shared_workspace


@pytest.fixture
def reflect(web: Web, loaded: Workspace) -> Iterator[Web]:
    """Signed in, the test questionnaires loaded, the safety gate open at the start."""
    loaded.safety.safe()
    yield web
    loaded.safety.safe()


def results_of(workspace: Workspace, instrument_id: str, subject: str | None = None) -> int:
    return len(workspace.assess.results(instrument_id, subject))


def test_the_hub_lists_the_groups_and_says_these_are_not_tests(reflect: Web) -> None:
    page = reflect.get("/reflect")
    assert page.status_code == 200
    assert title_of(page.text).startswith("Reflect · ")
    assert '<a href="/reflect" aria-current="page">Reflect</a>' in page.text
    for heading in ("About me", "Am I safe?", "Dating again"):
        assert f">{heading}</h2>" in page.text
    assert "reflection tools, not clinical tests" in page.text
    assert 'href="/cycle"' in page.text
    steady = page.text[page.text.index('id="q-test-steady"') :]
    steady = steady[: steady.index("</article>")]
    assert "Steady days" in steady
    assert "About 2 minutes" in steady
    assert 'href="/reflect/test-steady"' in steady


def test_taking_one_stores_a_result_and_shows_the_score(reflect: Web, loaded: Workspace) -> None:
    before = results_of(loaded, "test-steady")
    form = reflect.get("/reflect/test-steady").text
    assert '<legend><span class="item-number">1.</span> I wake up feeling settled.</legend>' in form
    assert 'name="a1" value="5"' in form
    response = reflect.post("/reflect/test-steady", {"a1": "4", "a2": "5"})
    assert response.status_code == 303
    assert response.headers["location"] == "/reflect/test-steady/results"
    assert results_of(loaded, "test-steady") == before + 1
    page = reflect.get("/reflect/test-steady/results").text
    assert "Saved. Here is what your answers show." in page
    assert '<span class="score-value">4.5</span>' in page
    assert "on a range from 1 to 5, toward the higher end of the range" in page
    assert "A higher score can mean the days feel steady at the moment." in page
    assert "It is not a diagnosis, and not a verdict." in page
    # The hub now shows when it was last taken and its headline score.
    hub = reflect.get("/reflect").text
    assert "Last time: Steadiness: 4.5 (from 1 to 5)" in hub


def test_a_second_take_shows_the_change_and_a_chart_with_its_ground(
    reflect: Web, loaded: Workspace
) -> None:
    reflect.post("/reflect/test-steady", {"a1": "2", "a2": "2"})
    reflect.post("/reflect/test-steady", {"a1": "4", "a2": "5"})
    takes = results_of(loaded, "test-steady")
    page = reflect.get("/reflect/test-steady/results").text
    assert "Steadiness went up from 2 to 4.5" in page
    assert "the smallest change that stands out" in page
    assert "test–retest reliability .70" in page and "modest" not in page
    assert '<svg class="chart-svg gutter"' in page
    assert f"From {takes} takes" in page
    assert "Every time you answered" in page
    assert len(re.findall(r'<li id="take-\d+">', page)) == takes


def test_a_bad_answer_is_named_by_its_question_and_nothing_is_stored(
    reflect: Web, loaded: Workspace
) -> None:
    before = results_of(loaded, "test-steady")
    response = reflect.post("/reflect/test-steady", {"a1": "3", "a2": "9"})
    assert response.status_code == 400
    assert field_errors(response.text) == ["Choose a whole number from 1 to 5."]
    assert 'aria-describedby="error-a2"' in response.text
    assert 'name="a1" value="3" checked' in response.text  # the other answer is kept
    assert results_of(loaded, "test-steady") == before
    empty = reflect.post("/reflect/test-steady", {})
    assert empty.status_code == 400
    assert field_errors(empty.text) == ["Answer at least one question."]
    assert results_of(loaded, "test-steady") == before


def test_danger_goes_to_help_first_and_a_discreet_mark_shows_everywhere(
    reflect: Web, loaded: Workspace, make_web: MakeWeb
) -> None:
    form = reflect.get("/reflect/test-safe").text
    assert "If you are in danger right now, call your local emergency number." in form
    response = reflect.post("/reflect/test-safe", {"s1": "1", "s2": "1"})
    assert response.status_code == 303
    assert response.headers["location"] == "/help"
    assert results_of(loaded, "test-safe") >= 1
    assert not loaded.safety.coaching()
    page = reflect.get("/help")
    assert page.status_code == 200
    text = page.text
    title = title_of(text).lower()
    for word in (*FORBIDDEN_IN_TITLES, "safe", "danger"):
        assert word not in title
    assert "never make it acceptable" in text
    assert "There are times I am afraid of what might happen at home." in text
    assert 'action="/help/safe"' in text
    for path in ("/today", "/journal", "/reflect", "/settings"):
        page_text = reflect.get(path).text
        assert 'class="quiet-mark"' in page_text, path
        assert "coaching is paused" not in page_text.lower(), path
    # A browser that has not signed in learns nothing from the unlock page.
    stranger = make_web(workspace=loaded).get("/unlock")
    assert stranger.status_code == 200
    assert 'class="quiet-mark"' not in stranger.text


def test_saying_you_are_safe_now_opens_the_gate(reflect: Web, loaded: Workspace) -> None:
    reflect.post("/reflect/test-safe", {"s1": "1"})
    assert not loaded.safety.coaching()
    response = reflect.post("/help/safe")
    assert response.status_code == 303
    assert loaded.safety.coaching()
    assert 'class="quiet-mark"' not in reflect.get("/today").text
    calm = reflect.get("/help").text
    assert 'action="/help/safe"' not in calm and 'action="/help/unsafe"' in calm


def test_no_danger_means_the_results_not_help(reflect: Web, loaded: Workspace) -> None:
    response = reflect.post("/reflect/test-safe", {"s1": "0", "s2": "1"})
    assert response.headers["location"] == "/reflect/test-safe/results"
    assert loaded.safety.coaching()


def test_a_per_person_questionnaire_asks_who_and_keeps_people_apart(
    reflect: Web, loaded: Workspace
) -> None:
    first = reflect.get("/reflect/test-someone-new").text
    assert "Who is this about?" in first
    nobody = reflect.post("/reflect/test-someone-new", {"p1": "3"})
    assert nobody.status_code == 400
    assert field_errors(nobody.text) == ["Say who this is about (a first name is enough)."]
    assert results_of(loaded, "test-someone-new", "Robin") == 0

    robin = reflect.post("/reflect/test-someone-new", {"new_subject": "Robin", "p1": "4"})
    assert robin.headers["location"] == "/reflect/test-someone-new/results?person=1"
    reflect.post("/reflect/test-someone-new", {"new_subject": "Jo", "p1": "2"})
    again = reflect.get("/reflect/test-someone-new").text
    assert 'name="subject" value="Robin"' in again  # names used before are offered
    reflect.post("/reflect/test-someone-new", {"subject": "Robin", "p1": "5"})
    assert results_of(loaded, "test-someone-new", "Robin") == 2
    assert results_of(loaded, "test-someone-new", "Jo") == 1

    people = loaded.assess.subjects("test-someone-new")
    jo = reflect.get(f"/reflect/test-someone-new/results?person={people.index('Jo') + 1}").text
    assert 'aria-current="page">Jo</a>' in jo
    assert '<span class="score-value">2</span>' in jo
    robin_page = reflect.get(
        f"/reflect/test-someone-new/results?person={people.index('Robin') + 1}"
    ).text
    assert 'aria-current="page">Robin</a>' in robin_page
    assert '<span class="score-value">5</span>' in robin_page
    # Names never go into addresses, so they stay out of the browser's history.
    for href in re.findall(r'href="([^"]*)"', robin_page):
        assert "Robin" not in href and "Jo" not in href


def test_own_needs_are_named_and_rated(reflect: Web, loaded: Workspace) -> None:
    form = reflect.get("/reflect/test-needs").text
    assert len(re.findall(r'<input type="text" id="need_name_\d"', form)) == 5
    assert "Being asked about my day" in form
    more = reflect.post("/reflect/test-needs", {"rows": "5", "need_name_1": "Rest", "more": "1"})
    assert more.status_code == 200
    assert 'id="need_name_6"' in more.text
    assert 'value="Rest"' in more.text

    before = results_of(loaded, "test-needs")
    unrated = reflect.post(
        "/reflect/test-needs",
        {
            "rows": "5",
            "need_name_1": "Rest",
            "need_rating_1": "2",
            "need_name_3": "Laughing together",
        },
    )
    assert unrated.status_code == 400
    assert 'id="error-need_rating_3"' in unrated.text
    assert 'value="Laughing together"' in unrated.text
    assert results_of(loaded, "test-needs") == before

    saved = reflect.post(
        "/reflect/test-needs",
        {
            "rows": "5",
            "need_name_1": "Rest",
            "need_rating_1": "2",
            "need_name_3": "Laughing together",
            "need_rating_3": "4",
        },
    )
    assert saved.status_code == 303
    [result] = loaded.assess.results("test-needs")[before:]
    assert result.answers["needs"] == [
        {"name": "Rest", "rating": 2},
        {"name": "Laughing together", "rating": 4},
    ]
    page = reflect.get("/reflect/test-needs/results").text
    assert '<span class="score-value">3</span>' in page
    assert "of the 2 needs you named" in page
    listed = page[page.index('id="needs-heading"') :]
    assert (
        '<span class="need-name">Rest</span> <span class="need-score">2 of 5 <span '
        'class="pill">not well met</span>' in listed
    )
    assert (
        '<span class="need-name">Laughing together</span> <span class="need-score">4 of 5'
        "</span>" in listed
    )


def test_deleting_a_take_removes_it(reflect: Web, loaded: Workspace) -> None:
    reflect.post("/reflect/test-steady", {"a1": "2", "a2": "2"})
    reflect.post("/reflect/test-steady", {"a1": "3", "a2": "3"})
    results = loaded.assess.results("test-steady")
    doomed = results[-1]
    assert doomed.id is not None
    response = reflect.post(f"/reflect/test-steady/results/{doomed.id}/delete")
    assert response.status_code == 303
    assert response.headers["location"] == "/reflect/test-steady/results"
    assert [r.id for r in loaded.assess.results("test-steady")] == [r.id for r in results[:-1]]
    page = reflect.get("/reflect/test-steady/results").text
    assert "Deleted. That take is gone for good." in page
    assert f'id="take-{doomed.id}"' not in page
    # A result of another questionnaire cannot be deleted through this one's address.
    other = loaded.assess.results("test-steady")[0]
    assert reflect.post(f"/reflect/test-safe/results/{other.id}/delete").status_code == 404
    assert other.id in [r.id for r in loaded.assess.results("test-steady")]


def test_every_post_needs_the_csrf_token(reflect: Web, loaded: Workspace) -> None:
    reflect.post("/reflect/test-steady", {"a1": "3"})
    before = results_of(loaded, "test-steady")
    last = loaded.assess.results("test-steady")[-1]
    assert reflect.post("/reflect/test-steady", {"a1": "3"}, csrf=False).status_code == 403
    assert (
        reflect.post(f"/reflect/test-steady/results/{last.id}/delete", csrf=False).status_code
        == 403
    )
    assert results_of(loaded, "test-steady") == before
    reflect.post("/reflect/test-safe", {"s1": "1"})
    assert reflect.post("/help/safe", csrf=False).status_code == 403
    assert not loaded.safety.coaching()


def test_unknown_questionnaires_and_a_locked_vault(reflect: Web, make_web: MakeWeb) -> None:
    assert reflect.get("/reflect/no-such-thing").status_code == 404
    assert reflect.get("/reflect/no-such-thing/results").status_code == 404
    locked = make_web(workspace=None)
    for path in ("/reflect", "/help", "/reflect/test-steady"):
        assert locked.get(path).headers["location"] == "/unlock"
    # With nothing unlocked there is no gate to read: pages render without the mark.
    unlock = locked.get("/unlock")
    assert unlock.status_code == 200
    assert 'class="quiet-mark"' not in unlock.text


def test_the_built_in_questionnaires_all_render(reflect: Web, loaded: Workspace) -> None:
    for instrument in loaded.assess.instruments():
        page = reflect.get(f"/reflect/{instrument.id}")
        assert page.status_code == 200, instrument.id
        assert title_of(page.text).startswith("Reflect · ")
        assert reflect.get(f"/reflect/{instrument.id}/results").status_code == 200
