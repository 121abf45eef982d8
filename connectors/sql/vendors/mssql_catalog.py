"""The SQL Server catalogue views the connector reads, declared once with only the columns read.

Row estimates (:mod:`connectors.sql.vendors.mssql`), effective privileges
(:mod:`connectors.sql.grants.mssql`) and change keys
(:mod:`connectors.sql.change_keys.mssql`) query these with SQLAlchemy Core,
so every identifier is quoted by the dialect and every value is a bound
parameter. ``sys.database_principals.sid`` and ``sys.server_principals.sid``
are login security identifiers, never password hashes (those are in
``sys.sql_logins``, which is never read).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
)

catalog = MetaData()

sys_schemas = Table(
    "schemas",
    catalog,
    Column("schema_id", Integer),
    Column("name", String),
    Column("principal_id", Integer),  # the schema's owner
    schema="sys",
)
sys_objects = Table(
    "objects",
    catalog,
    Column("object_id", Integer),
    Column("name", String),
    Column("schema_id", Integer),
    Column("principal_id", Integer),  # an owner other than the schema's; NULL = the schema's
    Column("type", String),  # U table, V view
    schema="sys",
)
sys_tables = Table(
    "tables",
    catalog,
    Column("object_id", Integer),
    Column("name", String),
    Column("schema_id", Integer),
    Column("modify_date", DateTime),  # last ALTER (of the table or one of its indexes)
    Column("is_ms_shipped", Boolean),
    schema="sys",
)
sys_partitions = Table(
    "partitions",
    catalog,
    Column("object_id", Integer),
    Column("index_id", Integer),  # 0 heap, 1 clustered index, > 1 nonclustered
    Column("rows", BigInteger),
    schema="sys",
)
sys_columns = Table(
    "columns",
    catalog,
    Column("object_id", Integer),
    Column("column_id", Integer),
    Column("name", String),
    Column("system_type_id", Integer),
    Column("user_type_id", Integer),
    Column("max_length", Integer),
    Column("precision", Integer),
    Column("scale", Integer),
    Column("is_nullable", Boolean),
    schema="sys",
)
sys_database_principals = Table(
    "database_principals",
    catalog,
    Column("principal_id", Integer),
    Column("name", String),
    Column("type", String),  # S, U, G, E, X, C, K users and groups; R role; A application role
    Column("sid", LargeBinary),
    Column("authentication_type", Integer),  # 0 NONE, 1 INSTANCE, 2 DATABASE, 3 WINDOWS
    Column("is_fixed_role", Boolean),
    schema="sys",
)
sys_database_role_members = Table(
    "database_role_members",
    catalog,
    Column("role_principal_id", Integer),
    Column("member_principal_id", Integer),
    schema="sys",
)
sys_database_permissions = Table(
    "database_permissions",
    catalog,
    Column("class", Integer, key="class_"),  # 0 database, 1 object or column, 3 schema
    Column("major_id", Integer),  # object_id (class 1), schema_id (class 3)
    Column("minor_id", Integer),  # column_id of a column permission, else 0
    Column("grantee_principal_id", Integer),
    Column("permission_name", String),
    Column("state", String),  # G grant, W grant with grant option, D deny
    schema="sys",
)
sys_server_principals = Table(
    "server_principals",
    catalog,
    Column("principal_id", Integer),
    Column("name", String),
    Column("sid", LargeBinary),
    Column("type", String),  # S SQL login, U Windows login, G Windows group, R server role ...
    Column("is_disabled", Boolean),
    schema="sys",
)
sys_server_role_members = Table(
    "server_role_members",
    catalog,
    Column("role_principal_id", Integer),
    Column("member_principal_id", Integer),
    schema="sys",
)
sys_server_permissions = Table(
    "server_permissions",
    catalog,
    Column("grantee_principal_id", Integer),
    Column("permission_name", String),
    Column("state", String),
    schema="sys",
)
dm_db_index_usage_stats = Table(
    "dm_db_index_usage_stats",
    catalog,
    Column("database_id", Integer),
    Column("object_id", Integer),
    Column("last_user_update", DateTime),  # NULL (or no row) until a write since the restart
    schema="sys",
)
