"""Dating again (concepts F1-F4): the person's checklist, a notebook per new person, and
the three commitments, kept in the vault.

It goes through the safety gate (services/safety.py): the checklist's suggestions and the
commitments coach, so while coaching rests `suggestions()` is empty, `commitments()` is
None, and accepting a suggestion or rewording the commitments is refused with a plain
reason. The person's own list and notebook stay theirs to read and write. A note's words
are read for danger like a journal entry's, so a new person who frightens them closes
the gate too. Every write checks everything first (domain/dating) and stores nothing
when any of it is wrong; the checklist and commitments keep every version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from clearheart.content.dating_copy import DatingCopy, load_dating_copy
from clearheart.domain.assess import Change, Result
from clearheart.domain.dating import (
    ChatSeen,
    Checklist,
    Commitments,
    History,
    Item,
    Note,
    NoteDraft,
    Overview,
    Person,
    Suggestion,
    ValueSeen,
    accept,
    add_own,
    clean_commitments,
    clean_name,
    clean_note,
    commitments_of,
    edit,
    overview,
    remove,
    suggest,
)
from clearheart.domain.safety.gate import Source
from clearheart.errors import InvalidInput, NotFound
from clearheart.services.assess import AssessService
from clearheart.services.behaviour import BehaviourService
from clearheart.services.clock import Clock
from clearheart.services.decide import DecideService
from clearheart.services.evidence import EvidenceService
from clearheart.services.safety import SafetyService
from clearheart.store.dating_repo import DATING_INSTRUMENT, DatingRepo

if TYPE_CHECKING:
    from clearheart.services.patterns import PatternService

VALUE_WEIGHT = 2
"""A decision-aid value weighed this much or more suggests a need."""


@dataclass(frozen=True, slots=True)
class PersonView:
    """One notebook: who, the notes (oldest first), what they add up to, and the takes."""

    person: Person
    notes: tuple[Note, ...]
    overview: Overview
    takes: tuple[tuple[Result, tuple[Change, ...]], ...]
    """The dating-again questionnaire about them, oldest first, each with its change."""
    take_number: int
    """Their place in the questionnaire's list of people (1-based; 0 before a first take)."""


