"""The CLI contract: names, flags and JSON fields other tools script against."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from clearheart.cli.main import COMMANDS
from conftest import Run  # type: ignore[import-not-found]


def test_help_lists_every_command_on_one_line(run: Run) -> None:
    result = run("--help")
    assert result.code == 0
    lines = result.out.splitlines()
    for name in COMMANDS:
        assert sum(1 for line in lines if line.strip().startswith(name + " ")) == 1, name


def test_help_does_not_import_the_heavy_layers() -> None:
    code = (
        "import sys\nfrom clearheart.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('sqlalchemy', 'starlette', 'argon2', 'cryptography', 'alembic') "
        "if m in sys.modules]\nprint(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_every_subcommand_has_help(run: Run) -> None:
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.code == 0 and "Usage:" in result.out, name


def test_no_vault_yet_says_what_to_do(run: Run) -> None:
    result = run("journal", "list")
    assert result.code == 1
    assert result.err.strip().endswith("Run `clearheart init` to create one.")
    assert "Traceback" not in result.err


def test_init_refuses_a_short_passphrase_and_an_existing_vault(run: Run) -> None:
    short = run("init", CLEARHEART_PASSPHRASE="short")
    assert short.code == 1 and "at least 8 characters" in short.err
    assert run("init").code == 0
    again = run("init")
    assert again.code == 1 and "already exists" in again.err


def test_no_passphrase_without_a_terminal_is_a_clear_error(run: Run) -> None:
    assert run("init").code == 0
    result = run("journal", "list", CLEARHEART_PASSPHRASE=None)
    assert result.code == 1
    assert "CLEARHEART_PASSPHRASE" in result.err and "Traceback" not in result.err


def test_wrong_passphrase_is_one_line_and_non_zero(run: Run) -> None:
    assert run("init").code == 0
    result = run("journal", "list", CLEARHEART_PASSPHRASE="not the right one")
    assert result.code == 3
    assert result.err.strip().count("\n") == 0
    assert "passphrase" in result.err and "Traceback" not in result.err


def test_journal_add_list_search_contract(run: Run) -> None:
    assert run("init").code == 0
    first = run("journal", "add", "Walked by the river, felt steady", "--json",
                "--mood", "4", "--emotion", "calm", "--tag", "walk")
    assert first.code == 0, first.err
    added = json.loads(first.out)
    assert set(added) == {"id", "created", "crisis"} and added["id"] == 1 and added["crisis"] == []
    piped = run("journal", "add", "-", "--prompt", "morning-intention", "--json",
                input="From standard input\nwith two lines\n")
    assert json.loads(piped.out)["id"] == 2
    listed = json.loads(run("journal", "list", "--json").out)
    assert [set(e) for e in listed] == [{"id", "created", "text", "prompt", "mood", "tags"}] * 2
    assert listed[0]["mood"] == {"score": 4, "words": ["calm"]}
    assert listed[0]["tags"] == ["walk"] and listed[0]["created"] == added["created"]
    assert listed[1]["text"] == "From standard input\nwith two lines"
    assert listed[1]["prompt"] == "morning-intention" and listed[1]["mood"] is None
    found = json.loads(run("journal", "search", "stead", "--json").out)
    assert [e["id"] for e in found] == [1]
    assert run("journal", "search", "nothing-like-this", "--json").out.strip() == "[]"
    text = run("journal", "list")
    assert "Walked by the river" in text.out and "#walk" in text.out


def test_bad_input_is_named_and_nothing_is_lost(run: Run) -> None:
    assert run("init").code == 0
    assert run("journal", "add", "keep me").code == 0
    for args in (["journal", "add", "x", "--prompt", "no-such-prompt"],
                 ["journal", "add", "x", "--mood", "9"],
                 ["journal", "add", "x", "--emotion", "calm"],
                 ["journal", "add", "   "]):
        result = run(*args)
        assert result.code == 1, args
        assert "Traceback" not in result.err and result.err.startswith("clearheart: ")
    assert [e["text"] for e in json.loads(run("journal", "list", "--json").out)] == ["keep me"]


def test_edit_entry_keeps_what_is_not_given(run: Run) -> None:
    assert run("init").code == 0
    run("journal", "add", "first draft", "--mood", "2", "--emotion", "tired", "--tag", "night")
    before = json.loads(run("journal", "list", "--json").out)[0]
    edited = run("journal", "edit", "1", "second draft", "--json")
    assert edited.code == 0, edited.err
    after = json.loads(edited.out)
    assert after == {**before, "text": "second draft"}
    retagged = json.loads(run("journal", "edit", "1", "--tag", "morning", "--json").out)
    assert retagged["tags"] == ["morning"] and retagged["text"] == "second draft"
    assert retagged["mood"] == {"score": 2, "words": ["tired"]}
    bad = run("journal", "edit", "1", "x", "--mood", "9")
    assert bad.code == 1 and "Traceback" not in bad.err
    missing = run("journal", "edit", "7", "x")
    assert missing.code == 1 and "No journal entry with id 7" in missing.err
    assert json.loads(run("journal", "list", "--json").out)[0]["text"] == "second draft"


def test_delete_entry(run: Run) -> None:
    assert run("init").code == 0
    run("journal", "add", "to be deleted")
    assert run("journal", "delete", "1", "--yes").code == 0
    assert json.loads(run("journal", "list", "--json").out) == []
    missing = run("journal", "delete", "1", "--yes")
    assert missing.code == 1 and "No journal entry with id 1" in missing.err


def test_practices_today_done_history_and_calendar(run: Run, tmp_path: Path) -> None:
    assert run("init").code == 0
    done = run("practices", "done", "morning", "Go gently today", "--json")
    assert done.code == 0, done.err
    evening = run("practices", "done", "evening", "Tea with a friend", "--moment", "connection")
    assert evening.code == 0, evening.err
    needs_moment = run("practices", "done", "evening", "Quiet evening")
    assert needs_moment.code == 1 and "connection" in needs_moment.err
    today = json.loads(run("practices", "today", "--json").out)
    assert today[0] == {"practice": "morning_intention", "state": "done",
                        "entry": json.loads(done.out)["id"], "prompt": "morning-intention"}
    history = json.loads(run("practices", "history", "--json").out)
    assert history[0]["practices"] == ["evening_reflection", "morning_intention"]
    out = tmp_path / "schedule.ics"
    assert run("practices", "ics", "--out", str(out)).code == 0
    calendar = out.read_text()
    assert calendar.count("BEGIN:VEVENT") == 3
    assert "Go gently" not in calendar and "Tea with a friend" not in calendar
    assert "clearheart" not in calendar.lower()
    entries = json.loads(run("journal", "list", "--json").out)
    assert entries[1]["tags"] == ["connection"]


def test_prompts_listing(run: Run) -> None:
    prompts = json.loads(run("prompts", "--json").out)
    assert len(prompts) >= 40
    assert {"id", "theme", "concepts", "text", "coaching"} == set(prompts[0])
    bad = run("prompts", "--theme", "nope")
    assert bad.code == 1 and "choose one of" in bad.err


def test_passphrase_change(run: Run) -> None:
    assert run("init").code == 0
    run("journal", "add", "still here")
    changed = run("passphrase", CLEARHEART_NEW_PASSPHRASE="a whole new phrase")
    assert changed.code == 0, changed.err
    assert run("journal", "list", "--json").code == 3
    again = run("journal", "list", "--json", CLEARHEART_PASSPHRASE="a whole new phrase")
    assert json.loads(again.out)[0]["text"] == "still here"


def test_export_restore_round_trip_and_refusals(run: Run, tmp_path: Path) -> None:
    assert run("init").code == 0
    run("journal", "add", "first", "--mood", "2", "--emotion", "tired", "--tag", "night")
    run("practices", "done", "morning", "Breathe first")
    archive = tmp_path / "backup.chx"
    assert run("export", "--out", str(archive)).code == 0
    assert b"Breathe first" not in archive.read_bytes()
    original = json.loads(run("journal", "list", "--json").out)

    other = tmp_path / "other"
    restored = run("restore", str(archive), home=other)
    assert restored.code == 0, restored.err
    assert json.loads(run("journal", "list", "--json", home=other).out) == original

    # Into a vault that already has entries: refused, nothing changed.
    again = run("restore", str(archive), home=other)
    assert again.code == 1 and "empty vault" in again.err
    assert json.loads(run("journal", "list", "--json", home=other).out) == original

    # A wrong passphrase and a damaged file are clear errors, and create nothing.
    third = tmp_path / "third"
    wrong = run("restore", str(archive), home=third, CLEARHEART_PASSPHRASE="not the same one")
    assert wrong.code == 3 and not (third / "vault.key").exists()
    damaged = tmp_path / "damaged.chx"
    damaged.write_bytes(archive.read_bytes()[:-10])
    broken = run("restore", str(damaged), home=third)
    assert broken.code == 1 and "cut off" in broken.err and not (third / "vault.key").exists()


def test_plain_export_warns_asks_and_restores(run: Run, tmp_path: Path) -> None:
    assert run("init").code == 0
    run("journal", "add", "readable on purpose")
    plain = tmp_path / "plain.json"
    refused = run("export", "--out", str(plain), "--plain")
    assert refused.code != 0 and not plain.exists()
    assert "readable by anyone" in refused.err
    assert run("export", "--out", str(plain), "--plain", "--yes").code == 0
    header, *rows = [json.loads(line) for line in plain.read_text().splitlines()]
    assert header["format"] == "archive"
    assert "clearheart" not in plain.read_text().splitlines()[0].lower()
    assert rows[0] == {"table": "journal_entries", "row": rows[0]["row"]}
    assert rows[0]["row"]["text"] == "readable on purpose"
    assert run("restore", str(plain), home=tmp_path / "fromplain").code == 0
    listed = json.loads(run("journal", "list", "--json", home=tmp_path / "fromplain").out)
    assert listed[0]["text"] == "readable on purpose"
    not_json = tmp_path / "notes.txt"
    not_json.write_text("hello")
    bad = run("restore", str(not_json), home=tmp_path / "x")
    assert bad.code == 1 and "not valid JSON" in bad.err


def test_python_dash_m_works() -> None:
    out = subprocess.run([sys.executable, "-m", "clearheart", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("clearheart, version")


def test_an_unusable_home_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("init", home=blocker / "vault")
    assert result.code == 1
    assert result.err.startswith("clearheart: ") and "Traceback" not in result.err
    assert str(blocker) in result.err
