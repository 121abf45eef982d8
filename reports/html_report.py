"""``report.html``: one self-contained page for people (Thai or English).

Rendered with Jinja2 from ``templates/report.html.j2`` with autoescaping on,
so every name, message and masked evidence string is escaped. The page has
inline CSS only — no scripts, fonts or images from the network — and a
Content-Security-Policy that forbids loading any.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports import labels
from reports.common import (
    SEVERITY_ORDER,
    atomic_write_bytes,
    finding_message,
    severity_rank,
    sorted_datasets,
    sorted_findings,
    sorted_sources,
)
from scanners.result import ColumnResult, DatasetResult, Finding, ScanResult

FILE_NAME = "report.html"
TEMPLATE_NAME = "report.html.j2"
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _bars(counts: Counter[str], order: list[str], label: Any) -> list[dict[str, Any]]:
    """Bar-chart rows: ``pct`` is relative to the largest count (0-100)."""
    top = max(counts.values(), default=0)
    return [
        {
            "key": key,
            "label": label(key),
            "count": counts.get(key, 0),
            "pct": round(100 * counts.get(key, 0) / top, 1) if top else 0,
        }
        for key in order
    ]


def _finding(finding: Finding, language: str) -> dict[str, Any]:
    return {
        "id": finding.id,
        "severity": finding.severity,
        "severity_label": labels.severity_name(finding.severity, language),
        "type": finding.type,
        "type_label": labels.finding_type_name(finding.type, language),
        "source": finding.source,
        "dataset": finding.dataset or "",
        "columns": list(finding.columns),
        "count": "" if finding.count is None else finding.count,
        "owner": finding.owner or "",
        "principal": finding.principal or "",
        "privileges": list(finding.privileges),
        "law": finding.law,
        "message": finding_message(finding, language),
        "remediation": finding.remediation or "",
    }


def _column(column: ColumnResult, language: str) -> dict[str, Any]:
    return {
        "name": column.name,
        "sampled": column.sampled,
        "pii": [
            {
                "type": match.type,
                "label": labels.pii_type_name(match.type, language),
                "confidence": f"{match.confidence:.2f}",
                "match_ratio": f"{match.match_ratio:.0%}",
            }
            for match in column.pii
        ],
        "evidence": list(column.evidence),
        "reasons": list(column.reasons),
        "override": _override(column, language),
    }


def _override(column: ColumnResult, language: str) -> dict[str, Any] | None:
    """A classification override (SPEC §9) as the page shows it, or None."""
    decision = column.override
    if decision is None:
        return None
    return {
        "types": [labels.pii_type_name(t, language) for t in decision.types],
        "detected": [labels.pii_type_name(m.type, language) for m in decision.detected],
        "reason": decision.reason,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at.isoformat(),
    }


def _dataset(dataset: DatasetResult, language: str) -> dict[str, Any]:
    return {
        "source": dataset.source,
        "name": dataset.name,
        "kind": dataset.kind,
        "row_count": "" if dataset.row_count is None else f"{dataset.row_count:,}",
        "register_id": dataset.register_id,
        "error": dataset.error,
        "columns": [_column(column, language) for column in dataset.columns],
        "exemptions": [
            {
                "check": labels.finding_type_name(e.check, language),
                "exemption": e.exemption,
                "count": e.count,
                "reason": e.reason_th if language == "th" else e.reason_en,
            }
            for e in dataset.exemptions
        ],
    }


def html_context(result: ScanResult, language: str = "th") -> dict[str, Any]:
    """Everything the template needs, already ordered and labelled."""
    labels.check_language(language)
    findings = sorted_findings(result.findings)
    by_severity = Counter(f.severity for f in findings)
    by_type = Counter(f.type for f in findings)
    severities = list(SEVERITY_ORDER) + sorted(
        {s for s in by_severity if s not in SEVERITY_ORDER}, key=severity_rank
    )
    types = sorted(by_type, key=lambda t: (-by_type[t], t))
    return {
        "lang": language,
        "t": labels.ui(language),
        "scan": result.scan,
        "total": len(findings),
        "severity_bars": _bars(
            by_severity, severities, lambda s: labels.severity_name(s, language)
        ),
        "type_bars": _bars(by_type, types, lambda t: labels.finding_type_name(t, language)),
        "type_descriptions": {t: labels.finding_type_description(t, language) for t in types},
        "sources": [
            {
                "name": s.name,
                "status": s.status,
                "status_label": labels.ui(language).get(f"status_{s.status}", s.status),
                "error": s.error or "",
                "datasets": s.datasets,
            }
            for s in sorted_sources(result.sources)
        ],
        "findings": [_finding(f, language) for f in findings],
        "datasets": [_dataset(d, language) for d in sorted_datasets(result.datasets)],
    }


def render_html(result: ScanResult, language: str = "th") -> str:
    """The full HTML page for ``result`` in ``language``."""
    template = _environment().get_template(TEMPLATE_NAME)
    return template.render(html_context(result, language))


def write_html_report(result: ScanResult, path: Path, language: str = "th") -> Path:
    """Write ``report.html`` to ``path`` atomically; return ``path``."""
    return atomic_write_bytes(path, render_html(result, language).encode("utf-8"))
