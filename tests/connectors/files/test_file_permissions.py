"""File-share and SQLite privileges from POSIX mode bits and ACLs."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.files import permissions as fp
from connectors.files.connector import FilesConnector
from connectors.model import HeldPrivilege
from connectors.sql.grants.sqlite import sqlite_held_privileges, sqlite_principals
from tests.support.unavailable import unavailable

ME = pwd.getpwuid(os.getuid()).pw_name
MY_GROUP = grp.getgrgid(os.getgid()).gr_name
IS_ROOT = os.geteuid() == 0


def _rows(held: list[HeldPrivilege]) -> set[tuple[str, str, str, str]]:
    return {(h.dataset, h.principal, h.privilege, h.via) for h in held}


def _other_group() -> grp.struct_group:
    for group in grp.getgrall():
        if group.gr_gid != os.getgid():
            return group
    pytest.fail("no second group on this system")


@pytest.fixture
def share() -> Iterator[Path]:
    """A share root directly in the system temp dir, every level ``o+x``."""
    with tempfile.TemporaryDirectory(prefix="pdpa_perm_") as folder:
        root = Path(folder)
        root.chmod(0o755)
        yield root


def _file(root: Path, name: str, mode: int) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("name\nSomchai\n", encoding="utf-8")
    path.chmod(mode)
    return path


def test_mode_bits(share: Path) -> None:
    _file(share, "a600.csv", 0o600)
    _file(share, "b640.csv", 0o640)
    _file(share, "c644.csv", 0o644)
    _file(share, "d666.csv", 0o666)
    connector = FilesConnector("share", share)
    held = connector.held_privileges(connector.list_datasets())
    owner = {
        (n, ME, p, "owner")
        for n in ("a600.csv", "b640.csv", "c644.csv", "d666.csv")
        for p in ("READ", "WRITE")
    }
    assert _rows(held) == owner | {
        ("b640.csv", MY_GROUP, "READ", "direct"),
        ("c644.csv", MY_GROUP, "READ", "direct"),
        ("c644.csv", "everyone", "READ", "other"),
        ("d666.csv", MY_GROUP, "READ", "direct"),
        ("d666.csv", MY_GROUP, "WRITE", "direct"),
        ("d666.csv", "everyone", "READ", "other"),
        ("d666.csv", "everyone", "WRITE", "other"),
    }
    assert all(h.columns == () for h in held)


def test_group_readable_file_and_other_owner(share: Path) -> None:
    if not IS_ROOT:  # chown to another user / group needs root; CI runs as root
        unavailable("chown to another user / group needs root (CI runs as root)")
    group = _other_group()
    path = _file(share, "hr/staff.csv", 0o640)
    (share / "hr").chmod(0o755)
    os.chown(path, pwd.getpwnam("nobody").pw_uid, group.gr_gid)
    connector = FilesConnector("share", share)
    assert _rows(connector.held_privileges(["hr/staff.csv"])) == {
        ("hr/staff.csv", "nobody", "READ", "owner"),
        ("hr/staff.csv", "nobody", "WRITE", "owner"),
        ("hr/staff.csv", group.gr_name, "READ", "direct"),
    }
    found = {(p.name, p.kind) for p in connector.principals()}
    assert found == {("nobody", "user"), (group.gr_name, "group"), ("everyone", "public")}


def test_directory_without_x_for_others_blocks_everyone(share: Path) -> None:
    _file(share, "open/x.txt", 0o644)
    _file(share, "closed/x.txt", 0o644)
    (share / "open").chmod(0o755)
    (share / "closed").chmod(0o750)
    held = FilesConnector("share", share).held_privileges(["open/x.txt", "closed/x.txt"])
    everyone = {h.dataset for h in held if h.principal == "everyone"}
    assert everyone == {"open/x.txt"}


def test_unknown_and_escaping_names_are_skipped(share: Path) -> None:
    _file(share, "a.csv", 0o644)
    connector = FilesConnector("share", share)
    held = connector.held_privileges(["gone.csv", "../../etc/passwd", "a.csv#Sheet1"])
    assert {h.dataset for h in held} == {"a.csv#Sheet1"}


def test_sqlite_file_permissions(share: Path) -> None:
    path = share / "app.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    datasets = ["main.people", "main.orders"]
    path.chmod(0o640)
    write = ("INSERT", "UPDATE", "DELETE")
    expected = {(d, ME, p, "owner") for d in datasets for p in ("SELECT", *write)}
    expected |= {(d, MY_GROUP, "SELECT", "direct") for d in datasets}
    assert _rows(sqlite_held_privileges(path, datasets)) == expected
    path.chmod(0o604)  # every directory up to / is o+x (the share sits in the temp dir)
    held = _rows(sqlite_held_privileges(path, datasets))
    assert {r for r in held if r[1] == "everyone"} == {
        (d, "everyone", "SELECT", "other") for d in datasets
    }
    assert not {r for r in held if r[3] == "direct"}  # the group has no bit now
    names = {(p.name, p.kind) for p in sqlite_principals(path)}
    assert names == {(ME, "user"), (MY_GROUP, "group"), ("everyone", "public")}
    assert sqlite_held_privileges(share / "missing.sqlite", datasets) == []


GETFACL_OUTPUT = """\
# file: /srv/share/a\\040b.csv
# owner: root
# group: hr
user::rw-
user:alice:rw-\t\t\t#effective:r--
group::rw-\t\t\t#effective:r--
group:audit:r--
mask::r--
other::---

