"""The demo's cycle map: drawn after the first counselling session, changed a few weeks later.

The words live in content/demo/cycle_en.toml as dated versions of one map;
each version is saved through CycleService, so the demo passes the same checks
as a map a person draws. The step ids in the file are stable, so the demo's
log entries can point at them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from clearheart.demo.story import STORY_DAYS
from clearheart.domain.cycle import CycleMap, Step, clean_map, map_from_data
from clearheart.errors import ContentInvalid, InvalidInput

if TYPE_CHECKING:
    from clearheart.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Version:
    day: int
    at: time
    title: str
    steps: tuple[Step, ...]


@cache
def load_demo_cycle(locale: str = "en") -> tuple[Version, ...]:
    """The demo map's versions, oldest first, checked; read once per process."""
    source = f"demo/cycle_{locale}.toml"
    resource = resources.files("clearheart.content").joinpath("demo", f"cycle_{locale}.toml")
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    if data.get("schema") != 1 or data.get("locale") != locale or set(data) != {
        "schema", "locale", "version"
    }:
        raise ContentInvalid(source, "expected schema = 1, a matching locale and [[version]]")
    versions: list[Version] = []
    for number, table in enumerate(data["version"], 1):
        where = f"version #{number}"
        day, at = table.get("day"), table.get("at")
        if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day < STORY_DAYS:
            raise ContentInvalid(source, f"'day' of {where} must be a story day")
        if not isinstance(at, time):
            raise ContentInvalid(source, f"'at' of {where} must be a local time")
        if versions and day <= versions[-1].day:
            raise ContentInvalid(source, f"{where} must come on a later day than the one before")
        try:
            title, steps = map_from_data({k: table[k] for k in ("title", "step") if k in table})
            cleaned = clean_map(CycleMap(None, title or "", steps))
        except InvalidInput as exc:
            raise ContentInvalid(source, f"{where}: {exc.message}") from None
        if any(not step.id for step in steps):
            raise ContentInvalid(source, f"every step of {where} needs its own stable id")
        versions.append(Version(day, at, cleaned.title, cleaned.steps))
    return tuple(versions)


def store_demo_cycle(workspace: Workspace, start: date,
                     until: datetime | None = None) -> int | None:
    """Save each version of the demo map on its story day; return the map's id (None if none)."""
    map_id: int | None = None
    for version in load_demo_cycle():
        at = datetime.combine(start + timedelta(days=version.day), version.at).astimezone()
        if until is not None and at > until:
            break
        saved = workspace.cycle.save(CycleMap(map_id, version.title, version.steps), at)
        map_id = saved.id
    return map_id
