"""``findings.json``: the machine-readable report, exactly as SPEC §8 lays it out.

Key order follows the SPEC; datasets are ordered by source then name, and
findings by severity (critical first), type, source, dataset and id, so two
scans of the same state give byte-identical files. Each column also carries
``reasons`` (why it was classified so) — our documented addition to §8 — and,
when a classification override applied, ``override`` (SPEC §9): the decided
types, reason, who and when, and the types detection gave. Every finding
carries ``due`` (SPEC §8, an ISO date; :mod:`reports.due_dates`) and, our
documented addition, ``count_unit``: what ``count`` counts (``rows``,
``subjects``, ``columns``, ``records``, ``privileges``, ``grants`` or
``datasets``; ``null`` when ``count`` is). A dataset a read
budget cut (a file read in part, rows or cells left out) carries
``truncated``: ``[{"reason", "column"?}]``. A finding a person triaged
(SPEC §9) carries ``triage``: ``{"status", "by", "at", "reason", "until"}``
(``until`` an ISO date or ``null``) and, our documented addition, ``assignee``
when one is set; a finding without triage has no ``triage`` key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reports.common import atomic_write_bytes, sorted_datasets, sorted_findings, sorted_sources
from reports.count_units import count_unit
from reports.due_dates import ensure_due
from scanners.model.result import ColumnResult, DatasetResult, Finding, ScanResult, SourceStatus
from scanners.model.triage import Triage

SCHEMA_VERSION = 1
FILE_NAME = "findings.json"


def _column(column: ColumnResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": column.name,
        "sampled": column.sampled,
        "pii": [
            {"type": m.type, "confidence": m.confidence, "match_ratio": m.match_ratio}
            for m in column.pii
        ],
        "evidence": list(column.evidence),
        "reasons": list(column.reasons),
    }
    if column.override is not None:
        decision = column.override
        data["override"] = {
            "types": list(decision.types),
            "reason": decision.reason,
            "decided_by": decision.decided_by,
            "decided_at": decision.decided_at.isoformat(),
            "detected": [match.type for match in decision.detected],
        }
    return data


def _dataset(dataset: DatasetResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": dataset.source,
        "name": dataset.name,
        "kind": dataset.kind,
        "row_count": dataset.row_count,
        "register_id": dataset.register_id,
        "columns": [_column(column) for column in dataset.columns],
    }
    if dataset.error is not None:
        data["error"] = dataset.error
    if dataset.exemptions:
        data["exemptions"] = [
            {
                "check": e.check,
                "exemption": e.exemption,
                "count": e.count,
                "reason": {"th": e.reason_th, "en": e.reason_en},
            }
            for e in dataset.exemptions
        ]
    if dataset.truncated:
        data["truncated"] = [
            {"reason": t.reason, **({"column": t.column} if t.column is not None else {})}
            for t in dataset.truncated
        ]
    return data


def _source(source: SourceStatus) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": source.name,
        "status": source.status,
        "error": source.error,
        "datasets": source.datasets,
    }
    if source.skipped:
        data["skipped"] = [{"name": name, "reason": reason} for name, reason in source.skipped]
    return data


def _triage(triage: Triage) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": triage.status,
        "by": triage.by,
        "at": triage.at,
        "reason": triage.reason,
        "until": triage.until.isoformat() if triage.until else None,
    }
    if triage.assignee is not None:
        data["assignee"] = triage.assignee
    return data


def _finding(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": finding.id,
        "type": finding.type,
        "severity": finding.severity,
        "source": finding.source,
        "dataset": finding.dataset,
        "columns": list(finding.columns),
        "count": finding.count,
        "register_id": finding.register_id,
        "owner": finding.owner,
        "principal": finding.principal,
        "privileges": list(finding.privileges),
        "law": finding.law,
        "message": {"th": finding.message_th, "en": finding.message_en},
        "remediation": finding.remediation,
        "due": finding.due.isoformat() if finding.due else None,
        "count_unit": count_unit(finding),
    }
    if finding.triage is not None:
        data["triage"] = _triage(finding.triage)
    return data


def to_json_dict(result: ScanResult) -> dict[str, Any]:
    """The SPEC §8 document for ``result``, as plain ordered dicts and lists."""
    return {
        "schema_version": SCHEMA_VERSION,
        "scan": {
            "id": result.scan.id,
            "started_at": result.scan.started_at,
            "finished_at": result.scan.finished_at,
            "tool_version": result.scan.tool_version,
        },
        "sources": [_source(source) for source in sorted_sources(result.sources)],
        "datasets": [_dataset(dataset) for dataset in sorted_datasets(result.datasets)],
        "findings": [_finding(f) for f in sorted_findings(ensure_due(result).findings)],
    }


def to_json_text(result: ScanResult) -> str:
    """``findings.json`` text: UTF-8-ready, Thai kept as is, indent 2, final newline."""
    return json.dumps(to_json_dict(result), ensure_ascii=False, indent=2) + "\n"


def write_json_report(result: ScanResult, path: Path) -> Path:
    """Write ``findings.json`` to ``path`` atomically; return ``path``."""
    return atomic_write_bytes(path, to_json_text(result).encode("utf-8"))
