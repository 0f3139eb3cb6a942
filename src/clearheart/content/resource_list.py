"""The helplines by country (resources/<locale>.toml), checked into domain values.

Every entry must name the page it was checked against and when, so a reader can
verify it and a maintainer knows what to re-check; a file that breaks a rule
raises ContentInvalid naming the country and field.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from importlib import resources
from typing import Any

from clearheart.domain.safety.resources import SERVICE_KINDS, Country, Directory, Service
from clearheart.errors import ContentInvalid

_CODE = re.compile(r"^[A-Z]{2}$")
_URL = re.compile(r"^https://[^\s]+$")
_COUNTRY_REQUIRED = ("code", "name")
_EMERGENCY = ("emergency", "emergency_source", "emergency_checked")
"""Given together or not at all: a number only where an official page states it."""
_SERVICE_REQUIRED = ("name", "kind", "helps", "source", "checked")
_SERVICE_OPTIONAL = ("phone", "sms", "web", "hours")
MAX_HELPS = 200


def _text(table: Mapping[str, Any], key: str, source: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentInvalid(source, f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _url(table: Mapping[str, Any], key: str, source: str, where: str) -> str:
    value = _text(table, key, source, where)
    if not _URL.match(value):
        raise ContentInvalid(source, f"{where}: {key!r} must be an https:// address")
    return value


def _day(table: Mapping[str, Any], key: str, source: str, where: str) -> date:
    value = table.get(key)
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ContentInvalid(source, f"{where}: {key!r} must be a date like 2026-12-07") from None


def _service(table: Mapping[str, Any], source: str, where: str) -> Service:
    extra = sorted(set(table) - set(_SERVICE_REQUIRED) - set(_SERVICE_OPTIONAL))
    if extra:
        raise ContentInvalid(source, f"{where}: unknown key {extra[0]!r}")
    name = _text(table, "name", source, where)
    where = f"{where} ({name})"
    kind = _text(table, "kind", source, where)
    if kind not in SERVICE_KINDS:
        raise ContentInvalid(source, f"{where}: kind must be one of {', '.join(SERVICE_KINDS)}")
    helps = _text(table, "helps", source, where)
    if len(helps) > MAX_HELPS:
        raise ContentInvalid(source, f"{where}: 'helps' is over {MAX_HELPS} characters")
    optional = {key: str(table.get(key, "")).strip() for key in _SERVICE_OPTIONAL}
    if not (optional["phone"] or optional["sms"] or optional["web"]):
        raise ContentInvalid(source, f"{where}: give at least one of phone, sms or web")
    if optional["web"] and not _URL.match(optional["web"]):
        raise ContentInvalid(source, f"{where}: 'web' must be an https:// address")
    return Service(
        name=name,
        kind=kind,
        helps=helps,
        source=_url(table, "source", source, where),
        checked=_day(table, "checked", source, where),
        **optional,
    )


def validate_resources_file(
    data: Mapping[str, Any], source: str, locale: str | None = None
) -> Directory:
    if data.get("schema") != 1:
        raise ContentInvalid(source, "expected schema = 1")
    if locale is not None and data.get("locale") != locale:
        raise ContentInvalid(source, f"expected locale = {locale!r}")
    extra = sorted(set(data) - {"schema", "locale", "country"})
    if extra:
        raise ContentInvalid(source, f"unknown key {extra[0]!r} at the top of the file")
    tables = data.get("country")
    if not isinstance(tables, list) or not tables:
        raise ContentInvalid(source, "expected at least one [[country]]")
    countries: list[Country] = []
    for number, table in enumerate(tables, 1):
        if not isinstance(table, Mapping):
            raise ContentInvalid(source, f"country #{number} is not a table")
        unknown = sorted(set(table) - set(_COUNTRY_REQUIRED) - set(_EMERGENCY) - {"service"})
        if unknown:
            raise ContentInvalid(source, f"country #{number}: unknown key {unknown[0]!r}")
        code = _text(table, "code", source, f"country #{number}")
        if not _CODE.match(code):
            raise ContentInvalid(source, f"country #{number}: code {code!r} is not like 'GB'")
        if any(c.code == code for c in countries):
            raise ContentInvalid(source, f"country {code} is listed twice")
        where = f"country {code}"
        services = table.get("service", [])
        if not isinstance(services, list):
            raise ContentInvalid(source, f"{where}: 'service' must be a list of tables")
        given = [key for key in _EMERGENCY if key in table]
        if given and len(given) != len(_EMERGENCY):
            raise ContentInvalid(source, f"{where}: give all of {', '.join(_EMERGENCY)} or none")
        if not given and not services:
            raise ContentInvalid(source, f"{where}: nothing to show (no emergency, no service)")
        countries.append(Country(
            code=code,
            name=_text(table, "name", source, where),
            emergency=_text(table, "emergency", source, where) if given else "",
            emergency_source=_url(table, "emergency_source", source, where) if given else "",
            emergency_checked=_day(table, "emergency_checked", source, where) if given else None,
            services=tuple(
                _service(s, source, f"{where}, service #{n}") for n, s in enumerate(services, 1)
            ),
        ))
    return Directory(tuple(countries))


@functools.cache
def load_resources(locale: str = "en") -> Directory:
    """Helplines by country for a locale, checked; read once per process."""
    name = f"resources/{locale}.toml"
    try:
        text = resources.files("clearheart.content").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentInvalid(name, "the file is missing") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentInvalid(name, f"not valid TOML: {exc}") from None
    return validate_resources_file(data, name, locale)
