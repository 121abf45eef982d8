"""The short human summary a scan prints on standard output.

Every SCAN_ERROR is listed with its reason (the first :data:`ERRORS_SHOWN`;
a source that could not be listed is on its source line already), so a scan
that exits 3 says why on its own output, not only in the report. Names come
from the scanned systems, so control characters in them are shown escaped
(``\x1b``), never sent to the terminal. Classification overrides of a source
scanned successfully that matched no column are listed one per line, by
their file line and globs, so a stale or mistyped decision is noticed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from scanners.checks.catalogue import SEVERITY_RANK
from scanners.overrides import Override, unmatched_overrides
from scanners.result import ScanResult

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
) -> list[str]:
    """The summary, every line safe to print on a terminal."""
    lines = [*_lines(result, seconds), *_unmatched_lines(result, overrides)]
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


def _lines(result: ScanResult, seconds: float) -> list[str]:
    with_pii = [d for d in result.datasets if d.pii_types]
    lines = [f"scan {result.scan.id}: {len(result.datasets)} dataset(s) in {seconds:.1f}s"]
    for source in result.sources:
        state = "ok" if source.status == "ok" else f"ERROR: {source.error}"
        skipped = f", {len(source.skipped)} file(s) skipped" if source.skipped else ""
        lines.append(f"  source {source.name}: {source.datasets} dataset(s){skipped}, {state}")
    lines.append(f"  datasets holding personal data: {len(with_pii)}")
    for dataset in with_pii:
        columns = ", ".join(
            f"{c.name}={'/'.join(m.type for m in c.pii)}{' (override)' if c.override else ''}"
            for c in dataset.columns
            if c.pii
        )
        lines.append(f"    {dataset.source}/{dataset.name}: {columns}")
    by_severity = Counter(f.severity for f in result.findings)
    ordered = sorted(by_severity, key=lambda s: -SEVERITY_RANK.get(s, 0))
    counts = ", ".join(f"{by_severity[s]} {s}" for s in ordered) or "none"
    lines.append(f"  findings: {len(result.findings)} ({counts})")
    for kind, count in sorted(Counter(f.type for f in result.findings).items()):
        lines.append(f"    {kind}: {count}")
        if kind == "SCAN_ERROR":
            failed = {source.name for source in result.sources if source.status != "ok"}
            errors = [
                f
                for f in result.findings
                if f.type == kind and (f.dataset is not None or f.source not in failed)
            ]
            lines.extend(f"      {f.message_en}" for f in errors[:ERRORS_SHOWN])
            if len(errors) > ERRORS_SHOWN:
                lines.append(f"      … and {len(errors) - ERRORS_SHOWN} more (see the report)")
    return lines
