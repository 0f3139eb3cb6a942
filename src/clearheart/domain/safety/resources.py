"""Who can help, by country: emergency numbers, abuse helplines, crisis lines.

Shipped as data (content/resources/), each entry with the organisation's own page
that states it and the date it was checked; the person picks their country. Their
own people and places live in their safety plan (plan.py), inside the vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

ServiceKind = Literal["abuse", "crisis"]
SERVICE_KINDS: tuple[ServiceKind, ...] = ("abuse", "crisis")


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    kind: ServiceKind
    helps: str
    source: str
    """The organisation's own page that states the numbers."""
    checked: date
    phone: str = ""
    sms: str = ""
    web: str = ""
    hours: str = ""


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    """ISO 3166-1 alpha-2, upper case."""
    name: str
    emergency: str
    """The number(s) to dial in danger; "" where no official page could be checked."""
    emergency_source: str
    emergency_checked: date | None
    services: tuple[Service, ...]

    def of_kind(self, kind: ServiceKind) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.kind == kind)


@dataclass(frozen=True, slots=True)
class Directory:
    countries: tuple[Country, ...]

    def get(self, code: str | None) -> Country | None:
        wanted = (code or "").upper()
        return next((c for c in self.countries if c.code == wanted), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.countries)
