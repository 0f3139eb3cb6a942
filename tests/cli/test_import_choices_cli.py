"""`clearheart import chat` when the file leaves a question open: the message says what to
pick, in the file's own terms, with the exact flag for each answer, and imports nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from in_process import Result  # type: ignore[import-not-found]

AMBIGUOUS = "03/04/2021, 10:00 - Kit: Is it April yet?\n05/06/2021, 11:00 - Robin: Not sure!\n"
TWO_APPS = "[2023-02-14, 09:12] Me: Around tonight?\n[2023-02-14, 09:30] Kit: Maybe later\n"

Call = Callable[..., Result]


def test_ambiguous_dates_name_both_readings_and_both_flags(vault: Call, tmp_path: Path) -> None:
    path = tmp_path / "plain" / "chat.txt"
    path.parent.mkdir()
    path.write_text(AMBIGUOUS)
    refused = vault("import", "chat", str(path), "--me", "Robin")
    assert refused.code != 0
    assert (
        "The first date in your file, 03/04/2021, can be read as 3 April 2021 or "
        "4 March 2021" in refused.err
    )
    assert "Pick the one that matches when it was written" in refused.err
    assert "--date-order dmy for 3 April 2021" in refused.err
    assert "--date-order mdy for 4 March 2021" in refused.err
    assert "Nothing was imported" in refused.err
    assert vault("chats", "--json").out.strip() == "[]"
    done = vault("import", "chat", str(path), "--me", "Robin", "--date-order", "dmy", "--json")
    assert done.code == 0, done.err
    assert '"first": "2021-04-03T10:00:00"' in done.out


def test_content_that_fits_two_apps_names_both_formats(vault: Call, tmp_path: Path) -> None:
    path = tmp_path / "plain" / "export"
    path.parent.mkdir()
    path.write_text(TWO_APPS)
    refused = vault("import", "chat", str(path), "--me", "Me")
    assert refused.code != 0
    assert "reads like a WhatsApp export or a Signal export" in refused.err
    assert "--format whatsapp or --format signal" in refused.err
    done = vault("import", "chat", str(path), "--me", "Me", "--format", "signal", "--json")
    assert done.code == 0, done.err
    assert '"format": "signal"' in done.out
