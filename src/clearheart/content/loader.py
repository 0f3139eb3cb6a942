"""Load shipped content files (TOML package data) and turn them into checked domain values.

Every rule a file breaks raises ContentInvalid naming the file and the exact
reason, so a bad edit fails the test suite instead of a page at runtime.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TypeVar

from clearheart.content.coverage_copy import validate_coverage_file
from clearheart.content.cycle_copy import validate_cycle_file
from clearheart.content.decide_copy import validate_decide_file
from clearheart.content.help_copy import validate_help_file
from clearheart.content.instruments import validate_instrument_file
from clearheart.content.practice_copy import validate_practices_file
from clearheart.content.resource_list import validate_resources_file
from clearheart.domain.emotions import SCALE_HIGH, SCALE_LOW, EmotionWords
from clearheart.domain.prompts import CONCEPT_IDS, Prompt, Theme
from clearheart.errors import ContentInvalid, NotFound

SCHEMA_VERSIONS = frozenset({1})
MAX_TEXT = 300
MAX_HINT = 300
MAX_WORD = 40
MAX_LABEL = 40
PRACTICE_IDS = ("morning-intention", "evening-reflection", "weekly-appreciation")

_PACKAGE = "clearheart.content"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2})?$")
_WORD = re.compile(r"^[a-z](?:[a-z' -]*[a-z])?$")
_PROMPT_REQUIRED = ("id", "version", "theme", "concepts", "text")
_PROMPT_OPTIONAL = ("hint", "coaching")
_TYPE_NAMES: dict[type, str] = {
    bool: "a boolean", str: "a string", int: "an integer", float: "a number",
    list: "a list", dict: "a table",
}

Table = Mapping[str, object]
_T = TypeVar("_T")


# --- small checks shared by every kind of file ---------------------------------


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _expect(value: object, kind: type[_T], source: str, what: str) -> _T:
    """Return `value` if it has type `kind` (booleans are never integers), else raise."""
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    raise ContentInvalid(
        source, f"{what} must be {_TYPE_NAMES.get(kind, kind.__name__)}, not {_type_name(value)}"
    )


def _check_keys(
    table: Table, required: tuple[str, ...], optional: tuple[str, ...], source: str, where: str
) -> None:
    allowed = set(required) | set(optional)
    for key in table:
        if key not in allowed:
            raise ContentInvalid(source, f"unknown key {key!r} in {where}")
    for key in required:
        if key not in table:
            raise ContentInvalid(source, f"missing field {key!r} in {where}")


def _check_header(data: Table, source: str, body: tuple[str, ...], locale: str | None) -> str:
    """Check `schema` and `locale` at the top of a file; return the file's locale."""
    schema = data.get("schema")
    if schema is None:
        raise ContentInvalid(source, "missing field 'schema' at the top of the file")
    schema = _expect(schema, int, source, "'schema'")
    if schema not in SCHEMA_VERSIONS:
        known = ", ".join(str(v) for v in sorted(SCHEMA_VERSIONS))
        raise ContentInvalid(source, f"schema version {schema} is unknown (known: {known})")
    _check_keys(data, ("schema", "locale", *body), (), source, "the top of the file")
    file_locale = _expect(data["locale"], str, source, "'locale'")
    if not _LOCALE.match(file_locale):
        raise ContentInvalid(source, f"locale {file_locale!r} is not a locale code like 'en'")
    if locale is not None and file_locale != locale:
        raise ContentInvalid(
            source, f"locale mismatch: the file says {file_locale!r} but {locale!r} was expected"
        )
    return file_locale


def _text(value: object, source: str, what: str, limit: int) -> str:
    text = _expect(value, str, source, what).strip()
    if not text:
        raise ContentInvalid(source, f"empty text in {what}")
    if len(text) > limit:
        raise ContentInvalid(source, f"{what} is {len(text)} characters, over {limit}")
    return text


def _tables(value: object, source: str, what: str) -> list[Table]:
    items = _expect(value, list, source, what)
    if not items:
        raise ContentInvalid(source, f"{what} is empty")
    return [_expect(item, dict, source, f"{what} #{n}") for n, item in enumerate(items, 1)]


