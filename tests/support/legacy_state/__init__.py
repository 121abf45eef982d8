"""The state store exactly as release 0.1.0 wrote it, before schema migrations existed.

A FROZEN copy of that release's table declarations (``agent/state_store.py``
then, ``agent.state.tables`` now): never import the agent's tables here, nor
update this copy when they change — it is what stores in the field look like.
That release made the tables with ``metadata.create_all`` (no version table)
and wrote ISO 8601 UTC timestamps of fixed width and JSON text lists. Its
incremental file cache (``agent/file_cache.py`` then) kept ``pdpa_file_cache``
in the same database, made by its own ``create_all`` the first time a scan
opened the cache: a store holds it, with the files it classified, or (no scan
opened the cache yet) does not. :func:`write_history` fills such a store with
five scans' worth of history and, unless told not to, the cache of two files.

``tables``: the frozen declarations, as they were; ``history``: the rows written
into them (:func:`write_history`) and read back (:func:`dump`). Both are
re-exported here: import from ``tests.support.legacy_state``.
"""

from tests.support.legacy_state.history import (
    CACHE_MARK,
    CACHE_SOURCE,
    CACHED_FILES,
    CACHED_MTIME,
    FINDINGS_ROWS,
    LEGACY_DETECTORS,
    SCAN_STATUS,
    SCAN_TIMES,
    dump,
    file_cache_rows,
    write_history,
)
from tests.support.legacy_state.tables import (
    AUDIT,
    COLUMNS,
    DATASETS,
    FILE_CACHE,
    FINDINGS,
    SCANS,
    file_cache_metadata,
    metadata,
)

__all__ = [
    "AUDIT",
    "CACHED_FILES",
    "CACHED_MTIME",
    "CACHE_MARK",
    "CACHE_SOURCE",
    "COLUMNS",
    "DATASETS",
    "FILE_CACHE",
    "FINDINGS",
    "FINDINGS_ROWS",
    "LEGACY_DETECTORS",
    "SCANS",
    "SCAN_STATUS",
    "SCAN_TIMES",
    "dump",
    "file_cache_metadata",
    "file_cache_rows",
    "metadata",
    "write_history",
]
