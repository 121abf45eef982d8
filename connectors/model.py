"""Neutral value objects that connectors hand to the scanners.

They carry names, types and sampled values, nothing about personal data.
Sampled values only live in memory for the duration of one classification.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ValueKind(StrEnum):
    """How a column stores its values, independent of the dialect."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    BOOLEAN = "boolean"
    BINARY = "binary"
    OTHER = "other"


@dataclass(frozen=True)
class ColumnInfo:
    """One column of a dataset: its name, its declared type and its kind."""

    name: str
    type_name: str
    kind: ValueKind
    free_text: bool = False  # prose (a document's content), not one value per cell


@dataclass(frozen=True)
class DatasetInfo:
    """A table, view, file or sheet, as listed by a connector."""

    source: str
    name: str
    kind: str  # "table" | "view" | "file" | "sheet"
    columns: tuple[ColumnInfo, ...]
    row_count: int | None = None
    row_count_exact: bool = False


@dataclass(frozen=True)
class ColumnSample:
    """The sampled non-null values of one column, plus how many were NULL."""

    column: ColumnInfo
    values: tuple[object, ...]
    nulls: int = 0


@dataclass(frozen=True)
class DatasetSample:
    """A sample of rows of one dataset, pivoted into columns."""

    dataset: DatasetInfo
    rows_sampled: int
    method: str
    columns: tuple[ColumnSample, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ValueSearch:
    """What to look for in one column, in the forms a value may be written in.

    ``fold`` says how a cell is compacted before ``whole`` and ``inside`` are
    compared with it (see :mod:`connectors.sql.value_forms`): ``"digits"`` drops
    separators, apostrophes and ``+`` (forms in ASCII digits are also looked
    for in Thai digits); ``"lower"`` trims and lower-cases. A cell matches when it equals one of
    ``exact`` (the bare column: an index serves it), when its compact form
    equals one of ``whole``, or when its compact form contains one of
    ``inside`` (free text). Matching is a superset: the caller verifies.
    """

    fold: str  # "digits" | "lower"
    exact: tuple[str, ...] = ()
    whole: tuple[str, ...] = ()
    inside: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupStats:
    """Sizes of the groups that share one combination of quasi-identifier values."""

    groups: int
    smallest_group: int | None  # None when the dataset is empty
    records_in_small_groups: int  # records in groups smaller than the k asked for
    small_groups: int


@dataclass(frozen=True)
class Principal:
    """Someone who can hold privileges on a source: a role, user, OS user or group."""

    #: PostgreSQL role, MySQL 'user'@'host', OS user or group; "PUBLIC" / "everyone";
    #: on an SMB share a Windows name (``BUILTIN\Users``) or, when unknown, the SID itself
    name: str
    kind: str  # "role" | "user" | "group" | "public"
    superuser: bool = False
    bypass_rls: bool = False
    can_login: bool = True
    sid: str = ""  # Windows security identifier (an SMB share's principal); "" elsewhere


@dataclass(frozen=True)
class HeldPrivilege:
    """One privilege a principal effectively holds on a dataset, and how it is held."""

    dataset: str  # dataset name (SPEC §4)
    principal: str  # Principal.name
    privilege: str  # SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER; READ, WRITE
    #: "direct" | "role <name>" | "PUBLIC" | "owner" | "superuser" | "group <name>" | "other"
    via: str
    columns: tuple[str, ...] = ()  # a column-level grant: the columns it covers


@dataclass(frozen=True)
class ClockLayout:
    """How a retention clock column writes its dates, when one SQL comparison can select
    the rows before a cut-off (see :mod:`connectors.sql.clock_predicates`).

    ``form`` is ``"native"`` (DATE/TIMESTAMP values), ``"iso"`` (text
    ``YYYY-MM-DD…``), ``"dmy"`` (fixed-width text ``dd/mm/yyyy``) or
    ``"compact"`` (``YYYYMMDD`` as text or number); ``eras`` the eras the
    column holds (``("ce",)``, ``("be",)`` or ``("be", "ce")``).
    """

    form: str
    eras: tuple[str, ...]
    separator: str = ""
    with_time: bool = False


#: The legacy reading of a clock: DATE/TIMESTAMP (or ISO text) in the common era.
NATIVE_CE = ClockLayout("native", ("ce",))
