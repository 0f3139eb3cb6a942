"""Key-value settings stored inside the encrypted database."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from clearheart.domain.preferences import Preferences
from clearheart.store.schema import settings as t

PREFERENCES_KEY = "preferences"


class SettingsRepo:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def get(self, key: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(t.c.value).where(t.c.key == key)).scalar()

    def put(self, key: str, value: Any) -> None:
        with self.engine.begin() as conn:
            updated = conn.execute(sa.update(t).where(t.c.key == key).values(value=value))
            if updated.rowcount == 0:
                conn.execute(sa.insert(t).values(key=key, value=value))

    def preferences(self) -> Preferences:
        data = self.get(PREFERENCES_KEY)
        return Preferences.from_json(data) if data else Preferences()

    def save_preferences(self, prefs: Preferences) -> None:
        self.put(PREFERENCES_KEY, prefs.to_json())
