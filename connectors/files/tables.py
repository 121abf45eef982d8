"""Helpers of the file-share connector: dates in cells, samples, globs, dataset → file.

``parse_date`` reads ISO ``YYYY-MM-DD[ HH:MM:SS]`` and ``DD/MM/YYYY[ HH:MM]``
cells, Buddhist-era years (2400 and later) converted to C.E.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from datetime import date

from connectors.files.readers import registry
from connectors.files.readers.archives.members import CONTAINERS
from connectors.model import ColumnInfo, ColumnSample

#: Years from this one on are Buddhist era (B.E. = C.E. + 543).
BUDDHIST_ERA_FROM = 2400
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + r"(?:Z|[+-]\d{2}:?\d{2})?")
_DMY_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME)


def parse_date(cell: str) -> date | None:
    """A cell as a date: ``YYYY-MM-DD[ HH:MM:SS]`` or ``DD/MM/YYYY[ HH:MM]``, B.E. years
    (2400 and later) converted to C.E.; None when it is not a valid date."""
    text = cell.strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    if year >= BUDDHIST_ERA_FROM:
        year -= 543
    try:
        return date(year, month, day)
    except ValueError:
        return None


def column_sample(column: ColumnInfo, values: Sequence[str | None]) -> ColumnSample:
    """The sampled values of one column; empty cells count as NULL."""
    present = tuple(v for v in values if v not in (None, ""))
    return ColumnSample(column, present, len(values) - len(present))


def trimmed(cell: str | None) -> str | None:
    """A cell trimmed; None when empty."""
    return (cell.strip() or None) if cell is not None else None


def cell_at(row: Sequence[str | None], index: int | None) -> str | None:
    """The cell ``index`` of ``row``; None when the row is shorter or the column unknown."""
    return row[index] if index is not None and index < len(row) else None


def glob_match(name: str, glob: str) -> bool:
    """Whether ``name`` matches ``glob`` (``**/`` also matches at the top level)."""
    return fnmatch.fnmatchcase(name, glob) or (
        glob.startswith("**/") and fnmatch.fnmatchcase(name, glob[3:])
    )


def file_candidates(name: str) -> list[str]:
    """Share files that may hold dataset ``name``, most specific first: the name itself,
    the name before each ``#`` (a sheet), each container prefix before a ``/`` (a member of
    a ``.zip``, ``.tar``, ``.tgz``, ``.tar.gz``, ``.7z``; an attachment of an ``.eml`` or
    ``.msg``)."""
    found = [name]
    found += [name[:i] for i in range(len(name) - 1, 0, -1) if name[i] == "#"]
    slashes = [i for i in range(1, len(name)) if name[i] == "/"]
    found += [name[:i] for i in slashes if registry.suffix(name[:i]) in CONTAINERS]
    return list(dict.fromkeys(found))
