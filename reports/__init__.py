"""Report writers: render one :class:`~scanners.result.ScanResult` as files.

``write_reports`` writes any of ``findings.json`` (SPEC §8, machine-readable),
``report.html`` (self-contained page for people), ``findings.csv`` and
``findings.xlsx`` (for spreadsheets) into one directory. Every file is first
written (atomically) beside its final name as ``.<name>.new``; only when all
of them are written are they renamed over the previous reports. A failure
halfway (disk full, a file size limit) removes what was staged and leaves
the previous reports as they were, so the folder never mixes two scans or
holds a half-written report. The result model is already masked; writers
add no raw values.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reports import csv_report, html_report, json_report, xlsx_report
from reports.due_dates import ensure_due
from reports.labels import check_language
from reports.options import DEFAULT_OPTIONS, ReportOptions
from scanners.result import ScanResult

__all__ = ["FORMATS", "ReportOptions", "write_reports"]

FORMATS: tuple[str, ...] = ("json", "html", "csv", "xlsx")

_Writer = Callable[[ScanResult, Path, str, ReportOptions], Path]

_WRITERS: dict[str, tuple[str, _Writer]] = {
    "json": (json_report.FILE_NAME, lambda r, p, _lang, _o: json_report.write_json_report(r, p)),
    "html": (html_report.FILE_NAME, html_report.write_html_report),
    "csv": (csv_report.FILE_NAME, csv_report.write_csv_report),
    "xlsx": (xlsx_report.FILE_NAME, xlsx_report.write_xlsx_report),
}


def write_reports(
    result: ScanResult,
    out_dir: Path,
    formats: Sequence[str],
    language: str = "th",
    options: ReportOptions = DEFAULT_OPTIONS,
) -> list[Path]:
    """Write ``result`` in each of ``formats`` into ``out_dir``; return the paths written.

    ``out_dir`` is created if needed. Formats are checked before anything is
    written: an unknown one raises ``ValueError`` naming it, as does an
    unknown ``language``. Repeated formats are written once. A finding
    without ``due`` gets the default one (:func:`reports.due_dates.ensure_due`:
    first seen on the scan date); ``options`` chooses the calendar of Thai
    dates and makes an owner's report.
    """
    unknown = [name for name in formats if name not in _WRITERS]
    if unknown:
        raise ValueError(
            f"unknown report format(s): {', '.join(map(repr, unknown))}; "
            f"use one of {', '.join(FORMATS)}"
        )
    check_language(language)
    result = ensure_due(result)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []  # (written, its final path)
    try:
        for name in dict.fromkeys(formats):
            file_name, writer = _WRITERS[name]
            final = out_dir / file_name
            stage = writer(result, out_dir / f".{file_name}.new", language, options)
            staged.append((stage, final))
        for stage, final in staged:
            os.replace(stage, final)
    except BaseException:
        for stage, _final in staged:
            with contextlib.suppress(OSError):
                stage.unlink()
        raise
    return [final for _stage, final in staged]
