"""The short human summary a scan prints on standard output.

Every SCAN_ERROR is listed with its reason (the first :data:`ERRORS_SHOWN`;
a source that could not be listed is on its source line already), so a scan
that exits 3 says why on its own output, not only in the report. Names come
from the scanned systems, so control characters in them are shown escaped
(``\x1b``), never sent to the terminal. Classification overrides of a source
scanned successfully that matched no column are listed one per line, by
their file line and globs, so a stale or mistyped decision is noticed; so are
register entries whose ``match`` matched no dataset of their (listed) source,
and datasets read in part because a read budget cut the file, its rows or its
cells, each with the reason. Findings set aside by their triage (SPEC §9:
accepted and not expired, or false positive) are left out of the severity
and type totals; one line says how many there are, per status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reports.due_dates import scan_date
from reports.triage_view import split_set_aside
from scanners.checks.severity import urgency
from scanners.classification.overrides import Override, unmatched_overrides
from scanners.model.register import RegisterEntry
from scanners.model.result import Finding, ScanResult
from scanners.model.triage import SET_ASIDE

#: SCAN_ERROR reasons printed in the summary; the rest are counted.
ERRORS_SHOWN = 20


def printable(text: str) -> str:
    """``text`` with control characters (ESC, CR, NUL, …) escaped as ``\\xNN``."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def summary_lines(
    result: ScanResult,
    written: Sequence[Path],
    seconds: float,
    overrides: Sequence[Override] = (),
    register: Sequence[RegisterEntry] = (),
) -> list[str]:
    """The summary, every line safe to print on a terminal."""
    lines = [
        *_lines(result, seconds),
        *_unmatched_lines(result, overrides),
        *_unmatched_register_lines(result, register),
        *_truncated_lines(result),
    ]
    lines.extend(f"  wrote {path}" for path in written)
    return [printable(line) for line in lines]


def _unmatched_lines(result: ScanResult, overrides: Sequence[Override]) -> list[str]:
    scanned = [source.name for source in result.sources if source.status == "ok"]
    unmatched = unmatched_overrides(overrides, result.datasets, scanned)
    if not unmatched:
        return []
    lines = [f"  classification overrides matching no column: {len(unmatched)}"]
    lines.extend(f"    override {override.describe()}" for override in unmatched)
    return lines


def _unmatched_register_lines(result: ScanResult, register: Sequence[RegisterEntry]) -> list[str]:
    """Register entries of a successfully listed source whose ``match`` matched no dataset."""
    scanned = {source.name for source in result.sources if source.status == "ok"}
    names = [(d.source, d.name) for d in result.datasets]
    unmatched = [
        entry
        for entry in register
        if entry.source in scanned and not any(entry.covers(*name) for name in names)
    ]
    if not unmatched:
        return []
    lines = [f"  register entries matching no dataset: {len(unmatched)}"]
    for entry in unmatched:
        where = f"{entry.origin} " if entry.origin else ""
        glob = f"match {entry.match} on source {entry.source}"
        lines.append(f"    register {where}{entry.id}: {glob}")
    return lines


def _truncated_lines(result: ScanResult) -> list[str]:
    """Datasets read in part (a read budget cut a file, its rows or its cells), with why."""
    cut = [d for d in result.datasets if d.truncated]
    if not cut:
        return []
    lines = [f"  datasets read in part: {len(cut)}"]
    for dataset in cut[:ERRORS_SHOWN]:
        for note in dataset.truncated:
            column = f" column {note.column}:" if note.column else ""
            lines.append(f"    {dataset.source}/{dataset.name}:{column} {note.reason}")
    if len(cut) > ERRORS_SHOWN:
        lines.append(f"    … and {len(cut) - ERRORS_SHOWN} more (see findings.json)")
    return lines


def _lines(result: ScanResult, seconds: float) -> list[str]:
    with_pii = [d for d in result.datasets if d.pii_types]
    lines = [f"scan {result.scan.id}: {len(result.datasets)} dataset(s) in {seconds:.1f}s"]
    for source in result.sources:
        state = "ok" if source.status == "ok" else f"ERROR: {source.error}"
        skipped = f", {len(source.skipped)} file(s) skipped" if source.skipped else ""
        if source.status == "ok" and not source.datasets and not source.skipped:
            state += " (nothing to scan: an unmounted share looks like this)"
        lines.append(f"  source {source.name}: {source.datasets} dataset(s){skipped}, {state}")
    lines.append(f"  datasets holding personal data: {len(with_pii)}")
    for dataset in with_pii:
        columns = ", ".join(
            f"{c.name}={'/'.join(m.type for m in c.pii)}{' (override)' if c.override else ''}"
            for c in dataset.columns
            if c.pii
        )
        lines.append(f"    {dataset.source}/{dataset.name}: {columns}")
    findings, aside = split_set_aside(result.findings, scan_date(result))
    by_severity = Counter(f.severity for f in findings)
    ordered = sorted(by_severity, key=urgency)
    counts = ", ".join(f"{by_severity[s]} {s}" for s in ordered) or "none"
    lines.append(f"  findings: {len(findings)} ({counts})")
    for kind, count in sorted(Counter(f.type for f in findings).items()):
        lines.append(f"    {kind}: {count}")
        if kind == "SCAN_ERROR":
            failed = {source.name for source in result.sources if source.status != "ok"}
            errors = [
                f
                for f in findings
                if f.type == kind and (f.dataset is not None or f.source not in failed)
            ]
            lines.extend(f"      {f.message_en}" for f in errors[:ERRORS_SHOWN])
            if len(errors) > ERRORS_SHOWN:
                lines.append(f"      … and {len(errors) - ERRORS_SHOWN} more (see the report)")
    lines.extend(_set_aside_lines(aside))
    return lines


def _set_aside_lines(aside: Sequence[Finding]) -> list[str]:
    """One line: how many findings triage set aside, per status; none when there are none."""
    if not aside:
        return []
    statuses = Counter(f.triage.status for f in aside if f.triage is not None)
    parts = ", ".join(
        f"{statuses[status]} {status.replace('_', ' ')}" for status in SET_ASIDE if statuses[status]
    )
    return [
        f"  set aside by triage: {len(aside)} ({parts}); not counted in the findings totals above"
    ]
