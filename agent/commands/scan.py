"""``pdpa-agent scan`` and ``access``: one scan session from plan to printed summary.

A session plans the scan, runs it, records it in the state store, writes the
report set (findings and, with an access list, the access report — all or
nothing), delivers the owners' reports and prints the summary. ``run`` and
``demo`` start the same session with a :class:`ScanRequest` of their own.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from agent.commands.exit_codes import EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK
from agent.commands.findings import diff_line
from agent.commands.summary import summary_lines
from agent.delivery.owner_delivery import deliver_owner_reports
from agent.inputs.config import Config
from agent.inputs.config_loader import LoadedConfig, find_config, load_config
from agent.inputs.user_files import (
    load_due_requests,
    load_grants_for,
    load_overrides_for,
    load_register_for,
)
from agent.scan.file_cache import FileCache
from agent.scan.progress import Progress
from agent.scan.runner import ScanPlan, run_scan, select_sources
from agent.scan.table_cache import TableCache
from agent.state.recording import ScanRecorder
from connectors.errors import PdpaAgentError
from reports import FORMATS, write_reports
from scanners.checks.incidents.breach_notice_due import notice_findings
from scanners.checks.incidents.disclosure_followup_due import followup_findings
from scanners.checks.severity import SEVERITY_RANK
from scanners.detection.engine import DetectionEngine
from scanners.model.breach import BreachRecord
from scanners.model.disclosure import DisclosureRecord
from scanners.model.result import ScanResult
from scanners.model.triage import is_set_aside


@dataclass(frozen=True)
class ScanRequest:
    """What one scan session is asked for: the command line's choices, or a caller's."""

    sources: tuple[str, ...] = ()
    out_dir: Path | None = None  # None: ``reports.out_dir``
    formats: tuple[str, ...] | None = None  # None: ``reports.formats``
    fail_on: str | None = None
    access_only: bool = False
    full: bool = False  # read every table and file, whatever the incremental caches hold
    should_stop: Callable[[], bool] | None = None


def report_formats(text: str | None) -> tuple[str, ...] | None:
    """``--format json,html``: the formats asked for, or None when not given."""
    if text is None:
        return None
    formats = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise PdpaAgentError(
            f"--format: unknown format(s) {unknown or text!r}; use {','.join(FORMATS)}"
        )
    return tuple(formats)


def open_file_cache(state_url: str) -> FileCache | None:
    """The incremental file cache in the state store, or None (with a warning) when unusable."""
    try:
        return FileCache(state_url)
    except Exception as exc:  # the cache is an optimisation: scan everything without it
        logging.getLogger(__name__).warning(
            "state store unusable (%s); files are read in full", type(exc).__name__
        )
        return None


def scan_session(loaded: LoadedConfig, request: ScanRequest) -> int:
    """Run one scan as ``request`` asks; print its summary; return the exit code (SPEC §3)."""
    config = loaded.config
    formats: Sequence[str] = request.formats or config.reports.formats
    out_dir = request.out_dir or loaded.resolve(config.reports.out_dir)
    today = date.today()
    grants = load_grants_for(loaded)
    access_only = request.access_only
    if access_only and grants is None:
        raise PdpaAgentError(f"{loaded.path}: no [access] access list is configured")
    # A store that fails never stops the scan: it becomes a SCAN_ERROR (agent.state.recording);
    # an access-only scan records nothing and only reads people's decisions from it.
    recorder = ScanRecorder(config.agent.state, config.reports.due_policy())
    overrides = load_overrides_for(loaded)
    plan = ScanPlan(
        loaded,
        select_sources(loaded, list(request.sources)),
        load_register_for(loaded),
        () if access_only else load_due_requests(loaded, today),
        today,
        grants,
        should_stop=request.should_stop,
        overrides=overrides,
        decided=recorder.triage_overrides(),  # a person's false positives: before the file
    )
    if access_only or recorder.usable:  # the same database: do not wait for it twice
        files = open_file_cache(config.agent.state)
        tables = None
        if files is not None and config.detection.incremental:
            tables = TableCache(files.engine, config.detection, datetime.now(UTC))
        plan = replace(plan, file_cache=files, table_cache=tables, reuse_unchanged=not request.full)
    started = time.monotonic()
    engine = DetectionEngine(config.detection.languages)
    try:
        if not access_only:
            recorder.begin(plan.scan_id)
        result = run_scan(plan, engine, Progress())
        if not access_only and result.complete:
            result = with_followups(result, recorder.open_disclosures(), plan)
            result = with_breach_notices(result, recorder.open_breaches(), plan, config)
        diff = recorder.record(result) if not access_only and result.complete else None
        result = recorder.with_triage(result, today, expire=not access_only)
    finally:
        if plan.file_cache is not None:
            plan.file_cache.close()
        recorder.close()
    if not result.complete:
        print(f"scan {result.scan.id} stopped after the dataset in progress; not recorded")
        return EXIT_OK
    if not access_only:
        result = recorder.with_problem(result)
    if access_only:
        kept = tuple(f for f in result.findings if f.type.startswith(("ACCESS_", "SCAN_ERROR")))
        result = replace(result, findings=kept)
    try:
        written = write_reports(
            result,
            out_dir,
            ["json"] if access_only else formats,
            config.reports.language,
            config.reports.report_options(),
            access_formats=formats,
        )
    except OSError as exc:
        raise PdpaAgentError(f"cannot write reports to {out_dir}: {exc.strerror or exc}") from None
    elapsed = time.monotonic() - started
    print("\n".join(summary_lines(result, written, elapsed, overrides, plan.register)))
    if not access_only:
        try:
            lines = deliver_owner_reports(result, out_dir, formats, config.reports)
        except OSError as exc:
            lines = [f"  owner reports not written: {exc.strerror or exc}"]
        if lines:
            print("\n".join(lines))
    if diff is not None:
        print(diff_line(diff.new, diff.resolved, diff.still_open))
    if not access_only and recorder.problem is not None:
        print(recorder.problem_line())
    if result.failed:
        return EXIT_INCOMPLETE
    if request.fail_on and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[request.fail_on]
        for f in result.findings
        if not is_set_aside(f.triage, today)  # accepted or false positive (SPEC §3)
    ):
        return EXIT_FINDINGS
    return EXIT_OK


def with_followups(
    result: ScanResult, disclosures: Sequence[DisclosureRecord], plan: ScanPlan
) -> ScanResult:
    """``result`` with a DISCLOSURE_FOLLOWUP_DUE for every overdue disclosure of its sources."""
    sources = {source.name for source in plan.sources}
    due = followup_findings(disclosures, plan.today, plan.register, sources)
    return replace(result, findings=(*result.findings, *due)) if due else result


def with_breach_notices(
    result: ScanResult, breaches: Sequence[BreachRecord], plan: ScanPlan, config: Config
) -> ScanResult:
    """``result`` with a BREACH_NOTICE_DUE for every open breach still owing its notice."""
    sources = {source.name for source in plan.sources}
    now = datetime.now(UTC)
    due = notice_findings(breaches, now, sources, config.breach.dpo_email)
    return replace(result, findings=(*result.findings, *due)) if due else result


def request_from(args: argparse.Namespace, access_only: bool = False) -> ScanRequest:
    """The :class:`ScanRequest` of ``scan`` or ``access``'s command-line options."""
    return ScanRequest(
        sources=tuple(args.source),
        out_dir=Path(args.out) if args.out else None,
        formats=report_formats(args.format),
        fail_on=args.fail_on,
        access_only=access_only,
        full=bool(getattr(args, "full", False)),
    )


def scan_command(args: argparse.Namespace) -> int:
    """``pdpa-agent scan``."""
    request = request_from(args)
    return scan_session(load_config(find_config(args.config)), request)


def access_command(args: argparse.Namespace) -> int:
    """``pdpa-agent access``: access-list verification only."""
    request = request_from(args, access_only=True)
    return scan_session(load_config(find_config(args.config)), request)
