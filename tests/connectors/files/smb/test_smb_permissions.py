"""Who can read / write files of a real Samba share, from the Windows ACLs Samba keeps.

ACLs are set through Samba itself (the admin share, see tests/support/samba.py);
the scanner reads them over ``[pdpa]`` as an ordinary user, through
:class:`FilesConnector` like a scan does.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from connectors.files.smb_fs import SmbFS
from connectors.model import HeldPrivilege, Principal

from .conftest import SambaShare
from .descriptors import FULL, INHERIT, INHERIT_ONLY, MODIFY, READ, READ_CONTROL, descriptor_bytes

ROOT, WHEEL, EVERYONE = "S-1-22-1-0", "S-1-22-2-0", "S-1-1-0"
ALICE = "S-1-5-21-1111-2222-3333-1105"
STAFF = "S-1-22-2-4242"  # "Unix Group\4242"
CSV = "ชื่อ,โทร\nสมชาย,0812345678\n".encode()


@contextmanager
def connector(
    share: SambaShare, folder: str, public_groups: tuple[str, ...] = ()
) -> Iterator[FilesConnector]:
    fs = SmbFS(f"{share.url}/{folder}", share.username, share.password)
    files = FilesConnector("share", fs=fs, public_groups=public_groups)
    files.open()
    try:
        yield files
    finally:
        files.close()


def rows(held: list[HeldPrivilege]) -> set[tuple[str, str, str, str]]:
    return {(h.dataset, h.principal, h.privilege, h.via) for h in held}


@contextmanager
def cleanup(samba_server: SambaShare) -> Iterator[None]:
    try:
        yield
    finally:
        shutil.rmtree(samba_server.share_dir / "stream", ignore_errors=True)


@pytest.fixture(scope="module")
def scanner_sid(samba_server: SambaShare) -> str:
    return samba_server.server.user_sid()


@pytest.fixture(scope="module")
def acl_tree(samba_server: SambaShare, scanner_sid: str) -> Iterator[str]:
    """perm/public (Everyone may read, inherited), perm/private (one file per case); removed
    afterwards, since the whole-share scans of test_smb_scan.py must not meet them."""
    try:
        yield make_tree(samba_server, scanner_sid)
    finally:
        shutil.rmtree(samba_server.share_dir / "perm", ignore_errors=True)


def make_tree(samba_server: SambaShare, scanner_sid: str) -> str:
    server = samba_server.server
    for folder in ("perm/public", "perm/private"):
        (samba_server.share_dir / folder).mkdir(parents=True)
    own = ("allow", ROOT, FULL, INHERIT)
    server.set_security(
        "perm/public", descriptor_bytes(ROOT, WHEEL, [own, ("allow", EVERYONE, READ, INHERIT)])
    )
    server.write_file("perm/public/staff.csv", CSV)  # created through Samba: inherits Everyone
    cases = {
        "alice_only.csv": (scanner_sid, WHEEL, [("allow", ALICE, READ, 0)]),
        "denied.csv": (
            ROOT,
            WHEEL,
            [
                ("deny", ALICE, 0x1, 0),
                ("allow", ALICE, MODIFY, 0),
                ("allow", scanner_sid, READ_CONTROL, 0),
            ],
        ),
        "owned.csv": (
            ALICE,
            WHEEL,
            [("allow", ALICE, MODIFY, 0), ("allow", scanner_sid, READ_CONTROL, 0)],
        ),
        "staff.csv": (
            ROOT,
            STAFF,
            [("allow", STAFF, READ, 0), ("allow", scanner_sid, READ_CONTROL, 0)],
        ),
        "unreadable.csv": (ALICE, WHEEL, [("allow", ALICE, READ, 0)]),  # not even READ_CONTROL
    }
    for name, (owner, group, aces) in cases.items():
        (samba_server.share_dir / "perm/private" / name).write_bytes(CSV)
        server.set_security(f"perm/private/{name}", descriptor_bytes(owner, group, aces))
    template = [("allow", scanner_sid, READ, 0), ("allow", "S-1-3-0", FULL, INHERIT | INHERIT_ONLY)]
    server.set_security("perm/private", descriptor_bytes(ROOT, WHEEL, template))
    return "perm"


def test_world_readable_folder_gives_everyone_read(
    samba_server: SambaShare, acl_tree: str, scanner_sid: str
) -> None:
    with connector(samba_server, f"{acl_tree}/public") as files:
        held = files.held_privileges(files.list_datasets())
        found = files.principals()
    assert rows(held) == {  # both entries inherited from the folder
        ("staff.csv", "Everyone", "READ", "other"),
        ("staff.csv", "Unix User\\0", "READ", "direct"),
        ("staff.csv", "Unix User\\0", "WRITE", "direct"),
    }
    assert Principal("Everyone", "public", can_login=False, sid=EVERYONE) in found
    assert Principal("Unix Group\\0", "group", can_login=False, sid=WHEEL) in found  # the folder's
    assert Principal(scanner_sid, "user", sid=scanner_sid) in found  # it created the file


def test_named_account_deny_owner_and_unreadable_descriptors(
    samba_server: SambaShare, acl_tree: str, scanner_sid: str
) -> None:
    with connector(samba_server, f"{acl_tree}/private") as files:
        names = files.list_datasets()
        held = files.held_privileges(names)
        found = {p.sid: p for p in files.principals()}
    assert "unreadable.csv" in names  # listed, but its permissions cannot be read
    assert rows(held) == {
        ("alice_only.csv", ALICE, "READ", "direct"),
        ("denied.csv", ALICE, "WRITE", "direct"),  # the deny took READ away
        ("owned.csv", ALICE, "READ", "owner"),
        ("owned.csv", ALICE, "WRITE", "owner"),
        ("staff.csv", "Unix Group\\4242", "READ", "direct"),
    }
    assert found[scanner_sid] == Principal(scanner_sid, "user", sid=scanner_sid)  # an owner
    assert found[ALICE].kind == "user" and found[STAFF].kind == "group"
    assert found["S-1-3-0"].name == "CREATOR OWNER"  # only in the folder's inheritable entry
    assert EVERYONE not in found  # no file here is open to everyone


@pytest.mark.parametrize("listed", ["S-1-22-2-4242", "unix group\\4242", "4242"])
def test_public_groups_make_a_named_group_public(
    samba_server: SambaShare, acl_tree: str, listed: str
) -> None:
    with connector(samba_server, f"{acl_tree}/private", (listed,)) as files:
        held = files.held_privileges(files.list_datasets())
        kinds = {p.name: p.kind for p in files.principals()}
    assert ("staff.csv", "Unix Group\\4242", "READ", "other") in rows(held)
    assert kinds["Unix Group\\4242"] == "public"
    assert kinds["Unix Group\\0"] == "group"


def test_descriptor_of_a_missing_file_is_a_dataset_error(
    samba_server: SambaShare, acl_tree: str
) -> None:
    with SmbFS(
        f"{samba_server.url}/{acl_tree}", samba_server.username, samba_server.password
    ) as fs:
        assert fs.security("").owner == ROOT  # the root folder
        with pytest.raises(DatasetError, match="not found") as caught:
            fs.security("private/nothing.csv")
        with pytest.raises(DatasetError, match="access denied"):
            fs.security("private/unreadable.csv")
    assert samba_server.password not in str(caught.value)


def test_open_binary_is_seekable_and_read_only(samba_server: SambaShare) -> None:
    data = os.urandom(3_000_000)
    (samba_server.share_dir / "stream").mkdir()
    (samba_server.share_dir / "stream" / "stream.bin").write_bytes(data)
    url = f"{samba_server.url}/stream"
    with SmbFS(url, samba_server.username, samba_server.password) as fs, cleanup(samba_server):
        with fs.open_binary("stream.bin") as handle:
            assert handle.seekable() and handle.readable() and not handle.writable()
            assert handle.read(10) == data[:10]
            handle.seek(-5, io.SEEK_END)
            assert handle.read() == data[-5:]
            handle.seek(1_500_000)
            assert handle.tell() == 1_500_000
            assert handle.read(100_000) == data[1_500_000:1_600_000]
            with pytest.raises(OSError):
                handle.write(b"x")  # type: ignore[call-overload]
        (samba_server.share_dir / "stream" / "folder").mkdir()
        for bad in ("missing.bin", "../outside.bin", "folder"):
            with pytest.raises(DatasetError):
                fs.open_binary(bad)
