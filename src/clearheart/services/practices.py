"""The daily practices: what is open today, completing one, the history, the calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from clearheart.content.loader import prompt_by_id
from clearheart.content.practice_copy import PracticeCopy, load_practice_copy
from clearheart.domain import practices as rules
from clearheart.domain.calendar import Reminder, ics
from clearheart.domain.journal import Entry, Practice
from clearheart.domain.prompts import Prompt
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.services.journal import JournalService
from clearheart.store.settings_repo import SettingsRepo

HISTORY_DAYS = 84


@dataclass(frozen=True, slots=True)
class DueView:
    due: rules.Due
    copy: PracticeCopy
    prompt: Prompt


@dataclass(frozen=True, slots=True)
class TodayView:
    items: tuple[DueView, ...]
    welcome_back: bool
    first_time: bool


class PracticesService:
    def __init__(self, journal: JournalService, settings: SettingsRepo, clock: Clock) -> None:
        self.journal = journal
        self.settings = settings
        self.clock = clock

    def today(self) -> TodayView:
        now = self.clock.now()
        schedule = self.settings.preferences().schedule
        recent = self.journal.repo.practice_entries(now.date() - timedelta(days=7))
        copy = load_practice_copy()
        items = tuple(
            DueView(due, copy[due.practice], prompt_by_id(copy[due.practice].prompt_id))
            for due in rules.today(now, recent, schedule)
        )
        last = self.journal.repo.last_practice_day()
        return TodayView(
            items=items,
            welcome_back=rules.welcome_back(last, now.date()),
            first_time=last is None,
        )

    def complete(self, practice: Practice, text: str, moment: str | None = None) -> Entry:
        """Write a practice's entry. The evening reflection names its kind of moment."""
        tags: tuple[str, ...] = ()
        if practice is Practice.EVENING_REFLECTION:
            if moment is None:
                raise InvalidInput(
                    "moment", "say whether this was a moment of connection or of self-care"
                )
            try:
                tags = (rules.Moment(moment).value,)
            except ValueError:
                raise InvalidInput("moment", "choose connection or self-care") from None
        elif moment is not None:
            raise InvalidInput("moment", "only the evening reflection records a moment")
        if not text.strip():
            raise InvalidInput("text", "write a few words, even one line is enough")
        copy = load_practice_copy()[practice]
        return self.journal.add(text, prompt_id=copy.prompt_id, tags=tags, practice=practice)

    def history(self, days: int = HISTORY_DAYS) -> tuple[rules.DayRecord, ...]:
        today = self.clock.now().date()
        since = today - timedelta(days=days - 1)
        return rules.history(self.journal.repo.practice_entries(since), today, days)

    def calendar(self, uid_seed: str) -> str:
        """An iCalendar text of the schedule; reminders use fixed, neutral wording only."""
        copy = load_practice_copy()
        reminders = tuple(
            Reminder(p, copy[p].reminder, copy[p].reminder_detail) for p in Practice
        )
        now = self.clock.now()
        schedule = self.settings.preferences().schedule
        return ics(schedule, reminders, now.date(), now, uid_seed)
