"""A demo vault: a new vault filled with one of the made-up stories.

"calm" (the default) is six believable months of Alex's story with Sam
(demo/story.py, content/demo/en.toml); "unsafe" is eight weeks in which home
stops feeling safe for Nadia (demo/unsafe.py, content/demo/unsafe_en.toml), so
anyone can see safety mode. Each story is a timeline of dated events, and each
event is written through the ordinary services, so everything in the demo passed
the same checks as what a person types. The same `today` always gives the same
vault contents.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Literal, get_args

from clearheart.demo.after_contact import chat_after, quiet_from, store_demo_after_contact
from clearheart.demo.after_dating import store_demo_dating
from clearheart.demo.after_promise import store_demo_promise
from clearheart.demo.after_support import store_demo_support
from clearheart.demo.assess import store_demo_assessments
from clearheart.demo.chat import load_chat_copy, store_demo_chat
from clearheart.demo.cycle import store_demo_cycle
from clearheart.demo.decide import store_demo_decide
from clearheart.demo.lessons_read import store_demo_lessons_read
from clearheart.demo.log import store_demo_log
from clearheart.demo.pen import store_demo_pen
from clearheart.demo.story import Event, JournalEvent, load_story, story_start, timeline
from clearheart.demo.unsafe import (
    LogEvent,
    PlanEvent,
    TakeEvent,
    load_unsafe_story,
    unsafe_start,
    write_log,
    write_plan,
    write_take,
)
from clearheart.errors import InvalidInput
from clearheart.services.workspace import Workspace

StoryName = Literal["calm", "unsafe"]
STORIES: tuple[StoryName, ...] = get_args(StoryName)
"""The stories `clearheart demo --story` offers; the first is the default."""

Writer = Callable[[Workspace, Event, datetime], None]


def _write_journal(workspace: Workspace, event: Event, at: datetime) -> None:
    assert isinstance(event, JournalEvent)
    workspace.journal.add(
        event.text,
        prompt_id=event.prompt_id,
        mood=event.mood,
        emotions=event.emotions,
        tags=event.tags,
        practice=event.practice,
        at=at,
    )


WRITERS: dict[type[Event], Writer] = {
    JournalEvent: _write_journal,
    LogEvent: write_log,
    TakeEvent: write_take,
    PlanEvent: write_plan,
}
"""How each kind of event is written."""


def apply(workspace: Workspace, events: tuple[Event, ...], start: date,
          until: datetime | None = None) -> int:
    """Write `events` of a story beginning on `start`; skip any after `until`. Returns the count."""
    written = 0
    for event in events:
        at = event.when(start)
        if until is not None and at > until:
            continue
        writer = WRITERS.get(type(event))
        if writer is None:
            raise TypeError(f"no demo writer for {type(event).__name__}")
        writer(workspace, event, at)
        written += 1
    return written


def _calm_extras(workspace: Workspace, start: date, today: date,
                 until: datetime | None) -> None:
    """What the calm story keeps beside its journal: a chat, a map, a log, takes, a pen,
    the decision aid, half-walked, and a few lessons read."""
    store_demo_chat(workspace, start, today, until, quiet_from(today),
                    chat_after(today, load_chat_copy().me, load_story().partner))
    store_demo_cycle(workspace, start, until)
    store_demo_log(workspace, start, until)
    store_demo_assessments(workspace, start, until)
    store_demo_pen(workspace, start, until)
    store_demo_decide(workspace, start, until)
    store_demo_support(workspace, start, until)
    store_demo_after_contact(workspace, today, until)
    store_demo_dating(workspace, start, until)
    store_demo_promise(workspace, start, until)
    store_demo_lessons_read(workspace, start, until)


def build_demo(home: Path, passphrase: str, *, today: date | None = None,
               story: StoryName = "calm") -> Workspace:
    """Create a vault in `home` holding a demo story that ends on `today`; return it open.

    `today` defaults to the local date now, and then nothing later than now is
    written. The caller closes the returned workspace.
    """
    if story not in STORIES:
        raise InvalidInput("story", f"choose one of: {', '.join(STORIES)}")
    until: datetime | None = None
    if today is None:
        until = datetime.now().astimezone()
        today = until.date()
    unsafe = load_unsafe_story() if story == "unsafe" else None
    start = unsafe_start(today) if unsafe is not None else story_start(today)
    events = unsafe.events if unsafe is not None else timeline(start)
    workspace = Workspace.create(home, passphrase)
    try:
        if unsafe is not None:
            workspace.help.choose_country(unsafe.country)
        apply(workspace, events, start, until)
        if unsafe is None:
            _calm_extras(workspace, start, today, until)
    except BaseException:
        workspace.close()
        raise
    return workspace
