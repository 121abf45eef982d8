"""Alembic migrations of the agent's state store (``agent.state``).

``env.py`` and ``script.py.mako`` are Alembic's environment and script
template; ``versions/`` holds one script per schema change, numbered
``0001``, ``0002``, … . They are run by :func:`agent.state.migrate.upgrade_store`
whenever a store is opened; ``python -m agent.state.migrations "what changes"``
writes the next script. See docs/state.md.
"""
