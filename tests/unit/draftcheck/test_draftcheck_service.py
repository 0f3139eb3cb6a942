"""DraftChecker: VADER loads from installed files with no network; the model is optional."""

from __future__ import annotations

import socket

import pytest

import clearheart.services.draftcheck as service
from clearheart.errors import InvalidInput
from clearheart.services.draftcheck import DraftChecker, load_model


class _NoNetwork(Exception):
    pass


def test_building_and_checking_makes_no_network_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise _NoNetwork(args)

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    checker = DraftChecker(use_model=False)
    reading = checker.check("You never listen!!! What is wrong with you")
    assert reading.pause is True
    assert checker.tone is not None


def test_a_missing_model_module_is_tolerated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "MODEL_LOADER", ("clearheart.no_such_module", "load"))
    assert load_model() is None
    checker = DraftChecker()
    assert checker.model is None
    assert checker.check("I'm done with work").pause is False


def test_a_model_that_fails_to_load_is_tolerated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "MODEL_LOADER", ("clearheart.errors", "NotAFunction"))
    assert load_model() is None


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(InvalidInput, match="no text to check"):
        DraftChecker(use_model=False).check(text)


def test_a_huge_text_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="reads up to"):
        DraftChecker(use_model=False, tone=False).check("a" * (service.MAX_CHARS + 1))
