"""Read a list of records from a TOML, CSV or XLSX file, remembering where each came from.

Registers and access lists share this: TOML files hold ``[[<table>]]``
arrays; CSV and XLSX files hold one record per row under a header row, with
lists separated by ``;`` and mappings written ``KEY=value;KEY=value``.
CSV lines may end in LF, CRLF or CR; an XLSX file is checked for a zip bomb
before it is opened. Every unreadable or malformed file is a ConfigProblems
naming the file (and the line where there is one).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.toml_document import (
    load_toml,
    read_bytes,
    read_text,
    shown,
    validation_problems,
)
from connectors.files.readers.csv_reader import FIELD_LIMIT

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Record:
    """One record (a dict of raw fields) and how to point at its fields."""

    index: int
    fields: dict[str, Any]
    where: Callable[[tuple[str | int, ...], str], Problem]
    origin: str


def read_records(
    path: Path,
    table: str,
    what: str,
    list_fields: frozenset[str],
    map_fields: frozenset[str],
    empty_lists: frozenset[str] = frozenset(),
) -> list[Record]:
    """Records of ``path`` (by suffix); raise ConfigProblems for unreadable files.

    In a CSV or XLSX file an empty cell is a missing field, except in the
    ``empty_lists`` columns, where it is an empty list (``types`` of an
    override: an empty cell says "no personal data").
    """
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return list(_toml_records(path, table, what))
    if suffix in (".csv", ".xlsx"):
        rows = _csv_rows(path, what) if suffix == ".csv" else _xlsx_rows(path, what)
        return [
            _tabular_record(path, n, i, row, list_fields, map_fields, empty_lists)
            for i, (n, row) in enumerate(rows)
        ]
    raise ConfigProblems([Problem(path, None, f"{what} must be a .toml, .csv or .xlsx file")])


def validate_records(
    records: list[Record], model: type[ModelT], source_names: set[str] | None
) -> tuple[list[tuple[Record, ModelT]], list[Problem]]:
    """Validate each record into ``model``; a ``source`` must name a configured source."""
    valid: list[tuple[Record, ModelT]] = []
    problems: list[Problem] = []
    for record in records:
        try:
            item = model.model_validate(record.fields)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, record.where))
            continue
        source = getattr(item, "source", None)
        if source_names is not None and source not in source_names:
            message = f"source: no source named {source!r} in the config"
            problems.append(record.where(("source",), message))
        valid.append((record, item))
    return valid, problems


def _toml_records(path: Path, table: str, what: str) -> Iterator[Record]:
    document = load_toml(path, what)
    unknown = sorted(set(document.data) - {table})
    if unknown:
        raise ConfigProblems(
            [
                document.problem((key,), f"{shown(key)}: unknown table; expected [[{table}]]")
                for key in unknown
            ]
        )
    items = document.data.get(table, [])
    if not isinstance(items, list):
        raise ConfigProblems(
            [document.problem((table,), f"{table} must be an array of tables [[{table}]]")]
        )
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ConfigProblems(
                [document.problem((table, index), f"{table}.{index} must be a table")]
            )

        def where(loc: tuple[str | int, ...], message: str, _i: int = index) -> Problem:
            return document.problem((table, _i, *loc), message)

        line = document.locator.line_of((table, index))
        yield Record(index, item, where, f"{path.name}:{line}")


def _tabular_record(
    path: Path,
    row_number: int,
    index: int,
    row: dict[str, str],
    list_fields: frozenset[str],
    map_fields: frozenset[str],
    empty_lists: frozenset[str] = frozenset(),
) -> Record:
    fields: dict[str, Any] = {}
    for key, raw in row.items():
        value = raw.strip() if isinstance(raw, str) else raw
        if value in ("", None):
            if key in empty_lists:
                fields[key] = []
            continue
        if key in list_fields and isinstance(value, str):
            value = [part.strip() for part in value.split(";") if part.strip()]
        elif key in map_fields and isinstance(value, str):
            value = _parse_mapping(value)
        fields[key] = value

    def where(loc: tuple[str | int, ...], message: str) -> Problem:
        column = f" (column {shown(loc[0])})" if loc else ""
        return Problem(path, row_number, f"row {row_number}{column}: {message}")

    return Record(index, fields, where, f"{path.name}:{row_number}")


def _parse_mapping(text: str) -> dict[str, str]:
    """``"A=year;B=postcode"`` → ``{"A": "year", "B": "postcode"}`` ."""
    mapping = {}
    for part in text.split(";"):
        key, _, value = part.partition("=")
        if key.strip():
            mapping[key.strip()] = value.strip()
    return mapping


def csv_lines(path: Path, text: str) -> list[list[str]]:
    """The rows of a CSV text (any line ends); ConfigProblems naming the line if malformed.

    Fields are as long as the scanned files' (the csv module's default of 128 KiB
    would make a long cell a CSV error here and not there).
    """
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return list(reader)
    except csv.Error as exc:
        raise ConfigProblems([Problem(path, reader.line_num, f"not valid CSV: {exc}")]) from None


def _csv_rows(path: Path, what: str) -> list[tuple[int, dict[str, str]]]:
    rows = csv_lines(path, read_text(path, what))
    if not rows:
        return []
    header = [cell.strip() for cell in rows[0]]
    _check_header(path, header)
    result = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise ConfigProblems(
                [Problem(path, number, f"row {number} has more cells than the header")]
            )
        result.append((number, dict(zip(header, cells, strict=False))))
    return result


def _xlsx_rows(path: Path, what: str) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    from connectors.files.readers.content import ReadLimits, SkipFile
    from connectors.files.readers.zip_reader import guard_archive

    data = read_bytes(path, what)
    try:
        guard_archive(data, ReadLimits())  # a zip bomb is refused before it is inflated
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SkipFile as exc:
        reason = f"cannot read {what} as XLSX: {exc.reason}"
        raise ConfigProblems([Problem(path, None, reason)]) from None
    except Exception as exc:  # openpyxl raises many types for broken files
        raise ConfigProblems(
            [Problem(path, None, f"cannot read {what} as XLSX: {type(exc).__name__}")]
        ) from None
    try:
        sheets = workbook.worksheets
        rows = list(sheets[0].iter_rows(values_only=True)) if sheets else []
    except Exception as exc:  # a sheet is parsed lazily: broken XML fails here
        raise ConfigProblems(
            [Problem(path, None, f"cannot read {what} as XLSX: {type(exc).__name__}")]
        ) from None
    finally:
        workbook.close()
    if not rows:
        return []
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    _check_header(path, header)
    result = []
    for number, cells in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in cells):
            continue
        values = {h: _cell_text(c) for h, c in zip(header, cells, strict=False) if h}
        result.append((number, values))
    return result


def _cell_text(cell: Any) -> Any:
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, bool) or cell is None:
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _check_header(path: Path, header: list[str]) -> None:
    duplicates = sorted({h for h in header if h and header.count(h) > 1})
    if duplicates:
        raise ConfigProblems(
            [Problem(path, 1, f"duplicate header column(s): {shown(', '.join(duplicates))}")]
        )
