"""The `clearheart` command group, and the one place errors become output.

Subcommands are imported only when run, so `clearheart --help` stays fast:
the one-line help for each lives here.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import click

from clearheart import __version__
from clearheart.errors import ClearheartError, FileProblem

_CLI = "clearheart.cli."
COMMANDS: dict[str, tuple[str, str]] = {
    "init": (_CLI + "vault_commands:init",
              "Create a new encrypted vault."),
    "passphrase": (_CLI + "vault_commands:passphrase",
              "Change the vault's passphrase."),
    "journal": (_CLI + "journal_commands:journal",
              "Write, list, search and edit journal entries."),
    "prompts": (_CLI + "journal_commands:prompts",
              "List the journaling prompts."),
    "practices": (_CLI + "practice_commands:practices",
              "Daily practices: today, history, calendar."),
    "assess": (_CLI + "assess_commands:assess",
               "Questionnaires: take one, see results over time, load your own."),
    "log": (_CLI + "log_commands:log",
            "Log what happened: bids, repairs, pulling back, what you did."),
    "cycle": (_CLI + "cycle_commands:cycle",
              "Your cycle map: the loop, in your own words; print it as SVG."),
    "import": (_CLI + "chat_commands:import_group",
               "Import a chat export (WhatsApp, Telegram, Messenger, …)."),
    "chats": (_CLI + "chat_commands:chats",
              "List imported chats."),
    "chat": (_CLI + "chat_commands:chat_group",
             "Change a chat: who is you, a display name, delete."),
    "messages": (_CLI + "chat_commands:messages",
                 "Print a chat's messages (--jsonl for scripts)."),
    "patterns": (_CLI + "pattern_commands:patterns",
                 "Patterns in a chat: who reaches out, replies, plans, the loop."),
    "learn": (_CLI + "learn_commands:learn",
              "Short lessons on the pattern, your own evidence beside each, and sources."),
    "evidence": (_CLI + "evidence_commands:evidence",
                 "What your own records show for each question of a decision."),
    "promise": (_CLI + "promise_commands:promise",
                "What you hoped for, beside what your own records show."),
    "decide": (_CLI + "decide_commands:decide",
               "Weigh up the relationship at your own pace: values, paths, a plan."),
    "nocontact": (_CLI + "letting_go_commands:nocontact",
                  "No contact or low contact, in your own rules; unsent letters."),
    "urge": (_CLI + "letting_go_commands:urge",
             "Log an urge to reach out instead of acting on it; see urges over weeks."),
    "dating": (_CLI + "dating_commands:dating",
               "Dating again: your checklist, a notebook per new person, your commitments."),
    "check": (_CLI + "check_commands:check",
              "Check a message before you send it: what may land badly, and why."),
    "safety": (_CLI + "safety_commands:safety",
               "Whether suggestions may show, who can help, your own plan."),
    "support": (_CLI + "support_commands:support",
                "The people and places that help, and when you were last in touch."),
    "pen": (_CLI + "pen_commands:pen",
            "The holding pen: keep a draft for a while, then decide what to do."),
    "report": (_CLI + "report_commands:report",
               "A few printed pages of what you recorded, to keep or to bring to someone."),
    "serve": (_CLI + "serve_commands:serve",
              "Open the app in your browser (this computer only)."),
    "demo": (_CLI + "serve_commands:demo",
              "Try Clearheart with a made-up six-month story."),
    "export": (_CLI + "archive_commands:export",
              "Save everything to one encrypted archive."),
    "restore": (_CLI + "archive_commands:restore",
              "Load an archive into an empty vault."),
    "salvage": (_CLI + "archive_commands:salvage",
              "Save what a damaged vault can still read to an archive."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name][0].split(":")
        command: click.Command = getattr(import_module(module), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clearheart")
def cli() -> None:
    """Clearheart: a private companion for seeing patterns clearly and looking after yourself.

    Everything stays on this computer, encrypted. Set CLEARHEART_HOME to choose
    where the vault lives.
    """


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI; ClearheartError becomes one line on stderr and a non-zero exit."""
    try:
        return cli.main(args=argv, prog_name="clearheart", standalone_mode=False)
    except ClearheartError as exc:
        click.echo(f"clearheart: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        where = exc.filename or "a file"
        click.echo(f"clearheart: {FileProblem(str(where), exc.strerror or str(exc)).message}",
                   err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("clearheart: stopped; nothing was changed.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("clearheart: stopped.", err=True)
        sys.exit(130)
    except Exception as exc:  # last: a damaged database, raised from any query
        from clearheart.store.damage import is_damage

        if not is_damage(exc):
            raise
        from clearheart.config import Settings
        from clearheart.errors import VaultDamaged

        damaged = VaultDamaged(Settings.from_env().home)
        click.echo(f"clearheart: {damaged.message}", err=True)
        sys.exit(damaged.exit_code)
