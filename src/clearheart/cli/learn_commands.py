"""`clearheart learn`: short lessons on the pattern, your own evidence beside each, and the
research they rest on.

Lessons can be read without a vault. With one, each lesson shows what your own records
show, and asks the safety gate first: while coaching rests, "Try this" is left out (empty
in JSON), and so is the body of a lesson that advises how to respond to the partner.
With a vault, `show` also notes the lesson as read, `list` marks what was read, and
`forget` clears those marks (nothing else).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from clearheart.cli.session import echo_json, gate_if_any, open_workspace
from clearheart.domain.lesson_reads import Marked, marked, next_unread
from clearheart.domain.lessons import Lesson, OwnEvidence
from clearheart.domain.patterns.wording import day

if TYPE_CHECKING:
    pass


@click.group()
def learn() -> None:
    """Short lessons: why closeness can bring distance, and what helps."""


def _summary(lesson: Lesson) -> dict[str, Any]:
    return {
        "id": lesson.id,
        "title": lesson.title,
        "summary": lesson.summary,
        "concepts": list(lesson.concepts),
        "minutes": lesson.minutes,
    }


def _resting() -> None:
    from clearheart.cli.safety_present import QUIET, wrap

    click.echo(wrap(QUIET))


def _read_mark(mark: Marked) -> str:
    if mark.read is None:
        return ""
    if mark.changed_since:
        return " · read; changed since"
    return f" · read on {day(mark.read.last_opened.date())}"


@learn.command("list")
@click.option("--json", "as_json", is_flag=True)
def list_(as_json: bool) -> None:
    """Every lesson, in reading order, with its id and whether you have read it."""
    from clearheart.content.lesson_copy import load_lessons

    coaching, workspace = gate_if_any()
    shown = [x for x in load_lessons().lessons if coaching or not x.coaching]
    try:
        marks = marked(shown, ()) if workspace is None else workspace.lessons.marked(shown)
    finally:
        if workspace is not None:
            workspace.close()
    if as_json:
        echo_json(
            {
                "coaching": coaching,
                "lessons": [
                    _summary(m.lesson)
                    | {
                        "read_on": m.read.last_opened.date().isoformat() if m.read else None,
                        "changed_since_read": m.changed_since,
                    }
                    for m in marks
                ],
            }
        )
        return
    for mark in marks:
        lesson = mark.lesson
        click.echo(f"{lesson.id:26} {lesson.title} ({lesson.minutes} min){_read_mark(mark)}")
    if not coaching:
        click.echo()
        _resting()
    after = next_unread(marks)
    if after is not None and any(m.read for m in marks):
        click.echo(f"\nNext: {after.title} (`clearheart learn show {after.id}`)")
    click.echo("\nRead one with `clearheart learn show ID`.")


def _evidence_json(own: OwnEvidence | None) -> dict[str, Any] | None:
    if own is None:
        return None
    return {
        "enough": own.enough,
        "adds": list(own.adds),
        "waiting": list(own.waiting),
        "shown": [
            {"title": s.title, "text": s.text, "n": s.n, "unit": s.unit, "link": s.link}
            for s in own.shown
        ],
    }


def _echo_evidence(own: OwnEvidence | None) -> None:
    from clearheart.cli.safety_present import wrap

    click.echo("\nIn your own evidence")
    if own is None:
        click.echo(wrap("With a vault, your own records show here.", "  "))
        return
    for item in own.shown:
        click.echo(wrap(f"{item.title}: {item.text} {item.basis}".rstrip(), "  "))
        click.echo(f"    See {item.link}")
    if not own.enough:
        click.echo(wrap("Not enough in your records yet to show this.", "  "))
        for line in own.adds:
            click.echo(wrap(line, "  "))
    if own.waiting:
        click.echo(wrap(f"Still being read: {', '.join(own.waiting)}.", "  "))


@learn.command("show")
@click.argument("lesson_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True)
def show(lesson_id: str, as_json: bool) -> None:
    """One lesson, what your records show beside it, and one thing to try."""
    from clearheart.cli.safety_present import wrap
    from clearheart.content.lesson_copy import load_lessons

    lessons = load_lessons()
    lesson = lessons.lesson(lesson_id)
    coaching, workspace = gate_if_any()
    try:
        if workspace is not None:
            workspace.lessons.note_opened(lesson)
        own = None if workspace is None else workspace.lessons.own(lesson)
    finally:
        if workspace is not None:
            workspace.close()
    body = coaching or not lesson.coaching
    if as_json:
        echo_json(
            _summary(lesson)
            | {
                "coaching": coaching,
                "paragraphs": list(lesson.paragraphs) if body else [],
                "try_this": lesson.try_this if coaching else None,
                "evidence": _evidence_json(own),
                "references": [r.id for r in lessons.cited_by(lesson)],
            }
        )
        return
    click.echo(f"{lesson.title}\n")
    if not body:
        _resting()
        return
    for paragraph in lesson.paragraphs:
        click.echo(wrap(paragraph) + "\n")
    _echo_evidence(own)
    if coaching:
        click.echo("\nTry this")
        click.echo(wrap(lesson.try_this, "  "))
    cited = ", ".join(r.id for r in lessons.cited_by(lesson))
    click.echo(f"\nRests on: {cited} (`clearheart learn sources`)")


@learn.command("forget")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def forget(yes: bool) -> None:
    """Forget which lessons you have read; nothing else changes."""
    if not yes and not click.confirm(
        "Forget which lessons you have read? Every lesson will show as unread again."
    ):
        raise click.exceptions.Abort()
    workspace = open_workspace()
    try:
        gone = workspace.lessons.forget()
    finally:
        workspace.close()
    if gone == 0:
        click.echo("Nothing to forget: no lesson was marked as read.")
        return
    lessons = "1 lesson shows" if gone == 1 else f"{gone} lessons show"
    click.echo(f"Forgotten. {lessons} as unread again; nothing else changed.")


@learn.command("sources")
@click.option("--json", "as_json", is_flag=True)
def sources(as_json: bool) -> None:
    """The research the lessons rest on: what it found, and its limits."""
    from clearheart.cli.safety_present import wrap
    from clearheart.content.lesson_copy import load_lessons

    lessons = load_lessons()
    if as_json:
        echo_json(
            [
                {
                    "id": r.id,
                    "cite": r.cite,
                    "found": r.found,
                    "limits": r.limits,
                    "lessons": [x.id for x in lessons.lessons if r.id in x.references],
                }
                for r in lessons.references
            ]
        )
        return
    for ref in lessons.references:
        click.echo(wrap(f"[{ref.id}] {ref.cite}"))
        click.echo(wrap(f"Found: {ref.found}", "  "))
        click.echo(wrap(f"Limits: {ref.limits}", "  ") + "\n")
