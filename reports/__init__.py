"""Report writers: render one :class:`~scanners.model.result.ScanResult` as files.

``write_reports`` writes any of ``findings.json`` (SPEC §8, machine-readable),
``report.html`` (self-contained page for people), ``findings.csv`` and
``findings.xlsx`` (for spreadsheets) into one directory, with the security
team's access report (``access.html``, ``access.csv``, ``access.xlsx``) when
asked for. The whole set is written all or nothing
(:func:`reports.staging.write_all_or_nothing`), so the folder never mixes two
scans or holds a half-written report. The result model is already masked;
writers add no raw values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reports.due_dates import ensure_due
from reports.formats import access_report, csv_report, html_report, json_report, xlsx_report
from reports.options import DEFAULT_OPTIONS, ReportOptions
from reports.staging import StagedFile, write_all_or_nothing
from reports.text.labels import check_language
from scanners.model.result import ScanResult

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
    access_formats: Sequence[str] = (),
) -> list[Path]:
    """Write ``result`` in each of ``formats`` into ``out_dir``; return the paths written.

    ``out_dir`` is created if needed. Formats are checked before anything is
    written: an unknown one raises ``ValueError`` naming it, as does an
    unknown ``language``. Repeated formats are written once. A finding
    without ``due`` gets the default one (:func:`reports.due_dates.ensure_due`:
    first seen on the scan date); ``options`` chooses the calendar of Thai
    dates and makes an owner's report. ``access_formats`` adds the access
    report of ``result.access_reviews`` in those formats to the same set.
    """
    unknown = [name for name in formats if name not in _WRITERS]
    if unknown:
        raise ValueError(
            f"unknown report format(s): {', '.join(map(repr, unknown))}; "
            f"use one of {', '.join(FORMATS)}"
        )
    reviews = result.access_reviews
    access = access_report.staged_files(reviews, access_formats, language) if reviews else []
    check_language(language)
    result = ensure_due(result)
    files = [
        StagedFile(file_name, _bound(writer, result, language, options))
        for file_name, writer in (_WRITERS[name] for name in formats)
    ]
    return write_all_or_nothing(out_dir, files + access)


def _bound(
    writer: _Writer, result: ScanResult, language: str, options: ReportOptions
) -> Callable[[Path], Path]:
    return lambda path: writer(result, path, language, options)
