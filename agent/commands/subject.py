"""``pdpa-agent subject VALUE``: where one data subject appears, for erasure and access requests.

Each dataset is sampled and classified as in a scan to learn which columns
hold the subject's type (plus the register's ``subject_key``), after the
classification overrides (a column overridden to ``[]`` is never searched,
one overridden to a subject type is); those columns are then searched for
the value in every written form — compared whole, or inside the text of a
free-text column (see :mod:`agent.scan.facts.subjects`); a ``sha256:`` subject
needs the column's values hashed in memory. The value is never logged or
printed: the output names the masked subject, the places and the row counts.

VALUE may come from standard input (one line, or typed without echo at a
terminal) so that it stays out of the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from agent.commands.exit_codes import EXIT_INCOMPLETE, EXIT_OK
from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig, find_config, load_config
from agent.inputs.user_files import load_overrides_for, load_register_for
from agent.scan.facts.subjects import count_rows, search_targets
from agent.scan.runner import ScanPlan, select_sources
from agent.scan.sources import build_connector
from connectors.base import Connector, SubjectFinder
from connectors.errors import PdpaAgentError
from scanners.classification.classify import classify_dataset
from scanners.classification.overrides import apply_overrides
from scanners.detection.engine import DetectionEngine
from scanners.masking import mask_value
from scanners.model.register import match_entry
from scanners.model.result import DatasetResult
from scanners.reasons import error_reason
from scanners.subjects.normal_forms import SUBJECT_TYPES, looks_like_national_id
from scanners.subjects.spellings import Subject, parse_subject

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_VALUE_BYTES = 4096
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    """One column holding the subject, with how many rows."""

    source: str
    dataset: str
    column: str
    rows: int


@dataclass(frozen=True)
class Failure:
    """A source or dataset that could not be searched."""

    source: str
    dataset: str | None
    reason: str


def guess_type(value: str) -> str:
    """The subject type of a clear value: e-mail, Thai national ID, else phone number.

    Anything written like a national ID (13 digits) is one, valid or not, so
    a wrong check digit is reported instead of the value being searched as a
    foreign phone number.
    """
    text = value.strip().removeprefix("'")
    if _EMAIL.match(text):
        return "EMAIL_ADDRESS"
    if looks_like_national_id(text):
        return "TH_NATIONAL_ID"
    return "PHONE_NUMBER"


def read_subject(value: str, subject_type: str | None) -> Subject:
    """Parse the command's VALUE; ValueError (without the value) when it cannot be that type."""
    text = value.strip().removeprefix("'")
    guessed = subject_type is None
    if subject_type is None:
        if text.lower().startswith("sha256:"):
            raise ValueError("a sha256: subject needs --type")
        subject_type = guess_type(text)
    if subject_type not in SUBJECT_TYPES:
        raise ValueError(f"--type must be one of {', '.join(SUBJECT_TYPES)}")
    try:
        return parse_subject(subject_type, text)
    except ValueError as exc:
        if not (guessed and subject_type == "TH_NATIONAL_ID"):
            raise
        reason = str(exc).removeprefix("TH_NATIONAL_ID: ")
        if "check digit" in reason:
            reason = "its check digit is wrong"
        raise ValueError(
            f"VALUE looks like a Thai national ID (13 digits), but {reason}; "
            "check it, or give --type if it is another kind of value"
        ) from None


