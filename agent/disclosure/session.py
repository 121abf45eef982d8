"""One disclosure from request to log: assess it, and when nothing blocks it and it is
approved, write the extract, notices and ``disclosure.json`` and record it (SPEC §10).

Every refusal is a :class:`DisclosureRefused` (exit 2) raised before anything is
written. The files are written all or nothing; the log entry is recorded after
them, and a failure to record removes them again, so a folder never holds a
disclosure the log does not know.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from agent.disclosure.extract import ExtractFacts, extract_name, write_extract
from agent.disclosure.inspect import inspect_dataset, streamer
from agent.disclosure.k_anonymity import k_anonymity
from agent.disclosure.outputs import assessment_files, disclosure_files
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.user_files import load_overrides_for, load_register_for
from agent.scan.sources import build_connector
from agent.state.disclosures import get_disclosure, record_disclosure
from agent.state.store import StateStore
from connectors.base import Connector
from connectors.errors import ConfigError
from reports.staging import write_all_or_nothing
from scanners.dates.retention import after
from scanners.detection.engine import DetectionEngine
from scanners.disclosure.apply import TreatmentTools
from scanners.disclosure.assess import assess, assess_columns, k_min_for
from scanners.disclosure.assessment import Assessment
from scanners.disclosure.column_problems import clear_identifiers
from scanners.disclosure.request import DisclosureRequest
from scanners.disclosure.treatments.free_text import FreeTextAnonymiser
from scanners.disclosure.treatments.pseudonym import Pseudonymiser, key_from_text
from scanners.model.disclosure import DisclosureRecord
from scanners.model.register import RegisterEntry, match_entry


class DisclosureRefused(ConfigError):
    """The request may not be disclosed yet; ``reasons`` holds one line per problem."""

    def __init__(self, request_id: str, reasons: list[str]) -> None:
        self.reasons = tuple(reasons)
        shown = request_id or "the request"
        super().__init__(f"disclosure refused for {shown}: " + "; ".join(reasons))


@dataclass(frozen=True)
class Prepared:
    """A request assessed against its source, with what producing it needs."""

    request: DisclosureRequest
    entry: RegisterEntry | None
    assessment: Assessment
    tools: TreatmentTools
    connector: Connector
    companions: tuple[tuple[str, str], ...] = ()  # identifier columns that clean free text


def new_request_id(now: datetime) -> str:
    """An id for a request that gives none: ``DIS-20261204-1530-7f3a``."""
    return f"DIS-{now:%Y%m%d-%H%M}-{secrets.token_hex(2)}"


def _pseudonymiser(loaded: LoadedConfig, request: DisclosureRequest) -> Pseudonymiser | None:
    """The recipient's pseudonymiser, or None when the key is absent or too short."""
    value = os.environ.get(loaded.config.disclosure.key_env)
    if value is None:
        return None
    try:
        return Pseudonymiser(key_from_text(value), request.recipient)
    except ValueError:
        return None


def prepare(
    loaded: LoadedConfig,
    request: DisclosureRequest,
    engine: DetectionEngine,
    now: datetime,
) -> Prepared:
    """Assess ``request``: open its source, classify the dataset, count k in the source.

    The caller closes ``Prepared.connector``.
    """
    source = next(s for s in loaded.config.sources if s.name == request.source)
    entry = match_entry(load_register_for(loaded), request.source, request.dataset)
    connector = build_connector(source, loaded)
    connector.open()
    try:
        view = inspect_dataset(
            connector, request, loaded.config.detection, engine, load_overrides_for(loaded)
        )
        columns = assess_columns(request, entry, view.found)
        pseudonymiser = _pseudonymiser(loaded, request)
        needs_anonymiser = any(c.free_text and c.treatment == "keep" for c in columns)
        tools = TreatmentTools(
            on=now.date(),
            calendar=request.calendar,
            pseudonymiser=pseudonymiser,
            anonymiser=FreeTextAnonymiser(engine) if needs_anonymiser else None,
        )
        usable = tuple(
            c for c in columns if c.exists and (c.treatment != "pseudonym" or pseudonymiser)
        )
        k = k_anonymity(
            streamer(connector, request),
            request.dataset,
            usable,
            tools,
            k_min_for(request, entry),
            view.rows,
            in_clear=bool(clear_identifiers(request, columns)),
        )
        assessment = assess(request, entry, columns, k, pseudonymiser is not None, view.rows, now)
    except BaseException:
        connector.close()
        raise
    return Prepared(request, entry, assessment, tools, connector, view.companions)


