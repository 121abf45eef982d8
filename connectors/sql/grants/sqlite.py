"""Principals and privileges of a SQLite database: its file's permissions.

SQLite has no users or grants: whoever can read the database file can read
every table, whoever can write it can change every table. So each dataset
(``main.table``) gets the file's rights (see :mod:`connectors.files.permissions`):
read → SELECT; write → INSERT, UPDATE, DELETE. The owning user holds them
``via="owner"``, the owning group (kind ``group``) ``via="direct"``,
``everyone`` (kind ``public``) ``via="other"`` when every directory above the
file has ``o+x``, and ACL-named users / groups ``via="direct"`` with the ACL
mask applied (only when ``getfacl`` is installed).

Not modelled: TRUNCATE, REFERENCES and TRIGGER (SQLite has no such
privileges; write rights allow the equivalent DELETE and DDL), the directory
write right SQLite needs for its journal, and root, which reads everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from connectors.files import permissions as file_permissions
from connectors.model import HeldPrivilege, Principal


def sqlite_principals(database_path: Path) -> list[Principal]:
    """The file's owner and group, ACL-named users / groups, and ``everyone``."""
    return file_permissions.principals([Path(database_path)])


def sqlite_held_privileges(database_path: Path, datasets: Sequence[str]) -> list[HeldPrivilege]:
    """The file's rights as SELECT / INSERT / UPDATE / DELETE on every dataset given."""
    path = Path(database_path)
    return file_permissions.held_privileges(
        {dataset: path for dataset in dict.fromkeys(datasets)},
        None,
        file_permissions.TABLE_READ,
        file_permissions.TABLE_WRITE,
    )
