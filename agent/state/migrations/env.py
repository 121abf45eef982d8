"""Alembic's environment for the state store: run by Alembic for every migration command.

It never opens a database: the caller passes an open connection as
``config.attributes["connection"]`` — :func:`agent.state.migrate.upgrade_store`
the store's own connection, held under its upgrade lock (so Alembic joins
that transaction), and ``python -m agent.state.migrations`` a scratch SQLite
store. The options (version table, batch mode, which tables are the store's)
are :data:`agent.state.migrate.CONTEXT_OPTIONS`.
"""

from __future__ import annotations

from alembic import context

from agent.state.migrate import CONTEXT_OPTIONS
from agent.state.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "the state store's migrations run through agent.state.migrate (on every open of the "
        "store) or `python -m agent.state.migrations`, not the alembic command line"
    )
context.configure(connection=connection, target_metadata=metadata, **CONTEXT_OPTIONS)
with context.begin_transaction():
    context.run_migrations()
