"""Property tests: random chats written the way each phone writes them read back exactly.

The renderer here is written independently of the parser (and of
bench/gen_whatsapp.py), from how real exports look.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearheart.domain.chat import Kind, Message
from clearheart.importers import whatsapp
from clearheart.importers.base import DateOrder, Options
from clearheart.importers.whatsapp_kinds import SPECIAL, looks_like_media

LRM, NBSP, NNBSP = "\u200e", "\u00a0", "\u202f"


def _h12(t: datetime) -> int:
    return t.hour % 12 or 12


def _ampm(t: datetime, am: str, pm: str) -> str:
    return pm if t.hour >= 12 else am


Stamp = Callable[[datetime], str]
# name: (stamp, date order, shows seconds, iPhone style)
VARIANTS: dict[str, tuple[Stamp, DateOrder, bool, bool]] = {
    "android 24h d/m/yyyy": (lambda t: f"{t:%d/%m/%Y, %H:%M} - ", "dmy", False, False),
    "android 12h m/d/yy": (
        lambda t: f"{t.month}/{t.day}/{t:%y}, {_h12(t)}:{t:%M} {_ampm(t, 'AM', 'PM')} - ",
        "mdy", False, False),
    "android 12h narrow no-break space": (
        lambda t: f"{t.month}/{t.day}/{t:%y}, {_h12(t)}:{t:%M}{NNBSP}{_ampm(t, 'AM', 'PM')} - ",
        "mdy", False, False),
    "android lowercase pm": (
        lambda t: f"{t.day}/{t.month}/{t:%Y}, {_h12(t)}:{t:%M} {_ampm(t, 'am', 'pm')} - ",
        "dmy", False, False),
    "android p. m. with no-break spaces": (
        lambda t: (f"{t.day}/{t.month}/{t:%y}, {_h12(t)}:{t:%M}{NBSP}"
                   f"{_ampm(t, f'a.{NBSP}m.', f'p.{NBSP}m.')} - "),
        "dmy", False, False),
    "android p.m.": (
        lambda t: f"{t.day}/{t.month}/{t:%y}, {_h12(t)}:{t:%M} {_ampm(t, 'a.m.', 'p.m.')} - ",
        "dmy", False, False),
    "android dd.mm.yy": (lambda t: f"{t:%d.%m.%y, %H:%M} - ", "dmy", False, False),
    "android yyyy-mm-dd": (lambda t: f"{t:%Y-%m-%d, %H:%M} - ", "ymd", False, False),
    "android yyyy/mm/dd no comma": (lambda t: f"{t:%Y/%m/%d %H:%M} - ", "ymd", False, False),
    "android dd-mm-yyyy no comma": (lambda t: f"{t:%d-%m-%Y %H:%M} - ", "dmy", False, False),
    "iphone 12h brackets seconds": (
        lambda t: f"[{t.month}/{t.day}/{t:%y}, {_h12(t)}:{t:%M:%S} {_ampm(t, 'AM', 'PM')}] ",
        "mdy", True, True),
    "iphone 24h dots": (lambda t: f"[{t:%d.%m.%y, %H:%M:%S}] ", "dmy", True, True),
    "iphone p. m. narrow": (
        lambda t: (f"[{t.day}/{t.month}/{t:%y}, {_h12(t)}:{t:%M:%S}{NNBSP}"
                   f"{_ampm(t, f'a.{NNBSP}m.', f'p.{NNBSP}m.')}] "),
        "dmy", True, True),
    "iphone year first": (lambda t: f"[{t:%Y-%m-%d, %H:%M:%S}] ", "ymd", True, True),
    "old iphone without brackets": (
        lambda t: f"{t.month}/{t.day}/{t:%y}, {_h12(t)}:{t:%M:%S} {_ampm(t, 'AM', 'PM')}: ",
        "mdy", True, False),
}

_NAME_CHARS = st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FFF)
names = st.builds(
    lambda first, rest: (first + rest).strip() or "Sam",
    st.text(_NAME_CHARS, min_size=1, max_size=8),
    st.text(st.sampled_from(list("abc xyz+-.'")), max_size=8),
)
_TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"),
                            blacklist_characters="\u200e\u200f\u2028\u2029\x85")
line_text = st.text(_TEXT_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip() == s)
words = st.lists(line_text, min_size=1, max_size=3).map("\n".join).filter(
    # A person typing the app's own placeholder verbatim is read as the placeholder (documented).
    lambda text: text not in SPECIAL and not looks_like_media(text.split("\n")[0])
)
stamps = st.datetimes(min_value=datetime(2009, 1, 1), max_value=datetime(2099, 12, 31))


@st.composite
def messages(draw: st.DrawFn) -> Message:
    kind = draw(st.sampled_from([Kind.TEXT] * 6 + [Kind.MEDIA, Kind.DELETED]))
    text = draw(words) if kind is Kind.TEXT else ""
    edited = kind is Kind.TEXT and draw(st.booleans())
    return Message(draw(stamps).replace(microsecond=0), draw(names), kind, text, edited)


def render(message: Message, stamp: Stamp, ios: bool) -> tuple[str, Message]:
    """The export's line for a message, and the message we expect to read back."""
    ts_line = stamp(message.ts)
    if message.kind is Kind.MEDIA:
        body, text = (f"{LRM}image omitted", "image omitted") if ios else (
            "<Media omitted>", "<Media omitted>")
    elif message.kind is Kind.DELETED:
        body, text = (f"{LRM}This message was deleted.", "This message was deleted.") if ios else (
            "This message was deleted", "This message was deleted")
    else:
        text = message.text
        marker = f" {LRM}<This message was edited>" if ios else " <This message was edited>"
        body = text + (marker if message.edited else "")
    prefix = LRM if ios and body.startswith(LRM) else ""
    return f"{prefix}{ts_line}{message.sender}: {body}", Message(
        message.ts, message.sender, message.kind, text, message.edited)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variant=st.sampled_from(sorted(VARIANTS)), chat=st.lists(messages(), min_size=1,
                                                               max_size=25),
       crlf=st.booleans(), bom=st.booleans())
