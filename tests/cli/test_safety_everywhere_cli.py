"""Safety before coaching, in every command: walked in a safe and an unsafe vault.

Every command of the CLI is listed in WALK, either with the arguments that make it print
what it prints (run in both states), or with why it prints no guidance at all; a new
command fails `test_every_command_is_listed` until it is listed. While the gate is closed
no coaching shows: the JSON coaching fields are empty and no coaching words from the safe
run appear; while open, the commands that coach do coach, so the test cannot pass by
removing coaching.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest

from clearheart.cli.main import COMMANDS, cli
from clearheart.content.loader import load_prompts
from clearheart.store import vault as vault_module
from clearheart.store.kdf import MIN_MEMORY_KIB, MIN_TIME_COST, KdfParams

PASSPHRASE = "correct horse battery"
"""As tests/cli/conftest.py has it; not imported, as every test folder has a conftest."""
Run = Callable[..., Any]
"""`call(*args, input=...)` → the conftest's Result (code, out, err)."""
DATA = Path(__file__).resolve().parents[1] / "data"
HARSH = "You never answer me. Whatever, I'm done waiting. Call me tonight or we're over."
ANSWERS = ("--happened", "I texted at eight and heard nothing until midnight",
           "--felt", "worried and a bit alone", "--need", "to know you're ok",
           "--request", "send a quick text when you're running late")



@pytest.fixture(autouse=True)
def floor_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """New vaults here take the lowest key-derivation cost a keyfile accepts: the walk
    opens the vault some 200 times to check coaching, not the key derivation, which
    takes most of its time at the default cost (tests/store covers the KDF)."""
    monkeypatch.setattr(
        vault_module, "KdfParams",
        lambda: KdfParams(memory_kib=MIN_MEMORY_KIB, time_cost=MIN_TIME_COST),
    )