# --- prompts ---------------------------------------------------------------------


def _prompt(table: Table, number: int, locale: str, source: str) -> Prompt:
    raw_id = table.get("id")
    where = f"prompt {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"prompt #{number}"
    _check_keys(table, _PROMPT_REQUIRED, _PROMPT_OPTIONAL, source, where)
    prompt_id = _expect(table["id"], str, source, f"'id' in {where}")
    if not _ID.match(prompt_id):
        raise ContentInvalid(source, f"id {prompt_id!r} must be kebab-case (a-z, 0-9, dashes)")
    version = _expect(table["version"], int, source, f"'version' in {where}")
    if version < 1:
        raise ContentInvalid(source, f"'version' in {where} must be 1 or more, not {version}")
    theme_name = _expect(table["theme"], str, source, f"'theme' in {where}")
    try:
        theme = Theme(theme_name)
    except ValueError:
        known = ", ".join(t.value for t in Theme)
        raise ContentInvalid(
            source, f"unknown theme {theme_name!r} in {where} (known: {known})"
        ) from None
    concepts = _expect(table["concepts"], list, source, f"'concepts' in {where}")
    if not concepts:
        raise ContentInvalid(source, f"'concepts' in {where} is empty")
    seen: set[str] = set()
    for concept in concepts:
        concept = _expect(concept, str, source, f"each concept in {where}")
        if concept not in CONCEPT_IDS:
            raise ContentInvalid(source, f"unknown concept {concept!r} in {where}")
        if concept in seen:
            raise ContentInvalid(source, f"concept {concept!r} is listed twice in {where}")
        seen.add(concept)
    text = _text(table["text"], source, f"'text' of {where}", MAX_TEXT)
    hint = _text(table["hint"], source, f"'hint' of {where}", MAX_HINT) if "hint" in table else ""
    coaching = _expect(table.get("coaching", False), bool, source, f"'coaching' in {where}")
    if coaching and theme in (Theme.SAFETY, Theme.PRACTICE):
        raise ContentInvalid(source, f"{where}: a {theme.value} prompt must never coach")
    return Prompt(id=prompt_id, version=version, locale=locale, theme=theme,
                  concepts=tuple(concepts), text=text, hint=hint, coaching=coaching)


def validate_prompts_file(
    data: Table, source: str, locale: str | None = None
) -> tuple[Prompt, ...]:
    """Check a parsed prompts file against its schema and return its prompts in file order."""
    file_locale = _check_header(data, source, ("prompt",), locale)
    prompts: list[Prompt] = []
    ids: set[str] = set()
    for number, table in enumerate(_tables(data["prompt"], source, "'prompt'"), 1):
        prompt = _prompt(table, number, file_locale, source)
        if prompt.id in ids:
            raise ContentInvalid(source, f"duplicate id {prompt.id!r}")
        ids.add(prompt.id)
        prompts.append(prompt)
    by_id = {p.id: p for p in prompts}
    for practice_id in PRACTICE_IDS:
        if practice_id not in by_id:
            raise ContentInvalid(source, f"missing practice prompt {practice_id!r}")
        if by_id[practice_id].theme is not Theme.PRACTICE:
            raise ContentInvalid(source, f"practice prompt {practice_id!r} needs theme 'practice'")
    return tuple(prompts)


# --- emotion words ---------------------------------------------------------------


def _scale(value: object, source: str) -> tuple[str, str, str, str, str]:
    table = _expect(value, dict, source, "'scale'")
    keys = tuple(str(n) for n in range(SCALE_LOW, SCALE_HIGH + 1))
    _check_keys(table, keys, (), source, "'scale'")
    low, two, three, four, high = (
        _text(table[key], source, f"scale label {key}", MAX_LABEL) for key in keys
    )
    return (low, two, three, four, high)


