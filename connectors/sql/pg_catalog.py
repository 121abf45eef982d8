"""The PostgreSQL system catalogue tables the connector reads, declared once.

Row-count estimates (:mod:`connectors.sql.row_counts`), change keys
(:mod:`connectors.sql.change_keys.postgresql`) and effective privileges
(:mod:`connectors.sql.grants.postgresql`) query these with
SQLAlchemy Core, so every identifier is quoted by the dialect and every value
is a bound parameter. Only the columns read are declared (a table is never
selected whole except ``pg_roles``, whose columns here hold no secret —
never ``rolpassword``); ACL columns are :class:`~sqlalchemy.types.NullType`,
unpacked in the database with ``aclexplode``.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, Integer, MetaData, String, Table
from sqlalchemy.types import NullType

catalog = MetaData()

pg_namespace = Table(
    "pg_namespace",
    catalog,
    Column("oid", BigInteger),
    Column("nspname", String),
    schema="pg_catalog",
)
pg_class = Table(
    "pg_class",
    catalog,
    Column("oid", BigInteger),
    Column("relname", String),
    Column("relnamespace", BigInteger),
    Column("reltuples", Float),
    Column("relkind", String),
    Column("relowner", BigInteger),
    Column("relacl", NullType),
    Column("relfilenode", BigInteger),
    schema="pg_catalog",
)
pg_stat_user_tables = Table(
    "pg_stat_user_tables",
    catalog,
    Column("relid", BigInteger),
    Column("n_tup_ins", BigInteger),
    Column("n_tup_upd", BigInteger),
    Column("n_tup_del", BigInteger),
    schema="pg_catalog",
)
pg_roles = Table(
    "pg_roles",
    catalog,
    Column("oid", BigInteger),
    Column("rolname", String),
    Column("rolsuper", Boolean),
    Column("rolinherit", Boolean),
    Column("rolcanlogin", Boolean),
    Column("rolbypassrls", Boolean),
    schema="pg_catalog",
)
pg_auth_members = Table(
    "pg_auth_members",
    catalog,
    Column("roleid", BigInteger),
    Column("member", BigInteger),
    Column("inherit_option", Boolean),  # PostgreSQL 16+ only; selected only there
    schema="pg_catalog",
)
pg_attribute = Table(
    "pg_attribute",
    catalog,
    Column("attrelid", BigInteger),
    Column("attname", String),
    Column("attnum", Integer),
    Column("attisdropped", Boolean),
    Column("atttypid", BigInteger),
    Column("atttypmod", Integer),
    Column("attacl", NullType),
    schema="pg_catalog",
)
pg_database = Table(
    "pg_database",
    catalog,
    Column("datname", String),
    Column("datdba", BigInteger),
    schema="pg_catalog",
)
