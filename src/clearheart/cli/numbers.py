"""Numbers on the command line: a click type that reads them with `read_whole`.

click's own `int` takes any size (SQLite then fails with an OverflowError) and
echoes a 100,000-digit argument back whole. Every numeric argument and option
uses `Whole` instead, so its range is checked before any command runs.
"""

from __future__ import annotations

import click

from clearheart.domain.whole_numbers import (
    IDS,
    MAX_DIGITS,
    MAX_ID,
    Bounds,
    in_bounds,
    looks_whole,
    read_whole,
)
from clearheart.errors import InvalidInput


class Whole(click.types.IntParamType):
    """A whole number within `bounds` (click's int type with our reading in place of int()).

    Text that is not written as a whole number ("soon", "1.5") is click's usage error
    (exit 2). A number outside the bounds, however many digits, is InvalidInput
    (exit 1, "clearheart: --minutes: choose from 1 minute to 24 hours (not 1441)"),
    as the services would say it; a number too long to show is not echoed.
    Subclassing IntParamType, not ParamType, keeps this valid on click 8.1, where
    ParamType takes no type arguments, and on 8.2+, where mypy needs them.
    """

    def __init__(self, bounds: Bounds, *, again: bool = False) -> None:
        self.bounds = bounds
        self.again = again
        """For click.prompt: every refusal is a usage error, so the prompt asks again."""

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return in_bounds(value, _field(param), self.bounds)  # a default, already a number
        text = str(value).strip()
        if self.again or not looks_whole(text):
            try:
                return read_whole(text, _field(param), self.bounds)
            except InvalidInput:
                self.fail(self.bounds.explain(), param, ctx)
        try:
            return read_whole(text, _field(param), self.bounds)
        except InvalidInput as exc:
            shown = text if len(text) <= MAX_DIGITS else f"a {len(text):,}-digit number"
            raise InvalidInput(exc.field, f"{exc.reason} (not {shown})") from None


def _field(param: click.Parameter | None) -> str:
    """How the person typed it: `--minutes` for an option, `CHAT_ID` for an argument."""
    if isinstance(param, click.Option):
        return param.opts[0]
    return param.human_readable_name if param else "value"


ID = Whole(IDS)
"""An id the vault gave out (chats, entries, drafts, results, maps)."""

ANY_COUNT = Whole(Bounds(1, MAX_ID, "choose a whole number of 1 or more"))
"""A count with no upper limit of its own (it still fits the store)."""


def whole(low: int, high: int, reason: str = "") -> Whole:
    """A whole number from `low` to `high`; `reason` replaces the standard wording."""
    return Whole(Bounds(low, high, reason))
