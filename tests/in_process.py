"""The CLI's `main()` run in this process, as a script would call it, with its exit code and
both streams captured. Shared by tests/cli (`call_main`) and tests/security; importable from
any test because tests/ holds the root conftest (pytest's default import mode puts it on
sys.path)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TextIO

import pytest


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             args: tuple[str, ...], stdin: TextIO | None = None) -> Result:
    """`clearheart ARGS` through `main()`, reading `stdin` (empty when None)."""
    from clearheart.cli.main import main

    monkeypatch.setattr("sys.stdin", stdin if stdin is not None else io.StringIO(""))
    capsys.readouterr()
    code = 0
    try:
        main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return Result(code, out, err)
