"""The help pages' words: the plan form and the file can never drift apart."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from clearheart.content.cycle_copy import load_cycle_copy
from clearheart.content.help_copy import load_help_copy, validate_help_file
from clearheart.domain.safety.plan import BAG, PARTS
from clearheart.errors import ContentInvalid


def _shipped() -> dict[str, Any]:
    text = resources.files("clearheart.content").joinpath("help/en.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_the_shipped_words_cover_every_part_and_bag_item() -> None:
    words = load_help_copy()
    assert tuple(p.id for p in words.parts) == PARTS
    assert tuple(item for item, _ in words.bag) == BAG
    assert words.bag_label("id") == "ID or passport" and words.bag_label("a kite") == "a kite"
    headings = [s.heading for s in words.tracks]
    assert "What it cannot hide" in headings and "Stalkerware and tracking" in headings
    assert words.crisis.heading and words.crisis.hurt_now


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(_shipped())
    if change == "a part missing":
        data["plan"]["part"].pop()
    elif change == "parts out of order":
        data["plan"]["part"].reverse()
    elif change == "a bag item renamed":
        data["plan"]["bag"][0]["id"] = "passport"
    elif change == "no crisis words":
        del data["crisis"]
    elif change == "an empty paragraph":
        data["tracks"]["section"][0]["paragraphs"] = [""]
    elif change == "a stray key":
        data["extra"] = 1
    elif change == "a blank hint":
        data["plan"]["part"][0]["hint"] = " "
    return data


@pytest.mark.parametrize("change", ["a part missing", "parts out of order", "a bag item renamed",
                                    "no crisis words", "an empty paragraph", "a stray key",
                                    "a blank hint"])
def test_a_broken_file_is_refused(change: str) -> None:
    with pytest.raises(ContentInvalid, match=r"help/en\.toml"):
        validate_help_file(_broken(change), "help/en.toml", "en")


def test_the_cycle_map_has_words_for_when_coaching_rests() -> None:
    words = load_cycle_copy()
    assert words.quiet_lead and words.quiet_paragraphs
    quiet = " ".join(words.quiet_paragraphs).lower()
    assert "not your fault" in quiet
    assert "nobody is to blame" not in quiet