WALK: dict[str, tuple[tuple[str, ...], ...] | str] = {
    "init": "creates a vault; prints where",
    "passphrase": "changes the passphrase; prints a confirmation",
    "journal add": (("journal", "add", "A long day, and I am tired."),
                    ("journal", "add", "A quiet evening.", "--json")),
    "journal list": (("journal", "list"), ("journal", "list", "--json")),
    "journal search": (("journal", "search", "day"),),
    "journal edit": "rewrites an entry; prints a confirmation",
    "journal delete": "deletes an entry; prints a confirmation",
    "prompts": (("prompts",), ("prompts", "--json")),
    "practices today": (("practices", "today"), ("practices", "today", "--json")),
    "practices done": (("practices", "done", "morning", "One slow breakfast."),),
    "practices history": (("practices", "history"),),
    "practices ics": "writes a calendar file (its words are checked by test_files_*)",
    "assess list": (("assess", "list"),),
    "assess take": "walked by test_a_questionnaire_take_*: it closes the gate itself",
    "assess results": (("assess", "results", "closeness-and-worry"),),
    "assess load": "loads a file; prints a confirmation",
    "assess remove": "removes a loaded file; prints a confirmation",
    "assess delete": "deletes a take; prints a confirmation",
    "log add": (("log", "add", "bid_toward", "--note", "a walk together"),),
    "log list": (("log", "list"),),
    "log kinds": (("log", "kinds"),),
    "log delete": "deletes an entry; prints a confirmation",
    "log summary": (("log", "summary"),),
    "cycle show": (("cycle", "show"),),
    "cycle set": "saves a map from a file; prints a confirmation",
    "cycle svg": (("cycle", "svg"), ("cycle", "show", "--json")),
    "cycle delete": "deletes the map; prints a confirmation",
    "cycle explain": (("cycle", "explain"), ("cycle", "explain", "--json")),
    "import chat": "reads a file; prints what it found",
    "chats": (("chats",),),
    "chat me": "names who is you; prints a confirmation",
    "chat alias": "names the other person; prints a confirmation",
    "chat delete": "deletes a chat; prints a confirmation",
    "messages": (("messages", "1"),),
    "patterns": (("patterns", "1"), ("patterns", "2", "--split", "2024-04-01"),
                 ("patterns", "2", "--split", "2024-04-01", "--json")),
    "learn list": (("learn", "list"), ("learn", "list", "--json")),
    "learn show": (("learn", "show", "the-loop"), ("learn", "show", "the-loop", "--json"),
                   ("learn", "show", "asking-clearly", "--json")),
    "learn sources": (("learn", "sources"),),
    "learn forget": "clears the read marks only; prints a confirmation "
                    "(tests/cli/test_learn_reads_cli.py)",
    "evidence": (("evidence",), ("evidence", "--json"), ("evidence", "--since", "2020-01-01")),
    "check": (("check", HARSH), ("check", HARSH, "--json"), ("check", HARSH, *ANSWERS),
              ("check", HARSH, "--json", *ANSWERS)),
    "safety status": (("safety", "status"), ("safety", "status", "--json")),
    "safety unsafe": "the switch itself (test_the_switch_*)",
    "safety safe": "the switch itself (test_the_switch_*)",
    "safety history": (("safety", "history"),),
    "safety help": (("safety", "help"), ("safety", "help", "--json")),
    "safety country": (("safety", "country"),),
    "safety plan show": (("safety", "plan", "show"),),
    "safety plan load": "replaces the plan from a file; prints a confirmation",
    "safety plan clear": "deletes the plan; prints a confirmation",
    "safety plan add": "copies someone from your people into the plan; prints a confirmation",
    "support add": (("support", "add", "Maya", "--for", "talk", "--every", "1d"),),
    "support list": (("support", "list"), ("support", "list", "--json")),
    "support show": (("support", "show", "1"), ("support", "show", "1", "--json")),
    "support edit": "changes what was said about someone; prints a confirmation",
    "support remove": "removes someone; prints a confirmation",
    "support reached": (("support", "reached", "1", "--on", "2020-01-01"),),
    "support due": (("support", "due"), ("support", "due", "--json")),
    "pen hold": (("pen", "hold", "Are you coming home tonight?"),),
    "pen list": (("pen", "list"),),
    "pen show": (("pen", "show", "1"),),
    "pen decide": "records a decision; prints a confirmation",
    "pen delete": "deletes a held draft; prints a confirmation",
    "report": "writes a file; its words, in both states, by tests/cli/test_report_cli.py",
    "decide status": (("decide", "status"), ("decide", "status", "--json")),
    "promise show": (("promise", "show"), ("promise", "show", "--json")),
    "promise edit": "saves a version; refused while resting (tests/cli/test_promise_cli.py)",
    "promise pin": "pins an entry; refused while resting (tests/cli/test_promise_cli.py)",
    "promise unpin": "unpins an entry; refused while resting (tests/cli/test_promise_cli.py)",
    "journal nudges": (("journal", "nudges"), ("journal", "nudges", "--json")),
    "journal set-aside": "sets a question aside; prints a confirmation",
    "decide start": "begins the aid; refused while resting (tests/cli/test_decide_cli.py)",
    "decide go": "moves to a step; refused while resting (tests/cli/test_decide_cli.py)",
    "decide values": (("decide", "values"), ("decide", "values", "--json")),
    "decide rate": (("decide", "rate"),),
    "decide sure": "records answers; refused while resting (tests/cli/test_decide_cli.py)",
    "decide options": (("decide", "options"), ("decide", "options", "--json")),
    "decide plan": (("decide", "plan"), ("decide", "plan", "--json")),
    "decide history": (("decide", "history"), ("decide", "history", "--json")),
    "decide questions": (("decide", "questions"),),
    "nocontact start": (("nocontact", "start", "--counts", "texting;calls",
                         "--exception", "the children"),),
    "nocontact rules": (("nocontact", "rules"), ("nocontact", "rules", "--json")),
    "nocontact status": (("nocontact", "status"), ("nocontact", "status", "--json")),
    "nocontact contact": (("nocontact", "contact", "--exception", "the children"),),
    "nocontact history": (("nocontact", "history"), ("nocontact", "history", "--json")),
    "nocontact letter add": (("nocontact", "letter", "add", "Words I keep."),),
    "nocontact letter list": (("nocontact", "letter", "list"),
                              ("nocontact", "letter", "list", "--json")),
    "nocontact letter show": (("nocontact", "letter", "show", "1", "--json"),),
    "nocontact letter delete": "deletes a letter; prints a confirmation",
    "urge log": (("urge", "log", "6", "--trigger", "night"),),
    "urge list": (("urge", "list"), ("urge", "list", "--json")),
    "urge summary": (("urge", "summary"), ("urge", "summary", "--json")),
    # `dating checklist` and `dating commitments` alone show; walked under a subcommand's key
    "dating checklist suggest": (("dating", "checklist"), ("dating", "checklist", "--json"),
                                 ("dating", "checklist", "suggest"),
                                 ("dating", "checklist", "suggest", "--json")),
    "dating checklist accept": "adds a suggestion; refused while resting (test_dating_cli.py)",
    "dating checklist edit": "rewords an item; prints a confirmation",
    "dating checklist remove": "removes an item; prints a confirmation",
    "dating checklist add": "adds an item in the person's words; prints a confirmation",
    "dating person add": "starts a notebook; prints its number",
    "dating person list": (("dating", "person", "list"), ("dating", "person", "list", "--json")),
    "dating person show": (("dating", "person", "show", "1"),
                           ("dating", "person", "show", "1", "--json")),
    "dating person rename": "renames a notebook; prints a confirmation",
    "dating person delete": "deletes a notebook; prints a confirmation",
    "dating checklist history": (("dating", "checklist", "history"),
                                 ("dating", "checklist", "history", "--json")),
    "dating note add": (("dating", "note", "add", "Jo", "A walk by the water; easy company."),),
    "dating note edit": "changes an entry; prints a confirmation (test_dating_notes_cli.py)",
    "dating note delete": "deletes an entry; prints a confirmation (test_dating_notes_cli.py)",
    "dating commitments edit": (("dating", "commitments"), ("dating", "commitments", "--json")),
    "dating commitments history": (("dating", "commitments", "history"),
                                   ("dating", "commitments", "history", "--json")),
    "serve": "runs the web app (walked by tests/web/test_safety_everywhere.py)",
    "demo": "runs the web app on a throwaway vault",
    "export": "writes an archive; prints a count",
    "restore": "reads an archive; prints a count",
    "salvage": "writes an archive of what a damaged vault still reads; prints counts",
}
COACHES_WHEN_SAFE = ("check", "prompts", "decide", "dating", "learn")


