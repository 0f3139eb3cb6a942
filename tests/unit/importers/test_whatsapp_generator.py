"""bench/gen_whatsapp.py writes exports we read back exactly, in every variant it offers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from clearheart.domain.chat import Kind
from clearheart.importers import whatsapp

GENERATOR = Path(__file__).resolve().parents[3] / "bench" / "gen_whatsapp.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_whatsapp", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


gen = _load()
KINDS = {"text": Kind.TEXT, "edited": Kind.TEXT, "media": Kind.MEDIA, "deleted": Kind.DELETED,
         "system": Kind.SYSTEM}


@pytest.mark.parametrize("variant", sorted(gen.VARIANTS))
def test_every_variant_reads_back_message_for_message(tmp_path: Path, variant: str) -> None:
    path = tmp_path / "chat.txt"
    gen.generate(path, 3000, variant=variant, crlf=variant.startswith("ios"), bom=True)
    source = whatsapp.open_source(path)
    messages = list(source.messages())
    events = list(gen.events(3000))
    assert len(messages) == len(events) == 3000
    ios = gen.VARIANTS[variant].ios
    seconds = ios
    for event, message in zip(events, messages, strict=True):
        expected_ts = event.ts if seconds else event.ts.replace(second=0)
        assert message.ts == expected_ts
        kind = KINDS.get(event.kind, Kind.CALL if ios else Kind.MEDIA)
        assert message.kind is kind, (event, message)
        assert message.sender == ("" if kind is Kind.SYSTEM else event.sender)
        if event.kind in ("text", "edited"):
            assert (message.text, message.edited) == (event.text, event.kind == "edited")


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    gen.generate(one, 500)
    gen.generate(two, 500)
    assert one.read_bytes() == two.read_bytes()
