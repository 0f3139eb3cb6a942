"""Which app an export comes from, and the importer that reads it.

Importer modules are imported only when asked for, by name, so a missing or
not-yet-written importer costs nothing and `clearheart --help` stays fast.
For `--format auto` a single file is judged by its first bytes (see
sniff.py), so a renamed or re-downloaded file is still known; a folder or a
zip, and a file whose content no app claims, go to each module's cheap
`sniff` in a fixed order: the formats with unmistakable names or structure
first, CSV last.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from clearheart.importers.archive import is_zip
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
    """The format a file's content shows, else the first whose importer recognises it, or None.

    Raises FormatChoiceNeeded when the content fits two apps and the name does not settle it.
    """
    if not path.exists():
        raise ImportProblem(path, "there is no such file or folder")
    if path.is_file() and not is_zip(path):
        from clearheart.importers import sniff  # reads with every importer's rules: on demand

        try:
            found = sniff.choose(path, sniff.read_head(path))
        except OSError as error:
            raise ImportProblem(path, f"it cannot be read ({error.strerror})") from None
        if found is not None:
            return found
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
    chosen = fmt != "auto"
    if not chosen:
        found = detect(path)
        if found is None:
            raise ImportProblem(
                path,
                "we could not tell which app this export comes from; use --format "
                + ", ".join(FORMATS),
            )
        fmt = found
        # A single file's format came from its content: it holds even where the path disagrees.
        chosen = path.is_file() and not is_zip(path)
    if fmt not in REGISTRY:
        raise ImportProblem(
            path, f"{fmt!r} is not a format we know; use auto or one of " + ", ".join(FORMATS)
        )
    module = importer(fmt)
    if module is None:
        raise ImportProblem(path, f"reading {fmt} exports is not available in this version")
    if chosen and len(getattr(module, "FORMATS", ())) > 1:
        # One module reads several formats (Messenger and Instagram): say which was meant.
        picked: Source = module.open_source(path, options, as_format=fmt)
        return picked
    source: Source = module.open_source(path, options)
    return source
