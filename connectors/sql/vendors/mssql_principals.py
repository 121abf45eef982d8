"""SQL Server's principals, read from recorded catalogue rows (no connection).

:func:`principals_from_rows` lists the database's users, Windows groups and
roles with ``PUBLIC`` (the ``public`` role every user belongs to). Fixed
roles (``db_owner`` …) are listed only when they have members; the ``sys``
and ``INFORMATION_SCHEMA`` pseudo-users never. A user is a superuser when it
is ``dbo`` or its login is a ``sysadmin`` member or holds ``CONTROL SERVER``.
A user can log in (``can_login``) when all of these hold:

- it has a login (``authentication_type`` not NONE: a user ``WITHOUT
  LOGIN`` cannot), or is ``guest``, or is contained (DATABASE);
- its login is not disabled (``sys.server_principals.is_disabled``);
- a SQL user's login still exists, when every login is visible (a user whose
  login was dropped is orphaned);
- ``CONNECT`` on the database is granted to it, one of its roles or
  ``public``, and denied to none of them (``dbo`` always connects).

Without ``VIEW ANY DEFINITION`` only some logins are visible: a user whose
login is not seen is taken as able to log in.
"""

from __future__ import annotations

from connectors.model import Principal
from connectors.sql.vendors.mssql_permissions import (
    GROUP_TYPES,
    PUBLIC,
    ROLE_TYPES,
    Model,
    MssqlGrantRows,
    fixed_role,
)


def principals_from_rows(rows: MssqlGrantRows) -> list[Principal]:
    """Users, groups and roles of the database (fixed roles only when they have members)
    and ``PUBLIC``, sorted by name."""
    model = Model(rows)
    connect = model.state_holders("CONNECT", "GW")
    denied = model.state_holders("CONNECT", "D")
    has_members = {role for roles in model.edges.values() for role in roles}
    found = [Principal(PUBLIC, "public", can_login=False)]
    for pid, row in model.by_id.items():
        if pid == model.public or (fixed_role(row) and pid not in has_members):
            continue
        kind = "group" if row["type"] in GROUP_TYPES else "user"
        kind = "role" if row["type"] in ROLE_TYPES else kind
        found.append(
            Principal(
                str(row["name"]),
                kind,
                superuser=kind != "role" and model.superuser(pid),
                can_login=kind != "role" and _can_login(model, pid, connect, denied),
            )
        )
    return sorted(found, key=lambda p: p.name)


def _can_login(model: Model, pid: int, connect: set[int], denied: set[int]) -> bool:
    """A user can connect: it has a login (or is contained, or guest), the login is not
    disabled, CONNECT is granted to it (or a role / public) and denied to none of them."""
    row, login, token = model.by_id[pid], model.login(pid), model.token(pid)
    if login is not None and login["is_disabled"]:
        return False
    if row["name"] == "dbo":
        return True
    if int(row.get("authentication_type") or 0) == 0 and row["name"] != "guest":
        return False  # a user WITHOUT LOGIN (or one whose login type is unknown)
    orphaned = row["type"] == "S" and int(row.get("authentication_type") or 0) == 1
    if orphaned and model.rows.logins_complete and login is None:
        return False  # its login was dropped
    return bool(token & connect) and not token & denied
