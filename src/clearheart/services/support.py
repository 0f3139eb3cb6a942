"""The support network: the people and places that help, kept in the vault.

The list itself is the person's own record, not coaching: it shows and can be changed
whatever the safety gate says (a list of who helps is part of staying safe). Only the
nudges offer something ("Would a short message be nice?"), so `nudges()` asks the gate
(services/safety.py) and is empty while coaching rests. Each write checks everything
first (domain/support.py) and stores nothing when any of it is wrong.

Another part calls `for_hard_moments()` for "people you could reach instead".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa

from clearheart.domain.safety.plan import MAX_PEOPLE, Person, Plan
from clearheart.domain.support import (
    Contact,
    Due,
    Summary,
    Supporter,
    clean_contact_day,
    clean_details,
    clean_note,
    due,
    for_hard_moments,
    on_plan,
    same_name,
    summarise,
)
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.services.help import HelpService
from clearheart.services.safety import SafetyService
from clearheart.store.support_repo import SupportRepo


class SupportService:
    def __init__(
        self, engine: sa.Engine, clock: Clock, safety: SafetyService, help_: HelpService
    ) -> None:
        self.repo = SupportRepo(engine)
        self.clock = clock
        self.safety = safety
        self.help = help_

    def supporters(self) -> tuple[Supporter, ...]:
        """Everyone, by name."""
        return self.repo.supporters()

    def get(self, supporter_id: int) -> Supporter:
        """NotFound when there is no such supporter."""
        return self.repo.supporter(supporter_id)

    def today(self) -> date:
        return self.clock.now().date()

    def due(self) -> tuple[Due, ...]:
        """Those past the interval the person chose (a fact, shown whatever the gate says)."""
        return due(self.repo.supporters(), self.today())

    def nudges(self, most: int | None = None) -> tuple[Due, ...]:
        """The gentle nudges (coaching): empty while the gate is closed."""
        if not self.safety.coaching():
            return ()
        return self.due()[:most]

    def for_hard_moments(self) -> tuple[Supporter, ...]:
        """The people marked good for talk or company, most recently in touch first: for a
        page that offers "people you could reach instead". The caller marks it as coaching
        where it coaches."""
        return for_hard_moments(self.repo.supporters())

    def summary(self) -> Summary:
        return summarise(self.repo.supporters(), self.today())

    def on_plan(self) -> frozenset[int]:
        """Ids of supporters who are also among the safety plan's people (by name)."""
        return on_plan(self.repo.supporters(), (p.name for p in self.help.plan().people))

    # --- writes: each all or nothing --------------------------------------------------

    def add(
        self,
        name: str,
        good_for: Iterable[str] = (),
        words: str = "",
        how: str = "",
        every_days: int | None = None,
    ) -> Supporter:
        details = clean_details(name, good_for, words, how, every_days)
        return self.repo.supporter(self.repo.add(details, self.clock.now()))

    def edit(
        self,
        supporter_id: int,
        name: str,
        good_for: Iterable[str] = (),
        words: str = "",
        how: str = "",
        every_days: int | None = None,
    ) -> Supporter:
        """Replace what is said about a supporter; their times in touch stay."""
        details = clean_details(name, good_for, words, how, every_days)
        self.repo.edit(supporter_id, details, self.clock.now())
        return self.repo.supporter(supporter_id)

    def remove(self, supporter_id: int) -> None:
        """Remove a supporter and their times in touch (the safety plan keeps its copy)."""
        self.repo.remove(supporter_id)

    def reached(self, supporter_id: int, on: date | None = None, note: str = "") -> Contact:
        """Log a time the person reached out or spent time with a supporter (default today)."""
        day = clean_contact_day(on or self.today(), self.today())
        return self.repo.add_contact(supporter_id, day, clean_note(note), self.clock.now())

    def forget_contact(self, contact_id: int) -> None:
        self.repo.remove_contact(contact_id)

    def add_to_plan(self, supporter_id: int) -> Plan:
        """Copy a supporter's name and how to reach them into the safety plan's people, so
        the plan stays whole on paper; refused (nothing changed) if already there or full."""
        supporter = self.repo.supporter(supporter_id)
        plan = self.help.plan()
        if any(same_name(p.name, supporter.name) for p in plan.people):
            raise InvalidInput("person", f"{supporter.name} is already on your safety plan")
        if len(plan.people) >= MAX_PEOPLE:
            raise InvalidInput("person", f"your safety plan already holds {MAX_PEOPLE} people")
        added = (*plan.people, Person(supporter.name, supporter.details.how))
        data = plan.to_json() | {
            "people": [{"name": p.name, "how": p.how, "note": p.note} for p in added]
        }
        return self.help.save_plan(data)
