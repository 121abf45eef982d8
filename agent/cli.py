"""The ``pdpa-agent`` command line (SPEC §3): parse, dispatch, map errors to exit codes.

Exit codes: 0 success; 1 findings at or above ``--fail-on``; 2 usage or
configuration error (one line, no traceback); 3 the scan completed but a
source or dataset failed, or it could not be recorded in the state store.
"""

from __future__ import annotations

import argparse
import logging
import re
import select
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from agent import __version__
from agent.config_loader import LoadedConfig, find_config, load_config
from agent.problems import ConfigProblems
from connectors.errors import PdpaAgentError
from scanners.subjects import SUBJECT_TYPES

if TYPE_CHECKING:
    from agent.file_cache import FileCache

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
SEVERITIES = ("low", "medium", "high", "critical")


_OPTION_NAME = re.compile(r"-{1,2}[A-Za-z][A-Za-z-]*")
_HIDDEN = "…"


def _shown(token: str, known: frozenset[str]) -> str:
    """How a command-line token may appear in a usage error: as is, or hidden."""
    if token in known or _OPTION_NAME.fullmatch(token):
        return token
    option, equals, _value = token.partition("=")
    if equals and _OPTION_NAME.fullmatch(option):
        return f"{option}={_HIDDEN}"
    return _HIDDEN


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 and never repeat a value from the command line (SPEC §3).

    argparse quotes what it rejects (``invalid choice: 'X'``, ``unrecognized
    arguments: X``); X may be a subject's VALUE or detect's text, so every
    token that is not an option name or one of the parser's choices is hidden.
    """

    given: tuple[str, ...] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.given = tuple(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            known = self.known_words()
            self.error("unrecognized arguments: " + " ".join(_shown(t, known) for t in extras))
        return parsed

    def known_words(self) -> frozenset[str]:
        """Option strings and choices of this parser and its sub-commands."""
        words: set[str] = set()
        for action in self._actions:
            words.update(action.option_strings)
            if isinstance(action.choices, dict):
                for name, sub in action.choices.items():
                    words.add(name)
                    if isinstance(sub, _Parser):
                        words |= sub.known_words()
            elif action.choices is not None:
                words.update(str(choice) for choice in action.choices)
        return frozenset(words)

    def error(self, message: str) -> None:  # type: ignore[override]
        known = self.known_words()
        for token in sorted(set(self.given), key=len, reverse=True):
            for part in {token, token.partition("=")[2]}:
                if part and _shown(part, known) == _HIDDEN:
                    message = message.replace(repr(part), repr(_HIDDEN))
                    if len(part) >= 4:
                        message = message.replace(part, _HIDDEN)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    """``-c/--config`` after every command name too; main() reconciles it with the one before."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command.add_argument(
                    "-c",
                    "--config",
                    dest="command_config",
                    metavar="CONFIG",
                    default=argparse.SUPPRESS,
                    help="config file (default ./pdpa-agent.toml); also before the command",
                )
                _add_config_option(command)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pdpa-agent", description="Thai PDPA personal-data scanner")
    parser.add_argument("--version", action="version", version=f"pdpa-agent {__version__}")
    parser.add_argument("-c", "--config", help="config file (default ./pdpa-agent.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    scan = commands.add_parser("scan", help="one discovery scan now")
    scan.add_argument("--source", action="append", default=[], help="only this source (repeatable)")
    scan.add_argument("--out", help="report folder (default: reports.out_dir)")
    scan.add_argument("--format", help="comma-separated: json,html,csv,xlsx")
    scan.add_argument("--fail-on", choices=SEVERITIES, help="exit 1 on findings at this severity")

    detect = commands.add_parser("detect", help="detect personal data in free text")
    detect.add_argument("path", nargs="?", default="-", help="file, or - for standard input")
    detect.add_argument("--jsonl", action="store_true", help='input lines are {"id", "text"}')

    demo = commands.add_parser("demo", help="build the demo organisation and scan it")
    demo.add_argument("--out", default="pdpa-demo", help="folder for the demo and its reports")

    subject = commands.add_parser("subject", help="where one data subject appears")
    subject.add_argument(
        "value",
        nargs="?",
        default="-",
        metavar="VALUE",
        help="the subject's value, or sha256:<hex> with --type; - or none: read standard input",
    )
    subject.add_argument("--type", choices=SUBJECT_TYPES)
    subject.add_argument("--source", action="append", default=[], help="only this source")

    run = commands.add_parser("run", help="scan on the configured schedule until stopped")
    run.add_argument("--now", action="store_true", help="also scan once right away")

    access = commands.add_parser("access", help="access-list verification only")
    access.add_argument("--source", action="append", default=[], help="only this source")
    access.add_argument("--out", help="report folder (default: reports.out_dir)")
    access.add_argument("--format", help="comma-separated: json,html,csv,xlsx")
    access.add_argument("--fail-on", choices=SEVERITIES, help="exit 1 on findings at this severity")

    findings = commands.add_parser("findings", help="findings from the state store")
    findings.add_argument("--status", choices=("open", "resolved"))
    findings.add_argument("--since", metavar="SCAN", help="only findings that changed after SCAN")

    check = commands.add_parser(
        "check-config", help="validate config, register, access list, overrides and requests"
    )
    check.add_argument(
        "--connect",
        action="store_true",
        help="also connect to every source (read-only) and check what only it can tell",
    )

    worker = commands.add_parser("worker", help="a Celery worker for executor = celery")
    worker.add_argument(
        "--zone", action="append", default=[], help="serve this zone's sources (repeatable)"
    )
    worker.add_argument("--concurrency", type=int, default=2, help="worker processes (default 2)")
    worker.add_argument("--name", help="worker name (default pdpa-agent@HOST)")
    _add_config_option(parser)
    return parser


def _formats(text: str | None, default: Sequence[str]) -> list[str]:
    from reports import FORMATS

    if text is None:
        return list(default)
    formats = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise PdpaAgentError(
            f"--format: unknown format(s) {unknown or text!r}; use {','.join(FORMATS)}"
        )
    return formats


def _load(args: argparse.Namespace) -> LoadedConfig:
    return load_config(find_config(args.config))


def cmd_scan(
    args: argparse.Namespace,
    loaded: LoadedConfig | None = None,
    access_only: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    from dataclasses import replace

    from agent.findings_command import diff_line
    from agent.owner_delivery import deliver_owner_reports
    from agent.progress import Progress
    from agent.recording import ScanRecorder
    from agent.runner import ScanPlan, run_scan, select_sources
    from agent.summary import summary_lines
    from agent.user_files import (
        load_due_requests,
        load_grants_for,
        load_overrides_for,
        load_register_for,
    )
    from reports import write_reports
    from reports.access_report import write_access_reports
    from scanners.checks.catalogue import SEVERITY_RANK
    from scanners.engine import DetectionEngine

    loaded = loaded or _load(args)
    config = loaded.config
    formats = _formats(args.format, config.reports.formats)
    out_dir = Path(args.out) if args.out else loaded.resolve(config.reports.out_dir)
    today = date.today()
    grants = load_grants_for(loaded)
    overrides = load_overrides_for(loaded)
    if access_only and grants is None:
        raise PdpaAgentError(f"{loaded.path}: no [access] access list is configured")
    plan = ScanPlan(
        loaded,
        select_sources(loaded, args.source),
        load_register_for(loaded),
        () if access_only else load_due_requests(loaded, today),
        today,
        grants,
        should_stop=should_stop,
        overrides=overrides,
    )
    # A store that fails never stops the scan: it becomes a SCAN_ERROR (agent.recording).
    recorder = (
        None if access_only else ScanRecorder(config.agent.state, config.reports.due_policy())
    )
    if recorder is None or recorder.usable:  # the same database: do not wait for it twice
        plan = replace(plan, file_cache=open_file_cache(config.agent.state))
    started = time.monotonic()
    engine = DetectionEngine(config.detection.languages)
    try:
        if recorder is not None:
            recorder.begin(plan.scan_id)
        result = run_scan(plan, engine, Progress())
        diff = recorder.record(result) if recorder is not None and result.complete else None
    finally:
        if plan.file_cache is not None:
            plan.file_cache.close()
        if recorder is not None:
            recorder.close()
    if not result.complete:
        print(f"scan {result.scan.id} stopped after the dataset in progress; not recorded")
        return EXIT_OK
    if recorder is not None:
        result = recorder.with_problem(result)
    if access_only:
        kept = tuple(f for f in result.findings if f.type.startswith(("ACCESS_", "SCAN_ERROR")))
        result = replace(result, findings=kept)
    try:
        report_formats = ["json"] if access_only else formats
        written = write_reports(
            result,
            out_dir,
            report_formats,
            config.reports.language,
            config.reports.report_options(),
        )
        if result.access_reviews:
            written += write_access_reports(
                result.access_reviews, out_dir, formats, config.reports.language
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
    if recorder is not None and recorder.problem is not None:
        print(recorder.problem_line())
    if result.failed:
        return EXIT_INCOMPLETE
    if getattr(args, "fail_on", None) and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[args.fail_on] for f in result.findings
    ):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_findings(args: argparse.Namespace) -> int:
    from agent.findings_command import report_lines
    from agent.state_store import StateStore, UnknownScanError

    loaded = _load(args)
    try:
        store = StateStore(loaded.config.agent.state)
    except Exception as exc:
        raise PdpaAgentError(f"cannot open the state store: {type(exc).__name__}") from None
    try:
        print("\n".join(report_lines(store, args.status, args.since)))
    except UnknownScanError as exc:
        raise PdpaAgentError(f"--since: {exc}") from None
    finally:
        store.close()
    return EXIT_OK


def open_file_cache(state_url: str) -> FileCache | None:
    """The incremental file cache in the state store, or None (with a warning) when unusable."""
    from agent.file_cache import FileCache

    try:
        return FileCache(state_url)
    except Exception as exc:  # the cache is an optimisation: scan everything without it
        logging.getLogger(__name__).warning(
            "state store unusable (%s); files are read in full", type(exc).__name__
        )
        return None


def cmd_run(args: argparse.Namespace) -> int:
    from agent.schedule_spec import parse_schedule
    from agent.scheduler import StopFlag, build_scheduler, run_until_stopped

    loaded = _load(args)
    spec = parse_schedule(loaded.config.agent.schedule)
    stop = StopFlag()
    stop.install()
    log = logging.getLogger(__name__)

    def job() -> None:
        scan_args = argparse.Namespace(source=[], out=None, format=None, fail_on=None)
        try:
            cmd_scan(scan_args, loaded, should_stop=stop)
        except PdpaAgentError as exc:  # one failed scan must not end the agent
            log.error("scan failed: %s", exc)

    print(f"pdpa-agent running: {loaded.config.agent.schedule} (SIGTERM or Ctrl-C stops it)")
    run_until_stopped(build_scheduler(spec, job), stop, job, now=args.now)
    print("pdpa-agent stopped")
    return EXIT_OK


def cmd_access(args: argparse.Namespace) -> int:
    return cmd_scan(args, access_only=True)


def cmd_detect(args: argparse.Namespace) -> int:
    from agent.detect_command import detect_jsonl, detect_text, read_input
    from scanners.engine import DetectionEngine

    text = read_input(args.path)
    engine = DetectionEngine()
    if args.jsonl:
        detect_jsonl(engine, text, sys.stdout, args.path)
    else:
        detect_text(engine, text, sys.stdout)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from agent.demo import build_demo

    out = Path(args.out)
    paths = build_demo(out / "demo-org")
    print(f"demo organisation written to {paths.root}")
    scan_args = argparse.Namespace(source=[], out=str(out), format=None, fail_on=None)
    return cmd_scan(scan_args, load_config(paths.config))


def cmd_subject(args: argparse.Namespace) -> int:
    from agent.runner import ScanPlan, select_sources
    from agent.subject_command import (
        Failure,
        find_subject,
        masked,
        read_subject,
        value_from_stdin,
    )
    from agent.user_files import load_overrides_for, load_register_for
    from scanners.engine import DetectionEngine

    try:
        value = value_from_stdin() if args.value == "-" else args.value
        subject = read_subject(value, args.type)
    except ValueError as exc:
        raise PdpaAgentError(f"subject: {exc}") from None
    loaded = _load(args)
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


def cmd_check_config(args: argparse.Namespace) -> int:
    from agent.user_files import check_all

    problems, summary = check_all(find_config(args.config), connect=args.connect)
    for problem in problems:
        print(problem)
    errors = [p for p in problems if not p.warning]
    if errors:
        print(f"{len(errors)} problem(s) found", file=sys.stderr)
        return EXIT_USAGE
    print(summary)
    return EXIT_OK


def cmd_worker(args: argparse.Namespace) -> int:
    from agent.executors.celery_worker import run_worker

    if args.concurrency < 1:
        raise PdpaAgentError("--concurrency must be at least 1")
    run_worker(find_config(args.config), args.zone, args.concurrency, args.name)
    return EXIT_OK


COMMANDS = {
    "scan": cmd_scan,
    "detect": cmd_detect,
    "demo": cmd_demo,
    "subject": cmd_subject,
    "access": cmd_access,
    "findings": cmd_findings,
    "run": cmd_run,
    "check-config": cmd_check_config,
    "worker": cmd_worker,
}


def output_closed(stream: TextIO) -> bool:
    """Whether the reader of ``stream`` has gone away (a pipe whose other end is closed)."""
    try:
        poller = select.poll()
        poller.register(stream.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # closed, detached or not a real file
        return True


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    after = getattr(args, "command_config", None)
    if after is not None:  # -c after the command name; given on both sides, they must agree
        if args.config is not None and args.config != after:
            print(
                "pdpa-agent: error: -c/--config given both before and after the command "
                "with different files; give it once",
                file=sys.stderr,
            )
            return EXIT_USAGE
        args.config = after
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return COMMANDS[args.command](args)
    except ConfigProblems as exc:
        print(f"pdpa-agent: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PdpaAgentError as exc:
        print(f"pdpa-agent: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pdpa-agent: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one line, no traceback unless asked
        if isinstance(exc, BrokenPipeError) and output_closed(sys.stdout):
            return EXIT_OK  # the reader went away (`| head`); a pipe of our own is a failure
        if args.debug:
            raise
        print(
            f"pdpa-agent: internal error: {type(exc).__name__} (run with --debug)", file=sys.stderr
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
