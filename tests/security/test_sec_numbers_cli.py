"""Every number on the command line is range-checked: one calm line, never a traceback.

The walk finds every command and option that takes a number (any click integer
type), so a new one is covered without anyone remembering it. Each gets numbers
no vault could hold: above 2^63, negative, 100,000 digits, non-ASCII digits,
words. Before the fix, `clearheart messages 99999999999999999999` ended in an
OverflowError traceback from SQLite.

CLEARHEART_NUMBER_EXAMPLES sizes the property test (hypothesis examples per parameter).
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearheart.cli.main import COMMANDS, LazyGroup, cli, main
from clearheart.services.workspace import Workspace

PASSPHRASE = "correct horse battery"
EXAMPLES = int(os.environ.get("CLEARHEART_NUMBER_EXAMPLES", "25"))
HOSTILE = ["9223372036854775808", "99999999999999999999", str(2**200), "-1", "-9" * 30,
           "9" * 100_000, "9" * 4_301, "²", "١٢", "1e3", "1.5", "0x10", "", "NaN"]


def hostile_numbers() -> st.SearchStrategy[str]:
    """Numbers no parameter of any command accepts (every range ends far below 2^63)."""
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.integers(min_value=2**63).map(str),
        st.integers(max_value=-1).map(str),
        st.integers(min_value=4_301, max_value=100_000).map(lambda n: "9" * n),
        st.text(alphabet=st.characters(exclude_characters="0123456789"), max_size=8),
    )


@dataclass(frozen=True)
class Numeric:
    """One command (its words) and one of its parameters that takes a number."""

    words: tuple[str, ...]
    param: str

    def argv(self, number: str) -> list[str]:
        """The command with `number` for this parameter and a plain word for every other
        required argument, options first, then `--`, so "-5" is not read as an option."""
        command = _command(self.words)
        options: list[str] = []
        positional: list[str] = []
        for param in command.params:
            if isinstance(param, click.Option) and param.name == self.param:
                options += [param.opts[0], number]
            elif isinstance(param, click.Argument):
                positional.append(number if param.name == self.param else "word")
        return [*self.words, *options, "--", *positional]


def _command(words: tuple[str, ...]) -> click.Command:
    ctx = click.Context(cli)
    command: click.Command = cli
    for word in words:
        assert isinstance(command, click.Group)
        found = command.get_command(ctx, word)
        assert found is not None, words
        command = found
    return command


def _walk(words: tuple[str, ...], command: click.Command) -> Iterator[Numeric]:
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            yield from _walk((*words, name), sub)
        return
    for param in command.params:
        if isinstance(param.type, click.types.IntParamType) and param.name:
            yield Numeric(words, param.name)


def numeric_parameters() -> list[Numeric]:
    assert isinstance(cli, LazyGroup)
    ctx = click.Context(cli)
    found: list[Numeric] = []
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        found.extend(_walk((name,), command))
    return found


NUMERIC = numeric_parameters()


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def call(*argv: str) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return Outcome(code, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Vault:
    home: Path
    stored: tuple[object, ...]
    """What the vault held before any command ran."""


def _stored(home: Path) -> tuple[object, ...]:
    workspace = Workspace.unlock(home, PASSPHRASE)
    try:
        return (tuple(e.text for e in workspace.journal.all()),
                tuple((d.id, d.text, d.status) for d in workspace.pause.list()),
                tuple((e.id, e.note) for e in workspace.log.list().entries),
                workspace.chats.chats())
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """A vault with a journal entry, a held draft and a log entry, as the CLI sees it."""
    home = tmp_path_factory.mktemp("numbers") / "home"
    workspace = Workspace.create(home, PASSPHRASE)
    workspace.journal.add("keep me")
    workspace.pause.hold("keep me too")
    workspace.log.add("bid_toward", note="keep me three")
    workspace.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLEARHEART_HOME", str(home))
        patch.setenv("CLEARHEART_PASSPHRASE", PASSPHRASE)
        yield Vault(home, _stored(home))


def test_the_walk_finds_every_kind_of_number() -> None:
    names = {f"{' '.join(n.words)} {n.param}" for n in NUMERIC}
    for expected in ("messages chat_id", "journal edit entry_id", "journal add mood",
                     "pen hold minutes", "log add map_id", "practices history days",
                     "serve port", "assess delete result_id"):
        assert expected in names, sorted(names)


@pytest.mark.parametrize("numeric", NUMERIC, ids=[f"{' '.join(n.words)} {n.param}"
                                                   for n in NUMERIC])
def test_no_number_ends_a_command_in_a_traceback(vault: Vault, numeric: Numeric) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(number=hostile_numbers())
    def check(number: str) -> None:
        result = call(*numeric.argv(number))
        assert result.code in (1, 2), (numeric, number[:40], result)
        assert "Traceback" not in result.err and len(result.err) < 1_000, result.err[:300]
        if result.code == 1:
            assert result.err.startswith("clearheart: ") and result.err.count("\n") == 1

    check()
    assert _stored(vault.home) == vault.stored


def test_messages_with_an_id_past_2_63_is_one_calm_line(vault: Vault) -> None:
    result = call("messages", "99999999999999999999")
    assert result.code == 1
    assert result.err == ("clearheart: CHAT_ID: that cannot be an id; ids are whole numbers "
                          "like 12 (not 99999999999999999999)\n")


def test_a_100k_digit_number_is_not_echoed_back(vault: Vault) -> None:
    result = call("pen", "hold", "Call me back?", "--minutes", "9" * 100_000)
    assert result.code == 1
    assert result.err == ("clearheart: --minutes: choose from 1 minute to 24 hours "
                          "(not a 100,000-digit number)\n")