class DatingService:
    def __init__(
        self,
        engine: sa.Engine,
        clock: Clock,
        safety: SafetyService,
        assess: AssessService,
        log: BehaviourService,
        decide: DecideService,
        evidence: EvidenceService,
    ) -> None:
        self.repo = DatingRepo(engine)
        self.clock = clock
        self.safety = safety
        self.assess = assess
        self.log = log
        self.decide = decide
        self.evidence = evidence

    @staticmethod
    def copy() -> DatingCopy:
        return load_dating_copy()

    def resting(self) -> bool:
        """Whether coaching rests now: no suggestions, no commitments, coaching writes refused."""
        return not self.safety.coaching()

    # --- the checklist ----------------------------------------------------------------

    def checklist(self) -> Checklist:
        return self.repo.checklist()

    def checklist_versions(self) -> tuple[Checklist, ...]:
        return self.repo.checklist_versions()

    def history(self, patterns: PatternService | None = None) -> History:
        """What the suggestions are built from: the log, the aid's values, the chats' counts."""
        labels = self.decide.copy().values
        values = tuple(
            ValueSeen(v.id, v.words or labels.get(v.id, v.id))
            for v in self.decide.aid().values
            if v.weight >= VALUE_WEIGHT
        )
        return History(self.log.entries(), values, self._chats(patterns))

    def _chats(self, patterns: PatternService | None) -> tuple[ChatSeen, ...]:
        patterns = patterns or self.evidence.own_patterns()
        found: list[ChatSeen] = []
        for info in self.evidence.chats.chats():
            if info.me is None or not info.messages:
                continue
            report = patterns.report(info.id, info=info)
            basis = report.basis
            if basis.first is None or basis.last is None:
                continue
            found.append(
                ChatSeen(
                    runs_3plus=report.unanswered.of(report.me).runs_3plus,
                    silences=report.silences.count,
                    silence_hours=report.silences.threshold_hours,
                    messages=basis.messages,
                    since=basis.first.date(),
                    until=basis.last.date(),
                )
            )
        return tuple(found)

    def suggestions(self, patterns: PatternService | None = None) -> tuple[Suggestion, ...]:
        """Items offered for the checklist, not yet on it; none while coaching rests."""
        if self.resting():
            return ()
        have = {i.id for i in self.checklist().items}
        return suggest(self.history(patterns), self.copy().ideas, have)

    def accept(
        self,
        item_id: str,
        text: str | None = None,
        patterns: PatternService | None = None,
        at: datetime | None = None,
    ) -> Checklist:
        """Put a suggestion on the list, in its words or the person's (`text`)."""
        self._coaching("checklist suggestions")
        offered = {s.item.id: s for s in self.suggestions(patterns)}
        if item_id not in offered:
            raise InvalidInput("item", f"{item_id[:60]!r} is not among the suggestions now")
        chosen = text if text is not None and text.strip() else None
        return self._save(accept(self.checklist().items, offered[item_id], chosen), at)

    def edit(self, item_id: str, text: str, at: datetime | None = None) -> Checklist:
        return self._save(edit(self.checklist().items, item_id, text), at)

    def remove(self, item_id: str, at: datetime | None = None) -> Checklist:
        return self._save(remove(self.checklist().items, item_id), at)

    def add(self, text: str, at: datetime | None = None) -> Checklist:
        """An item in the person's own words."""
        return self._save(add_own(self.checklist().items, text), at)

    def _save(self, items: tuple[Item, ...], at: datetime | None) -> Checklist:
        return self.repo.save_checklist(items, at or self.clock.now())

    # --- the commitments --------------------------------------------------------------

    def commitments(self) -> Commitments | None:
        """The three commitments as they stand; None while coaching rests."""
        if self.resting():
            return None
        texts, version, saved = self.repo.commitments()
        return commitments_of(texts, self.copy().commitments, version, saved)

    def commitment_versions(self) -> tuple[Commitments, ...]:
        """Every saved wording, oldest first; none while coaching rests (as `commitments`)."""
        if self.resting():
            return ()
        ours = self.copy().commitments
        return tuple(
            commitments_of(texts, ours, n, saved)
            for n, (texts, saved) in enumerate(self.repo.commitment_versions(), 1)
        )

    def reword(self, texts: list[str], at: datetime | None = None) -> Commitments:
        """Save a new version; a blank one goes back to our wording."""
        self._coaching("the commitments")
        cleaned = clean_commitments(texts, self.copy().commitments)
        self.repo.save_commitments(cleaned, at or self.clock.now())
        shown = self.commitments()
        assert shown is not None
        return shown

    # --- people and notes -------------------------------------------------------------

    def people(self) -> tuple[Person, ...]:
        return self.repo.people()

    def note_counts(self) -> dict[int, int]:
        return self.repo.note_counts()

    def person(self, person_id: int) -> Person:
        return self.repo.person(person_id)

    def find(self, who: str) -> Person:
        """A person by id number or by name (ignoring case)."""
        if who.strip().isdigit():
            return self.person(int(who))
        wanted = " ".join(who.split()).casefold()
        for person in self.people():
            if person.name.casefold() == wanted:
                return person
        raise InvalidInput(
            "person", "no notebook has that name; `clearheart dating person list` shows them"
        )

    def add_person(self, name: str, at: datetime | None = None) -> Person:
        cleaned = clean_name(name, [p.name for p in self.people()])
        return self.repo.add_person(cleaned, at or self.clock.now())

    def rename(self, person_id: int, name: str) -> Person:
        person = self.person(person_id)
        others = [p.name for p in self.people() if p.id != person_id]
        return self.repo.rename_person(person, clean_name(name, others))

    def delete_person(self, person_id: int) -> None:
        """The notebook and its notes, for good (questionnaire takes stay, under /reflect)."""
        self.repo.delete_person(self.person(person_id).id)

    def add_note(self, person_id: int, draft: NoteDraft, at: datetime | None = None) -> Note:
        person = self.person(person_id)
        moment = at or self.clock.now()
        items = {i.id for i in self.checklist().items}
        note = self.repo.add_note(person.id, clean_note(draft, moment.date(), items), moment)
        self.safety.notice(note.draft.text, Source.JOURNAL, moment)
        return note

    def note(self, note_id: int, person_id: int | None = None) -> Note:
        """One note; with `person_id`, only if it is in that person's notebook."""
        found = self.repo.note(note_id)
        if person_id is not None and found.person_id != person_id:
            raise NotFound("note", str(note_id))
        return found

    def edit_note(
        self,
        note_id: int,
        draft: NoteDraft,
        person_id: int | None = None,
        at: datetime | None = None,
    ) -> Note:
        """Rewrite a note, checked as a new one is; its tags may still name items taken off
        the checklist since, so an old note keeps what it said about them."""
        before = self.note(note_id, person_id)
        moment = at or self.clock.now()
        items = {i.id for i in self.checklist().items} | set(before.draft.tags)
        note = self.repo.update_note(before.id, clean_note(draft, moment.date(), items))
        self.safety.notice(note.draft.text, Source.JOURNAL, moment)
        return note

    def delete_note(self, note_id: int, person_id: int | None = None) -> None:
        self.repo.delete_note(self.note(note_id, person_id).id)

    def view(self, person_id: int) -> PersonView:
        person = self.person(person_id)
        notes = self.repo.notes(person.id)
        subjects = self.assess.subjects(DATING_INSTRUMENT)
        takes = (
            tuple(self.assess.history(DATING_INSTRUMENT, person.name))
            if (person.name in subjects)
            else ()
        )
        return PersonView(
            person,
            notes,
            overview(self.checklist().items, notes),
            takes,
            subjects.index(person.name) + 1 if person.name in subjects else 0,
        )

    def _coaching(self, what: str) -> None:
        if self.resting():
            raise InvalidInput(
                what,
                "it rests while you may not be safe; your safety plan and who can help come first",
            )
