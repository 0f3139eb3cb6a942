"""Frozen settings read once from the environment (CLEARHEART_*).

Every setting is listed in SETTINGS with its meaning, so docs and a test can
check that none goes undocumented.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from clearheart.errors import InvalidInput

SETTINGS: dict[str, str] = {
    "CLEARHEART_HOME": "Folder that holds the vault (default: the platform's user data folder).",
    "CLEARHEART_PASSPHRASE": "Passphrase used instead of a prompt (for scripts and tests).",
    "CLEARHEART_NEW_PASSPHRASE": "New passphrase for `clearheart passphrase` instead of a prompt.",
    "CLEARHEART_IDLE_MINUTES": "Minutes of quiet before the web app locks itself (default 10).",
    "CLEARHEART_PORT": "Port for `clearheart serve` (default 8765; 0 picks a free one).",
}


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    passphrase: str | None
    new_passphrase: str | None
    idle_minutes: float
    port: int

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        home_text = env.get("CLEARHEART_HOME")
        if home_text:
            home = Path(home_text).expanduser()
        else:
            from platformdirs import user_data_dir

            home = Path(user_data_dir("clearheart", appauthor=False))
        return cls(
            home=home,
            passphrase=env.get("CLEARHEART_PASSPHRASE") or None,
            new_passphrase=env.get("CLEARHEART_NEW_PASSPHRASE") or None,
            idle_minutes=_number(env, "CLEARHEART_IDLE_MINUTES", 10.0, low=0.05, high=24 * 60),
            port=int(_number(env, "CLEARHEART_PORT", 8765, low=0, high=65535)),
        )


def _number(env: Mapping[str, str], name: str, default: float, *, low: float, high: float) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput(name, f"expected a number, got {text!r}") from None
    if not low <= value <= high:
        raise InvalidInput(name, f"must be between {low:g} and {high:g}, got {text}")
    return value
