"""Principals and effective table privileges on MySQL / MariaDB.

Read from the grant tables themselves (``mysql.user``, ``mysql.db``,
``mysql.tables_priv``, ``mysql.columns_priv``, ``mysql.roles_mapping`` on
MariaDB, ``mysql.role_edges`` on MySQL 8), never from ``information_schema``,
whose ``*_PRIVILEGES`` views depend on the reader's own active role. Password
hashes are never selected. Which tables and columns exist is looked up first,
so the same code reads MariaDB 10.x and MySQL 8.

Semantics of what :func:`mysql_held_privileges` reports:

* Accounts are ``user@host`` (``'app'@'%'`` → ``app@%``); roles are their bare
  name (kind ``role``, ``can_login=False``); ``PUBLIC`` (MariaDB 10.11+) is
  always listed, kind ``public``.
* A privilege on ``*.*`` applies to every dataset, on ``db.*`` to the datasets
  of the databases it matches (``%`` / ``_`` wildcards, ``\\`` escapes, as the
  server matches ``mysql.db``), on a table to that table; a column grant is
  reported with ``columns=`` (folded into a table-wide row of the same path).
* Names map Select/Insert/Update/Delete/References/Trigger one to one. MySQL
  has no TRUNCATE privilege: ``TRUNCATE TABLE`` needs DROP, so DROP is
  reported as TRUNCATE.
* Own grants are ``via="direct"``. A role's grants are held by every account
  and role it is granted to, directly or through nested roles, with
  ``via="role <name>"`` naming the role that holds the grant. Every granted
  role counts, default role or not: MariaDB activates only the default role at
  login, but the holder can ``SET ROLE`` any granted role at will.
* Grants to ``PUBLIC`` are reported once, for the principal ``PUBLIC``
  (``via="PUBLIC"``), never copied onto every account (as PostgreSQL does).
* Every way a privilege is held is a row of its own (direct and through a
  role, say); a column grant is folded into a table-wide grant of the same way.
* An account with SUPER (which ``ALL PRIVILEGES ON *.*`` includes), itself or
  through a role, is ``superuser=True`` and holds all seven privileges on every
  dataset ``via="superuser"``; its other paths are not listed.

Not modelled: MySQL 8 mandatory roles and ``activate_all_roles_on_login``,
partial revokes, proxy users, and stored-routine DEFINER rights.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import column, func, select, table
from sqlalchemy.engine import Connection

from connectors.errors import SourceError
from connectors.model import HeldPrivilege, Principal

#: MySQL privilege name → access-list privilege (DROP allows TRUNCATE TABLE).
PRIVILEGE_MAP = {
    "Select": "SELECT",
    "Insert": "INSERT",
    "Update": "UPDATE",
    "Delete": "DELETE",
    "Drop": "TRUNCATE",
    "References": "REFERENCES",
    "Trigger": "TRIGGER",
}
ALL_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
PUBLIC = "PUBLIC"

Node = tuple[str, str]  # (User, Host) as in the grant tables; roles have Host ''
Grant = tuple[str, str, tuple[str, ...]]  # (dataset, privilege, columns; () = whole table)


@dataclass
class _Account:
    user: str
    host: str
    is_role: bool = False
    superuser: bool = False
    locked: bool = False
    grants: list[Grant] = field(default_factory=list)
    roles: list[Node] = field(default_factory=list)  # roles granted to this account

    @property
    def name(self) -> str:
        if self.user == PUBLIC and self.host == "":
            return PUBLIC
        if self.is_role:
            return self.user if self.host in ("", "%") else f"{self.user}@{self.host}"
        return f"{self.user}@{self.host}"


def mysql_principals(conn: Connection) -> list[Principal]:
    """Every account and role of the server, plus ``PUBLIC``, sorted by name."""
    accounts = _read(conn, ())
    found = {PUBLIC: Principal(PUBLIC, "public", can_login=False)}
    for account in accounts.values():
        if account.name == PUBLIC:
            continue
        kind = "role" if account.is_role else "user"
        superuser = _superuser(account, _closure(account, accounts))
        found[account.name] = Principal(
            account.name,
            kind,
            superuser=superuser,
            can_login=not account.is_role and not account.locked,
        )
    return [found[name] for name in sorted(found)]


def mysql_held_privileges(conn: Connection, datasets: Sequence[str]) -> list[HeldPrivilege]:
    """Effective privileges of every principal on ``datasets`` (``database.table``)."""
    wanted = [d for d in dict.fromkeys(datasets) if "." in d]
    if not wanted:
        return []
    accounts = _read(conn, wanted)
    held: dict[tuple[str, str, str, str], set[str] | None] = {}

    def add(principal: str, grants: Iterable[Grant], via: str) -> None:
        for dataset, privilege, columns in grants:
            key = (principal, dataset, privilege, via)
            if key not in held or held[key] is not None:  # None: whole table already
                held[key] = (held.get(key) or set()) | set(columns) if columns else None

    for account in accounts.values():
        roles = _closure(account, accounts)
        if account.name == PUBLIC:
            add(PUBLIC, account.grants, PUBLIC)
            for role in roles:
                add(PUBLIC, role.grants, PUBLIC)
            continue
        if _superuser(account, roles):
            add(account.name, ((d, p, ()) for d in wanted for p in ALL_PRIVILEGES), "superuser")
            continue
        add(account.name, account.grants, "direct")
        for role in roles:
            add(account.name, role.grants, f"role {role.name}")
    return [
        HeldPrivilege(dataset, principal, privilege, via, tuple(sorted(cols or ())))
        for (principal, dataset, privilege, via), cols in sorted(held.items(), key=lambda i: i[0])
    ]


# -- reading the grant tables ------------------------------------------------


def _read(conn: Connection, datasets: Sequence[str]) -> dict[Node, _Account]:
    """Every account with its own grants on ``datasets`` and the roles granted to it.

    Grant rows of accounts that no longer exist (stale grant tables) are ignored.
    """
    have = _columns(conn)
    if "User" not in have.get("user", set()):
        raise SourceError("cannot read grants: no SELECT on mysql.user")
    user_cols = have["user"]
    mapped = [p for p in PRIVILEGE_MAP if f"{p}_priv" in user_cols]
    names = ["User", "Host", *(f"{p}_priv" for p in mapped)]
    names += [c for c in ("Super_priv", "is_role", "account_locked") if c in user_cols]
    user_t = table("user", *(column(n) for n in names), schema="mysql")
    accounts: dict[Node, _Account] = {}
    for row in conn.execute(select(*user_t.c)).mappings():
        node = (row["User"], row["Host"])
        account = _Account(
            *node,
            is_role=row.get("is_role") == "Y",
            superuser=row.get("Super_priv") == "Y",
            locked=row.get("account_locked") == "Y",
        )
        privileges = [PRIVILEGE_MAP[p] for p in mapped if row[f"{p}_priv"] == "Y"]
        account.grants += [(d, p, ()) for d in datasets for p in privileges]
        accounts[node] = account
    if "Priv" in have.get("global_priv", set()):  # MariaDB 10.4+: locked flag lives here
        gp = table("global_priv", column("User"), column("Host"), column("Priv"), schema="mysql")
        locked = func.json_value(gp.c.Priv, "$.account_locked")
        for user, host, flag in conn.execute(select(gp.c.User, gp.c.Host, locked)):
            if (user, host) in accounts and str(flag).lower() in ("true", "1"):
                accounts[(user, host)].locked = True
    for grantee, roles in _edges(conn, have, accounts).items():
        if grantee in accounts:
            accounts[grantee].roles = roles
    for node, grant in _object_grants(conn, have, datasets):
        if node in accounts:
            accounts[node].grants.append(grant)
    return accounts


def _columns(conn: Connection) -> dict[str, set[str]]:
    cols = table(
        "COLUMNS", column("TABLE_SCHEMA"), column("TABLE_NAME"), column("COLUMN_NAME"),
        schema="information_schema",
    )  # fmt: skip
    tables = ("user", "db", "tables_priv", "columns_priv", "roles_mapping", "role_edges")
    stmt = select(cols.c.TABLE_NAME, cols.c.COLUMN_NAME).where(
        cols.c.TABLE_SCHEMA == "mysql", cols.c.TABLE_NAME.in_([*tables, "global_priv"])
    )
    have: dict[str, set[str]] = {}
    for table_name, column_name in conn.execute(stmt):
        have.setdefault(table_name, set()).add(column_name)
    return have


def _edges(
    conn: Connection, have: dict[str, set[str]], accounts: dict[Node, _Account]
) -> dict[Node, list[Node]]:
    """Grantee → the roles granted to it (MariaDB ``roles_mapping`` or MySQL ``role_edges``)."""
    edges: dict[Node, list[Node]] = {}
    if "Role" in have.get("roles_mapping", set()):
        rm = table("roles_mapping", column("User"), column("Host"), column("Role"), schema="mysql")
        for user, host, role in conn.execute(select(rm.c.User, rm.c.Host, rm.c.Role)):
            edges.setdefault((user, host), []).append((role, ""))
    elif "TO_USER" in have.get("role_edges", set()):
        names = ("FROM_USER", "FROM_HOST", "TO_USER", "TO_HOST")
        re_t = table("role_edges", *(column(n) for n in names), schema="mysql")
        for from_user, from_host, to_user, to_host in conn.execute(select(*re_t.c)):
            edges.setdefault((to_user, to_host), []).append((from_user, from_host))
            if (from_user, from_host) in accounts:
                accounts[(from_user, from_host)].is_role = True
    return edges


def _object_grants(
    conn: Connection, have: dict[str, set[str]], datasets: Sequence[str]
) -> Iterable[tuple[Node, Grant]]:
    """Database-, table- and column-level grants that reach ``datasets``."""
    split = [(d, *d.split(".", 1)) for d in datasets]
    by_table = {(db, tbl): d for d, db, tbl in split}
    db_cols = have.get("db", set())
    mapped = [p for p in PRIVILEGE_MAP if f"{p}_priv" in db_cols]
    if split and mapped:
        db_t = table(
            "db", column("User"), column("Host"), column("Db"),
            *(column(f"{p}_priv") for p in mapped), schema="mysql",
        )  # fmt: skip
        for row in conn.execute(select(*db_t.c)).mappings():
            pattern = _like(row["Db"])
            privileges = [PRIVILEGE_MAP[p] for p in mapped if row[f"{p}_priv"] == "Y"]
            for dataset, db, _tbl in split:
                if privileges and pattern.fullmatch(db):
                    for privilege in privileges:
                        yield (row["User"], row["Host"]), (dataset, privilege, ())
    if split and "Table_priv" in have.get("tables_priv", set()):
        tp = table(
            "tables_priv", column("User"), column("Host"), column("Db"), column("Table_name"),
            column("Table_priv"), schema="mysql",
        )  # fmt: skip
        for user, host, db, tbl, privs in conn.execute(select(*tp.c)):
            if (target := by_table.get((db, tbl))) is not None:
                for privilege in _privileges(privs):
                    yield (user, host), (target, privilege, ())
    if split and "Column_priv" in have.get("columns_priv", set()):
        cp = table(
            "columns_priv", column("User"), column("Host"), column("Db"), column("Table_name"),
            column("Column_name"), column("Column_priv"), schema="mysql",
        )  # fmt: skip
        for user, host, db, tbl, col, privs in conn.execute(select(*cp.c)):
            if (target := by_table.get((db, tbl))) is not None:
                for privilege in _privileges(privs):
                    yield (user, host), (target, privilege, (col,))


def _privileges(value: object) -> list[str]:
    """A ``SET`` column (``'Select,Update'`` or a Python set) as access-list names."""
    items = value if isinstance(value, (set, frozenset)) else str(value or "").split(",")
    return [PRIVILEGE_MAP[p] for p in items if p in PRIVILEGE_MAP]


def _like(pattern: str) -> re.Pattern[str]:
    """A ``mysql.db`` database pattern (``%``, ``_``, ``\\`` escapes) as a regex."""
    out, escaped = [], False
    for char in pattern:
        if escaped:
            out.append(re.escape(char))
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        else:
            out.append(re.escape(char))
    return re.compile("".join(out), re.DOTALL)


def _closure(account: _Account, accounts: dict[Node, _Account]) -> list[_Account]:
    """Every role reachable from ``account`` through role grants (itself excluded)."""
    seen: dict[Node, _Account] = {}
    stack = list(account.roles)
    while stack:
        node = stack.pop()
        if node in seen or node == (account.user, account.host) or node not in accounts:
            continue
        seen[node] = accounts[node]
        stack.extend(accounts[node].roles)
    return list(seen.values())


def _superuser(account: _Account, roles: list[_Account]) -> bool:
    """SUPER held by the account itself or by any role it can activate."""
    return account.superuser or any(role.superuser for role in roles)
