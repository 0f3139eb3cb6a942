"""One message line per region, as that region's phone writes it, and what it must read as.

The shapes themselves are data (importers/whatsapp_shapes.py); this table is
the proof that the data covers each region. The lines are ours, written in
the shapes other parsers' samples and issue threads show.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from clearheart.importers import whatsapp
from clearheart.importers.whatsapp_format import BadStamp, to_time

NBSP, NNBSP = "\u00a0", "\u202f"
LATE = datetime(2020, 12, 31, 23, 59)
LATE_S = datetime(2020, 12, 31, 23, 59, 59)

LOCALES: list[tuple[str, str, datetime, str]] = [
    ("English (US), Android", "12/31/20, 11:59 PM - Sam: see you soon", LATE, "see you soon"),
    (
        "English (US), Android 13+",
        f"12/31/20, 11:59{NNBSP}PM - Sam: see you soon",
        LATE,
        "see you soon",
    ),
    ("English (UK), Android", "31/12/2020, 23:59 - Sam: see you soon", LATE, "see you soon"),
    ("English (UK), iPhone", "[31/12/2020, 23:59:59] Sam: see you soon", LATE_S, "see you soon"),
    (
        "English (US), iPhone",
        f"[12/31/20, 11:59:59{NNBSP}PM] Sam: see you soon",
        LATE_S,
        "see you soon",
    ),
    ("English (India), Android", "31/12/20, 11:59 pm - Sam: see you soon", LATE, "see you soon"),
    (
        "English (Canada), Android",
        "2020-12-31, 11:59 p.m. - Sam: see you soon",
        LATE,
        "see you soon",
    ),
    (
        "English (Australia), Android, two spaces",
        "31/12/20, 11:59 p.m.  - Sam: see you soon",
        LATE,
        "see you soon",
    ),
    ("German, Android", "31.12.20, 23:59 - Sam: bis bald", LATE, "bis bald"),
    ("German, iPhone", "[31.12.20, 23:59:59] Sam: bis bald", LATE_S, "bis bald"),
    ("Dutch, Android", "31-12-2020 23:59 - Sam: tot zo", LATE, "tot zo"),
    ("French, Android", "31/12/2020 à 23:59 - Sam: à bientôt", LATE, "à bientôt"),
    ("Finnish, Android", "31.12.2020 klo 23.59 - Sam: nähdään", LATE, "nähdään"),
    ("Finnish, iPhone", "[31.12.2020 klo 23.59.59] Sam: nähdään", LATE_S, "nähdään"),
    ("Danish, Android", "31.12.2020 kl. 23.59 - Sam: vi ses", LATE, "vi ses"),
    ("Hungarian, Android", "2020. 12. 31. 23:59 - Sam: szia", LATE, "szia"),
    (
        "Croatian, iPhone without brackets",
        "31. 12. 2020. 23:59:59 Sam: vidimo se",
        LATE_S,
        "vidimo se",
    ),
    ("Spanish (Mexico), Android", "31/12/20, 11:59 p. m. - Sam: nos vemos", LATE, "nos vemos"),
    (
        "Spanish (Spain), Android 13+",
        f"31/12/20, 11:59{NNBSP}p.{NNBSP}m. - Sam: nos vemos",
        LATE,
        "nos vemos",
    ),
    (
        "Spanish (Colombia), iPhone",
        f"[31/12/20, 11:59:59{NBSP}p.{NBSP}m.] Sam: nos vemos",
        LATE_S,
        "nos vemos",
    ),
    (
        "Spanish (Argentina), just after midnight",
        "31/12/20, 00:08 a. m. - Sam: ya es tarde",
        datetime(2020, 12, 31, 0, 8),
        "ya es tarde",
    ),
    ("Portuguese (Brazil), Android", "31/12/2020 23:59 - Sam: até logo", LATE, "até logo"),
    ("Italian, Android", "31/12/20, 23:59 - Sam: a presto", LATE, "a presto"),
    ("Russian, Android", "31.12.2020, 23:59 - Sam: до встречи", LATE, "до встречи"),
    ("Swedish, Android", "2020-12-31 23:59 - Sam: vi ses", LATE, "vi ses"),
    ("Chinese, Android", "2020/12/31 下午11:59 - Sam: 回头见", LATE, "回头见"),
    ("Japanese, iPhone", "[2020/12/31 午後11:59:59] Sam: またね", LATE_S, "またね"),
    ("Korean, Android", "2020. 12. 31. 오후 11:59 - Sam: 또 봐", LATE, "또 봐"),
    ("Old iPhone, no brackets", "31.12.20 23:59:59: Sam: see you soon", LATE_S, "see you soon"),
    (
        "Year first, dot after the time",
        "2020/12/31, 23:59. - Sam: see you soon",
        LATE,
        "see you soon",
    ),
    (
        "Dashes, dots in the time, PM",
        "31-12-2020, 11.59 PM - Sam: see you soon",
        LATE,
        "see you soon",
    ),
    (
        "Dots, 12-hour with seconds",
        "31.12.2020, 11:59:59 PM - Sam: see you soon",
        LATE_S,
        "see you soon",
    ),
    (
        "Old iPhone, dots in the time",
        "31.12.20 23.59.59: Sam: see you soon",
        LATE_S,
        "see you soon",
    ),
    ("iPhone, dots, month first", "[12.31.20 23:59:59] Sam: see you soon", LATE_S, "see you soon"),
    (
        "Spanish, iPhone without comma",
        "[31/12/20 11:59:59 p. m.] Sam: nos vemos",
        LATE_S,
        "nos vemos",
    ),
    (
        "Spanish, iPhone, mark before the bracket",
        "\u200e[31/12/20 11:59:59 p. m.] Sam: nos vemos",
        LATE_S,
        "nos vemos",
    ),
    (
        "Spanish, no comma, no-break space in the marker",
        f"31/12/2020 11:59 p.{NBSP}m. - Sam: nos vemos",
        LATE,
        "nos vemos",
    ),
    ("iPhone, month year day", "[12/2020/31, 23:59:59] Sam: see you soon", LATE_S, "see you soon"),
    # Shapes people reported in other parsers' issue threads (chat-miner #24 and #66,
    # whatsapp-chat-parser #224, nmoya/whatsapp-parser #4, whats-reader #78), in our words.
    (
        "Spanish (Mexico), iPhone, no comma, a.m. without spaces",
        "[31/12/20 11:59:59 p.m.] Sam: see you soon",
        LATE_S,
        "see you soon",
    ),
    ("Old export, four-digit year, colon", "12/31/2020 23:59:59: Sam: hi", LATE_S, "hi"),
    ("Old iPhone, 12-hour, colon", "12/31/20, 11:59:59 PM: Sam: see you", LATE_S, "see you"),
    ("Dashes in the date, no comma", "31-12-2020 23:59 - Sam: tot zo", LATE, "tot zo"),
    (
        "Spanish, no comma, no-break space before the marker",
        f"31/12/2020 11:59{NBSP}p. m. - Sam: nos vemos",
        LATE,
        "nos vemos",
    ),
]


@pytest.mark.parametrize(
    ("line", "ts", "text"), [row[1:] for row in LOCALES], ids=[row[0] for row in LOCALES]
)
def test_each_regions_message_line_reads(
    tmp_path: Path, line: str, ts: datetime, text: str
) -> None:
    path = tmp_path / "_chat.txt"
    path.write_text(f"{line}\n{line}\nand a second line\n", "utf-8")
    assert whatsapp.sniff(path)
    found = list(whatsapp.open_source(path).messages())
    assert [(m.ts, m.sender, m.text) for m in found] == [
        (ts, "Sam", text),
        (ts, "Sam", f"{text}\nand a second line"),
    ]


@pytest.mark.parametrize("shown", ["13:05 PM", "11:05 xm", "24:00"])
def test_a_time_no_clock_shows_is_refused(shown: str) -> None:
    with pytest.raises(BadStamp):
        to_time(shown)


def test_without_a_dash_or_bracket_only_a_named_line_starts_a_message(tmp_path: Path) -> None:
    path = tmp_path / "_chat.txt"
    path.write_text(
        "31. 12. 2020. 23:59:59 Sam: the plan\n31. 12. 2020. 23:59:59 is when we meet\n", "utf-8"
    )
    found = list(whatsapp.open_source(path).messages())
    assert [m.text for m in found] == ["the plan\n31. 12. 2020. 23:59:59 is when we meet"]


@pytest.mark.parametrize(
    "marker",
    ["(archivo adjunto)", "(file attached)", "(Datei angehängt)", "(fichier joint)",
     "(arquivo anexado)", "(file allegato)"],
)
def test_an_attachment_line_in_each_language_is_media(tmp_path: Path, marker: str) -> None:
    path = tmp_path / "_chat.txt"
    line = f"31/12/2020, 11:59 p. m. - Sam: PTT-20201231-WA0014.opus {marker}"
    path.write_text(f"{line}\n{line}\n", "utf-8")
    found = list(whatsapp.open_source(path).messages())
    assert [m.kind.value for m in found] == ["media", "media"]