def write_assessment(prepared: Prepared, out_dir: Path) -> list[Path]:
    """``assessment.json`` and ``assessment.html`` in ``out_dir``."""
    return write_all_or_nothing(out_dir, assessment_files(prepared.assessment))


def refusals(assessment: Assessment, language: str) -> list[str]:
    """One line per reason the extract may not be made."""
    lines = [p.text(language) for p in assessment.blocking]
    if not assessment.approved:
        lines.append(
            "ยังไม่มีผู้อนุมัติ (approved_by ว่าง)"
            if language == "th"
            else "approved_by is empty: the extract needs an approver"
        )
    return lines


def produce(
    loaded: LoadedConfig, prepared: Prepared, out_dir: Path, store: StateStore, now: datetime
) -> DisclosureRecord:
    """Write the extract, notices and disclosure.json into ``out_dir`` and log the disclosure."""
    request, assessment = prepared.request, prepared.assessment
    reasons = refusals(assessment, "en")
    if reasons:
        raise DisclosureRefused(request.id, reasons)
    existing = get_disclosure(store, request.id)
    if existing is not None:
        raise ConfigError(
            f"disclosure {request.id} is already in the log (disclosed "
            f"{existing.disclosed_at:%Y-%m-%d}); give the request a new id"
        )
    if (out_dir / "disclosure.json").exists():
        raise ConfigError(f"{out_dir} already holds a disclosure: choose an empty folder")
    columns = tuple(c for c in assessment.columns if c.treatment != "drop")
    k = assessment.k_anonymity
    count_k = k is not None and k.k is not None
    facts: list[ExtractFacts] = []

    def write(path: Path) -> Path:
        facts.append(
            write_extract(
                streamer(prepared.connector, request),
                request.dataset,
                columns,
                prepared.tools,
                request.format,
                path,
                count_k,
                prepared.companions,
            )
        )
        written = facts[-1]
        if k is not None and written.k is not None and written.k < k.k_min:
            raise DisclosureRefused(
                request.id,
                [f"the rows changed since the assessment: k is now {written.k} < {k.k_min}"],
            )
        return path

    def record() -> DisclosureRecord:
        return _record(prepared, facts[-1], now)

    files = disclosure_files(
        extract_name(request.format), write, record, assessment, loaded.config.disclosure.controller
    )
    written = write_all_or_nothing(out_dir, files)
    try:
        entry = record()
        record_disclosure(store, entry)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return entry


def _record(prepared: Prepared, facts: ExtractFacts, now: datetime) -> DisclosureRecord:
    request, entry = prepared.request, prepared.entry
    return DisclosureRecord(
        id=request.id,
        source=request.source,
        dataset=request.dataset,
        recipient=request.recipient,
        recipient_contact=request.recipient_contact,
        requested_by=request.requested_by,
        legal_basis=request.legal_basis,
        sensitive_basis=request.sensitive_basis,
        purpose=request.purpose,
        approved_by=request.approved_by,
        register_id=entry.id if entry is not None else None,
        owner=entry.owner if entry is not None else None,
        disclosed_at=now,
        rows=facts.rows,
        sha256=facts.sha256,
        k=facts.k,
        treatments=tuple((c.name, c.treatment) for c in request.extracted),
        format=request.format,
        follow_up_every=request.follow_up_every,
        next_followup=after(now.date(), request.follow_up_every),
    )


def with_id(request: DisclosureRequest, now: datetime) -> DisclosureRequest:
    """``request`` with an id (a new one when the file gives none)."""
    return request if request.id else replace(request, id=new_request_id(now))
