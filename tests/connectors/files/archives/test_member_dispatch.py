"""The one member dispatch behind ZIP, tar, 7z and mail attachments: verdicts and shared budgets."""

from __future__ import annotations

import pytest

from connectors.files.readers.archives.members import Budget, Member, Walk, admitted, verdict
from connectors.files.readers.content import MIB, Part, ReadLimits, Skipped, Table, Text
from connectors.files.readers.registry import read_content
from tests.connectors.files.archives.msg_builder import Attachment, Msg, msg_bytes
from tests.connectors.files.archives.samples import email_bytes, sevenzip_bytes, tar_bytes
from tests.support.file_samples import zip_bytes

CSV = b"name,phone\nSomchai,0812345678\n"
LIMITS = ReadLimits(max_bytes=1000, max_zip_total=5000, max_zip_depth=2)
UNSAFE = "unsafe member path (absolute or leaving the archive)"


def _walk(total: int = 5000, depth: int = 1) -> Walk:
    return Walk(LIMITS, Budget(10, total), depth)


def _expand(suffix: str, walk: Walk) -> list[Part]:
    return []


@pytest.mark.parametrize(
    ("member", "walk", "reason"),
    [
        (Member("ok.txt", 10), _walk(), ""),
        (Member("a/b/ok.csv", 10), _walk(), ""),
        (Member("../x.txt", 10), _walk(), UNSAFE),
        (Member("a/../../x.txt", 10), _walk(), UNSAFE),
        (Member("/etc/x.txt", 10), _walk(), UNSAFE),
        (Member("c:/x.txt", 10), _walk(), UNSAFE),
        (Member("a..b/x..txt", 10), _walk(), ""),  # dots inside a name are no step up
        (Member("link.txt", 10, refusal="symlink member"), _walk(), "symlink member"),
        (
            Member("big.txt", 2 * MIB, packed=100),
            _walk(),
            "compression ratio above 100 (zip bomb?)",
        ),
        (Member("small.txt", MIB, packed=1), _walk(), ""),  # too small to be a bomb
        (Member("x.txt", 10), _walk(total=0), "archive read limit (0 MiB uncompressed) reached"),
        (Member("x.txt", 600), _walk(total=500), "archive read limit (0 MiB uncompressed) reached"),
        (Member("in.zip", 10), _walk(depth=2), "ZIP nested deeper than 2 levels"),
        (Member("in.tar.gz", 10), _walk(depth=2), "TAR.GZ nested deeper than 2 levels"),
        (Member("fwd.eml", 10), _walk(depth=2), "EML nested deeper than 2 levels"),
        (Member("fwd.msg", 0, expand=_expand), _walk(depth=2), "MSG nested deeper than 2 levels"),
        (Member("in.zip", 10), _walk(depth=1), ""),
        (Member("book.xlsx", 2000), _walk(), "member larger than the read budget (1000 bytes)"),
        (Member("log.txt", 2000), _walk(), ""),  # a line format is sampled
    ],
)
def test_verdicts(member: Member, walk: Walk, reason: str) -> None:
    assert verdict(member, walk) == reason


def test_the_plan_foresees_the_budgets() -> None:
    members = [Member(f"f{i}.txt", 400) for i in range(20)] + [Member("../x.txt", 1)]
    plan = admitted(members, Walk(LIMITS, Budget(15, 5000)))
    assert plan == [True] * 12 + [False] * 9  # 12 × 400 bytes fit in 5000, then the total is spent


def test_an_eml_inside_a_zip_is_expanded_in_place() -> None:
    mail = email_bytes("ใน zip\n", (("list.csv", CSV, "text/csv"),), subject="in zip")
    content = read_content("box.zip", zip_bytes({"saved/hr.eml": mail}), ReadLimits())
    assert isinstance(content, tuple)
    names = {p.name_suffix: p for p in content}
    assert (
        isinstance(names["/saved/hr.eml"], Text)
        and "Subject: in zip" in names["/saved/hr.eml"].lines
    )
    assert isinstance(names["/saved/hr.eml/list.csv"], Table)


@pytest.mark.parametrize(
    ("name", "container"),
    [
        ("box.zip", lambda members: zip_bytes(members)),
        ("box.tar.gz", lambda members: tar_bytes(members)),
        ("box.7z", lambda members: sevenzip_bytes(members)),
        (
            "box.eml",
            lambda members: email_bytes(
                "x\n", tuple((n, d, "application/octet-stream") for n, d in members.items())
            ),
        ),
        (
            "box.msg",
            lambda members: msg_bytes(
                Msg(attachments=tuple(Attachment(n, d) for n, d in members.items()))
            ),
        ),
    ],
)
def test_the_member_budget_is_shared_by_nested_containers(name: str, container: object) -> None:
    inner = zip_bytes({f"in{i}.txt": b"line\n" for i in range(4)})
    data = container({"a.txt": b"line\n", "inner.zip": inner, "b.txt": b"line\n"})  # type: ignore[operator]
    content = read_content(name, data, ReadLimits(max_zip_members=4))
    assert isinstance(content, tuple)
    read = [p.name_suffix for p in content if isinstance(p, Text) and p.name_suffix]
    assert read == ["/a.txt", "/inner.zip/in0.txt", "/inner.zip/in1.txt"]
    assert Skipped("member limit (4) reached, 2 not read", "/inner.zip/in2.txt") in content
    assert Skipped("member limit (4) reached, 1 not read", "/b.txt") in content


def test_the_byte_budget_is_shared_by_nested_containers() -> None:
    inner = tar_bytes({f"in{i}.txt": b"x" * 399 + b"\n" for i in range(3)})
    data = email_bytes(
        "x\n",
        (("a.txt", b"y" * 399 + b"\n", "text/plain"), ("inner.tar", inner, "application/x-tar")),
    )
    content = read_content("m.eml", data, ReadLimits(max_zip_total=800 + len(inner)))
    assert isinstance(content, tuple)
    read = [p.name_suffix for p in content if isinstance(p, Text) and p.name_suffix]
    assert read == ["/a.txt", "/inner.tar/in0.txt"]
    assert (
        Skipped("archive read limit (0 MiB uncompressed) reached", "/inner.tar/in1.txt") in content
    )