# file: /srv/share/plain.csv
user::rw-
group::r--
other::r--
default:user:bob:rwx
"""


def test_parse_getfacl() -> None:
    acls = fp.parse_getfacl(GETFACL_OUTPUT)
    assert set(acls) == {"/srv/share/a b.csv", "/srv/share/plain.csv"}
    entries = acls["/srv/share/a b.csv"]
    assert fp.AclEntry("user", "alice", True, True) in entries
    assert fp.AclEntry("mask", "", True, False) in entries
    assert len(acls["/srv/share/plain.csv"]) == 3  # default: entries skipped


def test_acl_mask_applies_to_named_entries_and_owning_group(share: Path) -> None:
    path = _file(share, "a.csv", 0o640)
    acl = fp.parse_getfacl(GETFACL_OUTPUT)["/srv/share/a b.csv"]
    rows = _rows(fp.held("a.csv", fp.file_access(path, share, acl), fp.FILE_READ, fp.FILE_WRITE))
    assert rows == {
        ("a.csv", ME, "READ", "owner"),
        ("a.csv", ME, "WRITE", "owner"),
        ("a.csv", MY_GROUP, "READ", "direct"),  # group::rw- masked to r--
        ("a.csv", "alice", "READ", "direct"),  # user:alice:rw- masked to r--
        ("a.csv", "audit", "READ", "direct"),
    }


def test_getfacl_is_run_when_present(share: Path) -> None:
    """A real ACL entry (set with setfacl) reaches held privileges and the principals."""
    setfacl = shutil.which("setfacl")
    if setfacl is None or shutil.which("getfacl") is None:
        unavailable("setfacl/getfacl not installed (apt-get install -y acl)")
    _file(share, "a.csv", 0o640)
    _file(share, "b.csv", 0o640)
    subprocess.run([setfacl, "-m", "u:nobody:rw,m::rw", str(share / "a.csv")], check=True)
    connector = FilesConnector("share", share)
    held = _rows(connector.held_privileges(["a.csv", "b.csv"]))
    assert {r for r in held if r[1] == "nobody"} == {
        ("a.csv", "nobody", "READ", "direct"),
        ("a.csv", "nobody", "WRITE", "direct"),
    }
    assert ("nobody", "user") in {(p.name, p.kind) for p in connector.principals()}


def test_real_acl_or_nothing_extra(share: Path) -> None:
    path = _file(share, "acl.csv", 0o600)
    connector = FilesConnector("share", share)
    base = {(ME, "READ", "owner"), (ME, "WRITE", "owner")}
    setfacl = shutil.which("setfacl")
    if setfacl is None or shutil.which("getfacl") is None:
        assert fp.read_acls([path]) == {}
        assert {r[1:] for r in _rows(connector.held_privileges(["acl.csv"]))} == base
        return
    done = subprocess.run([setfacl, "-m", "u:nobody:rw,g:nogroup:r,m::r", str(path)], check=False)
    if done.returncode != 0:  # the filesystem has no POSIX ACLs: nothing extra either
        assert {r[1:] for r in _rows(connector.held_privileges(["acl.csv"]))} == base
        return
    assert {r[1:] for r in _rows(connector.held_privileges(["acl.csv"]))} == base | {
        ("nobody", "READ", "direct"),
        ("nogroup", "READ", "direct"),
    }
