"""Helpers shared by every report writer: ordering, atomic writes, cell safety.

Kept here so each writer renders the same ``ScanResult`` in the same order and
no writer can leave a half-written file behind or emit a spreadsheet formula.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from scanners.result import DatasetResult, Finding, SourceStatus

#: Severity rank, most urgent first (SPEC §8 ordering).
SEVERITY_ORDER: tuple[str, ...] = ("critical", "high", "medium", "low")
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITY_ORDER)}

#: A spreadsheet treats a cell starting with one of these as a formula (or may).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Header shared by the CSV report and the XLSX ``Findings`` sheet.
FINDING_COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "severity",
    "source",
    "dataset",
    "columns",
    "count",
    "register_id",
    "owner",
    "principal",
    "privileges",
    "law",
    "message",
    "remediation",
)

LIST_SEPARATOR = ";"


def severity_rank(severity: str) -> int:
    """Rank of a severity: 0 for critical, larger is less urgent; unknown last."""
    return _SEVERITY_RANK.get(severity, len(SEVERITY_ORDER))


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by severity (critical first), then type, source, dataset, id."""
    return sorted(
        findings,
        key=lambda f: (severity_rank(f.severity), f.type, f.source, f.dataset or "", f.id),
    )


def sorted_datasets(datasets: Iterable[DatasetResult]) -> list[DatasetResult]:
    """Datasets by source, then name."""
    return sorted(datasets, key=lambda d: (d.source, d.name))


def sorted_sources(sources: Iterable[SourceStatus]) -> list[SourceStatus]:
    """Sources by name."""
    return sorted(sources, key=lambda s: s.name)


def finding_message(finding: Finding, language: str) -> str:
    """The finding's message in ``language`` ("th" or "en")."""
    return finding.message_en if language == "en" else finding.message_th


def finding_row(finding: Finding, language: str) -> list[str | int | None]:
    """One finding as a row matching :data:`FINDING_COLUMNS` (not yet made cell-safe)."""
    return [
        finding.id,
        finding.type,
        finding.severity,
        finding.source,
        finding.dataset,
        LIST_SEPARATOR.join(finding.columns),
        finding.count,
        finding.register_id,
        finding.owner,
        finding.principal,
        LIST_SEPARATOR.join(finding.privileges),
        finding.law,
        finding_message(finding, language),
        finding.remediation,
    ]


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formula injection: prefix risky text with ``'``."""
    if value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on ``path.tmp`` in the same directory, then rename over ``path``.

    The rename is atomic on one file system, so readers see either the old
    report or the whole new one. On failure the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        with open(tmp, "r+b") as handle:  # writable: fsync needs it on Windows
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`)."""
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
