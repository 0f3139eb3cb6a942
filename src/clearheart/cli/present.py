"""How entries look on the terminal and in JSON."""

from __future__ import annotations

import textwrap
from typing import Any

from clearheart.domain.journal import Entry


def entry_json(entry: Entry) -> dict[str, Any]:
    """The JSON shape scripts rely on: id, created, text, prompt, mood, tags."""
    return {
        "id": entry.id,
        "created": entry.created.isoformat(timespec="seconds"),
        "text": entry.text,
        "prompt": entry.prompt_id,
        "mood": (
            {"score": entry.mood.score, "words": list(entry.mood.words)} if entry.mood else None
        ),
        "tags": list(entry.tags),
    }


def entry_text(entry: Entry) -> str:
    head = [f"#{entry.id}", entry.created.strftime("%a %d %b %Y, %H:%M")]
    if entry.mood:
        words = f" ({', '.join(entry.mood.words)})" if entry.mood.words else ""
        head.append(f"feeling {entry.mood.score}/5{words}")
    if entry.tags:
        head.append(" ".join(f"#{t}" for t in entry.tags))
    body = textwrap.indent(entry.text, "    ") if entry.text else "    (a check-in)"
    return "  ·  ".join(head) + "\n" + body
