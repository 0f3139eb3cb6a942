"""One unlocked vault and the services over it: what the CLI and web app hold."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from clearheart.domain.preferences import Preferences, clean
from clearheart.services.assess import AssessService
from clearheart.services.behaviour import BehaviourService
from clearheart.services.chats import ChatService
from clearheart.services.clock import Clock, SystemClock
from clearheart.services.cycle import CycleService
from clearheart.services.dating import DatingService
from clearheart.services.decide import DecideService
from clearheart.services.evidence import EvidenceService
from clearheart.services.help import HelpService
from clearheart.services.journal import JournalService
from clearheart.services.lessons import LessonService
from clearheart.services.letters import LetterService
from clearheart.services.nocontact import NoContactService
from clearheart.services.nudges import NudgeService
from clearheart.services.pause import PauseService
from clearheart.services.practices import PracticesService
from clearheart.services.promise import PromiseService
from clearheart.services.safety import SafetyService
from clearheart.services.support import SupportService
from clearheart.services.urges import UrgeService
from clearheart.store.settings_repo import SettingsRepo
from clearheart.store.vault import Vault

VAULT_ID_KEY = "vault_id"


@dataclass
class Workspace:
    vault: Vault
    clock: Clock = field(default_factory=SystemClock)

    def __post_init__(self) -> None:
        engine = self.vault.engine
        self.settings = SettingsRepo(engine)
        self.safety = SafetyService(engine, self.settings, self.clock)
        self.help = HelpService(self.settings, self.clock)
        self.journal = JournalService(engine, self.clock, self.safety)
        self.practices = PracticesService(self.journal, self.settings, self.clock)
        self.chats = ChatService(engine, self.clock)
        self.cycle = CycleService(engine, self.clock, self.safety)
        self.assess = AssessService(engine, self.safety, self.clock)
        self.log = BehaviourService(engine, self.clock)
        self.pause = PauseService(engine, self.clock, self.journal, self.log, self.safety)
        self.evidence = EvidenceService(self.log, self.assess, self.chats, self.journal, self.clock)
        self.lessons = LessonService(engine, self.clock, self.safety, self.evidence, self.cycle)
        self.decide = DecideService(engine, self.clock, self.safety)
        self.support = SupportService(engine, self.clock, self.safety, self.help)
        self.nocontact = NoContactService(engine, self.clock, self.chats)
        self.urges = UrgeService(engine, self.clock, self.journal)
        self.letters = LetterService(engine, self.clock)
        self.dating = DatingService(engine, self.clock, self.safety, self.assess, self.log,
                                    self.decide, self.evidence)
        self.promise = PromiseService(
            engine, self.clock, self.safety, self.journal, self.evidence
        )
        self.nudges = NudgeService(engine, self.clock, self.safety, self.journal)

    @classmethod
    def create(cls, home: Path, passphrase: str, clock: Clock | None = None) -> Workspace:
        workspace = cls(Vault.create(home, passphrase), clock or SystemClock())
        workspace.settings.put(VAULT_ID_KEY, secrets.token_hex(8))
        return workspace

    @classmethod
    def unlock(cls, home: Path, passphrase: str, clock: Clock | None = None) -> Workspace:
        return cls(Vault.unlock(home, passphrase), clock or SystemClock())

    @classmethod
    def open_unwrapped(cls, home: Path, key: bytes, clock: Clock | None = None) -> Workspace:
        """Open with the data key access.unwrap gave: an unlock whose Argon2 ran already."""
        return cls(Vault.open_unwrapped(home, key), clock or SystemClock())

    def preferences(self) -> Preferences:
        return self.settings.preferences()

    def save_preferences(self, prefs: Preferences) -> Preferences:
        cleaned = clean(prefs)
        self.settings.save_preferences(cleaned)
        return cleaned

    def vault_id(self) -> str:
        value = self.settings.get(VAULT_ID_KEY)
        if not value:
            value = secrets.token_hex(8)
            self.settings.put(VAULT_ID_KEY, value)
        return str(value)

    def close(self) -> None:
        self.vault.close()
