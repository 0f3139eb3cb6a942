"""Built-in questionnaires: one TOML file per instrument in <locale>/<id>.toml (package data).

Each file is checked by `parse_instrument`; a broken file fails loudly with
the file and field named, so it never reaches a page.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from importlib import resources

from clearheart.domain.assess import Instrument, parse_instrument
from clearheart.errors import ContentInvalid, NotFound

_PACKAGE = "clearheart.content.instruments"
_LOCALE = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2})?$")
_ORDER = ("me", "partner", "us", "decision", "safety", "dating", "loaded")
"""Built-ins are listed by group in this order (then by file name): self, partner, the two
of you, the decision, safety, dating again."""


def parse_toml(text: str, source: str) -> Instrument:
    """Parse and check one instrument file's text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentInvalid(source, f"not valid TOML: {exc}") from None
    return parse_instrument(data, source)


def validate_instrument_file(data: Mapping[str, object], source: str, stem: str) -> Instrument:
    """The content check for a shipped file: valid, a reflection tool, named after its id."""
    instrument = parse_instrument(data, source)
    if instrument.id != stem:
        raise ContentInvalid(
            source, f"the file is named {stem!r} but its id is {instrument.id!r}; make them match"
        )
    folder = source.rsplit("/", 2)[-2] if source.count("/") >= 2 else instrument.locale
    if instrument.locale != folder:
        raise ContentInvalid(
            source, f"locale {instrument.locale!r} does not match its folder {folder!r}"
        )
    if instrument.kind != "reflection":
        raise ContentInvalid(
            source,
            "built-in questionnaires are our own reflection tools: kind must be "
            '"reflection" (published instruments are loaded by their licensee, never shipped)',
        )
    return instrument


def load_builtin_instruments(locale: str = "en") -> tuple[Instrument, ...]:
    """Every built-in questionnaire for a locale, checked, in group order; read once."""
    return _load(locale)


@functools.cache
def _load(locale: str) -> tuple[Instrument, ...]:
    if not _LOCALE.match(locale):
        raise NotFound("locale", locale)
    folder = resources.files(_PACKAGE).joinpath(locale)
    if not folder.is_dir():
        return ()
    out: list[Instrument] = []
    seen: set[str] = set()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not (entry.is_file() and entry.name.endswith(".toml")):
            continue
        source = f"instruments/{locale}/{entry.name}"
        try:
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ContentInvalid(source, f"not valid TOML: {exc}") from None
        instrument = validate_instrument_file(data, source, entry.name.removesuffix(".toml"))
        if instrument.id in seen:
            raise ContentInvalid(source, f"another built-in already has the id {instrument.id!r}")
        seen.add(instrument.id)
        out.append(instrument)
    return tuple(sorted(out, key=lambda i: _ORDER.index(i.group)))
