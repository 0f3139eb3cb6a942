"""The behaviour log: add, change, delete, list and sum up what happened, week by week."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from clearheart.domain.behaviour import (
    GROUPS,
    KINDS,
    Draft,
    GroupInfo,
    Kind,
    LogEntry,
    check_kind,
    clean,
)
from clearheart.domain.behaviour_summary import LogSummary, summarise
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.store.behaviour_repo import BehaviourRepo, LogPage, StepChoice

MAX_PAGE = 500


class BehaviourService:
    def __init__(self, engine: sa.Engine, clock: Clock) -> None:
        self.repo = BehaviourRepo(engine)
        self.clock = clock

    @staticmethod
    def kinds() -> tuple[Kind, ...]:
        return KINDS

    @staticmethod
    def groups() -> tuple[GroupInfo, ...]:
        return GROUPS

    def add(
        self,
        kind: str,
        *,
        note: str | None = None,
        at: datetime | None = None,
        step: str | None = None,
        map_id: int | None = None,
    ) -> LogEntry:
        """Check and store one entry, "now" unless `at` says when; returns once committed."""
        draft = self._draft(kind, note, at, step, map_id)
        return self.repo.add(draft, self.clock.now())

    def edit(
        self,
        entry_id: int,
        kind: str,
        *,
        note: str | None = None,
        at: datetime | None = None,
        step: str | None = None,
        map_id: int | None = None,
    ) -> LogEntry:
        """Replace what an entry says; `at` None keeps the time it already has."""
        current = self.repo.get(entry_id)
        draft = self._draft(kind, note, at or current.at, step, map_id)
        return self.repo.update(entry_id, draft)

    def add_many(self, drafts: Iterable[Draft], now: datetime | None = None) -> int:
        """Check and store many entries in one transaction; one bad entry stores none.

        `now`, when later than the clock, is where "the future" starts (a demo story
        built to end on a later day).
        """
        clock_now = self.clock.now()
        now = max(now, clock_now) if now is not None else clock_now
        checked = [self._with_map(clean(d, now)) for d in drafts]
        return self.repo.add_many(checked, now)

    def _draft(
        self, kind: str, note: str | None, at: datetime | None, step: str | None, map_id: int | None
    ) -> Draft:
        now = self.clock.now()
        return self._with_map(clean(Draft(kind, at or now, note, map_id, step), now))

    def _with_map(self, draft: Draft) -> Draft:
        """Check the cycle step against its map; a step alone finds the newest map holding it."""
        step = draft.cycle_step
        if step is None:
            return draft
        map_id = draft.cycle_map_id
        if map_id is None:
            map_id = self.repo.map_with_step(step)
            if map_id is None:
                raise InvalidInput("step", f"no cycle map has a step {step!r}")
            return Draft(draft.kind, draft.at, draft.note, map_id, step)
        steps = self.repo.step_ids(map_id)
        if steps is None:
            raise InvalidInput("map", f"there is no cycle map with id {map_id}")
        if step not in steps:
            raise InvalidInput(
                "step",
                f"cycle map {map_id} has no step {step!r}; its steps "
                f"are: {', '.join(steps) or 'none yet'}",
            )
        return draft

    def cycle_steps(self) -> tuple[StepChoice, ...]:
        """The steps a log entry can point to, newest cycle map first."""
        return self.repo.cycle_steps()

    def get(self, entry_id: int) -> LogEntry:
        return self.repo.get(entry_id)

    def delete(self, entry_id: int) -> None:
        self.repo.delete(entry_id)

    def count(self) -> int:
        return self.repo.count()

    def _edge(self, day: date) -> datetime:
        """Midnight at the start of `day`, in the local time zone of now."""
        return datetime.combine(day, time(), tzinfo=self.clock.now().tzinfo)

    def list(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        kind: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> LogPage:
        """Newest first; `since` and `until` are whole local days, both kept."""
        if offset < 0 or not 1 <= limit <= MAX_PAGE:
            raise InvalidInput("page", f"offset must be 0 or more and limit 1 to {MAX_PAGE}")
        if since is not None and until is not None and until < since:
            raise InvalidInput("until", "the end date comes before the start date")
        kinds = (check_kind(kind),) if kind else ()
        return self.repo.page(
            since=self._edge(since) if since else None,
            until=self._edge(until + timedelta(days=1)) if until else None,
            kinds=kinds,
            offset=offset,
            limit=limit,
        )

    def between(self, since: date | None = None, until: date | None = None) -> tuple[LogEntry, ...]:
        """Every entry whose own local day falls from `since` through `until` (both kept),
        oldest first."""
        if since is not None and until is not None and until < since:
            raise InvalidInput("until", "the end date comes before the start date")
        entries = self.repo.between(
            self._edge(since - timedelta(days=1)) if since else None,
            self._edge(until + timedelta(days=2)) if until else None,
        )
        # Edges are a day wide on purpose: an entry's day is its own local day.
        return tuple(
            e
            for e in entries
            if (since is None or e.day >= since) and (until is None or e.day <= until)
        )

    def weekly(self, since: date | None = None, until: date | None = None) -> LogSummary:
        """Counts and figures per ISO week, from `since` (or the first entry) to `until`."""
        return summarise(self.between(since, until), since, until)