def value_from_bytes(data: bytes) -> str:
    """VALUE as piped on standard input: one UTF-8 line, its line ending dropped."""
    if len(data) > MAX_VALUE_BYTES:
        raise ValueError(f"standard input holds more than one VALUE (over {MAX_VALUE_BYTES} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"standard input is not UTF-8 (byte {exc.start})") from None
    text = text.rstrip("\r\n")
    if not text.strip():
        raise ValueError("no VALUE: give it on the command line or on standard input")
    if "\n" in text or "\r" in text:
        raise ValueError("standard input must hold one VALUE on one line")
    return text


def value_from_stdin() -> str:
    """VALUE from standard input: typed without echo at a terminal, else the piped line."""
    if sys.stdin is None:
        raise ValueError("no VALUE: give it on the command line or on standard input")
    if sys.stdin.isatty():
        try:
            text = getpass.getpass("subject VALUE (not shown): ")
        except EOFError:
            text = ""
        return value_from_bytes(text.encode("utf-8"))
    return value_from_bytes(sys.stdin.buffer.read(MAX_VALUE_BYTES + 1))


def masked(subject: Subject) -> str:
    """How the subject is shown: masked clear value, or the start of its digest."""
    if subject.clear is None:
        return subject.digest[:19] + "…"
    return mask_value(subject.type, subject.clear)


def find_subject(
    plan: ScanPlan, engine: DetectionEngine, subject: Subject
) -> Iterator[Place | Failure]:
    """Every place ``subject`` appears, and every source or dataset that failed."""
    for source in plan.sources:
        run = open_source(source, plan.loaded)
        if run.error is not None or run.connector is None:
            yield Failure(source.name, None, run.error or "cannot open")
            continue
        connector = run.connector
        try:
            for name in run.datasets:
                yield from _search_dataset(connector, name, plan, engine, subject)
        finally:
            connector.close()


def _search_dataset(
    connector: Connector, name: str, plan: ScanPlan, engine: DetectionEngine, subject: Subject
) -> Iterator[Place | Failure]:
    source = connector.name
    if not isinstance(connector, SubjectFinder):
        return
    try:
        info = connector.describe(name)
        sample = connector.sample(info, plan.loaded.config.detection.sample_rows)
        detection = plan.loaded.config.detection
        columns = classify_dataset(
            sample, engine, detection.min_match_ratio, adaptive=detection.adaptive_sampling
        )
        columns = apply_overrides(plan.overrides, source, name, columns)
        dataset = DatasetResult(source, name, info.kind, info.row_count, None, columns)
        entry = match_entry(plan.register, source, name)
        for target in search_targets(dataset, entry):
            if target.subject_type == subject.type:
                rows = count_rows(connector, name, target, subject)
                if rows:
                    yield Place(source, name, target.column, rows)
    except Exception as exc:  # one dataset's failure is reported, the search goes on
        yield Failure(source, name, error_reason(exc))


@dataclass
class SourceRun:
    """One source opened for a subject search: its connector and datasets, or why it failed."""

    source: DatabaseSource | FilesSource
    connector: Connector | None = None
    datasets: list[str] = field(default_factory=list)
    error: str | None = None


def open_source(source: DatabaseSource | FilesSource, loaded: LoadedConfig) -> SourceRun:
    """Open ``source`` and list its datasets; a failure is kept on the run, never raised."""
    run = SourceRun(source)
    try:
        run.connector = build_connector(source, loaded)
        run.connector.open()
        run.datasets = run.connector.list_datasets()
        log.info("source %s: %d dataset(s)", source.name, len(run.datasets))
    except Exception as exc:  # any failure of one source must not stop the others
        run.error = error_reason(exc)
        log.warning("source %s failed: %s", source.name, run.error)
        if run.connector is not None:
            run.connector.close()
    return run


def subject_command(args: argparse.Namespace) -> int:
    """``pdpa-agent subject [VALUE|-] [--type T] [--source NAME]...``."""
    try:
        value = value_from_stdin() if args.value == "-" else args.value
        subject = read_subject(value, args.type)
    except ValueError as exc:
        raise PdpaAgentError(f"subject: {exc}") from None
    loaded = load_config(find_config(args.config))
    plan = ScanPlan(
        loaded,
        select_sources(loaded, args.source),
        load_register_for(loaded),
        overrides=load_overrides_for(loaded),
    )
    engine = DetectionEngine(loaded.config.detection.languages)
    print(f"subject {subject.type} {masked(subject)}")
    found = failed = 0
    for item in find_subject(plan, engine, subject):
        if isinstance(item, Failure):
            failed += 1
            where = f"{item.source}/{item.dataset}" if item.dataset else item.source
            print(f"  SCAN_ERROR {where}: {item.reason}")
        else:
            found += 1
            print(f"  {item.source}/{item.dataset} column {item.column}: {item.rows} row(s)")
    print(f"found in {found} column(s)" if found else "not found in any scanned dataset")
    return EXIT_INCOMPLETE if failed else EXIT_OK
