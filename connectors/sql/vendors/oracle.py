"""Oracle sessions, driver timeouts, failure causes, user schemas and row estimates.

**Read-only.** Oracle has no read-only session setting; a transaction is
read-only when its first statement is ``SET TRANSACTION READ ONLY``.
:data:`TRANSACTION_STATEMENTS` run at the start of every transaction (the
engine's ``begin`` event; the pool's rollback on return ends it), so
``INSERT``/``UPDATE``/``DELETE`` fail with ORA-01456. DDL is not refused by
it (DDL commits first, ending the read-only transaction): the connector never
issues DDL, and the account should hold no ``CREATE``/``ALTER``/``DROP ANY``
privilege. A read-only transaction reads one consistent snapshot; a very
long one can fail with ORA-01555 (snapshot too old).

**Timeouts.** python-oracledb's ``Connection.call_timeout`` (milliseconds)
bounds every round trip (DPY-4024, or DPI-1067 / ORA-01013 in thick mode);
``tcp_connect_timeout`` (seconds) bounds connecting. Readers never wait for
row locks in Oracle; ORA-00054 / ORA-30006 / ORA-04021 are still named.

**Failures.** :func:`failure_kind` reads the ``ORA-``/``DPY-``/``DPI-``
codes of the driver's message. ORA-00942 ("table or view does not exist") is
left unnamed: Oracle says it both for a table that is gone and for one the
account may not read.

**Schemas.** A schema is a user. :func:`user_schemas` lists the users that
own a table or view the account can see, minus Oracle's own
(``ALL_USERS.ORACLE_MAINTAINED = 'Y'``, Oracle 12c and later; before that the
fixed list :data:`SYSTEM_SCHEMAS`). Names are SQLAlchemy's: an upper-case
dictionary name (``HR``) becomes lower case (``hr``), any other stays as it
is; :func:`stored_name` turns it back. A name stored all in lower case
(created quoted, ``"hr"``) reads the same as ``HR`` once it is a plain string in
a dataset name: SQLAlchemy's Oracle naming cannot tell them apart there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, exists, inspect, or_, select
from sqlalchemy.dialects.oracle.base import OracleDialect
from sqlalchemy.engine import Connection
from sqlalchemy.sql import quoted_name

from connectors.sql.vendors import failures
from connectors.sql.vendors.oracle_catalog import (
    all_tab_modifications,
    all_tables,
    all_users,
    all_views,
)

#: Python modules whose exceptions come from an Oracle driver.
DRIVER_MODULES = frozenset({"oracledb", "cx_Oracle"})

TRANSACTION_STATEMENTS = ("SET TRANSACTION READ ONLY",)

#: Oracle-maintained accounts, for servers older than 12c (no ORACLE_MAINTAINED column).
SYSTEM_SCHEMAS = frozenset(
    {
        "anonymous", "apex_public_user", "appqossys", "audsys", "ctxsys", "dbsfwuser",
        "dbsnmp", "dip", "dvf", "dvsys", "exfsys", "flows_files", "gggsys", "gsmadmin_internal",
        "gsmcatuser", "gsmuser", "lbacsys", "mddata", "mdsys", "mgmt_view", "olapsys",
        "ojvmsys", "oracle_ocm", "orddata", "ordplugins", "ordsys", "outln",
        "remote_scheduler_agent", "si_informtn_schema", "spatial_csw_admin_usr",
        "spatial_wfs_admin_usr", "sys", "sys$umf", "sysbackup", "sysdg", "syskm", "sysman",
        "sysrac", "system", "wmsys", "xdb", "xs$null",
    }
)  # fmt: skip

#: Error codes (``ORA-01013``, ``DPY-4024`` …) → failure kind.
ERRORS = {
    "ORA-01013": failures.STATEMENT_TIMEOUT,  # user requested cancel (the call timeout's cancel)
    "ORA-03156": failures.STATEMENT_TIMEOUT,  # OCI call timed out
    "DPY-4024": failures.STATEMENT_TIMEOUT,  # thin mode: call timeout of N ms exceeded
    "DPI-1067": failures.STATEMENT_TIMEOUT,  # thick mode: call timeout exceeded
    "ORA-00054": failures.LOCK_TIMEOUT,  # resource busy and acquire with NOWAIT
    "ORA-30006": failures.LOCK_TIMEOUT,  # resource busy; acquire with WAIT timeout expired
    "ORA-04021": failures.LOCK_TIMEOUT,  # timeout waiting to lock an object
    "ORA-01031": failures.PERMISSION_DENIED,  # insufficient privileges
    "ORA-01045": failures.PERMISSION_DENIED,  # no CREATE SESSION
    "ORA-00028": failures.CONNECTION_LOST,  # your session has been killed
    "ORA-01012": failures.CONNECTION_LOST,  # not logged on
    "ORA-01033": failures.CONNECTION_LOST,  # initialization or shutdown in progress
    "ORA-01089": failures.CONNECTION_LOST,  # immediate shutdown in progress
    "ORA-02396": failures.CONNECTION_LOST,  # exceeded maximum idle time
    "ORA-03113": failures.CONNECTION_LOST,  # end-of-file on communication channel
    "ORA-03114": failures.CONNECTION_LOST,  # not connected to ORACLE
    "ORA-03135": failures.CONNECTION_LOST,  # connection lost contact
    "ORA-12537": failures.CONNECTION_LOST,  # TNS: connection closed
    "ORA-12547": failures.CONNECTION_LOST,  # TNS: lost contact
    "ORA-12571": failures.CONNECTION_LOST,  # TNS: packet writer failure
    "ORA-12170": failures.CONNECTION_LOST,  # TNS: connect timeout (a reconnect failed)
    "ORA-12541": failures.CONNECTION_LOST,  # TNS: no listener
    "DPY-6005": failures.CONNECTION_LOST,  # cannot connect to database
    "DPY-1001": failures.CONNECTION_LOST,  # not connected to database
    "DPY-4011": failures.CONNECTION_LOST,  # the database or network closed the connection
    "DPI-1010": failures.CONNECTION_LOST,  # not connected
    "DPI-1080": failures.CONNECTION_LOST,  # connection was closed by ORA-%d
}
_CODE = re.compile(r"\b(ORA|DPY|DPI)-(\d{4,5})\b")
#: How SQLAlchemy's Oracle dialect folds names (case-insensitive names are lower case).
_NAMES: Any = OracleDialect()


def connect_args(driver: str, connect_timeout_s: float) -> dict[str, Any]:
    """Driver keyword arguments bounding the time spent connecting (python-oracledb)."""
    if driver == "oracledb":
        return {"tcp_connect_timeout": float(max(1.0, connect_timeout_s))}
    return {}


def bound_connection(driver: str, dbapi_connection: Any, statement_timeout_s: float) -> None:
    """Bound every round trip of a new connection (``call_timeout``, milliseconds)."""
    if driver in ("oracledb", "cx_oracle"):
        dbapi_connection.call_timeout = max(1, round(statement_timeout_s * 1000))


def error_codes(original: BaseException) -> list[str]:
    """The ``ORA-``/``DPY-``/``DPI-`` codes of a driver exception, first one first."""
    codes = []
    args = getattr(original, "args", ())
    full = getattr(args[0], "full_code", None) if args else None  # python-oracledb _Error
    if isinstance(full, str) and full:
        codes.append(full)
    code = getattr(args[0], "code", None) if args else None  # cx_Oracle _Error: ORA number
    if isinstance(code, int) and code > 0 and not codes:
        codes.append(f"ORA-{code:05d}")
    message = str(getattr(args[0], "message", "") or original) if args else str(original)
    for prefix, number in _CODE.findall(message):
        found = f"{prefix}-{number.zfill(5) if prefix == 'ORA' else number}"
        if found not in codes:
            codes.append(found)
    return codes


def failure_kind(original: BaseException) -> str | None:
    """What made an Oracle statement fail, as a :mod:`.failures` name, or None."""
    for code in error_codes(original):
        if code in ERRORS:
            return ERRORS[code]
    return None


def is_system_schema(schema: str) -> bool:
    """Whether ``schema`` is one of the fixed list of Oracle-maintained accounts."""
    return schema.lower() in SYSTEM_SCHEMAS


def dataset_name(stored: str) -> str:
    """A dictionary name (``HR``) as SQLAlchemy names it (``hr``; ``MixedCase`` unchanged;
    an all-lower-case ``lower`` as a :class:`~sqlalchemy.sql.quoted_name` that stays quoted)."""
    name: str = _NAMES.normalize_name(stored)
    return name


def stored_name(name: str) -> str:
    """A SQLAlchemy name (``hr``) as the dictionary stores it (``HR``). A plain lower-case
    string is taken as case-insensitive: only a ``quoted_name`` with ``quote=True`` (what
    reflection and :func:`dataset_name` return) stays lower case."""
    if isinstance(name, quoted_name) and name.quote:
        return str(name)
    return str(_NAMES.denormalize_name(name))


def user_schemas_statement() -> Select[Any]:
    """Users not maintained by Oracle that own a table or view this account can see."""
    u = all_users.c
    owns = or_(
        exists().where(all_tables.c.owner == u.username),
        exists().where(all_views.c.owner == u.username),
    )
    return select(u.username).where(u.oracle_maintained == "N", owns).order_by(u.username)


def schema_names(stored: Iterable[str]) -> list[str]:
    """Dictionary user names as schema names, the fixed system list left out."""
    names = (dataset_name(name) for name in stored)
    return [name for name in names if not is_system_schema(name)]


def user_schemas(conn: Connection) -> list[str]:
    """The schemas whose tables are datasets (see the module docstring)."""
    if (conn.dialect.server_version_info or (0,)) >= (12,):
        return schema_names(conn.execute(user_schemas_statement()).scalars())
    return [s for s in inspect(conn).get_schema_names() if not is_system_schema(s)]


def estimated_rows_statement(schema: str | None, table: str) -> Select[Any]:
    """``ALL_TABLES.NUM_ROWS`` and the table's DML counted since (``ALL_TAB_MODIFICATIONS``)."""
    t, m = all_tables.c, all_tab_modifications.c
    owner, name = stored_name(schema or ""), stored_name(table)
    since = and_(m.table_owner == t.owner, m.table_name == t.table_name, m.partition_name.is_(None))
    return (
        select(t.num_rows, m.inserts, m.deletes)
        .select_from(all_tables.outerjoin(all_tab_modifications, since))
        .where(t.owner == owner, t.table_name == name)
    )


def estimate(num_rows: int | None, inserts: int | None, deletes: int | None) -> int | None:
    """The larger of the last statistics' count and that count moved by the DML since:
    a stale small estimate must not shrink the sample. None without statistics."""
    if num_rows is None:
        return None
    moved = num_rows + (inserts or 0) - (deletes or 0)
    return max(int(num_rows), int(moved), 0)
