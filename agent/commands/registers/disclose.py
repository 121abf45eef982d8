"""``pdpa-agent disclose REQUEST.toml [--assess] [--out DIR]`` (SPEC §10).

``--assess`` writes ``assessment.json`` and ``assessment.html`` and prints
what blocks the request (exit 0: the assessment is made, whatever it says).
Without it the request is assessed again and, when nothing blocks it and
``approved_by`` is set, the extract, the recipient notices, ``disclosure.json``
and the assessment are written to DIR and the disclosure is logged; otherwise
it is refused, one line per reason, exit 2, nothing written. DIR defaults to
``<reports.out_dir>/disclosures/<request id>``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from agent.commands.exit_codes import EXIT_OK, EXIT_USAGE
from agent.disclosure.request_loader import load_request
from agent.disclosure.session import (
    DisclosureRefused,
    Prepared,
    prepare,
    produce,
    with_id,
    write_assessment,
)
from agent.inputs.config_loader import LoadedConfig, find_config, load_config
from agent.state.store import StateStore
from connectors.errors import PdpaAgentError
from scanners.detection.engine import DetectionEngine


def out_dir_for(loaded: LoadedConfig, given: str | None, request_id: str) -> Path:
    if given:
        return Path(given)
    return loaded.resolve(loaded.config.reports.out_dir) / "disclosures" / request_id


def open_store(loaded: LoadedConfig) -> StateStore:
    try:
        return StateStore(loaded.config.agent.state)
    except Exception as exc:
        raise PdpaAgentError(f"cannot open the state store: {type(exc).__name__}") from None


def disclose_command(args: argparse.Namespace) -> int:
    loaded = load_config(find_config(args.config))
    now = datetime.now().astimezone()
    names = {source.name for source in loaded.config.sources}
    request = with_id(load_request(Path(args.request), names), now)
    out_dir = out_dir_for(loaded, args.out, request.id)
    engine = DetectionEngine(loaded.config.detection.languages)
    prepared = prepare(loaded, request, engine, now)
    try:
        return _finish(args, loaded, prepared, out_dir, now)
    except OSError as exc:
        raise PdpaAgentError(f"cannot write to {out_dir}: {exc.strerror or exc}") from None
    finally:
        prepared.connector.close()


def _finish(
    args: argparse.Namespace,
    loaded: LoadedConfig,
    prepared: Prepared,
    out_dir: Path,
    now: datetime,
) -> int:
    """Write the assessment, or produce and log the disclosure; the exit code."""
    request = prepared.request
    if args.assess:
        write_assessment(prepared, out_dir)
        assessment = prepared.assessment
        blocking = assessment.blocking
        verdict = "blocked" if blocking else "ready" if assessment.approved else "not approved"
        print(f"disclosure {request.id}: assessment written to {out_dir} ({verdict})")
        for problem in assessment.problems:
            level = "blocking" if problem.blocking else "note"
            print(f"  {level}: {problem.en}")
        return EXIT_OK
    with open_store(loaded) as store:
        try:
            record = produce(loaded, prepared, out_dir, store, now)
        except DisclosureRefused as refused:
            for reason in refused.reasons:
                print(f"pdpa-agent: disclosure {request.id} refused: {reason}", file=sys.stderr)
            return EXIT_USAGE
    print(
        f"disclosure {record.id}: {record.rows} row(s) to {record.recipient} written to "
        f"{out_dir} (sha256 {record.sha256[:16]}…); next follow-up {record.next_followup}"
    )
    return EXIT_OK
