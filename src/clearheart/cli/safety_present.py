"""How the CLI shows help: who can help, the crisis words, the gate. Plain text with no
name of the app in it (it may be read over a shoulder, or printed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from clearheart.domain.safety import Crisis, Gate
    from clearheart.domain.safety.plan import Plan
    from clearheart.domain.safety.resources import Country, Directory, Service
    from clearheart.services.safety import Noticed
    from clearheart.services.workspace import Workspace

WIDTH = 78
QUIET = (
    "Suggestions about how to talk with your partner or give them space are resting, "
    "because you may not be safe. `clearheart safety help` shows who can help; "
    "`clearheart safety safe` brings suggestions back when that feels true for you."
)


def wrap(text: str, indent: str = "") -> str:
    return click.wrap_text(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def service_line(service: Service) -> str:
    ways = [f"call {service.phone}" if service.phone else "", service.sms, service.web]
    hours = f" ({service.hours})" if service.hours else ""
    return f"{service.name}: {', '.join(w for w in ways if w)}{hours}"


def service_json(service: Service) -> dict[str, Any]:
    return {
        "name": service.name, "kind": service.kind, "helps": service.helps,
        "phone": service.phone or None, "sms": service.sms or None, "web": service.web or None,
        "hours": service.hours or None, "source": service.source,
        "checked": service.checked.isoformat(),
    }


def country_json(country: Country) -> dict[str, Any]:
    return {
        "code": country.code, "name": country.name, "emergency": country.emergency or None,
        "services": [service_json(s) for s in country.services],
    }


def help_lines(country: Country | None, directory: Directory, kinds: tuple[str, ...]) -> list[str]:
    """Who can help: the emergency number first, then services of `kinds`."""
    if country is None:
        lines = ["In danger right now: call your local emergency number."]
        lines += [f"  {c.name}: {c.emergency}" for c in directory.countries if c.emergency]
        lines.append("Choose your country with `clearheart safety country CODE` "
                     f"({', '.join(directory.codes)}) to see who can help there.")
        return lines
    lines = [f"In danger right now: call {country.emergency} ({country.name})."
             if country.emergency else "In danger right now: call your local emergency number."]
    lines += [f"  • {service_line(s)}" for s in country.services if s.kind in kinds]
    return lines


DANGER_WORDS = {
    "fear": "being afraid", "harm": "being hurt", "threat": "threats",
    "control": "being controlled", "monitoring": "being watched or checked on",
}


@dataclass(frozen=True, slots=True)
class AfterWriting:
    """What the words just written call for: crisis help first, then the danger check-in.
    Read while the vault is open, shown after it is closed."""

    crisis: Crisis
    noticed: Noticed
    country: Country | None
    directory: Directory

    @classmethod
    def read(cls, workspace: Workspace, text: str) -> AfterWriting:
        return cls(workspace.safety.crisis_of(text), workspace.safety.read_danger(text),
                   workspace.help.country(), workspace.help.directory())

    @property
    def kinds(self) -> list[str]:
        return list(self.crisis.kinds)

    def echo(self) -> None:
        """Help first, when there is a crisis; then the check-in; nothing otherwise."""
        if self.crisis:
            echo_crisis(self.crisis, self.country, self.directory)
        if not self.noticed.kinds:
            return
        words = " and ".join(DANGER_WORDS.get(k, k) for k in self.noticed.kinds)
        if self.noticed.closes:
            click.echo(wrap(
                f"What you wrote spoke of {words}. In case you are not safe, suggestions about "
                "how to talk with your partner are resting. `clearheart safety help` shows who "
                "can help; if that is not right, `clearheart safety safe` brings them back."))
        else:
            click.echo(wrap(
                f"Some of what you wrote might speak of {words}. If you do not feel safe, "
                "`clearheart safety unsafe` rests suggestions about your partner, and "
                "`clearheart safety help` shows who can help. If we read it wrong, nothing "
                "changes."))
        click.echo("")


def echo_crisis(crisis: Crisis, country: Country | None, directory: Directory) -> None:
    """Crisis words in what was written: help first, before anything else."""
    from clearheart.content.help_copy import load_help_copy

    words = load_help_copy().crisis
    click.echo(wrap(words.body))
    if "hurt_now" in crisis.kinds:
        click.echo(wrap(words.hurt_now))
    kinds = ("crisis", "abuse") if "hurt_now" in crisis.kinds else ("crisis",)
    for line in help_lines(country, directory, kinds):
        click.echo(line)
    click.echo("")


def gate_json(gate: Gate) -> dict[str, Any]:
    return gate.to_json()


def plan_text(plan: Plan, country: Country | None) -> list[str]:
    """The plan as plain text, as the printed page shows it."""
    from clearheart.content.help_copy import load_help_copy

    copy = load_help_copy()
    lines: list[str] = []
    for part in copy.parts:
        if plan.part(part.id):
            lines += [part.title, *(wrap(line, "  ") for line in plan.part(part.id).splitlines()),
                      ""]
    if plan.people:
        lines.append("People I can reach")
        lines += [f"  {p.name}{': ' + p.how if p.how else ''}{f' ({p.note})' if p.note else ''}"
                  for p in plan.people]
        lines.append("")
    lines.append("A bag, ready if I need to leave")
    lines += [f"  [{'x' if item in plan.packed else ' '}] {label}" for item, label in copy.bag]
    lines += [f"  [{'x' if item in plan.packed else ' '}] {item}" for item in plan.extra]
    if country is not None:
        lines += ["", "Numbers"]
        if country.emergency:
            lines.append(f"  Emergency ({country.name}): {country.emergency}")
        lines += [f"  {service_line(s)}" for s in country.services]
    return lines
