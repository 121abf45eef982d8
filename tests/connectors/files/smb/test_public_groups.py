"""``public_groups`` on a local share: a listed group counts as everyone (ACCESS_PUBLIC).

(The SMB side is in test_smb_permissions.py; this folder holds the share
permission tests of issue 19.)
"""

from __future__ import annotations

import grp
import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from connectors.files.connector import FilesConnector
from connectors.model import Principal
from scanners.checks.access.review import review_access


def a_group() -> grp.struct_group:
    """A group other than the process's own, to own the test file."""
    for group in grp.getgrall():
        if group.gr_gid != os.getgid() and group.gr_name:
            return group
    pytest.fail("no second group on this system")


@pytest.fixture
def share() -> Iterator[tuple[Path, str]]:
    with tempfile.TemporaryDirectory(prefix="pdpa_public_groups_") as folder:
        root = Path(folder)
        root.chmod(0o755)
        path = root / "staff.csv"
        path.write_text("name\nSomchai\n", encoding="utf-8")
        group = a_group()
        if os.geteuid() == 0:
            os.chown(path, 0, group.gr_gid)
        else:
            group = grp.getgrgid(os.getgid())
        path.chmod(0o640)
        yield root, group.gr_name


@pytest.mark.parametrize(
    ("public_groups", "public"),
    [((), False), (("{group}",), True), (("  {GROUP} ",), True), (("{group}x",), False)],
)
def test_a_listed_local_group_is_public(
    share: tuple[Path, str], public_groups: tuple[str, ...], public: bool
) -> None:
    root, group = share
    listed = tuple(g.format(group=group, GROUP=group.upper()) for g in public_groups)
    files = FilesConnector("share", root, public_groups=listed)
    held = files.held_privileges(files.list_datasets())
    kind = "public" if public else "group"
    assert Principal(group, kind, can_login=False) in files.principals()
    assert ("staff.csv", group, "READ", "direct") in {
        (h.dataset, h.principal, h.privilege, h.via) for h in held
    }
    review = review_access(
        "share", files.principals(), held, {"staff.csv": frozenset({"PERSON"})}, [], date.today()
    )
    publics = [f for f in review.findings if f.type == "ACCESS_PUBLIC"]
    assert [(f.principal, f.privileges) for f in publics] == (
        [(group, ("READ",))] if public else []
    )
    if public:
        assert f"setfacl -x g:{group}" in publics[0].remediation
