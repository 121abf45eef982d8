"""SQL Server and Oracle: the facts of each vendor, dispatched to by the generic SQL modules.

:mod:`connectors.sql.dialects`, :mod:`connectors.sql.sampling`,
:mod:`connectors.sql.row_counts` and :mod:`connectors.sql.reflection` keep
PostgreSQL, MySQL / MariaDB and SQLite themselves and hand SQL Server
(``mssql``) and Oracle (``oracle``) to the modules here: read-only sessions and
driver timeouts, failure causes, system schemas (:mod:`.mssql`,
:mod:`.oracle`), catalogue tables (:mod:`.mssql_catalog`,
:mod:`.oracle_catalog`), sampling statements (:mod:`.mssql_sampling`,
:mod:`.oracle_sampling`) and the effective-privilege rules the grant readers
apply (:mod:`.mssql_permissions`, :mod:`.mssql_principals`, :mod:`.oracle_privileges`),
and a random sort key for every dialect (:mod:`.random_order`).

No SQL Server or Oracle server was reachable while these were written: every
statement is tested by compiling it for the dialect, every rule on recorded
catalogue rows. They are not yet tested against live servers.
"""
