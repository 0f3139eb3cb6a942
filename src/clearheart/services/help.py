"""Help that does not depend on the gate: who can help in the person's country, and the
safety plan they write for themselves. Both are kept in the vault's settings (encrypted)."""

from __future__ import annotations

from clearheart.content.resource_list import load_resources
from clearheart.domain.safety.plan import Plan, plan_from_json, touched
from clearheart.domain.safety.resources import Country, Directory
from clearheart.errors import InvalidInput
from clearheart.services.clock import Clock
from clearheart.store.settings_repo import SettingsRepo

COUNTRY_KEY = "help_country"
PLAN_KEY = "safety_plan"


class HelpService:
    def __init__(self, settings: SettingsRepo, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock

    @staticmethod
    def directory() -> Directory:
        return load_resources()

    def country(self) -> Country | None:
        """The country the person chose, if any (and if it is still listed)."""
        code = self.settings.get(COUNTRY_KEY)
        return self.directory().get(code if isinstance(code, str) else None)

    def choose_country(self, code: str) -> Country | None:
        """Keep the person's country; "" forgets it. InvalidInput for a code not listed."""
        wanted = code.strip().upper()
        if not wanted:
            self.settings.put(COUNTRY_KEY, "")
            return None
        country = self.directory().get(wanted)
        if country is None:
            listed = ", ".join(self.directory().codes)
            raise InvalidInput("country", f"{code!r} is not on the list ({listed})")
        self.settings.put(COUNTRY_KEY, country.code)
        return country

    def plan(self) -> Plan:
        """The plan as kept; an empty plan if none was written yet."""
        return plan_from_json(self.settings.get(PLAN_KEY))

    def save_plan(self, data: object) -> Plan:
        """Check a whole plan (the JSON shape of Plan.to_json) and keep it; InvalidInput names
        the part at fault and nothing is changed."""
        plan = touched(plan_from_json(data), self.clock.now())
        self.settings.put(PLAN_KEY, plan.to_json())
        return plan

    def clear_plan(self) -> None:
        self.settings.put(PLAN_KEY, None)
