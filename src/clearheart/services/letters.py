"""Unsent letters: written, kept encrypted in the vault, never sent, printed or shared."""

from __future__ import annotations

import sqlalchemy as sa

from clearheart.domain.letting_go import Letter, clean_letter
from clearheart.services.clock import Clock
from clearheart.store.letting_go_repo import LettingGoRepo


class LetterService:
    def __init__(self, engine: sa.Engine, clock: Clock) -> None:
        self.repo = LettingGoRepo(engine)
        self.clock = clock

    def write(self, heading: str, body: str = "") -> Letter:
        return self.repo.add_letter(*clean_letter(heading, body), self.clock.now())

    def edit(self, letter_id: int, heading: str, body: str) -> Letter:
        cleaned = clean_letter(heading, body)
        self.repo.letter(letter_id)
        return self.repo.change_letter(letter_id, *cleaned, self.clock.now())

    def get(self, letter_id: int) -> Letter:
        return self.repo.letter(letter_id)

    def letters(self) -> tuple[Letter, ...]:
        """Newest first."""
        return self.repo.letters()

    def delete(self, letter_id: int) -> None:
        self.repo.delete_letter(letter_id)
