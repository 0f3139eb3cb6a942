"""Numbers in addresses and forms: the `{name:id}` path convertor and bounded readers.

Starlette's `{name:int}` matches any run of digits and hands the store numbers it
cannot hold (an OverflowError, a 500). `{name:id}` matches at most ID_DIGITS
digits, so a longer or signed id matches no route and gets the calm 404 page;
one that matches always fits the store, which answers a calm 404 of its own
when nothing has that id. Importing this module registers the convertor; the
routes package imports it first, so it is there before any route is compiled.

Query and form numbers go through `read_whole` (domain/whole_numbers.py): an
InvalidInput there becomes the 400 problem page, or the form's field error.
"""

from __future__ import annotations

from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request

from clearheart.domain.whole_numbers import ID_DIGITS, Bounds, read_whole
from clearheart.errors import InvalidInput

MAX_PAGE = 1_000_000
"""Far past any real list; (page - 1) * page size stays far inside SQLite's INTEGER."""

PAGES = Bounds(1, MAX_PAGE)


class IdConvertor(Convertor[int]):
    """A store id in a path: 1 to ID_DIGITS ASCII digits."""

    regex = f"[0-9]{{1,{ID_DIGITS}}}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("id", IdConvertor())


def path_id(request: Request, name: str) -> int:
    """The `{name:id}` part of this request's path."""
    value = request.path_params[name]
    assert isinstance(value, int), f"route parameter {name} is not declared as {{{name}:id}}"
    return value


def page_number(request: Request) -> int:
    """`?page=N` for a paged list; anything that is not a page from 1 to MAX_PAGE is page 1.

    A page number is only navigation: a wrong one shows the first page rather than an
    error (a page past the end shows that it is empty).
    """
    try:
        return read_whole(request.query_params.get("page", "1"), "page", PAGES)
    except InvalidInput:
        return 1
