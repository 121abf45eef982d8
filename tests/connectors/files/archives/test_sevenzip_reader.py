"""7z archives: budgets judged from the listing, accepted members decompressed in memory."""

from __future__ import annotations

import io
from pathlib import Path

import py7zr
import pytest

from connectors.files.readers.content import MIB, ReadLimits, Skipped, Table, Text
from connectors.files.readers.registry import read_content
from tests.connectors.files.archives.samples import sevenzip_bytes, sevenzip_renamed, tar_bytes
from tests.support.file_samples import zip_bytes

CSV = b"name,phone\nSomchai,0812345678\n"
LIMITS = ReadLimits()


def _by_suffix(content: object) -> dict[str, object]:
    assert isinstance(content, tuple), content
    return {part.name_suffix: part for part in content}


def test_members_are_read_from_memory() -> None:
    data = sevenzip_bytes({"hr/staff.csv": CSV, "จดหมาย.txt": "เรียน คุณสมชาย\n".encode()})
    parts = _by_suffix(read_content("x.7z", data, LIMITS))
    table = parts["/hr/staff.csv"]
    assert isinstance(table, Table) and table.rows == (("Somchai", "0812345678"),)
    assert parts["/จดหมาย.txt"] == Text(("เรียน คุณสมชาย",), "/จดหมาย.txt")


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"password": "secret"}, "encrypted 7z"),
        ({"password": "secret", "header_encryption": True}, "encrypted 7z"),
    ],
)
def test_encrypted_archives_are_refused(options: dict[str, object], reason: str) -> None:
    data = sevenzip_bytes({"a.txt": b"secret 0812345678\n"}, **options)
    assert read_content("locked.7z", data, LIMITS) == Skipped(reason)


@pytest.mark.parametrize(
    ("renames", "member", "reason"),
    [
        ({"aa/evil.txt": "../evil.txt"}, "/../evil.txt", "unsafe member path"),
        ({"aa/evil.txt": "/a/evil.txt"}, "//a/evil.txt", "unsafe member path"),
        ({"aa/evil.txt": "C:/evil.txt"}, "/C:/evil.txt", "unsafe member path"),
        ({"aa/evil.txt": "ok.txt-----"}, "/ok.txt-----", "unsupported format .txt-----"),
    ],
)
def test_traps_in_names_are_refused(renames: dict[str, str], member: str, reason: str) -> None:
    data = sevenzip_renamed({"aa/evil.txt": b"x\n", "ok.txt": b"fine\n"}, renames)
    parts = _by_suffix(read_content("trap.7z", data, LIMITS))
    skipped = parts[member]
    assert isinstance(skipped, Skipped) and skipped.reason.startswith(reason)
    assert parts["/ok.txt"] == Text(("fine",), "/ok.txt")


def test_a_symlink_member_is_refused(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to("/etc/passwd")
    (tmp_path / "ok.txt").write_bytes(b"fine\n")
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.write(tmp_path / "link.txt", "link.txt")
        archive.write(tmp_path / "ok.txt", "ok.txt")
    parts = _by_suffix(read_content("links.7z", buffer.getvalue(), LIMITS))
    assert parts["/link.txt"] == Skipped("symlink member", "/link.txt")
    assert parts["/ok.txt"] == Text(("fine",), "/ok.txt")


def test_a_solid_block_bomb_is_refused_before_decompressing() -> None:
    data = sevenzip_bytes({"zeros.txt": bytes(40 * MIB), "ok.txt": b"in the same block\n"})
    assert len(data) < 100 * 1024
    assert read_content("bomb.7z", data, LIMITS) == (
        Skipped("compression ratio above 100 (7z bomb?)", "/zeros.txt"),
        Skipped("compression ratio above 100 (7z bomb?)", "/ok.txt"),
    )


def test_a_member_behind_too_much_of_its_solid_block_is_refused() -> None:
    noise = bytes(range(256)) * (5 * MIB // 256)
    data = sevenzip_bytes({"noise.bin": noise, "after.txt": b"behind 5 MiB\n"})
    limits = ReadLimits(max_zip_total=1 * MIB, max_zip_ratio=1_000_000)  # no bomb: too much work
    assert read_content("solid.7z", data, limits) == (
        Skipped("archive read limit (1 MiB uncompressed) reached", "/noise.bin"),
        Skipped("solid block too large to read (above 4 MiB)", "/after.txt"),
    )


def test_member_count_and_total_budgets() -> None:
    members = {f"f{i}.txt": b"line\n" * 100 for i in range(5)}
    parts = read_content("many.7z", sevenzip_bytes(members), ReadLimits(max_zip_members=3))
    assert isinstance(parts, tuple)
    assert [p.name_suffix for p in parts if isinstance(p, Text)] == [
        "/f0.txt",
        "/f1.txt",
        "/f2.txt",
    ]
    assert parts[-1] == Skipped("member limit (3) reached, 2 not read", "/f3.txt")
    sized = read_content(
        "many.7z", sevenzip_bytes(members), ReadLimits(max_bytes=200, max_zip_total=450)
    )
    assert isinstance(sized, tuple)
    texts = [p for p in sized if isinstance(p, Text)]
    assert len(texts) == 2 and "first 200 of 500 bytes" in texts[0].note
    assert sum(isinstance(p, Skipped) and "read limit" in p.reason for p in sized) == 3


def test_a_repeated_name_is_refused() -> None:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(b"first\n", "same.txt")
        archive.writestr(b"second\n", "same.txt")
        archive.writestr(b"fine\n", "ok.txt")
    parts = read_content("dup.7z", buffer.getvalue(), LIMITS)
    assert parts == (
        Skipped("duplicate member name", "/same.txt"),
        Skipped("duplicate member name", "/same.txt"),
        Text(("fine",), "/ok.txt"),
    )


def test_nested_archives_share_depth_with_zip_and_tar() -> None:
    level3 = zip_bytes({"deep.txt": b"three levels down\n"})
    level2 = tar_bytes({"l3.zip": level3, "mid.csv": CSV})
    parts = _by_suffix(read_content("top.7z", sevenzip_bytes({"l2.tar.gz": level2}), LIMITS))
    assert isinstance(parts["/l2.tar.gz/mid.csv"], Table)
    assert parts["/l2.tar.gz/l3.zip"] == Skipped(
        "ZIP nested deeper than 2 levels", "/l2.tar.gz/l3.zip"
    )


@pytest.mark.parametrize("keep", [0.05, 0.3, 0.5, 0.99])
def test_a_truncated_archive_is_one_line(keep: float) -> None:
    data = sevenzip_bytes({"a.txt": b"hello\n" * 100, "b.txt": bytes(range(256))})
    cut = data[: int(len(data) * keep)]
    assert read_content("cut.7z", cut, LIMITS) == Skipped("unreadable 7Z file (Bad7zFile)")


def test_corrupt_data_refuses_the_members_not_the_scan() -> None:
    data = bytearray(sevenzip_bytes({"a.txt": b"hello world\n" * 1000}))
    data[40] ^= 0xFF
    data[50] ^= 0xFF
    content = read_content("bad.7z", bytes(data), LIMITS)
    assert isinstance(content, tuple) and len(content) == 1
    part = content[0]
    assert isinstance(part, Skipped) and part.name_suffix == "/a.txt"
    assert part.reason.startswith("corrupt or unsupported member (")
