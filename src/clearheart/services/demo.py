"""A demo vault: a new vault filled with six believable months of one person's story.

The story (services/demo_story.py, content/demo/en.toml) is a timeline of
dated events; each is written through the ordinary services, so everything in
the demo passed the same checks as what a person types. The same `today`
always gives the same vault contents.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from clearheart.services.demo_assess import store_demo_assessments
from clearheart.services.demo_chat import store_demo_chat
from clearheart.services.demo_cycle import store_demo_cycle
from clearheart.services.demo_log import store_demo_log
from clearheart.services.demo_pen import store_demo_pen
from clearheart.services.demo_story import Event, JournalEvent, story_start, timeline
from clearheart.services.workspace import Workspace

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


WRITERS: dict[type[Event], Writer] = {JournalEvent: _write_journal}
"""How each kind of event is written; later kinds (chats, logs, questionnaires) add theirs."""


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


def build_demo(home: Path, passphrase: str, *, today: date | None = None) -> Workspace:
    """Create a vault in `home` holding the demo story that ends on `today`; return it open.

    `today` defaults to the local date now, and then nothing later than now is
    written. The caller closes the returned workspace.
    """
    until: datetime | None = None
    if today is None:
        until = datetime.now().astimezone()
        today = until.date()
    start = story_start(today)
    events = timeline(start)
    workspace = Workspace.create(home, passphrase)
    try:
        apply(workspace, events, start, until)
        store_demo_chat(workspace, start, today, until)
        store_demo_cycle(workspace, start, until)
        store_demo_log(workspace, start, until)
        store_demo_assessments(workspace, start, until)
        store_demo_pen(workspace, start, until)
    except BaseException:
        workspace.close()
        raise
    return workspace
