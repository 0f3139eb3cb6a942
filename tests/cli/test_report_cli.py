"""`clearheart report`: the file, written whole or not at all; bad input is exit 2 with one
clear line and nothing written; help first and no coaching while the gate is closed."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clearheart.web.clarity import report as making

Run = Callable[..., Any]
"""The conftest's `vault` runner (not imported: every test folder has a conftest)."""

SAMPLE = "WhatsApp Chat with Sam.txt"

def test_the_default_file_is_a_pdf_with_a_plain_name_here(
    vault: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert vault("journal", "add", "A long day.").code == 0
    result = vault("report")
    assert result.code == 0, result.err
    made = tmp_path / f"notes-{date.today().isoformat()}.pdf"
    assert made.read_bytes().startswith(b"%PDF-")
    assert result.out.startswith(f"Wrote {made.name} (")
    assert not list(tmp_path.glob(".*tmp*"))


def test_html_is_one_self_contained_file(vault: Run, tmp_path: Path) -> None:
    out = tmp_path / "mine.html"
    result = vault("report", "--out", str(out), "--format", "html", "--since", "2020-01-01")
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "from 1 January 2020 to" in text
    assert not re.search(r"""\b(?:src|href)\s*=|<link|<script""", text)


@pytest.mark.parametrize(("args", "words"), [
    (("--since", "2025-13-01"), "'2025-13-01' does not match the format"),
    (("--since", "2099-01-01"), "--since: 2099-01-01 is after today"),
    (("--format", "docx"), "'docx' is not one of 'pdf', 'html'"),
    (("--paper", "a3"), "'a3' is not one of 'a4', 'letter'"),
])
def test_bad_input_is_exit_2_and_loses_nothing(
    vault: Run, tmp_path: Path, args: tuple[str, ...], words: str,
) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"what was here before")
    result = vault("report", "--out", str(out), *args)
    assert result.code == 2, (result.out, result.err)
    assert words in result.err
    assert out.read_bytes() == b"what was here before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "kept.pdf"]


def test_an_out_that_cannot_be_written_is_exit_2_before_any_work(
    vault: Run, tmp_path: Path,
) -> None:
    result = vault("report", "--out", str(tmp_path / "missing" / "notes.pdf"))
    assert result.code == 2
    assert result.err.strip() == (
        f"clearheart: --out: the folder {tmp_path / 'missing'} does not exist")
    folder = vault("report", "--out", str(tmp_path))
    assert folder.code == 2
    assert "is a directory" in folder.err
    assert not (tmp_path / "missing").exists()


def test_a_failure_while_writing_leaves_the_old_file_and_no_partial_one(
    vault: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"what was here before")

    def broken(*_: object) -> bytes:
        raise OSError(28, "No space left on device", str(out))

    monkeypatch.setattr(making, "render", broken)
    result = vault("report", "--out", str(out))
    assert result.code == 1
    assert "No space left on device" in result.err
    assert out.read_bytes() == b"what was here before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "kept.pdf"]


def test_while_unsafe_help_comes_first_and_nothing_coaches(vault: Run, tmp_path: Path) -> None:
    assert vault("log", "add", "need_unmet", "--note", "a call I hoped for").code == 0
    out = tmp_path / "n.html"
    assert vault("report", "--out", str(out), "--format", "html").code == 0
    safe = out.read_text(encoding="utf-8")
    assert "data-coaching" in safe and "Questions you might bring" in safe
    assert "Your safety comes first" not in safe
    assert vault("safety", "unsafe").code == 0
    assert vault("report", "--out", str(out), "--format", "html").code == 0
    unsafe = out.read_text(encoding="utf-8")
    assert "data-coaching" not in unsafe and "Questions you might bring" not in unsafe
    first = unsafe.index("<h2>")
    assert unsafe[first:].startswith("<h2>Your safety comes first</h2>")
    assert "a call I hoped for" in unsafe  # the person's own words stay


def test_the_chosen_chat_is_used_and_an_unknown_one_is_one_clear_line(
    vault: Run, tmp_path: Path,
) -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "whatsapp" / SAMPLE
    imported = vault("import", "chat", str(sample), "--me", "Alex")
    assert imported.code == 0, imported.err
    chosen = vault("report", "--chat", "1", "--format", "html", "--out", str(tmp_path / "a.html"))
    assert chosen.code == 0, chosen.err
    assert "Messages: You and Sam" in (tmp_path / "a.html").read_text(encoding="utf-8")
    missing = vault("report", "--chat", "7", "--out", str(tmp_path / "b.pdf"))
    assert missing.code == 1
    assert "No chat with id 7." in missing.err
    assert not (tmp_path / "b.pdf").exists()

