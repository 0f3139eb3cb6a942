"""The demo's decision aid, half-walked: values chosen, ratings given, the four questions
answered once, no plan yet.

The words live in content/demo/decide_en.toml; each step goes through DecideService at
its story time, so the demo passes the same checks as a person's own answers.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from clearheart.demo.story import STORY_DAYS
from clearheart.domain.decide import Value
from clearheart.errors import ContentInvalid, InvalidInput

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace

_KEYS = {"schema", "locale", "day", "at", "stage", "questions", "values", "own", "ratings", "sure"}


@cache
def load_demo_decide(locale: str = "en") -> dict[str, Any]:
    """The demo's answers, with their shape checked (their rules are checked as they are
    written, by the service)."""
    source = f"demo/decide_{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("demo", f"decide_{locale}.toml")
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    if data.get("schema") != 1 or data.get("locale") != locale or set(data) != _KEYS:
        raise ContentInvalid(
            source,
            "expected schema, locale and exactly: "
            + ", ".join(sorted(_KEYS - {"schema", "locale"})),
        )
    day = data["day"]
    if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day < STORY_DAYS:
        raise ContentInvalid(source, "'day' must be a story day")
    if not isinstance(data["at"], time):
        raise ContentInvalid(source, "'at' must be a local time")
    return data


def store_demo_decide(workspace: Workspace, start: date, until: datetime | None = None) -> bool:
    """Walk the aid halfway on its story day; False when that day is still to come."""
    data = load_demo_decide()
    at = datetime.combine(start + timedelta(days=data["day"]), data["at"]).astimezone()
    if until is not None and at > until:
        return False
    own = data["own"]
    values = [Value(key, weight) for key, weight in data["values"].items()]
    values.append(Value("own-1", own["weight"], own["words"]))
    aid = workspace.decide
    try:
        aid.start(at)
        aid.take_sure(data["sure"], at + timedelta(minutes=1))
        aid.save_values(values, at + timedelta(minutes=4))
        aid.rate(data["ratings"], at + timedelta(minutes=12))
        aid.save_questions(data["questions"], at + timedelta(minutes=20))
        aid.go(data["stage"], at + timedelta(minutes=21))
    except InvalidInput as exc:
        raise ContentInvalid("demo/decide_en.toml", exc.message) from None
    return True
