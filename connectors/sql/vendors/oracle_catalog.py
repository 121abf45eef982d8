"""The Oracle data-dictionary views the connector reads, declared once with only the columns read.

Names are lower case, which SQLAlchemy's Oracle dialect writes unquoted (so
Oracle folds them to the dictionary's upper case); a column whose name is an
Oracle keyword is declared in upper case, which is quoted as it is stored.
Values are always bound parameters: owner and table names are passed as the
dictionary stores them (``HR``, ``EMPLOYEES``), see
:func:`connectors.sql.vendors.oracle.stored_name`.

``DBA_*`` views need ``SELECT ANY DICTIONARY`` (or ``SELECT_CATALOG_ROLE``);
the ``ALL_*``, ``USER_*`` and ``ROLE_*`` ones are readable by every user but
show only part of the picture (see :mod:`connectors.sql.grants.oracle`).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table

dictionary = MetaData()


def _view(name: str, *columns: Column[object]) -> Table:
    return Table(name, dictionary, *columns)


def _text(name: str) -> Column[object]:
    return Column(name, String)


all_users = _view("all_users", _text("username"), _text("oracle_maintained"))
all_views = _view("all_views", _text("owner"), _text("view_name"))
all_tables = _view(
    "all_tables",
    _text("owner"),
    _text("table_name"),
    Column("num_rows", BigInteger),  # from the last statistics gathering; NULL = never
    Column("last_analyzed", DateTime),
    _text("monitoring"),  # YES: DML is counted in ALL_TAB_MODIFICATIONS
    _text("temporary"),  # Y: a global temporary table (rows per session)
    _text("nested"),  # YES: the storage of a nested-table column
    _text("secondary"),  # Y: created by a domain index
    _text("dropped"),  # YES: in the recycle bin
)
all_objects = _view(
    "all_objects",
    _text("owner"),
    _text("object_name"),
    _text("object_type"),
    _text("subobject_name"),
    Column("last_ddl_time", DateTime),  # ALTER, TRUNCATE, GRANT, REVOKE … move it
)
all_tab_modifications = _view(
    "all_tab_modifications",
    _text("table_owner"),
    _text("table_name"),
    _text("partition_name"),
    _text("subpartition_name"),
    Column("inserts", BigInteger),
    Column("updates", BigInteger),
    Column("deletes", BigInteger),
    _text("truncated"),
    Column("drop_segments", BigInteger),
    Column("TIMESTAMP", DateTime, key="timestamp"),
)
all_external_tables = _view("all_external_tables", _text("owner"), _text("table_name"))

# -- privileges: the DBA_ views and what every user can read instead ----------
dba_users = _view(
    "dba_users",
    _text("username"),
    _text("account_status"),  # OPEN, LOCKED, EXPIRED & LOCKED, LOCKED(TIMED) …
    _text("authentication_type"),  # PASSWORD, EXTERNAL, GLOBAL, NONE (schema only)
    _text("oracle_maintained"),
)
dba_roles = _view("dba_roles", _text("role"), _text("oracle_maintained"))
dba_role_privs = _view(
    "dba_role_privs", _text("grantee"), _text("granted_role"), _text("admin_option")
)
dba_tab_privs = _view(
    "dba_tab_privs", _text("grantee"), _text("owner"), _text("table_name"), _text("privilege")
)
dba_col_privs = _view(
    "dba_col_privs",
    _text("grantee"),
    _text("owner"),
    _text("table_name"),
    _text("column_name"),
    _text("privilege"),
)
dba_sys_privs = _view("dba_sys_privs", _text("grantee"), _text("privilege"))
all_tab_privs = _view(
    "all_tab_privs",
    _text("grantee"),
    _text("table_schema"),
    _text("table_name"),
    _text("privilege"),
)
all_col_privs = _view(
    "all_col_privs",
    _text("grantee"),
    _text("table_schema"),
    _text("table_name"),
    _text("column_name"),
    _text("privilege"),
)
user_role_privs = _view(
    "user_role_privs", _text("username"), _text("granted_role"), _text("admin_option")
)
role_role_privs = _view(
    "role_role_privs", _text("role"), _text("granted_role"), _text("admin_option")
)
user_sys_privs = _view("user_sys_privs", _text("username"), _text("privilege"))
role_sys_privs = _view("role_sys_privs", _text("role"), _text("privilege"))
