"""`clearheart cycle`: show, set (file or example), svg, delete, as scripts call them.

A few calls go through the real command (`run`) to prove the wiring. The rest
call the CLI's `main()` in this process on one vault kept open, since each
unlock costs Argon2's deliberate half second.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from clearheart.cli import cycle_commands
from clearheart.services.workspace import Workspace

PASSPHRASE = "correct horse battery"
"""The one tests/cli/conftest.py gives `run`; not imported, as every test folder has a conftest."""


Call = Callable[..., Any]
"""`call(*args, input=...)` → the conftest's Result (code, out, err)."""
Run = Callable[..., Any]


class KeptOpen:
    """The real workspace, which the command's `close()` leaves open for the next call."""

    def __init__(self, workspace: Workspace) -> None:
        self.cycle = workspace.cycle

    def close(self) -> None:
        pass


@pytest.fixture
def inproc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call_main: Call) -> Iterator[Call]:
    """Like `run`, in this process, on tmp_path/home (which `run("init")` creates first)."""
    holder: list[Workspace] = []

    def opened() -> KeptOpen:
        if not holder:
            holder.append(Workspace.unlock(tmp_path / "home", PASSPHRASE))
        return KeptOpen(holder[0])

    monkeypatch.setattr(cycle_commands, "open_workspace", opened)

    yield call_main
    for workspace in holder:
        workspace.close()


def test_the_real_command_starts_from_the_example_and_shows_it(run: Run) -> None:
    assert run("init").code == 0
    started = run("cycle", "set", "--example")
    assert started.code == 0, started.err
    assert started.out == "Saved \u201cWhen a message goes unanswered\u201d (5 steps).\n"
    shown = run("cycle", "show")
    assert "4. What they may feel (my guess)\n   Maybe they feel crowded" in shown.out


def test_cycle_show_set_svg_delete_and_bad_input(run: Run, inproc: Call,
                                                 tmp_path: Path) -> None:
    assert run("init").code == 0
    run = inproc
    empty = run("cycle", "show")
    assert empty.code == 0 and "No cycle map yet." in empty.out
    assert json.loads(run("cycle", "show", "--json").out) is None
    no_map = run("cycle", "svg")
    assert no_map.code == 1 and "cycle map: there is none yet" in no_map.err

    started = run("cycle", "set", "--example", "--json")
    assert started.code == 0, started.err
    assert json.loads(started.out) == {"id": 1, "steps": ["s1", "s2", "s3", "s4", "s5"]}
    shown = run("cycle", "show", "--json")
    data = json.loads(shown.out)
    assert data["title"] == "When a message goes unanswered"
    assert [s["role"] for s in data["steps"]] == ["trigger", "my_feeling", "my_action",
                                                  "partner_feeling", "partner_action"]
    assert data["steps"][3]["label"] == "What they may feel (my guess)"
    assert data["steps"][0]["log_entries"] == 0 and data["log_entries"] == 0

    # The JSON from `show` can be edited and read back: ids given are kept.
    data["steps"][2]["text"] = "I call twice, then wait by the phone."
    data["steps"].insert(3, {"role": "my_action", "text": "I say sorry for things I did not do."})
    edited = tmp_path / "map.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    saved = run("cycle", "set", str(edited), "--json")
    assert saved.code == 0, saved.err
    assert json.loads(saved.out) == {"id": 1, "steps": ["s1", "s2", "s3", "s6", "s4", "s5"]}
    text = run("cycle", "show").out
    assert "3. What I do\n   I call twice, then wait by the phone." in text
    assert "... and round again to 1." in text

    # Bad input: one clear line, a non-zero exit, and the stored map is untouched.
    before = run("cycle", "show", "--json").out
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "Mine"\n[[step]]\nrole = "villain"\ntext = "x"\n', encoding="utf-8")
    long = tmp_path / "long.toml"
    long.write_text(f'[[step]]\nrole = "trigger"\ntext = "{"x" * 201}"\n', encoding="utf-8")
    cases = [
        ((str(bad),), "steps[1].role: 'villain' is not a role"),
        ((str(long),), "steps[1].text: a step can be at most 200 characters"),
        (("-", "--format", "json"), "file: this is not valid JSON"),
        (("--example",), "example: you already have a map"),
        ((), "FILE: give either a file of steps or --example"),
        ((str(tmp_path / "missing.json"),), "missing.json"),
    ]
    for args, message in cases:
        result = run("cycle", "set", *args, input="{oops")
        assert result.code == 1, args
        assert message in result.err, (args, result.err)
        assert "Traceback" not in result.err
    assert run("cycle", "show", "--json").out == before

    # TOML from standard input, titled.
    toml = 'title = "Sundays"\n[[step]]\nrole = "trigger"\ntext = "Sunday evening"\n'
    assert run("cycle", "set", "-", input=toml).out.startswith("Saved \u201cSundays\u201d (1 step)")

    out = tmp_path / "map.svg"
    drawn = run("cycle", "svg", "-o", str(out))
    assert drawn.code == 0 and drawn.out == ""
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert [e for e in root.iter() if e.get("class") == "arrow"]
    printed = run("cycle", "svg", "--no-counts")
    assert printed.out.startswith("<svg") and "Sunday evening" in printed.out
    assert "cycle" not in printed.out.lower() and "data-role" not in printed.out  # no metadata

    refused = run("cycle", "delete")  # no terminal to confirm in: nothing happens
    assert refused.code != 0
    assert json.loads(run("cycle", "show", "--json").out) is not None
    assert run("cycle", "delete", "--yes").out.strip() == "Your cycle map is deleted."
    assert json.loads(run("cycle", "show", "--json").out) is None


def test_explain_says_what_the_loop_is_and_points_to_its_lesson(call_main: Call) -> None:
    words = call_main("cycle", "explain")  # no vault yet: it still explains
    assert words.code == 0 and "clearheart learn show the-loop" in words.out
    data = json.loads(call_main("cycle", "explain", "--json").out)
    assert data["coaching"] is True and len(data["paragraphs"]) >= 2
    assert data["lesson"]["id"] == "the-loop" and data["lesson"]["minutes"] >= 1
    assert data["paragraphs"][0] in " ".join(words.out.split())
