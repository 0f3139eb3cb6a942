"""Which app an export comes from, and the importer that reads it.

Importer modules are imported only when asked for, by name, so a missing or
not-yet-written importer costs nothing and `clearheart --help` stays fast.
For `--format auto` each module's cheap `sniff` is asked in a fixed order:
the formats with unmistakable names or structure first, CSV last.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from clearheart.importers.base import FORMATS, ImportProblem, Options, Source

REGISTRY: dict[str, str] = {
    "whatsapp": "clearheart.importers.whatsapp",
    "telegram": "clearheart.importers.telegram",
    "messenger": "clearheart.importers.messenger",
    "instagram": "clearheart.importers.messenger",
    "signal": "clearheart.importers.signal",
    "imessage": "clearheart.importers.imessage",
    "csv": "clearheart.importers.csv_chat",
}
"""Every `--format` value and the module that reads it, in the order auto-detection tries."""
DEFAULT_OPTIONS = Options()
assert tuple(REGISTRY) == FORMATS


def importer(fmt: str) -> ModuleType | None:
    """The module for a format, or None when that importer does not exist (yet)."""
    name = REGISTRY[fmt]
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:
            return None
        raise


def detect(path: Path) -> str | None:
    """The first format whose importer recognises the file, or None."""
    if not path.exists():
        raise ImportProblem(path, "there is no such file or folder")
    tried: set[str] = set()
    for fmt, module_name in REGISTRY.items():
        if module_name in tried:
            continue
        tried.add(module_name)
        module = importer(fmt)
        if module is not None and module.sniff(path):
            return fmt
    return None


def open_chat(path: Path, fmt: str = "auto", options: Options = DEFAULT_OPTIONS) -> Source:
    """Open one chat from an export; `fmt` is a FORMATS value or "auto"."""
    explicit = fmt != "auto"
    if not explicit:
        found = detect(path)
        if found is None:
            raise ImportProblem(
                path,
                "we could not tell which app this export comes from; use --format "
                + ", ".join(FORMATS),
            )
        fmt = found
    if fmt not in REGISTRY:
        raise ImportProblem(
            path, f"{fmt!r} is not a format we know; use auto or one of " + ", ".join(FORMATS)
        )
    module = importer(fmt)
    if module is None:
        raise ImportProblem(path, f"reading {fmt} exports is not available in this version")
    if explicit and len(getattr(module, "FORMATS", ())) > 1:
        # One module reads several formats (Messenger and Instagram): say which was asked for.
        chosen: Source = module.open_source(path, options, as_format=fmt)
        return chosen
    source: Source = module.open_source(path, options)
    return source
