"""Helplines as data: every entry names the page it was checked against, and when."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from clearheart.content.resource_list import load_resources, validate_resources_file
from clearheart.errors import ContentInvalid

CHECKED = date(2026, 12, 7)


def test_the_shipped_list_is_checked_and_sourced() -> None:
    directory = load_resources()
    assert len(directory.countries) >= 10
    assert len(set(directory.codes)) == len(directory.codes)
    for country in directory.countries:
        assert country.services or country.emergency, country.code
        if country.emergency:
            assert country.emergency_source.startswith("https://")
            assert country.emergency_checked is not None
            assert country.emergency_checked <= CHECKED
        for service in country.services:
            assert service.source.startswith("https://"), service.name
            assert service.checked <= CHECKED
            assert service.phone or service.sms or service.web
    gb = directory.get("gb")
    assert gb is not None and gb.emergency == "999" and gb.of_kind("abuse")
    assert directory.get("ZZ") is None and directory.get(None) is None


GOOD: dict[str, Any] = {
    "schema": 1,
    "locale": "en",
    "country": [{
        "code": "GB", "name": "United Kingdom", "emergency": "999",
        "emergency_source": "https://example.org/999", "emergency_checked": "2026-12-07",
        "service": [{"name": "A line", "kind": "abuse", "helps": "Listens.",
                     "phone": "0800 000", "source": "https://example.org/line",
                     "checked": "2026-12-07"}],
    }],
}


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    country = data["country"][0]
    service = country["service"][0]
    if change == "lowercase code":
        country["code"] = "gb"
    elif change == "no source":
        del service["source"]
    elif change == "http source":
        service["source"] = "http://example.org"
    elif change == "no way to reach":
        del service["phone"]
    elif change == "unknown kind":
        service["kind"] = "legal"
    elif change == "half an emergency":
        del country["emergency_source"]
    elif change == "bad date":
        service["checked"] = "last week"
    elif change == "twice":
        data["country"].append(copy.deepcopy(country))
    elif change == "stray key":
        service["fax"] = "1"
    return data


@pytest.mark.parametrize("change", ["lowercase code", "no source", "http source",
                                    "no way to reach", "unknown kind", "half an emergency",
                                    "bad date", "twice", "stray key"])
def test_a_broken_entry_is_refused_with_its_reason(change: str) -> None:
    assert validate_resources_file(GOOD, "resources/en.toml", "en").get("GB") is not None
    with pytest.raises(ContentInvalid, match=r"resources/en\.toml"):
        validate_resources_file(_broken(change), "resources/en.toml", "en")