def validate_emotions_file(data: Table, source: str, locale: str | None = None) -> EmotionWords:
    """Check a parsed emotion-words file against its schema and return its words."""
    _check_header(data, source, ("scale", "group"), locale)
    scale = _scale(data["scale"], source)
    groups: list[tuple[str, tuple[str, ...]]] = []
    names: set[str] = set()
    seen: set[str] = set()
    for number, table in enumerate(_tables(data["group"], source, "'group'"), 1):
        _check_keys(table, ("name", "words"), (), source, f"group #{number}")
        name = _text(table["name"], source, f"'name' of group #{number}", MAX_WORD)
        if name in names:
            raise ContentInvalid(source, f"duplicate group name {name!r}")
        names.add(name)
        words = _expect(table["words"], list, source, f"'words' of group {name!r}")
        if not words:
            raise ContentInvalid(source, f"'words' of group {name!r} is empty")
        clean: list[str] = []
        for word in words:
            word = _expect(word, str, source, f"each word in group {name!r}")
            if len(word) > MAX_WORD or not _WORD.match(word):
                raise ContentInvalid(
                    source, f"word {word!r} in group {name!r} must be lower-case letters, "
                    f"spaces, dashes or apostrophes, at most {MAX_WORD} characters"
                )
            if word in seen:
                raise ContentInvalid(source, f"duplicate word {word!r}")
            seen.add(word)
            clean.append(word)
        groups.append((name, tuple(clean)))
    return EmotionWords(groups=tuple(groups), scale=scale)


# --- reading package data ----------------------------------------------------------


def _parse(resource: Traversable, source: str) -> dict[str, object]:
    try:
        return tomllib.loads(resource.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ContentInvalid(source, f"not valid TOML: {exc}") from None


def _read(kind: str, locale: str) -> tuple[dict[str, object], str]:
    if not _LOCALE.match(locale):
        raise NotFound("locale", locale)
    resource = resources.files(_PACKAGE).joinpath(kind, f"{locale}.toml")
    if not resource.is_file():
        raise NotFound(f"{kind} locale", locale)
    source = f"{kind}/{locale}.toml"
    return _parse(resource, source), source


def load_prompts(locale: str = "en") -> tuple[Prompt, ...]:
    """All journaling prompts for a locale, checked, in file order; read once per process."""
    return _load_prompts(locale)


@functools.cache
def _load_prompts(locale: str) -> tuple[Prompt, ...]:
    data, source = _read("prompts", locale)
    return validate_prompts_file(data, source, locale)


def prompt_by_id(prompt_id: str, locale: str = "en") -> Prompt:
    """One prompt by its stable id; NotFound if no prompt has it."""
    for prompt in load_prompts(locale):
        if prompt.id == prompt_id:
            return prompt
    raise NotFound("prompt", prompt_id)


def load_emotions(locale: str = "en") -> EmotionWords:
    """The emotion words and mood-scale labels for a locale, checked; read once per process."""
    return _load_emotions(locale)


@functools.cache
def _load_emotions(locale: str) -> EmotionWords:
    data, source = _read("emotions", locale)
    return validate_emotions_file(data, source, locale)


Validator = Callable[[Table, str, str], object]

VALIDATORS: dict[str, Validator] = {
    "prompts": validate_prompts_file,
    "emotions": validate_emotions_file,
    "practices": validate_practices_file,
    "instruments/en": validate_instrument_file,
    "cycle": validate_cycle_file,
    "decide": validate_decide_file,
    "resources": validate_resources_file,
    "help": validate_help_file,
    "coverage": validate_coverage_file,
}
"""Schema check per content folder; a file is named after its locale (`en.toml`)."""


def _toml_files(folder: Traversable, prefix: str) -> Iterator[tuple[Traversable, str]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _toml_files(entry, f"{prefix}{entry.name}/")
        elif entry.is_file() and entry.name.endswith(".toml"):
            yield entry, f"{prefix}{entry.name}"


def validate_all() -> list[str]:
    """Check every TOML file shipped under content/; return the files checked.

    Files in a folder with a VALIDATORS entry get its full schema check; any
    other TOML file must at least parse. Raises ContentInvalid on the first error.
    """
    checked: list[str] = []
    for resource, source in _toml_files(resources.files(_PACKAGE), ""):
        data = _parse(resource, source)
        folder, _, name = source.rpartition("/")
        validator = VALIDATORS.get(folder)
        if validator is not None:
            validator(data, source, name.removesuffix(".toml"))
        checked.append(source)
    return checked
