"""``report.html``: one self-contained page for people (Thai or English).

Rendered with Jinja2 from ``templates/report.html.j2`` with autoescaping on,
so every name, message and masked evidence string is escaped. The page has
inline CSS only — no scripts, fonts or images from the network — and a
Content-Security-Policy that forbids loading any.

A finding a person triaged (SPEC §9) shows its status, who, when, until and
why on its card. Findings set aside by their triage (accepted, false
positive; :mod:`reports.triage_view`) are counted nowhere in the summary nor
in an owner's "do first": they are listed in their own section after the
findings, and the headline says how many were left out.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment

from reports.common import (
    SEVERITY_ORDER,
    atomic_write_bytes,
    finding_message,
    ordered_findings,
    severity_rank,
    sorted_datasets,
    sorted_sources,
)
from reports.count_units import count_text
from reports.due_dates import ensure_due, scan_date
from reports.options import DEFAULT_OPTIONS, ReportOptions
from reports.templating import template_environment
from reports.text import labels
from reports.text.dates import Era, format_date, format_moment
from reports.text.law_text import law_text
from reports.text.reason_text import reason_text
from reports.text.remediation_text import remedy
from reports.triage_view import split_set_aside, triage_view
from scanners.model.result import ColumnResult, DatasetResult, Finding, ScanResult

FILE_NAME = "report.html"
#: How many findings an owner's report lists under "do first".
DO_FIRST = 3
TEMPLATE_NAME = "report.html.j2"
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _environment() -> Environment:
    return template_environment(_TEMPLATES)


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


def _due(finding: Finding, language: str, era: Era, today: date) -> dict[str, Any]:
    """The due date as shown, and how it stands on the scan date."""
    if finding.due is None:
        return {"text": "", "note": "", "overdue": False}
    days = (finding.due - today).days
    t = labels.ui(language)
    if days < 0:
        note = t["overdue"].format(days=-days)
    elif days == 0:
        note = t["due_today"]
    else:
        note = t["due_in"].format(days=days)
    return {"text": format_date(finding.due, language, era), "note": note, "overdue": days <= 0}


def _finding(
    finding: Finding, language: str, options: ReportOptions, today: date
) -> dict[str, Any]:
    found = remedy(finding, language, options.era)
    triage = triage_view(finding, language, options.era, today)
    aside = triage is not None and triage["set_aside"]
    return {
        "id": finding.id,
        "severity": finding.severity,
        "severity_label": labels.severity_name(finding.severity, language),
        "type": finding.type,
        "type_label": labels.finding_type_name(finding.type, language),
        "source": finding.source,
        "dataset": finding.dataset or "",
        "columns": list(finding.columns),
        "count": count_text(finding, language),
        "owner": finding.owner or "",
        "register_id": finding.register_id or "",
        "principal": labels.principal_name(finding.principal, language)
        if finding.principal
        else "",
        "privileges": list(finding.privileges),
        "law": law_text(finding.law, language),
        "message": labels.with_pii_names(finding_message(finding, language), language),
        "remediation": finding.remediation or "",
        "action": found.action,
        "advice": found.advice,
        "untranslated": found.untranslated,
        "command": found.command,
        "command_note": found.command_note,
        "due": {"text": "", "note": "", "overdue": False}
        if aside
        else _due(finding, language, options.era, today),
        "triage": triage,
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
        "reasons": [reason_text(reason, language) for reason in column.reasons],
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


def _owner(result: ScanResult, owner: str) -> dict[str, Any]:
    """Whom an owner's report is for: the owner, their datasets and register entries."""
    datasets = sorted(
        {(f.source, f.dataset) for f in result.findings if f.dataset}
        | {(d.source, d.name) for d in result.datasets}
    )
    entries = sorted(
        {f.register_id for f in result.findings if f.register_id}
        | {d.register_id for d in result.datasets if d.register_id}
    )
    return {
        "name": owner,
        "datasets": [f"{source} / {name}" for source, name in datasets],
        "entries": entries,
    }


def html_context(
    result: ScanResult, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> dict[str, Any]:
    """Everything the template needs, already ordered and labelled."""
    labels.check_language(language)
    result = ensure_due(result)
    today = scan_date(result)
    findings, aside = split_set_aside(ordered_findings(result, options), today)
    by_severity = Counter(f.severity for f in findings)
    by_type = Counter(f.type for f in findings)
    severities = list(SEVERITY_ORDER) + sorted(
        {s for s in by_severity if s not in SEVERITY_ORDER}, key=severity_rank
    )
    types = sorted(by_type, key=lambda t: (-by_type[t], t))
    shown = [_finding(f, language, options, today) for f in findings]
    return {
        "lang": language,
        "t": labels.ui(language),
        "scan": result.scan,
        "started": format_moment(result.scan.started_at, language, options.era),
        "finished": format_moment(result.scan.finished_at, language, options.era),
        "owner": None if options.owner is None else _owner(result, options.owner),
        "do_first": shown[:DO_FIRST] if options.owner is not None else [],
        "total": len(findings),
        "set_aside": [_finding(f, language, options, today) for f in aside],
        "set_aside_note": labels.ui(language)["set_aside_count"].format(count=len(aside)),
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
        "findings": shown[DO_FIRST:] if options.owner is not None else shown,
        "datasets": [_dataset(d, language) for d in sorted_datasets(result.datasets)],
    }


def render_html(
    result: ScanResult, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> str:
    """The full HTML page for ``result`` in ``language``."""
    template = _environment().get_template(TEMPLATE_NAME)
    return template.render(html_context(result, language, options))


def write_html_report(
    result: ScanResult, path: Path, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> Path:
    """Write ``report.html`` to ``path`` atomically; return ``path``."""
    return atomic_write_bytes(path, render_html(result, language, options).encode("utf-8"))
