"""The pattern code is pure domain code: standard library only, no clock, no I/O, small files."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import clearheart.domain.patterns as package

SOURCE = Path(package.__file__).parent
MODULES = sorted(SOURCE.glob("*.py"))
FORBIDDEN_CALLS = {"open", "print", "input"}
FORBIDDEN_ATTRIBUTES = {"now", "today", "utcnow", "time", "perf_counter", "monotonic", "urandom"}


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_standard_library_and_the_domain() -> None:
    """(and the one error module every layer shares)"""
    assert MODULES
    for path in MODULES:
        for name in _imports(ast.parse(path.read_text())):
            top = name.split(".")[0]
            inside = name.startswith("clearheart.domain") or name == "clearheart.errors"
            assert top in sys.stdlib_module_names or inside, (
                path.name,
                name,
            )


def test_no_clock_no_io_no_hidden_randomness() -> None:
    for path in MODULES:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, (path.name, node.func.id)
            if isinstance(node, ast.Attribute):
                assert node.attr not in FORBIDDEN_ATTRIBUTES, (path.name, node.attr)
        imported = _imports(tree)
        assert "time" not in imported and "os" not in imported, path.name
        if "random" in imported:
            # Only as a type: the caller passes a seeded random.Random in.
            assert "random.Random(" not in path.read_text().replace("rng: random.Random", "")


def test_modules_stay_small() -> None:
    for path in MODULES:
        assert len(path.read_text().splitlines()) <= 420, path.name