def leaves(group: click.Group, prefix: str = "") -> Iterator[str]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from leaves(command, path + " ")
        else:
            yield path


def test_every_command_is_listed() -> None:
    found = set(leaves(cli))
    assert set(COMMANDS) <= {path.split(" ")[0] for path in found}
    assert found == set(WALK), (
        f"list these in WALK: {sorted(found - set(WALK))}; gone: {sorted(set(WALK) - found)}"
    )


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call_main: Run) -> Run:
    monkeypatch.setenv("CLEARHEART_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
    for key in ("CLEARHEART_IDLE_MINUTES",):
        monkeypatch.delenv(key, raising=False)
    assert call_main("init").code == 0
    chat = call_main("import", "chat", str(DATA / "whatsapp" / "WhatsApp Chat with Sam.txt"),
                     "--me", "Alex")
    assert chat.code == 0, chat.err
    months = call_main("import", "chat", str(DATA / "web" / "months.txt"), "--me", "Robin")
    assert months.code == 0, months.err  # long enough to compare before and after a day
    assert call_main("cycle", "set", "--example").code == 0
    assert call_main("dating", "person", "add", "Jo").code == 0
    return call_main


def run_walk(call: Run) -> dict[tuple[str, ...], Any]:
    results: dict[tuple[str, ...], Any] = {}
    for entry in WALK.values():
        if isinstance(entry, str):
            continue
        for args in entry:
            result = call(*args)
            assert result.code == 0, (args, result.err)
            results[args] = result
    return results


def coaching_in(results: dict[tuple[str, ...], Any]) -> set[str]:
    """The coaching words a safe run printed: tips, the rewrite, flags' whys, coaching
    prompts."""
    words: set[str] = {p.text for p in load_prompts() if p.coaching}
    for args, result in results.items():
        if args[0] == "check" and "--json" in args:
            data = json.loads(result.out)
            words |= set(data["tips"]) | {f["why"] for f in data["flags"]}
            if data["rewrite"]:
                words.add(data["rewrite"])
        if args == ("dating", "commitments", "--json"):
            words |= set(json.loads(result.out)["texts"])
        if args == ("dating", "checklist", "suggest", "--json"):
            words |= {s["text"] for s in json.loads(result.out)["suggestions"]}
        if args[:2] == ("learn", "show") and "--json" in args:
            data = json.loads(result.out)
            words.add(data["try_this"])
            if args[2] == "asking-clearly":  # a lesson that coaches as a whole
                words |= set(data["paragraphs"])
        if args == ("decide", "options", "--json"):
            words |= {text for option in json.loads(result.out) for text in option.values()}
        if args == ("cycle", "explain", "--json"):
            words |= set(json.loads(result.out)["paragraphs"])
    return {w for w in words if len(w) >= 20}


def test_no_coaching_while_unsafe_and_coaching_while_safe(vault: Run) -> None:
    safe = run_walk(vault)
    for name in COACHES_WHEN_SAFE:
        assert any(args[0] == name and (r.out.strip()) for args, r in safe.items())
    checked = json.loads(safe[("check", HARSH, "--json", *ANSWERS)].out)
    assert checked["coaching"] and checked["tips"] and checked["flags"] and checked["rewrite"]
    prompts = json.loads(safe[("prompts", "--json")].out)
    assert any(p["coaching"] for p in prompts)
    harvested = coaching_in(safe)
    assert len(harvested) > 15

    assert json.loads(vault("safety", "unsafe", "--json").out)["coaching"] is False
    unsafe = run_walk(vault)
    for args, result in unsafe.items():
        leaked = sorted(w for w in harvested if w in result.out)
        assert not leaked, (args, leaked[:2])
    for args in (("check", HARSH, "--json"), ("check", HARSH, "--json", *ANSWERS)):
        data = json.loads(unsafe[args].out)
        assert data["coaching"] is False
        assert data["tips"] == [] and data["flags"] == [] and data["rewrite"] is None
    assert not any(p["coaching"] for p in json.loads(unsafe[("prompts", "--json")].out))
    assert json.loads(unsafe[("decide", "options", "--json")].out) == []
    lesson = json.loads(unsafe[("learn", "show", "asking-clearly", "--json")].out)
    assert lesson["try_this"] is None and lesson["paragraphs"] == [] and not lesson["coaching"]
    assert json.loads(unsafe[("learn", "show", "the-loop", "--json")].out)["paragraphs"]
    assert json.loads(unsafe[("dating", "commitments", "--json")].out)["texts"] == []
    assert json.loads(unsafe[("dating", "commitments", "history", "--json")].out) == {
        "coaching": False, "versions": []}
    assert json.loads(unsafe[("dating", "checklist", "suggest", "--json")].out)[
        "suggestions"] == []
    assert json.loads(unsafe[("decide", "status", "--json")].out)["options"] == []
    explained = json.loads(unsafe[("cycle", "explain", "--json")].out)
    assert explained["coaching"] is False and explained["paragraphs"]  # the quiet words
    assert "safety plan show" in unsafe[("decide", "status")].out
    text = unsafe[("check", HARSH)].out
    assert "emergency" in text and "resting" in text


def test_the_switch_and_its_history(vault: Run) -> None:
    status = json.loads(vault("safety", "status", "--json").out)
    assert status == {"coaching": True, "since": None, "reasons": []}
    off = json.loads(vault("safety", "unsafe", "--json").out)
    assert off["coaching"] is False and off["reasons"] == ["switch"] and off["since"]
    words = vault("safety", "status").out
    assert "resting" in words and "safety safe" in words
    assert vault("safety", "safe").code == 0
    history = json.loads(vault("safety", "history", "--json").out)
    assert [(e["unsafe"], e["source"]) for e in history] == [(True, "switch"), (False, "switch")]


def test_a_draft_or_an_entry_that_speaks_of_danger_closes_the_gate(vault: Run) -> None:
    checked = json.loads(vault("check", "--json", "You checked my phone again and took my "
                                                  "keys so I couldn't leave.").out)
    status = json.loads(vault("safety", "status", "--json").out)
    assert status["coaching"] is False and checked["coaching"] is False
    assert any(r.startswith("draft:") for r in status["reasons"])
    vault("safety", "safe")
    vault("journal", "add", "He went through my messages while I slept and took my bank card.")
    status = json.loads(vault("safety", "status", "--json").out)
    assert status["coaching"] is False
    assert any(r.startswith("journal:") for r in status["reasons"])
    history = vault("safety", "history").out
    assert "went through my messages" not in history  # the kinds are kept, never the words


def test_a_questionnaire_take_closes_the_gate_and_shows_help_first(
    vault: Run, tmp_path: Path
) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text(json.dumps({"x4": 1}), encoding="utf-8")
    vault("safety", "country", "GB")
    taken = vault("assess", "take", "am-i-safe", "--answers", str(sheet))
    assert taken.code == 0, taken.err
    assert taken.out.index("999") < taken.out.index("resting")
    assert json.loads(vault("safety", "status", "--json").out)["coaching"] is False


def test_crisis_words_show_help_first_in_every_state(vault: Run) -> None:
    for state in ("safe", "unsafe"):
        vault("safety", state)
        added = vault("journal", "add", "I don't want to be alive anymore.")
        assert added.out.index("Someone can talk with you") < added.out.index("Saved entry")
        data = json.loads(vault("check", "--json", "I don't want to be alive anymore").out)
        assert data["crisis"] == ["suicide"]
        assert json.loads(vault("journal", "add", "I want to die.", "--json").out)["crisis"]
