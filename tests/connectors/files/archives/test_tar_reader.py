"""Tar, .tgz and .tar.gz archives: members as datasets, every trap refused with one line."""

from __future__ import annotations

import os
import tarfile

import pytest

from connectors.files.readers.content import MIB, ReadLimits, Skipped, Table, Text
from connectors.files.readers.registry import read_content
from tests.connectors.files.archives.samples import tar_bytes

CSV = b"name,phone\nSomchai,0812345678\n"
LIMITS = ReadLimits()


def _by_suffix(content: object) -> dict[str, object]:
    assert isinstance(content, tuple), content
    return {part.name_suffix: part for part in content}


@pytest.mark.parametrize("name", ["x.tar.gz", "x.tgz", "x.tar"])
@pytest.mark.parametrize("mode", ["w:gz", "w:bz2", "w:xz", "w"])
def test_members_are_read_whatever_the_compression(name: str, mode: str) -> None:
    data = tar_bytes({"hr/staff.csv": CSV, "ลูกค้า/จดหมาย.txt": "เรียน คุณสมชาย\n".encode()}, mode)
    parts = _by_suffix(read_content(name, data, LIMITS))
    table = parts["/hr/staff.csv"]
    assert isinstance(table, Table) and table.rows == (("Somchai", "0812345678"),)
    assert parts["/ลูกค้า/จดหมาย.txt"] == Text(("เรียน คุณสมชาย",), "/ลูกค้า/จดหมาย.txt")


@pytest.mark.parametrize(
    ("member", "kind", "reason"),
    [
        ("../evil.txt", None, "unsafe member path (absolute or leaving the archive)"),
        ("a/../../evil.txt", None, "unsafe member path (absolute or leaving the archive)"),
        ("/etc/cron.d/x.txt", None, "unsafe member path (absolute or leaving the archive)"),
        ("C:/boot.txt", None, "unsafe member path (absolute or leaving the archive)"),
        ("link.txt", tarfile.SYMTYPE, "symlink member"),
        ("hard.txt", tarfile.LNKTYPE, "hardlink member"),
        ("tty.txt", tarfile.CHRTYPE, "device member"),
        ("disk.txt", tarfile.BLKTYPE, "device member"),
        ("pipe.txt", tarfile.FIFOTYPE, "FIFO member"),
        ("program.exe", None, "unsupported format .exe"),
    ],
)
def test_traps_are_refused_and_the_rest_is_read(
    member: str, kind: bytes | None, reason: str
) -> None:
    regular = {member: b"x\n"} if kind is None else {}
    special = {member: kind} if kind is not None else {}
    data = tar_bytes({**regular, "ok.txt": b"fine\n"}, special=special)
    parts = _by_suffix(read_content("trap.tar.gz", data, LIMITS))
    assert parts[f"/{member}"] == Skipped(reason, f"/{member}")
    assert parts["/ok.txt"] == Text(("fine",), "/ok.txt")


def test_a_gzip_bomb_stops_the_stream() -> None:
    data = tar_bytes({"zeros.txt": bytes(64 * MIB), "after.txt": b"never read\n"})
    assert len(data) < 200 * 1024
    parts = read_content("bomb.tar.gz", data, LIMITS)
    assert parts == (
        Skipped("compression ratio above 100 (tar bomb?)", "/zeros.txt"),
        Skipped("compression ratio above 100 (tar bomb?)", ""),
    )


def test_a_stream_beyond_the_archive_budget_stops_there() -> None:
    members = {f"f{i}.txt": os.urandom(256 * 1024).hex().encode() for i in range(6)}  # 512 KiB each
    limits = ReadLimits(max_zip_total=1 * MIB, max_zip_members=10)
    parts = read_content("big.tar.gz", tar_bytes(members), limits)
    assert isinstance(parts, tuple)
    assert [p.name_suffix for p in parts if isinstance(p, Text)] == ["/f0.txt", "/f1.txt"]
    reason = "archive read limit (1 MiB uncompressed) reached"
    assert Skipped(reason, "/f2.txt") in parts
    assert parts[-1] == Skipped(reason, "")  # the stream stopped before its end


def test_member_limit_counts_the_rest() -> None:
    data = tar_bytes({f"f{i}.txt": b"line\n" for i in range(5)})
    parts = read_content("many.tar", data, ReadLimits(max_zip_members=3))
    assert isinstance(parts, tuple)
    assert [p.name_suffix for p in parts if isinstance(p, Text)] == [
        "/f0.txt",
        "/f1.txt",
        "/f2.txt",
    ]
    assert parts[-1] == Skipped("member limit (3) reached, 2 not read", "/f3.txt")


def test_nesting_is_bounded_and_shared_with_zip() -> None:
    inner = tar_bytes({"deep.txt": b"three levels down\n"})
    middle = tar_bytes({"inner.tar.gz": inner, "mid.csv": CSV})
    parts = _by_suffix(read_content("outer.tgz", tar_bytes({"middle.tar.gz": middle}), LIMITS))
    assert isinstance(parts["/middle.tar.gz/mid.csv"], Table)
    assert parts["/middle.tar.gz/inner.tar.gz"] == Skipped(
        "TAR.GZ nested deeper than 2 levels", "/middle.tar.gz/inner.tar.gz"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a tar at all" * 40, "not a tar archive or corrupt (ReadError)"),
        (b"\x1f\x8b\x08\x00garbage", "not a tar archive or corrupt (EOFError)"),
        (b"", "not a tar archive or corrupt (ReadError)"),
    ],
)
def test_what_is_no_tar_is_one_line(data: bytes, reason: str) -> None:
    assert read_content("x.tar.gz", data, LIMITS) == Skipped(reason)


def test_a_truncated_archive_keeps_what_came_before_the_cut() -> None:
    members = {f"f{i}.txt": os.urandom(40_000).hex().encode() for i in range(4)}
    data = tar_bytes(members)
    parts = read_content("cut.tar.gz", data[: len(data) // 2], LIMITS)
    assert isinstance(parts, tuple)
    assert isinstance(parts[0], Text) and parts[0].name_suffix == "/f0.txt"
    assert parts[-1] == Skipped("corrupt or truncated tar, rest not read (EOFError)", "")


def test_a_thai_windows_member_name_is_decoded() -> None:
    name = "รายชื่อ.csv".encode("cp874").decode("utf-8", "surrogateescape")
    data = tar_bytes({name: CSV}, "w")
    parts = _by_suffix(read_content("legacy.tar", data, LIMITS))
    assert isinstance(parts["/รายชื่อ.csv"], Table)
