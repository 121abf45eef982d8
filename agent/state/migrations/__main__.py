"""``python -m agent.state.migrations "what changes"``: write the state store's next migration.

For a source checkout, after changing ``agent/state/tables.py``: a scratch
SQLite store is upgraded to the head revision, Alembic's autogenerate
compares it with the tables, and the operations it finds are written to
``agent/state/migrations/versions/<NNNN>_<what_changes>.py`` (the next
number). Review the script before keeping it: autogenerate sees a rename as a
drop and an add, and moves no data (docs/state.md).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from agent.state.migrate import alembic_config, head_revision, upgrade_store


def main(argv: list[str]) -> int:
    message = " ".join(argv).strip()
    if not message:
        print('usage: python -m agent.state.migrations "what changes"', file=sys.stderr)
        return 2
    rev_id = f"{int(head_revision()) + 1:04d}"
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'state.db'}")
        try:
            upgrade_store(engine)
            with engine.begin() as conn:
                command.revision(
                    alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id
                )
        finally:
            engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
