"""The log's new answer kinds survive export and restore, and the evidence reads the same."""

from __future__ import annotations

from pathlib import Path

from evidence_vault import NOW, Fixed, at  # type: ignore[import-not-found]

from clearheart.services import archive
from clearheart.services.workspace import Workspace


def test_an_archive_keeps_the_answers_and_the_digest_is_unchanged(
    workspace: Workspace, tmp_path: Path
) -> None:
    for day, kind, note in (
        ("2026-04-01", "named_took_on", "He listened."),
        ("2026-04-02", "named_brushed_off", None),
        ("2026-05-03", "named_turned_back", "It came back at me."),
        ("2026-05-04", "need_unmet", None),
    ):
        workspace.log.add(kind, note=note, at=at(day))
    workspace.journal.add("A day.", mood=2, at=NOW)
    before = workspace.evidence.digest()
    saved = tmp_path / "all.jsonl"
    archive.export(workspace.vault.engine, saved, "an archive passphrase", NOW)

    home = tmp_path / "other"
    other = Workspace.create(home, "another passphrase here", Fixed())
    try:
        opened = archive.open_archive(saved, "an archive passphrase")
        try:
            archive.restore(other.vault.engine, opened, home)
        finally:
            opened.close()
        assert [(e.kind, e.note, e.at) for e in other.log.entries()] == [
            (e.kind, e.note, e.at) for e in workspace.log.entries()
        ]
        assert other.evidence.digest() == before
    finally:
        other.close()
