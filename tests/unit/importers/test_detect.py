"""Choosing the importer: auto-detection order, explicit formats, missing importers."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from clearheart.importers import detect
from clearheart.importers.base import FORMATS, ImportProblem, Options

DATA = Path(__file__).resolve().parents[2] / "data"


def test_the_registry_covers_every_format_in_order() -> None:
    assert tuple(detect.REGISTRY) == FORMATS
    assert next(iter(detect.REGISTRY)) == "whatsapp" and list(detect.REGISTRY)[-1] == "csv"


@pytest.mark.parametrize(("path", "fmt"), [
    (DATA / "whatsapp" / "_chat.txt", "whatsapp"),
    (DATA / "whatsapp" / "android-fr.txt", "whatsapp"),
    (DATA / "whatsapp" / "WhatsApp Chat with Sam.txt", "whatsapp"),
    (DATA / "csv" / "chat.csv", "csv"),
    (DATA / "csv" / "tabs.tsv", "csv"),
])
def test_auto_detects_whatsapp_and_csv(path: Path, fmt: str) -> None:
    assert detect.detect(path) == fmt
    source = detect.open_chat(path)
    assert source.format == fmt
    assert next(iter(source.messages())) is not None


def test_a_whatsapp_zip_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat - Sam.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(DATA / "whatsapp" / "_chat.txt", "_chat.txt")
    source = detect.open_chat(path)
    assert (source.format, source.title) == ("whatsapp", "Sam")


def test_an_unknown_file_says_to_use_format(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("dear diary\n")
    with pytest.raises(ImportProblem) as caught:
        detect.open_chat(path)
    assert "could not tell which app" in caught.value.message
    assert "--format" in caught.value.message and "notes.txt" in caught.value.message


def test_an_unknown_format_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem) as caught:
        detect.open_chat(DATA / "csv" / "chat.csv", "wechat")
    assert "'wechat' is not a format" in caught.value.message
    assert all(fmt in caught.value.message for fmt in FORMATS)


def test_an_explicit_format_skips_detection() -> None:
    source = detect.open_chat(DATA / "whatsapp" / "ambiguous.txt", "whatsapp",
                              Options(date_order="dmy"))
    assert source.format == "whatsapp"


def test_a_missing_file_is_a_problem() -> None:
    with pytest.raises(ImportProblem, match="no such file"):
        detect.open_chat(DATA / "nope.txt")


def test_importers_not_written_yet_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = dict(detect.REGISTRY)
    registry["telegram"] = "clearheart.importers.not_written_yet"
    monkeypatch.setattr(detect, "REGISTRY", registry)
    assert detect.importer("telegram") is None
    assert detect.detect(DATA / "csv" / "chat.csv") == "csv"
    with pytest.raises(ImportProblem, match="not available"):
        detect.open_chat(DATA / "csv" / "chat.csv", "telegram")


def test_a_broken_importer_is_not_mistaken_for_a_missing_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken_importer_for_test.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(detect, "REGISTRY", {**detect.REGISTRY,
                                             "telegram": "broken_importer_for_test"})
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_xyz"):
        detect.importer("telegram")
    sys.modules.pop("broken_importer_for_test", None)


def test_hostile_zips_are_refused_during_detection(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../_chat.txt", "x")
    with pytest.raises(ImportProblem, match="leaves"):
        detect.open_chat(path)
