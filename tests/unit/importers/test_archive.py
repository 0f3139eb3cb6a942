"""Hostile and broken exports: each stops with an ImportProblem naming the file (and line)."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearheart.importers import whatsapp
from clearheart.importers.archive import Export, read_chunks
from clearheart.importers.base import ImportProblem, Limits, Options

DEFAULTS = Options()

CHAT = "31/12/2020, 23:50 - Sam: hello\n31/12/2020, 23:51 - Alex: hi\n"


def _zip(target: Path, members: dict[str, bytes], symlink: str | None = None) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if symlink is not None:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (0o120777 << 16)
            archive.writestr(info, "/etc/passwd")
    return target


def _problem(path: Path, options: Options = DEFAULTS) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        list(whatsapp.open_source(path, options).messages())
    return caught.value


def test_zip_bomb_stops_by_ratio_while_reading(tmp_path: Path) -> None:
    bomb = CHAT.encode() * 600_000
    path = _zip(tmp_path / "bomb.zip", {"_chat.txt": bomb})
    assert path.stat().st_size < 150_000  # 36 MB inside
    problem = _problem(path)
    assert "zip bomb" in problem.message and "bomb.zip/_chat.txt" in problem.message


def test_zip_bomb_with_a_lying_header_is_still_caught(tmp_path: Path) -> None:
    """The central directory claims 40 bytes; zipfile then reads only that and the CRC fails."""
    path = _zip(tmp_path / "liar.zip", {"_chat.txt": CHAT.encode() * 50_000})
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(signature)
        struct.pack_into("<I", data, at + offset, 40)
    path.write_bytes(bytes(data))
    problem = _problem(path)
    assert "liar.zip" in problem.message


def test_total_unpacked_size_is_capped(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.zip", {"_chat.txt": CHAT.encode() * 2000})
    problem = _problem(path, Options(limits=Limits(max_zip_unpacked_bytes=10_000)))
    assert "more than 10000 bytes" in problem.message


@pytest.mark.parametrize("name", ["../_chat.txt", "a/../../_chat.txt", "/etc/_chat.txt",
                                  "C:\\Users\\_chat.txt", "..\\_chat.txt", "\\\\server\\_chat.txt"])
def test_names_that_leave_the_archive_are_refused(tmp_path: Path, name: str) -> None:
    path = _zip(tmp_path / "evil.zip", {name: CHAT.encode()})
    with pytest.raises(ImportProblem) as caught:
        whatsapp.open_source(path)
    assert "evil.zip" in caught.value.message
    assert "path" in caught.value.reason or "leaves" in caught.value.reason


def test_symlink_members_are_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "link.zip", {"_chat.txt": CHAT.encode()}, symlink="media/passwd")
    with pytest.raises(ImportProblem, match="symbolic link"):
        whatsapp.open_source(path)


def test_symlinks_inside_a_folder_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "_chat.txt").write_text(CHAT)
    os.symlink("/etc/passwd", folder / "secret.txt")
    with pytest.raises(ImportProblem, match="symbolic link"):
        whatsapp.open_source(folder)


def test_too_many_members_are_refused_before_reading_the_directory(tmp_path: Path) -> None:
    members = {f"m{i}.jpg": b"x" for i in range(30)} | {"_chat.txt": CHAT.encode()}
    path = _zip(tmp_path / "many.zip", members)
    with pytest.raises(ImportProblem, match="holds 31 files"):
        whatsapp.open_source(path, Options(limits=Limits(max_zip_members=20)))


def test_a_truncated_zip_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "cut.zip", {"_chat.txt": CHAT.encode() * 100})
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ImportProblem) as caught:
        whatsapp.open_source(path)
    assert "cut.zip" in caught.value.message


def test_a_corrupted_member_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bad.zip", {"_chat.txt": os.urandom(1000).hex().encode()})
    data = bytearray(path.read_bytes())
    start = 30 + len("_chat.txt")
    data[start + 10 : start + 60] = bytes(50)
    path.write_bytes(bytes(data))
    with pytest.raises(ImportProblem) as caught:
        list(whatsapp.open_source(path, Options(date_order="dmy")).messages())
    assert "bad.zip" in caught.value.message


def test_a_five_megabyte_line_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(CHAT + "31/12/2020, 23:52 - Sam: " + "x" * (5 << 20) + "\n")
    problem = _problem(path)
    assert problem.line == 3 and "longer than" in problem.message


def test_invalid_utf8_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(CHAT.encode() + "31/12/2020, 23:52 - Sam: caf\xe9\n".encode("latin-1"))
    problem = _problem(path)
    assert problem.line == 3
    assert "not valid UTF-8" in problem.message and "column 29" in problem.message
    assert "latin1.txt, line 3" in problem.message


def test_invalid_utf8_deep_in_a_big_file_names_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(CHAT.encode() * 30_000 + b"31/12/2020, 23:52 - Sam: \xff\n")
    assert _problem(path).line == 60_001


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ImportProblem, match="empty"):
        whatsapp.open_source(path)


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text(CHAT, encoding="utf-16")
    with pytest.raises(ImportProblem, match="UTF-16"):
        whatsapp.open_source(path)


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="no such file"):
        whatsapp.open_source(tmp_path / "nope.txt")


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(CHAT * 100)
    with pytest.raises(ImportProblem, match="larger than 1000 bytes"):
        whatsapp.open_source(path, Options(limits=Limits(max_file_bytes=1000)))


def test_lines_strip_the_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xef\xbb\xbffirst\r\nsecond\r\nlast without newline")
    with Export(path) as export:
        assert list(export.lines("x.txt")) == [(1, "first"), (2, "second"),
                                               (3, "last without newline")]


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.text(alphabet=st.characters(codec="utf-8",
                                                  blacklist_characters="\r\n"), max_size=40),
                   max_size=30),
    step=st.integers(min_value=41, max_value=200),
)
def test_chunks_are_whole_lines_whatever_the_read_size(lines: list[str], step: int) -> None:
    import io

    data = "".join(line + "\n" for line in lines).encode()
    if not data:
        return
    chunks = list(read_chunks(io.BytesIO(data), Path("x"), Limits(max_line_chars=step)))
    text = "".join(chunk.text for chunk in chunks)
    assert text == data.decode().removeprefix("\ufeff")
    assert all(chunk.text.endswith("\n") for chunk in chunks)
    numbers = [chunk.line for chunk in chunks]
    expected = [1]
    for chunk in chunks[:-1]:
        expected.append(expected[-1] + chunk.text.count("\n"))
    assert numbers == expected