def test_render_then_parse_gives_the_same_messages(variant: str, chat: list[Message],
                                                  crlf: bool, bom: bool) -> None:
    stamp, order, seconds, ios = VARIANTS[variant]
    if not seconds:
        chat = [Message(m.ts.replace(second=0), m.sender, m.kind, m.text, m.edited) for m in chat]
    lines, expected = zip(*(render(m, stamp, ios) for m in chat), strict=True)
    newline = "\r\n" if crlf else "\n"
    content = ("\ufeff" if bom else "") + newline.join(
        line.replace("\n", newline) for line in lines) + newline
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "_chat.txt"
        path.write_bytes(content.encode())
        source = whatsapp.open_source(path, Options(date_order=order))
        assert list(source.messages()) == list(expected)


@settings(max_examples=100, deadline=None)
@given(variant=st.sampled_from(sorted(VARIANTS)), chat=st.lists(messages(), min_size=1,
                                                               max_size=10))
def test_the_date_order_is_inferred_when_the_data_proves_it(variant: str,
                                                            chat: list[Message]) -> None:
    stamp, order, _, ios = VARIANTS[variant]
    proof = Message(datetime(2020, 12, 31, 23, 59), "Sam", Kind.TEXT, "proof")
    chat = [Message(m.ts.replace(second=0), m.sender, m.kind, m.text, m.edited) for m in chat]
    lines, expected = zip(*(render(m, stamp, ios) for m in [*chat, proof]), strict=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "_chat.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        source = whatsapp.open_source(path)
        assert source.order == order
        assert list(source.messages()) == list(expected)


_HEADERS = st.sampled_from([
    "31/12/2020, 23:50 - ", "12/31/20, 11:50 PM - ", "[31.12.20, 23:50:01] ", "2020-12-31 23:50 - ",
    "31/13/2020, 23:50 - ", "99/99/99, 99:99 - ", "[1/2/21, 25:61:00 PM] ", "\u200e", "\ufeff",
])
_JUNK = st.text(st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HEADERS, _JUNK).map("".join), max_size=15))
def test_any_jumble_of_lines_reads_or_stops_with_an_import_problem(lines: list[str]) -> None:
    from clearheart.importers.base import ImportProblem

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "_chat.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        for order in (None, "dmy"):
            problem: ImportProblem | None = None
            try:
                source = whatsapp.open_source(path, Options(date_order=order))
                for message in source.messages():
                    assert isinstance(message, Message)
            except ImportProblem as caught:
                problem = caught
            assert problem is None or str(path) in problem.message
