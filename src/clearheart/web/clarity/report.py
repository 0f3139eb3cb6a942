"""Making the report: gather the sections, then write the file whole or not at all."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from clearheart.errors import OptionRefused
from clearheart.services.patterns import PatternService
from clearheart.services.workspace import Workspace
from clearheart.store.files import atomic_write
from clearheart.web.clarity.model import Format, Options, Report
from clearheart.web.clarity.render import TITLE, render
from clearheart.web.clarity.sections import gather
from clearheart.web.clarity.sources import Sources
from clearheart.web.pattern_parts import day_text


def file_name(today: date, fmt: Format) -> str:
    """A plain name such as notes-2026-12-07.pdf, as a file name lands in lists of downloads."""
    return f"notes-{today.isoformat()}.{fmt}"


def build(
    workspace: Workspace, options: Options, today: date, patterns: PatternService | None = None
) -> Report:
    """The report's sections for `options`, as of `today`. `patterns` is the web app's
    PatternService when it has one (its kept reports are reused); else a new one."""
    if options.since is not None and options.since > today:
        raise OptionRefused(
            "--since", f"{options.since.isoformat()} is after today; choose a day on or before it"
        )
    if options.chat_id is not None and workspace.chats.get(options.chat_id).me is None:
        raise OptionRefused(
            "--chat", f"say which name is yours in chat {options.chat_id} first "
            f"(clearheart chat me {options.chat_id} NAME)"
        )
    sources = Sources(
        workspace,
        options,
        today,
        workspace.safety.coaching(),
        patterns or PatternService(workspace.chats, workspace.journal),
    )
    period = (
        f"from {day_text(options.since)} to {day_text(today)}"
        if options.since
        else "everything you have kept so far"
    )
    return Report(TITLE, today, period, sources.coaching, options.paper, gather(sources))


def check_writable(out: Path) -> None:
    """Fail before any work when the file could not be written there."""
    folder = out.parent
    if out.is_dir():
        raise OptionRefused(
            "--out", f"{out} is a folder; give a file name, like {out / 'notes.pdf'}"
        )
    if not folder.is_dir():
        raise OptionRefused("--out", f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OptionRefused("--out", f"the folder {folder} cannot be written to")


def write_report(workspace: Workspace, out: Path, options: Options, today: date) -> Report:
    """Build and write the report to `out`; a failure leaves whatever was there before."""
    check_writable(out)
    report = build(workspace, options, today)
    atomic_write(out, render(report, options.fmt))
    return report
